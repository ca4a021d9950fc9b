// Every envelope decoder on arbitrary bytes: the first byte picks the decoder.
// Decoders must return a value or an ApiError, never crash or hang.

#include "api/decoders.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0] % 14) {
    case 0:
        (void)api::decode::organizationResponse(body);
        break;
    case 1:
        (void)api::decode::organizationsPage(body);
        break;
    case 2:
        (void)api::decode::accountsPage(body);
        break;
    case 3:
        (void)api::decode::profileResponse(body);
        break;
    case 4:
        (void)api::decode::memberResponse(body);
        break;
    case 5:
        (void)api::decode::membersResponse(body);
        break;
    case 6:
        (void)api::decode::membersPage(body);
        break;
    case 7:
        (void)api::decode::auditPage(body);
        break;
    case 8: {
        // Differential: the column decoder the Usage page uses must accept,
        // reject and read exactly what the record decoder does.
        const auto records = api::decode::usageResponse(body);
        const auto columns = api::decode::usageColumns(body);
        if (records.ok() != columns.ok() || records.value.size() != columns.value.size() ||
            records.error.detail() != columns.error.detail())
            __builtin_trap();
        for (qsizetype i = 0; i < columns.value.size(); ++i) {
            const api::UsageRecord &r = records.value[i];
            if (columns.value.textAt(api::UsageColumns::BillableMetricId, i) != r.billableMetricId ||
                columns.value.textAt(api::UsageColumns::BillingAccountName, i) != r.billingAccountName ||
                columns.value.optionalNumber(api::UsageColumns::ConsumedQuantity, i) != r.consumedQuantity ||
                columns.value.record(i).chargePeriodStart != r.chargePeriodStart)
                __builtin_trap();
        }
        break;
    }
    case 9:
        (void)api::decode::tokenVerificationResponse(body);
        break;
    case 10:
        (void)api::decode::deletedIdResponse(body);
        break;
    case 11:
        (void)api::decode::errorMessages(body);
        break;
    case 12:
        (void)api::decode::scanPageToken(body);
        break;
    default:
        (void)api::decode::scanAuditCursor(body);
        break;
    }
    return 0;
}
