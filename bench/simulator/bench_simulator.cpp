// Measures what the simulator costs a client: start-up with N audit entries
// and the time to serve 1000-entry audit pages, in-process (pure server
// work) and over HTTP with keep-alive (what a client sees).
//
//   bench_simulator [--audit-events N] [--pages P] [--sim PATH]
#include "service.h"
#include "timeutil.h"

#include "app/endwithparent.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

namespace {

struct Stats
{
    double median = 0;
    double p95 = 0;
    double max = 0;
};

Stats stats(QList<double> v)
{
    Stats s;
    if (v.isEmpty())
        return s;
    std::sort(v.begin(), v.end());
    s.median = v[v.size() / 2];
    s.p95 = v[qMin(v.size() - 1, qsizetype(double(v.size()) * 0.95))];
    s.max = v.last();
    return s;
}

long maxRssMb()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024;
}

sim::HttpRequest request(const QByteArray &pathAndQuery)
{
    sim::HttpRequest r;
    r.method = "GET";
    const qsizetype q = pathAndQuery.indexOf('?');
    r.rawPath = pathAndQuery.left(q);
    r.rawQuery = pathAndQuery.mid(q + 1);
    r.headers = {{"Authorization", "Bearer orgscope-demo-token"}};
    r.remoteAddress = QStringLiteral("127.0.0.1");
    return r;
}

QByteArray cursorOf(const QByteArray &body)
{
    // Cheap extraction: the cursor sits in result_info at the very end.
    const qsizetype at = body.lastIndexOf("\"cursor\":\"");
    if (at < 0)
        return {};
    const qsizetype start = at + 10;
    return body.mid(start, body.indexOf('"', start) - start);
}

void inProcess(qint64 events, int pages)
{
    sim::Options o;
    o.auditEvents = events;
    o.rateLimitCount = 100000000;
    QElapsedTimer t;
    t.start();
    sim::Service service(o);
    const qint64 startup = t.elapsed();
    std::printf("in-process: seeded %lld audit entries in %lld ms, peak RSS %ld MB\n",
                static_cast<long long>(service.audit().size()), static_cast<long long>(startup), maxRssMb());

    const QByteArray root = service.store().organizations.first().id;
    const QByteArray base =
        "/client/v4/organizations/" + root + "/logs/audit?since=2020-01-01&before=2030-01-01&limit=1000";
    for (const QByteArray &filter :
         {QByteArray(), QByteArray("&actor_context.not=dash&action_result=success")}) {
        QList<double> times;
        QByteArray cursor;
        qint64 bytes = 0;
        for (int i = 0; i < pages; ++i) {
            QElapsedTimer pt;
            pt.start();
            const sim::HttpResponse r = service.handle(
                request(base + filter + (cursor.isEmpty() ? QByteArray() : "&cursor=" + cursor)));
            times << double(pt.nsecsElapsed()) / 1e6;
            bytes += r.body.size();
            cursor = cursorOf(r.body);
            if (cursor.isEmpty())
                break;
        }
        const Stats s = stats(times);
        std::printf("in-process 1000-entry pages%s: %lld pages, median %.2f ms, p95 %.2f ms, max %.2f ms, "
                    "%.0f KB/page\n",
                    filter.isEmpty() ? "" : " (filtered)", static_cast<long long>(times.size()), s.median,
                    s.p95, s.max, double(bytes) / 1024.0 / double(qMax<qsizetype>(1, times.size())));
    }
    QList<double> usage;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer pt;
        pt.start();
        service.handle(
            request("/client/v4/organizations/" + root + "/billable/usage?from=2026-10-01&to=2026-10-31"));
        usage << double(pt.nsecsElapsed()) / 1e6;
    }
    std::printf("in-process usage, 31 days, root organization: median %.1f ms\n", stats(usage).median);
}

void overHttp(const QString &program, qint64 events, int pages)
{
    QProcess sim;
    app::endWithParent(sim, app::ParentDeath::Kill); // not left serving if the benchmark crashes
    QElapsedTimer t;
    t.start();
    sim.start(program,
              {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--audit-events"),
               QString::number(events), QStringLiteral("--rate-limit"), QStringLiteral("100000000/1")});
    QByteArray line;
    while (!line.contains('\n') && sim.waitForReadyRead(120000))
        line += sim.readAllStandardOutput();
    const qint64 ready = t.elapsed();
    const auto m = QRegularExpression(QStringLiteral("listening on (\\S+)")).match(QString::fromUtf8(line));
    if (!m.hasMatch()) {
        std::printf("orgscope-sim did not start: %s\n", sim.readAllStandardError().constData());
        return;
    }
    const QString base = m.captured(1);
    std::printf("over HTTP: orgscope-sim ready after %lld ms with %lld audit entries\n",
                static_cast<long long>(ready), static_cast<long long>(events));

    QNetworkAccessManager nam;
    auto get = [&](const QString &path) {
        QNetworkRequest req{QUrl(base + path)};
        req.setRawHeader("Authorization", "Bearer orgscope-demo-token");
        QNetworkReply *reply = nam.get(req);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    };
    const QByteArray orgs = get(QStringLiteral("/organizations?page_size=1"));
    const QString root = QJsonDocument::fromJson(orgs)
                             .object()
                             .value(QStringLiteral("result"))
                             .toArray()
                             .first()
                             .toObject()
                             .value(QStringLiteral("id"))
                             .toString();
    const QString path =
        QStringLiteral("/organizations/%1/logs/audit?since=2020-01-01&before=2030-01-01&limit=1000")
            .arg(root);
    QList<double> times;
    QByteArray cursor;
    qint64 bytes = 0;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < pages; ++i) {
        QElapsedTimer pt;
        pt.start();
        const QByteArray body = get(
            path + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + QString::fromLatin1(cursor)));
        times << double(pt.nsecsElapsed()) / 1e6;
        bytes += body.size();
        cursor = cursorOf(body);
        if (cursor.isEmpty())
            break;
    }
    const Stats s = stats(times);
    std::printf("over HTTP 1000-entry pages (keep-alive, QNAM): %lld pages, median %.2f ms, p95 %.2f ms, max "
                "%.2f ms, "
                "%.1f MB/s, %.0f entries/s\n",
                static_cast<long long>(times.size()), s.median, s.p95, s.max,
                double(bytes) / 1048576.0 / (double(total.elapsed()) / 1000.0),
                double(times.size()) * 1000.0 / (double(total.elapsed()) / 1000.0));
    sim.terminate();
    sim.waitForFinished(10000);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qint64 events = 1000000;
    int pages = 200;
    QString program = QStringLiteral(ORGSCOPE_SIM_PATH);
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--audit-events"))
            events = args[i + 1].toLongLong();
        else if (args[i] == QLatin1String("--pages"))
            pages = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--sim"))
            program = args[i + 1];
    }
    inProcess(events, pages);
    overHttp(program, events, pages);
    return 0;
}
