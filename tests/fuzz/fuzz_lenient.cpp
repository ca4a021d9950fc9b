// Lenient reading (issue 20 item 4): any one JSON value in any non-key field
// of an entry, for every decoder, keeps the entry and the page (see
// lenientproperty.h). A violation aborts, so libFuzzer keeps the input.

#include "lenientproperty.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray value(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString broken = lenienttest::checkLenient(value);
    if (!broken.isEmpty()) {
        std::fprintf(stderr, "lenient reading broken: %s\n", qPrintable(broken));
        std::abort();
    }
    return 0;
}
