#include "ui/watch/watchpage.h"

#include "ui/common/dialogs.h"
#include "ui/shell/navigator.h"
#include "ui/watch/desktopnotifier.h"
#include "ui/watch/usageruledialog.h"
#include "ui/watch/watchruledialog.h"

#include "models/audit/auditcontroller.h"
#include "models/session/session.h"
#include "models/watch/watchcontroller.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

namespace {
constexpr int kRuleIdRole = Qt::UserRole + 1;

models::WatchRule editedRule(QDialog *dialog)
{
    if (auto *usage = qobject_cast<UsageRuleDialog *>(dialog))
        return usage->rule();
    return static_cast<WatchRuleDialog *>(dialog)->rule();
}

QString usageRuleSummary(const models::UsageWatchSettings &s)
{
    QStringList parts;
    if (s.budgets) {
        QStringList percents;
        for (int t : s.thresholdsPercent)
            percents << QString::number(t) + QStringLiteral(" %");
        parts << WatchPage::tr("budget at %1").arg(percents.join(QStringLiteral(", ")));
    }
    if (s.forecast)
        parts << WatchPage::tr("forecast over budget");
    if (s.anomalies)
        parts << WatchPage::tr("cost anomalies");
    return parts.join(QStringLiteral(", "));
}
} // namespace

WatchPage::WatchPage(models::Session *session, models::WatchController *controller,
                     models::AuditController *audit, QWidget *parent)
    : Page(session, parent), m_controller(controller), m_audit(audit), m_notifier(new DesktopNotifier(this)),
      m_status(new QLabel(this)), m_rules(new QListWidget(this)), m_matches(new QTableView(this)),
      m_open(new QPushButton(tr("&Open in Audit log"), this)), m_edit(new QPushButton(tr("&Edit…"), this)),
      m_remove(new QPushButton(tr("&Remove"), this))
{
    setObjectName(QStringLiteral("watchPage"));
    m_status->setObjectName(QStringLiteral("watchStatus"));
    m_status->setWordWrap(true);
    m_rules->setObjectName(QStringLiteral("watchRules"));
    m_rules->setAccessibleName(tr("Watch rules"));
    m_matches->setObjectName(QStringLiteral("watchMatches"));
    m_matches->setAccessibleName(tr("Matched entries"));
    m_open->setObjectName(QStringLiteral("watchOpen"));

    auto *fromAudit = new QPushButton(tr("&New Rule from Audit Log Query…"), this);
    fromAudit->setObjectName(QStringLiteral("watchNewRule"));
    fromAudit->setToolTip(
        tr("Watch the organization shown for new entries that match the Audit log's current "
           "filters and search"));
    auto *newUsage = new QPushButton(tr("New &Budget/Anomaly Rule…"), this);
    newUsage->setObjectName(QStringLiteral("watchNewUsageRule"));
    newUsage->setAccessibleName(tr("New budget and anomaly rule"));
    newUsage->setToolTip(tr("Be notified when this organization's month to date reaches its budget, the "
                            "forecast goes over it, or its cost departs from its usual level"));
    auto *checkNow = new QPushButton(tr("&Check Now"), this);
    auto *markRead = new QPushButton(tr("&Mark All Read"), this);
    markRead->setObjectName(QStringLiteral("watchMarkAllRead"));

    m_matches->setModel(controller->matches());
    m_matches->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_matches->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matches->verticalHeader()->hide();
    m_matches->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_matches->horizontalHeader()->setStretchLastSection(false);
    m_matches->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matches->horizontalHeader()->setSectionResizeMode(models::WatchMatchesModel::Entry,
                                                        QHeaderView::Stretch);
    m_matches->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matches->setWordWrap(false);

    auto *rulesBox = new QWidget(this);
    auto *rulesLayout = new QVBoxLayout(rulesBox);
    rulesLayout->setContentsMargins(0, 0, 0, 0);
    auto *rulesTitle = new QLabel(tr("<b>Rules</b>"), rulesBox);
    rulesLayout->addWidget(rulesTitle);
    rulesLayout->addWidget(m_rules);
    auto *ruleButtons = new QHBoxLayout;
    for (QPushButton *b : {fromAudit, newUsage, m_edit, m_remove, checkNow})
        ruleButtons->addWidget(b);
    ruleButtons->addStretch();
    rulesLayout->addLayout(ruleButtons);

    auto *matchesBox = new QWidget(this);
    auto *matchesLayout = new QVBoxLayout(matchesBox);
    matchesLayout->setContentsMargins(0, 0, 0, 0);
    matchesLayout->addWidget(new QLabel(tr("<b>Matches</b>"), matchesBox));
    matchesLayout->addWidget(m_matches);
    auto *matchButtons = new QHBoxLayout;
    matchButtons->addWidget(m_open);
    matchButtons->addWidget(markRead);
    matchButtons->addStretch();
    matchesLayout->addLayout(matchButtons);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(rulesBox);
    splitter->addWidget(matchesBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);

    connect(fromAudit, &QPushButton::clicked, this, &WatchPage::newRuleFromAuditQuery);
    connect(newUsage, &QPushButton::clicked, this, &WatchPage::newUsageRule);
    connect(controller, &models::WatchController::openUsageRequested, this, &WatchPage::openUsage);
    connect(m_edit, &QPushButton::clicked, this, &WatchPage::editSelectedRule);
    connect(m_remove, &QPushButton::clicked, this, &WatchPage::removeSelectedRule);
    connect(checkNow, &QPushButton::clicked, controller, &models::WatchController::pollNow);
    connect(m_open, &QPushButton::clicked, this, &WatchPage::openSelectedMatch);
    connect(markRead, &QPushButton::clicked, controller, &models::WatchController::markAllRead);
    connect(m_matches, &QTableView::doubleClicked, this, &WatchPage::openSelectedMatch);
    connect(m_rules, &QListWidget::itemDoubleClicked, this, &WatchPage::editSelectedRule);
    connect(m_rules, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (!m_rebuilding)
            m_controller->setRuleEnabled(item->data(kRuleIdRole).toString(),
                                         item->checkState() == Qt::Checked);
    });
    connect(m_rules, &QListWidget::currentRowChanged, this, &WatchPage::updateStatus);
    connect(m_matches->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &WatchPage::updateStatus);

    connect(controller, &models::WatchController::rulesChanged, this, &WatchPage::rebuildRules);
    connect(controller, &models::WatchController::pollingChanged, this, &WatchPage::updateStatus);
    connect(controller->matches(), &models::WatchMatchesModel::unreadCountChanged, this,
            &WatchPage::updateStatus);
    connect(controller, &models::WatchController::ruleError, this,
            [this](const QString &id, const QString &message) {
                for (int i = 0; i < m_rules->count(); ++i)
                    if (m_rules->item(i)->data(kRuleIdRole).toString() == id)
                        m_rules->item(i)->setToolTip(
                            message.isEmpty() ? QString() : tr("Last check failed: %1").arg(message));
            });
    // Notifications: shown by the notifier, clicks come back to the controller.
    connect(controller, &models::WatchController::notificationRequested, m_notifier,
            &DesktopNotifier::notify);
    connect(m_notifier, &DesktopNotifier::activated, controller,
            &models::WatchController::activateNotification);
    connect(controller, &models::WatchController::showMatchesRequested, this, [this] {
        if (navigator())
            navigator()->showPage(PageId::Watch);
        window()->activateWindow();
    });
    connect(controller, &models::WatchController::openEntryRequested, this,
            [this](const QString &org, const QString &orgName, const QString &entryId, qint64 timeMs) {
                if (navigator())
                    navigator()->showAuditEntry(org, orgName, entryId, timeMs);
                window()->raise();
                window()->activateWindow();
            });
    rebuildRules();
}

QString WatchPage::title() const
{
    return tr("Watch");
}

void WatchPage::refresh()
{
    m_controller->pollNow();
}

QString WatchPage::selectedRuleId() const
{
    const QListWidgetItem *item = m_rules->currentItem();
    return item ? item->data(kRuleIdRole).toString() : QString();
}

void WatchPage::rebuildRules()
{
    const QString current = selectedRuleId();
    m_rebuilding = true;
    m_rules->clear();
    for (const models::WatchRule &r : m_controller->rules()) {
        const QString org = r.organizationName.isEmpty() ? r.organizationId : r.organizationName;
        const QString query = r.kind == models::WatchRule::Kind::Usage ? usageRuleSummary(r.usage)
                              : r.query.summary().isEmpty()            ? tr("every entry")
                                                                       : r.query.summary();
        auto *item = new QListWidgetItem(
            tr("%1 — %2 — %3 — every %4 s").arg(r.name, org, query).arg(r.intervalSeconds), m_rules);
        item->setData(kRuleIdRole, r.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(r.enabled ? Qt::Checked : Qt::Unchecked);
        if (r.id == current)
            m_rules->setCurrentItem(item);
    }
    m_rebuilding = false;
    updateStatus();
}

void WatchPage::updateStatus()
{
    const bool haveRule = !selectedRuleId().isEmpty();
    m_edit->setEnabled(haveRule);
    m_remove->setEnabled(haveRule);
    const QModelIndex match = m_matches->selectionModel()->currentIndex();
    m_open->setEnabled(match.isValid());
    const bool usage = match.isValid() && m_controller->matches()->at(match.row()).usage;
    m_open->setText(usage ? tr("&Show in Usage") : tr("&Open in Audit log"));
    const int rules = int(m_controller->rules().size());
    const int unread = m_controller->matches()->unreadCount();
    QString text;
    if (rules == 0)
        text = tr("No watch rules yet. Set up a query in the Audit log, then choose “New Rule from Audit Log "
                  "Query…” here: new entries that match raise a desktop notification. “New Budget/Anomaly "
                  "Rule…” does the same for budget warnings and cost anomalies.");
    else if (m_controller->isPolling())
        text = tr("Watching (%n rule(s)); checks share the request budget with the other pages.", nullptr,
                  rules);
    else
        text = tr("Not checking: rules are checked only while connected and switched on.");
    if (unread > 0)
        text += QLatin1Char(' ') + tr("%n unread match(es).", nullptr, unread);
    m_status->setText(text);
}

void WatchPage::newRuleFromAuditQuery()
{
    models::WatchRule rule;
    rule.organizationId = session()->organizationId();
    rule.organizationName = session()->organizationName();
    if (rule.organizationId.isEmpty()) {
        Dialogs::information(this, tr("New Watch Rule"), tr("Pick an organization first."));
        return;
    }
    if (m_audit) {
        const api::AuditQuery q = m_audit->draft().query(QDateTime::currentMSecsSinceEpoch());
        for (const api::AuditQuery::Field &f : api::AuditQuery::fields())
            rule.query.filters.*(f.member) = q.*(f.member);
    }
    rule.name = rule.query.summary().isEmpty() ? tr("Every new entry") : rule.query.summary();
    openNewRuleDialog(rule);
}

void WatchPage::newRuleFromView(const QString &viewName, const models::AuditWatchQuery &query)
{
    models::WatchRule rule;
    rule.organizationId = session()->organizationId();
    rule.organizationName = session()->organizationName();
    if (rule.organizationId.isEmpty()) {
        Dialogs::information(this, tr("Watch View"), tr("Pick an organization first."));
        return;
    }
    rule.name = viewName;
    rule.query = query;
    openNewRuleDialog(rule);
}

void WatchPage::newUsageRule()
{
    models::WatchRule rule;
    rule.kind = models::WatchRule::Kind::Usage;
    rule.organizationId = session()->organizationId();
    rule.organizationName = session()->organizationName();
    if (rule.organizationId.isEmpty()) {
        Dialogs::information(this, tr("New Watch Rule"), tr("Pick an organization first."));
        return;
    }
    rule.name = tr("Budgets and anomalies");
    rule.intervalSeconds = models::WatchRule::kDefaultUsageIntervalSeconds;
    openNewRuleDialog(rule);
}

void WatchPage::openNewRuleDialog(const models::WatchRule &rule)
{
    QDialog *dialog = rule.kind == models::WatchRule::Kind::Usage
                          ? static_cast<QDialog *>(new UsageRuleDialog(rule, this))
                          : new WatchRuleDialog(rule, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_controller->addRule(editedRule(dialog)); });
    dialog->open();
}

void WatchPage::editSelectedRule()
{
    const auto rule = m_controller->rule(selectedRuleId());
    if (!rule)
        return;
    QDialog *dialog = rule->kind == models::WatchRule::Kind::Usage
                          ? static_cast<QDialog *>(new UsageRuleDialog(*rule, this))
                          : new WatchRuleDialog(*rule, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { m_controller->updateRule(editedRule(dialog)); });
    dialog->open();
}

void WatchPage::openUsage(const QString &organizationId, const QString &organizationName,
                          const QString &group)
{
    Q_UNUSED(group) // the Usage page opens on the organization; the row names the family
    if (session()->organizationId() != organizationId)
        session()->setOrganization(organizationId, organizationName);
    if (navigator())
        navigator()->showPage(PageId::Usage);
    window()->raise();
    window()->activateWindow();
}

void WatchPage::removeSelectedRule()
{
    const auto rule = m_controller->rule(selectedRuleId());
    if (!rule)
        return;
    Dialogs::confirm(this, tr("Remove Watch Rule"),
                     tr("Remove the rule “%1” and the matches it found?").arg(rule->name), tr("Remove Rule"),
                     [this, id = rule->id] { m_controller->removeRule(id); });
}

void WatchPage::openSelectedMatch()
{
    const QModelIndex current = m_matches->selectionModel()->currentIndex();
    if (current.isValid())
        m_controller->openMatch(current.row());
}

} // namespace ui
