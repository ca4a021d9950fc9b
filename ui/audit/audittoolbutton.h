#pragma once
// The Audit log page's flat tool buttons (text beside the icon), moved out of
// the page to keep it within the house's 600 lines.

#include <QAction>
#include <QToolButton>

namespace ui {

inline QToolButton *auditToolButton(QAction *action, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(true);
    return b;
}

} // namespace ui
