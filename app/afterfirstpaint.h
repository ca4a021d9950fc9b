#pragma once
// Work that nothing on screen needs waits until the window has painted once:
// run() is called from the event loop right after the window's first paint
// event, or after fallbackMs if it is never painted (a window started
// minimized or on another workspace still gets its background work).

#include <QObject>
#include <functional>

class QWidget;

namespace app {

class AfterFirstPaint : public QObject
{
public:
    // Deletes itself once run() was called (or with the window).
    static void schedule(QWidget *window, std::function<void()> run, int fallbackMs = 1000);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    AfterFirstPaint(QWidget *window, std::function<void()> run, int fallbackMs);
    void fire();

    std::function<void()> m_run;
    bool m_queued = false;
};

} // namespace app
