#pragma once
// The Watch page: the watch rules (on/off, new from the Audit log's current
// query, edit, remove, check now) and the entries they matched, newest
// first, unread in bold, each opening in the Audit log. Desktop
// notifications come from the DesktopNotifier the page owns; the polling,
// burst rule and persistence are the WatchController's (models/watch/).

#include "ui/common/page.h"

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace models {
struct AuditWatchQuery;
struct WatchRule;
class AuditController;
class WatchController;
} // namespace models

namespace ui {

class DesktopNotifier;

class WatchPage : public Page
{
    Q_OBJECT
public:
    // controller is not owned; audit (may be null) gives "New rule from the Audit log query".
    WatchPage(models::Session *session, models::WatchController *controller, models::AuditController *audit,
              QWidget *parent = nullptr);

    QString title() const override;
    QString iconName() const override { return QStringLiteral("view-watch"); }
    void refresh() override;

    models::WatchController *controller() const { return m_controller; }
    DesktopNotifier *notifier() const { return m_notifier; }
    QListWidget *rulesList() const { return m_rules; }
    QTableView *matchesView() const { return m_matches; }
    QPushButton *openButton() const { return m_open; }

    // Intents.
    void newRuleFromAuditQuery();
    // "Watch Current View…" (Views menu): a new rule with the view's name and query, in the rule dialog.
    void newRuleFromView(const QString &viewName, const models::AuditWatchQuery &query);
    // A budget and anomaly rule for the organization shown (UsageRuleDialog).
    void newUsageRule();
    void editSelectedRule();
    void removeSelectedRule();
    void openSelectedMatch();

private:
    void rebuildRules();
    void updateStatus();
    void openNewRuleDialog(const models::WatchRule &rule);
    void openUsage(const QString &organizationId, const QString &organizationName, const QString &group);
    QString selectedRuleId() const;

    models::WatchController *m_controller;
    models::AuditController *m_audit;
    DesktopNotifier *m_notifier;
    QLabel *m_status;
    QListWidget *m_rules;
    QTableView *m_matches;
    QPushButton *m_open;
    QPushButton *m_edit;
    QPushButton *m_remove;
    bool m_rebuilding = false;
};

} // namespace ui
