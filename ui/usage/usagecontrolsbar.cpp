#include "ui/usage/usagecontrolsbar.h"

#include "models/usage/usagecontroller.h"

#include "ui/common/icons.h"
#include "ui/usage/usagepage.h"

#include "models/usage/usagetypes.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

UsageControlsBar::UsageControlsBar(QWidget *parent)
    : QWidget(parent), m_preset(new QComboBox(this)), m_from(new QDateEdit(this)), m_to(new QDateEdit(this)),
      m_measure(new QComboBox(this)), m_group1(new QComboBox(this)), m_group2(new QComboBox(this)),
      m_granularity(new QComboBox(this)), m_topN(new QSpinBox(this)), m_chartKind(new QComboBox(this)),
      m_export(new QToolButton(this))
{
    using RangePreset = UsagePage::RangePreset;
    using ChartKind = UsagePage::ChartKind;
    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    auto addLabeled = [&](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        bar->addWidget(label);
        bar->addWidget(field);
    };
    m_preset->setObjectName(QStringLiteral("usageRangePreset"));
    m_preset->addItem(tr("This month"), int(RangePreset::ThisMonth));
    m_preset->addItem(tr("Last month"), int(RangePreset::LastMonth));
    m_preset->addItem(tr("Last 30 days"), int(RangePreset::Last30Days));
    m_preset->addItem(tr("Last 90 days"), int(RangePreset::Last90Days));
    m_preset->addItem(tr("Last 12 months"), int(RangePreset::Last12Months));
    m_preset->addItem(tr("Custom"), int(RangePreset::Custom));
    m_preset->setCurrentIndex(int(RangePreset::Last30Days));
    addLabeled(tr("&Range:"), m_preset);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setMaximumDate(QDateTime::currentDateTimeUtc().date());
    }
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    bar->addWidget(m_from);
    bar->addWidget(new QLabel(QStringLiteral("–"), this));
    bar->addWidget(m_to);

    m_measure->setObjectName(QStringLiteral("usageMeasure"));
    connect(m_measure, &QComboBox::activated, this, [this] { m_measureChosen = true; });
    addLabeled(tr("&Measure:"), m_measure);
    bar->addStretch(1);
    bar->addWidget(m_export);
    rows->addLayout(bar);
    // Second row: how to slice and draw.
    bar = new QHBoxLayout;

    m_group1->setObjectName(QStringLiteral("usageGroupBy"));
    m_group2->addItem(tr("(none)"), -1);
    for (int d = 0; d < models::UsageDimensionCount; ++d) {
        const auto dim = models::UsageDimension(d);
        m_group1->addItem(models::usageDimensionName(dim), d);
        m_group2->addItem(models::usageDimensionName(dim), d);
    }
    m_group2->setAccessibleName(tr("Then by"));
    addLabeled(tr("&Group by:"), m_group1);
    bar->addWidget(new QLabel(tr("then"), this));
    bar->addWidget(m_group2);

    for (auto g : {models::UsageGranularity::Day, models::UsageGranularity::Week,
                   models::UsageGranularity::Month, models::UsageGranularity::Cumulative})
        m_granularity->addItem(models::usageGranularityName(g), int(g));
    addLabeled(tr("G&ranularity:"), m_granularity);

    m_topN->setRange(0, 50);
    m_topN->setSpecialValueText(tr("all"));
    m_topN->setValue(8);
    m_topN->setToolTip(tr("Keep the largest groups and fold the rest into \"Other\""));
    addLabeled(tr("&Top:"), m_topN);

    m_chartKind->addItem(tr("Stacked bars"), int(ChartKind::StackedBars));
    m_chartKind->addItem(tr("Lines"), int(ChartKind::Lines));
    m_chartKind->addItem(tr("Donut"), int(ChartKind::Donut));
    addLabeled(tr("C&hart:"), m_chartKind);

    m_export->setText(tr("&Export"));
    m_export->setIcon(icon(QStringLiteral("document-export")));
    m_export->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_export->setPopupMode(QToolButton::InstantPopup);
    bar->addStretch(1);
    const auto combos = findChildren<QComboBox *>();
    for (QComboBox *combo : combos)
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    rows->addLayout(bar);
}

void UsageControlsBar::rebuildMeasures(const models::UsageController &controller)
{
    const auto current =
        models::UsageMeasure(m_measure->currentIndex() >= 0 ? m_measure->currentData().toInt() : 0);
    const QSignalBlocker block(m_measure);
    m_measure->clear();
    const models::UsageCube &cube = controller.cube();
    const bool estimated = controller.estimateAvailable();
    for (int m = 0; m < models::UsageMeasureCount; ++m) {
        const auto measure = models::UsageMeasure(m);
        const bool available =
            measure == models::UsageMeasure::EstimatedCost ? estimated : cube.hasMeasure(measure);
        if (models::usageMeasureIsCost(measure) && !available)
            continue;
        QString text = models::usageMeasureName(measure);
        const QString currency = measure == models::UsageMeasure::EstimatedCost
                                     ? controller.rateCard().currency
                                     : cube.billingCurrency();
        if (models::usageMeasureIsCost(measure) && !currency.isEmpty())
            text += QStringLiteral(" (") + currency + QStringLiteral(")");
        m_measure->addItem(text, m);
    }
    // When a rate card prices what is in view, cost is what the page shows
    // unless the user picked otherwise.
    int index = m_measure->findData(int(current));
    if (!m_measureChosen && estimated && current == models::UsageMeasure::ConsumedQuantity &&
        !cube.hasCosts())
        index = m_measure->findData(int(models::UsageMeasure::EstimatedCost));
    m_measure->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace ui
