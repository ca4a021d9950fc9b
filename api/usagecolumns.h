#pragma once
// One billable-usage answer (REFERENCE §4.14, §5.6) decoded column by column.
// FOCUS records repeat a few dozen distinct strings (accounts, metrics,
// families, units) across tens of thousands of rows, so each text column is a
// per-answer dictionary plus an index per row; numbers and times are plain
// values. The usage cube merges an answer by looking up each distinct value
// once instead of comparing strings row by row. Every field is kept (Tags as
// a per-answer dictionary of tag sets too); the record's bytes are not
// (decode::usageResponse gives whole records, for export).

#include "api/records.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <array>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

namespace api {

struct UsageColumns
{
    enum Text : int {
        BillingAccountId,
        BillingAccountName,
        BillingCurrency,
        ChargeCategory,
        ChargeClass,
        ChargeDescription,
        ChargeFrequency,
        ConsumedUnit,
        HostProviderName,
        InvoiceIssuerName,
        PricingUnit,
        RegionId,
        RegionName,
        ServiceProviderName,
        SubAccountId,
        SubAccountName,
        BillableMetricId,
        BillableMetricName,
        ProductFamilyId,
        ProductFamilyName,
        ProductCategoryName,
        ZoneId,
        ZoneName,
        TextCount
    };
    // One bit each in present[row]: eight numbers, eight bits.
    enum Number : int {
        ConsumedQuantity,
        PricingQuantity,
        ListUnitPrice,
        ListCost,
        ContractedUnitPrice,
        ContractedCost,
        BilledCost,
        EffectiveCost,
        NumberCount
    };
    enum Time : int { ChargePeriodStart, ChargePeriodEnd, BillingPeriodStart, BillingPeriodEnd, TimeCount };
    static_assert(NumberCount <= 8, "present[] holds one bit per number");

    static constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

    UsageColumns();

    // The fixed-size part of a row. The decoder writes a row at a time, so the
    // row's fields sit together (one write stream, not thirty).
    struct Row
    {
        std::array<quint32, TextCount> text{}; // index into values[f]
        quint8 present = 0;                    // bit n set when number n was given
        std::array<qint64, TimeCount> times{kNoTime, kNoTime, kNoTime, kNoTime}; // ms since epoch, UTC
    };

    qsizetype size() const { return qsizetype(rows.size()); }
    bool isEmpty() const { return rows.empty(); }

    quint32 textIndex(Text field, qsizetype row) const { return rows[size_t(row)].text[field]; }
    const QString &textAt(Text field, qsizetype row) const { return values[field][textIndex(field, row)]; }
    qint64 timeAt(Time field, qsizetype row) const { return rows[size_t(row)].times[field]; }
    bool has(Number field, qsizetype row) const { return (rows[size_t(row)].present >> field) & 1U; }
    // 0 when absent (test has() first when that matters).
    double numberAt(Number field, qsizetype row) const
    {
        const std::vector<double> &column = numbers[field];
        return column.empty() ? 0.0 : column[size_t(row)];
    }
    std::optional<double> optionalNumber(Number field, qsizetype row) const
    {
        return has(field, row) ? std::optional<double>(numberAt(field, row)) : std::nullopt;
    }
    // Any row carries the field.
    bool hasColumn(Number field) const { return !numbers[field].empty(); }
    // The row's Tags: index into tagSets (0: none), and the set itself.
    quint32 tagsIndex(qsizetype row) const { return tags.empty() ? 0 : tags[size_t(row)]; }
    const QMap<QString, QString> &tagsAt(qsizetype row) const { return tagSets[tagsIndex(row)]; }

    // The row as a record: every field but rawJson.
    UsageRecord record(qsizetype row) const;
    // Room for n rows.
    void reserve(qsizetype n);
    // Drops the rows `drop(row)` says (asked with the original row numbers, in
    // order); the dictionaries stay. Returns how many went.
    qsizetype removeRowsIf(const std::function<bool(qsizetype row)> &drop);

    // For decoders: a new row (the number columns grow with it), and one of
    // its numbers; nullopt marks it absent (a repeated key's last value wins).
    Row &appendRow();
    void setNumber(Number field, size_t row, std::optional<double> value);
    // The row's tag set, an index into tagSets (the tags column is allocated
    // on the first row that has tags).
    void setTags(size_t row, quint32 index);

    // Distinct values per field; values[f][0] is the empty string (absent or null).
    std::array<QList<QString>, TextCount> values;
    std::vector<Row> rows;
    // Per number: empty while no row carries it, else one value per row (0 where absent).
    std::array<std::vector<double>, NumberCount> numbers;
    // Distinct tag sets of the answer (tagSets[0] is the empty set) and, once
    // any row has tags, one index per row. Records of one account repeat the
    // same tags, so an answer holds a handful of sets.
    QList<QMap<QString, QString>> tagSets;
    std::vector<quint32> tags;
    // Rows read leniently: a field of an unexpected type reads as absent.
    qsizetype entriesWithIssues = 0;
    QString firstIssue; // the first problem, with its field path
};

} // namespace api
