#include "afterfirstpaint.h"

#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace app {

void AfterFirstPaint::schedule(QWidget *window, std::function<void()> run, int fallbackMs)
{
    new AfterFirstPaint(window, std::move(run), fallbackMs);
}

AfterFirstPaint::AfterFirstPaint(QWidget *window, std::function<void()> run, int fallbackMs)
    : QObject(window), m_run(std::move(run))
{
    window->installEventFilter(this);
    QTimer::singleShot(fallbackMs, this, &AfterFirstPaint::fire);
}

bool AfterFirstPaint::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_queued) {
        m_queued = true;
        // Queued: the paint (and its flush to the screen) finishes first.
        QTimer::singleShot(0, this, &AfterFirstPaint::fire);
    }
    return QObject::eventFilter(watched, event);
}

void AfterFirstPaint::fire()
{
    if (!m_run)
        return;
    const std::function<void()> run = std::exchange(m_run, {});
    parent()->removeEventFilter(this);
    deleteLater();
    run();
}

} // namespace app
