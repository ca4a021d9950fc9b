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
#include <vector>

class QNetworkAccessManager;
class QTimer;

namespace api::detail {

class Attempt;
class ReadAhead;

// A paged GET whose next page's address is in the tail of this page's body
// (the audit log's cursor): when its answer is complete, the attempt reads
// that cursor on the network thread and sends the next page's request there
// at once, parked in the client's ReadAhead until the pager asks for that
// page and the job's attempt adopts it. The GUI thread's round trip between
// one page and the next (its event queue, a busy frame) is off the path.
struct ReadAheadRule
{
    ReadAhead *cache = nullptr; // the client's, on the manager's thread; null: none
    quintptr group = 0;         // the pager: its parked pages are dropped together
    // The next page's cursor from a complete 2xx body; empty: none (or unsure).
    QString (*nextCursor)(const QByteArray &body) = nullptr;
    QString cursorParameter; // the query parameter that carries it
    bool allowed = false;    // the rate budget can spare one request ahead now
};

struct AttemptRequest
{
    QNetworkRequest request;
    QByteArray verb;           // GET, POST, PUT, DELETE
    QByteArray body;           // empty: none (a POST's body is sent so that Qt cannot re-send it)
    int transferTimeoutMs = 0; // no byte moved for this long: aborted (0: never)
    int deadlineMs = 0;        // the whole attempt (0: none)
    ReadAheadRule readAhead;   // GET only
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
    // Set when the answer came from a request read ahead: the X-Request-ID
    // that request went with (the one the server logged).
    QByteArray readAheadRequestId;

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

    // Call on the manager's thread (the job invokes it there). A GET whose
    // request was read ahead takes that request's answer instead of sending.
    void start();

Q_SIGNALS:
    // Exactly once, unless the attempt is deleted first.
    void done(const api::detail::AttemptOutcome &outcome);

private:
    friend class ReadAhead;
    void send();
    // Takes over a parked attempt of the same request: its answer, now or when it comes.
    void adopt(Attempt *parked);
    void readAheadNext(const AttemptOutcome &outcome);
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
    bool m_parked = false;                  // read ahead, nobody adopted it yet
    std::unique_ptr<AttemptOutcome> m_kept; // a parked attempt's answer
};

// The client's parked read-ahead requests, on the network thread: at most a
// few, each for one pager (group), each dropped when its pager ends, when
// the client's credentials or base URL change, or after kParkedMs unclaimed.
class ReadAhead : public QObject
{
    Q_OBJECT
public:
    static constexpr int kParkedMs = 60000;
    static constexpr int kMaxParked = 8;

    explicit ReadAhead(QObject *parent = nullptr);
    ~ReadAhead() override;

    // The same request whatever the order of its query's pairs.
    static QString key(const QUrl &url);

    // Takes ownership of a started attempt.
    void park(quintptr group, Attempt *attempt);
    // The parked attempt of this request, now owned by the caller; null if none.
    Attempt *take(const QUrl &url);
    void drop(quintptr group);
    void dropAll();

    // Answers adopted so far (any thread).
    qint64 adopted() const { return m_adopted.load(std::memory_order_relaxed); }
    int parkedCount() const { return int(m_parked.size()); }

private:
    struct Parked
    {
        quintptr group;
        QString key;
        Attempt *attempt;
        quint64 serial;
    };
    void discard(size_t i);

    std::vector<Parked> m_parked;
    quint64 m_serial = 0;
    std::atomic<qint64> m_adopted{0};
};

} // namespace api::detail
