// The Audit log page showing a roll-up (orgscope-sim --sub-orgs 21, "Include
// sub-organizations" on): the timeline's "Split by organization" checkbox,
// worked by keyboard and remembered, stacks the bars by organization and
// lists them in a legend whose entries filter the table to one organization
// (which keeps its colour);
// a sub-organization's row shows its full entry in the details pane.

#include "api/client.h"
#include "api/organizationsapi.h"
#include "models/audit/auditcontroller.h"
#include "models/audit/audittablemodel.h"
#include "models/rollup/auditrollupcontroller.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "ui/audit/auditdetailspane.h"
#include "ui/audit/auditlogpage.h"
#include "ui/audit/auditorgsplitbar.h"
#include "ui/audit/auditquerybar.h"
#include "ui/audit/audittimeline.h"

#include "testsupport/orgtreesimulator.h"
#include "testsupport/simulatorprocess.h"

#include <QCheckBox>
#include <QLabel>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using Model = models::AuditTableModel;

namespace {
const QStringList kSimArgs = testsupport::subOrgArgs(21, 1500, 2);
constexpr int kOrganization = int(models::AuditColumn::Organization);
const QString kSplitKey = QStringLiteral("audit/timelineSplitByOrganization");
} // namespace

class TestAuditRollupPage : public QObject
{
    Q_OBJECT

    testsupport::SimulatorProcess m_sim{kSimArgs};
    api::Client *m_client = nullptr;
    QString m_root;
    QTemporaryDir m_archiveDir;
    models::Session *m_session = nullptr;
    ui::AuditLogPage *m_page = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("auditrollup"));
        models::AppSettings().setValue(kSplitKey, false);
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        m_client = new api::Client(this);
        m_client->setBaseUrl(QUrl(m_sim.baseUrl()));
        m_client->setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
        m_client->setRetryBaseDelay(10);
        m_root = testsupport::holdingsRoot(m_client).id;
        QVERIFY(!m_root.isEmpty());

        m_session = new models::Session(this);
        m_session->setClient(m_client);
        m_session->setOrganization(m_root, QStringLiteral("Holdings"));
        auto *controller = new models::AuditController(m_session, m_session);
        controller->setArchiveDirectory(m_archiveDir.path());
        controller->rollup()->setIncludeSubOrganizations(true);
        m_page = new ui::AuditLogPage(m_session, controller, nullptr);
        m_page->queryBar()->setPreset(ui::AuditQueryBar::Preset::Last18Months);
        m_page->resize(1300, 800);
        // The page opens its organization's archive first, as it does long before any Run in the app.
        QSignalSpy opened(controller, &models::AuditController::historyLoaded);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page));
        QVERIFY(opened.count() > 0 || opened.wait(20000));
        QSignalSpy merged(controller->rollup(), &models::AuditRollupController::merged);
        controller->setDraft(m_page->queryBar()->draft());
        controller->run();
        QVERIFY(merged.count() > 0 || merged.wait(180000));
        QVERIFY(merged.last().at(0).toBool());
        QVERIFY(m_page->model()->rowCount() > 100);
        // The status line speaks of the merged rows, not of the archive it opened first.
        auto *status = m_page->findChild<QLabel *>(QStringLiteral("auditProgress"));
        QVERIFY(status);
        QVERIFY2(status->text().startsWith(QStringLiteral("Roll-up: %1 entries")
                                               .arg(QLocale().toString(m_page->model()->store().rowCount()))),
                 qPrintable(status->text()));
    }

    void splitToggleAndLegendFilter()
    {
        auto *bar = m_page->findChild<ui::AuditOrgSplitBar *>();
        QVERIFY(bar);
        QVERIFY(bar->isVisible());
        auto *toggle = bar->findChild<QCheckBox *>(QStringLiteral("auditSplitByOrganization"));
        QVERIFY(toggle);
        QVERIFY(!toggle->isChecked());
        QVERIFY(!toggle->accessibleName().isEmpty());
        QVERIFY(bar->legendButtons().isEmpty());

        // By keyboard: focus and Space.
        toggle->setFocus();
        QTest::keyClick(toggle, Qt::Key_Space);
        QVERIFY(toggle->isChecked());
        QVERIFY(models::AppSettings().value(kSplitKey).toBool()); // remembered
        QTRY_VERIFY_WITH_TIMEOUT(m_page->timeline()->histogram().isSplit(), 20000);
        QTRY_VERIFY(!bar->legendButtons().isEmpty());
        // The legend scrolls rather than setting the page's minimum width.
        int legendWidth = 0;
        for (QToolButton *button : bar->legendButtons())
            legendWidth += button->sizeHint().width();
        QVERIFY2(bar->minimumSizeHint().width() < legendWidth,
                 qPrintable(QStringLiteral("%1 >= %2").arg(bar->minimumSizeHint().width()).arg(legendWidth)));
        const models::AuditHistogram h = m_page->timeline()->histogram();
        QCOMPARE(bar->legendButtons().size(), h.organizationSeries().size());
        for (QToolButton *b : bar->legendButtons()) {
            QVERIFY(b->isVisible());
            QVERIFY(!b->accessibleName().isEmpty());
            QVERIFY(b->focusPolicy() & Qt::TabFocus);
        }
        const auto &first = h.organizationSeries().first();
        QVERIFY(!first.isOther());
        QCOMPARE(bar->legendButtons().first()->text(), m_page->model()->organizationName(first.id));
        // The timeline's description names the organizations for a screen reader.
        QVERIFY(m_page->timeline()->accessibleDescription().contains(first.name));
        QVERIFY(bar->legendButtons().first()->toolTip().contains(first.path));

        // A legend entry filters the table to its organization, as the column filter does.
        QTest::mouseClick(bar->legendButtons().first(), Qt::LeftButton);
        QTRY_COMPARE(quint64(m_page->model()->rowCount()), first.total);
        QCOMPARE(m_page->model()->filter().columns[kOrganization].include, QSet<QString>{first.id});
        for (int r = 0; r < m_page->model()->rowCount(); ++r)
            QCOMPARE(m_page->model()->index(r, kOrganization).data(Model::FilterValueRole).toString(),
                     first.id);
        // The split follows the shown rows: one organization left.
        QTRY_COMPARE_WITH_TIMEOUT(m_page->timeline()->histogram().organizationSeries().size(), 1, 20000);
        QTRY_COMPARE(bar->legendButtons().size(), 1);
        // It keeps its colour.
        QVERIFY(first.color >= 0);
        QCOMPARE(m_page->timeline()->histogram().organizationSeries().first().color, first.color);
        m_page->model()->clearColumnFilter(kOrganization);

        QTest::keyClick(toggle, Qt::Key_Space);
        QVERIFY(!models::AppSettings().value(kSplitKey).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->timeline()->histogram().isSplit(), 20000);
        QVERIFY(bar->legendButtons().isEmpty());
    }

    void subOrganizationRowShowsItsBody()
    {
        // A sub-organization's row (its own archive) and one of the page's
        // organization (whose archive the page holds: the roll-up hands it its pages).
        Model *model = m_page->model();
        for (const bool sub : {true, false}) {
            int row = -1;
            for (int r = 0; r < model->rowCount() && row < 0; ++r)
                if ((model->index(r, kOrganization).data(Model::FilterValueRole).toString() != m_root) == sub)
                    row = r;
            QVERIFY(row >= 0);
            const QString id = model->index(row, 0).data(Model::EntryIdRole).toString();
            QSignalSpy details(m_page, &ui::AuditLogPage::detailsLoaded);
            m_page->table()->setCurrentIndex(model->index(row, 0));
            QCOMPARE(m_page->details()->entryId(), id);
            QVERIFY2(details.count() > 0 || details.wait(20000), sub ? "sub-organization" : "root");
            QCOMPARE(details.last().at(0).toString(), id);
            QVERIFY(m_page->details()->hasFullEntry());
            QVERIFY(m_page->details()->jsonText().contains(id));
        }
    }

    void cleanupTestCase()
    {
        delete m_page;
        m_page = nullptr;
        m_sim.stop();
    }
};

QTEST_MAIN(TestAuditRollupPage)
#include "tst_auditrolluppage.moc"
