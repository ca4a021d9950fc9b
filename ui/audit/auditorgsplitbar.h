#pragma once
// Under the Audit log's timeline while the page shows a roll-up ("Include
// sub-organizations", issue 24): the "Split by organization" checkbox
// (remembered as audit/timelineSplitByOrganization) and, while the timeline
// is split, its legend: one button per organization series (its colour and
// name; the tree path and count on hover) and "Other". Clicking one filters
// the table to that organization (to the organizations "Other" stands for),
// as the Organization column's filter does. Drives
// AuditController::setSplitByOrganization; the counting runs on the
// controller's worker with the rest of the histogram.

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QHBoxLayout;
class QScrollArea;
class QToolButton;

namespace models {
class AuditController;
} // namespace models

namespace ui {

class AuditOrgSplitBar : public QWidget
{
    Q_OBJECT
public:
    explicit AuditOrgSplitBar(models::AuditController *controller, QWidget *parent = nullptr);

    // The legend's buttons, in series order (tests).
    QList<QToolButton *> legendButtons() const { return m_legend; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitLegend();
    void updateSplit();
    void updateLegend();
    void filterToSeries(int series);

    QPointer<models::AuditController> m_controller;
    QCheckBox *m_split;
    QHBoxLayout *m_legendLayout;
    QScrollArea *m_legendScroll;
    QList<QToolButton *> m_legend;
};

} // namespace ui
