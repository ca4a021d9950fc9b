// Saved views: every field survives the file format; a newer version or
// unknown keys are read as far as possible and reported; the store keeps
// views per connection profile (rename, duplicate, delete, import); a saved
// audit view reopened in a fresh controller sends the simulator the same
// query as the hand-built one; a usage view puts measure, grouping and the
// drill-down back.

#include "models/audit/auditcontroller.h"
#include "models/audit/audittablemodel.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "models/usage/usagecontroller.h"
#include "models/views/savedview.h"
#include "models/views/savedviewbinding.h"
#include "models/views/savedviewstore.h"
#include "models/watch/watchfromview.h"

#include "api/client.h"
#include "api/organizationsapi.h"

#include "testsupport/simulatorprocess.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace models;

namespace {

SavedView sampleAuditView()
{
    SavedView v;
    v.id = QStringLiteral("a1");
    v.name = QStringLiteral("Who removed members");
    v.kind = SavedView::Kind::Audit;
    v.organizationId = QStringLiteral("org1");
    v.audit.preset = AuditQueryDraft::Preset::Custom;
    v.audit.fromMs = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    v.audit.toMs = QDateTime(QDate(2026, 11, 8), QTime(12, 30), Qt::UTC).toMSecsSinceEpoch();
    v.audit.filters = {{QStringLiteral("action_type"), {QStringLiteral("delete")}, false},
                       {QStringLiteral("actor_email"), {QStringLiteral("bot@example.com")}, true}};
    v.audit.search = QStringLiteral("member");
    v.audit.columnValues = {{AuditColumn::Result, {QStringLiteral("success")}, {}},
                            {AuditColumn::Method, {}, {QStringLiteral("GET"), QStringLiteral("HEAD")}}};
    v.audit.selectionFromMs = v.audit.fromMs + 3600000;
    v.audit.selectionToMs = v.audit.fromMs + 7200000;
    v.audit.columns = {AuditColumn::Time, AuditColumn::Actor, AuditColumn::ActionType};
    v.audit.sortColumn = int(AuditColumn::Actor);
    v.audit.sortOrder = Qt::AscendingOrder;
    return v;
}

SavedView sampleUsageView()
{
    SavedView v;
    v.id = QStringLiteral("u1");
    v.name = QStringLiteral("Workers spend by account");
    v.kind = SavedView::Kind::Usage;
    v.allOrganizations = true;
    v.usage.rangePreset = UsageRangePreset::ThisMonth;
    v.usage.measure = UsageMeasure::BilledCost;
    v.usage.compare = UsageMeasure::EstimatedCost;
    v.usage.groupBy = {UsageDimension::Account, UsageDimension::Metric};
    v.usage.granularity = UsageGranularity::Week;
    v.usage.topN = 5;
    v.usage.includeCorrections = false;
    v.usage.filters = {{UsageDimension::ProductFamily, QStringLiteral("workers"), QStringLiteral("Workers")}};
    v.usage.chart = QStringLiteral("lines");
    return v;
}

// The query items of an audit request without the page cursor.
QList<QPair<QString, QString>> auditItems(const QUrl &url, bool withTimes)
{
    QList<QPair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    items.removeIf([&](const QPair<QString, QString> &i) {
        return i.first == QLatin1String("cursor") ||
               (!withTimes && (i.first == QLatin1String("since") || i.first == QLatin1String("before")));
    });
    std::sort(items.begin(), items.end());
    return items;
}

} // namespace

class TestSavedViews : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The per-test settings folder outlives a run.
    void initTestCase() { QSettings().remove(QStringLiteral("views")); }

    void fileRoundTrip()
    {
        const QList<SavedView> views{sampleAuditView(), sampleUsageView()};
        const SavedViewFile::ReadResult r = SavedViewFile::read(SavedViewFile::write(views));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY2(r.ignored.isEmpty(), qPrintable(r.ignored.join(u'\n')));
        QCOMPARE(r.version, 1);
        QCOMPARE(r.views.size(), 2);
        QCOMPARE(r.views.at(0).audit, views.at(0).audit);
        QVERIFY(r.views.at(1).usage == views.at(1).usage);
        QCOMPARE(r.views, views);
        // The envelope as documented.
        const QJsonObject root = QJsonDocument::fromJson(SavedViewFile::write(views)).object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("orgscope-views"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
    }

    void newerVersionAndUnknownKeysAreReadAsFarAsPossible()
    {
        const QByteArray json = R"({
          "format": "orgscope-views", "version": 3, "signature": "xyz",
          "views": [
            {"id": "a", "name": "Deletes", "kind": "audit", "colour": "red",
             "scope": {"organization": "org1", "all_organizations": false, "team": "ops"},
             "audit": {"range": {"preset": "last_7_days"},
                       "filters": [{"key": "action_type", "values": ["delete"], "exclude": false},
                                   {"key": "actor_mood", "values": ["grumpy"]}],
                       "local": {"search": "x", "regex": true},
                       "columns": ["time", "sparkline", "actor"],
                       "sort": {"column": "time", "order": "descending"}}},
            {"id": "b", "name": "Forecast", "kind": "forecast"},
            {"id": "c", "name": "Spend", "kind": "usage",
             "usage": {"range": {"preset": "last_2_years"}, "measure": "billed_cost",
                       "group_by": ["account", "planet"], "chart": "radar"}}
          ]})";
        const SavedViewFile::ReadResult r = SavedViewFile::read(json);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.version, 3);
        QCOMPARE(r.views.size(), 2);
        const SavedView &audit = r.views.at(0);
        QCOMPARE(audit.audit.preset, AuditQueryDraft::Preset::Last7Days);
        QCOMPARE(audit.audit.filters.size(), 1);
        QCOMPARE(audit.audit.filters.first().key, QStringLiteral("action_type"));
        QCOMPARE(audit.audit.search, QStringLiteral("x"));
        QCOMPARE(audit.audit.columns, (QList<AuditColumn>{AuditColumn::Time, AuditColumn::Actor}));
        const SavedView &usage = r.views.at(1);
        QCOMPARE(usage.usage.rangePreset, UsageRangePreset::Last30Days); // the default
        QCOMPARE(usage.usage.measure, UsageMeasure::BilledCost);
        QCOMPARE(usage.usage.groupBy, QList<UsageDimension>{UsageDimension::Account});
        QCOMPARE(usage.usage.chart, QStringLiteral("stacked_bars"));
        const QString said = r.ignored.join(u'\n');
        for (const char *part : {"version 3", "signature: unknown key", "views[0].colour: unknown key",
                                 "views[0].scope.team: unknown key",
                                 "views[0].audit.filters[1].key: unknown filter \"actor_mood\"",
                                 "views[0].audit.local.regex: unknown key",
                                 "views[0].audit.columns: unknown column \"sparkline\"",
                                 "views[1].kind: unknown kind \"forecast\"",
                                 "views[2].usage.range.preset: unknown value \"last_2_years\"",
                                 "views[2].usage.group_by: unknown dimension \"planet\"",
                                 "views[2].usage.chart: unknown value \"radar\""})
            QVERIFY2(said.contains(QString::fromUtf8(part)),
                     qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(QString::fromUtf8(part), said)));
        QCOMPARE(r.ignored.size(), 11);
    }

    // "Watch Current View…": the rule keeps the view's server filters (include
    // and exclude) and search, not its time range; column filters are reported.
    void auditViewBecomesAWatchQuery()
    {
        const SavedView v = sampleAuditView();
        bool dropped = false;
        const AuditWatchQuery q = watchQueryFromView(v.audit, &dropped);
        QCOMPARE(q.filters.actionType.include, QStringList{QStringLiteral("delete")});
        QVERIFY(q.filters.actionType.exclude.isEmpty());
        QCOMPARE(q.filters.actorEmail.exclude, QStringList{QStringLiteral("bot@example.com")});
        QVERIFY(q.filters.actorEmail.include.isEmpty());
        QCOMPARE(q.search, QStringLiteral("member"));
        QVERIFY(dropped);
        // Every other filter stays empty, and the same view gives the same rule.
        int filled = 0;
        for (const api::AuditQuery::Field &f : api::AuditQuery::fields())
            filled += (q.filters.*(f.member)).isEmpty() ? 0 : 1;
        QCOMPARE(filled, 2);
        QVERIFY(q == watchQueryFromView(v.audit));
        SavedAuditQuery plain;
        plain.filters = v.audit.filters;
        QVERIFY(!watchQueryFromView(plain, &dropped).search.size());
        QVERIFY(!dropped);
    }

    void notAViewsFileIsAnError()
    {
        QVERIFY(!SavedViewFile::read("[1,2]").ok());
        QVERIFY(!SavedViewFile::read(R"({"format":"orgscope-ratecard","version":1})").ok());
        QVERIFY(!SavedViewFile::read("{nope").ok());
        QVERIFY(!SavedViewFile::read(R"({"format":"orgscope-views"})").ok());
    }

    void storeKeepsViewsPerProfile()
    {
        AppSettings settings;
        SavedViewStore store(&settings);
        new QAbstractItemModelTester(&store, QAbstractItemModelTester::FailureReportingMode::QtTest, &store);
        store.setProfile(QStringLiteral("p1"));
        store.setOrganization(QStringLiteral("org1"));
        const QString a = store.add(sampleAuditView());
        const QString u = store.add(sampleUsageView());
        QCOMPARE(store.rowCount(), 2);
        // The same name again is made unique.
        const QString a2 = store.add(sampleAuditView());
        QCOMPARE(store.view(a2)->name, QStringLiteral("Who removed members (2)"));
        QVERIFY(!store.rename(a2, QStringLiteral("who REMOVED members")));
        QVERIFY(store.rename(a2, QStringLiteral("Deletes")));
        const QString copy = store.duplicate(a2);
        QCOMPARE(store.view(copy)->name, QStringLiteral("Deletes (copy)"));
        QCOMPARE(store.view(copy)->audit, store.view(a2)->audit);
        QVERIFY(store.remove(a2));
        QCOMPARE(store.rowCount(), 3);

        // Another organization sees only the views for every organization.
        store.setOrganization(QStringLiteral("org2"));
        QCOMPARE(store.rowCount(), 1);
        QCOMPARE(store.viewAt(0)->id, u);
        QVERIFY(store.setAllOrganizations(a, true));
        QCOMPARE(store.rowCount(), 2);

        // Another profile has its own; the first one's come back from the settings.
        store.setProfile(QStringLiteral("p2"));
        QCOMPARE(store.rowCount(), 0);
        QCOMPARE(store.views().size(), 0);
        SavedViewStore again(&settings);
        again.setProfile(QStringLiteral("p1"));
        again.setOrganization(QStringLiteral("org1"));
        QCOMPARE(again.views().size(), 3);
        QCOMPARE(again.findByName(QStringLiteral("deletes (copy)"))->id, copy);
        const auto all = SavedViewStore::allProfiles(settings);
        QCOMPARE(all.size(), 1); // p2 never stored anything
        QCOMPARE(all.first().profileId, QStringLiteral("p1"));

        // Import into p2: two added; the same file again replaces them (same ids).
        store.setProfile(QStringLiteral("p2"));
        const QByteArray file = again.exportJson();
        SavedViewStore::ImportResult imported = store.importJson(file);
        QVERIFY(imported.ok());
        QCOMPARE(imported.added, 3);
        imported = store.importJson(file);
        QCOMPARE(imported.replaced, 3);
        QCOMPARE(store.views().size(), 3);
        QVERIFY(!store.importJson("{}").ok());
    }

    void savedAuditViewSendsTheSameQuery()
    {
        testsupport::SimulatorProcess sim({QStringLiteral("--audit-events"), QStringLiteral("3000"),
                                           QStringLiteral("--usage-days"), QStringLiteral("2")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        api::Client client;
        client.setBaseUrl(QUrl(sim.baseUrl()));
        client.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        // The manager and its replies live on the client's network thread:
        // each audit request's address is noted there, under a lock.
        struct SentUrls
        {
            QMutex lock;
            QList<QUrl> urls;
            QList<QUrl> get()
            {
                const QMutexLocker locker(&lock);
                return urls;
            }
            void clear()
            {
                const QMutexLocker locker(&lock);
                urls.clear();
            }
        };
        const auto sent = std::make_shared<SentUrls>();
        connect(
            client.networkAccessManager(), &QNetworkAccessManager::finished, client.networkAccessManager(),
            [sent](QNetworkReply *reply) {
                const QUrl url = reply->url();
                if (url.path().endsWith(QLatin1String("/logs/audit"))) {
                    const QMutexLocker locker(&sent->lock);
                    sent->urls.append(url);
                }
            },
            Qt::DirectConnection);
        const QString orgId = firstOrganization(client);
        QVERIFY(!orgId.isEmpty());
        QTemporaryDir archives;
        Session session;
        session.setClient(&client);
        session.setOrganization(orgId, QString());

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const bool custom : {true, false}) {
            // By hand: a range, an include and an exclude filter, a local search and sort.
            AuditQueryDraft draft;
            if (custom)
                draft.setCustomRange(now - 200LL * 86400000, now - 86400000);
            else
                draft.preset = AuditQueryDraft::Preset::Last90Days;
            draft.addFilter(QStringLiteral("action_type"), QStringLiteral("update"), false);
            draft.addFilter(QStringLiteral("action_type"), QStringLiteral("create"), false);
            draft.addFilter(QStringLiteral("raw_method"), QStringLiteral("PATCH"), true);
            AuditController byHand(&session);
            byHand.setArchiveDirectory(archives.path());
            byHand.setDraft(draft);
            byHand.table()->setSearchText(QStringLiteral("organization"));
            byHand.table()->sort(int(AuditColumn::Actor), Qt::AscendingOrder);
            sent->clear();
            QSignalSpy loaded(&byHand, &AuditController::loadFinished);
            byHand.run();
            QVERIFY(loaded.wait(60000));
            QTRY_VERIFY2(!sent->get().isEmpty(), "the hand-built query reached the simulator");
            const QUrl handUrl = sent->get().first();
            const qint64 handRows = byHand.table()->store().rowCount();
            QVERIFY(handRows > 0);

            // Saved, written to a file, read back and reopened in a fresh controller.
            SavedView view;
            view.name = QStringLiteral("Updates and creates");
            view.audit = captureAuditView(byHand);
            const SavedViewFile::ReadResult read = SavedViewFile::read(SavedViewFile::write({view}));
            QVERIFY(read.ok() && read.ignored.isEmpty());
            AuditController reopened(&session);
            reopened.setArchiveDirectory(archives.path());
            applyAuditView(reopened, read.views.first().audit);
            QVERIFY(AuditController::sameQuery(reopened.draft(), byHand.draft()));
            QCOMPARE(reopened.table()->filter(), byHand.table()->filter());
            QCOMPARE(reopened.table()->sortSpec(), byHand.table()->sortSpec());
            sent->clear();
            QSignalSpy loaded2(&reopened, &AuditController::loadFinished);
            reopened.run();
            QVERIFY(loaded2.wait(60000));
            QTRY_VERIFY(!sent->get().isEmpty());
            // On the wire: the same filters, and for a fixed range the same times too.
            QCOMPARE(auditItems(sent->get().first(), custom), auditItems(handUrl, custom));
            const auto items = auditItems(sent->get().first(), false);
            QVERIFY(items.contains(qMakePair(QStringLiteral("raw_method.not"), QStringLiteral("PATCH"))));
            QVERIFY(QUrlQuery(handUrl).hasQueryItem(QStringLiteral("action_type")));
            if (custom) {
                QCOMPARE(reopened.table()->store().rowCount(), handRows);
                QCOMPARE(reopened.table()->rowCount(), byHand.table()->rowCount());
            }
        }
    }

    void usageViewPutsMeasureGroupingAndDrillBack()
    {
        UsageController first(nullptr);
        const SavedView sample = sampleUsageView();
        const QDate today(2026, 12, 6);
        applyUsageView(first, sample.usage, today);
        const UsageQuery q = first.query();
        QCOMPARE(q.measure, UsageMeasure::BilledCost);
        QCOMPARE(q.compare, std::optional<UsageMeasure>(UsageMeasure::EstimatedCost));
        QCOMPARE(q.groupBy, sample.usage.groupBy);
        QCOMPARE(q.granularity, UsageGranularity::Week);
        QCOMPARE(q.topN, 5);
        QVERIFY(!q.includeCorrections);
        QCOMPARE(q.filters, sample.usage.filters);
        QCOMPARE(first.range(), UsageDayRange::fromDates(QDate(2026, 12, 1), QDate(2026, 12, 5)));
        QCOMPARE(first.drillDown().depth(), 1);
        QCOMPARE(first.drillDown().breadcrumbs().last().label, QStringLiteral("Workers"));

        // Captured again and put into a controller that shows something else.
        SavedUsageView captured = captureUsageView(first);
        QCOMPARE(captured.from, QDate(2026, 12, 1)); // the range as a custom one: the page knows the preset
        captured.rangePreset = sample.usage.rangePreset;
        captured.from = captured.to = QDate();
        captured.chart = sample.usage.chart;
        QVERIFY(captured == sample.usage);
        UsageController second(nullptr);
        second.setGroupBy({UsageDimension::Zone});
        second.setMeasure(UsageMeasure::ListCost);
        applyUsageView(second, SavedViewFile::read(SavedViewFile::write({sample})).views.first().usage,
                       today);
        QCOMPARE(second.query(), first.query());
        // Going back to the top keeps the view's grouping there too.
        second.backTo(0);
        QCOMPARE(second.query().filters, QList<UsageFilter>{});
    }

private:
    QString firstOrganization(api::Client &client)
    {
        api::OrganizationsApi orgs(&client);
        auto *list = orgs.list({}, 1000, {}, this);
        list->setAutoDelete(false);
        QSignalSpy done(list, &api::Job::finished);
        list->start();
        if (!list->isFinished() && !done.wait(20000))
            return {};
        const QString id =
            list->error() || list->result().items.isEmpty() ? QString() : list->result().items.first().id;
        delete list;
        return id;
    }
};

QTEST_GUILESS_MAIN(TestSavedViews)
#include "tst_savedviews.moc"
