// `orgscope export` end to end against orgscope-sim over real HTTP.
#include "testsupport/commandrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using testsupport::SimulatorProcess;

namespace {
using Run = testsupport::CommandRun;

const QStringList DataArgs{QStringLiteral("--audit-events"), QStringLiteral("2500"),
                           QStringLiteral("--usage-days"),   QStringLiteral("120"),
                           QStringLiteral("--now"),          QStringLiteral("2026-11-23T12:00:00Z")};
} // namespace

class TestExport : public QObject
{
    Q_OBJECT

    SimulatorProcess m_clean{DataArgs};
    SimulatorProcess m_faulty{DataArgs +
                              QStringList{QStringLiteral("--faults"),
                                          QStringLiteral("500:0.03,502:0.02,503:0.02,429:0.02,reset:0.02,"
                                                         "truncate:0.02,nonjson:0.01,malformed:0.02"),
                                          QStringLiteral("--fault-seed"), QStringLiteral("7")}};
    // A server that ignores positive (non-.not) audit filters (API.md §9.4).
    SimulatorProcess m_ignoring{DataArgs + QStringList{QStringLiteral("--ignore-positive-filters")}};
    QString m_rootOrg;
    QTemporaryDir m_dir;

    Run run(const QString &baseUrl, const QStringList &args,
            const QString &token = SimulatorProcess::demoToken())
    {
        return testsupport::runCommand(QStringLiteral(ORGSCOPE_EXPORT_DRIVER), args, baseUrl, 120000,
                                       "orgscope export", token);
    }

    static QJsonArray json(const QByteArray &bytes)
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        if (error.error != QJsonParseError::NoError || !doc.isArray())
            return {};
        return doc.array();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_clean.start(), qPrintable(m_clean.errorString()));
        QVERIFY2(m_faulty.start(), qPrintable(m_faulty.errorString()));
        QVERIFY2(m_ignoring.start(), qPrintable(m_ignoring.errorString()));
        const Run r = run(m_clean.baseUrl(), {QStringLiteral("organizations"), QStringLiteral("--format"),
                                              QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        m_rootOrg = testsupport::rootOrganization(r.out).value(QStringLiteral("id")).toString();
        QVERIFY(!m_rootOrg.isEmpty());
    }

    void organizationsCsvAndJsonAgree()
    {
        const Run csv = run(m_clean.baseUrl(), {QStringLiteral("organizations")});
        QCOMPARE(csv.exitCode, 0);
        QVERIFY(csv.err.isEmpty());
        const QList<QByteArray> lines = csv.out.split('\n');
        QVERIFY(lines.first().startsWith("id,name,create_time"));
        const Run js = run(m_clean.baseUrl(), {QStringLiteral("organizations"), QStringLiteral("--format"),
                                               QStringLiteral("json")});
        const QJsonArray orgs = json(js.out);
        QVERIFY(!orgs.isEmpty());
        QCOMPARE(lines.size() - 2, orgs.size()); // header + trailing empty
        QSet<QString> ids;
        for (const QJsonValue &v : orgs)
            ids.insert(v.toObject().value(QStringLiteral("id")).toString());
        QCOMPARE(ids.size(), orgs.size());
        // The JSON export carries the API's objects as received (meta and all).
        QVERIFY(orgs.first().toObject().contains(QStringLiteral("meta")));
    }

    void pageSizeDoesNotChangeTheResult()
    {
        const Run big =
            run(m_clean.baseUrl(), {QStringLiteral("members"), QStringLiteral("--org"), m_rootOrg});
        const Run small =
            run(m_clean.baseUrl(), {QStringLiteral("members"), QStringLiteral("--org"), m_rootOrg,
                                    QStringLiteral("--page-size"), QStringLiteral("2")});
        QCOMPARE(big.exitCode, 0);
        QCOMPARE(small.exitCode, 0);
        QVERIFY(big.out.count('\n') > 2);
        QCOMPARE(small.out, big.out);
        const Run accounts =
            run(m_clean.baseUrl(), {QStringLiteral("accounts"), QStringLiteral("--org"), m_rootOrg,
                                    QStringLiteral("--page-size"), QStringLiteral("3")});
        QCOMPARE(accounts.exitCode, 0);
        QVERIFY(accounts.out.startsWith("id,name,type,created_on"));
    }

    void timeZoneWritesOffsets()
    {
        // --time-zone: the same instants, written with the zone's offset; usage days stay UTC.
        const QStringList audit{QStringLiteral("audit"), QStringLiteral("--org"), m_rootOrg,
                                QStringLiteral("--since"), QStringLiteral("2026-11-20T00:00:00Z")};
        const Run utc = run(m_clean.baseUrl(), audit);
        const Run kolkata = run(m_clean.baseUrl(), audit + QStringList{QStringLiteral("--time-zone"),
                                                                       QStringLiteral("Asia/Kolkata")});
        QCOMPARE(utc.exitCode, 0);
        QCOMPARE(kolkata.exitCode, 0);
        // Row starts: an id, then action_time (quoted cells may hold line breaks, these never start a line
        // so).
        static const QRegularExpression rowStart(
            QStringLiteral("^[A-Za-z0-9_-]+,(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+(Z|[+-]\\d\\d:\\d\\d)),"),
            QRegularExpression::MultilineOption);
        const auto times = [](const QByteArray &csv) {
            QStringList out;
            for (auto it = rowStart.globalMatch(QString::fromUtf8(csv)); it.hasNext();)
                out << it.next().captured(1);
            return out;
        };
        const QStringList a = times(utc.out);
        const QStringList b = times(kolkata.out);
        QVERIFY(a.size() > 2);
        QCOMPARE(a.size(), b.size());
        QCOMPARE(kolkata.out.left(kolkata.out.indexOf('\n')),
                 utc.out.left(utc.out.indexOf('\n'))); // same header
        for (qsizetype i = 0; i < a.size(); ++i) {
            QVERIFY2(a.at(i).endsWith(QLatin1Char('Z')) && b.at(i).endsWith(QLatin1String("+05:30")),
                     qPrintable(a.at(i) + QLatin1Char(' ') + b.at(i)));
            QCOMPARE(QDateTime::fromString(b.at(i), Qt::ISODateWithMs).toMSecsSinceEpoch(),
                     QDateTime::fromString(a.at(i), Qt::ISODateWithMs).toMSecsSinceEpoch());
        }
        const Run members =
            run(m_clean.baseUrl(), {QStringLiteral("members"), QStringLiteral("--org"), m_rootOrg,
                                    QStringLiteral("--time-zone"), QStringLiteral("Asia/Kolkata")});
        QCOMPARE(members.exitCode, 0);
        QVERIFY(members.out.contains("+05:30"));
        const Run usage =
            run(m_clean.baseUrl(),
                {QStringLiteral("usage"), QStringLiteral("--org"), m_rootOrg, QStringLiteral("--from"),
                 QStringLiteral("2026-11-01"), QStringLiteral("--to"), QStringLiteral("2026-11-02"),
                 QStringLiteral("--time-zone"), QStringLiteral("Asia/Kolkata")});
        QCOMPARE(usage.exitCode, 0);
        QVERIFY(usage.out.contains("2026-11-01T00:00:00.000Z"));
        QVERIFY(!usage.out.contains("+05:30"));
    }

    void auditWithFaultsEqualsAuditWithout()
    {
        const QStringList args{
            QStringLiteral("audit"),       QStringLiteral("--org"),      m_rootOrg,
            QStringLiteral("--since"),     QStringLiteral("2024-01-01"), QStringLiteral("--before"),
            QStringLiteral("2026-11-24"),  QStringLiteral("--format"),   QStringLiteral("json"),
            QStringLiteral("--page-size"), QStringLiteral("200")};
        const Run clean = run(m_clean.baseUrl(), args);
        QCOMPARE(clean.exitCode, 0);
        const QJsonArray entries = json(clean.out);
        QVERIFY2(entries.size() > 1000, qPrintable(QString::number(entries.size())));
        QSet<QString> ids;
        for (const QJsonValue &v : entries)
            ids.insert(v.toObject().value(QStringLiteral("id")).toString());
        QCOMPARE(ids.size(), entries.size()); // nothing doubled
        const Run faulty = run(m_faulty.baseUrl(), args);
        QVERIFY2(faulty.exitCode == 0, faulty.err.constData());
        QCOMPARE(json(faulty.out).size(), entries.size());
        QVERIFY(faulty.out == clean.out);
    }

    // The JSON export copies entries without reading their fields: a page
    // that is not JSON (a doubled comma inside an entry) must still be
    // refused, never written into the output.
    void auditJsonRefusesAPageThatIsNotJson()
    {
        SimulatorProcess broken{DataArgs +
                                QStringList{QStringLiteral("--faults"), QStringLiteral("malformed:1")}};
        QVERIFY2(broken.start(), qPrintable(broken.errorString()));
        const QString out = m_dir.filePath(QStringLiteral("malformed.json"));
        const Run r =
            run(broken.baseUrl(),
                {QStringLiteral("audit"), QStringLiteral("--org"), m_rootOrg, QStringLiteral("--since"),
                 QStringLiteral("2026-10-01"), QStringLiteral("--before"), QStringLiteral("2026-11-24"),
                 QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--output"), out,
                 QStringLiteral("--retries"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("not valid JSON"), r.err.constData());
        QVERIFY(!QFile::exists(out));
    }

    void auditFiltersReachTheServer()
    {
        const QStringList base{
            QStringLiteral("audit"),      QStringLiteral("--org"),      m_rootOrg,
            QStringLiteral("--since"),    QStringLiteral("2024-01-01"), QStringLiteral("--before"),
            QStringLiteral("2026-11-24"), QStringLiteral("--format"),   QStringLiteral("json")};
        const QJsonArray all = json(run(m_clean.baseUrl(), base).out);
        const QJsonArray noCreates =
            json(run(m_clean.baseUrl(),
                     base + QStringList{QStringLiteral("--exclude-action-type"), QStringLiteral("create")})
                     .out);
        const QJsonArray onlyCreates =
            json(run(m_clean.baseUrl(),
                     base + QStringList{QStringLiteral("--action-type"), QStringLiteral("create")})
                     .out);
        QVERIFY(!all.isEmpty());
        QCOMPARE(noCreates.size() + onlyCreates.size(), all.size());
        for (const QJsonValue &v : noCreates)
            QVERIFY(v.toObject()
                        .value(QStringLiteral("action"))
                        .toObject()
                        .value(QStringLiteral("type"))
                        .toString() != QLatin1String("create"));
    }

    // Issue 20 item 5: the export checks what comes back against the positive
    // filters it sent; a server that ignored one gets it applied locally, and
    // stderr says so. Against an honest server nothing is said or dropped.
    void auditPositiveFiltersVerified_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("json") << QStringLiteral("json");
        QTest::newRow("csv") << QStringLiteral("csv");
    }
    void auditPositiveFiltersVerified()
    {
        QFETCH(QString, format);
        const QStringList args{QStringLiteral("audit"),
                               QStringLiteral("--org"),
                               m_rootOrg,
                               QStringLiteral("--since"),
                               QStringLiteral("2024-01-01"),
                               QStringLiteral("--before"),
                               QStringLiteral("2026-11-24"),
                               QStringLiteral("--format"),
                               format,
                               QStringLiteral("--action-type"),
                               QStringLiteral("create"),
                               QStringLiteral("--page-size"),
                               QStringLiteral("100")};
        const Run honest = run(m_clean.baseUrl(), args);
        QCOMPARE(honest.exitCode, 0);
        QVERIFY2(honest.err.isEmpty(), honest.err.constData());
        const Run ignoring = run(m_ignoring.baseUrl(), args);
        QCOMPARE(ignoring.exitCode, 0);
        QVERIFY2(ignoring.err.contains("ignored the filter action_type"), ignoring.err.constData());
        QVERIFY2(ignoring.err.contains("did not match the filters"), ignoring.err.constData());
        // The same rows as the honest server's, byte for byte: none unfiltered.
        QVERIFY(honest.out.count('\n') > 3);
        QCOMPARE(ignoring.out, honest.out);
        // Without a positive filter there is nothing to check.
        QStringList unfiltered = args;
        unfiltered.removeLast();
        unfiltered.removeLast();
        unfiltered.removeLast();
        unfiltered.removeLast();
        const Run all = run(m_ignoring.baseUrl(), unfiltered);
        QCOMPARE(all.exitCode, 0);
        QVERIFY2(all.err.isEmpty(), all.err.constData());
        QVERIFY(all.out.count('\n') > honest.out.count('\n'));
    }

    void usageLongRangeWithFaultsEqualsWithout()
    {
        const QStringList args{
            QStringLiteral("usage"),     QStringLiteral("--org"),      m_rootOrg,
            QStringLiteral("--from"),    QStringLiteral("2026-08-01"), QStringLiteral("--to"),
            QStringLiteral("2026-11-20")};
        const Run clean = run(m_clean.baseUrl(), args);
        QVERIFY2(clean.exitCode == 0, clean.err.constData());
        const QList<QByteArray> rows = clean.out.split('\n');
        QVERIFY(rows.size() > 10);
        QSet<QByteArray> unique(rows.begin(), rows.end());
        QCOMPARE(unique.size(), rows.size()); // no day exported twice at window edges
        const Run faulty = run(m_faulty.baseUrl(), args);
        QVERIFY2(faulty.exitCode == 0, faulty.err.constData());
        QVERIFY(faulty.out == clean.out);
    }

    void usageWithoutCorrections()
    {
        // Corrections (ChargeClass "Correction") left out on request, plain and priced.
        const auto usage = [&](const QStringList &extra) {
            return run(m_clean.baseUrl(), QStringList{QStringLiteral("usage"), QStringLiteral("--org"),
                                                      m_rootOrg, QStringLiteral("--from"),
                                                      QStringLiteral("2026-08-01"), QStringLiteral("--to"),
                                                      QStringLiteral("2026-11-20"), QStringLiteral("--quiet"),
                                                      QStringLiteral("--format"), QStringLiteral("json")} +
                                              extra);
        };
        const auto corrections = [](const QJsonArray &rows) {
            qsizetype n = 0;
            for (const QJsonValue &v : rows)
                n += v.toObject().value(QStringLiteral("ChargeClass")).toString() ==
                     QStringLiteral("Correction");
            return n;
        };
        const QString without = QStringLiteral("--without-corrections");
        const QStringList priced{QStringLiteral("--rate-card"), QStringLiteral("default")};
        for (const QStringList &extra : {QStringList(), priced}) {
            const Run all = usage(extra);
            const Run some = usage(extra + QStringList{without});
            QCOMPARE(all.exitCode, 0);
            QCOMPARE(some.exitCode, 0);
            const QJsonArray allRows = json(all.out), someRows = json(some.out);
            QVERIFY(corrections(allRows) > 0); // the simulator revises a month on the 3rd
            QCOMPARE(corrections(someRows), 0);
            QCOMPARE(someRows.size(), allRows.size() - corrections(allRows));
        }
    }

    void usagePricedWithTheRateCard()
    {
        const auto usage = [&](const QString &from, const QStringList &extra) {
            return run(m_clean.baseUrl(),
                       QStringList{QStringLiteral("usage"), QStringLiteral("--org"), m_rootOrg,
                                   QStringLiteral("--from"), from, QStringLiteral("--to"),
                                   QStringLiteral("2026-11-20"), QStringLiteral("--quiet")} +
                           extra);
        };
        const QStringList priced{QStringLiteral("--rate-card"), QStringLiteral("default"),
                                 QStringLiteral("--format"), QStringLiteral("json")};
        const Run mid = usage(QStringLiteral("2026-11-10"), priced);
        QCOMPARE(mid.exitCode, 0);
        const Run whole = usage(QStringLiteral("2026-11-01"), priced);
        QCOMPARE(whole.exitCode, 0);
        const Run plain =
            usage(QStringLiteral("2026-11-10"), {QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(plain.exitCode, 0);
        const QJsonArray midRows = json(mid.out), wholeRows = json(whole.out), plainRows = json(plain.out);
        QVERIFY(!midRows.isEmpty());
        QCOMPARE(midRows.size(), plainRows.size());

        const auto key = [](const QJsonObject &o) {
            QString k;
            for (const char *f : {"ChargePeriodStart", "BillingAccountId", "x_BillableMetricId", "x_ZoneId",
                                  "RegionId", "SubAccountId", "ChargeClass"})
                k += o.value(QLatin1String(f)).toString() + QLatin1Char('|');
            return k;
        };
        QHash<QString, QJsonValue> wholeCost;
        for (const QJsonValue &v : wholeRows)
            wholeCost.insert(key(v.toObject()), v.toObject().value(QStringLiteral("x_EstimatedCost")));
        int priced_ = 0, unpriced = 0;
        for (qsizetype i = 0; i < midRows.size(); ++i) {
            QJsonObject o = midRows.at(i).toObject();
            QVERIFY(o.value(QStringLiteral("ChargePeriodStart")).toString() >= QLatin1String("2026-11-10"));
            QCOMPARE(o.value(QStringLiteral("x_EstimatedCurrency")).toString(), QStringLiteral("USD"));
            const QJsonValue cost = o.value(QStringLiteral("x_EstimatedCost"));
            QVERIFY(cost.isDouble() || cost.isNull());
            const QString metric = o.value(QStringLiteral("x_BillableMetricId")).toString();
            if (metric == QLatin1String("cdn_data_transfer"))
                QVERIFY(cost.isNull()); // no public price: unknown, never 0
            if (metric == QLatin1String("workers_standard_requests"))
                QVERIFY(cost.isDouble());
            cost.isNull() ? ++unpriced : ++priced_;
            // The estimate does not depend on where the range starts.
            QCOMPARE(cost, wholeCost.value(key(o)));
            // Everything else as received.
            o.remove(QStringLiteral("x_EstimatedCost"));
            o.remove(QStringLiteral("x_EstimatedCurrency"));
            QCOMPARE(o, plainRows.at(i).toObject());
        }
        QVERIFY(priced_ > 0 && unpriced > 0);
        // The allowance is used up somewhere in the month, and still free somewhere.
        bool paid = false, free_ = false;
        for (const QJsonValue &v : wholeRows) {
            const QJsonValue c = v.toObject().value(QStringLiteral("x_EstimatedCost"));
            paid = paid || (c.isDouble() && c.toDouble() > 0);
            free_ = free_ || (c.isDouble() && c.toDouble() == 0);
        }
        QVERIFY(paid && free_);
        QVERIFY(mid.err.isEmpty()); // --quiet

        // The summary adds up to the same estimate, per month x family.
        const Run summary = usage(QStringLiteral("2026-11-01"), {QStringLiteral("--summary")});
        QCOMPARE(summary.exitCode, 0);
        const QList<QByteArray> lines = summary.out.trimmed().split('\n');
        QCOMPARE(lines.first().trimmed(),
                 QByteArray(
                     "Month,ProductFamily,EstimatedCost,EstimatedCurrency,BilledCost,BillingCurrency,Records,"
                     "UnpricedRecords"));
        double summed = 0, expected = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> cells = lines.at(i).trimmed().split(',');
            QCOMPARE(cells.size(), 8);
            QCOMPARE(cells.at(0), QByteArray("2026-11"));
            summed += cells.at(2).toDouble();
        }
        for (const QJsonValue &v : wholeRows)
            expected += v.toObject().value(QStringLiteral("x_EstimatedCost")).toDouble();
        QVERIFY(qAbs(summed - expected) < 1e-6 * qMax(1.0, expected));

        // A rate card that cannot be read is refused in one line.
        const QString bad = m_dir.filePath(QStringLiteral("bad-card.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[1, 2]");
        f.close();
        const Run refused = usage(QStringLiteral("2026-11-01"), {QStringLiteral("--rate-card"), bad});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY(refused.out.isEmpty());
        QCOMPARE(refused.err.trimmed().count('\n'), 0);
        QVERIFY(refused.err.contains("rate card"));
    }

    void outputFileIsAtomic()
    {
        const QString path = m_dir.filePath(QStringLiteral("orgs.csv"));
        const Run ok =
            run(m_clean.baseUrl(), {QStringLiteral("organizations"), QStringLiteral("--output"), path});
        QCOMPARE(ok.exitCode, 0);
        QVERIFY(ok.out.isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("id,name"));

        const QString failed = m_dir.filePath(QStringLiteral("nope.csv"));
        const Run bad =
            run(m_clean.baseUrl(), {QStringLiteral("organizations"), QStringLiteral("--output"), failed},
                QStringLiteral("wrong-token"));
        QVERIFY(bad.exitCode != 0);
        QVERIFY(!QFile::exists(failed));
    }

    void failuresSayOneClearLine()
    {
        const Run auth =
            run(m_clean.baseUrl(), {QStringLiteral("organizations")}, QStringLiteral("wrong-token"));
        QCOMPARE(auth.exitCode, 1);
        QCOMPARE(auth.err.count('\n'), 1);
        QVERIFY2(auth.err.contains("Authentication failed"), auth.err.constData());

        const Run missingOrg = run(m_clean.baseUrl(), {QStringLiteral("members")});
        QCOMPARE(missingOrg.exitCode, 2);
        QCOMPARE(missingOrg.err.count('\n'), 1);

        const Run unknown = run(m_clean.baseUrl(), {QStringLiteral("members"), QStringLiteral("--org"),
                                                    QStringLiteral("ffffffffffffffffffffffffffffffff")});
        QVERIFY(unknown.exitCode != 0);
        QCOMPARE(unknown.err.count('\n'), 1);
        QVERIFY2(unknown.err.contains("not found"), unknown.err.constData());

        const Run badKind = run(m_clean.baseUrl(), {QStringLiteral("zones")});
        QCOMPARE(badKind.exitCode, 2);

        const Run badRange =
            run(m_clean.baseUrl(),
                {QStringLiteral("audit"), QStringLiteral("--org"), m_rootOrg, QStringLiteral("--since"),
                 QStringLiteral("2026-11-20"), QStringLiteral("--before"), QStringLiteral("2026-11-01")});
        QCOMPARE(badRange.exitCode, 2);
        QCOMPARE(badRange.err.count('\n'), 1);

        const Run noServer =
            run(QStringLiteral("http://127.0.0.1:1/client/v4"), {QStringLiteral("organizations")});
        QCOMPARE(noServer.exitCode, 1);
        QCOMPARE(noServer.err.count('\n'), 1);

        const Run plainHttp =
            run(QStringLiteral("http://api.example.com/client/v4"), {QStringLiteral("organizations")});
        QCOMPARE(plainHttp.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
