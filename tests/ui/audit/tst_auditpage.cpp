// The Audit log page against orgscope-sim over real HTTP: a query streams
// rows in, the local filter (search, filter to / exclude a value, timeline
// range) narrows them, the details pane reads the full entry from the
// archive, exports write exactly the filtered rows, Refresh after a mutation
// fetches only the new entry, reopening shows the archived history, and a
// corrupt archive is set aside with a notice.

#include "api/auditpager.h"
#include "api/client.h"
#include "api/organizationsapi.h"
#include "models/audit/auditarchive.h"
#include "models/audit/auditcontroller.h"
#include "models/audit/audittablemodel.h"
#include "models/export/exportcolumns.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "ui/audit/auditdetailspane.h"
#include "ui/audit/auditfilterrow.h"
#include "ui/audit/auditlogpage.h"
#include "ui/audit/auditquerybar.h"
#include "ui/audit/audittimeline.h"
#include "ui/common/dialogs.h"
#include "ui/common/messagebanner.h"

#include "testsupport/fakehttpserver.h"
#include "testsupport/simulatorcalls.h"
#include "testsupport/simulatorprocess.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using Column = models::AuditColumn;
using Model = models::AuditTableModel;

namespace {

const QStringList kSimArgs{QStringLiteral("--audit-events"), QStringLiteral("3000"),
                           QStringLiteral("--usage-days"), QStringLiteral("2")};

QString rfc3339(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QSet<QString> loadedIds(const Model *model)
{
    QSet<QString> ids;
    const auto &d = model->store().data();
    for (quint32 r = 0; r < d.rowCount(); ++r)
        ids.insert(d.key(models::AuditKey::EntryId, r));
    return ids;
}

QStringList visibleIds(const Model *model)
{
    QStringList ids;
    for (int r = 0; r < model->rowCount(); ++r)
        ids.append(model->index(r, 0).data(Model::EntryIdRole).toString());
    return ids;
}

int rowWhere(const Model *model, Column c, const QString &containing)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, int(c)).data().toString().contains(containing))
            return r;
    return -1;
}

} // namespace

class TestAuditPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("audit"));
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        m_client = new api::Client(this);
        m_client->setBaseUrl(QUrl(m_sim.baseUrl()));
        m_client->setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        m_client->setRetryBaseDelay(10);
        // The organization with the most audit entries, found through the API.
        api::OrganizationsApi orgs(m_client);
        auto *list = orgs.list({}, 1000, {}, this);
        list->setAutoDelete(false);
        QSignalSpy done(list, &api::Job::finished);
        list->start();
        QVERIFY(list->isFinished() || done.wait(20000));
        QVERIFY2(!list->error(), qPrintable(list->error().toLogString()));
        qint64 best = -1;
        for (const api::Organization &o : list->result().items) {
            const qint64 n = serverCount(o.id);
            QVERIFY(n >= 0);
            if (n > best) {
                best = n;
                m_orgId = o.id;
                m_orgName = o.name;
            }
        }
        delete list;
        QVERIFY2(best >= 200, "the seeded data needs an organization with a few hundred audit entries");
        m_serverCount = best;
    }

    void init()
    {
        ui::Dialogs::clearAnswers();
        m_archiveDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_archiveDir->isValid());
    }

    void cleanup()
    {
        closePage();
        m_archiveDir.reset();
    }

    void runFilterDetailsExport()
    {
        openPage();
        QVERIFY(waitLoad());
        Model *model = m_page->model();
        QCOMPARE(qint64(model->rowCount()), m_serverCount);
        QCOMPARE(qint64(loadedIds(model).size()), m_serverCount); // nothing doubled
        QVERIFY(m_page->progressLabel()->text().contains(QLocale().toString(m_serverCount)));
        const int total = model->rowCount();

        // Search as you type: an actor's e-mail keeps only that actor's rows.
        const int actorRow = rowWhere(model, Column::Actor, QStringLiteral("@"));
        QVERIFY(actorRow >= 0);
        const QString actor = model->index(actorRow, int(Column::Actor)).data().toString();
        int expected = 0;
        for (quint32 r = 0; r < model->store().rowCount(); ++r)
            expected += model->store().data().text(Column::Actor, r).contains(actor, Qt::CaseInsensitive);
        QTest::keyClicks(m_page->searchBox(), actor);
        QTRY_COMPARE(model->rowCount(), expected);
        QVERIFY(expected < total);

        // Filter to a method: local at once, and pending in the query bar.
        const QModelIndex methodCell = model->index(0, int(Column::Method));
        const QString method = methodCell.data().toString();
        QVERIFY(!method.isEmpty());
        QVERIFY(m_page->filterToCell(methodCell, false));
        QTRY_VERIFY(!model->isFiltering());
        QVERIFY(model->rowCount() > 0);
        for (int r = 0; r < model->rowCount(); ++r) {
            QCOMPARE(model->index(r, int(Column::Method)).data().toString(), method);
            QVERIFY(
                model->index(r, int(Column::Actor)).data().toString().contains(actor, Qt::CaseInsensitive));
        }
        bool offered = false;
        for (const ui::AuditFilterRow *row : m_page->queryBar()->filterRows())
            offered |= row->wireKey() == QLatin1String("raw_method") && !row->isExclude() &&
                       row->values().contains(method) && row->isPending();
        QVERIFY2(offered, "the value is offered as a server filter for the next Run");
        QCOMPARE(m_page->queryBar()->query(QDateTime::currentMSecsSinceEpoch()).rawMethod.include,
                 QStringList{method});

        // Exclude a result value; then no shown row has it.
        const int shownBefore = model->rowCount();
        const QModelIndex resultCell = model->index(0, int(Column::Result));
        const QString result = resultCell.data().toString();
        QVERIFY(m_page->filterToCell(resultCell, true));
        QTRY_VERIFY(model->rowCount() < shownBefore);
        for (int r = 0; r < model->rowCount(); ++r)
            QVERIFY(model->index(r, int(Column::Result)).data().toString() != result);

        // Back to the search only, then details of the first row.
        m_page->clearLocalFilters();
        QTRY_COMPARE(model->rowCount(), total);
        m_page->searchBox()->setText(actor);
        QTRY_COMPARE(model->rowCount(), expected);
        m_page->controller()->flushArchive();
        QSignalSpy details(m_page, &ui::AuditLogPage::detailsLoaded);
        m_page->table()->setCurrentIndex(model->index(0, 0));
        const QString id = model->index(0, 0).data(Model::EntryIdRole).toString();
        QCOMPARE(m_page->details()->entryId(), id);
        // The row may already be current (the page selects the first row after a load).
        QVERIFY(m_page->details()->hasFullEntry() || details.wait(10000));
        QVERIFY(m_page->details()->hasFullEntry());
        const QJsonDocument entry = QJsonDocument::fromJson(m_page->details()->jsonText().toUtf8());
        QVERIFY2(entry.isObject(), qPrintable(m_page->details()->jsonText()));
        QCOMPARE(entry.object().value(QStringLiteral("id")).toString(), id);
        QVERIFY(entry.object().value(QStringLiteral("action")).isObject());
        bool hasActor = false;
        for (const auto &f : m_page->details()->fields())
            hasActor |= f.value == actor;
        QVERIFY(hasActor);

        // Export what is shown, CSV then JSON, through the pre-answered file dialog.
        const QStringList shown = visibleIds(model);
        const QString csvPath = m_archiveDir->filePath(QStringLiteral("out.csv"));
        ui::Dialogs::enqueueAnswer(csvPath);
        QSignalSpy exported(m_page->controller(), &models::AuditController::exportFinished);
        m_page->exportInteractive(ui::AuditLogPage::Format::Csv);
        QVERIFY(exported.wait(20000));
        QVERIFY2(exported.first().first().toBool(), qPrintable(exported.first().at(1).toString()));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.first().trimmed(),
                 models::ExportColumns::headers(models::ExportColumns::auditEvents()).join(u',').toUtf8());
        QStringList csvIds;
        for (qsizetype i = 1; i < lines.size(); ++i)
            if (!lines.at(i).trimmed().isEmpty())
                csvIds.append(QString::fromUtf8(lines.at(i).left(lines.at(i).indexOf(','))));
        QCOMPARE(csvIds, shown);
        QVERIFY(lines.at(1).contains(actor.toUtf8()));

        const QString jsonPath = m_archiveDir->filePath(QStringLiteral("out.json"));
        exported.clear();
        QVERIFY(m_page->exportTo(jsonPath, ui::AuditLogPage::Format::Json));
        QVERIFY(exported.wait(20000));
        QVERIFY(exported.first().first().toBool());
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonArray array = QJsonDocument::fromJson(json.readAll()).array();
        QCOMPARE(array.size(), shown.size());
        QCOMPARE(array.first().toObject().value(QStringLiteral("id")).toString(), shown.first());
        // The archive holds every loaded entry by now, so JSON carries each one
        // as received, request and response bodies included.
        for (const QJsonValue &v : array) {
            const QJsonObject resource = v.toObject().value(QStringLiteral("resource")).toObject();
            QVERIFY2(
                resource.contains(QStringLiteral("request")) && resource.contains(QStringLiteral("response")),
                qPrintable(QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact))));
        }
        QCOMPARE(array.first().toObject(), entry.object()); // the details pane shows the same entry
        QVERIFY2(!m_page->progressLabel()->text().contains(QStringLiteral("without")),
                 qPrintable(m_page->progressLabel()->text()));

        // Timeline: a click on a bar narrows the table to that bucket; Reset undoes it.
        m_page->clearLocalFilters();
        QTRY_COMPARE(model->rowCount(), total);
        ui::AuditTimeline *timeline = m_page->timeline();
        // The timeline follows the shown rows: after the filters are cleared it counts them all.
        QTRY_COMPARE(timeline->histogram().total(), quint64(total));
        int bucket = -1;
        for (int i = 0; i < timeline->histogram().buckets().size() && bucket < 0; ++i)
            if (timeline->histogram().buckets().at(i).total() > 0 && timeline->barRect(i).width() >= 1)
                bucket = i;
        QVERIFY(bucket >= 0);
        QTest::mouseClick(timeline, Qt::LeftButton, {}, timeline->barRect(bucket).center());
        const auto [from, to] = timeline->histogram().bucketRange(bucket);
        QTRY_COMPARE(quint32(model->rowCount()), timeline->histogram().buckets().at(bucket).total());
        for (int r = 0; r < model->rowCount(); ++r) {
            const qint64 t = model->index(r, int(Column::Time)).data(Model::SortRole).toLongLong();
            QVERIFY(t >= from && t < to);
        }
        auto *reset = m_page->findChild<QToolButton *>(QStringLiteral("auditResetRange"));
        QVERIFY(reset && reset->isVisible());
        QTest::mouseClick(reset, Qt::LeftButton);
        QTRY_COMPARE(model->rowCount(), total);
        QVERIFY(!reset->isVisible());

        // Column visibility and order are remembered.
        QHeaderView *header = m_page->table()->horizontalHeader();
        header->setSectionHidden(int(Column::Ip), true);
        header->moveSection(header->visualIndex(int(Column::Status)), 1);
        models::AppSettings settings;
        m_page->saveViewState(settings);
        closePage();
        openPage();
        m_page->restoreViewState(settings);
        header = m_page->table()->horizontalHeader();
        QVERIFY(header->isSectionHidden(int(Column::Ip)));
        QCOMPARE(header->visualIndex(int(Column::Status)), 1);
        QVERIFY(waitLoad()); // reopening refreshes the archived history
    }

    void navigationStartsFromCleanLocalFilters()
    {
        openPage();
        QVERIFY(waitLoad());
        Model *model = m_page->model();
        const int total = model->rowCount();
        QVERIFY(total > 0);
        // A search and a time selection that hide every row.
        m_page->searchBox()->setText(QStringLiteral("no-such-actor-anywhere"));
        QTRY_COMPARE(model->rowCount(), 0);
        m_page->setTimeRangeFilter(1000, 2000);

        // "Audit around this anomaly" for the whole loaded span: all rows show.
        qint64 first = std::numeric_limits<qint64>::max(), last = 0;
        for (quint32 r = 0; r < model->store().rowCount(); ++r) {
            const qint64 t = model->store().data().timeMs(r);
            first = std::min(first, t);
            last = std::max(last, t);
        }
        m_loaded = std::make_unique<QSignalSpy>(m_page->controller(), &models::AuditController::loadFinished);
        m_page->controller()->showAround(QString(), first, last + 1);
        QVERIFY(waitLoad());
        QVERIFY(m_page->searchBox()->text().isEmpty());
        QVERIFY(model->rowCount() > 0);
        QCOMPARE(qint64(model->rowCount()), qint64(model->store().rowCount()));
    }

    void refreshFetchesOnlyNewer()
    {
        openPage();
        QVERIFY(waitLoad());
        Model *model = m_page->model();
        const qint64 before = model->rowCount();
        QVERIFY(before > 2);
        // The highlighted row and the details pane stay on one entry while
        // newer entries arrive above it.
        m_page->table()->setCurrentIndex(model->index(2, 0));
        const QString chosen = model->index(2, 0).data(Model::EntryIdRole).toString();
        QCOMPARE(m_page->details()->entryId(), chosen);

        // A mutation logs one new entry on the server.
        renameOrganization(m_orgName + QStringLiteral(" (audit test)"));
        QSignalSpy loaded(m_page->controller(), &models::AuditController::loadFinished);
        m_page->refresh();
        QVERIFY(loaded.wait(20000));
        QVERIFY(!m_page->banner()->isVisible() || m_page->banner()->kind() != ui::MessageBanner::Kind::Error);
        QCOMPARE(m_page->controller()->lastLoadAdded(), qint64(1));
        QVERIFY2(m_page->controller()->lastLoadReceived() <= 3,
                 "only entries at or after the newest loaded time are fetched");
        QCOMPARE(qint64(model->store().rowCount()), before + 1);
        QCOMPARE(qint64(loadedIds(model).size()), before + 1);
        QCOMPARE(model->index(0, int(Column::Time)).data(Model::SortRole).toLongLong(),
                 model->store().newestTimeMs()); // newest first
        QCOMPARE(m_page->table()->currentIndex().data(Model::EntryIdRole).toString(), chosen);
        QCOMPARE(m_page->details()->entryId(), chosen);
        QCOMPARE(m_page->table()->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(
            m_page->table()->selectionModel()->selectedRows().first().data(Model::EntryIdRole).toString(),
            chosen);
        // Re-sorting rebuilds the rows; the highlight follows the entry.
        m_page->table()->sortByColumn(int(Column::Actor), Qt::AscendingOrder);
        QTRY_VERIFY(!model->isFiltering());
        QCOMPARE(m_page->table()->currentIndex().data(Model::EntryIdRole).toString(), chosen);
        QCOMPARE(m_page->details()->entryId(), chosen);
        m_page->table()->sortByColumn(int(Column::Time), Qt::DescendingOrder);
        QTRY_VERIFY(!model->isFiltering());
        QCOMPARE(m_page->table()->currentIndex().data(Model::EntryIdRole).toString(), chosen);

        // Nothing new: nothing added.
        loaded.clear();
        m_page->refresh();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(m_page->controller()->lastLoadAdded(), qint64(0));
        QCOMPARE(qint64(loadedIds(model).size()), before + 1);

        // Reopening shows the archived history at once, then refreshes it.
        m_page->controller()->flushArchive();
        closePage();
        renameOrganization(m_orgName);
        m_page = createPage();
        QSignalSpy history(m_page->controller(), &models::AuditController::historyLoaded);
        QSignalSpy reloaded(m_page->controller(), &models::AuditController::loadFinished);
        showPage();
        QVERIFY(history.wait(20000));
        QCOMPARE(history.first().first().toLongLong(), before + 1);
        QVERIFY(reloaded.wait(20000));
        QCOMPARE(m_page->controller()->lastLoadAdded(), qint64(1));
        QCOMPARE(qint64(loadedIds(m_page->model()).size()), before + 2);
        QCOMPARE(qint64(m_page->model()->rowCount()), before + 2);
        // After history, refresh and any re-sorting, what is highlighted is what the details show.
        QTRY_VERIFY(!m_page->model()->isFiltering());
        const QModelIndex current = m_page->table()->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(current.data(Model::EntryIdRole).toString(), m_page->details()->entryId());
        const QModelIndexList selected = m_page->table()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().row(), current.row());
    }

    void corruptArchiveIsSetAside()
    {
        const QString path = models::AuditArchive(m_orgId, m_archiveDir->path()).filePath();
        QDir().mkpath(QFileInfo(path).absolutePath());
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            for (int i = 0; i < 200; ++i)
                f.write("this is not an SQLite database, just noise\n");
        }
        openPage();
        QVERIFY(waitLoad());
        QVERIFY(m_page->banner()->isVisible());
        QCOMPARE(m_page->banner()->kind(), ui::MessageBanner::Kind::Warning);
        QVERIFY2(m_page->banner()->text().contains(QStringLiteral("could not be read")),
                 qPrintable(m_page->banner()->text()));
        QCOMPARE(qint64(m_page->model()->rowCount()), serverCount(m_orgId));
        const QStringList aside =
            QFileInfo(path).dir().entryList({QFileInfo(path).fileName() + QStringLiteral(".corrupt-*")});
        QCOMPARE(aside.size(), 1);
        // The fresh archive works: the details pane finds the full entry.
        m_page->controller()->flushArchive();
        QSignalSpy details(m_page, &ui::AuditLogPage::detailsLoaded);
        m_page->table()->setCurrentIndex(m_page->model()->index(0, 0));
        QCOMPARE(m_page->details()->entryId(),
                 m_page->model()->index(0, 0).data(Model::EntryIdRole).toString());
        QVERIFY(m_page->details()->hasFullEntry() || details.wait(10000));
        QVERIFY(m_page->details()->hasFullEntry());
    }

    void cancelKeepsWhatLoaded()
    {
        openPage();
        QVERIFY(waitLoad());
        QSignalSpy loaded(m_page->controller(), &models::AuditController::loadFinished);
        m_page->run();
        QVERIFY(m_page->isLoading());
        m_page->cancel();
        QVERIFY(loaded.count() == 1 || loaded.wait(10000));
        QVERIFY(!m_page->isLoading());
        QVERIFY(m_page->progressLabel()->text().startsWith(QStringLiteral("Canceled")));
        QCOMPARE(qint64(loadedIds(m_page->model()).size()), qint64(m_page->model()->store().rowCount()));
    }

    void staleResultsSaySo()
    {
        openPage();
        QVERIFY(waitLoad());
        ui::AuditQueryBar *bar = m_page->queryBar();
        auto *stale = m_page->findChild<QLabel *>(QStringLiteral("auditStale"));
        QVERIFY2(stale, "the results header has a line for stale results");
        QVERIFY(!stale->isVisible());
        QCOMPARE(bar->runButton()->text(), QStringLiteral("Run"));

        // A server filter typed but not run: the bar and the results header say so.
        ui::AuditFilterRow *row = bar->addFilterRow(QStringLiteral("raw_method"));
        QVERIFY(!stale->isVisible()); // an empty row asks nothing
        QTest::keyClicks(row->valueEdit(), QStringLiteral("POST"));
        QTRY_VERIFY(stale->isVisible());
        QVERIFY(bar->runButton()->text() != QStringLiteral("Run"));
        m_loaded = std::make_unique<QSignalSpy>(m_page->controller(), &models::AuditController::loadFinished);
        QTest::mouseClick(bar->runButton(), Qt::LeftButton);
        QVERIFY(!stale->isVisible());
        QCOMPARE(bar->runButton()->text(), QStringLiteral("Run"));
        QVERIFY(waitLoad());

        // Picking a preset runs it at once: no old rows under a new range.
        auto *preset = bar->findChild<QComboBox *>(QStringLiteral("auditPreset"));
        QVERIFY(preset);
        m_loaded = std::make_unique<QSignalSpy>(m_page->controller(), &models::AuditController::loadFinished);
        preset->setFocus();
        QTest::keyClick(preset, Qt::Key_Up); // Last 90 days, as a user would pick it
        QCOMPARE(bar->preset(), ui::AuditQueryBar::Preset::Last90Days);
        QVERIFY(m_page->isLoading());
        QVERIFY(!stale->isVisible());
        QVERIFY(waitLoad());
        QCOMPARE(m_page->controller()->draft().preset, ui::AuditQueryBar::Preset::Last90Days);

        // A custom range waits for its dates; meanwhile the results are stale.
        bar->setCustomRange(QDateTime::currentMSecsSinceEpoch() - 3600000,
                            QDateTime::currentMSecsSinceEpoch());
        m_page->controller()->setDraft(bar->draft());
        QVERIFY(!m_page->isLoading());
        QVERIFY(stale->isVisible());
    }

    void clearFiltersClearsTheQueryToo()
    {
        openPage();
        QVERIFY(waitLoad());
        Model *model = m_page->model();
        const int total = model->rowCount();
        const QModelIndex methodCell = model->index(0, int(Column::Method));
        QVERIFY(m_page->filterToCell(methodCell, false));
        m_loaded = std::make_unique<QSignalSpy>(m_page->controller(), &models::AuditController::loadFinished);
        m_page->run();
        QVERIFY(waitLoad());
        QVERIFY(model->rowCount() < total);
        QVERIFY(!m_page->queryBar()->filterRows().isEmpty());
        auto *clear = m_page->findChild<QToolButton *>(QStringLiteral("auditClearFilters"));
        QVERIFY(clear && clear->isEnabled());

        m_loaded = std::make_unique<QSignalSpy>(m_page->controller(), &models::AuditController::loadFinished);
        QTest::mouseClick(clear, Qt::LeftButton);
        QTRY_VERIFY(m_page->queryBar()->filterRows().isEmpty());
        QVERIFY(waitLoad());
        QCOMPARE(model->rowCount(), total); // the table agrees with the bar
        QCOMPARE(qint64(model->store().rowCount()), qint64(total));
        auto *stale = m_page->findChild<QLabel *>(QStringLiteral("auditStale"));
        QVERIFY(stale && !stale->isVisible());
        QVERIFY(!clear->isEnabled());
    }

    void timelineAndDetailsFollowTheTable()
    {
        openPage();
        QVERIFY(waitLoad());
        Model *model = m_page->model();
        const int total = model->rowCount();
        ui::AuditTimeline *timeline = m_page->timeline();
        QTRY_COMPARE(timeline->histogram().total(), quint64(total));

        // Choose a row; note the pane's width.
        // A row whose actor (an e-mail) has at least two more rows, not all of them.
        auto rowsOf = [model](const QString &actor) {
            int n = 0;
            for (int r = 0; r < model->rowCount(); ++r)
                n += model->index(r, int(Column::Actor)).data().toString() == actor;
            return n;
        };
        int chosenRow = 5;
        for (; chosenRow < total; ++chosenRow) {
            const QString a = model->index(chosenRow, int(Column::Actor)).data().toString();
            const int n = a.contains(u'@') ? rowsOf(a) : 0;
            if (n >= 3 && n < total / 2)
                break;
        }
        QVERIFY(chosenRow < total);
        m_page->table()->setCurrentIndex(model->index(chosenRow, 0));
        const QString chosen = model->index(chosenRow, 0).data(Model::EntryIdRole).toString();
        const QString actor = model->index(chosenRow, int(Column::Actor)).data().toString();
        QCOMPARE(m_page->details()->entryId(), chosen);
        // Two more rows of the same actor join the selection (Ctrl+click).
        QSet<QString> selected{chosen};
        for (int r = 0; r < model->rowCount() && selected.size() < 3; ++r) {
            if (r == chosenRow || model->index(r, int(Column::Actor)).data().toString() != actor)
                continue;
            m_page->table()->selectionModel()->select(model->index(r, 0), QItemSelectionModel::Select |
                                                                              QItemSelectionModel::Rows);
            selected.insert(model->index(r, 0).data(Model::EntryIdRole).toString());
        }
        QCOMPARE(selected.size(), 3);
        auto selectedIds = [this] {
            QSet<QString> ids;
            for (const QModelIndex &i : m_page->table()->selectionModel()->selectedRows())
                ids.insert(i.data(Model::EntryIdRole).toString());
            return ids;
        };
        QCOMPARE(selectedIds(), selected);
        QApplication::processEvents();
        const int width = m_page->details()->width();

        // A search that keeps the row: the timeline draws only what is shown,
        // the selection and the pane's width stay.
        QTest::keyClicks(m_page->searchBox(), actor);
        QTRY_VERIFY(model->rowCount() < total);
        QTRY_COMPARE(timeline->histogram().total(), quint64(model->rowCount()));
        QCOMPARE(m_page->details()->entryId(), chosen);
        QCOMPARE(m_page->table()->currentIndex().data(Model::EntryIdRole).toString(), chosen);
        QCOMPARE(selectedIds(), selected);
        QApplication::processEvents();
        QCOMPARE(m_page->details()->width(), width);

        // A search that hides it, then one that shows it again.
        m_page->searchBox()->setText(QStringLiteral("no-such-entry-anywhere"));
        QTRY_COMPARE(model->rowCount(), 0);
        QApplication::processEvents();
        QCOMPARE(m_page->details()->width(), width);
        m_page->searchBox()->clear();
        QTRY_COMPARE(model->rowCount(), total);

        // Dragging across the timeline narrows the table around the chosen row.
        m_page->table()->setCurrentIndex(model->index(chosenRow, 0));
        QCOMPARE(m_page->details()->entryId(), chosen);
        const qint64 t = model->index(chosenRow, int(Column::Time)).data(Model::SortRole).toLongLong();
        int bucket = -1;
        for (int i = 0; i < timeline->histogram().buckets().size(); ++i) {
            const auto [from, to] = timeline->histogram().bucketRange(i);
            if (t >= from && t < to)
                bucket = i;
        }
        QVERIFY(bucket >= 0);
        const QPoint a = timeline->barRect(bucket).center();
        const QPoint b = timeline->barRect(std::max(0, bucket - 1)).center();
        QTest::mousePress(timeline, Qt::LeftButton, {}, a);
        QMouseEvent move(QEvent::MouseMove, QPointF(b), timeline->mapToGlobal(QPointF(b)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(timeline, &move);
        QTest::mouseRelease(timeline, Qt::LeftButton, {}, b);
        QTRY_VERIFY(model->rowCount() < total);
        QTRY_COMPARE(timeline->histogram().total(), quint64(model->rowCount()));
        QCOMPARE(m_page->table()->currentIndex().data(Model::EntryIdRole).toString(), chosen);
        QCOMPARE(m_page->details()->entryId(), chosen);
        QApplication::processEvents();
        QCOMPARE(m_page->details()->width(), width);
    }

    void nothingIsClipped()
    {
        openPage();
        QVERIFY(waitLoad());
        // Buttons with a menu (Export, + Filter) show their arrow beside the
        // text: an instant-popup tool button draws it in its bottom corner,
        // over the text and cut off at the edge; a push button lays it out
        // in its size hint.
        int withMenu = 0;
        for (QAbstractButton *button : m_page->findChildren<QAbstractButton *>()) {
            auto *tool = qobject_cast<QToolButton *>(button);
            auto *push = qobject_cast<QPushButton *>(button);
            const bool hasMenu = (tool && tool->menu()) || (push && push->menu());
            if (!hasMenu || !button->isVisible())
                continue;
            ++withMenu;
            QVERIFY2(!tool || tool->popupMode() != QToolButton::InstantPopup,
                     qPrintable(button->objectName() + QStringLiteral(": arrow drawn over the text")));
            QVERIFY2(button->width() >= button->sizeHint().width(), qPrintable(button->objectName()));
        }
        QCOMPARE(withMenu, 2);

        // Every item of a cell's menu is as wide as its text (looked at while it is open).
        const QModelIndex cell = m_page->model()->index(0, int(Column::Method));
        const QPoint pos = m_page->table()->visualRect(cell).center();
        bool sawMenu = false, sawNote = false;
        QStringList cut;
        QTimer::singleShot(0, this, [&] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            sawMenu = true;
            for (QAction *a : menu->actions()) {
                if (a->text().isEmpty())
                    continue;
                sawNote |= a->text().contains(QStringLiteral("query bar"));
                const int text = menu->fontMetrics().horizontalAdvance(a->text());
                if (menu->actionGeometry(a).width() <= text + 2 * menu->fontMetrics().averageCharWidth())
                    cut.append(a->text());
            }
            menu->close();
        });
        Q_EMIT m_page->table()->customContextMenuRequested(pos);
        QVERIFY(sawMenu);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral(" | "))));
        QVERIFY(sawNote);
    }

    void missingFieldsAreCountedInTheStatus()
    {
        apitest::FakeHttpServer server;
        QVERIFY(server.listen());
        // Six entries, every second one with a null actor.
        QByteArray page = R"({"success":true,"errors":[],"result":[)";
        for (int i = 0; i < 6; ++i) {
            QByteArray entry = R"({"id":"e@I","action":{"time":"@T","type":"create"},"actor":@A})";
            entry.replace("@I", QByteArray::number(i));
            entry.replace("@A", i % 2 ? QByteArray("null") : QByteArray(R"({"email":"a@example.com"})"));
            page += (i ? "," : "") + entry;
        }
        page += R"(],"result_info":{"count":"6"}})";
        page.replace("@T", rfc3339(QDateTime::currentMSecsSinceEpoch() - 60000).toUtf8());
        server.setHandler(
            [page](const apitest::FakeRequest &) { return apitest::FakeReply::json(200, page); });
        api::Client client;
        client.setBaseUrl(QUrl(server.baseUrl()));
        client.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        m_page = createPage();
        m_session->setClient(&client);
        m_loaded = std::make_unique<QSignalSpy>(m_page->controller(), &models::AuditController::loadFinished);
        showPage();
        QVERIFY(waitLoad());
        QCOMPARE(m_page->model()->rowCount(), 6);
        const QString status = m_page->progressLabel()->text();
        QVERIFY2(status.contains(QStringLiteral("3 entries had missing fields")), qPrintable(status));
        QVERIFY2(m_page->progressLabel()->toolTip().contains(QStringLiteral("result[1].actor")),
                 qPrintable(m_page->progressLabel()->toolTip()));
        int dashes = 0;
        for (int r = 0; r < 6; ++r)
            dashes += m_page->model()->index(r, int(Column::Actor)).data().toString() == QStringLiteral("—");
        QCOMPARE(dashes, 3);
        closePage();
    }

    void ignoredServerFilterIsShownInTheBar()
    {
        testsupport::SimulatorProcess ignoring({QStringLiteral("--audit-events"), QStringLiteral("3000"),
                                                QStringLiteral("--usage-days"), QStringLiteral("2"),
                                                QStringLiteral("--ignore-positive-filters")});
        QVERIFY2(ignoring.start(), qPrintable(ignoring.errorString()));
        api::Client client;
        client.setBaseUrl(QUrl(ignoring.baseUrl()));
        client.setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        m_page = createPage();
        m_session->setClient(&client);
        m_loaded = std::make_unique<QSignalSpy>(m_page->controller(), &models::AuditController::loadFinished);
        showPage();
        QVERIFY(waitLoad());
        Model *model = m_page->model();
        const int total = model->rowCount();
        QVERIFY(total > 0);
        auto *note = m_page->queryBar()->findChild<QLabel *>(QStringLiteral("auditServerNote"));
        QVERIFY2(note, "the query bar has a line for filters the server did not apply");
        QVERIFY(!note->isVisible());

        const QString method = model->index(0, int(Column::Method)).data().toString();
        QVERIFY(m_page->filterToCell(model->index(0, int(Column::Method)), false));
        m_loaded = std::make_unique<QSignalSpy>(m_page->controller(), &models::AuditController::loadFinished);
        m_page->run();
        QVERIFY(waitLoad());
        QVERIFY(model->rowCount() < total);
        for (int r = 0; r < model->rowCount(); ++r)
            QCOMPARE(model->index(r, int(Column::Method)).data().toString(), method);
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QStringLiteral("Method")), qPrintable(note->text()));
        closePage();
        ignoring.stop();
    }

    void cleanupTestCase() { m_sim.stop(); }

private:
    qint64 serverCount(const QString &orgId) { return testsupport::serverAuditCount(m_client, orgId); }

    void renameOrganization(const QString &name) { testsupport::renameOrganization(m_client, m_orgId, name); }

    ui::AuditLogPage *createPage()
    {
        m_session = new models::Session(this);
        m_session->setClient(m_client);
        m_session->setOrganization(m_orgId, m_orgName);
        // The session owns the controller: it outlives the page (closePage deletes the page first).
        auto *controller = new models::AuditController(m_session, m_session);
        controller->setArchiveDirectory(m_archiveDir->path());
        auto *page = new ui::AuditLogPage(m_session, controller, nullptr);
        page->queryBar()->setPreset(ui::AuditQueryBar::Preset::Last18Months);
        page->resize(1300, 800);
        return page;
    }

    void showPage()
    {
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page));
    }

    void openPage()
    {
        m_page = createPage();
        m_loaded = std::make_unique<QSignalSpy>(m_page->controller(), &models::AuditController::loadFinished);
        showPage();
    }

    bool waitLoad()
    {
        if (!m_loaded)
            m_loaded =
                std::make_unique<QSignalSpy>(m_page->controller(), &models::AuditController::loadFinished);
        const bool ok = m_loaded->count() > 0 || m_loaded->wait(30000);
        m_loaded.reset();
        return ok && !m_page->isLoading();
    }

    void closePage()
    {
        m_loaded.reset();
        delete m_page;
        m_page = nullptr;
        delete m_session;
        m_session = nullptr;
    }

    testsupport::SimulatorProcess m_sim{kSimArgs};
    api::Client *m_client = nullptr;
    QString m_orgId;
    QString m_orgName;
    qint64 m_serverCount = 0;
    std::unique_ptr<QTemporaryDir> m_archiveDir;
    models::Session *m_session = nullptr;
    ui::AuditLogPage *m_page = nullptr;
    std::unique_ptr<QSignalSpy> m_loaded;
};

QTEST_MAIN(TestAuditPage)
#include "tst_auditpage.moc"
