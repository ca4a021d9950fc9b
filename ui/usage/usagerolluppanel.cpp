#include "ui/usage/usagerolluppanel.h"

#include "models/rollup/usagerollupcontroller.h"
#include "models/usage/usagecontroller.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QShowEvent>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

UsageRollupPanel::UsageRollupPanel(models::Session *session, models::UsageController *usage, QWidget *parent)
    : QWidget(parent), m_usage(usage), m_controller(new models::UsageRollupController(session, this)),
      m_include(new QCheckBox(tr("Include &sub-organizations"), this)),
      m_refresh(new QPushButton(tr("Re&fresh"), this)), m_cancel(new QPushButton(tr("Cancel"), this)),
      m_status(new QLabel(this)), m_missing(new QLabel(this)), m_retry(new QPushButton(tr("Retry"), this)),
      m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("usageRollupPanel"));
    m_include->setObjectName(QStringLiteral("includeSubOrgsCheck"));
    m_include->setToolTip(tr("Cost of this organization and of every organization under it, per month"));
    m_include->setChecked(m_controller->includeSubOrganizations());
    m_refresh->setObjectName(QStringLiteral("rollupRefreshButton"));
    m_cancel->setObjectName(QStringLiteral("rollupCancelButton"));
    m_status->setObjectName(QStringLiteral("rollupStatus"));
    m_missing->setObjectName(QStringLiteral("rollupMissing"));
    m_missing->setWordWrap(true);
    m_retry->setObjectName(QStringLiteral("rollupRetryButton"));
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_controller->model());
    proxy->setSortRole(models::ShowbackModel::SortRole);
    m_table->setObjectName(QStringLiteral("showbackTable"));
    m_table->setAccessibleName(tr("cost per organization per month"));
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(models::ShowbackModel::OrganizationColumn, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_include);
    top->addWidget(m_refresh);
    top->addWidget(m_cancel);
    top->addWidget(m_status, 1);
    auto *missing = new QHBoxLayout;
    missing->addWidget(m_missing, 1);
    missing->addWidget(m_retry);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(missing);
    layout->addWidget(m_table, 1);

    connect(m_include, &QCheckBox::toggled, this, [this](bool on) {
        m_controller->setIncludeSubOrganizations(on);
        if (on)
            refresh();
    });
    connect(m_refresh, &QPushButton::clicked, this, &UsageRollupPanel::refresh);
    connect(m_cancel, &QPushButton::clicked, m_controller, &models::UsageRollupController::cancel);
    connect(m_retry, &QPushButton::clicked, m_controller, &models::UsageRollupController::retryMissing);
    connect(m_controller, &models::UsageRollupController::stateChanged, this, &UsageRollupPanel::updateState);
    // The merged usage goes to the page: its charts, pivot and drill-down
    // group by organization like by account.
    connect(m_controller, &models::UsageRollupController::cubeChanged, this, [this] {
        if (!m_usage)
            return;
        if (m_controller->hasCube() && m_controller->includeSubOrganizations())
            m_usage->setRollupCube(m_controller->cube());
        else
            m_usage->clearRollupCube();
    });
    updateState();
}

void UsageRollupPanel::refresh()
{
    if (m_controller->includeSubOrganizations() && m_usage)
        m_controller->start(m_usage->range(), m_usage->rateCard());
}

void UsageRollupPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Remembered on: the first look at the tab loads it.
    if (m_controller->includeSubOrganizations() && !m_controller->isLoading() &&
        m_controller->model()->rowCount() == 0 && m_controller->missingOrganizations().isEmpty())
        refresh();
}

void UsageRollupPanel::updateState()
{
    const bool on = m_controller->includeSubOrganizations();
    const bool loading = m_controller->isLoading();
    const models::Progress p = m_controller->progress();
    m_refresh->setEnabled(on && !loading);
    m_cancel->setVisible(loading);
    m_table->setEnabled(on);
    if (!on)
        m_status->setText(tr("Shows what each organization under this one costs, month by month."));
    else if (loading)
        m_status->setText(p.total > 0 ? tr("Loading: %1 of %2 organizations").arg(p.done).arg(p.total)
                                      : tr("Listing the organizations…"));
    else if (m_controller->duplicatesRemoved() > 0)
        m_status->setText(
            tr("%1 records returned for both an organization and one under it were counted once.")
                .arg(m_controller->duplicatesRemoved()));
    else
        m_status->clear();
    const QStringList missing = on ? m_controller->missingOrganizations() : QStringList();
    m_missing->setVisible(!missing.isEmpty());
    m_retry->setVisible(!missing.isEmpty());
    m_missing->setText(
        tr("Missing from the table (they did not answer): %1").arg(missing.join(QStringLiteral("; "))));
}

} // namespace ui
