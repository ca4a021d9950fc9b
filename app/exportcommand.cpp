#include "app/exportcommand.h"
#include "app/exportview.h"

#include "app/commandoptions.h"

#include "api/accountspager.h"
#include "api/auditpager.h"
#include "api/client.h"
#include "api/memberspager.h"
#include "api/organizationspager.h"
#include "api/ratebudget.h"
#include "api/usagepager.h"
#include "models/audit/auditfiltercheck.h"
#include "models/cost/costexport.h"
#include "models/cost/ratecard.h"
#include "models/export/auditpagewriter.h"
#include "models/export/exportcolumns.h"
#include "models/export/recordexporter.h"
#include "models/rollup/orgtreerollup.h"
#include "models/rollup/rollupexport.h"
#include "models/settings/appsettings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <QRegularExpression>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <unistd.h>

namespace {

enum Exit { Ok = 0, Failed = 1, Usage = 2, Partial = 3 };

void errorLine(const QString &message)
{
    QString text = message.simplified();
    const QByteArray line = "orgscope export: " + text.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

using app::cli::isPlausibleId;
using app::cli::splitValues;

class Progress
{
public:
    explicit Progress(bool enabled) : m_enabled(enabled) {}
    void update(qint64 items, int pages)
    {
        if (!m_enabled)
            return;
        const QByteArray line =
            "\r" + QByteArray::number(items) + " records, " + QByteArray::number(pages) + " pages";
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        std::fflush(stderr);
        m_dirty = true;
    }
    // A progress line of its own words (the roll-up counts organizations).
    void text(const QString &line)
    {
        if (!m_enabled)
            return;
        const QByteArray bytes = "\r" + line.toUtf8();
        std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
        std::fflush(stderr);
        m_dirty = true;
    }
    void done()
    {
        if (m_enabled && m_dirty)
            std::fputs("\n", stderr);
        m_dirty = false;
    }
    // A line of its own, after the progress line.
    void note(const QString &message)
    {
        done();
        errorLine(message);
    }

private:
    bool m_enabled;
    bool m_dirty = false;
};

// Where an interrupted `--output FILE` export stands: FILE.partial holds the
// first `bytes` bytes of the output (`records` records), and the listing goes
// on at page token `token`. Written beside the output after every page.
struct ResumeState
{
    QStringList arguments; // the command line, without the options that may change on resume
    QString before;        // audit: the end of the range as first resolved (default: the first run's now)
    QString token;
    qint64 bytes = 0;
    qint64 records = 0;
    int pages = 0;

    QByteArray toJson() const
    {
        QJsonObject o;
        o.insert(QStringLiteral("orgscope_export_resume"), 1);
        o.insert(QStringLiteral("arguments"), QJsonArray::fromStringList(arguments));
        o.insert(QStringLiteral("before"), before);
        o.insert(QStringLiteral("next_page_token"), token);
        o.insert(QStringLiteral("bytes"), bytes);
        o.insert(QStringLiteral("records"), records);
        o.insert(QStringLiteral("pages"), pages);
        return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
    }
    static std::optional<ResumeState> fromJson(const QByteArray &bytes)
    {
        const QJsonObject o = QJsonDocument::fromJson(bytes).object();
        if (o.value(QStringLiteral("orgscope_export_resume")).toInt() != 1)
            return std::nullopt;
        ResumeState st;
        for (const QJsonValue &v : o.value(QStringLiteral("arguments")).toArray())
            st.arguments << v.toString();
        st.before = o.value(QStringLiteral("before")).toString();
        st.token = o.value(QStringLiteral("next_page_token")).toString();
        st.bytes = qint64(o.value(QStringLiteral("bytes")).toDouble(-1));
        st.records = qint64(o.value(QStringLiteral("records")).toDouble(-1));
        st.pages = o.value(QStringLiteral("pages")).toInt();
        if (st.token.isEmpty() || st.bytes < 0 || st.records < 0)
            return std::nullopt;
        return st;
    }
};

// The arguments a resumed run must repeat: all but --resume and the options
// about how to fetch (retries, timeout, logging).
QStringList resumeArguments(const QStringList &arguments)
{
    static const QStringList flags{QStringLiteral("resume"), QStringLiteral("quiet"),
                                   QStringLiteral("verbose")};
    static const QStringList valued{QStringLiteral("retries"), QStringLiteral("timeout")};
    QStringList out;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        QString name = a;
        while (name.startsWith(QLatin1Char('-')))
            name.remove(0, 1);
        const qsizetype eq = name.indexOf(QLatin1Char('='));
        const QString bare = eq < 0 ? name : name.left(eq);
        if (a.startsWith(QLatin1Char('-')) && flags.contains(bare))
            continue;
        if (a.startsWith(QLatin1Char('-')) && valued.contains(bare)) {
            if (eq < 0)
                ++i; // its value follows
            continue;
        }
        out << a;
    }
    return out;
}

// Replaced whole (a new file renamed over the old one), so an interrupted
// run leaves the previous state or this one, never half of one. Not synced to
// disk: FILE.partial is not either, and a QSaveFile's fdatasync after every
// page was half the time of a fast export (100 pages: 0.9 s of 1.7 s).
bool writeResumeState(const QString &path, const ResumeState &state)
{
    const QString next = path + QStringLiteral(".next");
    {
        QFile file(next);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        const QByteArray json = state.toJson();
        if (file.write(json) != json.size() || !file.flush()) {
            file.close();
            QFile::remove(next);
            return false;
        }
    }
    if (std::rename(QFile::encodeName(next).constData(), QFile::encodeName(path).constData()) != 0) {
        QFile::remove(next);
        return false;
    }
    return true;
}

} // namespace

// Usage records priced with a rate card (or their monthly summary), the
// days before `from` that were fetched for the allowance left out.
static bool isCorrection(const api::UsageRecord &r)
{
    return r.chargeClass.compare(QLatin1String("Correction"), Qt::CaseInsensitive) == 0;
}

static bool writePricedUsage(models::RecordExporter &exporter, QList<api::UsageRecord> records,
                             const models::RateCard &card, QDate from, QDate to, bool summary, bool tell,
                             bool corrections)
{
    models::CostEstimate estimate = models::estimateCost(records, card);
    if (!corrections) {
        // Priced with them (a correction takes no allowance), written without.
        qsizetype kept = 0;
        for (qsizetype i = 0; i < records.size(); ++i) {
            if (isCorrection(records.at(i)))
                continue;
            records[kept] = records.at(i);
            estimate.rowCost[size_t(kept)] = estimate.rowCost[size_t(i)];
            ++kept;
        }
        records.resize(kept);
        estimate.rowCost.resize(size_t(kept));
    }
    if (tell) {
        for (const models::CostEstimate::Unpriced &u : estimate.unpriced)
            errorLine(QStringLiteral("unpriced: %1 (%2): %3; x_EstimatedCost is null")
                          .arg(u.metricName.isEmpty() ? u.metricKey : u.metricName, u.unit, u.reason));
    }
    if (summary) {
        if (!exporter.begin(models::costSummaryHeaders()))
            return false;
        for (const models::CostSummaryRow &row : models::summarizeCosts(records, estimate, from, to)) {
            if (!exporter.addRow(models::costSummaryCells(row), models::costSummaryNumeric(),
                                 models::costSummaryJson(row)))
                return false;
        }
        return true;
    }
    using models::ExportColumns;
    const auto &columns = ExportColumns::usageRecords();
    QList<bool> numeric = ExportColumns::numericFlags(columns);
    numeric << true << false;
    if (!exporter.begin(ExportColumns::headers(columns) + QStringList{QStringLiteral("x_EstimatedCost"),
                                                                      QStringLiteral("x_EstimatedCurrency")}))
        return false;
    for (qsizetype i = 0; i < records.size(); ++i) {
        const api::UsageRecord &r = records.at(i);
        const QDate day = r.chargePeriodStart.toUTC().date();
        if (day.isValid() && day < from)
            continue;
        const double cost = estimate.rowCost[size_t(i)];
        if (!exporter.addRow(ExportColumns::row(columns, r) +
                                 QStringList{models::estimatedCostCell(cost), estimate.currency},
                             numeric, models::withEstimatedCost(r.rawJson, cost, estimate.currency)))
            return false;
    }
    return true;
}

int runExportCommand(const QStringList &givenArguments)
{
    // --view NAME|FILE: the saved view's options go before the ones given (app/exportview.cpp).
    models::AppSettings settings;
    const ExportViewExpansion view =
        expandExportView(givenArguments, settings, QDateTime::currentMSecsSinceEpoch());
    const QStringList &arguments = view.arguments;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Export organizations, accounts, members, audit logs or usage."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("what"),
                                 QStringLiteral("organizations | accounts | members | audit | usage"));
    const QCommandLineOption orgOpt(QStringLiteral("org"), QStringLiteral("Organization id."),
                                    QStringLiteral("ID"));
    const QCommandLineOption formatOpt(QStringLiteral("format"), QStringLiteral("csv (default) or json."),
                                       QStringLiteral("FORMAT"), QStringLiteral("csv"));
    const QCommandLineOption outputOpt(QStringLiteral("output"),
                                       QStringLiteral("Write to FILE (atomically) instead of stdout."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption sinceOpt(
        QStringLiteral("since"), QStringLiteral("Audit: entries newer than this (YYYY-MM-DD or RFC 3339)."),
        QStringLiteral("TIME"));
    const QCommandLineOption beforeOpt(
        QStringLiteral("before"), QStringLiteral("Audit: entries older than this."), QStringLiteral("TIME"));
    const QCommandLineOption directionOpt(QStringLiteral("direction"), QStringLiteral("Audit: asc or desc."),
                                          QStringLiteral("DIR"));
    const QCommandLineOption pageSizeOpt(QStringLiteral("page-size"),
                                         QStringLiteral("Records per request (1-1000, default 1000)."),
                                         QStringLiteral("N"));
    const QCommandLineOption fromOpt(QStringLiteral("from"), QStringLiteral("Usage: first day (YYYY-MM-DD)."),
                                     QStringLiteral("DATE"));
    const QCommandLineOption toOpt(QStringLiteral("to"),
                                   QStringLiteral("Usage: last day, inclusive (YYYY-MM-DD)."),
                                   QStringLiteral("DATE"));
    const QCommandLineOption nameOpt(QStringLiteral("name-contains"),
                                     QStringLiteral("Organizations/accounts: name contains."),
                                     QStringLiteral("TEXT"));
    const QCommandLineOption parentOpt(
        QStringLiteral("parent"), QStringLiteral("Organizations: direct children of ID ('null' = roots)."),
        QStringLiteral("ID"));
    const QCommandLineOption statusOpt(
        QStringLiteral("status"), QStringLiteral("Members: status (repeatable)."), QStringLiteral("STATUS"));
    const QCommandLineOption emailOpt(QStringLiteral("email"), QStringLiteral("Members: exact user e-mail."),
                                      QStringLiteral("EMAIL"));
    const app::cli::ConnectionOptions connectionOpts(
        QStringLiteral("Read each page up to N more times after a failure (default 7; backoff up to 8 s)."),
        QStringLiteral("No progress on stderr."));
    const QCommandLineOption &quietOpt = connectionOpts.quietOption();
    const QCommandLineOption resumeOpt(
        QStringLiteral("resume"),
        QStringLiteral("Continue an interrupted --output export (same command line) where it stopped, "
                       "from FILE.partial and FILE.resume."));
    const QCommandLineOption rateCardOpt(
        QStringLiteral("rate-card"),
        QStringLiteral(
            "Usage: add x_EstimatedCost and x_EstimatedCurrency to every record, priced with the rate "
            "card in FILE (docs/RATE-CARD.md) or 'default' (Cloudflare's public list prices)."),
        QStringLiteral("FILE|default"));
    const QCommandLineOption withoutCorrectionsOpt(
        QStringLiteral("without-corrections"),
        QStringLiteral("Usage: leave out records with ChargeClass \"Correction\" (they are still priced "
                       "first, so the other records' estimates do not change)."));
    const QCommandLineOption summaryOpt(
        QStringLiteral("summary"),
        QStringLiteral(
            "Usage: write cost per month x product family (estimated, and billed where the API sends "
            "it) instead of the records."));
    const QCommandLineOption includeSuborgsOpt(
        QStringLiteral("include-suborgs"),
        QStringLiteral("Audit, usage, members: the organization and every organization under it, with "
                       "organization_id on every row (usage records returned for a parent and a child "
                       "are written once). Exit status 3: written without the organizations named on "
                       "stderr, which could not be read."));
    parser.addOption(includeSuborgsOpt);
    parser.addOptions({orgOpt, formatOpt, outputOpt, sinceOpt, beforeOpt, directionOpt, pageSizeOpt, fromOpt,
                       toOpt, nameOpt, parentOpt, statusOpt, emailOpt, rateCardOpt, summaryOpt,
                       withoutCorrectionsOpt, resumeOpt});
    connectionOpts.addTo(parser);
    const app::cli::AuditFilterOptions auditFilterOpts;
    auditFilterOpts.addTo(parser);
    const app::cli::TimeZoneOption timeZoneOpt;
    timeZoneOpt.addTo(parser);
    const QCommandLineOption metricOpt(
        QStringLiteral("metric"), QStringLiteral("Usage: only this billable metric id (x_BillableMetricId)."),
        QStringLiteral("ID"));
    parser.addOption(metricOpt);
    parser.addOption(QCommandLineOption(
        QStringLiteral("view"),
        QStringLiteral("Audit/usage: the query of a saved view, by name or as a views file (docs/VIEWS.md); "
                       "options given as well win, filters given as well are added."),
        QStringLiteral("NAME|FILE")));

    if (!parser.parse(QStringList{QStringLiteral("orgscope export")} + arguments)) {
        errorLine(parser.errorText());
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        const QByteArray help = parser.helpText().toUtf8();
        std::fwrite(help.constData(), 1, size_t(help.size()), stdout);
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    static const QStringList kinds{QStringLiteral("organizations"), QStringLiteral("accounts"),
                                   QStringLiteral("members"), QStringLiteral("audit"),
                                   QStringLiteral("usage")};
    if (positional.size() != 1 || !kinds.contains(positional.first())) {
        errorLine(QStringLiteral("say what to export: organizations, accounts, members, audit or usage"));
        return Usage;
    }
    const QString kind = positional.first();
    if (!view.error.isEmpty()) {
        errorLine(view.error);
        return Usage;
    }
    for (const QString &note : view.notes)
        if (!parser.isSet(QStringLiteral("quiet")))
            errorLine(note);
    // stderr is for progress and the one error line; request logs only on demand.
    connectionOpts.applyLogRules(parser);
    const QString format = parser.value(formatOpt).toLower();
    if (format != QLatin1String("csv") && format != QLatin1String("json")) {
        errorLine(QStringLiteral("--format must be csv or json"));
        return Usage;
    }
    const QString orgId = parser.value(orgOpt).trimmed();
    if (kind != QLatin1String("organizations") && orgId.isEmpty()) {
        errorLine(QStringLiteral("--org ID is required for %1").arg(kind));
        return Usage;
    }
    if (parser.isSet(orgOpt) && !isPlausibleId(orgId)) {
        errorLine(QStringLiteral("--org '%1' is not an id (letters, digits, '-' and '_' only)").arg(orgId));
        return Usage;
    }
    const QString parentId = parser.value(parentOpt).trimmed();
    if (parser.isSet(parentOpt) && parentId != QLatin1String("null") && !isPlausibleId(parentId)) {
        errorLine(QStringLiteral("--parent '%1' is not an id or 'null' (letters, digits, '-' and '_' only)")
                      .arg(parentId));
        return Usage;
    }
    int pageSize = 1000;
    if (parser.isSet(pageSizeOpt)) {
        bool ok = false;
        pageSize = parser.value(pageSizeOpt).toInt(&ok);
        if (!ok || pageSize < 1 || pageSize > 1000) {
            errorLine(QStringLiteral("--page-size must be between 1 and 1000"));
            return Usage;
        }
    }

    QTimeZone timeZone;
    if (const QString error = timeZoneOpt.apply(parser, &timeZone); !error.isEmpty()) {
        errorLine(error);
        return Usage;
    }
    api::Client client;
    if (const QString problem = connectionOpts.configure(parser, client); !problem.isEmpty()) {
        errorLine(problem);
        return Usage;
    }

    // Cost: a rate card (default for --summary) prices usage records.
    const bool priced = parser.isSet(rateCardOpt) || parser.isSet(summaryOpt);
    if (parser.isSet(metricOpt) && kind != QLatin1String("usage")) {
        errorLine(QStringLiteral("--metric applies to usage exports only"));
        return Usage;
    }
    if (priced && kind != QLatin1String("usage")) {
        errorLine(QStringLiteral("--rate-card and --summary apply to usage exports only"));
        return Usage;
    }
    models::RateCard rateCard;
    if (priced) {
        const QString which =
            parser.isSet(rateCardOpt) ? parser.value(rateCardOpt) : QStringLiteral("default");
        if (which == QLatin1String("default")) {
            rateCard = models::RateCard::bundled();
        } else {
            QFile file(which);
            if (!file.open(QIODevice::ReadOnly)) {
                errorLine(QStringLiteral("cannot read the rate card %1: %2").arg(which, file.errorString()));
                return Usage;
            }
            const models::RateCard::ReadResult read = models::RateCard::fromJson(file.readAll());
            if (!read.card) {
                errorLine(QStringLiteral("rate card %1: %2").arg(which, read.error));
                return Usage;
            }
            for (const QString &w : read.warnings)
                errorLine(QStringLiteral("rate card %1: %2").arg(which, w));
            rateCard = *read.card;
        }
    }

    // --output FILE is written to FILE.partial, FILE.resume says where it stands.
    const QString outputPath = parser.value(outputOpt);
    const QString partialPath = outputPath + QStringLiteral(".partial");
    const QString statePath = outputPath + QStringLiteral(".resume");
    // Priced usage is written at the end only: nothing to continue from.
    const bool includeSuborgs = parser.isSet(includeSuborgsOpt);
    if (includeSuborgs && kind != QLatin1String("audit") && kind != QLatin1String("usage") &&
        kind != QLatin1String("members")) {
        errorLine(QStringLiteral("--include-suborgs applies to audit, usage and members exports"));
        return Usage;
    }
    if (includeSuborgs && priced) {
        errorLine(QStringLiteral("--include-suborgs does not take --rate-card or --summary yet"));
        return Usage;
    }
    const bool resumable = parser.isSet(outputOpt) && !priced && !includeSuborgs;
    const bool resuming = parser.isSet(resumeOpt);
    ResumeState state;
    state.arguments = resumeArguments(givenArguments); // --view as given, not what it stood for today
    if (resuming) {
        if (!resumable) {
            errorLine(QStringLiteral(
                "--resume needs --output FILE (and no --rate-card, --summary or --include-suborgs)"));
            return Usage;
        }
        QFile file(statePath);
        if (!file.open(QIODevice::ReadOnly)) {
            errorLine(QStringLiteral("nothing to resume: %1 not found").arg(statePath));
            return Usage;
        }
        const std::optional<ResumeState> saved = ResumeState::fromJson(file.read(1 << 20));
        if (!saved || QFileInfo(partialPath).size() < saved->bytes) {
            errorLine(QStringLiteral("cannot resume: %1 or %2 is damaged; run without --resume to start over")
                          .arg(statePath, partialPath));
            return Failed;
        }
        if (saved->arguments != state.arguments) {
            errorLine(QStringLiteral("cannot resume: %1 belongs to an export with other options (%2)")
                          .arg(statePath, saved->arguments.join(QLatin1Char(' '))));
            return Usage;
        }
        state = *saved;
    }

    // Build the pager (validating kind-specific options first).
    std::unique_ptr<api::Pager> pager;
    api::MemberFilter memberFilter; // kept for --include-suborgs
    api::AuditQuery auditQuery;
    // Positive audit filters are checked against what comes back (API.md §9.4).
    models::AuditFilterCheck filterCheck;
    QDate usageFrom;
    QDate usageTo;
    if (kind == QLatin1String("organizations")) {
        api::OrganizationFilter filter;
        filter.nameContains = parser.value(nameOpt);
        filter.parentId = parentId;
        auto *p = new api::OrganizationsPager(&client, filter);
        p->setPageSize(pageSize);
        pager.reset(p);
    } else if (kind == QLatin1String("accounts")) {
        api::AccountFilter filter;
        filter.nameContains = parser.value(nameOpt);
        auto *p = new api::AccountsPager(&client, orgId, filter);
        p->setPageSize(pageSize);
        pager.reset(p);
    } else if (kind == QLatin1String("members")) {
        api::MemberFilter filter;
        filter.statuses = splitValues(parser.values(statusOpt));
        filter.userEmail = parser.value(emailOpt);
        memberFilter = filter;
        auto *p = new api::MembersPager(&client, orgId, filter);
        p->setPageSize(pageSize);
        pager.reset(p);
    } else if (kind == QLatin1String("audit")) {
        api::AuditQuery query;
        query.since = parser.value(sinceOpt);
        query.before = parser.value(beforeOpt);
        // A resumed run keeps the first run's end of range: the cursor belongs to it.
        if (query.before.isEmpty())
            query.before = resuming && !state.before.isEmpty()
                               ? state.before
                               : QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        state.before = query.before;
        if (query.since.isEmpty()) {
            errorLine(QStringLiteral("--since is required for audit (YYYY-MM-DD or RFC 3339)"));
            return Usage;
        }
        query.direction = parser.value(directionOpt);
        query.limit = pageSize;
        const QString filterProblem = auditFilterOpts.apply(parser, query);
        if (!filterProblem.isEmpty()) {
            errorLine(filterProblem);
            return Usage;
        }
        const QString problem = query.validate();
        if (!problem.isEmpty()) {
            errorLine(problem);
            return Usage;
        }
        auditQuery = query;
        filterCheck = models::AuditFilterCheck(query);
        pager.reset(new api::AuditPager(&client, orgId, query));
    } else {
        const QString rangeProblem = app::cli::usageRange(parser, fromOpt, toOpt, &usageFrom, &usageTo);
        if (!rangeProblem.isEmpty()) {
            errorLine(rangeProblem);
            return Usage;
        }
        // The allowance is per calendar month: price from the month's first day
        // even when the export starts later (those days are not written).
        const QDate fetchFrom = priced ? QDate(usageFrom.year(), usageFrom.month(), 1) : usageFrom;
        auto *usagePager = new api::UsagePager(&client, orgId, fetchFrom, usageTo);
        usagePager->setMetric(parser.value(metricOpt).trimmed());
        pager.reset(usagePager);
    }

    // Output: stdout as we go, or a file that appears only when complete.
    std::unique_ptr<QIODevice> device;
    QSaveFile *saveFile = nullptr;
    QFile *partialFile = nullptr;
    if (resumable) {
        // FILE appears only when complete; until then FILE.partial grows page
        // by page, so an interrupted run can be continued (--resume).
        partialFile = new QFile(partialPath);
        device.reset(partialFile);
        if (!partialFile->open(resuming ? QIODevice::ReadWrite
                                        : QIODevice::WriteOnly | QIODevice::Truncate) ||
            (resuming && (!partialFile->resize(state.bytes) || !partialFile->seek(state.bytes)))) {
            errorLine(QStringLiteral("cannot write %1: %2").arg(partialPath, partialFile->errorString()));
            return Failed;
        }
        if (!resuming)
            QFile::remove(statePath);
    } else if (parser.isSet(outputOpt)) {
        saveFile = new QSaveFile(parser.value(outputOpt));
        device.reset(saveFile);
        if (!saveFile->open(QIODevice::WriteOnly)) {
            errorLine(
                QStringLiteral("cannot write %1: %2").arg(parser.value(outputOpt), saveFile->errorString()));
            return Failed;
        }
    } else {
        auto *out = new QFile;
        device.reset(out);
        if (!out->open(stdout, QIODevice::WriteOnly)) {
            errorLine(QStringLiteral("cannot write to stdout"));
            return Failed;
        }
    }
    const auto exportFormat = format == QLatin1String("json") ? models::RecordExporter::Format::Json
                                                              : models::RecordExporter::Format::Csv;
    models::RecordExporter exporter(device.get(), exportFormat);
    // Audit pages go out column by column, without a record per entry.
    models::AuditPageWriter auditWriter(device.get(), exportFormat);
    exporter.setTimeZone(timeZone);
    auditWriter.setTimeZone(timeZone);
    if (includeSuborgs) {
        models::OrgTreeRollup rollup(&client);
        rollup.setKind(kind == QLatin1String("audit")   ? models::OrgTreeRollup::Kind::Audit
                       : kind == QLatin1String("usage") ? models::OrgTreeRollup::Kind::Usage
                                                        : models::OrgTreeRollup::Kind::Members);
        rollup.setAuditQuery(auditQuery);
        rollup.setMemberFilter(memberFilter);
        rollup.setUsageRange(usageFrom, usageTo);
        rollup.setUsageMetric(parser.value(metricOpt).trimmed());
        Progress progress(!parser.isSet(quietOpt) && isatty(fileno(stderr)));
        QObject::connect(&rollup, &models::OrgTreeRollup::progressChanged, &rollup,
                         [&](qint64 done, qint64 total) {
                             progress.text(QStringLiteral("%1 of %2 organizations").arg(done).arg(total));
                         });
        QObject::connect(client.rateBudget(), &api::RateBudget::blocked, &rollup, [&](qint64 waitMs) {
            if (!parser.isSet(quietOpt))
                progress.note(QStringLiteral("rate limit reached: Cloudflare blocks further requests for "
                                             "%1 s; waiting")
                                  .arg((waitMs + 999) / 1000));
        });
        QEventLoop loop;
        QObject::connect(&rollup, &models::OrgTreeRollup::finished, &loop, &QEventLoop::quit);
        rollup.start(orgId);
        if (rollup.isRunning())
            loop.exec();
        progress.done();
        if (rollup.treeError()) {
            if (saveFile)
                saveFile->cancelWriting();
            errorLine(QStringLiteral("cannot list the organizations under %1: %2")
                          .arg(orgId, rollup.treeError().userMessage()));
            return Failed;
        }
        const models::RollupWriteResult written = models::writeRollup(
            rollup, exportFormat, device.get(), !parser.isSet(withoutCorrectionsOpt), timeZone);
        if (!written.ok || (saveFile && !saveFile->commit())) {
            if (saveFile)
                saveFile->cancelWriting();
            errorLine(QStringLiteral("writing the export failed: %1").arg(device->errorString()));
            return Failed;
        }
        if (!saveFile)
            static_cast<QFile *>(device.get())->flush();
        if (written.duplicatesRemoved > 0 && !parser.isSet(quietOpt))
            errorLine(QStringLiteral("%1 usage records returned for both an organization and one under it "
                                     "were written once")
                          .arg(written.duplicatesRemoved));
        // The rest is written; each organization that could not be read is named.
        const QList<qsizetype> missing = rollup.missing();
        for (qsizetype i : missing) {
            const models::OrgNode &node = rollup.organizations().at(i);
            errorLine(QStringLiteral("missing from the export: organization %1 (%2): %3")
                          .arg(node.id, node.pathText(), rollup.error(i).userMessage()));
        }
        return missing.isEmpty() ? Ok : Partial;
    }
    using models::ExportColumns;
    QList<api::UsageRecord> pricedRecords;
    QStringList ignoredFilters;
    qint64 droppedByFilter = 0;
    Progress progress(!parser.isSet(quietOpt) && isatty(fileno(stderr)));
    bool writeFailed = false;
    bool begun = false;
    std::function<bool()> beginExport;
    std::function<void()> resumeExport = [] {};
    // The header goes out with the first records (or at the end), so a
    // failure before any data leaves stdout empty.
    const auto ensureBegun = [&] {
        if (!begun) {
            begun = true;
            return beginExport();
        }
        return true;
    };
    const auto checkWrite = [&](bool ok) {
        if (!ok && !writeFailed) {
            writeFailed = true;
            pager->abort();
        }
    };
    if (kind == QLatin1String("organizations")) {
        beginExport = [&] { return exporter.begin(ExportColumns::organizations()); };
        resumeExport = [&] { exporter.resume(ExportColumns::organizations(), state.records); };
        QObject::connect(static_cast<api::OrganizationsPager *>(pager.get()),
                         &api::OrganizationsPager::pageReady, pager.get(),
                         [&](const QList<api::Organization> &page) {
                             checkWrite(ensureBegun() && exporter.add(ExportColumns::organizations(), page));
                         });
    } else if (kind == QLatin1String("accounts")) {
        beginExport = [&] { return exporter.begin(ExportColumns::accounts()); };
        resumeExport = [&] { exporter.resume(ExportColumns::accounts(), state.records); };
        QObject::connect(static_cast<api::AccountsPager *>(pager.get()), &api::AccountsPager::pageReady,
                         pager.get(), [&](const QList<api::Account> &page) {
                             checkWrite(ensureBegun() && exporter.add(ExportColumns::accounts(), page));
                         });
    } else if (kind == QLatin1String("members")) {
        beginExport = [&] { return exporter.begin(ExportColumns::members()); };
        resumeExport = [&] { exporter.resume(ExportColumns::members(), state.records); };
        QObject::connect(static_cast<api::MembersPager *>(pager.get()), &api::MembersPager::pageReady,
                         pager.get(), [&](const QList<api::Member> &page) {
                             checkWrite(ensureBegun() && exporter.add(ExportColumns::members(), page));
                         });
    } else if (kind == QLatin1String("audit")) {
        beginExport = [&] { return auditWriter.begin(); };
        resumeExport = [&] { auditWriter.resume(state.records); };
        // CSV rows are formatted where each page is decoded, pages in
        // parallel; this thread writes them in order (AuditPageWriter::prepare).
        static_cast<api::AuditPager *>(pager.get())->setPrepare(auditWriter.preparer());
        // A JSON export writes each entry's bytes as received: unless a
        // filter may have to be applied here, nothing else is decoded.
        // A CSV export formats each field from its bytes in the page, as
        // ranges found by the same walk.
        if (!filterCheck.isActive())
            static_cast<api::AuditPager *>(pager.get())
                ->setFields(exportFormat == models::RecordExporter::Format::Json
                                ? api::AuditPager::Fields::BytesOnly
                                : api::AuditPager::Fields::Ranges);
        QObject::connect(static_cast<api::AuditPager *>(pager.get()), &api::AuditPager::columnsReady,
                         pager.get(), [&](const api::AuditColumns &page) {
                             if (!filterCheck.isActive()) {
                                 checkWrite(ensureBegun() && auditWriter.add(page));
                                 return;
                             }
                             // The server ignored a filter: apply it here and say so
                             // once per key, never writing unfiltered rows as filtered.
                             const models::AuditFilterCheck::Result checked = filterCheck.check(page);
                             for (const QString &key : checked.ignoredKeys) {
                                 if (ignoredFilters.contains(key))
                                     continue;
                                 ignoredFilters.append(key);
                                 progress.note(
                                     QStringLiteral("the server ignored the filter %1 (--%2); applying it "
                                                    "locally (entries that do not match are left "
                                                    "out)")
                                         .arg(key, QString(key).replace(QLatin1Char('_'), QLatin1Char('-'))));
                             }
                             droppedByFilter += checked.dropped;
                             checkWrite(ensureBegun() &&
                                        auditWriter.add(page, checked.dropped > 0 ? &checked.drop : nullptr));
                         });
    } else if (priced) {
        // The estimate needs the whole month of every account first: keep the
        // records and write them once the last page is in.
        beginExport = [] { return true; };
        QObject::connect(static_cast<api::UsagePager *>(pager.get()), &api::UsagePager::pageReady,
                         pager.get(),
                         [&](const QList<api::UsageRecord> &page) { pricedRecords.append(page); });
    } else {
        beginExport = [&] { return exporter.begin(ExportColumns::usageRecords()); };
        resumeExport = [&] { exporter.resume(ExportColumns::usageRecords(), state.records); };
        QObject::connect(static_cast<api::UsagePager *>(pager.get()), &api::UsagePager::pageReady,
                         pager.get(), [&](QList<api::UsageRecord> page) {
                             if (parser.isSet(withoutCorrectionsOpt))
                                 page.removeIf(isCorrection);
                             checkWrite(ensureBegun() && exporter.add(ExportColumns::usageRecords(), page));
                         });
    }

    const qint64 resumedRecords = resuming ? state.records : 0;
    if (resuming) {
        // The header and the first records are in FILE.partial already.
        begun = true;
        resumeExport();
        pager->setStartToken(state.token);
    }
    bool savedState = resuming;
    // Forgets the partial output: nothing worth continuing from.
    const auto dropPartial = [&] {
        if (partialFile) {
            partialFile->close();
            QFile::remove(partialPath);
            QFile::remove(statePath);
        }
    };

    const int pagesBefore = state.pages;
    QObject::connect(pager.get(), &api::Pager::progress, pager.get(), [&](qint64 items, int pages) {
        progress.update(resumedRecords + items, pagesBefore + pages);
        // Every page written so far survives an interruption.
        if (partialFile && !writeFailed && !pager->resumeToken().isEmpty() && partialFile->flush()) {
            state.token = pager->resumeToken();
            state.bytes = partialFile->pos();
            state.records = kind == QLatin1String("audit") ? auditWriter.rows() : exporter.rows();
            state.pages = pagesBefore + pages;
            savedState = writeResumeState(statePath, state) || savedState;
        }
    });
    // The throttled state: Cloudflare blocks this credential for a while.
    QObject::connect(client.rateBudget(), &api::RateBudget::blocked, pager.get(), [&](qint64 waitMs) {
        if (parser.isSet(quietOpt))
            return;
        const QDateTime until = QDateTime::currentDateTimeUtc().addMSecs(waitMs);
        progress.note(QStringLiteral("rate limit reached: Cloudflare blocks further requests for %1 s; "
                                     "waiting until %2 UTC")
                          .arg((waitMs + 999) / 1000)
                          .arg(until.toString(QStringLiteral("HH:mm:ss"))));
    });
    if (resuming && !parser.isSet(quietOpt))
        errorLine(QStringLiteral("resuming after %1 records (%2 pages)").arg(state.records).arg(state.pages));
    QEventLoop loop;
    QObject::connect(pager.get(), &api::Pager::finished, &loop, &QEventLoop::quit);
    pager->start();
    if (!pager->isFinished())
        loop.exec();
    progress.done();

    if (pager->error() && !(writeFailed && pager->wasCanceled())) {
        if (saveFile)
            saveFile->cancelWriting();
        const api::ApiError &e = pager->error();
        QString message = e.userMessage();
        if (e.httpStatus() == 404 && kind != QLatin1String("organizations"))
            message = QStringLiteral("organization %1 not found (%2)").arg(orgId, message);
        if (partialFile && savedState) {
            partialFile->flush();
            partialFile->close();
            message += QStringLiteral(" %1 records are kept in %2: run the same command with --resume to "
                                      "continue from there.")
                           .arg(state.records)
                           .arg(partialPath);
        } else {
            dropPartial();
        }
        errorLine(message);
        return Failed;
    }
    if (droppedByFilter > 0) // said even with --quiet: it changes what the file holds
        errorLine(QStringLiteral("%1 entries the server returned did not match the filters (%2) and were "
                                 "left out")
                      .arg(droppedByFilter)
                      .arg(ignoredFilters.join(QStringLiteral(", "))));
    if (priced && !writeFailed)
        checkWrite(writePricedUsage(exporter, pricedRecords, rateCard, usageFrom, usageTo,
                                    parser.isSet(summaryOpt), !parser.isSet(quietOpt),
                                    !parser.isSet(withoutCorrectionsOpt)));
    if (!writeFailed)
        checkWrite(ensureBegun() &&
                   (kind == QLatin1String("audit") ? auditWriter.finish() : exporter.finish()));
    if (writeFailed) {
        if (saveFile)
            saveFile->cancelWriting();
        const QString reason = device->errorString();
        dropPartial();
        errorLine(QStringLiteral("writing the export failed: %1").arg(reason));
        return Failed;
    }
    if (partialFile) {
        // Complete: FILE replaces any older one in one step.
        if (!partialFile->flush()) {
            errorLine(QStringLiteral("cannot write %1: %2").arg(partialPath, partialFile->errorString()));
            dropPartial();
            return Failed;
        }
        partialFile->close();
        if (std::rename(QFile::encodeName(partialPath).constData(),
                        QFile::encodeName(outputPath).constData()) != 0) {
            errorLine(QStringLiteral("cannot write %1: %2")
                          .arg(outputPath, QString::fromLocal8Bit(std::strerror(errno))));
            dropPartial();
            return Failed;
        }
        QFile::remove(statePath);
        return Ok;
    }
    if (saveFile && !saveFile->commit()) {
        errorLine(
            QStringLiteral("cannot write %1: %2").arg(parser.value(outputOpt), saveFile->errorString()));
        return Failed;
    }
    if (!saveFile)
        static_cast<QFile *>(device.get())->flush();
    return Ok;
}
