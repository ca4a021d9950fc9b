#include "models/watch/auditwatcher.h"

#include "models/audit/auditfilter.h"
#include "models/audit/auditfiltercheck.h"
#include "models/audit/auditstore.h"

#include "api/auditcolumns.h"
#include "api/auditpager.h"
#include "api/client.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>

#include <optional>

namespace models {

namespace {
QString rfc3339(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

// The entry on one line: a server may send it pretty-printed.
QByteArray oneLine(const QByteArray &raw)
{
    if (!raw.contains('\n') && !raw.contains('\r'))
        return raw;
    const QJsonDocument doc = QJsonDocument::fromJson(raw);
    if (doc.isObject())
        return doc.toJson(QJsonDocument::Compact);
    QByteArray out = raw;
    out.replace('\r', ' ').replace('\n', ' ');
    return out;
}
} // namespace

QJsonObject AuditWatchPosition::toJson() const
{
    QJsonObject seenObject;
    for (auto it = seen.cbegin(); it != seen.cend(); ++it)
        seenObject.insert(it.key(), double(it.value()));
    QJsonObject o;
    if (isSet())
        o.insert(QStringLiteral("newest_ms"), double(newestMs));
    o.insert(QStringLiteral("seen"), seenObject);
    return o;
}

AuditWatchPosition AuditWatchPosition::fromJson(const QJsonObject &object)
{
    AuditWatchPosition p;
    const QJsonValue newest = object.value(QStringLiteral("newest_ms"));
    if (newest.isDouble())
        p.newestMs = qint64(newest.toDouble());
    const QJsonObject seenObject = object.value(QStringLiteral("seen")).toObject();
    for (auto it = seenObject.constBegin(); it != seenObject.constEnd(); ++it)
        if (it.value().isDouble())
            p.seen.insert(it.key(), qint64(it.value().toDouble()));
    return p;
}

QString AuditWatchMatch::summary() const
{
    QStringList parts;
    if (!description.isEmpty())
        parts << description;
    if (!actor.isEmpty())
        parts << actor;
    if (!result.isEmpty())
        parts << (status >= 0 && result != QLatin1String("success")
                      ? result + QLatin1Char(' ') + QString::number(status)
                      : result);
    return parts.join(QStringLiteral(" · "));
}

AuditWatcher::AuditWatcher(api::Client *client, const QString &organizationId, const AuditWatchQuery &query,
                           QObject *parent)
    : QObject(parent), m_client(client), m_orgId(organizationId), m_query(query)
{}

AuditWatcher::~AuditWatcher()
{
    cancel();
}

void AuditWatcher::setClient(api::Client *client)
{
    if (client != m_client)
        cancel();
    m_client = client;
}

void AuditWatcher::poll()
{
    if (m_pager)
        return;
    if (!m_client) {
        Q_EMIT pollFinished(false, api::ApiError::canceled(), false);
        return;
    }
    const qint64 now = m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
    m_pollStartMs = now;
    m_baseline = !m_position.isSet();
    api::AuditQuery q = m_query.filters;
    const qint64 from = (m_baseline ? now : m_position.newestMs) - m_overlapMs;
    // Whole seconds: the API's times are RFC 3339, and a second earlier is
    // only more overlap.
    q.since = rfc3339(from - ((from % 1000) + 1000) % 1000);
    q.before = rfc3339(qMax(now, m_position.newestMs) + kBeforeSlackMs);
    q.direction = QStringLiteral("asc");
    q.limit = m_pageSize;
    m_pager = new api::AuditPager(m_client, m_orgId, q, this);
    connect(m_pager, &api::AuditPager::columnsReady, this, &AuditWatcher::onPage);
    connect(m_pager, &api::Pager::finished, this, &AuditWatcher::onFinished);
    m_pager->start();
}

void AuditWatcher::cancel()
{
    if (m_pager)
        m_pager->abort(); // finished() follows, synchronously or queued
}

void AuditWatcher::onPage(const api::AuditColumns &page)
{
    using C = api::AuditColumns;
    // The local search and the positive filters the server may have ignored
    // (API.md §9.4) are checked here, on the page as received.
    const AuditFilterCheck check(m_query.filters);
    const AuditFilterCheck::Result checked =
        check.isActive() ? check.check(page) : AuditFilterCheck::Result{};
    std::optional<AuditStore> store;
    std::optional<AuditFilter> search;
    if (!m_query.search.trimmed().isEmpty()) {
        store.emplace();
        store->append(page);
        AuditFilterSpec spec;
        spec.text = m_query.search.trimmed();
        search.emplace(store->data(), spec);
    }
    QList<AuditWatchMatch> matches;
    for (qsizetype i = 0; i < page.size(); ++i) {
        const auto row = std::size_t(i);
        const QByteArray raw = page.bytes(page.raw[row]);
        QString id = page.ids.at(i);
        if (id.isEmpty()) // cannot happen at the API; still never report one twice
            id = QStringLiteral("sha1:") +
                 QString::fromLatin1(QCryptographicHash::hash(raw, QCryptographicHash::Sha1).toHex());
        const qint64 t = page.timeMs[row] != C::kNoTime ? page.timeMs[row]
                         : m_position.isSet()           ? m_position.newestMs
                                                        : m_pollStartMs;
        if (m_position.seen.contains(id))
            continue;
        m_position.seen.insert(id, t);
        if (m_baseline)
            continue; // the position is taken when the whole baseline is in
        if (t > m_position.newestMs)
            m_position.newestMs = t;
        if (row < checked.drop.size() && checked.drop[row])
            continue;
        if (search && !search->accepts(quint32(i)))
            continue;
        AuditWatchMatch m;
        m.id = id;
        m.timeMs = t;
        m.json = oneLine(raw);
        m.description = page.textAt(C::ActionDescription, i);
        m.actor = page.textAt(C::ActorEmail, i);
        if (m.actor.isEmpty())
            m.actor = page.textAt(C::ActorId, i);
        m.result = page.textAt(C::ActionResult, i);
        m.status = page.statusCodes[row].value_or(-1);
        matches.append(m);
    }
    if (!matches.isEmpty())
        Q_EMIT matched(matches);
    Q_EMIT positionChanged();
}

void AuditWatcher::onFinished()
{
    api::AuditPager *pager = std::exchange(m_pager, nullptr);
    const bool ok = pager->succeeded();
    const api::ApiError error = pager->error();
    pager->deleteLater();
    if (m_baseline) {
        // Watching starts now: since never goes back before this poll's own, so
        // nothing logged before the start is ever reported. A failed baseline
        // is taken again by the next poll.
        if (ok) {
            qint64 newest = m_pollStartMs;
            for (const qint64 t : std::as_const(m_position.seen))
                newest = qMax(newest, t);
            m_position.newestMs = newest;
        } else {
            m_position.seen.clear();
        }
    }
    if (m_position.isSet()) {
        // Only the overlap needs its ids.
        const qint64 keepFrom = m_position.newestMs - m_overlapMs - 1000;
        m_position.seen.removeIf(
            [keepFrom](const QHash<QString, qint64>::iterator it) { return it.value() < keepFrom; });
    }
    Q_EMIT positionChanged();
    Q_EMIT pollFinished(ok, error, m_baseline);
}

} // namespace models
