#include "ui/usage/usagecontrolsbar.h"

#include "models/usage/usagecontroller.h"

#include "ui/common/icons.h"
#include "ui/usage/usagepage.h"

#include "models/usage/usagetypes.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

UsageControlsBar::UsageControlsBar(QWidget *parent)
    : QWidget(parent), m_preset(new QComboBox(this)), m_from(new QDateEdit(this)), m_to(new QDateEdit(this)),
      m_measure(new QComboBox(this)), m_unitLabel(new QLabel(tr("U&nit:"), this)),
      m_unit(new QComboBox(this)), m_group1(new QComboBox(this)), m_group2(new QComboBox(this)),
      m_granularity(new QComboBox(this)), m_topN(new QSpinBox(this)), m_chartKind(new QComboBox(this)),
      m_corrections(new QCheckBox(tr("&Corrections"), this)), m_export(new QPushButton(this))
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
        // Usage days are the API's UTC days, whatever View › Time zone shows elsewhere.
        edit->setToolTip(tr("A day in UTC: usage is counted in whole UTC days."));
        edit->setAccessibleDescription(edit->toolTip());
    }
    m_from->setAccessibleName(tr("From"));
    m_to->setAccessibleName(tr("To"));
    bar->addWidget(m_from);
    bar->addWidget(new QLabel(QStringLiteral("–"), this));
    bar->addWidget(m_to);

    m_measure->setObjectName(QStringLiteral("usageMeasure"));
    connect(m_measure, &QComboBox::activated, this, [this] { m_measureChosen = true; });
    addLabeled(tr("&Measure:"), m_measure);
    m_unit->setObjectName(QStringLiteral("usageUnit"));
    m_unit->setToolTip(tr("Quantities of different units are never added: pick the unit to show"));
    m_unitLabel->setBuddy(m_unit);
    bar->addWidget(m_unitLabel);
    bar->addWidget(m_unit);
    m_unitLabel->hide();
    m_unit->hide();
    bar->addStretch(1);
    bar->addWidget(m_export);
    rows->addLayout(bar);
    // Second row: how to slice and draw.
    bar = new QHBoxLayout;

    m_group1->setObjectName(QStringLiteral("usageGroupBy"));
    m_group2->addItem(tr("(none)"), -1);
    for (int d = 0; d < models::UsageDimensionCount; ++d) {
        const auto dim = models::UsageDimension(d);
        if (dim == models::UsageDimension::Organization)
            continue; // offered while sub-organizations are included
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
    m_corrections->setObjectName(QStringLiteral("usageCorrections"));
    m_corrections->setChecked(true);
    m_corrections->setToolTip(tr("Include records with ChargeClass \"Correction\" (credits and re-billing of "
                                 "earlier days) in the figures and the records export"));
    bar->addWidget(m_corrections);

    m_export->setObjectName(QStringLiteral("usageExport"));
    m_export->setText(tr("&Export"));
    m_export->setIcon(icon(QStringLiteral("document-export")));
    // A push button lays its menu arrow out beside the text (a tool button draws it over the text).
    m_export->setFlat(true);
    bar->addStretch(1);
    const auto combos = findChildren<QComboBox *>();
    for (QComboBox *combo : combos)
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    rows->addLayout(bar);
}

void UsageControlsBar::setOrganizationOffered(bool offered)
{
    const int value = int(models::UsageDimension::Organization);
    for (QComboBox *combo : {m_group1, m_group2}) {
        const QSignalBlocker block(combo);
        const int index = combo->findData(value);
        if (offered && index < 0)
            combo->addItem(models::usageDimensionName(models::UsageDimension::Organization), value);
        else if (!offered && index >= 0)
            combo->removeItem(index);
    }
}

void UsageControlsBar::rebuildMeasures(const models::UsageController &controller)
{
    const int current = m_measure->currentIndex() >= 0 ? m_measure->currentData().toInt() : 0;
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
    if (estimated && cube.hasMeasure(models::UsageMeasure::BilledCost))
        m_measure->addItem(tr("Billed vs estimated (%1)").arg(cube.billingCurrency()), BilledVsEstimated);
    // When a rate card prices what is in view, cost is what the page shows
    // unless the user picked otherwise.
    int index = m_measure->findData(current);
    if (!m_measureChosen && estimated && current == int(models::UsageMeasure::ConsumedQuantity) &&
        !cube.hasCosts())
        index = m_measure->findData(int(models::UsageMeasure::EstimatedCost));
    m_measure->setCurrentIndex(index >= 0 ? index : 0);
    // A choice of one is no choice: say why instead of offering it.
    const bool choice = m_measure->count() > 1;
    m_measure->setEnabled(choice);
    m_measure->setToolTip(choice ? QString()
                                 : tr("Only consumed quantity: the records carry no cost and no rate card "
                                      "prices them (Pricing…)"));
}

void UsageControlsBar::setUnits(const QList<models::UsageUnitCount> &units, const QString &current,
                                bool quantity)
{
    const QSignalBlocker block(m_unit);
    m_unit->clear();
    for (const models::UsageUnitCount &u : units)
        m_unit->addItem(u.unit.isEmpty() ? tr("(no unit)") : u.unit, u.unit);
    m_unit->setCurrentIndex(m_unit->findData(current));
    const bool show = quantity && !units.isEmpty();
    m_unitLabel->setVisible(show);
    m_unit->setVisible(show);
    m_unit->setEnabled(units.size() > 1);
}

} // namespace ui
