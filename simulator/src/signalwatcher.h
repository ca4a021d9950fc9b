#pragma once
// Turns SIGINT/SIGTERM into a Qt signal through a self-pipe, so the event
// loop can shut down cleanly (a signal handler may only write to a pipe).

#include <QObject>

class QSocketNotifier;

namespace sim {

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminationRequested(int signalNumber);

private:
    static void handler(int signalNumber);
    static int s_fds[2];
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace sim
