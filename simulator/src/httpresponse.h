#pragma once
// A response produced by the service; the HTTP server turns it into bytes
// (and may damage it on purpose when a fault is injected).

#include <QByteArray>
#include <QList>
#include <QPair>

namespace sim {

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json"; // empty: no Content-Type header (204)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(int status, QByteArray body)
    {
        HttpResponse r;
        r.status = status;
        r.body = std::move(body);
        return r;
    }
    static HttpResponse noContent()
    {
        HttpResponse r;
        r.status = 204;
        r.contentType.clear();
        return r;
    }
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
};

} // namespace sim
