// orgscope: the GUI, and `orgscope export …` for headless exports.

#include "auditloadprobe.h"
#include "console.h"
#include "exportcommand.h"
#include "optionnames.h"
#include "reportcommand.h"
#include "startuptrace.h"
#include "watchcommand.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QMutex>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>
#include <QWidget>

#include <cstdio>
#include <cstdlib>

#include "api/allocatorpolicy.h"
#include "models/connections/connectioncontroller.h"
#include "models/session/session.h"
#include "ui/common/messagebanner.h"
#include "ui/common/palettes.h"
#include "ui/common/pluralforms.h"
#include "ui/organizations/organizationspage.h"
#include "ui/shell/mainwindow.h"

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Orgscope"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("orgscope.test"));
    QCoreApplication::setApplicationName(QStringLiteral("orgscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ORGSCOPE_VERSION));
}

// Prints one line at the window's first paint event and quits.
class FirstPaintProbe : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            app::startup::mark("first paint");
            QTextStream(stdout) << "first-paint\n";
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

void quitAfterFirstPaint(QWidget *window)
{
    window->installEventFilter(new FirstPaintProbe(window));
}

// --exit-when-loaded: exits 0 once the main window has painted and its first
// page (the organization tree) has loaded data; 1 with one line on stderr when
// the simulator, the connection or the load fails, or nothing loads in time.
class LoadedProbe : public QObject
{
public:
    LoadedProbe(app::Console &console, int timeoutMs) : QObject(console.window()), m_console(console)
    {
        ui::MainWindow *window = console.window();
        window->installEventFilter(this);
        auto *first = qobject_cast<ui::OrganizationsPage *>(window->pages().value(0));
        if (!first) {
            QTimer::singleShot(
                0, this, [this] { fail(QStringLiteral("the first page is not the Organizations page")); });
            return;
        }
        connect(first, &ui::OrganizationsPage::treeLoaded, this, [this, first](bool ok) {
            if (!ok) {
                const auto *banner = first->findChild<ui::MessageBanner *>();
                fail(QStringLiteral("the Organizations page could not load its data: %1")
                         .arg(banner ? banner->text() : QStringLiteral("(no message)")));
                return;
            }
            const int n = first->treeModel()->organizationCount();
            if (n == 0) {
                fail(QStringLiteral("the Organizations page loaded, but it shows no organization"));
                return;
            }
            m_organizations = n;
            check();
        });
        connect(console.connections(), &models::ConnectionController::connectionFailed, this,
                [this](const QString &, const QString &message) {
                    fail(QStringLiteral("the connection failed: %1").arg(message));
                });
        connect(console.session(), &models::Session::stateChanged, this,
                [this](models::Session::State state, const QString &text) {
                    if (state == models::Session::State::Failed)
                        fail(text);
                });
        QTimer::singleShot(timeoutMs, this, [this, timeoutMs] {
            fail(QStringLiteral("no data loaded within %1 s").arg(timeoutMs / 1000));
        });
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            QTimer::singleShot(0, this, [this] { check(); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void check()
    {
        if (m_done || !m_painted || m_organizations == 0 || !m_console.window()->isVisible())
            return;
        m_done = true;
        QTextStream(stdout) << "orgscope: main window shown, " << m_organizations
                            << " organizations loaded\n";
        QCoreApplication::exit(0);
    }
    void fail(const QString &why)
    {
        if (m_done)
            return;
        m_done = true;
        QTextStream(stderr) << "orgscope: --exit-when-loaded: " << why << '\n';
        QCoreApplication::exit(1);
    }

    app::Console &m_console;
    int m_organizations = 0;
    bool m_painted = false;
    bool m_done = false;
};

// ORGSCOPE_LANG overrides the system locale (LANGUAGE / LC_ALL / LANG) so a
// translation can be checked without changing the session's locale.
void installTranslators(QCoreApplication &application)
{
    const QByteArray override = qgetenv("ORGSCOPE_LANG");
    if (!override.isEmpty())
        QLocale::setDefault(QLocale(QString::fromLatin1(override)));
    const QLocale locale;
    // English plural forms first: a catalogue installed later is asked first.
    ui::installPluralForms(&application);
    auto *qtTranslator = new QTranslator(&application);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *appTranslator = new QTranslator(&application);
    if (appTranslator->load(locale, QStringLiteral("orgscope"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(appTranslator);
}

namespace opt = app::opt;

// The same options with or without a display, so --help and --version never need one.
void describeCommandLine(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Desktop console for the Cloudflare Organizations API.\n\n"
                "Headless export: orgscope export <organizations|accounts|members|"
                "audit|usage> --help"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        opt::demo, QCoreApplication::translate("main", "Start the bundled simulator and connect to it."));
    const QCommandLineOption simArg(
        opt::simArg, QCoreApplication::translate("main", "Extra argument for the demo simulator."),
        QStringLiteral("arg"));
    const QCommandLineOption baseUrl(
        opt::baseUrl,
        QCoreApplication::translate("main",
                                    "API base URL (default: $CLOUDFLARE_BASE_URL or the Cloudflare API)."),
        QStringLiteral("url"));
    const QCommandLineOption palette(
        opt::palette,
        QCoreApplication::translate(
            "main",
            "Use the Fusion style with a light, dark or high-contrast palette instead of the desktop's."),
        QStringLiteral("light|dark|high-contrast"));
    // For bench/run_bench.py: print "first-paint" when the window first paints, then quit.
    QCommandLineOption firstPaint(opt::firstPaint,
                                  QStringLiteral("Quit after the window first paints (benchmarks)."));
    firstPaint.setFlags(QCommandLineOption::HiddenFromHelp);
    // For scripts/demo --check: a smoke test of the whole console.
    const QCommandLineOption exitWhenLoaded(
        opt::exitWhenLoaded,
        QCoreApplication::translate("main",
                                    "Exit with status 0 once the main window is shown and its first page "
                                    "has loaded data; 1 if loading fails or takes over two minutes."));
    parser.addOptions({demo, simArg, baseUrl, palette, firstPaint, exitWhenLoaded});
    // For bench/run_bench.py: an audit load in the real console, measured (app/auditloadprobe.h).
    app::addAuditLoadOptions(parser);
}

// Whether Qt has a platform to open windows on. Without one, QApplication's
// constructor aborts (before the command line is read).
bool haveDisplay(int argc, char **argv)
{
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        if (!qEnvironmentVariableIsEmpty(name))
            return true;
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "-platform") == 0 || qstrcmp(argv[i], "--platform") == 0)
            return true;
    return false;
}

// A display that is named but cannot be opened (a stale DISPLAY) ends in a
// qFatal inside QApplication's constructor: say so in one line and exit 1
// instead of aborting with a core dump. Other messages of the constructor are
// held back and passed on once it succeeded.
struct HeldMessage
{
    QtMsgType type;
    // Static strings (file, function, category names), or null.
    const char *file;
    int line;
    const char *function;
    const char *category;
    QString text;
};
// Threads the constructor starts (D-Bus) may log at the same time.
QBasicMutex g_heldMutex;
QList<HeldMessage> *g_heldMessages = nullptr;

void platformFailureHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtFatalMsg) {
        const char *variable = !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")   ? "QT_QPA_PLATFORM"
                               : !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ? "WAYLAND_DISPLAY"
                                                                                 : "DISPLAY";
        std::fprintf(stderr,
                     "orgscope: cannot open the display (%s=%s); the console needs one. Headless exports: "
                     "orgscope export --help\n",
                     variable, qgetenv(variable).constData());
        std::fflush(stderr);
        std::_Exit(1);
    }
    const QMutexLocker lock(&g_heldMutex);
    if (g_heldMessages) {
        g_heldMessages->append(
            {type, context.file, context.line, context.function, context.category, message});
        return;
    }
    std::fprintf(stderr, "%s\n", qPrintable(message)); // after the constructor, from another thread
}

} // namespace

int main(int argc, char **argv)
{
    api::keepFreedMemoryInProcess();
    if (argc > 1 && qstrcmp(argv[1], "export") == 0) {
        QCoreApplication core(argc, argv);
        setIdentity();
        QStringList args = QCoreApplication::arguments();
        args.remove(0, 2);
        return runExportCommand(args);
    }
    if (argc > 1 && qstrcmp(argv[1], "watch") == 0)
        return runWatchCommand(argc, argv);

    if (argc > 1 && qstrcmp(argv[1], "report") == 0)
        return runReportCommand(argc, argv, setIdentity);

    if (!haveDisplay(argc, argv)) {
        // --help, --version and option errors need no display; the GUI does.
        QCoreApplication core(argc, argv);
        installTranslators(core);
        setIdentity();
        QCommandLineParser parser;
        describeCommandLine(parser);
        parser.process(core);
        QTextStream(stderr) << QCoreApplication::translate(
                                   "main",
                                   "orgscope: no display (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM "
                                   "are unset); the console needs one. Headless exports: orgscope "
                                   "export --help")
                            << '\n';
        return 1;
    }

    // Per-request lines are for diagnosis (QT_LOGGING_RULES="orgscope.*=true"),
    // not for every session's stderr.
    QLoggingCategory::setFilterRules(QStringLiteral("orgscope.*.info=false\norgscope.*.debug=false"));
    app::startup::mark("main()");
    QList<HeldMessage> held;
    g_heldMessages = &held;
    const QtMessageHandler previousHandler = qInstallMessageHandler(platformFailureHandler);
    QApplication application(argc, argv);
    qInstallMessageHandler(previousHandler);
    {
        const QMutexLocker lock(&g_heldMutex);
        g_heldMessages = nullptr;
    }
    for (const HeldMessage &m : std::as_const(held))
        qt_message_output(m.type, QMessageLogContext(m.file, m.line, m.function, m.category), m.text);
    app::startup::mark("QApplication constructed");
    installTranslators(application);
    app::startup::mark("translators installed");
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Orgscope"));
    QApplication::setDesktopFileName(QStringLiteral("orgscope"));

    QCommandLineParser parser;
    describeCommandLine(parser);
    parser.process(application);
    if (parser.isSet(opt::palette) && !ui::applyPalette(parser.value(opt::palette))) {
        QTextStream(stderr) << QCoreApplication::translate(
                                   "main", "Unknown palette “%1”: use light, dark or high-contrast.")
                                   .arg(parser.value(opt::palette))
                            << '\n';
        return 2;
    }

    QString measureError;
    const std::optional<app::AuditLoadMeasureOptions> measure = app::auditLoadOptions(parser, &measureError);
    if (!measureError.isEmpty()) {
        QTextStream(stderr) << "orgscope: " << measureError << '\n';
        return 2;
    }
    if (measure && !measure->token.isEmpty())
        qputenv("CLOUDFLARE_API_TOKEN", measure->token.toUtf8());

    app::ConsoleOptions options;
    options.demo = parser.isSet(opt::demo);
    options.simulatorArgs = parser.values(opt::simArg);
    if (parser.isSet(opt::baseUrl))
        options.baseUrl = QUrl(parser.value(opt::baseUrl));

    app::startup::mark("command line read");
    app::Console console(options);
    app::startup::mark("console built");
    if (parser.isSet(opt::exitWhenLoaded))
        new LoadedProbe(console, 120 * 1000);
    if (measure) {
        // The probe holds the Audit log page from the start; pages are otherwise built when first shown.
        console.window()->page(console.window()->pageIndex(QStringLiteral("auditPage")));
        new app::AuditLoadProbe(console, *measure);
    }
    console.start();
    app::startup::mark("console started (window shown)");
    if (parser.isSet(opt::firstPaint))
        quitAfterFirstPaint(console.window());
    // The console (and with it the demo simulator child) is destroyed after
    // the event loop ends, whatever the exit code.
    return QApplication::exec();
}
