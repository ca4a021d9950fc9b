#include "ui/usage/usagebreadcrumbbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace ui {

UsageBreadcrumbBar::UsageBreadcrumbBar(QWidget *parent) : QWidget(parent), m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(2);
    setCrumbs({tr("All usage")});
}

void UsageBreadcrumbBar::setCrumbs(const QStringList &labels)
{
    m_labels = labels;
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int i = 0; i < labels.size(); ++i) {
        if (i > 0)
            m_layout->addWidget(new QLabel(QStringLiteral("›"), this));
        if (i + 1 < labels.size()) {
            auto *button = new QToolButton(this);
            button->setText(labels.at(i));
            button->setAutoRaise(true);
            button->setFocusPolicy(Qt::StrongFocus);
            button->setToolTip(tr("Back to this level"));
            connect(button, &QToolButton::clicked, this, [this, i] { Q_EMIT crumbActivated(i); });
            m_layout->addWidget(button);
        } else {
            auto *current = new QLabel(
                QStringLiteral("<b>") + labels.at(i).toHtmlEscaped() + QStringLiteral("</b>"), this);
            m_layout->addWidget(current);
        }
    }
    m_layout->addStretch(1);
}

} // namespace ui
