#pragma once
// Reads an HTTP reply's body with spare capacity behind its last byte, so the
// JSON decoders can parse it in place (simdjson reads up to its padding past
// the end) instead of copying a megabyte page into a padded buffer first.
// Job reads every body this way; the fuzz target fuzz_body feeds the decoders
// through it too.

#include <QByteArray>

class QIODevice;

namespace api {

// At least simdjson's SIMDJSON_PADDING (checked where simdjson is included).
inline constexpr qsizetype kDecoderPadding = 64;

// Everything the device has available now; capacity() - size() >= kDecoderPadding.
QByteArray readReplyBody(QIODevice *reply);
// Appends what the device has available now to `body`, keeping
// capacity() - size() >= kDecoderPadding. `expectedSize` (the Content-Length,
// -1 when unknown) sizes the buffer on the first read; beyond it the buffer
// grows geometrically, so reading a body piece by piece as it arrives copies
// each byte once. Reads at most `maxBytes` (-1: everything available).
void appendReplyBody(QIODevice *reply, QByteArray *body, qint64 expectedSize = -1, qint64 maxBytes = -1);

} // namespace api
