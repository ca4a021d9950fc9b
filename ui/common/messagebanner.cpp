#include "ui/common/messagebanner.h"

#include "ui/common/icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace ui {

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_text(new QLabel(this)),
      m_retry(new QPushButton(tr("&Retry"), this)), m_close(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setObjectName(QStringLiteral("messageBannerText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("messageBannerRetry"));
    m_close->setObjectName(QStringLiteral("messageBannerClose"));
    m_close->setAutoRaise(true);
    m_close->setIcon(icon(QStringLiteral("window-close")));
    m_close->setToolTip(tr("Dismiss"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry, 0, Qt::AlignVCenter);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_retry, &QPushButton::clicked, this, [this] {
        hide();
        Q_EMIT retryRequested();
    });
    connect(m_close, &QToolButton::clicked, this, &MessageBanner::clear);
    hide();
}

void MessageBanner::showMessage(Kind kind, const QString &text, bool offerRetry)
{
    m_kind = kind;
    QString iconName = QStringLiteral("dialog-information");
    QColor tint = palette().color(QPalette::Highlight);
    if (kind == Kind::Warning) {
        iconName = QStringLiteral("dialog-warning");
        tint = QColor(0xd9, 0x8c, 0x00);
    } else if (kind == Kind::Error) {
        iconName = QStringLiteral("dialog-error");
        tint = QColor(0xc6, 0x28, 0x28);
    }
    m_icon->setPixmap(icon(iconName).pixmap(20, 20));
    // Blend the tint into the window colour so the strip reads in light and dark themes.
    const QColor base = palette().color(QPalette::Window);
    QPalette pal = palette();
    pal.setColor(QPalette::Window,
                 QColor((base.red() * 5 + tint.red() * 1) / 6, (base.green() * 5 + tint.green()) / 6,
                        (base.blue() * 5 + tint.blue()) / 6));
    setPalette(pal);
    m_text->setText(text);
    m_retry->setVisible(offerRetry);
    show();
}

void MessageBanner::clear()
{
    m_text->clear();
    hide();
}

QString MessageBanner::text() const
{
    return isVisible() || !m_text->text().isEmpty() ? m_text->text() : QString();
}

bool MessageBanner::retryOffered() const
{
    return !m_retry->isHidden();
}

} // namespace ui
