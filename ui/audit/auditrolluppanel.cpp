#include "ui/audit/auditrolluppanel.h"

#include "models/audit/auditcontroller.h"
#include "models/rollup/auditrollupcontroller.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace ui {

AuditRollupPanel::AuditRollupPanel(models::AuditController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_rollup(controller->rollup()),
      m_include(new QCheckBox(tr("Include s&ub-organizations"), this)), m_status(new QLabel(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_missing(new QLabel(this)),
      m_retry(new QPushButton(tr("Retry missing"), this))
{
    setObjectName(QStringLiteral("auditRollupPanel"));
    m_include->setObjectName(QStringLiteral("auditIncludeSubOrgsCheck"));
    m_include->setAccessibleName(tr("Include sub-organizations"));
    m_include->setToolTip(tr("The entries of this organization and of every organization under it, "
                             "with an Organization column"));
    m_include->setChecked(m_rollup->includeSubOrganizations());
    m_status->setObjectName(QStringLiteral("auditRollupStatus"));
    m_cancel->setObjectName(QStringLiteral("auditRollupCancelButton"));
    m_cancel->setAccessibleName(tr("Cancel the roll-up"));
    m_missing->setObjectName(QStringLiteral("auditRollupMissing"));
    m_missing->setWordWrap(true);
    m_retry->setObjectName(QStringLiteral("auditRollupRetryButton"));
    m_retry->setAccessibleName(tr("Retry the missing organizations"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_include);
    layout->addWidget(m_status);
    layout->addWidget(m_cancel);
    layout->addWidget(m_missing, 1);
    layout->addWidget(m_retry);

    connect(m_include, &QCheckBox::toggled, this, [this](bool on) {
        m_rollup->setIncludeSubOrganizations(on);
        if (m_controller)
            m_controller->run(); // the table follows the checkbox
    });
    connect(m_cancel, &QPushButton::clicked, m_rollup, &models::AuditRollupController::cancel);
    connect(m_retry, &QPushButton::clicked, m_rollup, &models::AuditRollupController::retryMissing);
    connect(m_rollup, &models::AuditRollupController::stateChanged, this, &AuditRollupPanel::updateState);
    updateState();
}

void AuditRollupPanel::updateState()
{
    if (!m_rollup)
        return;
    const bool loading = m_rollup->isLoading();
    const models::Progress p = m_rollup->progress();
    QString status;
    if (loading && p.total > 0)
        status = tr("%1 of %n organization(s)", nullptr, int(p.total)).arg(QLocale().toString(p.done));
    else if (loading)
        status = tr("Listing the organizations…");
    else if (m_rollup->includeSubOrganizations() && !m_rollup->organizations().isEmpty())
        status = tr("%n organization(s)", nullptr, int(m_rollup->organizations().size()));
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty());
    m_cancel->setVisible(loading);
    const QStringList missing = m_rollup->missingOrganizations();
    m_missing->setText(missing.isEmpty()
                           ? QString()
                           : tr("Missing from the table: %1").arg(missing.join(QStringLiteral("; "))));
    m_missing->setVisible(!missing.isEmpty());
    m_retry->setVisible(!missing.isEmpty() && m_rollup->includeSubOrganizations());
}

} // namespace ui
