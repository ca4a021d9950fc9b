// The Audit log's roll-up (AuditController with "Include sub-organizations",
// AuditRollupController) against orgscope-sim --sub-orgs 21 over real HTTP:
// the merged table equals the union of the single-organization loads (count,
// ids and the Organization column), one organization failing leaves the
// others shown and Retry fills it in, the Organization column's filter
// narrows the rows, and a second run reuses each organization's archive.
// The timeline split by organization counts the shown rows per organization,
// and each row's full entry (details, JSON export) comes from the archive of
// its own organization.
#include "models/audit/auditcontroller.h"
#include "models/audit/audittablemodel.h"
#include "models/rollup/auditrollupcontroller.h"
#include "models/session/session.h"

#include "api/auditpager.h"
#include "api/client.h"

#include "testsupport/orgtreesimulator.h"
#include "testsupport/simulatorprocess.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using models::AuditController;
using models::AuditRollupController;
using models::AuditTableModel;
using testsupport::setOrgFaults;

namespace {
const QStringList kSimArgs = testsupport::subOrgArgs(21, 1500, 2, testsupport::kTreeNow);
constexpr int kOrganization = int(models::AuditColumn::Organization);

// "entry id|organization id" of every row the table shows, sorted.
QStringList rowsOf(const AuditTableModel *table)
{
    QStringList out;
    for (int r = 0; r < table->rowCount(); ++r)
        out << table->index(r, 0).data(AuditTableModel::EntryIdRole).toString() + u'|' +
                   table->index(r, kOrganization).data(AuditTableModel::FilterValueRole).toString();
    out.sort();
    return out;
}
} // namespace

class TestAuditRollup : public QObject
{
    Q_OBJECT

    testsupport::SimulatorProcess m_sim{kSimArgs};
    api::Client *m_client = nullptr;
    QString m_root;
    std::unique_ptr<QTemporaryDir> m_archiveDir;
    models::Session *m_session = nullptr;
    AuditController *m_controller = nullptr;
    int m_requests = 0; // requests the client sent

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        m_client = new api::Client(this);
        m_client->setBaseUrl(QUrl(m_sim.baseUrl()));
        m_client->setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        m_client->setRetryBaseDelay(10);
        m_client->setMaxRetries(1);
        m_client->setMaxPageRetries(0);
        connect(m_client, &api::Client::requestsInFlightChanged, this, [this](int count) {
            static int last = 0;
            if (count > last)
                m_requests += count - last;
            last = count;
        });
        m_root = testsupport::holdingsRoot(m_client).id;
        QVERIFY(!m_root.isEmpty());
    }

    void init()
    {
        m_archiveDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_archiveDir->isValid());
        m_session = new models::Session(this);
        m_session->setClient(m_client);
        m_session->setOrganization(m_root, QStringLiteral("Holdings"));
        m_controller = new AuditController(m_session);
        m_controller->setArchiveDirectory(m_archiveDir->path());
        m_controller->table()->setAsyncThreshold(10000000);
        models::AuditQueryDraft draft;
        draft.preset = models::AuditQueryDraft::Preset::Last18Months;
        m_controller->setDraft(draft);
        m_controller->rollup()->setIncludeSubOrganizations(true);
        new QAbstractItemModelTester(m_controller->table(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, m_controller);
    }

    void cleanup()
    {
        QVERIFY(setOrgFaults(m_sim.baseUrl(), {}));
        m_controller->rollup()->setIncludeSubOrganizations(false);
        delete m_controller;
        m_controller = nullptr;
        delete m_session;
        m_session = nullptr;
        m_archiveDir.reset();
    }

    void mergedTableEqualsTheUnionOfSingleOrganizations()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const api::AuditQuery query = m_controller->draft().query(now);
        QVERIFY(runRollup([&] { m_controller->run(); }));
        AuditRollupController *rollup = m_controller->rollup();
        QVERIFY(rollup->isComplete());
        const QList<models::OrgNode> nodes = rollup->organizations();
        QVERIFY2(nodes.size() >= 20, "a seeded tree of 20+ organizations");
        QCOMPARE(rollup->progress().done, qint64(nodes.size()));

        // Each organization on its own, as the page loads one.
        QStringList singles;
        QSet<QString> organizationsWithEntries;
        for (const models::OrgNode &n : nodes) {
            api::AuditPager pager(m_client, n.id, query);
            QObject::connect(&pager, &api::AuditPager::columnsReady, this,
                             [&](const api::AuditColumns &page) {
                                 for (qsizetype e = 0; e < page.size(); ++e)
                                     singles << page.ids.at(e) + u'|' + n.id;
                                 if (page.size() > 0)
                                     organizationsWithEntries.insert(n.id);
                             });
            QSignalSpy done(&pager, &api::Pager::finished);
            pager.start();
            QVERIFY(done.wait(60000));
            QVERIFY(!pager.error());
        }
        QVERIFY2(organizationsWithEntries.size() >= 10, "entries in many organizations of the tree");
        singles.sort();
        AuditTableModel *table = m_controller->table();
        QCOMPARE(table->rowCount(), singles.size());
        QCOMPARE(rowsOf(table), singles);

        // The Organization column names the organization, its path on hover.
        const models::OrgNode &deep = *std::max_element(
            nodes.begin(), nodes.end(), [&](const models::OrgNode &a, const models::OrgNode &b) {
                return (organizationsWithEntries.contains(a.id) ? a.depth : -1) <
                       (organizationsWithEntries.contains(b.id) ? b.depth : -1);
            });
        QVERIFY(deep.depth >= 2);
        bool found = false;
        for (int r = 0; r < table->rowCount() && !found; ++r) {
            const QModelIndex cell = table->index(r, kOrganization);
            if (cell.data(AuditTableModel::FilterValueRole).toString() != deep.id)
                continue;
            found = true;
            QCOMPARE(cell.data(Qt::DisplayRole).toString(), deep.name);
            QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(deep.pathText()));
        }
        QVERIFY(found);
        QCOMPARE(table->headerData(kOrganization, Qt::Horizontal).toString(), QStringLiteral("Organization"));
    }

    void organizationFilterNarrowsTheRows()
    {
        QVERIFY(runRollup([&] { m_controller->run(); }));
        AuditTableModel *table = m_controller->table();
        const int all = table->rowCount();
        const QList<AuditTableModel::ValueCount> values = table->distinctValues(kOrganization);
        QVERIFY(values.size() >= 10);
        const AuditTableModel::ValueCount one = values.at(values.size() / 2);
        QVERIFY(!one.label.isEmpty());
        QVERIFY(one.label != one.value); // the popup lists names, filters by id
        table->setColumnValues(kOrganization, {one.value}, {});
        QCOMPARE(table->rowCount(), int(one.count));
        QVERIFY(table->rowCount() < all);
        for (int r = 0; r < table->rowCount(); ++r)
            QCOMPARE(table->index(r, kOrganization).data(AuditTableModel::FilterValueRole).toString(),
                     one.value);
        table->clearColumnFilter(kOrganization);
        QCOMPARE(table->rowCount(), all);
    }

    void oneOrganizationFailsAndRetryFillsItIn()
    {
        // The tree, to pick an organization in the middle of it.
        QVERIFY(runRollup([&] { m_controller->run(); }));
        const QStringList complete = rowsOf(m_controller->table());
        const QList<models::OrgNode> nodes = m_controller->rollup()->organizations();
        const models::OrgNode failing = nodes.at(nodes.size() / 2);
        QVERIFY(std::any_of(complete.begin(), complete.end(),
                            [&](const QString &row) { return row.endsWith(u'|' + failing.id); }));

        // Another archive: the failing organization has to be fetched.
        cleanup();
        init();
        QVERIFY(setOrgFaults(m_sim.baseUrl(), failing.id + QStringLiteral(":503")));
        AuditRollupController *rollup = m_controller->rollup();
        QSignalSpy merged(rollup, &AuditRollupController::merged);
        QVERIFY(runRollup([&] { m_controller->run(); }));
        QCOMPARE(merged.last().at(0).toBool(), false);
        QCOMPARE(rollup->missingOrganizations(), QStringList{failing.pathText()});
        const QStringList partial = rowsOf(m_controller->table());
        QVERIFY(!partial.isEmpty());
        QStringList others;
        for (const QString &row : complete)
            if (!row.endsWith(u'|' + failing.id))
                others << row;
        QCOMPARE(partial, others);

        QVERIFY(setOrgFaults(m_sim.baseUrl(), {}));
        const int before = m_requests;
        QVERIFY(runRollup([&] { rollup->retryMissing(); }));
        QCOMPARE(merged.last().at(0).toBool(), true);
        QVERIFY(rollup->missingOrganizations().isEmpty());
        QCOMPARE(rowsOf(m_controller->table()), complete);
        // Only the failing organization was asked again.
        QVERIFY(m_requests - before <= 3);
    }

    void secondRunReusesTheArchives()
    {
        // Small pages, so an organization's log is several requests.
        AuditRollupController *rollup = m_controller->rollup();
        api::AuditQuery query = m_controller->draft().query(QDateTime::currentMSecsSinceEpoch());
        query.limit = 20;
        const auto runQuery = [&] {
            return runRollup([&] { rollup->start(query, m_controller->table()->queryGeneration()); });
        };
        const int atStart = m_requests;
        QVERIFY(runQuery());
        const int first = m_requests - atStart;
        const QStringList rows = rowsOf(m_controller->table());
        const qsizetype organizations = rollup->organizations().size();
        QCOMPARE(rollup->reusedEntries(), qint64(0));
        QVERIFY(rows.size() > 20 * organizations);
        QVERIFY2(first > 2 * organizations, qPrintable(QString::number(first))); // every organization's pages

        // The same query again (a Refresh would move its end to now, which no archive can hold).
        const int beforeSecond = m_requests;
        QVERIFY(runQuery());
        const int second = m_requests - beforeSecond;
        QCOMPARE(rowsOf(m_controller->table()), rows);
        QCOMPARE(rollup->reusedEntries(), qint64(rows.size()));
        // The tree listing and, per organization, the minutes before the first run the archive does not vouch
        // for.
        QVERIFY2(second <= 1 + organizations, qPrintable(QString::number(second)));
        QVERIFY(second * 2 < first);
    }

    void timelineSplitCountsTheShownRowsPerOrganization()
    {
        QVERIFY(runRollup([&] { m_controller->run(); }));
        AuditTableModel *table = m_controller->table();
        const int all = table->rowCount();
        // A local filter first: the split follows the rows shown, not the loaded ones.
        table->setColumnValues(int(models::AuditColumn::Result), {QStringLiteral("success")}, {});
        const int shown = table->rowCount();
        QVERIFY(shown > 0 && shown < all);
        QHash<QString, quint64> expected;
        for (int r = 0; r < shown; ++r)
            ++expected[table->index(r, kOrganization).data(AuditTableModel::FilterValueRole).toString()];
        QVERIFY(expected.size() > AuditController::kSplitOrganizations + 1);

        m_controller->setSplitByOrganization(true);
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->histogram().isSplit() &&
                                     m_controller->histogram().total() == quint64(shown),
                                 20000);
        const models::AuditHistogram h = m_controller->histogram();
        QCOMPARE(h.organizationTotals(), expected);
        // The busiest organizations a series each, the rest "Other"; every bucket adds up.
        const auto &series = h.organizationSeries();
        QCOMPARE(series.size(), AuditController::kSplitOrganizations + 1);
        QVERIFY(series.last().isOther());
        quint64 sum = 0;
        for (int s = 0; s < series.size(); ++s) {
            quint64 inBuckets = 0;
            for (int b = 0; b < h.buckets().size(); ++b)
                inBuckets += h.seriesCount(b, s);
            QCOMPARE(inBuckets, series.at(s).total);
            sum += series.at(s).total;
            if (series.at(s).isOther()) {
                quint64 others = 0;
                for (const QString &id : series.at(s).otherIds)
                    others += expected.value(id);
                QCOMPARE(series.at(s).total, others);
                continue;
            }
            QCOMPARE(series.at(s).total, expected.value(series.at(s).id));
            QCOMPARE(series.at(s).name, table->organizationName(series.at(s).id));
            QVERIFY(series.at(s).path.contains(series.at(s).name));
            if (s > 0)
                QVERIFY(series.at(s).total <= series.at(s - 1).total);
        }
        QCOMPARE(sum, quint64(shown));
        for (int b = 0; b < h.buckets().size(); ++b) {
            quint32 inBucket = 0;
            for (int s = 0; s < series.size(); ++s)
                inBucket += h.seriesCount(b, s);
            QCOMPARE(inBucket, h.buckets().at(b).total());
        }

        // Off again: the plain histogram.
        m_controller->setSplitByOrganization(false);
        QTRY_VERIFY_WITH_TIMEOUT(!m_controller->histogram().isSplit(), 20000);
    }

    void subOrganizationRowsHaveTheirFullEntries()
    {
        QVERIFY(runRollup([&] { m_controller->run(); }));
        AuditTableModel *table = m_controller->table();
        int row = -1;
        for (int r = 0; r < table->rowCount() && row < 0; ++r)
            if (table->index(r, kOrganization).data(AuditTableModel::FilterValueRole).toString() != m_root)
                row = r;
        QVERIFY(row >= 0);
        const QString id = table->index(row, 0).data(AuditTableModel::EntryIdRole).toString();
        const QString org =
            table->index(row, kOrganization).data(AuditTableModel::FilterValueRole).toString();
        // The details pane asks with the row's organization.
        QSignalSpy ready(m_controller, &AuditController::fullEntryReady);
        m_controller->requestFullEntry(id, org);
        QVERIFY(ready.wait(20000));
        QCOMPARE(ready.last().at(0).toString(), id);
        const QByteArray json = ready.last().at(1).toByteArray();
        const QJsonObject entry = QJsonDocument::fromJson(json).object();
        QCOMPARE(entry.value(QStringLiteral("id")).toString(), id);
        QVERIFY(!ready.last().at(2).value<QList<models::AuditRowDetails::Field>>().isEmpty());

        // The JSON export takes every row's entry as received, none rebuilt from its fields.
        const QString path = m_archiveDir->filePath(QStringLiteral("rollup.json"));
        QSignalSpy exported(m_controller, &AuditController::exportFinished);
        QVERIFY(m_controller->exportTo(path, AuditController::Format::Json));
        QVERIFY(exported.wait(60000));
        QVERIFY(exported.last().at(0).toBool());
        QCOMPARE(exported.last().at(2).toLongLong(), qint64(0));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
        const QJsonArray rows =
            doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("result")).toArray();
        QCOMPARE(rows.size(), table->rowCount());
        bool found = false;
        for (const QJsonValue &v : rows)
            if (v.toObject().value(QStringLiteral("id")).toString() == id) {
                found = true;
                QCOMPARE(v.toObject(), entry);
            }
        QVERIFY(found);
    }

    void cleanupTestCase() { m_sim.stop(); }

private:
    bool runRollup(const std::function<void()> &go)
    {
        QSignalSpy merged(m_controller->rollup(), &AuditRollupController::merged);
        go();
        if (merged.isEmpty() && !merged.wait(180000))
            return false;
        return !m_controller->rollup()->isLoading();
    }
};

QTEST_GUILESS_MAIN(TestAuditRollup)
#include "tst_auditrollup.moc"
