// `orgscope report usage|audit` end to end against orgscope-sim: the PDF's
// text (pdftotext) holds the organization, the range and the totals the
// Usage page's controller computes for the same range (the same formatted
// figures as its pivot), the audit entry count equals `orgscope export
// audit`'s for the same range and filters, the page size is A4 or Letter as
// asked, and bad arguments are refused before any request.

#include "api/client.h"
#include "models/cost/ratecard.h"
#include "models/session/session.h"
#include "models/usage/usagecontroller.h"
#include "models/usage/usagepivotmodel.h"

#include "testsupport/commandrun.h"
#include "testsupport/prerequisite.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using testsupport::SimulatorProcess;

namespace {

using Run = testsupport::CommandRun;

const QStringList kSimArgs{QStringLiteral("--audit-events"), QStringLiteral("2500"),
                           QStringLiteral("--usage-days"),   QStringLiteral("120"),
                           QStringLiteral("--now"),          QStringLiteral("2026-11-23T12:00:00Z")};

QString tool(const QString &name, const QStringList &args)
{
    QProcess p;
    p.start(name, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput()).replace(QChar(0x00A0), QLatin1Char(' '));
}

QString pdfText(const QString &path)
{
    return tool(QStringLiteral("pdftotext"),
                {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
}

QString pdfLayoutText(const QString &path)
{
    return tool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), QStringLiteral("-enc"),
                                              QStringLiteral("UTF-8"), path, QStringLiteral("-")});
}

QString pdfPageSize(const QString &path)
{
    for (const QString &line : tool(QStringLiteral("pdfinfo"), {path}).split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("Page size:")))
            return line.simplified();
    return {};
}

} // namespace

class TestReport : public QObject
{
    Q_OBJECT

    SimulatorProcess m_sim{kSimArgs};
    QTemporaryDir m_dir;
    QString m_org;
    QString m_orgName;

    Run run(const QString &program, const QStringList &args)
    {
        return testsupport::runCommand(program, args, m_sim.baseUrl(), 180000, "orgscope");
    }
    Run orgscope(const QStringList &args) { return run(qEnvironmentVariable("ORGSCOPE_APP"), args); }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
            ORGSCOPE_MISSING_PREREQUISITE("pdftotext and pdfinfo (poppler-utils, scripts/deps installs it)");
        if (qEnvironmentVariableIsEmpty("ORGSCOPE_APP"))
            ORGSCOPE_MISSING_PREREQUISITE("$ORGSCOPE_APP (run through ctest)");
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        const Run orgs = orgscope({QStringLiteral("export"), QStringLiteral("organizations"),
                                   QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(orgs.exitCode, 0);
        const QJsonObject root = testsupport::rootOrganization(orgs.out);
        m_org = root.value(QStringLiteral("id")).toString();
        m_orgName = root.value(QStringLiteral("name")).toString();
        QVERIFY(!m_org.isEmpty());
    }

    void usageReportHoldsTheControllersTotals()
    {
        const QString path = m_dir.filePath(QStringLiteral("usage.pdf"));
        const Run r =
            orgscope({QStringLiteral("report"), QStringLiteral("usage"), QStringLiteral("--org"), m_org,
                      QStringLiteral("--from"), QStringLiteral("2026-10-23"), QStringLiteral("--to"),
                      QStringLiteral("2026-11-22"), QStringLiteral("--rate-card"), QStringLiteral("default"),
                      QStringLiteral("--page-size"), QStringLiteral("a4"), QStringLiteral("--output"), path});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(pdfPageSize(path).contains(QLatin1String("(A4)")));
        const QString text = pdfText(path);
        QVERIFY(text.contains(m_orgName));
        QVERIFY(text.contains(QStringLiteral("2026-10-23 – 2026-11-22 (31 days, UTC)")));
        QVERIFY(text.contains(QStringLiteral("Compared with")));
        QVERIFY(text.contains(QStringLiteral("2026-09-22 – 2026-10-22")));

        // The Usage page's controller over the same range, card and measure.
        api::Client client;
        client.setBaseUrl(QUrl(m_sim.baseUrl()));
        client.setCredentials({SimulatorProcess::demoToken(), {}, {}});
        models::Session session;
        session.setClient(&client);
        session.setOrganization(m_org, m_orgName);
        models::UsageController c(&session);
        c.setRange(models::UsageDayRange::fromDates(QDate(2026, 10, 23), QDate(2026, 11, 22)));
        c.setRateCard(models::RateCard::bundled());
        c.setMeasure(models::UsageMeasure::EstimatedCost);
        c.setActive(true);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !c.isLoading() && !c.isAggregating() &&
                       c.aggregate().query().range == c.query().range &&
                       c.aggregate().measure() == models::UsageMeasure::EstimatedCost;
            },
            60000));
        const models::UsageAggregate &a = c.aggregate();
        QVERIFY(a.groupCount() > 2);
        const QString grand = c.pivotModel()->formatValue(a.grandTotal());
        QVERIFY2(text.contains(grand), qPrintable(grand));
        QVERIFY(text.contains(c.pivotModel()->formatValue(a.previousTotal())));
        for (int g = 0; g < a.groupCount(); ++g)
            QVERIFY2(text.contains(a.group(g).label) &&
                         text.contains(c.pivotModel()->formatValue(a.rowTotal(g))),
                     qPrintable(a.group(g).label));
        QVERIFY(
            text.contains(QStringLiteral("%1 records").arg(QLocale().toString(qlonglong(a.matchedRows())))));
        QVERIFY(text.contains(QStringLiteral("Page 1 of ")));
        QVERIFY(text.contains(QStringLiteral("Generated ")));
    }

    void auditReportCountsWhatTheExportHolds_data()
    {
        QTest::addColumn<QStringList>("filters");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("all") << QStringList{} << QStringLiteral("Query filters none");
        QTest::newRow("action type") << QStringList{QStringLiteral("--action-type"), QStringLiteral("delete")}
                                     << QStringLiteral("Action type is delete");
        QTest::newRow("excluded result")
            << QStringList{QStringLiteral("--exclude-action-result"), QStringLiteral("success")}
            << QStringLiteral("Action result is not success");
    }

    void auditReportCountsWhatTheExportHolds()
    {
        QFETCH(QStringList, filters);
        QFETCH(QString, sentence);
        const QStringList range{QStringLiteral("--org"),    m_org,
                                QStringLiteral("--since"),  QStringLiteral("2026-10-24"),
                                QStringLiteral("--before"), QStringLiteral("2026-11-23T12:00:00Z")};
        const Run exported = orgscope(QStringList{QStringLiteral("export"), QStringLiteral("audit"),
                                                  QStringLiteral("--format"), QStringLiteral("json")} +
                                      range + filters);
        QCOMPARE(exported.exitCode, 0);
        const QJsonArray entries = QJsonDocument::fromJson(exported.out).array();
        QVERIFY(!entries.isEmpty());
        qint64 failures = 0;
        for (const QJsonValue &v : entries)
            failures += v.toObject()
                            .value(QStringLiteral("action"))
                            .toObject()
                            .value(QStringLiteral("result"))
                            .toString() == QLatin1String("failure");

        const QString path = m_dir.filePath(QStringLiteral("audit.pdf"));
        const Run r = orgscope(QStringList{QStringLiteral("report"), QStringLiteral("audit"),
                                           QStringLiteral("--time-zone"), QStringLiteral("UTC"),
                                           QStringLiteral("--page-size"), QStringLiteral("letter"),
                                           QStringLiteral("--max-entries"), QStringLiteral("20"),
                                           QStringLiteral("--output"), path} +
                               range + filters);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(pdfPageSize(path).contains(QLatin1String("(letter)")), qPrintable(pdfPageSize(path)));
        const QString text = pdfText(path);
        QVERIFY(text.contains(m_orgName));
        QVERIFY(text.contains(QStringLiteral("2026-10-24 00:00 – 2026-11-23 12:00 UTC")));
        QVERIFY(text.contains(QStringLiteral("Time (UTC)")));
        QVERIFY2(text.simplified().contains(sentence), qPrintable(sentence));
        bool figures = false;
        const QString row = QStringLiteral("%1 %2 ").arg(QLocale().toString(qlonglong(entries.size())),
                                                         QLocale().toString(failures));
        for (const QString &line : pdfLayoutText(path).split(QLatin1Char('\n')))
            figures |= line.simplified().startsWith(row);
        QVERIFY2(figures, qPrintable(row));
        // Capped at 20 entries, and the note says how many are left out.
        if (entries.size() > 20)
            QVERIFY(text.simplified().contains(
                QStringLiteral("The first 20 of %1 entries of the view are listed; %2 are left out")
                    .arg(QLocale().toString(qlonglong(entries.size())),
                         QLocale().toString(qlonglong(entries.size() - 20)))));
    }

    void badArgumentsAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString out = m_dir.filePath(QStringLiteral("never.pdf"));
        QTest::newRow("page size") << QStringList{QStringLiteral("usage"),
                                                  QStringLiteral("--org"),
                                                  QStringLiteral("abc"),
                                                  QStringLiteral("--output"),
                                                  out,
                                                  QStringLiteral("--page-size"),
                                                  QStringLiteral("a5")}
                                   << QStringLiteral("--page-size must be a4 or letter");
        QTest::newRow("no output") << QStringList{QStringLiteral("usage"), QStringLiteral("--org"),
                                                  QStringLiteral("abc")}
                                   << QStringLiteral("--output FILE.pdf is required");
        QTest::newRow("audit option for usage") << QStringList{QStringLiteral("usage"),
                                                               QStringLiteral("--org"),
                                                               QStringLiteral("abc"),
                                                               QStringLiteral("--output"),
                                                               out,
                                                               QStringLiteral("--since"),
                                                               QStringLiteral("2026-01-01")}
                                                << QStringLiteral("--since applies to audit reports only");
        QTest::newRow("zone") << QStringList{QStringLiteral("audit"),
                                             QStringLiteral("--org"),
                                             QStringLiteral("abc"),
                                             QStringLiteral("--output"),
                                             out,
                                             QStringLiteral("--time-zone"),
                                             QStringLiteral("Mars/Olympus")}
                              << QStringLiteral("is not a time zone");
        // POSIX rule text Qt would take as a zone is not an IANA id (the export's check).
        QTest::newRow("zone rule text") << QStringList{QStringLiteral("audit"),
                                                       QStringLiteral("--org"),
                                                       QStringLiteral("abc"),
                                                       QStringLiteral("--output"),
                                                       out,
                                                       QStringLiteral("--time-zone"),
                                                       QStringLiteral("Berlin")}
                                        << QStringLiteral("is not a time zone");
        // The export's parsing: the same words for the same mistakes.
        QTest::newRow("range") << QStringList{QStringLiteral("usage"),
                                              QStringLiteral("--org"),
                                              QStringLiteral("abc"),
                                              QStringLiteral("--output"),
                                              out,
                                              QStringLiteral("--from"),
                                              QStringLiteral("2026-11-02"),
                                              QStringLiteral("--to"),
                                              QStringLiteral("2026-11-01")}
                               << QStringLiteral("--from must not be after --to");
        QTest::newRow("actor id") << QStringList{QStringLiteral("audit"),
                                                 QStringLiteral("--org"),
                                                 QStringLiteral("abc"),
                                                 QStringLiteral("--output"),
                                                 out,
                                                 QStringLiteral("--since"),
                                                 QStringLiteral("2026-01-01"),
                                                 QStringLiteral("--actor-id"),
                                                 QStringLiteral("..")}
                                  << QStringLiteral("--actor-id '..' is not an id");
        QTest::newRow("what") << QStringList{QStringLiteral("members"), QStringLiteral("--org"),
                                             QStringLiteral("abc")}
                              << QStringLiteral("say which report: usage or audit");
    }

    void badArgumentsAreRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = orgscope(QStringList{QStringLiteral("report")} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("never.pdf"))));
    }

    void cleanupTestCase() { m_sim.stop(); }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
