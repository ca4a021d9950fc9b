#include "usageaggregate_p.h"

#include <cmath>

namespace models {

namespace {
const UsageAggregate::Data &emptyData()
{
    static const UsageAggregate::Data empty;
    return empty;
}
} // namespace

UsageAggregate::UsageAggregate() = default;

UsageAggregate::UsageAggregate(std::shared_ptr<const Data> data) : d(std::move(data)) {}

const UsageAggregate::Data &UsageAggregate::data() const
{
    return d ? *d : emptyData();
}

const UsageQuery &UsageAggregate::query() const
{
    return data().query;
}

UsageDayRange UsageAggregate::range() const
{
    return data().range;
}

UsageDayRange UsageAggregate::previousRange() const
{
    return data().previousRange;
}

bool UsageAggregate::rangeCovered() const
{
    return data().rangeCovered;
}

bool UsageAggregate::previousCovered() const
{
    return data().previousCovered;
}

int UsageAggregate::groupCount() const
{
    return int(data().groups.size());
}

const UsageGroup &UsageAggregate::group(int g) const
{
    return data().groups.at(g);
}

int UsageAggregate::findGroup(const QList<UsageGroupKey> &keys) const
{
    const QList<UsageGroup> &groups = data().groups;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        const QList<UsageGroupKey> &k = groups[g].keys;
        if (groups[g].isOther || k.size() != keys.size())
            continue;
        bool same = true;
        for (qsizetype i = 0; i < k.size() && same; ++i)
            same = k[i].dimension == keys[i].dimension && k[i].key == keys[i].key;
        if (same)
            return int(g);
    }
    return -1;
}

int UsageAggregate::bucketCount() const
{
    return int(data().bucketFirst.size());
}

QDate UsageAggregate::bucketStart(int b) const
{
    return usageday::toDate(data().bucketFirst.at(size_t(b)));
}

QDate UsageAggregate::bucketLast(int b) const
{
    return usageday::toDate(data().bucketLast.at(size_t(b)));
}

QDate UsageAggregate::bucketPeriodStart(int b) const
{
    return usageday::toDate(data().bucketPeriod.at(size_t(b)));
}

QString UsageAggregate::bucketLabel(int b) const
{
    const QDate start = bucketPeriodStart(b);
    switch (granularity()) {
    case UsageGranularity::Week: {
        int year = 0;
        const int week = start.weekNumber(&year);
        return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
    }
    case UsageGranularity::Month:
        return start.toString(QStringLiteral("yyyy-MM"));
    case UsageGranularity::Day:
    case UsageGranularity::Cumulative:
        break;
    }
    return start.toString(Qt::ISODate);
}

int UsageAggregate::bucketDays(int b) const
{
    const Data &x = data();
    return int(x.bucketLast.at(size_t(b)) - x.bucketFirst.at(size_t(b)) + 1);
}

int UsageAggregate::bucketPeriodDays(int b) const
{
    switch (granularity()) {
    case UsageGranularity::Week:
        return 7;
    case UsageGranularity::Month:
        return bucketPeriodStart(b).daysInMonth();
    case UsageGranularity::Day:
    case UsageGranularity::Cumulative:
        break;
    }
    return 1;
}

double UsageAggregate::value(int g, int b) const
{
    const Data &x = data();
    return x.matrix.at(size_t(g) * x.bucketFirst.size() + size_t(b));
}

std::span<const double> UsageAggregate::series(int g) const
{
    const Data &x = data();
    const size_t n = x.bucketFirst.size();
    if (g < 0 || g >= x.groups.size())
        return {};
    return std::span<const double>(x.matrix).subspan(size_t(g) * n, n);
}

double UsageAggregate::rowTotal(int g) const
{
    return data().rowTotals.at(size_t(g));
}

double UsageAggregate::columnTotal(int b) const
{
    return data().columnTotals.at(size_t(b));
}

double UsageAggregate::grandTotal() const
{
    return data().grandTotal;
}

double UsageAggregate::previous(int g) const
{
    return data().previous.at(size_t(g));
}

double UsageAggregate::previousTotal() const
{
    return data().previousTotal;
}

std::optional<double> UsageAggregate::changePercent(int g) const
{
    const double before = previous(g);
    if (before == 0)
        return std::nullopt;
    return (rowTotal(g) - before) / qAbs(before) * 100.0;
}

QString UsageAggregate::unit() const
{
    return data().unit;
}

bool UsageAggregate::unitsMixed() const
{
    return data().unitsMixed;
}

const QList<UsageUnitCount> &UsageAggregate::units() const
{
    return data().units;
}

bool UsageAggregate::hasComparison() const
{
    return data().hasComparison;
}

std::optional<UsageMeasure> UsageAggregate::compareMeasure() const
{
    return hasComparison() ? query().compare : std::nullopt;
}

double UsageAggregate::compareTotal(int g) const
{
    const Data &x = data();
    return x.hasComparison ? x.compareTotals.at(size_t(g)) : std::nan("");
}

double UsageAggregate::compareGrandTotal() const
{
    return data().hasComparison ? data().compareGrandTotal : std::nan("");
}

qsizetype UsageAggregate::rowsWithoutCompare() const
{
    return data().rowsWithoutCompare;
}

bool UsageAggregate::measureAvailable() const
{
    return data().measureAvailable;
}

QString UsageAggregate::currency() const
{
    return data().currency;
}

qsizetype UsageAggregate::matchedRows() const
{
    return data().matchedRows;
}

qsizetype UsageAggregate::correctionRows() const
{
    return data().correctionRows;
}

qsizetype UsageAggregate::rowsWithoutMeasure() const
{
    return data().rowsWithoutMeasure;
}

} // namespace models
