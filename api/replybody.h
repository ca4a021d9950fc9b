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

} // namespace api
