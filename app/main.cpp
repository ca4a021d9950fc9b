// orgscope: the GUI, and `orgscope export …` for headless exports.

#include "console.h"
#include "exportcommand.h"

#include <QApplication>
#include <QCommandLineParser>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>
#include <QWidget>

#include "ui/common/palettes.h"
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

// ORGSCOPE_LANG overrides the system locale (LANGUAGE / LC_ALL / LANG) so a
// translation can be checked without changing the session's locale.
void installTranslators(QCoreApplication &application)
{
    const QByteArray override = qgetenv("ORGSCOPE_LANG");
    if (!override.isEmpty())
        QLocale::setDefault(QLocale(QString::fromLatin1(override)));
    const QLocale locale;
    auto *qtTranslator = new QTranslator(&application);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *appTranslator = new QTranslator(&application);
    if (appTranslator->load(locale, QStringLiteral("orgscope"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(appTranslator);
}

} // namespace

int main(int argc, char **argv)
{
#ifdef __GLIBC__
    // Each audit page allocates and frees megabytes on the decoding workers; by
    // default glibc hands that memory back to the kernel and faults it in again
    // for every page. Keep it in the process instead.
    mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif
    if (argc > 1 && qstrcmp(argv[1], "export") == 0) {
        QCoreApplication core(argc, argv);
        setIdentity();
        QStringList args = QCoreApplication::arguments();
        args.remove(0, 2);
        return runExportCommand(args);
    }

    // Per-request lines are for diagnosis (QT_LOGGING_RULES="orgscope.*=true"),
    // not for every session's stderr.
    QLoggingCategory::setFilterRules(QStringLiteral("orgscope.*.info=false\norgscope.*.debug=false"));
    QApplication application(argc, argv);
    installTranslators(application);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Orgscope"));
    QApplication::setDesktopFileName(QStringLiteral("orgscope"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Desktop console for the Cloudflare Organizations API.\n\n"
                "Headless export: orgscope export <organizations|accounts|members|"
                "audit|usage> --help"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QCoreApplication::translate("main", "Start the bundled simulator and connect to it."));
    const QCommandLineOption simArg(
        QStringLiteral("sim-arg"),
        QCoreApplication::translate("main", "Extra argument for the demo simulator."), QStringLiteral("arg"));
    const QCommandLineOption baseUrl(
        QStringLiteral("base-url"),
        QCoreApplication::translate("main",
                                    "API base URL (default: $CLOUDFLARE_BASE_URL or the Cloudflare API)."),
        QStringLiteral("url"));
    const QCommandLineOption palette(
        QStringLiteral("palette"),
        QCoreApplication::translate(
            "main", "Use the Fusion style with a light or dark palette instead of the desktop's."),
        QStringLiteral("light|dark"));
    // For bench/run_bench.py: print "first-paint" when the window first paints, then quit.
    QCommandLineOption firstPaint(QStringLiteral("measure-first-paint"),
                                  QStringLiteral("Quit after the window first paints (benchmarks)."));
    firstPaint.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({demo, simArg, baseUrl, palette, firstPaint});
    parser.process(application);
    if (parser.isSet(palette) && !ui::applyPalette(parser.value(palette))) {
        QTextStream(stderr) << QCoreApplication::translate("main", "Unknown palette “%1”: use light or dark.")
                                   .arg(parser.value(palette))
                            << '\n';
        return 2;
    }

    app::ConsoleOptions options;
    options.demo = parser.isSet(demo);
    options.simulatorArgs = parser.values(simArg);
    if (parser.isSet(baseUrl))
        options.baseUrl = QUrl(parser.value(baseUrl));

    app::Console console(options);
    console.start();
    if (parser.isSet(firstPaint))
        quitAfterFirstPaint(console.window());
    return QApplication::exec();
}
