#include "api/usagecolumns.h"

#include "api/decoders.h"

namespace api {

UsageColumns::UsageColumns()
{
    for (QList<QString> &v : values)
        v.append(QString());
}

void UsageColumns::reserve(qsizetype n)
{
    rows.reserve(size_t(qMax<qsizetype>(n, 0)));
    if (!numbers[ConsumedQuantity].empty() || n > 0)
        numbers[ConsumedQuantity].reserve(size_t(qMax<qsizetype>(n, 0)));
}

QByteArray UsageColumns::bytes(const Span &span) const
{
    if (span.size < 0 || span.offset < 0 || span.offset + span.size > body.size())
        return {};
    return QByteArray(body.constData() + span.offset, span.size);
}

UsageRecord UsageColumns::record(qsizetype row) const
{
    // The row decoded once already, so this cannot fail; an empty record
    // would mean the body was changed after decoding.
    return decode::usageRecord(bytes(rows[size_t(row)].raw)).value;
}

QList<UsageRecord> UsageColumns::records() const
{
    QList<UsageRecord> out;
    out.reserve(size());
    for (qsizetype i = 0; i < size(); ++i)
        out.append(record(i));
    return out;
}

} // namespace api
