#pragma once
// The Usage page's anomaly list: the days that depart from a group's recent
// level, sorted by score. Activating one reports its index in the list it
// was given (the page opens the audit log around that day).

#include "models/usage/usageanomalydetector.h"

#include <QList>
#include <QWidget>

class QPushButton;
class QTreeWidget;

namespace ui {

class UsageAnomalyPanel : public QWidget
{
    Q_OBJECT
public:
    explicit UsageAnomalyPanel(QWidget *parent = nullptr);

    void setAnomalies(const QList<models::UsageAnomaly> &anomalies);
    QTreeWidget *tree() const { return m_tree; }
    // "Open in Audit log": enabled while an anomaly is selected; it does what
    // a double-click does (also in the list's context menu).
    QPushButton *openButton() const { return m_open; }
    // The index into the last setAnomalies() list of the row shown at row; -1 when none.
    int anomalyIndexAt(int row) const;

Q_SIGNALS:
    void anomalyActivated(int row);

private:
    void openCurrent();

    QTreeWidget *m_tree;
    QPushButton *m_open;
};

} // namespace ui
