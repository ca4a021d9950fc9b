#include "app/exportview.h"

#include "models/settings/appsettings.h"
#include "models/views/savedview.h"
#include "models/views/savedviewstore.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace {

QString rfc3339(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString optionName(const QString &wireKey)
{
    return QString(wireKey).replace(QLatin1Char('_'), QLatin1Char('-'));
}

bool hasOption(const QStringList &arguments, const QString &name)
{
    for (const QString &a : arguments)
        if (a == QLatin1String("--") + name || a.startsWith(QLatin1String("--") + name + u'='))
            return true;
    return false;
}

QStringList auditOptions(const models::SavedAuditQuery &q, qint64 nowMs, QStringList &notes)
{
    QStringList out;
    if (q.preset == models::AuditQueryDraft::Preset::Custom) {
        out << QStringLiteral("--since") << rfc3339(q.fromMs) << QStringLiteral("--before")
            << rfc3339(q.toMs);
    } else {
        // The end stays "now" (the export's default), so --resume keeps the first run's end.
        out << QStringLiteral("--since") << rfc3339(nowMs - models::AuditQueryDraft::presetSpanMs(q.preset));
    }
    out << QStringLiteral("--direction") << QStringLiteral("desc");
    for (const models::SavedAuditQuery::Filter &f : q.filters) {
        const QString option =
            (f.exclude ? QStringLiteral("--exclude-") : QStringLiteral("--")) + optionName(f.key);
        for (const QString &v : f.values) {
            if (v.contains(u',')) {
                notes << QStringLiteral(
                             "the view's %1 value \"%2\" holds a comma, which the command line reads "
                             "as two values")
                             .arg(f.key, v);
            }
            out << option << v;
        }
    }
    if (q.hasLocalFilters())
        notes << QStringLiteral("the view's local filters (search, column values, time selection) narrow the "
                                "Audit log page only; the export has every entry of its query");
    return out;
}

QStringList usageOptions(const models::SavedUsageView &u, QDate today, QStringList &notes)
{
    QStringList out;
    const models::UsageDayRange range = u.range(today);
    if (!range.isEmpty())
        out << QStringLiteral("--from") << range.firstDate().toString(Qt::ISODate) << QStringLiteral("--to")
            << range.lastDate().toString(Qt::ISODate);
    if (!u.includeCorrections)
        out << QStringLiteral("--without-corrections");
    if (!u.filters.isEmpty())
        notes << QStringLiteral(
                     "the view's drill-down (%1) narrows the Usage page only; the export has every "
                     "record of the range")
                     .arg(u.filters.first().label.isEmpty() ? u.filters.first().key
                                                            : u.filters.first().label);
    return out;
}

} // namespace

ExportViewExpansion expandExportView(const QStringList &arguments, models::AppSettings &settings,
                                     qint64 nowMs)
{
    ExportViewExpansion e;
    QString given;
    QStringList rest;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--view") || a == QLatin1String("-view")) {
            if (i + 1 >= arguments.size()) {
                e.error = QStringLiteral("--view needs a view name or a views file");
                return e;
            }
            given = arguments.at(++i);
            e.used = true;
        } else if (a.startsWith(QLatin1String("--view="))) {
            given = a.mid(7);
            e.used = true;
        } else {
            rest << a;
        }
    }
    e.arguments = rest;
    if (!e.used)
        return e;
    QString kindText;
    for (const QString &a : rest)
        if (a == QLatin1String("audit") || a == QLatin1String("usage")) {
            kindText = a;
            break;
        }
    if (kindText.isEmpty()) {
        e.error = QStringLiteral("--view applies to audit and usage exports only");
        return e;
    }
    const models::SavedView::Kind kind = *models::SavedView::kindFromToken(kindText);

    QList<models::SavedView> candidates;
    if (QFileInfo(given).isFile()) {
        QFile file(given);
        if (!file.open(QIODevice::ReadOnly)) {
            e.error = QStringLiteral("cannot read the views file %1: %2").arg(given, file.errorString());
            return e;
        }
        const models::SavedViewFile::ReadResult read = models::SavedViewFile::read(file.readAll());
        if (!read.ok()) {
            e.error = QStringLiteral("views file %1: %2").arg(given, read.error);
            return e;
        }
        for (const QString &line : read.ignored)
            e.notes << QStringLiteral("views file %1: ignored %2").arg(given, line);
        for (const models::SavedView &v : read.views)
            if (v.kind == kind)
                candidates << v;
        if (candidates.size() > 1) {
            QStringList names;
            for (const models::SavedView &v : std::as_const(candidates))
                names << v.name;
            e.error = QStringLiteral("%1 holds %2 %3 views (%4): export one of them to a file of its own")
                          .arg(given)
                          .arg(candidates.size())
                          .arg(kindText, names.join(QStringLiteral(", ")));
            return e;
        }
    } else {
        QStringList profiles;
        for (const models::SavedViewStore::ProfileViews &p : models::SavedViewStore::allProfiles(settings))
            for (const models::SavedView &v : p.views)
                if (v.kind == kind && v.name.compare(given.trimmed(), Qt::CaseInsensitive) == 0) {
                    candidates << v;
                    profiles << p.profileId;
                }
        if (candidates.size() > 1) {
            e.error =
                QStringLiteral("%1 saved %2 views are called \"%3\" (connection profiles %4): export the "
                               "one you mean to a file (Views › Export Views…) and pass the file")
                    .arg(candidates.size())
                    .arg(kindText, given, profiles.join(QStringLiteral(", ")));
            return e;
        }
    }
    if (candidates.isEmpty()) {
        e.error = QFileInfo(given).isFile()
                      ? QStringLiteral("%1 holds no %2 view").arg(given, kindText)
                      : QStringLiteral("no saved %1 view is called \"%2\" and no such file exists")
                            .arg(kindText, given);
        return e;
    }
    const models::SavedView &view = candidates.first();
    QStringList options;
    if (!hasOption(rest, QStringLiteral("org")) && !view.allOrganizations && !view.organizationId.isEmpty())
        options << QStringLiteral("--org") << view.organizationId;
    if (kind == models::SavedView::Kind::Audit)
        options += auditOptions(view.audit, nowMs, e.notes);
    else
        options += usageOptions(view.usage, QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC).date(), e.notes);
    e.arguments = options + rest;
    return e;
}
