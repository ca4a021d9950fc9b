#include "api/replybody.h"

#include <QIODevice>

#include <simdjson.h>

#include <algorithm>
#include <limits>

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

void appendReplyBody(QIODevice *reply, QByteArray *body, qint64 expectedSize, qint64 maxBytes)
{
    // A Content-Length is a hint only (a server may lie; a compressed body is
    // longer once inflated): never reserve more than 1 GiB on its word.
    constexpr qint64 kMaxHint = qint64(1) << 30;
    if (body->isEmpty() && expectedSize > 0 && body->capacity() < expectedSize + kDecoderPadding)
        body->reserve(qsizetype(std::min(expectedSize, kMaxHint)) + kDecoderPadding);
    qint64 left = maxBytes < 0 ? std::numeric_limits<qint64>::max() : maxBytes;
    while (reply->bytesAvailable() > 0 && left > 0) {
        const qsizetype at = body->size();
        const auto want = qsizetype(std::min(reply->bytesAvailable(), left));
        if (body->capacity() < at + want + kDecoderPadding)
            body->reserve(std::max(at + want + kDecoderPadding, body->capacity() * 2));
        body->resize(at + want);
        const qint64 got = reply->read(body->data() + at, want);
        body->resize(at + qsizetype(std::max<qint64>(got, 0)));
        if (got <= 0)
            break;
        left -= got;
    }
}

} // namespace api
