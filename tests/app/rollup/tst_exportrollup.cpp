// `orgscope export … --include-suborgs` against orgscope-sim --sub-orgs 20
// (a tree of 30 organizations under the main root): the merged export is the
// union of the single-organization exports, with and without parent usage
// answers that include the children; every row names its organization; one
// organization failing leaves the rest written and the export says which one
// is missing (exit 3, one stderr line).
#include "testsupport/commandrun.h"
#include "testsupport/orgtreesimulator.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using testsupport::setOrgFaults;
using testsupport::SimulatorProcess;

namespace {
using Run = testsupport::CommandRun;

const QStringList DataArgs = testsupport::subOrgArgs(20, 4000, 40, testsupport::kTreeNow);

QJsonArray json(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    return error.error == QJsonParseError::NoError ? doc.array() : QJsonArray();
}

// The identity of a usage record (account, metric, day, zone, region, sub-account, charge class).
QString identity(const QJsonObject &r)
{
    QStringList parts;
    for (const char *key : {"BillingAccountId", "x_BillableMetricId", "ChargePeriodStart", "x_ZoneId",
                            "RegionId", "SubAccountId", "ChargeClass"})
        parts << r.value(QLatin1String(key)).toString();
    return parts.join(QLatin1Char('|'));
}

QJsonObject withoutOrganization(QJsonObject o)
{
    o.remove(QStringLiteral("organization_id"));
    return o;
}
} // namespace

class TestExportRollup : public QObject
{
    Q_OBJECT

    SimulatorProcess m_subtree{DataArgs};
    SimulatorProcess m_own{DataArgs + QStringList{QStringLiteral("--usage-scope"), QStringLiteral("own")}};
    QString m_root;
    QHash<QString, QString> m_parent; // organization → parent, the whole tree
    QStringList m_tree;               // the root and its descendants

    Run run(const QString &baseUrl, const QStringList &args)
    {
        return testsupport::runCommand(QStringLiteral(ORGSCOPE_EXPORT_DRIVER), args, baseUrl, 180000,
                                       "orgscope export");
    }

    int depth(const QString &org) const
    {
        int d = 0;
        for (QString at = org; at != m_root && !at.isEmpty(); at = m_parent.value(at))
            ++d;
        return d;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_subtree.start(), qPrintable(m_subtree.errorString()));
        QVERIFY2(m_own.start(), qPrintable(m_own.errorString()));
        const Run r = run(m_subtree.baseUrl(), {QStringLiteral("organizations"), QStringLiteral("--format"),
                                                QStringLiteral("json")});
        QCOMPARE(r.exitCode, 0);
        for (const QJsonValue &v : json(r.out)) {
            const QJsonObject o = v.toObject();
            const QString id = o.value(QStringLiteral("id")).toString();
            m_parent.insert(
                id, o.value(QStringLiteral("parent")).toObject().value(QStringLiteral("id")).toString());
            if (o.value(QStringLiteral("name")).toString().endsWith(QLatin1String("Holdings")))
                m_root = id;
        }
        QVERIFY(!m_root.isEmpty());
        for (auto it = m_parent.cbegin(); it != m_parent.cend(); ++it) {
            QString at = it.key();
            while (!at.isEmpty() && at != m_root)
                at = m_parent.value(at);
            if (at == m_root)
                m_tree << it.key();
        }
        QVERIFY2(m_tree.size() >= 20, "a seeded tree of 20+ organizations");
    }

    void usageIsTheUnionOfSingleOrganizations_data()
    {
        QTest::addColumn<bool>("parentIncludesChildren");
        QTest::newRow("parent answers include the children") << true;
        QTest::newRow("own accounts only") << false;
    }
    void usageIsTheUnionOfSingleOrganizations()
    {
        QFETCH(bool, parentIncludesChildren);
        const QString baseUrl = parentIncludesChildren ? m_subtree.baseUrl() : m_own.baseUrl();
        const QStringList range{QStringLiteral("--from"), QStringLiteral("2026-11-01"),
                                QStringLiteral("--to"), QStringLiteral("2026-11-05")};
        // Each organization alone: identity → the record and every organization that returned it.
        QHash<QString, QJsonObject> single;
        QHash<QString, QStringList> returnedBy;
        for (const QString &org : std::as_const(m_tree)) {
            const Run r = run(baseUrl, QStringList{QStringLiteral("usage"), QStringLiteral("--org"), org,
                                                   QStringLiteral("--format"), QStringLiteral("json")} +
                                           range);
            QCOMPARE(r.exitCode, 0);
            for (const QJsonValue &v : json(r.out)) {
                const QString key = identity(v.toObject());
                single.insert(key, v.toObject());
                returnedBy[key] << org;
            }
        }
        const Run merged = run(baseUrl, QStringList{QStringLiteral("usage"), QStringLiteral("--org"), m_root,
                                                    QStringLiteral("--include-suborgs"),
                                                    QStringLiteral("--format"), QStringLiteral("json")} +
                                            range);
        QCOMPARE(merged.exitCode, 0);
        const QJsonArray rows = json(merged.out);
        QSet<QString> seen;
        for (const QJsonValue &v : rows) {
            const QJsonObject row = v.toObject();
            const QString key = identity(row);
            QVERIFY2(!seen.contains(key), qPrintable(key)); // counted once
            seen.insert(key);
            QVERIFY(single.contains(key));
            QCOMPARE(withoutOrganization(row), single.value(key)); // the record as received
            // The organization is the deepest one that returned it: the one holding the account.
            const QString org = row.value(QStringLiteral("organization_id")).toString();
            QVERIFY(returnedBy.value(key).contains(org));
            for (const QString &other : returnedBy.value(key))
                QVERIFY(depth(other) <= depth(org));
        }
        QCOMPARE(seen.size(), single.size());
        qsizetype singleRows = 0;
        for (const QStringList &orgs : std::as_const(returnedBy))
            singleRows += orgs.size();
        if (parentIncludesChildren) {
            QVERIFY(singleRows > rows.size());
            QVERIFY2(merged.err.contains(
                         QByteArray(QByteArray::number(singleRows - rows.size()) + " usage records")),
                     merged.err.constData());
        } else {
            QCOMPARE(singleRows, qsizetype(rows.size()));
            QVERIFY(!merged.err.contains("usage records"));
        }
        // CSV: organization_id is the last column of every row.
        const Run csv =
            run(baseUrl, QStringList{QStringLiteral("usage"), QStringLiteral("--org"), m_root,
                                     QStringLiteral("--include-suborgs"), QStringLiteral("--quiet")} +
                             range);
        QCOMPARE(csv.exitCode, 0);
        QList<QByteArray> lines;
        for (const QByteArray &line : csv.out.split('\n'))
            if (!line.trimmed().isEmpty())
                lines << line.trimmed(); // CSV lines end in CRLF
        QVERIFY(lines.first().endsWith(",organization_id"));
        QCOMPARE(lines.size() - 1, rows.size());
        for (qsizetype i = 1; i < lines.size(); ++i)
            QVERIFY(m_tree.contains(QString::fromUtf8(lines.at(i).mid(lines.at(i).lastIndexOf(',') + 1))));
    }

    void membersAndAuditCarryTheirOrganization()
    {
        qsizetype members = 0, entries = 0;
        QSet<QString> entryIds;
        for (const QString &org : std::as_const(m_tree)) {
            const Run m = run(m_own.baseUrl(), {QStringLiteral("members"), QStringLiteral("--org"), org,
                                                QStringLiteral("--format"), QStringLiteral("json")});
            QCOMPARE(m.exitCode, 0);
            members += json(m.out).size();
            const Run a = run(m_own.baseUrl(), {QStringLiteral("audit"), QStringLiteral("--org"), org,
                                                QStringLiteral("--since"), QStringLiteral("2026-09-01"),
                                                QStringLiteral("--before"), QStringLiteral("2026-11-01"),
                                                QStringLiteral("--format"), QStringLiteral("json")});
            QCOMPARE(a.exitCode, 0);
            for (const QJsonValue &v : json(a.out))
                entryIds.insert(v.toObject().value(QStringLiteral("id")).toString());
            entries += json(a.out).size();
        }
        const Run m = run(m_own.baseUrl(), {QStringLiteral("members"), QStringLiteral("--org"), m_root,
                                            QStringLiteral("--include-suborgs"), QStringLiteral("--format"),
                                            QStringLiteral("json")});
        QCOMPARE(m.exitCode, 0);
        const QJsonArray merged = json(m.out);
        QCOMPARE(merged.size(), members);
        for (const QJsonValue &v : merged)
            QVERIFY(m_tree.contains(v.toObject().value(QStringLiteral("organization_id")).toString()));
        const Run csv = run(m_own.baseUrl(), {QStringLiteral("members"), QStringLiteral("--org"), m_root,
                                              QStringLiteral("--include-suborgs")});
        QCOMPARE(csv.exitCode, 0);
        QVERIFY(csv.out.startsWith("id,") &&
                csv.out.left(csv.out.indexOf('\n')).trimmed().endsWith(",organization_id"));

        const Run a = run(m_own.baseUrl(),
                          {QStringLiteral("audit"), QStringLiteral("--org"), m_root,
                           QStringLiteral("--include-suborgs"), QStringLiteral("--since"),
                           QStringLiteral("2026-09-01"), QStringLiteral("--before"),
                           QStringLiteral("2026-11-01"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(a.exitCode, 0);
        const QJsonArray audit = json(a.out);
        QCOMPARE(audit.size(), entries);
        QSet<QString> mergedIds;
        for (const QJsonValue &v : audit) {
            const QJsonObject e = v.toObject();
            mergedIds.insert(e.value(QStringLiteral("id")).toString());
            QVERIFY(m_tree.contains(
                e.value(QStringLiteral("organization")).toObject().value(QStringLiteral("id")).toString()));
        }
        QCOMPARE(mergedIds, entryIds);

        // --time-zone reaches the roll-up's CSV as it does a single organization's.
        const QStringList csvArgs{QStringLiteral("audit"),
                                  QStringLiteral("--org"),
                                  m_root,
                                  QStringLiteral("--include-suborgs"),
                                  QStringLiteral("--since"),
                                  QStringLiteral("2026-10-01"),
                                  QStringLiteral("--before"),
                                  QStringLiteral("2026-10-08"),
                                  QStringLiteral("--quiet")};
        const Run utc = run(m_own.baseUrl(), csvArgs);
        const Run kolkata = run(m_own.baseUrl(), csvArgs + QStringList{QStringLiteral("--time-zone"),
                                                                       QStringLiteral("Asia/Kolkata")});
        QCOMPARE(utc.exitCode, 0);
        QCOMPARE(kolkata.exitCode, 0);
        QVERIFY(utc.out.count('\n') > 2);
        QCOMPARE(kolkata.out.count('\n'), utc.out.count('\n'));
        QVERIFY2(!utc.out.contains("+05:30"), utc.out.left(400).constData());
        QVERIFY2(kolkata.out.contains("+05:30"), kolkata.out.left(400).constData());
    }

    void oneOrganizationFailingLeavesTheRest()
    {
        const QStringList args{
            QStringLiteral("members"),           QStringLiteral("--org"),    m_root,
            QStringLiteral("--include-suborgs"), QStringLiteral("--format"), QStringLiteral("json"),
            QStringLiteral("--retries"),         QStringLiteral("0")};
        const Run whole = run(m_own.baseUrl(), args);
        QCOMPARE(whole.exitCode, 0);
        // An organization under the root that has members (some seeded ones have none).
        QString failing;
        for (const QJsonValue &v : json(whole.out)) {
            const QString org = v.toObject().value(QStringLiteral("organization_id")).toString();
            if (org != m_root)
                failing = org;
        }
        QVERIFY(!failing.isEmpty());
        QVERIFY(setOrgFaults(m_own.baseUrl(), failing + QStringLiteral(":503")));
        const Run broken = run(m_own.baseUrl(), args);
        QVERIFY(setOrgFaults(m_own.baseUrl(), {}));
        QCOMPARE(broken.exitCode, 3);
        QVERIFY2(broken.err.contains(QByteArray("missing from the export: organization " + failing.toUtf8())),
                 broken.err.constData());
        QCOMPARE(broken.err.count("missing from the export"), 1);
        // Everything but the failing organization's rows.
        QSet<QString> orgsWritten;
        qsizetype failingRows = 0;
        for (const QJsonValue &v : json(whole.out))
            failingRows += v.toObject().value(QStringLiteral("organization_id")).toString() == failing;
        for (const QJsonValue &v : json(broken.out))
            orgsWritten.insert(v.toObject().value(QStringLiteral("organization_id")).toString());
        QVERIFY(failingRows > 0);
        QVERIFY(!orgsWritten.contains(failing));
        QCOMPARE(qsizetype(json(broken.out).size()), qsizetype(json(whole.out).size()) - failingRows);
    }

    void refusedCombinations()
    {
        const auto refused = [&](const QStringList &args) {
            const Run r = run(m_own.baseUrl(), args);
            return r.exitCode == 2 && r.out.isEmpty() && r.err.contains("include-suborgs");
        };
        QVERIFY(refused({QStringLiteral("organizations"), QStringLiteral("--include-suborgs")}));
        QVERIFY(refused({QStringLiteral("usage"), QStringLiteral("--org"), m_root,
                         QStringLiteral("--include-suborgs"), QStringLiteral("--summary")}));
        QVERIFY(refused({QStringLiteral("members"), QStringLiteral("--org"), m_root,
                         QStringLiteral("--include-suborgs"), QStringLiteral("--output"),
                         QDir::temp().filePath(QStringLiteral("rollup.csv")), QStringLiteral("--resume")}));
    }
};

QTEST_GUILESS_MAIN(TestExportRollup)
#include "tst_exportrollup.moc"
