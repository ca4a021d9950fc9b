#pragma once
// One decoded HTTP request as the service sees it, independent of the socket
// layer so the service can be driven in-process by tests.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace sim {

struct HttpRequest
{
    QByteArray method;   // upper case, e.g. "GET"
    QByteArray rawPath;  // still percent-encoded, without the query
    QByteArray rawQuery; // still percent-encoded, without '?'
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString remoteAddress;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    bool hasHeader(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
};

} // namespace sim
