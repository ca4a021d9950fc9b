#include "ui/common/placeholderpage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ui {

PlaceholderPage::PlaceholderPage(models::Session *session, const QString &title, const QString &iconName,
                                 const QString &description, QWidget *parent)
    : Page(session, parent), m_title(title), m_iconName(iconName)
{
    auto *heading = new QLabel(title, this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    heading->setFont(f);
    auto *body = new QLabel(description, this);
    body->setWordWrap(true);
    body->setObjectName(QStringLiteral("placeholderDescription"));
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(heading, 0, Qt::AlignHCenter);
    layout->addWidget(body, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    body->setMaximumWidth(560);
    body->setAlignment(Qt::AlignCenter);
}

} // namespace ui
