#include "ui/usage/usagemetricfilter.h"

#include "models/usage/usagecontroller.h"

#include <QLineEdit>
#include <QLocale>

namespace ui {

UsageMetricFilter::UsageMetricFilter(models::UsageController *controller, QWidget *parent)
    : QComboBox(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("usageMetric"));
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setMinimumContentsLength(18);
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setToolTip(tr("Load only this billable metric (asked of the server); empty: every metric"));
    lineEdit()->setPlaceholderText(tr("All metrics"));
    addItem(tr("All metrics"), QString());
    connect(this, &QComboBox::activated, this, &UsageMetricFilter::apply);
    connect(lineEdit(), &QLineEdit::editingFinished, this, &UsageMetricFilter::apply);
    connect(controller, &models::UsageController::aggregateChanged, this, &UsageMetricFilter::refresh);
    connect(controller, &models::UsageController::metricChanged, this, &UsageMetricFilter::refresh);
}

void UsageMetricFilter::refresh()
{
    // A filtered cube holds one metric: keep the list the unfiltered one gave.
    const models::UsageCube &cube = m_controller->cube();
    const auto metric = models::UsageDimension::Metric;
    for (qint32 v = 1; v < cube.valueCount(metric); ++v) {
        const QString key = cube.valueKey(metric, v);
        if (findData(key) < 0)
            addItem(QStringLiteral("%1 (%2)").arg(cube.valueLabel(metric, v), key), key);
    }
    const int current = findData(m_controller->metric());
    if (current >= 0)
        setCurrentIndex(current);
    else
        setEditText(m_controller->metric());
}

void UsageMetricFilter::apply()
{
    QString id = currentData().toString();
    // Typed text that is not an item's label is a metric id.
    if (currentIndex() < 0 || itemText(currentIndex()) != currentText())
        id = currentText().trimmed();
    if (id == tr("All metrics"))
        id.clear();
    m_controller->setMetric(id);
}

QString UsageMetricFilter::issuesText(const models::UsageController &controller)
{
    const qsizetype n = controller.recordsWithIssues();
    if (n <= 0)
        return {};
    return QStringLiteral(" · ") + (n == 1 ? tr("1 record had missing fields")
                                           : tr("%1 records had missing fields").arg(QLocale().toString(n)));
}

} // namespace ui
