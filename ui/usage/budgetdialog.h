#pragma once
// The monthly budget of one organization, in total and per product family.

#include "models/cost/costforecast.h"

#include <QDialog>

class QDoubleSpinBox;
class QTableWidget;

namespace ui {

class BudgetDialog : public QDialog
{
    Q_OBJECT
public:
    // families: the product families seen in the data (with budgets or not).
    BudgetDialog(const QString &organizationName, const models::Budget &budget, const QStringList &families,
                 const QString &currency, QWidget *parent = nullptr);

    models::Budget budget() const;

private:
    QDoubleSpinBox *m_monthly;
    QTableWidget *m_families;
};

} // namespace ui
