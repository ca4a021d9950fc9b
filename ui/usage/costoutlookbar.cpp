#include "ui/usage/costoutlookbar.h"

#include "models/cost/costforecast.h"
#include "models/cost/pricingsettings.h"
#include "models/session/session.h"
#include "models/usage/usagecontroller.h"
#include "models/usage/usagetypes.h"
#include "ui/common/palettes.h"
#include "ui/usage/budgetdialog.h"
#include "ui/usage/pricingdialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

QString formatMoney(double amount, const QString &currency)
{
    const QLocale locale;
    // The locale's own symbol only for the locale's own currency.
    if (!currency.isEmpty() && currency == locale.currencySymbol(QLocale::CurrencyIsoCode))
        return locale.toCurrencyString(amount, locale.currencySymbol(QLocale::CurrencySymbol), 2);
    return locale.toString(amount, 'f', 2) + (currency.isEmpty() ? QString() : QLatin1Char(' ') + currency);
}

CostOutlookBar::CostOutlookBar(models::UsageController *controller, models::Session *session, QWidget *parent)
    : QFrame(parent), m_controller(controller), m_session(session), m_card(new QLabel(this)),
      m_outlook(new QLabel(this)), m_warning(new QLabel(this)),
      m_pricing(new QPushButton(tr("&Pricing…"), this)), m_budget(new QPushButton(tr("B&udget…"), this))
{
    setObjectName(QStringLiteral("usageCostBar"));
    m_card->setObjectName(QStringLiteral("usageCostCard"));
    m_outlook->setObjectName(QStringLiteral("usageCostOutlook"));
    m_warning->setObjectName(QStringLiteral("usageCostWarning"));
    m_pricing->setObjectName(QStringLiteral("usagePricingButton"));
    m_budget->setObjectName(QStringLiteral("usageBudgetButton"));
    m_pricing->setToolTip(tr("Prices and allowances used for the estimated cost of this organization"));
    m_budget->setToolTip(tr("Monthly budget of this organization, in total and per product family"));
    m_pricing->setAccessibleName(tr("Pricing"));
    m_budget->setAccessibleName(tr("Budget"));
    for (QLabel *l : {m_card, m_outlook, m_warning}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QPalette warn = m_warning->palette();
    warn.setColor(QPalette::WindowText, errorTextColor(palette()));
    m_warning->setPalette(warn);
    m_warning->hide();

    auto *text = new QVBoxLayout;
    text->setContentsMargins(0, 0, 0, 0);
    text->setSpacing(2);
    text->addWidget(m_outlook);
    text->addWidget(m_warning);
    text->addWidget(m_card);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addLayout(text, 1);
    row->addWidget(m_pricing, 0, Qt::AlignTop);
    row->addWidget(m_budget, 0, Qt::AlignTop);
    connect(m_pricing, &QPushButton::clicked, this, &CostOutlookBar::editPricing);
    connect(m_budget, &QPushButton::clicked, this, &CostOutlookBar::editBudget);
    if (m_controller)
        connect(m_controller, &models::UsageController::costChanged, this, &CostOutlookBar::refresh);
}

void CostOutlookBar::refresh()
{
    setCost(m_controller->rateCard(), m_controller->estimate().get(), m_controller->outlook(),
            m_controller->budget(), m_controller->cube().hasCosts());
}

void CostOutlookBar::editPricing()
{
    const QString orgId = m_session ? m_session->organizationId() : QString();
    if (orgId.isEmpty() || !m_controller)
        return;
    const auto estimate = m_controller->estimate();
    auto *dialog =
        new PricingDialog(m_session->organizationName(), models::pricing::customCard(orgId),
                          models::pricing::discountPercent(orgId),
                          estimate ? estimate->unpriced : QList<models::CostEstimate::Unpriced>(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Saved for the organization the dialog was opened for, even if the
    // selection changed meanwhile.
    connect(dialog, &QDialog::accepted, this, [this, dialog, orgId] {
        models::pricing::setCustomCard(orgId, dialog->ownCard());
        models::pricing::setDiscountPercent(orgId, dialog->discountPercent());
        if (m_session && m_session->organizationId() == orgId)
            m_controller->reloadPricing();
    });
    dialog->open();
}

void CostOutlookBar::editBudget()
{
    const QString orgId = m_session ? m_session->organizationId() : QString();
    if (orgId.isEmpty() || !m_controller)
        return;
    QStringList families;
    const models::UsageCube &cube = m_controller->cube();
    for (qint32 id = 1; id < cube.valueCount(models::UsageDimension::ProductFamily); ++id)
        families << cube.valueLabel(models::UsageDimension::ProductFamily, id);
    const QString currency =
        m_controller->outlook().valid ? m_controller->outlook().currency : m_controller->rateCard().currency;
    auto *dialog = new BudgetDialog(m_session->organizationName(), models::pricing::budget(orgId), families,
                                    currency, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, orgId] {
        models::pricing::setBudget(orgId, dialog->budget());
        if (m_session && m_session->organizationId() == orgId)
            m_controller->reloadPricing();
    });
    dialog->open();
}

void CostOutlookBar::setCost(const models::RateCard &card, const models::CostEstimate *estimate,
                             const models::CostOutlook &outlook, const models::Budget &budget, bool apiCosts)
{
    // Which card, and what it cannot price.
    QString cardLine =
        card.isEmpty() ? tr("No rate card: estimated cost is not available.")
                       : tr("Estimated cost uses “%1”%2.")
                             .arg(card.name.isEmpty() ? tr("rate card") : card.name,
                                  card.asOf.isEmpty() ? QString() : tr(", prices as of %1").arg(card.asOf));
    QStringList unpriced;
    if (estimate) {
        for (const models::CostEstimate::Unpriced &u : estimate->unpriced)
            unpriced << tr("%1 (%2): %3")
                            .arg(u.metricName.isEmpty() ? u.metricKey : u.metricName, u.unit, u.reason);
    }
    if (!unpriced.isEmpty()) {
        cardLine += QLatin1Char(' ') +
                    tr("%n metric(s) unpriced, shown as “—”, never as 0.", nullptr, int(unpriced.size()));
    }
    if (apiCosts)
        cardLine += QLatin1Char(' ') + tr("The API sends billed cost too: pick it under Measure to compare.");
    m_card->setText(cardLine);
    m_card->setToolTip(unpriced.isEmpty() ? QString()
                                          : tr("Unpriced metrics:") + QStringLiteral("\n• ") +
                                                unpriced.join(QStringLiteral("\n• ")));

    // This month: to date, forecast and band, budget.
    if (!outlook.valid) {
        m_outlook->setText(tr("No cost for this month yet."));
        m_outlook->setToolTip({});
        m_warning->hide();
        return;
    }
    const models::MonthForecast &f = outlook.forecast;
    const QString month =
        QLocale().toString(models::usageday::toDate(f.monthFirst), QStringLiteral("MMMM yyyy"));
    const QString what = outlook.measure == models::UsageMeasure::BilledCost ? tr("billed") : tr("estimated");
    QString line = tr("%1 (%2): %3 to %4; forecast for the month %5 (%6 – %7)")
                       .arg(month, what, formatMoney(f.monthToDate, outlook.currency),
                            QLocale().toString(models::usageday::toDate(f.lastActual), QLocale::ShortFormat),
                            formatMoney(f.forecast, outlook.currency), formatMoney(f.low, outlook.currency),
                            formatMoney(f.high, outlook.currency));
    if (budget.monthly > 0)
        line += tr("; budget %1").arg(formatMoney(budget.monthly, outlook.currency));
    m_outlook->setText(line);
    m_outlook->setToolTip(models::forecastMethodDescription());

    const models::BudgetStatus &b = outlook.budget;
    QStringList warnings;
    if (b.overBudget) {
        warnings << tr("The forecast exceeds the monthly budget by %1, driven by %2.")
                        .arg(formatMoney(b.forecast - b.budget, outlook.currency),
                             b.drivers.join(QStringLiteral(", ")));
    }
    for (const models::BudgetStatus::Family &fam : b.families) {
        if (fam.overBudget())
            warnings << tr("%1 is forecast at %2 against its budget of %3.")
                            .arg(fam.name, formatMoney(fam.forecast, outlook.currency),
                                 formatMoney(*fam.budget, outlook.currency));
    }
    m_warning->setText(warnings.join(QLatin1Char(' ')));
    m_warning->setVisible(!warnings.isEmpty());
}

QString CostOutlookBar::cardText() const
{
    return m_card->text();
}

QString CostOutlookBar::outlookText() const
{
    return m_outlook->text();
}

QString CostOutlookBar::warningText() const
{
    return m_warning->isHidden() ? QString() : m_warning->text();
}

} // namespace ui
