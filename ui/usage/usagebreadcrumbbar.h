#pragma once
// "All usage › Workers › requests": the drill-down trail. Every crumb but the
// last is a button that goes back to that level; the buttons take focus, so
// the trail is reachable from the keyboard (Tab, then Space).

#include <QWidget>

class QHBoxLayout;

namespace ui {

class UsageBreadcrumbBar : public QWidget
{
    Q_OBJECT
public:
    explicit UsageBreadcrumbBar(QWidget *parent = nullptr);

    void setCrumbs(const QStringList &labels);
    QStringList crumbs() const { return m_labels; }

Q_SIGNALS:
    void crumbActivated(int index);

private:
    QHBoxLayout *m_layout;
    QStringList m_labels;
};

} // namespace ui
