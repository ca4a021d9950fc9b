#include "api/replybody.h"

#include <QIODevice>

#include <simdjson.h>

#include <algorithm>

namespace api {

static_assert(kDecoderPadding >= qsizetype(simdjson::SIMDJSON_PADDING));

QByteArray readReplyBody(QIODevice *reply)
{
    QByteArray body;
    body.reserve(qsizetype(reply->bytesAvailable()) + kDecoderPadding);
    while (reply->bytesAvailable() > 0) {
        const qsizetype at = body.size();
        const auto want = qsizetype(reply->bytesAvailable());
        if (body.capacity() < at + want + kDecoderPadding)
            body.reserve(at + want + kDecoderPadding);
        body.resize(at + want);
        const qint64 got = reply->read(body.data() + at, want);
        body.resize(at + qsizetype(std::max<qint64>(got, 0)));
        if (got <= 0)
            break;
    }
    return body;
}

} // namespace api
