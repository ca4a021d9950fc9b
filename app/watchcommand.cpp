#include "app/watchcommand.h"

#include "app/commandoptions.h"
#include "app/exportview.h"
#include "models/settings/appsettings.h"

#include "models/watch/auditwatcher.h"

#include "api/auditquery.h"
#include "api/client.h"
#include "api/ratebudget.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QTimer>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

namespace {

enum Exit { Stopped = 0, Failed = 1, Usage = 2 };

void errorLine(const QString &message)
{
    const QByteArray line = "orgscope watch: " + message.simplified().toUtf8() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

std::optional<double> seconds(const QString &text, double lo, double hi)
{
    bool ok = false;
    const double s = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(s) || s < lo || s > hi)
        return std::nullopt;
    return s;
}

// SIGINT / SIGTERM end the event loop through a socket pair (the handler
// only writes a byte), so the state is saved outside the signal handler.
int g_signalFd[2] = {-1, -1};
extern "C" void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(g_signalFd[0], &byte, 1);
}

struct StateFile
{
    QString path;
    QString org;

    bool load(models::AuditWatchPosition &position, QString &error) const
    {
        QFile file(path);
        if (!file.exists())
            return true;
        if (!file.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
            return false;
        }
        const QJsonObject o = QJsonDocument::fromJson(file.read(16 << 20)).object();
        if (o.value(QStringLiteral("orgscope_watch_state")).toInt() != 1) {
            error = QStringLiteral("%1 is not an orgscope watch state file").arg(path);
            return false;
        }
        if (o.value(QStringLiteral("org")).toString() != org) {
            error = QStringLiteral("%1 belongs to organization %2, not %3")
                        .arg(path, o.value(QStringLiteral("org")).toString(), org);
            return false;
        }
        position = models::AuditWatchPosition::fromJson(o.value(QStringLiteral("position")).toObject());
        return true;
    }
    // Atomic: a stop at any moment leaves the old state or the new one.
    bool save(const models::AuditWatchPosition &position) const
    {
        QJsonObject o;
        o.insert(QStringLiteral("orgscope_watch_state"), 1);
        o.insert(QStringLiteral("org"), org);
        o.insert(QStringLiteral("position"), position.toJson());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
        return file.commit();
    }
};

} // namespace

namespace {
// --view NAME|FILE: the saved audit view's organization and server filters
// go before the options given (app/exportview.cpp, as for export); its time
// range does not apply (a watch follows new entries). Empty error: fine.
QString expandWatchView(const QStringList &given, QStringList *arguments)
{
    *arguments = given;
    const bool hasView = std::any_of(given.begin(), given.end(), [](const QString &a) {
        return a == QLatin1String("--view") || a.startsWith(QLatin1String("--view="));
    });
    if (!hasView)
        return {};
    models::AppSettings settings;
    const ExportViewExpansion e = expandExportView(QStringList{QStringLiteral("audit")} + given, settings,
                                                   QDateTime::currentMSecsSinceEpoch());
    if (!e.error.isEmpty())
        return e.error;
    static const QStringList rangeOptions{QStringLiteral("--since"), QStringLiteral("--before"),
                                          QStringLiteral("--direction")};
    arguments->clear();
    bool kindSkipped = false;
    for (qsizetype i = 0; i < e.arguments.size(); ++i) {
        const QString &a = e.arguments.at(i);
        if (!kindSkipped && a == QLatin1String("audit")) {
            kindSkipped = true;
            continue;
        }
        if (rangeOptions.contains(a) && i + 1 < e.arguments.size()) {
            ++i;
            continue;
        }
        arguments->append(a);
    }
    for (const QString &note : e.notes) {
        if (note.contains(QLatin1String("ignored")))
            errorLine(note);
    }
    return {};
}
} // namespace

int runWatchCommand(const QStringList &givenArguments)
{
    QStringList arguments;
    if (const QString problem = expandWatchView(givenArguments, &arguments); !problem.isEmpty()) {
        errorLine(problem);
        return Usage;
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Print each new audit entry of an organization that matches the filters, as one JSON line (the "
        "entry as received), until SIGINT or SIGTERM. With --state, a restart goes on where the last run "
        "stopped: nothing is printed twice and nothing that arrived meanwhile is left out."));
    parser.addHelpOption();
    const QCommandLineOption orgOpt(QStringLiteral("org"), QStringLiteral("Organization id."),
                                    QStringLiteral("ID"));
    const QCommandLineOption intervalOpt(QStringLiteral("interval"),
                                         QStringLiteral("Seconds between polls (default 30)."),
                                         QStringLiteral("S"));
    const QCommandLineOption stateOpt(
        QStringLiteral("state"),
        QStringLiteral("Keep the position in FILE (written atomically after every page)."),
        QStringLiteral("FILE"));
    const QCommandLineOption formatOpt(QStringLiteral("format"),
                                       QStringLiteral("jsonl (the default, the only one)."),
                                       QStringLiteral("FORMAT"), QStringLiteral("jsonl"));
    const QCommandLineOption searchOpt(
        QStringLiteral("search"),
        QStringLiteral("Only entries containing TEXT in any field (case-insensitive), as the Audit log's "
                       "search."),
        QStringLiteral("TEXT"));
    const QCommandLineOption overlapOpt(
        QStringLiteral("overlap"),
        QStringLiteral("Seconds before the newest entry seen that each poll reads again, for entries that "
                       "become visible late (default 300)."),
        QStringLiteral("S"));
    // Listed for --help; expandWatchView has replaced it by the view's options.
    const QCommandLineOption viewOpt(
        QStringLiteral("view"),
        QStringLiteral("A saved audit view (a views file, or the name of a view saved in the console): its "
                       "organization and filters, before the options given."),
        QStringLiteral("NAME|FILE"));
    parser.addOptions({orgOpt, intervalOpt, stateOpt, formatOpt, searchOpt, overlapOpt, viewOpt});
    const app::cli::ConnectionOptions connectionOpts(
        QStringLiteral("Read each page up to N more times after a failure (default 7); a poll that still "
                       "fails is repeated at the next interval."),
        QStringLiteral("No notes on stderr (errors still)."));
    connectionOpts.addTo(parser);
    // The filters of `orgscope export audit`, by the same names and rules (app/commandoptions).
    const app::cli::AuditFilterOptions filterOptions;
    filterOptions.addTo(parser);

    if (!parser.parse(QStringList{QStringLiteral("orgscope watch")} + arguments)) {
        errorLine(parser.errorText());
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        const QByteArray help = parser.helpText().toUtf8();
        std::fwrite(help.constData(), 1, size_t(help.size()), stdout);
        return Stopped;
    }
    if (!parser.positionalArguments().isEmpty()) {
        errorLine(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
        return Usage;
    }
    connectionOpts.applyLogRules(parser);
    if (parser.value(formatOpt).toLower() != QLatin1String("jsonl")) {
        errorLine(QStringLiteral("--format must be jsonl"));
        return Usage;
    }
    const QString orgId = parser.value(orgOpt).trimmed();
    if (orgId.isEmpty()) {
        errorLine(QStringLiteral("--org ID is required"));
        return Usage;
    }
    if (!app::cli::isPlausibleId(orgId)) {
        errorLine(QStringLiteral("--org '%1' is not an id (letters, digits, '-' and '_' only)").arg(orgId));
        return Usage;
    }
    double intervalS = 30;
    if (parser.isSet(intervalOpt)) {
        const auto s = seconds(parser.value(intervalOpt), 0.1, 86400);
        if (!s) {
            errorLine(QStringLiteral("--interval must be a number of seconds between 0.1 and 86400"));
            return Usage;
        }
        intervalS = *s;
    }
    double overlapS = double(models::AuditWatcher::kDefaultOverlapMs) / 1000;
    if (parser.isSet(overlapOpt)) {
        const auto s = seconds(parser.value(overlapOpt), 0, 86400);
        if (!s) {
            errorLine(QStringLiteral("--overlap must be a number of seconds between 0 and 86400"));
            return Usage;
        }
        overlapS = *s;
    }

    models::AuditWatchQuery query;
    query.search = parser.value(searchOpt);
    if (const QString problem = filterOptions.apply(parser, query.filters); !problem.isEmpty()) {
        errorLine(problem);
        return Usage;
    }
    {
        // The filters are checked as a query would be (the range is the watcher's).
        api::AuditQuery probe = query.filters;
        probe.since = QStringLiteral("2000-01-01");
        probe.before = QStringLiteral("2000-01-02");
        const QString problem = probe.validate();
        if (!problem.isEmpty()) {
            errorLine(problem);
            return Usage;
        }
    }

    api::Client client;
    if (const QString problem = connectionOpts.configure(parser, client); !problem.isEmpty()) {
        errorLine(problem);
        return Usage;
    }

    StateFile state{parser.value(stateOpt), orgId};
    models::AuditWatchPosition position;
    if (!state.path.isEmpty()) {
        QString error;
        if (!state.load(position, error)) {
            errorLine(error);
            return Usage;
        }
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0) {
        errorLine(QStringLiteral("cannot set up signal handling"));
        return Failed;
    }
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    const bool quiet = parser.isSet(connectionOpts.quietOption());
    models::AuditWatcher watcher(&client, orgId, query);
    watcher.setPosition(position);
    watcher.setOverlapMs(qint64(std::llround(overlapS * 1000)));

    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly)) {
        errorLine(QStringLiteral("cannot write to stdout"));
        return Failed;
    }
    int exitCode = Stopped;
    bool stopping = false;
    bool stateWarned = false;
    const auto saveState = [&] {
        if (state.path.isEmpty() || state.save(watcher.position()) || stateWarned)
            return;
        stateWarned = true;
        errorLine(
            QStringLiteral("cannot write the state file %1; a restart may repeat entries").arg(state.path));
    };
    const auto stop = [&](int code) {
        if (stopping)
            return;
        stopping = true;
        exitCode = code;
        watcher.cancel(); // what was printed is in the position already
        saveState();
        QCoreApplication::exit(code);
    };
    QObject::connect(&watcher, &models::AuditWatcher::matched, &watcher,
                     [&](const QList<models::AuditWatchMatch> &matches) {
                         QByteArray lines;
                         for (const models::AuditWatchMatch &m : matches)
                             lines += m.json + '\n';
                         if (out.write(lines) != lines.size() || !out.flush()) {
                             errorLine(QStringLiteral("cannot write to stdout"));
                             stop(Failed);
                         }
                     });
    QObject::connect(&watcher, &models::AuditWatcher::positionChanged, &watcher, [&] {
        if (!stopping)
            saveState();
    });
    QTimer timer;
    timer.setSingleShot(true);
    timer.setInterval(int(std::lround(intervalS * 1000)));
    QObject::connect(&timer, &QTimer::timeout, &watcher, &models::AuditWatcher::poll);
    QObject::connect(
        &watcher, &models::AuditWatcher::pollFinished, &watcher,
        [&](bool ok, const api::ApiError &error, bool baseline) {
            if (stopping)
                return;
            if (!ok) {
                const int status = error.httpStatus();
                // What waiting cannot fix ends the watch.
                if (status == 400 || status == 401 || status == 403 || status == 404) {
                    QString message = error.userMessage();
                    if (status == 404)
                        message = QStringLiteral("organization %1 not found (%2)").arg(orgId, message);
                    errorLine(message);
                    stop(Failed);
                    return;
                }
                if (!quiet)
                    errorLine(QStringLiteral("poll failed, trying again in %1 s: %2")
                                  .arg(intervalS)
                                  .arg(error.userMessage()));
            } else if (baseline && !quiet) {
                errorLine(QStringLiteral("watching organization %1 from %2 UTC")
                              .arg(orgId, QDateTime::fromMSecsSinceEpoch(watcher.position().newestMs, Qt::UTC)
                                              .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
            }
            timer.start();
        });
    QObject::connect(client.rateBudget(), &api::RateBudget::blocked, &watcher, [&](qint64 waitMs) {
        if (!quiet)
            errorLine(QStringLiteral("rate limit reached: Cloudflare blocks further requests for %1 s")
                          .arg((waitMs + 999) / 1000));
    });
    QSocketNotifier notifier(g_signalFd[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &watcher, [&] {
        char byte = 0;
        [[maybe_unused]] const auto n = ::read(g_signalFd[1], &byte, 1);
        stop(Stopped);
    });

    QTimer::singleShot(0, &watcher, &models::AuditWatcher::poll);
    const int rc = QCoreApplication::exec();
    notifier.setEnabled(false);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    ::close(g_signalFd[0]);
    ::close(g_signalFd[1]);
    out.flush();
    return stopping ? exitCode : rc;
}

int runWatchCommand(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("orgscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ORGSCOPE_VERSION));
    return runWatchCommand(QCoreApplication::arguments().mid(2));
}
