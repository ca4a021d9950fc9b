#include "ui/common/messagebanner.h"

#include "ui/common/accessibility.h"
#include "ui/common/icons.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
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
    m_text->setObjectName(QStringLiteral("messageBannerText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("messageBannerRetry"));
    m_close->setObjectName(QStringLiteral("messageBannerClose"));
    m_close->setAutoRaise(true);
    m_close->setIcon(icon(QStringLiteral("window-close")));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss the message"));
    setAccessibleName(tr("Message"));

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
    applyTint();
    m_text->setText(text);
    m_retry->setVisible(offerRetry);
    show();
    // Read out at once: errors and warnings as alerts, information as a change.
    setAccessibleName(kind == Kind::Error     ? tr("Error")
                      : kind == Kind::Warning ? tr("Warning")
                                              : tr("Message"));
    setAccessibleDescription(text);
    announce(this, kind != Kind::Info);
}

void MessageBanner::applyTint()
{
    QString iconName = QStringLiteral("dialog-information");
    if (m_kind == Kind::Warning)
        iconName = QStringLiteral("dialog-warning");
    else if (m_kind == Kind::Error)
        iconName = QStringLiteral("dialog-error");
    m_icon->setPixmap(icon(iconName).pixmap(20, 20));
    update();
}

QColor MessageBanner::background() const
{
    QColor tint = palette().color(QPalette::Highlight);
    if (m_kind == Kind::Warning)
        tint = QColor(0xd9, 0x8c, 0x00);
    else if (m_kind == Kind::Error)
        tint = QColor(0xc6, 0x28, 0x28);
    // Blend the tint into the window colour so the strip reads in light and dark themes.
    const QColor base = palette().color(QPalette::Window);
    return QColor((base.red() * 5 + tint.red()) / 6, (base.green() * 5 + tint.green()) / 6,
                  (base.blue() * 5 + tint.blue()) / 6);
}

void MessageBanner::paintEvent(QPaintEvent *event)
{
    // Painted from the current palette, not stored in one: a theme switch repaints it right.
    QPainter painter(this);
    painter.fillRect(rect(), background());
    painter.end();
    QFrame::paintEvent(event);
}

void MessageBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange ||
        event->type() == QEvent::StyleChange)
        applyTint(); // the icons are drawn in palette colours too
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
