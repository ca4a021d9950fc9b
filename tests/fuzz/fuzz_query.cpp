// Query building: any key/value pairs encode to RFC 3986 text that decodes
// back to the same pairs.

#include "api/query.h"

#include <QUrl>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QStringList parts = input.split(QChar(0x1f)); // unit separator splits pairs
    api::Query query;
    for (int i = 0; i + 1 < parts.size(); i += 2)
        query.add(parts.at(i), parts.at(i + 1));
    const QByteArray encoded = query.toEncoded();
    for (char c : encoded) {
        const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                             c == '-' || c == '.' || c == '_' || c == '~' || c == '%' || c == '=' || c == '&';
        if (!allowed)
            std::abort();
    }
    // Round trip: split on & and =, percent-decode, compare.
    const QList<QByteArray> pairs = encoded.isEmpty() ? QList<QByteArray>{} : encoded.split('&');
    if (pairs.size() != query.items().size())
        std::abort();
    for (int i = 0; i < pairs.size(); ++i) {
        const int eq = pairs.at(i).indexOf('=');
        if (eq < 0)
            std::abort();
        const QString key = QString::fromUtf8(QByteArray::fromPercentEncoding(pairs.at(i).left(eq)));
        const QString value = QString::fromUtf8(QByteArray::fromPercentEncoding(pairs.at(i).mid(eq + 1)));
        // Compare after a UTF-8 round trip: unpaired surrogates cannot survive it.
        const auto &item = query.items().at(i);
        if (QString::fromUtf8(item.first.toUtf8()) != key || QString::fromUtf8(item.second.toUtf8()) != value)
            std::abort();
    }
    return 0;
}
