// The main flows by keyboard alone (docs/ACCESSIBILITY.md): every step is a
// key press on the focused widget (QTest::keyClick), including the typing
// into the real dialogs and menus the flows open; no click, no direct call.

#include "a11ywalk.h"

#include "models/audit/auditenums.h"
#include "models/audit/audittablemodel.h"
#include "models/members/membersmodel.h"
#include "models/organizations/organizationtreemodel.h"
#include "models/usage/usagecontroller.h"
#include "ui/audit/auditlogpage.h"
#include "ui/audit/audittimeline.h"
#include "ui/common/pluralforms.h"
#include "ui/members/memberspage.h"
#include "ui/organizations/organizationspage.h"
#include "ui/usage/usagebarchart.h"
#include "ui/usage/usagepage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDateTime>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QTreeView>

namespace {

const QStringList kSimArgs{QStringLiteral("--audit-events"), QStringLiteral("400"),
                           QStringLiteral("--usage-days"), QStringLiteral("40")};

QWidget *g_window = nullptr;

QWidget *focused()
{
    return QApplication::focusWidget();
}

// A key press where the keyboard is: the focused widget, else the window.
void key(Qt::Key k, Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    QWidget *target = focused() ? focused() : QApplication::activeWindow();
    QTest::keyClick(target ? target : g_window, k, mods);
}

// After a modal dialog closed: a window manager gives the activation back to
// the main window; the offscreen platform has none, so the test does it.
bool backToWindow()
{
    if (QApplication::activeWindow() != g_window) {
        g_window->activateWindow();
        if (!QTest::qWaitForWindowActive(g_window))
            return false;
    }
    // A closed popup may leave no focus widget; Tab gives the window's first one the focus.
    if (!focused())
        QTest::keyClick(g_window, Qt::Key_Tab);
    return focused() != nullptr;
}

// Tab until `target` has the focus; false when the tab chain never reaches it.
bool tabTo(QWidget *target, int limit = 80)
{
    if (!backToWindow())
        return false;
    QStringList seen{
        QStringLiteral("from ") + (focused() ? a11y::describe(focused()) : QStringLiteral("(none)")) +
        QStringLiteral(" active ") +
        (QApplication::activeWindow() ? a11y::describe(QApplication::activeWindow()) : QString())};
    for (int i = 0; i < limit && focused() != target; ++i) {
        key(Qt::Key_Tab);
        seen << (focused() ? a11y::describe(focused()) : QStringLiteral("(none)"));
    }
    if (focused() != target)
        qWarning("Tab visited: %s", qPrintable(seen.mid(0, 30).join(QStringLiteral("\n"))));
    return focused() == target;
}

// Runs `keys` on the next modal dialog or popup once it is up (they run in
// their own event loop, inside the key press that opened them).
void onNextModal(std::function<void(QWidget *)> keys, int attempts = 200)
{
    QTimer::singleShot(25, qApp, [keys = std::move(keys), attempts] {
        QWidget *modal = QApplication::activePopupWidget();
        if (!modal)
            modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible()) {
            if (attempts > 0)
                onNextModal(keys, attempts - 1);
            return;
        }
        keys(modal);
    });
}

// Selects everything in the dialog's focused field, types text, presses Return.
void typeAndAccept(const QString &text)
{
    onNextModal([text](QWidget *dialog) {
        QWidget *field = dialog->focusWidget() ? dialog->focusWidget() : dialog;
        QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(field, text);
        QTest::keyClick(field, Qt::Key_Return);
    });
}

} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("keyboard"));
        ui::installPluralForms(QCoreApplication::instance());
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
        m_console.open(m_sim, this);
        g_window = m_console.window.get();
    }

    void createAndRenameAnOrganization()
    {
        QVERIFY(backToWindow());
        key(Qt::Key_1, Qt::ControlModifier);
        auto *page = this->page<ui::OrganizationsPage>();
        QTRY_VERIFY(page->isVisible());
        auto *tree = page->findChild<QTreeView *>(QStringLiteral("organizationTree"));
        QTRY_VERIFY_WITH_TIMEOUT(tree->model()->rowCount() > 0, 20000);
        QVERIFY2(tabTo(tree), "the tree is not in the tab chain");
        key(Qt::Key_Home);
        QTRY_COMPARE(page->currentOrganizationId(), m_console.orgId);

        const QString name = QStringLiteral("Keyboard %1").arg(QDateTime::currentMSecsSinceEpoch() % 100000);
        QSignalSpy finished(page, &ui::OrganizationsPage::operationFinished);
        typeAndAccept(name);
        key(Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 20000);
        QVERIFY(finished.first().first().toBool());
        QVERIFY(backToWindow());

        // Find it by typing: Ctrl+F, the name, then into the tree and down to it.
        key(Qt::Key_F, Qt::ControlModifier);
        QVERIFY(qobject_cast<QLineEdit *>(focused()));
        QTest::keyClicks(focused(), name);
        QVERIFY(tabTo(tree));
        for (int i = 0; i < 40 && tree->currentIndex().data().toString() != name; ++i)
            key(Qt::Key_Down);
        QCOMPARE(tree->currentIndex().data().toString(), name);

        typeAndAccept(name + QStringLiteral(" renamed"));
        key(Qt::Key_F2);
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 2, 20000);
        QVERIFY(finished.last().first().toBool());
        QVERIFY(backToWindow());
        QTRY_COMPARE(tree->currentIndex().data().toString(), name + QStringLiteral(" renamed"));

        // Back to the root organization (the other flows use its data): clear the search, Home in the tree.
        key(Qt::Key_F, Qt::ControlModifier);
        QTest::keyClick(focused(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(focused(), Qt::Key_Delete);
        QVERIFY(tabTo(tree));
        key(Qt::Key_Home);
        QTRY_COMPARE(m_console.session.organizationId(), m_console.orgId);
    }

    void inviteAndRemoveAMember()
    {
        QVERIFY(backToWindow());
        key(Qt::Key_2, Qt::ControlModifier);
        auto *page = this->page<ui::MembersPage>();
        QTRY_VERIFY(page->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() > 0 && !page->isLoading(), 20000);
        const int before = page->model()->rowCount();
        const QString email =
            QStringLiteral("keys-%1@newcomer.example").arg(QDateTime::currentMSecsSinceEpoch() % 100000);

        // Ctrl+I opens the invite dialog with the focus in the address field; Return sends.
        key(Qt::Key_I, Qt::ControlModifier);
        QTRY_VERIFY(focused() && focused()->objectName() == QStringLiteral("singleEmail"));
        QTest::keyClicks(focused(), email);
        key(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() == before + 1, 20000);
        QVERIFY(backToWindow());

        // Ctrl+F filters to it, Tab reaches the table, Delete asks, the keys confirm.
        key(Qt::Key_F, Qt::ControlModifier);
        QTest::keyClick(focused(), Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(focused(), email);
        auto *table = page->findChild<QTableView *>(QStringLiteral("membersTable"));
        QVERIFY(tabTo(table));
        key(Qt::Key_Home, Qt::ControlModifier);
        key(Qt::Key_Space, Qt::ControlModifier);
        QTRY_VERIFY(table->selectionModel()->hasSelection());
        QCOMPARE(table->currentIndex().siblingAtColumn(models::MembersModel::EmailColumn).data().toString(),
                 email);
        onNextModal([](QWidget *box) {
            // Cancel is the default: Tab to the destructive button, Space presses it.
            auto *mb = qobject_cast<QMessageBox *>(box);
            QAbstractButton *yes = nullptr;
            for (QAbstractButton *b : mb->buttons())
                if (mb->buttonRole(b) == QMessageBox::DestructiveRole)
                    yes = b;
            for (int i = 0; i < 8 && mb->focusWidget() != yes; ++i)
                QTest::keyClick(mb->focusWidget() ? mb->focusWidget() : mb, Qt::Key_Tab);
            QTest::keyClick(mb->focusWidget(), Qt::Key_Space);
        });
        key(Qt::Key_Delete);
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() == before, 20000);
        QVERIFY(backToWindow());
    }

    void runAnAuditQueryAndFilterToACell()
    {
        QVERIFY(backToWindow());
        key(Qt::Key_3, Qt::ControlModifier);
        auto *page = this->page<ui::AuditLogPage>();
        QTRY_VERIFY(page->isVisible());
        key(Qt::Key_Return, Qt::ControlModifier); // Run
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading() && page->model()->rowCount() > 0, 30000);

        // The timeline: End, Shift+Left twice, Enter narrows the table to three buckets.
        ui::AuditTimeline *timeline = page->timeline();
        QVERIFY2(tabTo(timeline), "the timeline is not in the tab chain");
        QSignalSpy range(timeline, &ui::AuditTimeline::rangeSelected);
        QTRY_VERIFY2(timeline->histogram().buckets().size() >= 3,
                     qPrintable(QString::number(timeline->histogram().buckets().size())));
        key(Qt::Key_End);
        key(Qt::Key_Left, Qt::ShiftModifier);
        key(Qt::Key_Left, Qt::ShiftModifier);
        QCOMPARE(timeline->anchorBucket() - timeline->cursorBucket(), 2);
        key(Qt::Key_Return);
        QCOMPARE(range.size(), 1);
        const auto [from, to] =
            timeline->histogram().spanRange(timeline->cursorBucket(), timeline->cursorBucket() + 2);
        QCOMPARE(range.first().at(0).toLongLong(), from);
        QCOMPARE(range.first().at(1).toLongLong(), to);
        QTRY_VERIFY(page->model()->rowCount() > 0);

        // The table: to the Actor column of the first row, Shift+F10, Down, Enter.
        QTableView *table = page->table();
        QVERIFY(tabTo(table));
        key(Qt::Key_Home, Qt::ControlModifier);
        const int actor = int(models::AuditColumn::Actor);
        for (int i = 0; i < 20 && table->currentIndex().column() != actor; ++i)
            key(Qt::Key_Right);
        QCOMPARE(table->currentIndex().column(), actor);
        const QString value = table->currentIndex().data(models::AuditTableModel::TextRole).toString();
        onNextModal([](QWidget *menu) {
            QTest::keyClick(menu, Qt::Key_Down);
            QTest::keyClick(menu, Qt::Key_Return);
        });
        key(Qt::Key_F10, Qt::ShiftModifier);
        QVERIFY(backToWindow());
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading(), 30000);
        QTRY_VERIFY(page->model()->rowCount() > 0);
        for (int r = 0; r < page->model()->rowCount(); ++r)
            QCOMPARE(page->model()->index(r, actor).data(models::AuditTableModel::TextRole).toString(),
                     value);

        // The column's value filter popup by Alt+Down: Space unchecks the first value, Ctrl+Return applies.
        QVERIFY(tabTo(table));
        key(Qt::Key_Home, Qt::ControlModifier);
        for (int i = 0; i < 20 && table->currentIndex().column() != int(models::AuditColumn::Result); ++i)
            key(Qt::Key_Right);
        const int before = page->model()->rowCount();
        // The popup lists the values of every loaded entry, so its first value
        // may be absent from the rows shown: Down to the current row's value.
        const QString result = table->currentIndex().data(models::AuditTableModel::TextRole).toString();
        key(Qt::Key_Down, Qt::AltModifier);
        QTRY_VERIFY(QApplication::activePopupWidget());
        QCOMPARE(QApplication::activePopupWidget()->objectName(), QStringLiteral("auditValueFilterPopup"));
        auto *values = QApplication::activePopupWidget()->findChild<QListWidget *>();
        QVERIFY(values);
        const QList<QListWidgetItem *> matches =
            values->findItems(result + QStringLiteral("  ("), Qt::MatchStartsWith);
        QVERIFY2(!matches.isEmpty(), qPrintable(result));
        for (int i = values->row(matches.first()); i > 0; --i)
            QTest::keyClick(QApplication::activePopupWidget()->focusWidget(), Qt::Key_Down);
        QCOMPARE(values->currentItem(), matches.first());
        QTest::keyClick(QApplication::activePopupWidget()->focusWidget(), Qt::Key_Space);
        QTest::keyClick(QApplication::activePopupWidget()->focusWidget(), Qt::Key_Return,
                        Qt::ControlModifier);
        QTRY_VERIFY(!QApplication::activePopupWidget());
        QTRY_VERIFY(page->model()->rowCount() < before);
    }

    void drillIntoAUsageGroup()
    {
        QVERIFY(backToWindow());
        key(Qt::Key_4, Qt::ControlModifier);
        auto *page = this->page<ui::UsagePage>();
        QTRY_VERIFY(page->isVisible());
        QVERIFY(backToWindow());
        QTRY_VERIFY_WITH_TIMEOUT(page->barChart()->seriesCount() > 0, 30000);
        const qsizetype filters = page->controller()->query().filters.size();
        QVERIFY2(tabTo(page->barChart()), "the chart is not in the tab chain");
        key(Qt::Key_End);
        key(Qt::Key_Home);
        key(Qt::Key_Right);
        QCOMPARE(page->barChart()->currentGroup(), std::min(1, page->barChart()->seriesCount() - 1));
        QVERIFY(page->barChart()->accessibleDescription().startsWith(QStringLiteral("Selected:")));
        key(Qt::Key_Return);
        QTRY_COMPARE(page->controller()->query().filters.size(), filters + 1);
    }

    void cleanupTestCase()
    {
        m_console.window.reset();
        m_sim.stop();
    }

private:
    template <typename P> P *page() const { return m_console.page<P>(); }

    testsupport::SimulatorProcess m_sim{kSimArgs};
    a11y::Console m_console;
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
