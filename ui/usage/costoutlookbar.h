#pragma once
// The Usage page's cost line: which rate card prices the estimate (and what
// it leaves unpriced), this month to date, the forecast to month end with its
// band, and the budget with the families that drive an overrun.

#include "models/cost/costestimator.h"
#include "models/cost/costoutlook.h"
#include "models/cost/ratecard.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace models {
class Session;
class UsageController;
} // namespace models

namespace ui {

class CostOutlookBar : public QFrame
{
    Q_OBJECT
public:
    // Follows the controller's estimate and outlook; its Pricing and Budget
    // buttons edit the current organization's card and budget.
    CostOutlookBar(models::UsageController *controller, models::Session *session, QWidget *parent = nullptr);

    void setCost(const models::RateCard &card, const models::CostEstimate *estimate,
                 const models::CostOutlook &outlook, const models::Budget &budget, bool apiCosts);

    QString cardText() const;
    QString outlookText() const;
    QString warningText() const;

    void editPricing();
    void editBudget();

private:
    void refresh();

    models::UsageController *m_controller;
    models::Session *m_session;
    QLabel *m_card;
    QLabel *m_outlook;
    QLabel *m_warning;
    QPushButton *m_pricing;
    QPushButton *m_budget;
};

QString formatMoney(double amount, const QString &currency);

} // namespace ui
