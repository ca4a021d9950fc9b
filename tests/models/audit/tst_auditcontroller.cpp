// AuditController against the real simulator, without a widget: a Run fills
// the table, Refresh fetches only what is new, cancel keeps what arrived, a
// reopened controller shows the archived history at once and fetches exactly
// the stretches its archive does not cover (a cancelled or filtered load adds
// entries, not coverage), a second instance reads the archive only,
// navigation and "filter to this value" change the draft, and a failed load
// offers Retry.

#include "models/audit/auditarchive.h"
#include "models/audit/auditcontroller.h"
#include "models/audit/auditstore.h"
#include "models/audit/audittablemodel.h"
#include "models/session/session.h"

#include "api/auditpager.h"
#include "api/client.h"
#include "api/organizationsapi.h"

#include "testsupport/fakehttpserver.h"
#include "testsupport/simulatorcalls.h"
#include "testsupport/simulatorprocess.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

namespace {

using models::AuditController;
using models::AuditLoadSummary;

// 3000 entries are three or four pages; the latency leaves time to cancel between them.
const QStringList kSimArgs{QStringLiteral("--audit-events"), QStringLiteral("3000"),
                           QStringLiteral("--usage-days"),   QStringLiteral("2"),
                           QStringLiteral("--faults"),       QStringLiteral("latency:300ms")};

QString rfc3339(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

AuditLoadSummary summaryOf(const QSignalSpy &spy, qsizetype i)
{
    return spy.at(i).at(0).value<AuditLoadSummary>();
}

} // namespace

class TestAuditController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        m_client = new api::Client(this);
        m_client->setBaseUrl(QUrl(m_sim.baseUrl()));
        m_client->setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        m_client->setRetryBaseDelay(10);
        api::OrganizationsApi orgs(m_client);
        auto *list = orgs.list({}, 1000, {}, this);
        list->setAutoDelete(false);
        QSignalSpy done(list, &api::Job::finished);
        list->start();
        QVERIFY(list->isFinished() || done.wait(20000));
        QVERIFY2(!list->error(), qPrintable(list->error().toLogString()));
        for (const api::Organization &o : list->result().items) {
            const qint64 n = serverCount(o.id);
            if (n > m_serverCount) {
                m_serverCount = n;
                m_orgId = o.id;
                m_orgName = o.name;
            }
        }
        delete list;
        QVERIFY2(m_serverCount >= 1500, "the seeded data needs an organization with a few pages of entries");
    }

    void init()
    {
        m_archiveDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_archiveDir->isValid());
    }

    void cleanup()
    {
        delete m_controller;
        m_controller = nullptr;
        delete m_session;
        m_session = nullptr;
        m_archiveDir.reset();
    }

    void runLoadsTheQuery()
    {
        AuditController *c = createController();
        QSignalSpy loaded(c, &AuditController::loadFinished);
        QSignalSpy busy(c, &AuditController::activityChanged);
        QSignalSpy progress(c, &AuditController::progressChanged);
        c->run();
        QVERIFY(c->isBusy());
        QCOMPARE(c->activity(), AuditController::Activity::Loading);
        QVERIFY(loaded.wait(30000));
        QVERIFY(!c->isBusy());
        QVERIFY(busy.count() >= 2); // busy, then idle
        const AuditLoadSummary s = summaryOf(loaded, 0);
        QVERIFY(!s.canceled && !s.failed);
        QCOMPARE(s.kind, AuditLoadSummary::Kind::Run);
        QCOMPARE(s.received, m_serverCount);
        QCOMPARE(qint64(c->table()->rowCount()), m_serverCount);
        QCOMPARE(c->lastLoadAdded(), m_serverCount);
        QVERIFY(s.pages >= 2);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(c->progress().done, m_serverCount);
        QVERIFY(c->error().isEmpty());
        // The draft's filters were used by this Run.
        for (const auto &f : c->draft().filters)
            QVERIFY(!f.pending);
        // The histogram follows the rows, computed off the GUI thread.
        QSignalSpy histogram(c, &AuditController::histogramChanged);
        QVERIFY(c->histogram().total() == quint64(m_serverCount) || histogram.wait(10000));
        QTRY_COMPARE(c->histogram().total(), quint64(m_serverCount));
    }

    void refreshFetchesOnlyNewEntries()
    {
        AuditController *c = createController();
        QSignalSpy loaded(c, &AuditController::loadFinished);
        c->run();
        QVERIFY(loaded.wait(30000));
        const qint64 before = c->table()->rowCount();
        renameOrganization(m_orgName); // one new audit entry
        c->refresh();
        QCOMPARE(c->activity(), AuditController::Activity::Refreshing);
        QVERIFY(loaded.wait(30000));
        const AuditLoadSummary s = summaryOf(loaded, 1);
        QCOMPARE(s.kind, AuditLoadSummary::Kind::Refresh);
        QCOMPARE(s.added, qint64(1));
        QVERIFY2(s.received <= 3, "Refresh asks only for entries since the newest loaded one");
        QCOMPARE(qint64(c->table()->rowCount()), before + 1);
        m_serverCount = serverCount(m_orgId);
    }

    void cancelKeepsWhatArrived()
    {
        AuditController *c = createController();
        QSignalSpy loaded(c, &AuditController::loadFinished);
        QSignalSpy inserted(c->table(), &QAbstractItemModel::rowsInserted);
        c->run();
        QVERIFY(inserted.wait(30000)); // the first page is in
        QVERIFY(c->isLoading());
        c->cancel();
        QVERIFY(loaded.count() == 1 || loaded.wait(10000));
        QVERIFY(!c->isLoading());
        QVERIFY(!c->isBusy());
        const AuditLoadSummary s = summaryOf(loaded, 0);
        QVERIFY(s.canceled);
        QVERIFY(c->error().isEmpty());
        const qint64 kept = c->table()->store().rowCount();
        QVERIFY(kept > 0);
        QVERIFY(kept < m_serverCount);
        QCOMPARE(qint64(c->table()->rowCount()), kept);
        QCOMPARE(s.added, kept);
    }

    void reopenShowsTheArchiveThenRefreshes()
    {
        {
            // Activating with no saved history opens an empty archive, then runs the draft.
            AuditController *c = createController();
            QSignalSpy history(c, &AuditController::historyLoaded);
            QSignalSpy loaded(c, &AuditController::loadFinished);
            c->setActive(true);
            QVERIFY(history.wait(20000));
            QCOMPARE(history.first().first().toLongLong(), qint64(0));
            QVERIFY(loaded.wait(30000));
            QCOMPARE(qint64(c->table()->rowCount()), m_serverCount);
            c->flushArchive();
            delete m_controller;
            m_controller = nullptr;
        }
        AuditController *c = createController();
        QSignalSpy history(c, &AuditController::historyLoaded);
        QSignalSpy loaded(c, &AuditController::loadFinished);
        c->setActive(true); // what showing the page does
        QCOMPARE(c->activity(), AuditController::Activity::OpeningArchive);
        QVERIFY(history.wait(20000));
        QCOMPARE(history.first().first().toLongLong(), m_serverCount);
        QCOMPARE(qint64(c->table()->rowCount()), m_serverCount);
        QVERIFY(loaded.wait(30000));
        const AuditLoadSummary s = summaryOf(loaded, 0);
        QCOMPARE(s.kind, AuditLoadSummary::Kind::Refresh);
        QCOMPARE(s.added, qint64(0));
        QCOMPARE(qint64(c->table()->rowCount()), m_serverCount);
        // The archive has the full entry of a loaded row.
        const QString id = c->table()->index(0, 0).data(models::AuditTableModel::EntryIdRole).toString();
        QSignalSpy full(c, &AuditController::fullEntryReady);
        c->requestFullEntry(id);
        QVERIFY(full.wait(10000));
        QCOMPARE(full.first().first().toString(), id);
        QVERIFY(full.first().at(1).toByteArray().contains(id.toUtf8()));
    }

    // Issue 21: a cancelled load used to leave the archive looking complete.
    // Cancel mid-load, restart, refresh: the archive equals a fresh full
    // fetch, nothing doubled.
    void cancelRestartRefreshEqualsAFullFetch()
    {
        const QList<Entry> server = serverEntries(m_orgId);
        QVERIFY(server.size() >= 1500);
        {
            AuditController *c = createController();
            QSignalSpy loaded(c, &AuditController::loadFinished);
            QSignalSpy inserted(c->table(), &QAbstractItemModel::rowsInserted);
            c->setActive(true); // empty archive: runs the draft
            QVERIFY(inserted.wait(30000));
            c->cancel();
            QVERIFY(loaded.count() == 1 || loaded.wait(10000));
            QVERIFY(summaryOf(loaded, 0).canceled);
            QVERIFY(c->table()->store().rowCount() < quint32(server.size()));
            c->flushArchive();
            QTest::qWait(50);
            QVERIFY2(c->archiveCoverage().isEmpty(), "a cancelled load covers nothing");
            QVERIFY(!c->incompleteRanges().isEmpty());
        }
        AuditController *c = createController();
        QSignalSpy history(c, &AuditController::historyLoaded);
        QSignalSpy loaded(c, &AuditController::loadFinished);
        c->setActive(true);
        QVERIFY(history.wait(20000));
        const qint64 kept = history.first().first().toLongLong();
        QVERIFY(kept > 0);
        QVERIFY(kept < server.size());
        QVERIFY2(!c->incompleteRanges().isEmpty(), "the archive's rows are shown as incomplete");
        QVERIFY(loaded.wait(60000));
        const AuditLoadSummary s = summaryOf(loaded, 0);
        QCOMPARE(s.kind, AuditLoadSummary::Kind::Refresh);
        QVERIFY(!s.canceled && !s.failed);
        QCOMPARE(s.added, qint64(server.size()) - kept);
        QCOMPARE(idsOf(c), idSet(server));
        QCOMPARE(qint64(c->table()->store().rowCount()), qint64(server.size()));
        QVERIFY(c->incompleteRanges().isEmpty());
        c->flushArchive();

        // The file itself: every entry once, and a coverage over the draft's range.
        models::AuditArchive archive(m_orgId, m_archiveDir->path());
        QVERIFY(archive.openReadOnly());
        QCOMPARE(archive.count(), qint64(server.size()));
        models::AuditStore store;
        QCOMPARE(archive.loadInto(store), qint64(server.size()));
        QSet<QString> stored;
        for (quint32 r = 0; r < store.rowCount(); ++r)
            stored.insert(store.data().key(models::AuditKey::EntryId, r));
        QCOMPARE(stored, idSet(server));
        QVERIFY(!archive.coverage().isEmpty());
        archive.close();

        // A third start has nothing left to fetch but what is new.
        AuditController *again = createController();
        QSignalSpy history3(again, &AuditController::historyLoaded);
        QSignalSpy loaded3(again, &AuditController::loadFinished);
        again->setActive(true);
        QVERIFY(history3.wait(20000));
        QCOMPARE(history3.first().first().toLongLong(), qint64(server.size()));
        QVERIFY(loaded3.wait(30000));
        QCOMPARE(summaryOf(loaded3, 0).added, qint64(0));
        // Only the stretch since the last start (and its settling margin) is fetched.
        QVERIFY2(summaryOf(loaded3, 0).received <= 10,
                 qPrintable(QString::number(summaryOf(loaded3, 0).received)));
        QCOMPARE(qint64(again->table()->rowCount()), qint64(server.size()));
    }

    // A query over an uncovered stretch fetches exactly that stretch.
    void uncoveredStretchIsFetchedExactly()
    {
        const QList<Entry> server = serverEntries(m_orgId); // newest first
        QVERIFY(server.size() >= 1500);
        const qint64 to = server.at(server.size() / 3).timeMs;
        const qint64 from = server.at(2 * server.size() / 3).timeMs;
        qint64 inside = 0;
        for (const Entry &e : server)
            inside += e.timeMs >= from && e.timeMs < to ? 1 : 0;
        QVERIFY(inside > 0);
        {
            AuditController *c = createController();
            models::AuditQueryDraft draft;
            draft.setCustomRange(from, to);
            c->setDraft(draft);
            QSignalSpy loaded(c, &AuditController::loadFinished);
            c->setActive(true);
            QVERIFY(loaded.wait(30000));
            QCOMPARE(summaryOf(loaded, 0).received, inside);
            c->flushArchive();
            QTRY_COMPARE(c->archiveCoverage().ranges(), (QList<models::AuditTimeRange>{{from, to}}));
        }
        AuditController *c = createController(); // Last 18 months
        QSignalSpy history(c, &AuditController::historyLoaded);
        QSignalSpy loaded(c, &AuditController::loadFinished);
        QSignalSpy incomplete(c, &AuditController::incompleteRangesChanged);
        c->setActive(true);
        QVERIFY(history.wait(20000));
        QCOMPARE(history.first().first().toLongLong(), inside);
        // Shown: covered [from, to); incomplete before and after it.
        const QList<models::AuditTimeRange> gaps = c->incompleteRanges();
        QCOMPARE(gaps.size(), 2);
        QCOMPARE(gaps.at(0).toMs, from);
        QCOMPARE(gaps.at(1).fromMs, to);
        QVERIFY(!incomplete.isEmpty());
        QVERIFY(loaded.wait(60000));
        const AuditLoadSummary s = summaryOf(loaded, 0);
        QVERIFY(!s.canceled && !s.failed);
        QCOMPARE(s.received, qint64(server.size()) - inside); // nothing of [from, to) again
        QCOMPARE(s.added, qint64(server.size()) - inside);
        QCOMPARE(idsOf(c), idSet(server));
        QVERIFY(c->incompleteRanges().isEmpty());
    }

    // A load with server filters stores its entries but covers nothing: the
    // next start fetches the whole range, without doubles.
    void filteredLoadAddsEntriesNotCoverage()
    {
        const QList<Entry> server = serverEntries(m_orgId);
        {
            AuditController *c = createController();
            QSignalSpy loaded(c, &AuditController::loadFinished);
            c->setActive(true); // opens the (empty) archive, then runs
            QVERIFY(loaded.wait(30000));
            const QString method = c->table()->index(0, int(models::AuditColumn::Method)).data().toString();
            models::AuditQueryDraft draft = c->draft();
            draft.addFilter(QStringLiteral("raw_method"), method, false);
            c->setDraft(draft);
            // Replace the unfiltered archive by a filtered load only.
            QSignalSpy deleted(c, &AuditController::archiveDeleted);
            c->deleteArchive();
            QVERIFY(deleted.wait(10000));
            QVERIFY(deleted.first().first().toBool());
            c->run();
            QVERIFY(loaded.wait(30000));
            QVERIFY(!summaryOf(loaded, 1).failed);
            QVERIFY(summaryOf(loaded, 1).received > 0);
            QVERIFY(summaryOf(loaded, 1).received < server.size());
            c->flushArchive();
            QTest::qWait(50);
            QVERIFY(c->archiveCoverage().isEmpty());
        }
        AuditController *c = createController();
        QSignalSpy loaded(c, &AuditController::loadFinished);
        c->setActive(true);
        QVERIFY(loaded.wait(60000));
        QCOMPARE(idsOf(c), idSet(server));
        QCOMPARE(qint64(c->table()->store().rowCount()), qint64(server.size()));
    }

    // Fault: the archive is locked by another instance. The second controller
    // shows it read-only, says so, and loads into memory only.
    void secondInstanceReadsTheArchiveOnly()
    {
        AuditController *first = createController();
        QSignalSpy loaded(first, &AuditController::loadFinished);
        first->setActive(true);
        QVERIFY(loaded.wait(30000));
        first->flushArchive();

        auto *session = new models::Session(this);
        session->setClient(m_client);
        session->setOrganization(m_orgId, m_orgName);
        auto *second = new AuditController(session, session);
        second->setArchiveDirectory(m_archiveDir->path());
        QSignalSpy notice(second, &AuditController::noticeChanged);
        QSignalSpy history(second, &AuditController::historyLoaded);
        second->setActive(true);
        QVERIFY(history.wait(20000));
        QVERIFY(!notice.isEmpty());
        QVERIFY2(second->notice().contains(QStringLiteral("read-only")), qPrintable(second->notice()));
        QVERIFY(second->notice().contains(QStringLiteral("another Orgscope")));
        QVERIFY(!second->isArchiveWritable());
        QCOMPARE(history.first().first().toLongLong(), qint64(first->table()->store().rowCount()));
        // Its Delete is refused; the first instance's file stays.
        QSignalSpy deleted(second, &AuditController::archiveDeleted);
        second->deleteArchive();
        QVERIFY(deleted.wait(10000));
        QVERIFY(!deleted.first().first().toBool());
        QVERIFY(QFileInfo::exists(models::AuditArchive(m_orgId, m_archiveDir->path()).filePath()));
        delete session;
    }

    // Fault: the folder cannot be written. The page works from memory and
    // the banner says the archive is unavailable and why.
    void unavailableArchiveWorksInMemory()
    {
        const QString blocked = m_archiveDir->filePath(QStringLiteral("blocked"));
        QFile blocker(blocked);
        QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder should be
        blocker.close();
        AuditController *c = createController();
        c->setArchiveDirectory(blocked + QStringLiteral("/audit"));
        QSignalSpy loaded(c, &AuditController::loadFinished);
        c->setActive(true);
        QVERIFY(loaded.wait(30000));
        QVERIFY2(c->notice().contains(QStringLiteral("not available")), qPrintable(c->notice()));
        QVERIFY(c->notice().contains(QStringLiteral("memory only")));
        QVERIFY(!c->isArchiveWritable());
        QCOMPARE(qint64(c->table()->rowCount()), m_serverCount);
    }

    void navigationAndFilterToValueChangeTheDraft()
    {
        AuditController *c = createController();
        QSignalSpy loaded(c, &AuditController::loadFinished);
        QSignalSpy draft(c, &AuditController::draftChanged);
        c->showForActor(QStringLiteral("someone@example.com"));
        QVERIFY(c->isLoading());
        QVERIFY(!draft.isEmpty());
        QCOMPARE(c->draft().preset, models::AuditQueryDraft::Preset::Last18Months);
        QCOMPARE(c->draft().filters.size(), 1);
        QCOMPARE(c->draft().filters.first().wireKey, QStringLiteral("actor_email"));
        QCOMPARE(c->draft().filters.first().values, QStringList{QStringLiteral("someone@example.com")});
        QVERIFY(loaded.wait(30000));

        // Back to everything, then "filter to" a method: local now, pending in the draft.
        models::AuditQueryDraft all;
        all.preset = models::AuditQueryDraft::Preset::Last18Months;
        c->setDraft(all);
        c->run();
        QVERIFY(loaded.wait(30000));
        const int column = int(models::AuditColumn::Method);
        const QString method = c->table()->index(0, column).data().toString();
        QVERIFY(c->filterToValue(0, column, false));
        QTRY_VERIFY(!c->table()->isFiltering());
        for (int r = 0; r < c->table()->rowCount(); ++r)
            QCOMPARE(c->table()->index(r, column).data().toString(), method);
        QCOMPARE(c->draft().filters.size(), 1);
        QCOMPARE(c->draft().filters.first().wireKey, QStringLiteral("raw_method"));
        QVERIFY(c->draft().filters.first().pending);
        QCOMPARE(c->draft().query(QDateTime::currentMSecsSinceEpoch()).rawMethod.include,
                 QStringList{method});
        QVERIFY(!c->filterToValue(-1, column, false));
    }

    void failedLoadOffersRetry()
    {
        api::Client dead;
        dead.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1/client/v4")));
        dead.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        dead.setMaxRetries(0);
        AuditController *c = createController(&dead);
        QSignalSpy loaded(c, &AuditController::loadFinished);
        QSignalSpy error(c, &AuditController::errorChanged);
        c->run();
        QVERIFY(loaded.wait(30000));
        QVERIFY(summaryOf(loaded, 0).failed);
        QVERIFY(!c->error().isEmpty());
        QVERIFY(c->error().retryable);
        QCOMPARE(error.count(), 1);
        c->retry();
        QVERIFY(c->isLoading());
        QVERIFY(loaded.wait(30000));
        QVERIFY(summaryOf(loaded, 1).failed);
        // Without a client, a Run says so and offers no Retry.
        m_session->setClient(nullptr);
        c->run();
        QVERIFY(!c->isLoading());
        QVERIFY(!c->error().retryable);
    }

    void staleFollowsTheDraft()
    {
        AuditController *c = createController();
        QSignalSpy loaded(c, &AuditController::loadFinished);
        QSignalSpy stale(c, &AuditController::staleChanged);
        QVERIFY(!c->isStale()); // nothing loaded: nothing to be stale
        c->run();
        QVERIFY(loaded.wait(30000));
        QVERIFY(!c->isStale());

        // Another range: the rows are not what the query says.
        models::AuditQueryDraft draft = c->draft();
        draft.preset = models::AuditQueryDraft::Preset::Last7Days;
        c->setDraft(draft);
        QVERIFY(c->isStale());
        QCOMPARE(stale.count(), 1);
        draft.preset = models::AuditQueryDraft::Preset::Last18Months;
        c->setDraft(draft);
        QVERIFY(!c->isStale()); // back to what was run

        // An empty filter row asks nothing; a value does.
        draft.filters.append({QStringLiteral("raw_method"), {}, false, true});
        c->setDraft(draft);
        QVERIFY(!c->isStale());
        draft.filters.last().values = QStringList{QStringLiteral("POST")};
        c->setDraft(draft);
        QVERIFY(c->isStale());

        // Refresh would extend rows of the old query: it runs the new one instead.
        c->refresh();
        QCOMPARE(c->activity(), AuditController::Activity::Loading);
        QVERIFY(!c->isStale());
        QVERIFY(loaded.wait(30000));
        QCOMPARE(summaryOf(loaded, 1).kind, AuditLoadSummary::Kind::Run);
        for (int r = 0; r < c->table()->rowCount(); ++r)
            QCOMPARE(c->table()->index(r, int(models::AuditColumn::Method)).data().toString(),
                     QStringLiteral("POST"));
    }

    void clearFiltersRunsTheUnfilteredQuery()
    {
        AuditController *c = createController();
        QSignalSpy loaded(c, &AuditController::loadFinished);
        c->run();
        QVERIFY(loaded.wait(30000));
        const int column = int(models::AuditColumn::Method);
        const QString method = c->table()->index(0, column).data().toString();
        QVERIFY(c->filterToValue(0, column, false));
        c->run(); // the server filter is used
        QVERIFY(loaded.wait(30000));
        const int filtered = c->table()->rowCount();
        QVERIFY(filtered > 0 && filtered < m_serverCount);
        QVERIFY(!c->isStale());

        // Clear filters: the bar's filters go, and the rows follow.
        c->clearFilters();
        QVERIFY(c->draft().filters.isEmpty());
        QVERIFY(c->isLoading());
        QVERIFY(loaded.wait(30000));
        QCOMPARE(qint64(c->table()->rowCount()), m_serverCount);
        QVERIFY(c->table()->filter().isEmpty());
        QVERIFY(!c->isStale());

        // Nothing filtered on the server: clearing is local only.
        c->setSearchText(method);
        QTRY_VERIFY(c->table()->rowCount() < m_serverCount);
        c->clearFilters();
        QVERIFY(!c->isLoading());
        QTRY_COMPARE(qint64(c->table()->rowCount()), m_serverCount);
    }

    void histogramFollowsTheShownRows()
    {
        AuditController *c = createController();
        QSignalSpy loaded(c, &AuditController::loadFinished);
        c->run();
        QVERIFY(loaded.wait(30000));
        QTRY_COMPARE(c->histogram().total(), quint64(m_serverCount));
        const int bucketsBefore = int(c->histogram().buckets().size());
        const QString id = c->table()->index(0, 0).data(models::AuditTableModel::EntryIdRole).toString();
        c->setSearchText(id); // one row
        QTRY_COMPARE(c->table()->rowCount(), 1);
        // The timeline draws what the table shows, the loaded rows behind it on the same axis.
        QTRY_COMPARE(c->histogram().total(), quint64(1));
        QCOMPARE(c->histogram().loadedTotal(), quint64(m_serverCount));
        QCOMPARE(int(c->histogram().buckets().size()), bucketsBefore);
        c->setSearchText(QString());
        QTRY_COMPARE(c->histogram().total(), quint64(m_serverCount));
    }

    void positiveFiltersAreVerified_data()
    {
        QTest::addColumn<bool>("serverIgnores");
        QTest::newRow("server applies them") << false;
        QTest::newRow("server ignores them") << true;
    }

    void positiveFiltersAreVerified()
    {
        QFETCH(bool, serverIgnores);
        testsupport::SimulatorProcess ignoring({QStringLiteral("--audit-events"), QStringLiteral("3000"),
                                                QStringLiteral("--usage-days"), QStringLiteral("2"),
                                                QStringLiteral("--ignore-positive-filters")});
        std::unique_ptr<api::Client> client;
        if (serverIgnores) {
            QVERIFY2(ignoring.start(), qPrintable(ignoring.errorString()));
            client = std::make_unique<api::Client>();
            client->setBaseUrl(QUrl(ignoring.baseUrl()));
            client->setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        }
        AuditController *c = createController(client.get());
        QSignalSpy loaded(c, &AuditController::loadFinished);
        QSignalSpy ignored(c, &AuditController::ignoredFiltersChanged);
        c->run();
        QVERIFY(loaded.wait(30000));
        const qint64 all = c->table()->rowCount();
        // A method and a resource type that some entries have and others not.
        const int method = int(models::AuditColumn::Method);
        const int type = int(models::AuditColumn::ResourceType);
        const QString methodValue = c->table()->index(0, method).data().toString();
        const QString typeValue = c->table()->index(0, type).data().toString();
        models::AuditQueryDraft draft = c->draft();
        draft.addFilter(QStringLiteral("raw_method"), methodValue, false);
        draft.addFilter(QStringLiteral("resource_type"), typeValue, false);
        // Exclusions are not in doubt (API.md §9.4) and not checked.
        draft.addFilter(QStringLiteral("actor_email"), QStringLiteral("nobody@example.com"), true);
        c->setDraft(draft);
        c->run();
        QVERIFY(loaded.wait(30000));
        const AuditLoadSummary s = summaryOf(loaded, 1);
        QVERIFY(!s.failed);
        const int shown = c->table()->rowCount();
        QVERIFY(shown > 0 && shown < all);
        for (int r = 0; r < shown; ++r) {
            QCOMPARE(c->table()->index(r, method).data().toString(), methodValue);
            QCOMPARE(c->table()->index(r, type).data().toString(), typeValue);
        }
        if (serverIgnores) {
            // Every entry came back; those that contradict a filter sent were left out here.
            QCOMPARE(s.received, all);
            QCOMPARE(s.dropped, all - shown);
            const QStringList expected{QStringLiteral("raw_method"), QStringLiteral("resource_type")};
            QCOMPARE(c->ignoredFilters(), expected);
            QCOMPARE(s.ignoredFilters, expected);
            QVERIFY(!ignored.isEmpty());
        } else {
            QCOMPARE(s.received, qint64(shown));
            QCOMPARE(s.dropped, qint64(0));
            QVERIFY(c->ignoredFilters().isEmpty());
            QVERIFY(ignored.isEmpty());
        }
        // A Run without positive filters has nothing to verify.
        draft = c->draft();
        draft.filters.clear();
        c->setDraft(draft);
        c->run();
        QVERIFY(loaded.wait(30000));
        QVERIFY(c->ignoredFilters().isEmpty());
        QCOMPARE(qint64(c->table()->rowCount()), all);
        delete m_controller;
        m_controller = nullptr;
        m_session->setClient(nullptr);
        ignoring.stop();
    }

    void lenientEntriesAreCounted()
    {
        // Three of five entries lack fields (a null group, a number for a
        // string, no time): all five are shown, the summary counts three.
        apitest::FakeHttpServer server;
        QVERIFY(server.listen());
        QByteArray page =
            R"({"success":true,"errors":[],"result":[)"
            R"({"id":"e1","action":{"time":"@T","type":"create","result":"success"},)"
            R"("actor":{"email":"a@example.com"},"raw":{"method":"POST","status_code":200}},)"
            R"({"id":"e2","action":{"time":"@T","type":"update"},"actor":null},)"
            R"({"id":"e3","action":{"time":"@T","type":"delete"},"actor":{"email":42}},)"
            R"({"id":"e4","action":{"type":"delete"},"raw":null},)"
            R"({"id":"e5","action":{"time":"@T","type":"create"},"actor":{"email":"b@example.com"}})"
            R"(],"result_info":{"count":"5"}})";
        page.replace("@T", rfc3339(QDateTime::currentMSecsSinceEpoch() - 60000).toUtf8());
        server.setHandler(
            [page](const apitest::FakeRequest &) { return apitest::FakeReply::json(200, page); });
        api::Client client;
        client.setBaseUrl(QUrl(server.baseUrl()));
        client.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        AuditController *c = createController(&client);
        QSignalSpy loaded(c, &AuditController::loadFinished);
        c->run();
        QVERIFY(loaded.wait(30000));
        const AuditLoadSummary s = summaryOf(loaded, 0);
        QVERIFY2(!s.failed, qPrintable(c->error().message));
        QCOMPARE(c->table()->rowCount(), 5);
        QCOMPARE(s.entriesWithIssues, qint64(3));
        QVERIFY2(s.firstIssue.contains(QStringLiteral("actor")), qPrintable(s.firstIssue));
        // A missing value reads "—", its raw text stays empty.
        const int actor = int(models::AuditColumn::Actor);
        int missing = 0;
        for (int r = 0; r < 5; ++r) {
            const QModelIndex cell = c->table()->index(r, actor);
            if (cell.data(models::AuditTableModel::TextRole).toString().isEmpty()) {
                QCOMPARE(cell.data().toString(), QStringLiteral("—"));
                ++missing;
            }
        }
        QCOMPARE(missing, 3);
        delete m_controller;
        m_controller = nullptr;
        m_session->setClient(nullptr);
    }

    // Issue 20 item 9: a Run that finally fails keeps its rows, and Retry goes
    // on at the failed page instead of starting over.
    void retryContinuesAtTheFailedPage()
    {
        // 250 entries, 100 a page, the cursor is the next offset; the second
        // page fails once.
        apitest::FakeHttpServer server;
        QVERIFY(server.listen());
        int secondPageAsked = 0;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        server.setHandler([&secondPageAsked, now](const apitest::FakeRequest &r) {
            const QString cursor =
                QUrlQuery(QString::fromLatin1(r.query())).queryItemValue(QStringLiteral("cursor"));
            const int offset = cursor.toInt();
            if (offset == 100 && ++secondPageAsked == 1)
                return apitest::FakeReply::json(500, R"({"success":false,"errors":[{"message":"oops"}]})");
            QByteArray items;
            const int end = std::min(250, offset + 100);
            for (int i = offset; i < end; ++i)
                items += QByteArray(items.isEmpty() ? "" : ",") + "{\"id\":\"e" + QByteArray::number(i) +
                         "\",\"action\":{\"type\":\"update\",\"time\":\"" +
                         rfc3339(now - qint64(i + 1) * 60000).toLatin1() + "\"}}";
            QByteArray info = "\"count\":\"" + QByteArray::number(end - offset) + "\"";
            if (end < 250)
                info += ",\"cursor\":\"" + QByteArray::number(end) + "\"";
            return apitest::FakeReply::json(200, "{\"success\":true,\"errors\":[],\"result\":[" + items +
                                                     "],\"result_info\":{" + info + "}}");
        });
        api::Client fake;
        fake.setBaseUrl(QUrl(server.baseUrl()));
        fake.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        fake.setMaxPageRetries(0);
        AuditController *c = createController(&fake);
        QSignalSpy loaded(c, &AuditController::loadFinished);
        c->run();
        QVERIFY(loaded.wait(30000));
        QVERIFY(summaryOf(loaded, 0).failed);
        QVERIFY(c->error().retryable);
        QCOMPARE(qint64(c->table()->store().rowCount()), qint64(100)); // the first page stays

        QSignalSpy reset(c->table(), &QAbstractItemModel::modelReset);
        const int asked = server.requestCount();
        c->retry();
        QVERIFY(c->isLoading());
        QVERIFY(loaded.wait(30000));
        const AuditLoadSummary s = summaryOf(loaded, 1);
        QVERIFY(!s.failed && !s.canceled);
        QCOMPARE(s.received, qint64(150)); // only the rest was fetched
        QCOMPARE(reset.count(), 0);
        QCOMPARE(qint64(c->table()->store().rowCount()), qint64(250));
        // Retry asked for the failed page first, not the first page again.
        QCOMPARE(QUrlQuery(QString::fromLatin1(server.requests().at(asked).query()))
                     .queryItemValue(QStringLiteral("cursor")),
                 QStringLiteral("100"));
    }

    void cleanupTestCase() { m_sim.stop(); }

private:
    AuditController *createController(api::Client *client = nullptr)
    {
        delete m_controller;
        delete m_session;
        m_session = new models::Session(this);
        m_session->setClient(client ? client : m_client);
        m_session->setOrganization(m_orgId, m_orgName);
        m_controller = new AuditController(m_session);
        m_controller->setArchiveDirectory(m_archiveDir->path());
        models::AuditQueryDraft draft;
        draft.preset = models::AuditQueryDraft::Preset::Last18Months;
        m_controller->setDraft(draft);
        new QAbstractItemModelTester(m_controller->table(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, m_controller);
        return m_controller;
    }

    struct Entry
    {
        QString id;
        qint64 timeMs = 0;
    };

    // Every entry the server holds, newest first: a fresh full fetch.
    QList<Entry> serverEntries(const QString &orgId)
    {
        api::AuditQuery q;
        q.since = QStringLiteral("2000-01-01");
        q.before = rfc3339(QDateTime::currentMSecsSinceEpoch() + 3600 * 1000);
        q.limit = 1000;
        q.direction = QStringLiteral("desc");
        api::AuditPager pager(m_client, orgId, q);
        QList<Entry> out;
        connect(&pager, &api::AuditPager::columnsReady, this, [&out](const api::AuditColumns &page) {
            for (const api::AuditEvent &e : page.events())
                out.append({e.id, e.actionTimeMs});
        });
        QSignalSpy done(&pager, &api::Pager::finished);
        pager.start();
        if (!pager.isFinished() && !done.wait(30000))
            return {};
        m_serverCount = pager.succeeded() ? pager.itemCount() : -1;
        return out;
    }

    static QSet<QString> idSet(const QList<Entry> &entries)
    {
        QSet<QString> ids;
        for (const Entry &e : entries)
            ids.insert(e.id);
        return ids;
    }

    // The table's ids; fails the test on a double.
    static QSet<QString> idsOf(AuditController *c)
    {
        QSet<QString> ids;
        const auto &rows = c->table()->store().data();
        for (quint32 r = 0; r < rows.rowCount(); ++r)
            ids.insert(rows.key(models::AuditKey::EntryId, r));
        if (qsizetype(ids.size()) != qsizetype(rows.rowCount()))
            qWarning("%lld rows but %lld distinct ids", qint64(rows.rowCount()), qint64(ids.size()));
        return qsizetype(ids.size()) == qsizetype(rows.rowCount()) ? ids : QSet<QString>();
    }

    qint64 serverCount(const QString &orgId) { return testsupport::serverAuditCount(m_client, orgId); }

    void renameOrganization(const QString &name) { testsupport::renameOrganization(m_client, m_orgId, name); }

    testsupport::SimulatorProcess m_sim{kSimArgs};
    api::Client *m_client = nullptr;
    QString m_orgId;
    QString m_orgName;
    qint64 m_serverCount = -1;
    std::unique_ptr<QTemporaryDir> m_archiveDir;
    models::Session *m_session = nullptr;
    AuditController *m_controller = nullptr;
};

QTEST_GUILESS_MAIN(TestAuditController)
#include "tst_auditcontroller.moc"
