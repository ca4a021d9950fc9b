#include "models/reports/auditreport.h"

#include "models/audit/auditfilterspec.h"
#include "models/audit/auditquerydraft.h"

#include <QLocale>

#include <algorithm>

namespace models {

namespace {

QString timeText(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString timeHeader(const QTimeZone &zone)
{
    return isUtc(zone) ? QStringLiteral("Time (UTC)")
                       : QStringLiteral("Time (%1)").arg(QString::fromUtf8(zone.id()));
}

QString number(qint64 n)
{
    return QLocale().toString(qlonglong(n));
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("—") : text;
}

QList<AuditReportData::Count> countBy(const AuditSnapshot &s, const std::vector<quint32> &rows,
                                      AuditField field)
{
    std::vector<qint64> counts(s.poolSize(field), 0);
    std::vector<qint64> failures(s.poolSize(field), 0);
    qint64 missing = 0;
    qint64 missingFailures = 0;
    for (const quint32 row : rows) {
        const quint32 id = s.stringId(field, row);
        const bool failed = s.isFailure(row);
        if (id < counts.size()) {
            ++counts[id];
            failures[id] += failed;
        } else {
            ++missing;
            missingFailures += failed;
        }
    }
    QList<AuditReportData::Count> out;
    for (quint32 id = 0; id < counts.size(); ++id)
        if (counts[id] > 0) {
            const QString &text = s.poolString(field, id);
            out.append({text.isEmpty() ? QStringLiteral("(none)") : text, counts[id], failures[id]});
        }
    if (missing > 0)
        out.append({QStringLiteral("(none)"), missing, missingFailures});
    std::stable_sort(out.begin(), out.end(), [](const auto &l, const auto &r) {
        return l.count != r.count ? l.count > r.count : l.value < r.value;
    });
    return out;
}

AuditReportData::Entry entryAt(const AuditSnapshot &s, quint32 row)
{
    AuditReportData::Entry e;
    e.timeMs = s.timeMs(row);
    e.actor = s.field(AuditField::ActorDisplay, row);
    e.action = s.field(AuditField::ActionType, row);
    e.result = s.field(AuditField::ActionResult, row);
    e.resource = s.field(AuditField::ResourceType, row);
    e.status = s.status(row) < 0 ? QString() : QString::number(s.status(row));
    e.description = s.field(AuditField::ActionDescription, row);
    e.failed = s.isFailure(row);
    return e;
}

QString columnName(AuditColumn c)
{
    switch (c) {
    case AuditColumn::Time:
        return QStringLiteral("Time");
    case AuditColumn::Actor:
        return QStringLiteral("Actor");
    case AuditColumn::Context:
        return QStringLiteral("Context");
    case AuditColumn::ActionType:
        return QStringLiteral("Action");
    case AuditColumn::Result:
        return QStringLiteral("Result");
    case AuditColumn::ResourceType:
        return QStringLiteral("Resource type");
    case AuditColumn::ResourceId:
        return QStringLiteral("Resource id");
    case AuditColumn::Product:
        return QStringLiteral("Product");
    case AuditColumn::Ip:
        return QStringLiteral("IP");
    case AuditColumn::Method:
        return QStringLiteral("Method");
    case AuditColumn::Status:
        return QStringLiteral("Status");
    case AuditColumn::Description:
        return QStringLiteral("Description");
    case AuditColumn::Organization:
        return QStringLiteral("Organization");
    case AuditColumn::ColumnCount:
        break;
    }
    return {};
}

QString bucketText(const AuditHistogram &h, qint64 startMs, const QTimeZone &zone)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(startMs, zone);
    switch (h.bucketSize()) {
    case AuditHistogram::BucketSize::Minute:
        return t.toString(QStringLiteral("HH:mm"));
    case AuditHistogram::BucketSize::Hour:
        return QLocale().toString(t, QStringLiteral("d MMM HH:mm"));
    case AuditHistogram::BucketSize::Day:
    case AuditHistogram::BucketSize::Week:
        // Days and weeks are UTC days (the histogram's boundaries): named by their UTC date.
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(startMs, QTimeZone::utc()).date(),
                                  QStringLiteral("d MMM"));
    }
    return {};
}

ReportDocument::Table countTable(const QString &what, const QList<AuditReportData::Count> &counts,
                                 qint64 total, int rows)
{
    ReportDocument::Table t;
    t.headers = {what, QStringLiteral("Entries"), QStringLiteral("Share"), QStringLiteral("Failures")};
    t.rightAligned = {1, 2, 3};
    t.widths = {55, 15, 15, 15};
    qint64 rest = 0;
    qint64 restFailures = 0;
    for (int i = 0; i < counts.size(); ++i) {
        const AuditReportData::Count &c = counts.at(i);
        if (i >= rows) {
            rest += c.count;
            restFailures += c.failures;
            continue;
        }
        t.rows.append({c.value, number(c.count),
                       total > 0 ? QLocale().toString(double(c.count) / double(total) * 100.0, 'f', 1) +
                                       QStringLiteral(" %")
                                 : QStringLiteral("—"),
                       number(c.failures)});
    }
    if (rest > 0)
        t.rows.append(
            {QStringLiteral("%1 others").arg(counts.size() - rows), number(rest),
             QLocale().toString(double(rest) / double(total) * 100.0, 'f', 1) + QStringLiteral(" %"),
             number(restFailures)});
    return t;
}

} // namespace

QString auditReportRangeText(qint64 fromMs, qint64 toMs, const QTimeZone &zone)
{
    const QString format = QStringLiteral("yyyy-MM-dd HH:mm");
    return QStringLiteral("%1 – %2 %3")
        .arg(QDateTime::fromMSecsSinceEpoch(fromMs, zone).toString(format),
             QDateTime::fromMSecsSinceEpoch(toMs, zone).toString(format),
             reportZoneText(zone, QDateTime::fromMSecsSinceEpoch(toMs, QTimeZone::utc())));
}

QStringList describeAuditQueryFilters(const AuditQueryDraft &draft)
{
    QStringList out;
    for (const AuditQueryDraft::Filter &f : draft.filters) {
        if (f.values.isEmpty())
            continue;
        QString key = f.wireKey;
        key.replace(QLatin1Char('_'), QLatin1Char(' '));
        key.replace(0, 1, key.left(1).toUpper());
        out << QStringLiteral("%1 %2 %3")
                   .arg(key, f.exclude ? QStringLiteral("is not") : QStringLiteral("is"),
                        f.values.join(QStringLiteral(", ")));
    }
    return out;
}

QStringList describeAuditLocalFilters(const AuditFilterSpec &spec, const QTimeZone &zone)
{
    QStringList out;
    if (!spec.text.trimmed().isEmpty())
        out << QStringLiteral("Search: “%1”").arg(spec.text.trimmed());
    if (spec.hasTimeRange()) {
        const auto time = [&](qint64 ms) {
            return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        };
        out << QStringLiteral("Time selection: %1 – %2")
                   .arg(spec.fromMs == -AuditFilterSpec::kNoLimit ? QStringLiteral("…") : time(spec.fromMs),
                        spec.toMs == AuditFilterSpec::kNoLimit ? QStringLiteral("…") : time(spec.toMs));
    }
    for (int c = 0; c < kAuditColumnCount; ++c) {
        const AuditFilterSpec::ValueSet &v = spec.columns.at(size_t(c));
        const auto sorted = [](const QSet<QString> &set) {
            QStringList list(set.begin(), set.end());
            list.sort();
            for (QString &s : list)
                if (s.isEmpty())
                    s = QStringLiteral("(none)");
            return list.join(QStringLiteral(", "));
        };
        if (!v.include.isEmpty())
            out << QStringLiteral("%1 is %2").arg(columnName(AuditColumn(c)), sorted(v.include));
        if (!v.exclude.isEmpty())
            out << QStringLiteral("%1 is not %2").arg(columnName(AuditColumn(c)), sorted(v.exclude));
    }
    return out;
}

AuditReportData computeAuditReport(const AuditSnapshot &s, const std::vector<quint32> &rows,
                                   const AuditReportRequest &request)
{
    AuditReportData d;
    d.entries = qint64(rows.size());
    d.timeline = AuditHistogram::compute(s, rows, request.fromMs, request.toMs);
    d.byAction = countBy(s, rows, AuditField::ActionType);
    d.byActor = countBy(s, rows, AuditField::ActorDisplay);
    d.byResult = countBy(s, rows, AuditField::ActionResult);
    for (const quint32 row : rows) {
        const bool failed = s.isFailure(row);
        d.failures += failed;
        if (d.shown.size() < request.entryCap)
            d.shown.append(entryAt(s, row));
        if (failed && d.failureRows.size() < request.failureCap)
            d.failureRows.append(entryAt(s, row));
    }
    return d;
}

ReportDocument buildAuditReport(const AuditReportData &d, const AuditReportRequest &r)
{
    ReportMeta meta;
    meta.title = QStringLiteral("Audit log report");
    meta.organization = r.organizationName.isEmpty() ? r.organizationId : r.organizationName;
    meta.organizationId = r.organizationName.isEmpty() ? QString() : r.organizationId;
    meta.range = auditReportRangeText(r.fromMs, r.toMs, r.zone);
    meta.generated = r.generated;
    meta.zone = r.zone;
    ReportDocument doc(meta);

    QList<std::pair<QString, QString>> facts;
    facts.append({QStringLiteral("Query filters"), r.queryFilters.isEmpty()
                                                       ? QStringLiteral("none")
                                                       : r.queryFilters.join(QStringLiteral("; "))});
    facts.append({QStringLiteral("View filters"), r.localFilters.isEmpty()
                                                      ? QStringLiteral("none")
                                                      : r.localFilters.join(QStringLiteral("; "))});
    facts.append(
        {QStringLiteral("Times"), QStringLiteral("shown in %1").arg(reportZoneText(r.zone, r.generated))});
    doc.addFacts(facts);

    doc.addHeading(QStringLiteral("Summary"));
    const auto pct = [&](qint64 part) {
        return d.entries > 0 ? QLocale().toString(double(part) / double(d.entries) * 100.0, 'f', 1) +
                                   QStringLiteral(" % of entries")
                             : QString();
    };
    doc.addFigures({{QStringLiteral("Entries in view"), number(d.entries),
                     r.loadedEntries > d.entries ? QStringLiteral("of %1 loaded").arg(number(r.loadedEntries))
                                                 : QStringLiteral("all loaded entries")},
                    {QStringLiteral("Failures"), number(d.failures), pct(d.failures)},
                    {QStringLiteral("Actors"), number(d.byActor.size()), QStringLiteral("distinct")},
                    {QStringLiteral("Action types"), number(d.byAction.size()), QStringLiteral("distinct")}});
    if (d.entries == 0) {
        doc.addParagraph(QStringLiteral("No entries match this view."));
        return doc;
    }

    // Activity over time, failures on top.
    ReportChart chart;
    ReportChart::Series ok{QStringLiteral("Success and other results"), {}, QColor(0x4E, 0x79, 0xA7)};
    ReportChart::Series failed{QStringLiteral("Failure"), {}, QColor(0xD6, 0x45, 0x3D)};
    for (const AuditHistogram::Bucket &b : d.timeline.buckets()) {
        chart.categories << bucketText(d.timeline, b.startMs, r.zone);
        ok.values << b.success;
        failed.values << b.failure;
    }
    chart.series = {ok, failed};
    chart.valueLabel = QStringLiteral("entries");
    const AuditHistogram::BucketSize size = d.timeline.bucketSize();
    if (size == AuditHistogram::BucketSize::Day || size == AuditHistogram::BucketSize::Week)
        chart.footnote =
            QStringLiteral("Entries per UTC %1 (bars named by their UTC date); other times in %2.")
                .arg(size == AuditHistogram::BucketSize::Day ? QStringLiteral("day")
                                                             : QStringLiteral("week, from Monday"),
                     reportZoneText(r.zone, r.generated));
    else
        chart.footnote = QStringLiteral("Entries per %1; times in %2.")
                             .arg(size == AuditHistogram::BucketSize::Minute ? QStringLiteral("minute")
                                                                             : QStringLiteral("hour"),
                                  reportZoneText(r.zone, r.generated));
    doc.addHeading(QStringLiteral("Activity"));
    doc.addChart(chart, 60);

    doc.addHeading(QStringLiteral("Entries by result"));
    doc.addTable(countTable(QStringLiteral("Result"), d.byResult, d.entries, r.countRows));
    doc.addHeading(QStringLiteral("Entries by action"));
    doc.addTable(countTable(QStringLiteral("Action"), d.byAction, d.entries, r.countRows));
    doc.addHeading(QStringLiteral("Entries by actor"));
    doc.addTable(countTable(QStringLiteral("Actor"), d.byActor, d.entries, r.countRows));

    doc.addHeading(QStringLiteral("Failures"));
    if (d.failureRows.isEmpty()) {
        doc.addParagraph(QStringLiteral("No entry in this view failed."));
    } else {
        ReportDocument::Table t;
        t.compact = true;
        t.headers = {timeHeader(r.zone),         QStringLiteral("Actor"),  QStringLiteral("Action"),
                     QStringLiteral("Resource"), QStringLiteral("Status"), QStringLiteral("Description")};
        t.rightAligned = {4};
        t.widths = {17, 24, 15, 13, 7, 24};
        for (const AuditReportData::Entry &e : d.failureRows)
            t.rows.append({timeText(e.timeMs, r.zone), orDash(e.actor), orDash(e.action), orDash(e.resource),
                           orDash(e.status), orDash(e.description)});
        doc.addTable(t);
        if (d.failures > d.failureRows.size())
            doc.addNote(QStringLiteral("The first %1 of %2 failures are listed; %3 are left out.")
                            .arg(number(d.failureRows.size()), number(d.failures),
                                 number(d.failures - d.failureRows.size())));
    }

    doc.addHeading(QStringLiteral("Entries"));
    ReportDocument::Table t;
    t.compact = true;
    t.headers = {timeHeader(r.zone),       QStringLiteral("Actor"),    QStringLiteral("Action"),
                 QStringLiteral("Result"), QStringLiteral("Resource"), QStringLiteral("Status")};
    t.rightAligned = {5};
    t.widths = {20, 32, 16, 10, 14, 8};
    for (const AuditReportData::Entry &e : d.shown) {
        if (e.failed)
            t.alertRows.append(int(t.rows.size()));
        t.rows.append({timeText(e.timeMs, r.zone), orDash(e.actor), orDash(e.action), orDash(e.result),
                       orDash(e.resource), orDash(e.status)});
    }
    doc.addTable(t);
    if (d.entries > d.shown.size())
        doc.addNote(
            QStringLiteral("The first %1 of %2 entries of the view are listed; %3 are left out. Export "
                           "the view as CSV or JSON for every entry.")
                .arg(number(d.shown.size()), number(d.entries), number(d.entries - d.shown.size())));
    else
        doc.addNote(QStringLiteral("Every entry of the view is listed (%1).").arg(number(d.entries)));
    return doc;
}

} // namespace models
