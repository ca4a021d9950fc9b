#include "usagecsv.h"

#include "api/records.h"

#include <QCoreApplication>
#include <QLocale>

namespace models {

namespace {

constexpr qsizetype FlushBytes = 1 << 16;

class Writer
{
public:
    explicit Writer(QIODevice *out) : m_out(out) {}
    void add(const QStringList &fields)
    {
        m_buffer += UsageCsv::line(fields);
        if (m_buffer.size() >= FlushBytes)
            flush();
    }
    bool finish()
    {
        flush();
        return m_ok;
    }

private:
    void flush()
    {
        if (m_ok && !m_buffer.isEmpty())
            m_ok = m_out->write(m_buffer) == m_buffer.size();
        m_buffer.clear();
    }
    QIODevice *m_out;
    QByteArray m_buffer;
    bool m_ok = true;
};

QString optionalNumber(const std::optional<double> &v)
{
    return v ? UsageCsv::numberField(*v) : QString();
}

QString dateField(QDate date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

} // namespace

QString UsageCsv::textField(const QString &text)
{
    if (text.isEmpty())
        return text;
    QString value = text;
    const QChar first = value.front();
    if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') ||
        first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
        value.prepend(QLatin1Char('\''));
    const bool quote = value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
                       value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'));
    if (!quote)
        return value;
    value.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + value + QLatin1Char('"');
}

QString UsageCsv::numberField(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QByteArray UsageCsv::line(const QStringList &fields)
{
    QByteArray out = fields.join(QLatin1Char(',')).toUtf8();
    out += "\r\n";
    return out;
}

QStringList UsageCsv::recordHeader()
{
    return {QStringLiteral("ChargePeriodStart"),
            QStringLiteral("x_ProductFamilyId"),
            QStringLiteral("x_ProductFamilyName"),
            QStringLiteral("x_ProductCategoryName"),
            QStringLiteral("x_BillableMetricId"),
            QStringLiteral("x_BillableMetricName"),
            QStringLiteral("ConsumedUnit"),
            QStringLiteral("BillingAccountId"),
            QStringLiteral("BillingAccountName"),
            QStringLiteral("SubAccountId"),
            QStringLiteral("SubAccountName"),
            QStringLiteral("x_ZoneId"),
            QStringLiteral("x_ZoneName"),
            QStringLiteral("RegionId"),
            QStringLiteral("RegionName"),
            QStringLiteral("ChargeDescription"),
            QStringLiteral("ChargeClass"),
            QStringLiteral("ConsumedQuantity"),
            QStringLiteral("BilledCost"),
            QStringLiteral("EffectiveCost"),
            QStringLiteral("ListCost"),
            QStringLiteral("ContractedCost"),
            QStringLiteral("BillingCurrency")};
}

bool UsageCsv::writeRecords(QIODevice *out, const UsageCube &cube, const UsageQuery &query)
{
    Writer w(out);
    w.add(recordHeader());
    const UsageDayRange range = query.range.isEmpty() ? cube.dayExtent() : query.range;
    // Resolve the filters once to id sets, as the aggregator does.
    std::vector<std::pair<std::span<const qint32>, std::vector<quint8>>> filters;
    for (int dim = 0; dim < UsageDimensionCount; ++dim) {
        std::vector<quint8> allowed;
        for (const UsageFilter &f : query.filters) {
            if (int(f.dimension) != dim)
                continue;
            if (allowed.empty())
                allowed.assign(size_t(cube.valueCount(f.dimension)), 0);
            const qint32 id = cube.findValue(f.dimension, f.key);
            if (id >= 0)
                allowed[size_t(id)] = 1;
        }
        if (!allowed.empty())
            filters.emplace_back(cube.dimensionColumn(UsageDimension(dim)), std::move(allowed));
    }

    const auto days = cube.days();
    const auto flags = cube.flags();
    const auto quantity = cube.quantities();
    const auto currency = cube.currencyColumn();
    const UsageMeasure costs[] = {UsageMeasure::BilledCost, UsageMeasure::EffectiveCost,
                                  UsageMeasure::ListCost, UsageMeasure::ContractedCost};
    auto dim = [&](UsageDimension d, qsizetype row) { return cube.dimensionColumn(d)[size_t(row)]; };
    QStringList fields;
    for (qsizetype r = 0; r < cube.rowCount(); ++r) {
        if (!range.contains(days[size_t(r)]))
            continue;
        if (!query.includeCorrections && (flags[size_t(r)] & UsageCube::Correction))
            continue;
        bool pass = true;
        for (const auto &[column, allowed] : filters)
            pass = pass && allowed[size_t(column[size_t(r)])];
        if (!pass)
            continue;
        fields.clear();
        fields << dateField(usageday::toDate(days[size_t(r)]));
        auto idAndName = [&](UsageDimension d) {
            const qint32 id = dim(d, r);
            fields << textField(cube.valueKey(d, id)) << textField(cube.valueName(d, id));
        };
        idAndName(UsageDimension::ProductFamily);
        fields << textField(cube.valueName(UsageDimension::Category, dim(UsageDimension::Category, r)));
        idAndName(UsageDimension::Metric);
        fields << textField(cube.unitName(cube.unitColumn()[size_t(r)]));
        idAndName(UsageDimension::Account);
        idAndName(UsageDimension::SubAccount);
        idAndName(UsageDimension::Zone);
        idAndName(UsageDimension::Region);
        fields << textField(
            cube.valueName(UsageDimension::ChargeDescription, dim(UsageDimension::ChargeDescription, r)));
        fields << ((flags[size_t(r)] & UsageCube::Correction) ? QStringLiteral("Correction") : QString());
        fields << ((flags[size_t(r)] & UsageCube::HasQuantity) ? numberField(quantity[size_t(r)])
                                                               : QString());
        for (UsageMeasure m : costs) {
            const bool present = flags[size_t(r)] & UsageCube::measureFlag(m);
            fields << (present ? numberField(cube.measureColumn(m)[size_t(r)]) : QString());
        }
        fields << textField(cube.currencyName(currency[size_t(r)]));
        w.add(fields);
    }
    return w.finish();
}

bool UsageCsv::writeRecords(QIODevice *out, const QList<api::UsageRecord> &records)
{
    Writer w(out);
    w.add(recordHeader());
    QStringList fields;
    for (const api::UsageRecord &r : records) {
        fields.clear();
        fields << dateField(r.chargePeriodStart.toUTC().date()) << textField(r.productFamilyId)
               << textField(r.productFamilyName) << textField(r.productCategoryName)
               << textField(r.billableMetricId) << textField(r.billableMetricName)
               << textField(r.consumedUnit) << textField(r.billingAccountId)
               << textField(r.billingAccountName) << textField(r.subAccountId) << textField(r.subAccountName)
               << textField(r.zoneId) << textField(r.zoneName) << textField(r.regionId)
               << textField(r.regionName) << textField(r.chargeDescription) << textField(r.chargeClass)
               << optionalNumber(r.consumedQuantity) << optionalNumber(r.billedCost)
               << optionalNumber(r.effectiveCost) << optionalNumber(r.listCost)
               << optionalNumber(r.contractedCost) << textField(r.billingCurrency);
        w.add(fields);
    }
    return w.finish();
}

bool UsageCsv::writePivot(QIODevice *out, const UsageAggregate &aggregate)
{
    Writer w(out);
    const QList<UsageDimension> &levels = aggregate.query().groupBy;
    const qsizetype labelColumns = qMax<qsizetype>(1, levels.size());
    QStringList header;
    if (levels.isEmpty())
        header << textField(QCoreApplication::translate("models::Usage", "Group"));
    for (UsageDimension d : levels)
        header << textField(usageDimensionName(d));
    for (int b = 0; b < aggregate.bucketCount(); ++b)
        header << textField(aggregate.bucketLabel(b));
    const QString unit =
        aggregate.unit().isEmpty() ? QString() : QStringLiteral(" (%1)").arg(aggregate.unit());
    header << textField(QCoreApplication::translate("models::Usage", "Total") + unit)
           << textField(QCoreApplication::translate("models::Usage", "Previous period"))
           << textField(QCoreApplication::translate("models::Usage", "Change"))
           << textField(QCoreApplication::translate("models::Usage", "Change %"));
    w.add(header);

    QStringList fields;
    for (int g = 0; g < aggregate.groupCount(); ++g) {
        const UsageGroup &group = aggregate.group(g);
        fields.clear();
        if (group.keys.isEmpty()) {
            fields << textField(group.label);
            while (fields.size() < labelColumns)
                fields << QString();
        } else {
            for (const UsageGroupKey &k : group.keys)
                fields << textField(k.label);
        }
        for (int b = 0; b < aggregate.bucketCount(); ++b)
            fields << numberField(aggregate.value(g, b));
        const std::optional<double> pct = aggregate.changePercent(g);
        fields << numberField(aggregate.rowTotal(g)) << numberField(aggregate.previous(g))
               << numberField(aggregate.change(g)) << (pct ? numberField(*pct) : QString());
        w.add(fields);
    }
    fields.clear();
    fields << textField(QCoreApplication::translate("models::Usage", "Total"));
    while (fields.size() < labelColumns)
        fields << QString();
    for (int b = 0; b < aggregate.bucketCount(); ++b)
        fields << numberField(aggregate.columnTotal(b));
    const double before = aggregate.previousTotal();
    fields << numberField(aggregate.grandTotal()) << numberField(before)
           << numberField(aggregate.grandTotal() - before)
           << (before != 0 ? numberField((aggregate.grandTotal() - before) / qAbs(before) * 100.0)
                           : QString());
    w.add(fields);
    return w.finish();
}

} // namespace models
