#pragma once
// The Usage page's two rows of controls: range (preset, from, to), measure
// and Export; grouping, granularity, top N and chart kind. Only builds and
// lays them out: the page binds them to its UsageController.

#include <QWidget>

class QComboBox;
class QDateEdit;
class QSpinBox;
class QToolButton;

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
    QComboBox *group1() const { return m_group1; }
    QComboBox *group2() const { return m_group2; }
    QComboBox *granularity() const { return m_granularity; }
    QSpinBox *topN() const { return m_topN; }
    QComboBox *chartKind() const { return m_chartKind; }
    QToolButton *exportButton() const { return m_export; }
    // The measures the loaded data offers (estimated cost when a rate card
    // prices it); estimated cost is chosen until the user picks another.
    void rebuildMeasures(const models::UsageController &controller);
    void setMeasureChosen() { m_measureChosen = true; }

private:
    QComboBox *m_preset;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QComboBox *m_measure;
    QComboBox *m_group1;
    QComboBox *m_group2;
    QComboBox *m_granularity;
    QSpinBox *m_topN;
    QComboBox *m_chartKind;
    QToolButton *m_export;
    bool m_measureChosen = false; // the user picked a measure: keep it
};

} // namespace ui
