#pragma once
// A rate card: prices and monthly allowances per billable metric, the input of
// the cost estimate when the API sends no cost columns. The JSON format is a
// public contract (docs/RATE-CARD.md): other tools may write it.

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

class QByteArray;

namespace models {

struct RateCardEntry
{
    QString metric;     // matches x_BillableMetricId
    QString metricName; // matches x_BillableMetricName (case-insensitive) when no entry has the id
    QString unit;       // must equal the record's ConsumedUnit, else the record is unpriced
    // PricingQuantity = ConsumedQuantity / divisor; daysInMonth divides by the
    // number of days of the record's month (daily levels such as storage).
    double divisor = 1.0;
    bool divisorDaysInMonth = false;
    // Per one PricingQuantity. Absent: listed on purpose but not priced (note says why).
    std::optional<double> price;
    double includedPerMonth = 0.0; // PricingQuantity free per billing account per UTC month
    QString pricingUnit;           // e.g. "Million requests"; informational
    QString productFamily;         // informational, e.g. "Workers"
    QString source;
    QString asOf;
    QString note;

    bool operator==(const RateCardEntry &) const = default;
};

class RateCard
{
public:
    static constexpr int FormatVersion = 1;

    struct ReadResult;

    QString currency = QStringLiteral("USD");
    QString name;
    QString asOf;
    QList<RateCardEntry> metrics;

    bool isEmpty() const { return metrics.isEmpty(); }
    // The entry for a record's metric: by id first, else by name
    // (case-insensitive). nullptr when the card does not list it.
    const RateCardEntry *find(const QString &metricId, const QString &metricName) const;
    // Every price multiplied by (1 - percent / 100); allowances unchanged.
    RateCard withDiscount(double percent) const;

    // Reads leniently: unknown keys and entries that cannot be used are
    // skipped and reported in warnings; only an unusable document is an error.
    static ReadResult fromJson(const QByteArray &json);
    QByteArray toJson() const; // exact: only the documented keys, format version set
    // The card bundled with Orgscope: Cloudflare's public list prices.
    static RateCard bundled();

    bool operator==(const RateCard &) const = default;
};

struct RateCard::ReadResult
{
    std::optional<RateCard> card; // empty when the document could not be used
    QString error;                // why, when card is empty
    QStringList warnings;         // what was ignored
};

} // namespace models
