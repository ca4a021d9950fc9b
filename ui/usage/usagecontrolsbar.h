#pragma once
// The Usage page's two rows of controls: range (preset, from, to), measure
// and Export; grouping, granularity, top N and chart kind. Only builds and
// lays them out: the page binds them to its UsageController.

#include "models/usage/usageaggregate.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QDateEdit;
class QSpinBox;
class QPushButton;

namespace models {
class UsageController;
}

namespace ui {

class UsageControlsBar : public QWidget
{
    Q_OBJECT
public:
    explicit UsageControlsBar(QWidget *parent = nullptr);

    QComboBox *preset() const { return m_preset; }
    QDateEdit *from() const { return m_from; }
    QDateEdit *to() const { return m_to; }
    QComboBox *measure() const { return m_measure; }
    // Quantity mode: the ConsumedUnit shown (item data: the unit's name).
    QComboBox *unit() const { return m_unit; }
    QComboBox *group1() const { return m_group1; }
    QComboBox *group2() const { return m_group2; }
    QComboBox *granularity() const { return m_granularity; }
    QSpinBox *topN() const { return m_topN; }
    QComboBox *chartKind() const { return m_chartKind; }
    // Rows with ChargeClass "Correction" in the figures and the records export.
    QCheckBox *corrections() const { return m_corrections; }
    QPushButton *exportButton() const { return m_export; }
    // The measures the loaded data offers (estimated cost when a rate card
    // prices it); estimated cost is chosen until the user picks another.
    void rebuildMeasures(const models::UsageController &controller);
    void setMeasureChosen() { m_measureChosen = true; }
    // Measure item data of "billed vs estimated": billed cost with the
    // estimate beside it (UsageController::setCompare).
    static constexpr int BilledVsEstimated = 100;
    // "Organization" among the groupings: only while the page shows a
    // roll-up across the organization tree (UsageController::showsRollup()).
    void setOrganizationOffered(bool offered);
    // The units the view holds; the selector shows only in quantity mode.
    void setUnits(const QList<models::UsageUnitCount> &units, const QString &current, bool quantity);

private:
    QComboBox *m_preset;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_measure;
    QLabel *m_unitLabel;
    QComboBox *m_unit;
    QComboBox *m_group1;
    QComboBox *m_group2;
    QComboBox *m_granularity;
    QSpinBox *m_topN;
    QComboBox *m_chartKind;
    QCheckBox *m_corrections;
    QPushButton *m_export;
    bool m_measureChosen = false; // the user picked a measure: keep it
};

} // namespace ui
