// orgscope-sim: a local, stateful Cloudflare Organizations API (see README.md).
#include "httpserver.h"
#include "options.h"
#include "service.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>

#include <cstdio>
#include <ctime>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("orgscope-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ORGSCOPE_VERSION));

    QString message;
    bool help = false;
    const auto options = sim::Options::parse(QCoreApplication::arguments().mid(1), message, help);
    if (!options) {
        std::fputs(message.toLocal8Bit().constData(), help ? stdout : stderr);
        std::fputs("\n", help ? stdout : stderr);
        return help ? 0 : 2;
    }

    sim::SignalWatcher watcher;
    QObject::connect(&watcher, &sim::SignalWatcher::terminationRequested, &app,
                     [](int) { QCoreApplication::quit(); });

    QElapsedTimer timer;
    timer.start();
    sim::Service service(*options);
    sim::HttpServer server(service, *options);
    QString error;
    if (!server.listenOn(QHostAddress(options->host), quint16(options->port), error)) {
        std::fprintf(stderr, "orgscope-sim: cannot listen on %s:%d: %s\n", qPrintable(options->host),
                     options->port, qPrintable(error));
        return 1;
    }
    std::fprintf(stderr,
                 "orgscope-sim: seeded %lld audit entries in %lld ms (ready after %lld ms, %.0f ms CPU)\n",
                 static_cast<long long>(service.audit().size()), static_cast<long long>(service.startupMs()),
                 static_cast<long long>(timer.elapsed()), 1000.0 * double(std::clock()) / CLOCKS_PER_SEC);
    const QString host = options->host.contains(QLatin1Char(':'))
                             ? QLatin1Char('[') + options->host + QLatin1Char(']')
                             : options->host;
    std::fprintf(stdout, "orgscope-sim listening on http://%s:%u/client/v4\n", qPrintable(host),
                 unsigned(server.port()));
    std::fflush(stdout);
    const int rc = QCoreApplication::exec();
    std::fputs("orgscope-sim: shutting down\n", stderr);
    return rc;
}
