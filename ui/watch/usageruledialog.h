#pragma once
// Edits one usage watch rule (budget warnings and usage anomalies of the
// organization's current month): name, the budget percentages of the month
// to date, whether a forecast over budget and cost anomalies count, the
// interval and the on switch. The budgets themselves are the Usage page's
// (Budget…); the organization is the rule's own.

#include "models/watch/watchrule.h"
#include "ui/watch/watchruleform.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QSpinBox;

namespace ui {

class UsageRuleDialog : public QDialog
{
    Q_OBJECT
public:
    explicit UsageRuleDialog(const models::WatchRule &rule, QWidget *parent = nullptr);

    // The rule as edited; valid only after accept().
    models::WatchRule rule() const { return m_rule; }

    QLineEdit *nameEdit() const { return m_form.name(); }
    QLineEdit *thresholdsEdit() const { return m_thresholds; }
    QCheckBox *budgetsBox() const { return m_budgets; }
    QCheckBox *forecastBox() const { return m_forecast; }
    QCheckBox *anomaliesBox() const { return m_anomalies; }
    QSpinBox *intervalBox() const { return m_form.interval(); }

    // "80, 100" → {80, 100}; false for anything but whole percentages 1–1000.
    static bool parseThresholds(const QString &text, QList<int> *out);

public Q_SLOTS:
    void accept() override;

private:
    models::WatchRule m_rule;
    WatchRuleForm m_form; // first: its name field comes first in the tab order
    QCheckBox *m_budgets;
    QLineEdit *m_thresholds;
    QCheckBox *m_forecast;
    QCheckBox *m_anomalies;
};

} // namespace ui
