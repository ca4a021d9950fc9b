#pragma once
// A job whose 2xx body decodes into one typed value (a record, a page, ...).
// Big bodies are decoded on the decoding threads (decodePool()) and the
// result posted back, so the GUI thread never parses a large page.

#include "api/decoded.h"
#include "api/decodepool.h"
#include "api/job.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <functional>

namespace api {

template <typename T> class TypedJob : public Job
{
public:
    // Must be thread-safe and free of side effects: it may run on a worker.
    using Decoder = std::function<Decoded<T>(const QByteArray &body, int httpStatus)>;

    TypedJob(Client *client, Method method, const QString &path, const Query &query,
             const QByteArray &jsonBody, Decoder decoder, QObject *parent = nullptr)
        : Job(client, method, path, query, jsonBody, parent), m_decoder(std::move(decoder))
    {}

    // Valid after a successful finished().
    const T &result() const { return m_result; }
    T takeResult() { return std::move(m_result); }

    // Bodies at least this large are decoded off the calling thread (default 64 KiB; 0 = always).
    void setOffThreadThreshold(qsizetype bytes) { m_offThreadThreshold = bytes; }
    using Job::setAcceptAnything;

protected:
    void handleSuccess(int httpStatus, const QByteArray &body) override
    {
        if (!m_decoder) {
            complete();
            return;
        }
        if (m_offThreadThreshold < 0 || body.size() < m_offThreadThreshold) {
            applyDecoded(m_decoder(body, httpStatus));
            return;
        }
        auto *watcher = new QFutureWatcher<Decoded<T>>(this);
        QObject::connect(watcher, &QFutureWatcher<Decoded<T>>::finished, this, [this, watcher] {
            watcher->deleteLater();
            applyDecoded(watcher->future().takeResult());
        });
        // The worker holds copies only: if the job dies meanwhile, nothing dangles.
        watcher->setFuture(QtConcurrent::run(
            decodePool(), [decoder = m_decoder, body, httpStatus] { return decoder(body, httpStatus); }));
    }

private:
    void applyDecoded(Decoded<T> &&decoded)
    {
        if (decoded.ok())
            m_result = std::move(decoded.value);
        complete(decoded.error);
    }

    Decoder m_decoder;
    T m_result{};
    qsizetype m_offThreadThreshold = 64 * 1024;
};

// For calls whose answer carries nothing useful (204s, delete).
struct NoContent
{
};

} // namespace api
