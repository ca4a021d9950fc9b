#pragma once
// The queue behind every bulk members operation (invite, remove, the check
// for current members): items (row numbers) go out a few jobs at a time,
// progress counts finished items, cancel() drops what is still queued and
// aborts what is in flight, finished() comes exactly once per start().
//
// The owner says how to send: `launch` builds (does not start) one job for a
// chunk of items and connects its own result handler, which runs before the
// runner's bookkeeping. A handler that wants its job's items sent again (a
// refused batch form, say) calls requeue(job) from inside that handler.

#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>

namespace api {
class Job;
}

namespace models {

class BatchRunner : public QObject
{
    Q_OBJECT
public:
    using Launch = std::function<api::Job *(const QList<int> &items)>;

    explicit BatchRunner(Launch launch, QObject *parent = nullptr);
    ~BatchRunner() override;

    void setMaxParallel(int n) { m_maxParallel = qMax(1, n); }
    // Items per job. 1: one job per item, up to maxParallel at once. Above 1:
    // one chunk at a time (until the first answer nobody knows whether the
    // server takes the form at all).
    void setChunkSize(int n) { m_chunkSize = qMax(1, n); }
    int chunkSize() const { return m_chunkSize; }

    // Queues `items` and sends; items the owner settled before (or cannot
    // send) are simply left out. An empty list finishes at once.
    void start(const QList<int> &items);
    // Queued items are handed to dropped() and counted as done; jobs in
    // flight are aborted (their handlers see a canceled error).
    void cancel();
    // From a job's result handler: send that job's items again, first.
    void requeue(api::Job *job);

    bool isRunning() const { return m_running; }
    bool isCanceled() const { return m_canceled; }
    int done() const { return m_done; }
    int total() const { return m_total; }

Q_SIGNALS:
    void progress(int done, int total);
    // Items cancel() took out of the queue: never sent.
    void dropped(const QList<int> &items);
    void finished();

private:
    struct InFlight
    {
        QPointer<api::Job> job;
        QList<int> items;
        bool requeued = false;
    };
    void pump();
    void send(const QList<int> &items);
    void onJobFinished(api::Job *job);
    void finishIfDone();

    Launch m_launch;
    int m_maxParallel = 4;
    int m_chunkSize = 1;
    QList<int> m_queue;
    QList<InFlight> m_inFlight;
    int m_total = 0;
    int m_done = 0;
    bool m_running = false;
    bool m_canceled = false;
};

} // namespace models
