// Bare record decoders and the timestamp parser on arbitrary bytes.

#include "api/decoders.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray json(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0] % 6) {
    case 0:
        (void)api::decode::organization(json);
        break;
    case 1:
        (void)api::decode::account(json);
        break;
    case 2:
        (void)api::decode::member(json);
        break;
    case 3:
        (void)api::decode::auditEvent(json);
        break;
    case 4:
        (void)api::decode::usageRecord(json);
        break;
    default: {
        qint64 ms = 0;
        (void)api::decode::parseTimestamp(std::string_view(json.constData(), size_t(json.size())), &ms);
        break;
    }
    }
    return 0;
}
