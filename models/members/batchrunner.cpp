#include "models/members/batchrunner.h"

#include "api/job.h"

namespace models {

BatchRunner::BatchRunner(Launch launch, QObject *parent) : QObject(parent), m_launch(std::move(launch)) {}

BatchRunner::~BatchRunner()
{
    m_canceled = true;
    const auto inFlight = m_inFlight;
    for (const InFlight &f : inFlight)
        if (f.job) {
            f.job->disconnect(this);
            f.job->abort();
        }
}

void BatchRunner::start(const QList<int> &items)
{
    if (m_running)
        return;
    m_running = true;
    m_canceled = false;
    m_queue = items;
    m_total = int(items.size());
    m_done = 0;
    Q_EMIT progress(0, m_total);
    pump();
    finishIfDone();
}

void BatchRunner::cancel()
{
    if (!m_running)
        return;
    m_canceled = true;
    const QList<int> queued = std::exchange(m_queue, {});
    if (!queued.isEmpty()) {
        Q_EMIT dropped(queued);
        m_done += int(queued.size());
    }
    const auto inFlight = m_inFlight;
    for (const InFlight &f : inFlight)
        if (f.job)
            f.job->abort();
    finishIfDone();
}

void BatchRunner::requeue(api::Job *job)
{
    for (InFlight &f : m_inFlight)
        if (f.job == job && !f.requeued) {
            f.requeued = true;
            m_queue = f.items + m_queue;
        }
}

void BatchRunner::pump()
{
    const auto room = [this] {
        return m_chunkSize > 1 ? m_inFlight.isEmpty() : m_inFlight.size() < m_maxParallel;
    };
    while (!m_canceled && !m_queue.isEmpty() && room()) {
        const QList<int> chunk = m_queue.mid(0, m_chunkSize);
        m_queue.remove(0, chunk.size());
        send(chunk);
    }
}

void BatchRunner::send(const QList<int> &items)
{
    api::Job *job = m_launch(items);
    if (!job) {
        m_done += int(items.size());
        Q_EMIT progress(m_done, m_total);
        return;
    }
    m_inFlight.append({job, items, false});
    // Connected after the owner's handler, so the outcome is written before it is counted.
    connect(job, &api::Job::finished, this, [this, job] { onJobFinished(job); });
    job->start();
}

void BatchRunner::onJobFinished(api::Job *job)
{
    qsizetype at = -1;
    for (qsizetype i = 0; i < m_inFlight.size(); ++i)
        if (m_inFlight.at(i).job == job)
            at = i;
    if (at < 0)
        return;
    const InFlight f = m_inFlight.takeAt(at);
    if (!f.requeued) {
        m_done += int(f.items.size());
        Q_EMIT progress(m_done, m_total);
    }
    pump();
    finishIfDone();
}

void BatchRunner::finishIfDone()
{
    if (!m_running || !m_queue.isEmpty() || !m_inFlight.isEmpty())
        return;
    m_running = false;
    Q_EMIT finished();
}

} // namespace models
