#include "app/reportcommand.h"

#include "app/commandoptions.h"

#include "api/auditcolumns.h"
#include "api/auditpager.h"
#include "api/client.h"
#include "api/decoders.h"
#include "api/organizationsapi.h"
#include "models/audit/auditquerydraft.h"
#include "models/audit/audittablemodel.h"
#include "models/cost/ratecard.h"
#include "models/reports/auditreport.h"
#include "models/reports/usagereport.h"
#include "models/session/session.h"
#include "models/settings/timezonesetting.h"
#include "models/usage/usagecontroller.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QTimer>

#include <cstdio>
#include <functional>

namespace {

enum Exit { Ok = 0, Failed = 1, Usage = 2 };

void errorLine(const QString &message)
{
    const QByteArray line = "orgscope report: " + message.simplified().toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

// Runs the event loop until done() holds (checked as events arrive and every 20 ms).
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (done() || clock.elapsed() > timeoutMs)
            loop.quit();
    });
    tick.start(20);
    if (!done())
        loop.exec();
    return done();
}

qint64 timeMs(const QString &text)
{
    qint64 ms = 0;
    const QByteArray utf8 = text.trimmed().toUtf8();
    if (utf8.size() == 10) // YYYY-MM-DD: the day's start in UTC, as the API reads it
        return QDate::fromString(text.trimmed(), Qt::ISODate)
            .startOfDay(QTimeZone::utc())
            .toMSecsSinceEpoch();
    return api::decode::parseTimestamp(std::string_view(utf8.constData(), size_t(utf8.size())), &ms) ? ms : 0;
}

} // namespace

int runReportCommand(int argc, char **argv, void (*setIdentity)())
{
    // Fonts need a GUI application; without a display, the offscreen platform serves.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication application(argc, argv);
    if (setIdentity)
        setIdentity();
    QStringList arguments = QCoreApplication::arguments();
    arguments.remove(0, 2);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write the Usage or Audit log page's report as a PDF: title, organization, range, generation time "
        "and time zone; usage: chart, top movers, budget status, anomalies; audit: timeline, counts by "
        "action, actor and result, failures and the entries (capped)."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("what"), QStringLiteral("usage | audit"));
    const QCommandLineOption orgOpt(QStringLiteral("org"), QStringLiteral("Organization id."),
                                    QStringLiteral("ID"));
    const QCommandLineOption outputOpt(QStringLiteral("output"), QStringLiteral("The PDF to write."),
                                       QStringLiteral("FILE.pdf"));
    const QCommandLineOption pageSizeOpt(QStringLiteral("page-size"),
                                         QStringLiteral("a4 or letter (default: the locale's paper)."),
                                         QStringLiteral("SIZE"));
    const app::cli::TimeZoneOption zoneOpt(
        QStringLiteral("Times in the report: local, UTC or an IANA zone (Europe/Berlin); default: the "
                       "console's View › Time Zone."),
        models::TimeZoneSetting::instance()->zone());
    const QCommandLineOption sinceOpt(
        QStringLiteral("since"), QStringLiteral("Audit: entries newer than this (YYYY-MM-DD or RFC 3339)."),
        QStringLiteral("TIME"));
    const QCommandLineOption beforeOpt(
        QStringLiteral("before"), QStringLiteral("Audit: entries older than this."), QStringLiteral("TIME"));
    const QCommandLineOption fromOpt(QStringLiteral("from"), QStringLiteral("Usage: first day (YYYY-MM-DD)."),
                                     QStringLiteral("DATE"));
    const QCommandLineOption toOpt(QStringLiteral("to"),
                                   QStringLiteral("Usage: last day, inclusive (YYYY-MM-DD)."),
                                   QStringLiteral("DATE"));
    const QCommandLineOption rateCardOpt(
        QStringLiteral("rate-card"),
        QStringLiteral(
            "Usage: price with the rate card in FILE or 'default' (otherwise the organization's card "
            "from the settings, as in the GUI)."),
        QStringLiteral("FILE|default"));
    const QCommandLineOption withoutCorrectionsOpt(
        QStringLiteral("without-corrections"),
        QStringLiteral("Usage: leave out ChargeClass \"Correction\" records."));
    const QCommandLineOption entriesOpt(QStringLiteral("max-entries"),
                                        QStringLiteral("Audit: entries listed in the table (default 500)."),
                                        QStringLiteral("N"));
    zoneOpt.addTo(parser);
    parser.addOptions({orgOpt, outputOpt, pageSizeOpt, sinceOpt, beforeOpt, fromOpt, toOpt, rateCardOpt,
                       withoutCorrectionsOpt, entriesOpt});
    const app::cli::ConnectionOptions connectionOpts; // --base-url, --timeout
    connectionOpts.addTo(parser);
    const app::cli::AuditFilterOptions auditFilterOpts;
    auditFilterOpts.addTo(parser);

    if (!parser.parse(QStringList{QStringLiteral("orgscope report")} + arguments)) {
        errorLine(parser.errorText());
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        const QByteArray help = parser.helpText().toUtf8();
        std::fwrite(help.constData(), 1, size_t(help.size()), stdout);
        return Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 ||
        (positional.first() != QLatin1String("usage") && positional.first() != QLatin1String("audit"))) {
        errorLine(QStringLiteral("say which report: usage or audit"));
        return Usage;
    }
    const bool usage = positional.first() == QLatin1String("usage");
    connectionOpts.applyLogRules(parser);
    const QString orgId = parser.value(orgOpt).trimmed();
    if (orgId.isEmpty() || !app::cli::isPlausibleId(orgId)) {
        errorLine(
            orgId.isEmpty()
                ? QStringLiteral("--org ID is required")
                : QStringLiteral("--org '%1' is not an id (letters, digits, '-' and '_' only)").arg(orgId));
        return Usage;
    }
    const QString output = parser.value(outputOpt);
    if (output.isEmpty()) {
        errorLine(QStringLiteral("--output FILE.pdf is required"));
        return Usage;
    }
    models::ReportPageSize pageSize = models::defaultReportPageSize();
    if (parser.isSet(pageSizeOpt)) {
        const auto size = models::reportPageSizeFromName(parser.value(pageSizeOpt));
        if (!size) {
            errorLine(QStringLiteral("--page-size must be a4 or letter"));
            return Usage;
        }
        pageSize = *size;
    }
    QTimeZone zone;
    if (const QString error = zoneOpt.apply(parser, &zone); !error.isEmpty()) {
        errorLine(error);
        return Usage;
    }
    int entryCap = 500;
    if (parser.isSet(entriesOpt)) {
        bool ok = false;
        entryCap = parser.value(entriesOpt).toInt(&ok);
        if (!ok || entryCap < 0 || entryCap > 100000) {
            errorLine(QStringLiteral("--max-entries must be between 0 and 100000"));
            return Usage;
        }
    }
    // The options of the other report are refused rather than ignored.
    const QList<const QCommandLineOption *> usageOnly{&fromOpt, &toOpt, &rateCardOpt, &withoutCorrectionsOpt};
    const QList<const QCommandLineOption *> auditOnly{&sinceOpt, &beforeOpt, &entriesOpt};
    for (const QCommandLineOption *o : usage ? auditOnly : usageOnly)
        if (parser.isSet(*o)) {
            errorLine(
                QStringLiteral("--%1 applies to %2 reports only")
                    .arg(o->names().first(), usage ? QStringLiteral("audit") : QStringLiteral("usage")));
            return Usage;
        }

    api::Client client;
    if (const QString problem = connectionOpts.configure(parser, client); !problem.isEmpty()) {
        errorLine(problem);
        return Usage;
    }

    // Validate the report's own options before any request.
    QDate from;
    QDate to;
    api::AuditQuery query;
    models::RateCard card;
    if (usage) {
        const QString problem = app::cli::usageRange(parser, fromOpt, toOpt, &from, &to);
        if (!problem.isEmpty()) {
            errorLine(problem);
            return Usage;
        }
        if (parser.isSet(rateCardOpt) && parser.value(rateCardOpt) != QLatin1String("default")) {
            QFile file(parser.value(rateCardOpt));
            if (!file.open(QIODevice::ReadOnly)) {
                errorLine(QStringLiteral("cannot read the rate card %1: %2")
                              .arg(file.fileName(), file.errorString()));
                return Usage;
            }
            const models::RateCard::ReadResult read = models::RateCard::fromJson(file.readAll());
            if (!read.card) {
                errorLine(QStringLiteral("rate card %1: %2").arg(file.fileName(), read.error));
                return Usage;
            }
            card = *read.card;
        } else if (parser.isSet(rateCardOpt)) {
            card = models::RateCard::bundled();
        }
    } else {
        query.since = parser.value(sinceOpt);
        query.before = parser.isSet(beforeOpt) ? parser.value(beforeOpt)
                                               : QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        if (query.since.isEmpty()) {
            errorLine(QStringLiteral("--since is required for audit (YYYY-MM-DD or RFC 3339)"));
            return Usage;
        }
        query.limit = 1000;
        QString problem = auditFilterOpts.apply(parser, query);
        if (problem.isEmpty())
            problem = query.validate();
        if (!problem.isEmpty()) {
            errorLine(problem);
            return Usage;
        }
    }

    // The organization's name for the title.
    QString orgName;
    {
        api::OrganizationsApi orgs(&client);
        auto *job = orgs.get(orgId);
        job->setAutoDelete(false);
        QEventLoop loop;
        QObject::connect(job, &api::Job::finished, &loop, &QEventLoop::quit);
        job->start();
        if (!job->isFinished())
            loop.exec();
        if (job->error()) {
            const api::ApiError e = job->error();
            delete job;
            errorLine(e.httpStatus() == 404 ? QStringLiteral("organization %1 not found").arg(orgId)
                                            : e.userMessage());
            return Failed;
        }
        orgName = job->result().name;
        delete job;
    }

    QString error;
    if (usage) {
        models::Session session;
        session.setClient(&client);
        session.setOrganization(orgId, orgName);
        models::UsageController controller(&session);
        controller.setRange(models::UsageDayRange::fromDates(from, to));
        controller.setIncludeCorrections(!parser.isSet(withoutCorrectionsOpt));
        if (parser.isSet(rateCardOpt))
            controller.setRateCard(card);
        const auto idle = [&] {
            return !controller.isLoading() && !controller.isAggregating() &&
                   controller.aggregate().query().range == controller.query().range &&
                   controller.aggregate().measure() == controller.query().measure;
        };
        controller.setActive(true);
        if (!waitFor(idle, 30 * 60 * 1000) || !controller.error().isEmpty()) {
            errorLine(controller.error().isEmpty() ? QStringLiteral("usage did not load in time")
                                                   : controller.error().message);
            return Failed;
        }
        // The measure the page would pick: billed cost when the API sends it, else the estimate.
        if (controller.cube().hasCosts())
            controller.setMeasure(models::UsageMeasure::BilledCost);
        else if (controller.estimateAvailable())
            controller.setMeasure(models::UsageMeasure::EstimatedCost);
        waitFor(idle, 10 * 60 * 1000);
        models::UsageReportOptions options;
        options.organizationName = orgName;
        options.organizationId = orgId;
        options.zone = zone;
        const models::ReportDocument doc = models::buildUsageReport(controller, options);
        if (!doc.writePdf(output, pageSize, &error)) {
            errorLine(QStringLiteral("cannot write %1: %2").arg(output, error));
            return Failed;
        }
        return Ok;
    }

    // Audit: every page of the query into the table model the page uses.
    models::AuditTableModel model;
    const quint64 generation = model.beginQuery();
    api::AuditPager pager(&client, orgId, query);
    QObject::connect(&pager, &api::AuditPager::columnsReady, &model,
                     [&](const api::AuditColumns &page) { model.appendPage(generation, page); });
    QEventLoop loop;
    QObject::connect(&pager, &api::Pager::finished, &loop, &QEventLoop::quit);
    pager.start();
    if (!pager.isFinished())
        loop.exec();
    if (pager.error()) {
        const api::ApiError &e = pager.error();
        errorLine(e.httpStatus() == 404
                      ? QStringLiteral("organization %1 not found (%2)").arg(orgId, e.userMessage())
                      : e.userMessage());
        return Failed;
    }
    waitFor([&] { return !model.isFiltering(); }, 10 * 60 * 1000);
    models::AuditReportRequest request;
    request.organizationName = orgName;
    request.organizationId = orgId;
    request.fromMs = timeMs(query.since);
    request.toMs = timeMs(query.before);
    models::AuditQueryDraft draft;
    for (const api::AuditQuery::Field &f : api::AuditQuery::fields()) {
        const api::AuditFilterValues &v = query.*(f.member);
        if (!v.include.isEmpty())
            draft.filters.append({QString::fromLatin1(f.wireKey), v.include, false, false});
        if (!v.exclude.isEmpty())
            draft.filters.append({QString::fromLatin1(f.wireKey), v.exclude, true, false});
    }
    request.queryFilters = models::describeAuditQueryFilters(draft);
    request.loadedEntries = model.rowCount();
    request.zone = zone;
    request.entryCap = entryCap;
    const models::AuditReportData data =
        models::computeAuditReport(model.snapshot(), model.visibleRows(), request);
    const models::ReportDocument doc = models::buildAuditReport(data, request);
    if (!doc.writePdf(output, pageSize, &error)) {
        errorLine(QStringLiteral("cannot write %1: %2").arg(output, error));
        return Failed;
    }
    return Ok;
}
