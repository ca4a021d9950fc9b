// orgscope: the GUI, and `orgscope export …` for headless exports.

#include "console.h"
#if __has_include("exportcommand.h")
#include "exportcommand.h"
#define ORGSCOPE_HAVE_EXPORT 1
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include "ui/shell/mainwindow.h"

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Orgscope"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("orgscope.test"));
    QCoreApplication::setApplicationName(QStringLiteral("orgscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ORGSCOPE_VERSION));
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && qstrcmp(argv[1], "export") == 0) {
        QCoreApplication core(argc, argv);
        setIdentity();
        QStringList args = QCoreApplication::arguments();
        args.remove(0, 2);
#ifdef ORGSCOPE_HAVE_EXPORT
        return runExportCommand(args);
#else
        QTextStream(stderr) << "orgscope export is not available in this build\n";
        return 2;
#endif
    }

    QApplication application(argc, argv);
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
    parser.addOptions({demo, simArg, baseUrl});
    parser.process(application);

    app::ConsoleOptions options;
    options.demo = parser.isSet(demo);
    options.simulatorArgs = parser.values(simArg);
    if (parser.isSet(baseUrl))
        options.baseUrl = QUrl(parser.value(baseUrl));

    app::Console console(options);
    console.start();
    return QApplication::exec();
}
