#pragma once
// One HTTP attempt of an api::Job, run on the thread its network manager
// lives in: a Client that makes its own manager keeps it on a network thread
// of its own (Client::networkThread()), so sending, vetting redirects,
// reading the body as it arrives, the inactivity timeout and the deadline
// all happen there, and the job's thread (the GUI thread) gets one event per
// attempt (done()) instead of one per network chunk plus the copies of a
// multi-megabyte answer. Private to the api layer: only Job uses it.
//
// Lifetime: the job creates the attempt, moves it to the manager's thread and
// is its only owner; it lets go of it with deleteLater(), never from the
// attempt's side, so the job's pointer never dangles. Client stops its
// network thread only after every job has let go (Client::networkStopping).

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>

#include <atomic>
#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace api::detail {

struct AttemptRequest
{
    QNetworkRequest request;
    QByteArray verb;           // GET, POST, PUT, DELETE
    QByteArray body;           // empty: none (a POST's body is sent so that Qt cannot re-send it)
    int transferTimeoutMs = 0; // no byte moved for this long: aborted (0: never)
    int deadlineMs = 0;        // the whole attempt (0: none)
};

struct AttemptOutcome
{
    enum class Abort { None, Inactivity, Deadline, Redirect, ReplyDestroyed };

    int id = 0; // the job's attempt number, so a late outcome is never taken for the live one
    int httpStatus = 0;
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;
    QByteArray body; // with kDecoderPadding spare capacity (replybody.h)
    QList<QPair<QByteArray, QByteArray>> headers;
    Abort abort = Abort::None;
    bool requestSent = false;

    // A response header, case-insensitive; repeated headers joined by ", ".
    QByteArray header(QByteArrayView name) const;
};

class Attempt : public QObject
{
    Q_OBJECT
public:
    // `received` is updated with the body bytes read so far (Job::bytesReceived()).
    Attempt(QNetworkAccessManager *manager, int id, AttemptRequest request,
            std::shared_ptr<std::atomic<qint64>> received);
    // Aborts and deletes a reply still in flight.
    ~Attempt() override;

    // Call on the manager's thread (the job invokes it there).
    void start();

Q_SIGNALS:
    // Exactly once, unless the attempt is deleted first.
    void done(const api::detail::AttemptOutcome &outcome);

private:
    void readBody();
    void onFinished();
    void onReplyDestroyed();
    void resetInactivity();
    void abortFor(AttemptOutcome::Abort reason);
    void finish(AttemptOutcome &&outcome);

    QNetworkAccessManager *m_manager;
    AttemptRequest m_request;
    std::shared_ptr<std::atomic<qint64>> m_received;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_inactivity = nullptr;
    QTimer *m_deadline = nullptr;
    QByteArray m_body;
    int m_id;
    AttemptOutcome::Abort m_abort = AttemptOutcome::Abort::None;
    bool m_sent = false;
    bool m_done = false;
};

} // namespace api::detail
