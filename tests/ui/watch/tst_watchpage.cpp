// The Watch page in the real shell: a rule's matches list in the page, and
// both "Open in Audit log" and a click on a desktop notification show that
// very entry in the Audit log (switching the organization when needed).
#include "testsupport/simulatorhttp.h"
#include "testsupport/simulatorprocess.h"

#include "ui/audit/auditlogpage.h"
#include "ui/common/page.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/pagefactory.h"
#include "ui/watch/desktopnotifier.h"
#include "ui/watch/usageruledialog.h"
#include "ui/watch/watchfiltereditor.h"
#include "ui/watch/watchpage.h"
#include "ui/watch/watchruledialog.h"

#include "models/audit/audittablemodel.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "models/watch/watchcontroller.h"

#include "api/client.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using testsupport::SimulatorProcess;

class TestWatchPage : public QObject
{
    Q_OBJECT

    SimulatorProcess m_sim{{QStringLiteral("--audit-events"), QStringLiteral("500"),
                            QStringLiteral("--live-events"), QStringLiteral("1/h")}};
    QNetworkAccessManager m_nam;

    void send(const QByteArray &verb, const QString &path, const QUrlQuery &query = {})
    {
        testsupport::simulatorSend(m_nam, m_sim.baseUrl(), verb, path, query);
    }

    // Both tests' console: the real shell on the simulator showing its root
    // organization (the first listed; `other` is the second), the Watch
    // controller keeping its rules in a folder of its own.
    struct Shell
    {
        QString root;
        QString other;
        api::Client client;
        models::AppSettings settings;
        models::Session session;
        models::ActivityLog activity;
        std::unique_ptr<ui::MainWindow> window; // before the folder: destroyed after it, as it was
        QTemporaryDir dir;
        ui::WatchPage *watch = nullptr;
        QStackedWidget *stack = nullptr;
        models::WatchController *controller = nullptr;
    };
    // connected: the session's state says so before the window is built.
    void openShell(Shell &shell, bool connected)
    {
        const QJsonArray orgs =
            QJsonDocument::fromJson(
                testsupport::simulatorSend(m_nam, m_sim.baseUrl(), "GET", QStringLiteral("/organizations")))
                .object()
                .value(QStringLiteral("result"))
                .toArray();
        QVERIFY(orgs.size() > 1);
        shell.root = orgs.at(0).toObject().value(QStringLiteral("id")).toString();
        shell.other = orgs.at(1).toObject().value(QStringLiteral("id")).toString();
        shell.client.setBaseUrl(QUrl(m_sim.baseUrl()));
        shell.client.setCredentials({SimulatorProcess::demoToken(), {}, {}});
        shell.session.setClient(&shell.client);
        if (connected)
            shell.session.setState(models::Session::State::Connected);
        shell.session.setOrganization(shell.root, QStringLiteral("Acme Holdings"));
        shell.window = std::make_unique<ui::MainWindow>(&shell.session, &shell.activity, &shell.settings);
        ui::MainWindow *window = shell.window.get();
        for (ui::Page *p :
             ui::createPages({&shell.session, &shell.activity, &shell.settings, window->navigator()}, window))
            window->addPage(p);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        shell.watch = window->findChild<ui::WatchPage *>(QStringLiteral("watchPage"));
        shell.stack = window->findChild<QStackedWidget *>(QStringLiteral("pages"));
        QVERIFY(shell.watch && shell.stack);
        shell.controller = shell.watch->controller();
        shell.controller->setStorageDirectory(shell.dir.path());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("OrgscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("watchpage"));
        QVERIFY2(m_sim.start(), qPrintable(m_sim.errorString()));
    }

    void openAndNotificationClickShowTheEntry()
    {
        QUrlQuery paused;
        paused.addQueryItem(QStringLiteral("pause"), QStringLiteral("true"));
        send("POST", QStringLiteral("/__sim/live-events"), paused);
        Shell shell;
        openShell(shell, true);
        QVERIFY(!QTest::currentTestFailed());
        models::WatchController *c = shell.controller;
        auto *audit = shell.window->findChild<ui::AuditLogPage *>(QStringLiteral("auditPage"));
        QVERIFY(audit);
        QStringList notified;
        connect(shell.watch->notifier(), &ui::DesktopNotifier::notified, this,
                [&](const QString &key) { notified << key; });

        models::WatchRule rule;
        rule.name = QStringLiteral("everything");
        rule.organizationId = shell.root;
        rule.organizationName = QStringLiteral("Acme Holdings");
        const QString id = c->addRule(rule);
        QTRY_VERIFY_WITH_TIMEOUT((c->pollNow(), c->rule(id)->position.isSet()), 60000);
        QUrlQuery burst;
        burst.addQueryItem(QStringLiteral("count"), QStringLiteral("12"));
        send("POST", QStringLiteral("/__sim/live-events"), burst);
        QTRY_VERIFY_WITH_TIMEOUT((c->pollNow(), c->matches()->rowCount() >= 3), 60000);
        QCOMPARE(notified.size(), c->matches()->rowCount() <= 5 ? c->matches()->rowCount() : 1);

        // "Open in Audit log" on the second match.
        shell.window->showPage(shell.window->pageIndex(QStringLiteral("watchPage")));
        const QString second = c->matches()->at(1).entryId;
        shell.watch->matchesView()->selectRow(1);
        QVERIFY(shell.watch->openButton()->isEnabled());
        QSignalSpy details(audit, &ui::AuditLogPage::detailsLoaded);
        QTest::mouseClick(shell.watch->openButton(), Qt::LeftButton);
        QCOMPARE(shell.stack->currentWidget(), audit);
        QTRY_VERIFY_WITH_TIMEOUT(!details.isEmpty() && details.last().at(0).toString() == second, 60000);
        QCOMPARE(audit->model()->rowCount(), 1);
        QVERIFY(!c->matches()->at(1).unread);
        QVERIFY(c->matches()->at(0).unread);

        // A click on the notification of the newest match, from another organization.
        shell.session.setOrganization(shell.other, QStringLiteral("Acme EMEA"));
        shell.window->showPage(shell.window->pageIndex(QStringLiteral("watchPage")));
        const models::WatchMatch newest = c->matches()->at(0);
        details.clear();
        Q_EMIT shell.watch->notifier()->activated(
            models::WatchController::notificationKey(newest.ruleId, newest.entryId));
        QCOMPARE(shell.session.organizationId(), shell.root);
        QCOMPARE(shell.stack->currentWidget(), audit);
        QTRY_VERIFY_WITH_TIMEOUT(!details.isEmpty() && details.last().at(0).toString() == newest.entryId,
                                 60000);
        QVERIFY(!c->matches()->at(0).unread);

        // A summary notification's click shows the list.
        Q_EMIT shell.watch->notifier()->activated(QStringLiteral("summary"));
        QCOMPARE(shell.stack->currentWidget(), shell.watch);
        shell.window->close();
    }

    // "New Budget/Anomaly Rule…" makes a usage rule from its dialog; a usage
    // match's "Show in Usage" switches to its organization and shows the Usage page.
    void usageRuleAndShowInUsage()
    {
        Shell shell;
        openShell(shell, false);
        QVERIFY(!QTest::currentTestFailed());
        models::WatchController *c = shell.controller;
        auto *usagePage = shell.window->findChild<ui::Page *>(QStringLiteral("usagePage"));
        QVERIFY(usagePage);
        shell.window->showPage(shell.window->pageIndex(QStringLiteral("watchPage")));

        auto *newUsage = shell.watch->findChild<QPushButton *>(QStringLiteral("watchNewUsageRule"));
        QVERIFY(newUsage && !newUsage->accessibleName().isEmpty());
        QTest::mouseClick(newUsage, Qt::LeftButton);
        auto *dialog = shell.watch->findChild<ui::UsageRuleDialog *>();
        QVERIFY(dialog);
        QVERIFY(!dialog->thresholdsEdit()->accessibleName().isEmpty());
        dialog->thresholdsEdit()->setText(QStringLiteral("ninety"));
        dialog->accept();
        QVERIFY(dialog->isVisible()); // refused, says why
        QVERIFY(c->rules().isEmpty());
        dialog->thresholdsEdit()->setText(QStringLiteral("90, 50"));
        dialog->anomaliesBox()->setChecked(false);
        dialog->accept();
        QCOMPARE(c->rules().size(), 1);
        const models::WatchRule rule = c->rules().first();
        QCOMPARE(rule.kind, models::WatchRule::Kind::Usage);
        QCOMPARE(rule.organizationId, shell.root);
        QCOMPARE(rule.usage.thresholdsPercent, (QList<int>{50, 90}));
        QVERIFY(!rule.usage.anomalies && rule.usage.budgets);
        QVERIFY(shell.watch->rulesList()->item(0)->text().contains(QLatin1String("50 %")));

        models::WatchMatch m;
        m.ruleId = rule.id;
        m.ruleName = rule.name;
        m.organizationId = shell.other;
        m.organizationName = QStringLiteral("Acme EMEA");
        m.entryId = QStringLiteral("budget/total/2026-03/100%@10");
        m.summary = QStringLiteral("Monthly budget: 12.00 USD spent this month, 120 % of 10.00 USD");
        m.usage = true;
        c->matches()->prepend({m});
        shell.watch->matchesView()->selectRow(0);
        QVERIFY(shell.watch->openButton()->text().contains(QLatin1String("Usage")));
        QTest::mouseClick(shell.watch->openButton(), Qt::LeftButton);
        QCOMPARE(shell.session.organizationId(), shell.other);
        QCOMPARE(shell.stack->currentWidget(), usagePage);
        QVERIFY(!c->matches()->at(0).unread);
        shell.window->close();
    }

    // An audit rule's filters edited one row at a time: key, is / is not, value.
    void ruleFiltersEditedPerRow()
    {
        models::WatchRule rule;
        rule.id = QStringLiteral("r");
        rule.name = QStringLiteral("deletes");
        rule.organizationId = QStringLiteral("org");
        QString error;
        QVERIFY(rule.query.setFilterText(QStringLiteral("action_type=delete\nactor_email!=bot@example.com"),
                                         &error));
        ui::WatchRuleDialog dialog(rule);
        ui::WatchFilterEditor *editor = dialog.filtersEdit();
        QCOMPARE(editor->rowCount(), 2);
        auto *op = qobject_cast<QComboBox *>(editor->table()->cellWidget(1, 1));
        QVERIFY(op && op->currentIndex() == 1 && !op->accessibleName().isEmpty());
        // Change the first row's value, drop the second, add a third.
        qobject_cast<QLineEdit *>(editor->table()->cellWidget(0, 2))->setText(QStringLiteral("update"));
        editor->table()->setCurrentCell(1, 2);
        editor->removeCurrentRow();
        editor->addRow(QStringLiteral("actor_ip_address"), true, QStringLiteral("10.0.0.1"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const models::AuditWatchQuery q = dialog.rule().query;
        QCOMPARE(q.filters.actionType.include, QStringList{QStringLiteral("update")});
        QVERIFY(q.filters.actorEmail.exclude.isEmpty());
        QCOMPARE(q.filters.actorIpAddress.exclude, QStringList{QStringLiteral("10.0.0.1")});
    }

    // What both rule dialogs share: the name (required), the organization,
    // the interval (seconds for an audit rule, minutes for a usage rule), the
    // on switch, the error line, in this tab order around their own fields.
    void ruleDialogsShareNameIntervalAndSwitch()
    {
        models::WatchRule rule;
        rule.id = QStringLiteral("r");
        rule.name = QStringLiteral("deletes");
        rule.organizationId = QStringLiteral("org");
        rule.organizationName = QStringLiteral("Acme EMEA");
        rule.intervalSeconds = 600;
        rule.usage.thresholdsPercent = {80, 100};
        rule.usage.budgets = true;

        ui::WatchRuleDialog audit(rule);
        QCOMPARE(audit.intervalBox()->value(), 600);
        QVERIFY(audit.intervalBox()->suffix().contains(QLatin1Char('s')));
        checkCommonFields(audit, audit.nameEdit(), audit.intervalBox(), audit.searchEdit());
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(audit.rule().name, QStringLiteral("renamed"));
        QVERIFY(!audit.rule().enabled);
        QCOMPARE(audit.rule().intervalSeconds, 120);

        ui::UsageRuleDialog usage(rule);
        QCOMPARE(usage.intervalBox()->value(), 10);
        QVERIFY(usage.intervalBox()->suffix().contains(QLatin1String("min")));
        checkCommonFields(usage, usage.nameEdit(), usage.intervalBox(), usage.anomaliesBox());
        QVERIFY(!QTest::currentTestFailed());
        QCOMPARE(usage.rule().name, QStringLiteral("renamed"));
        QVERIFY(!usage.rule().enabled);
        QCOMPARE(usage.rule().intervalSeconds, 120 * 60);
        QCOMPARE(usage.rule().kind, models::WatchRule::Kind::Usage);
    }

private:
    // Sets the interval to 120 (the dialog's unit); `own` is a field of the
    // dialog's own, between the name and the interval in the tab order.
    static void checkCommonFields(QDialog &dialog, QLineEdit *name, QSpinBox *interval, QWidget *own)
    {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QList<QCheckBox *> boxes = dialog.findChildren<QCheckBox *>();
        QCheckBox *enabled = nullptr;
        for (QCheckBox *b : boxes)
            if (b->text() == QLatin1String("Watching"))
                enabled = b;
        QVERIFY(enabled && enabled->isChecked());
        QCOMPARE(name->text(), QStringLiteral("deletes"));
        bool organizationShown = false;
        for (QLabel *l : dialog.findChildren<QLabel *>())
            organizationShown = organizationShown || l->text() == QLatin1String("Acme EMEA");
        QVERIFY(organizationShown);
        // Tab order: name, the dialog's own fields, interval, switch.
        QList<QWidget *> chain;
        for (QWidget *w = name; chain.size() < 40 && !chain.contains(w); w = w->nextInFocusChain())
            chain << w;
        QVERIFY(chain.indexOf(own) > 0);
        QVERIFY(chain.indexOf(interval) > chain.indexOf(own));
        QVERIFY(chain.indexOf(enabled) > chain.indexOf(interval));
        // An empty name is refused, with the reason on the dialog.
        name->setText(QStringLiteral("   "));
        dialog.accept();
        QVERIFY(dialog.isVisible());
        bool said = false;
        for (QLabel *l : dialog.findChildren<QLabel *>())
            said = said || (l->isVisible() && l->text() == QLatin1String("Give the rule a name."));
        QVERIFY(said);
        name->setText(QStringLiteral(" renamed "));
        interval->setValue(120);
        enabled->setChecked(false);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(!dialog.isVisible());
    }
};

QTEST_MAIN(TestWatchPage)
#include "tst_watchpage.moc"
