// `orgscope --measure-audit-load`: the real console (offscreen) against
// orgscope-sim with a small history. The figures it writes must be sane:
// the first rows before the last row, every entry the server sends in the
// table, memory read, the archive written. The entries are counted here by
// paging the simulator directly, not through Orgscope's client.
#include "testsupport/simulatorprocess.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

namespace {

struct Run
{
    bool finished = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject figures; // the --out file
};

QJsonDocument getJson(QNetworkAccessManager &net, const QUrl &url)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + testsupport::SimulatorProcess::demoToken().toUtf8());
    QNetworkReply *reply = net.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll());
}

QString firstRootOrganization(const QString &baseUrl)
{
    QNetworkAccessManager net;
    QUrl url(baseUrl + QStringLiteral("/organizations"));
    url.setQuery(QStringLiteral("parent.id=null&page_size=1"));
    return getJson(net, url)
        .object()
        .value(QStringLiteral("result"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("id"))
        .toString();
}

// Entries of org in [since, before), paged by cursor; -1 when a page fails.
qint64 countEntries(const QString &baseUrl, const QString &org, const QString &since, const QString &before)
{
    QNetworkAccessManager net;
    qint64 entries = 0;
    QString cursor;
    for (int page = 0; page < 1000; ++page) {
        QUrl url(baseUrl + QStringLiteral("/organizations/%1/logs/audit").arg(org));
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("since"), since);
        query.addQueryItem(QStringLiteral("before"), before);
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
        if (!cursor.isEmpty())
            query.addQueryItem(QStringLiteral("cursor"), cursor);
        url.setQuery(query);
        const QJsonObject body = getJson(net, url).object();
        if (!body.value(QStringLiteral("success")).toBool())
            return -1;
        entries += body.value(QStringLiteral("result")).toArray().size();
        const QJsonObject info = body.value(QStringLiteral("result_info")).toObject();
        cursor = info.value(QStringLiteral("cursor")).toString();
        if (cursor.isEmpty())
            cursor =
                info.value(QStringLiteral("cursors")).toObject().value(QStringLiteral("after")).toString();
        if (cursor.isEmpty())
            return entries;
    }
    return -1;
}

Run runMeasure(const QTemporaryDir &home, const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name :
         {"CLOUDFLARE_API_TOKEN", "CLOUDFLARE_EMAIL", "CLOUDFLARE_API_KEY", "CLOUDFLARE_BASE_URL"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // Settings, archive default and keyring never the user's.
    for (const char *name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"})
        env.insert(QString::fromLatin1(name), home.filePath(QString::fromLatin1(name)));
    QDir(home.path()).mkpath(QStringLiteral("XDG_RUNTIME_DIR"));
    QFile::setPermissions(home.filePath(QStringLiteral("XDG_RUNTIME_DIR")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString out = home.filePath(QStringLiteral("figures.json"));
    QFile::remove(out);
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(qEnvironmentVariable("ORGSCOPE_APP"),
            QStringList{QStringLiteral("--measure-audit-load"), QStringLiteral("--out"), out,
                        QStringLiteral("--measure-timeout"), QStringLiteral("200")} +
                args);
    Run r;
    if (!p.waitForFinished(240000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.finished = p.exitStatus() == QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    QFile file(out);
    if (file.open(QIODevice::ReadOnly))
        r.figures = QJsonDocument::fromJson(file.readAll()).object();
    return r;
}

qint64 integer(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isDouble() ? v.toInteger(-1) : -1;
}

} // namespace

class TestMeasureAuditLoad : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(!qEnvironmentVariableIsEmpty("ORGSCOPE_APP")); }

    void measuresALoadThroughTheConsole()
    {
        // About 3,000 entries for the root organization: three pages of 1,000.
        testsupport::SimulatorProcess sim({QStringLiteral("--audit-events"), QStringLiteral("6000"),
                                           QStringLiteral("--cursor-style"), QStringLiteral("both")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        const QString org = firstRootOrganization(sim.baseUrl());
        QVERIFY(!org.isEmpty());
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString archive = home.filePath(QStringLiteral("archive"));
        const Run r =
            runMeasure(home, {QStringLiteral("--base-url"), sim.baseUrl(), QStringLiteral("--token"),
                              testsupport::SimulatorProcess::demoToken(), QStringLiteral("--org"), org,
                              QStringLiteral("--range"), QStringLiteral("last-18-months"),
                              QStringLiteral("--archive-dir"), archive});
        QVERIFY2(r.finished, r.err.constData());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject &f = r.figures;
        QVERIFY2(!f.isEmpty(), r.out.constData());
        // The same object on stdout, for scripts reading the last line.
        QCOMPARE(QJsonDocument::fromJson(r.out.trimmed().split('\n').last()).object(), f);
        QCOMPARE(f.value(QStringLiteral("organization")).toString(), org);

        const qint64 served = countEntries(sim.baseUrl(), org, f.value(QStringLiteral("since")).toString(),
                                           f.value(QStringLiteral("before")).toString());
        QVERIFY(served > 2000);
        QCOMPARE(integer(f, "received"), served);
        QCOMPARE(integer(f, "rows"), served);
        QCOMPARE(integer(f, "store_rows"), served);
        QVERIFY(integer(f, "pages") >= 3);

        const qint64 firstRows = integer(f, "audit_first_rows_ms");
        const qint64 lastRow = integer(f, "gui_audit_load_ms");
        QVERIFY2(firstRows >= 0, "no first paint with rows");
        QVERIFY2(lastRow >= 0, "no last row");
        QVERIFY2(firstRows <= lastRow, qPrintable(QStringLiteral("%1 > %2").arg(firstRows).arg(lastRow)));
        QVERIFY(integer(f, "first_paint_rows") >= 1000);
        QVERIFY(integer(f, "first_paint_rows") <= served);
        QVERIFY(integer(f, "archive_lag_ms") >= 0);

        const double before = f.value(QStringLiteral("rss_mb_before")).toDouble();
        const double caughtUp = f.value(QStringLiteral("rss_mb_caught_up")).toDouble();
        QVERIFY(before > 10); // a Qt Widgets process
        QVERIFY(caughtUp > 10);
        QVERIFY(f.value(QStringLiteral("rss_mb_peak")).toDouble() >= caughtUp);
        QCOMPARE(f.value(QStringLiteral("audit_rss_mb")).toDouble(),
                 std::round((caughtUp - before) * 10) / 10);
        // The archive was on, where it was asked to be.
        QCOMPARE(f.value(QStringLiteral("archive_directory")).toString(), archive);
        QVERIFY2(!QDir(archive).entryList(QDir::Files | QDir::NoDotAndDotDot).isEmpty(),
                 "no archive written");
    }

    void stopsAfterTheFirstRowsWhenAsked()
    {
        testsupport::SimulatorProcess sim({QStringLiteral("--audit-events"), QStringLiteral("6000"),
                                           QStringLiteral("--cursor-style"), QStringLiteral("both")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const Run r =
            runMeasure(home, {QStringLiteral("--base-url"), sim.baseUrl(), QStringLiteral("--token"),
                              testsupport::SimulatorProcess::demoToken(), QStringLiteral("--archive-dir"),
                              home.filePath(QStringLiteral("archive")), QStringLiteral("--first-rows-only")});
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        QVERIFY(integer(r.figures, "audit_first_rows_ms") >= 0);
        QVERIFY(integer(r.figures, "first_paint_rows") >= 1000);
        QVERIFY(r.figures.value(QStringLiteral("first_rows_only")).toBool());
        QVERIFY(!r.figures.contains(QStringLiteral("gui_audit_load_ms")));
    }

    void failsInOneLineWhenItCannotMeasure()
    {
        testsupport::SimulatorProcess sim;
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const Run r =
            runMeasure(home, {QStringLiteral("--base-url"), sim.baseUrl(), QStringLiteral("--token"),
                              QStringLiteral("not-a-token"), QStringLiteral("--archive-dir"),
                              home.filePath(QStringLiteral("archive"))});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("--measure-audit-load: "), r.err.constData());
        QVERIFY(r.figures.isEmpty());
    }

    void refusesABadRange()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const Run r = runMeasure(home, {QStringLiteral("--range"), QStringLiteral("2026-12-01/2026-11-01")});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--range"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestMeasureAuditLoad)
#include "tst_measureauditload.moc"
