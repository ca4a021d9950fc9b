#include "ui/watch/usageruledialog.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>

#include <algorithm>

namespace ui {

UsageRuleDialog::UsageRuleDialog(const models::WatchRule &rule, QWidget *parent)
    : QDialog(parent), m_rule(rule),
      m_form(this, rule, QStringLiteral("usageRule"), WatchRuleForm::Interval::Minutes),
      m_budgets(new QCheckBox(tr("&Budgets: month to date reaches"), this)),
      m_thresholds(new QLineEdit(this)),
      m_forecast(new QCheckBox(tr("Month-end &forecast goes over a budget"), this)),
      m_anomalies(new QCheckBox(tr("Cost &anomalies this month (spikes and drops per product family)"), this))
{
    setObjectName(QStringLiteral("usageRuleDialog"));
    setWindowTitle(rule.id.isEmpty() ? tr("New Budget and Anomaly Rule")
                                     : tr("Edit Budget and Anomaly Rule"));
    m_form.name()->setAccessibleName(tr("Rule name"));
    m_budgets->setObjectName(QStringLiteral("usageRuleBudgets"));
    m_budgets->setChecked(rule.usage.budgets);
    m_budgets->setAccessibleName(tr("Budgets"));
    QStringList percents;
    for (int t : rule.usage.thresholdsPercent)
        percents << QString::number(t);
    m_thresholds->setObjectName(QStringLiteral("usageRuleThresholds"));
    m_thresholds->setAccessibleName(tr("Budget thresholds in percent"));
    m_thresholds->setText(percents.join(QStringLiteral(", ")));
    m_thresholds->setPlaceholderText(QStringLiteral("80, 100"));
    m_forecast->setObjectName(QStringLiteral("usageRuleForecast"));
    m_forecast->setChecked(rule.usage.forecast);
    m_forecast->setAccessibleName(tr("Forecast over budget"));
    m_anomalies->setObjectName(QStringLiteral("usageRuleAnomalies"));
    m_anomalies->setChecked(rule.usage.anomalies);
    m_anomalies->setAccessibleName(tr("Cost anomalies"));
    connect(m_budgets, &QCheckBox::toggled, m_thresholds, &QWidget::setEnabled);
    m_thresholds->setEnabled(m_budgets->isChecked());

    auto *thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(m_budgets);
    thresholdRow->addWidget(m_thresholds, 1);
    thresholdRow->addWidget(new QLabel(tr("% of the budget"), this));
    QFormLayout *form = m_form.form();
    form->addRow(tr("Notify when:"), thresholdRow);
    form->addRow(QString(), m_forecast);
    form->addRow(QString(), m_anomalies);
    auto *hint = new QLabel(tr("Budgets are set on the Usage page (Budget…), for the organization and per "
                               "product family. Each warning comes once per month and threshold."),
                            this);
    hint->setWordWrap(true);
    form->addRow(QString(), hint);
    m_form.finish(560);
    m_form.interval()->setAccessibleName(tr("Check every"));
    m_form.enabled()->setAccessibleName(tr("Watching"));
}

bool UsageRuleDialog::parseThresholds(const QString &text, QList<int> *out)
{
    QList<int> values;
    const QStringList parts = text.split(QRegularExpression(QStringLiteral("[,;\\s%]+")), Qt::SkipEmptyParts);
    for (const QString &p : parts) {
        bool ok = false;
        const int v = p.toInt(&ok);
        if (!ok || v < 1 || v > 1000)
            return false;
        if (!values.contains(v))
            values.append(v);
    }
    std::sort(values.begin(), values.end());
    *out = values;
    return true;
}

void UsageRuleDialog::accept()
{
    models::WatchRule edited = m_rule;
    edited.kind = models::WatchRule::Kind::Usage;
    edited.usage.budgets = m_budgets->isChecked();
    edited.usage.forecast = m_forecast->isChecked();
    edited.usage.anomalies = m_anomalies->isChecked();
    if (!m_form.read(edited))
        return;
    QString error;
    if (!parseThresholds(m_thresholds->text(), &edited.usage.thresholdsPercent))
        error = tr("Thresholds are whole percentages from 1 to 1000, separated by commas.");
    else if (!edited.usage.budgets && !edited.usage.forecast && !edited.usage.anomalies)
        error = tr("Choose at least one thing to watch.");
    if (m_form.refuses(error))
        return;
    m_rule = edited;
    QDialog::accept();
}

} // namespace ui
