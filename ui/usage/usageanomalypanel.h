#pragma once
// The Usage page's anomaly list: the days that depart from a group's recent
// level, sorted by score. Activating one reports its index in the list it
// was given (the page opens the audit log around that day).

#include "models/usage/usageanomalydetector.h"

#include <QList>
#include <QWidget>

class QTreeWidget;

namespace ui {

class UsageAnomalyPanel : public QWidget
{
    Q_OBJECT
public:
    explicit UsageAnomalyPanel(QWidget *parent = nullptr);

    void setAnomalies(const QList<models::UsageAnomaly> &anomalies);
    QTreeWidget *tree() const { return m_tree; }
    // The index into the last setAnomalies() list of the row shown at row; -1 when none.
    int anomalyIndexAt(int row) const;

Q_SIGNALS:
    void anomalyActivated(int row);

private:
    QTreeWidget *m_tree;
};

} // namespace ui
