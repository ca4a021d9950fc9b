#include "usagecsv.h"

#include "api/records.h"
#include "models/export/csvwriter.h"
#include "models/export/exportcolumns.h"
#include "models/export/recordexporter.h"
#include "models/usage/usagerecordsmodel.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>
#include <cmath>

namespace models {

namespace {

constexpr qsizetype FlushBytes = 1 << 16;

// Buffers lines so that a big export is a few large writes.
class Writer
{
public:
    explicit Writer(QIODevice *out) : m_out(out) {}
    void add(const QStringList &cells, const QList<bool> &numeric)
    {
        m_buffer += CsvWriter::line(cells, numeric);
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
            m_ok = m_out && m_out->write(m_buffer) == m_buffer.size();
        m_buffer.clear();
    }
    QIODevice *m_out;
    QByteArray m_buffer;
    bool m_ok = true;
};

} // namespace

QString UsageCsv::textField(const QString &text)
{
    return QString::fromUtf8(CsvWriter::cell(text));
}

QString UsageCsv::numberField(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QStringList UsageCsv::recordHeader()
{
    return ExportColumns::headers(ExportColumns::usageRecords());
}

bool UsageCsv::writeRecords(QIODevice *out, const UsageCube &cube, const UsageQuery &query)
{
    const auto &columns = ExportColumns::usageRecords();
    const QStringList header = ExportColumns::headers(columns);
    const QList<bool> numeric = ExportColumns::numericFlags(columns);
    Writer w(out);
    w.add(header, {});

    // Each row as the record it came from: every column as received.
    for (const qint32 r : recordRowsInView(cube, query))
        w.add(ExportColumns::row(columns, cube.record(r)), numeric);
    return w.finish();
}

bool UsageCsv::writeRecords(QIODevice *out, const QList<api::UsageRecord> &records)
{
    RecordExporter exporter(out, RecordExporter::Format::Csv);
    const auto &columns = ExportColumns::usageRecords();
    exporter.begin(columns);
    exporter.add(columns, records);
    return exporter.finish();
}

bool UsageCsv::writePivot(QIODevice *out, const UsageAggregate &aggregate)
{
    Writer w(out);
    const QList<UsageDimension> &levels = aggregate.query().groupBy;
    const qsizetype labelColumns = qMax<qsizetype>(1, levels.size());
    QStringList header;
    if (levels.isEmpty())
        header << QCoreApplication::translate("models::Usage", "Group");
    for (UsageDimension d : levels)
        header << usageDimensionName(d);
    for (int b = 0; b < aggregate.bucketCount(); ++b)
        header << aggregate.bucketLabel(b);
    const QString unit =
        aggregate.unit().isEmpty() ? QString() : QStringLiteral(" (%1)").arg(aggregate.unit());
    header << QCoreApplication::translate("models::Usage", "Total") + unit
           << QCoreApplication::translate("models::Usage", "Previous period")
           << QCoreApplication::translate("models::Usage", "Change")
           << QCoreApplication::translate("models::Usage", "Change %");
    // Estimated beside billed (UsageQuery::compare): both, and the difference.
    const bool comparing = aggregate.hasComparison();
    if (comparing)
        header << usageMeasureName(*aggregate.compareMeasure())
               << QCoreApplication::translate("models::Usage", "Difference");
    const auto maybe = [](double v) { return std::isnan(v) ? QString() : numberField(v); };
    w.add(header, {});

    QList<bool> numeric(labelColumns, false);
    numeric.resize(header.size(), true);
    QStringList fields;
    auto labels = [&](const QString &first) {
        fields << first;
        while (fields.size() < labelColumns)
            fields << QString();
    };
    for (int g = 0; g < aggregate.groupCount(); ++g) {
        const UsageGroup &group = aggregate.group(g);
        fields.clear();
        if (group.keys.isEmpty()) {
            labels(group.label);
        } else {
            for (const UsageGroupKey &k : group.keys)
                fields << k.label;
        }
        for (int b = 0; b < aggregate.bucketCount(); ++b)
            fields << numberField(aggregate.value(g, b));
        const std::optional<double> pct = aggregate.changePercent(g);
        fields << numberField(aggregate.rowTotal(g)) << numberField(aggregate.previous(g))
               << numberField(aggregate.change(g)) << (pct ? numberField(*pct) : QString());
        if (comparing)
            fields << maybe(aggregate.compareTotal(g))
                   << maybe(aggregate.rowTotal(g) - aggregate.compareTotal(g));
        w.add(fields, numeric);
    }
    fields.clear();
    labels(QCoreApplication::translate("models::Usage", "Total"));
    for (int b = 0; b < aggregate.bucketCount(); ++b)
        fields << numberField(aggregate.columnTotal(b));
    const double before = aggregate.previousTotal();
    fields << numberField(aggregate.grandTotal()) << numberField(before)
           << numberField(aggregate.grandTotal() - before)
           << (before != 0 ? numberField((aggregate.grandTotal() - before) / qAbs(before) * 100.0)
                           : QString());
    if (comparing)
        fields << maybe(aggregate.compareGrandTotal())
               << maybe(aggregate.grandTotal() - aggregate.compareGrandTotal());
    w.add(fields, numeric);
    return w.finish();
}

} // namespace models
