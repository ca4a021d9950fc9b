#include "models/watch/watchcontroller.h"

#include "models/session/session.h"
#include "models/watch/auditwatcher.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

namespace models {

namespace {

// A match of rule r, whichever kind; the caller says what it is about.
WatchMatch matchOf(const WatchRule &r)
{
    WatchMatch m;
    m.ruleId = r.id;
    m.ruleName = r.name;
    m.organizationId = r.organizationId;
    m.organizationName = r.organizationName;
    return m;
}

} // namespace

WatchController::WatchController(Session *session, QObject *parent)
    : QObject(parent), m_session(session), m_matches(new WatchMatchesModel(this)),
      m_flushTimer(new QTimer(this))
{
    m_directory =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/watch");
    m_flushTimer->setSingleShot(true);
    connect(m_flushTimer, &QTimer::timeout, this, &WatchController::flushHeld);
    connect(m_matches, &WatchMatchesModel::dataChanged, this, &WatchController::save);
    if (session) {
        connect(session, &Session::clientChanged, this, [this] {
            if (m_session && m_session->connectionProfileName() != m_profile)
                load();
            updateActivity();
        });
        connect(session, &Session::stateChanged, this, &WatchController::updateActivity);
    }
    load();
    updateActivity();
}

WatchController::~WatchController()
{
    const QStringList ids = m_slots.keys();
    for (const QString &id : ids)
        stopSlot(id);
}

qint64 WatchController::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

QString WatchController::notificationKey(const QString &ruleId, const QString &entryId)
{
    return ruleId + QLatin1Char('/') + entryId;
}

void WatchController::setStorageDirectory(const QString &directory)
{
    m_directory = directory;
    load();
    updateActivity();
}

QString WatchController::storageFile() const
{
    // One file per connection profile; the name is a digest so any profile name fits.
    const QByteArray digest =
        QCryptographicHash::hash(m_profile.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return m_directory + QStringLiteral("/watch-") + QString::fromLatin1(digest) + QStringLiteral(".json");
}

void WatchController::load()
{
    const QStringList ids = m_slots.keys();
    for (const QString &id : ids)
        stopSlot(id);
    m_profile = m_session ? m_session->connectionProfileName() : QString();
    m_rules.clear();
    QList<WatchMatch> matches;
    QFile file(storageFile());
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        for (const QJsonValue &v : o.value(QStringLiteral("rules")).toArray()) {
            WatchRule r = WatchRule::fromJson(v.toObject());
            if (!r.id.isEmpty())
                m_rules.append(r);
        }
        for (const QJsonValue &v : o.value(QStringLiteral("matches")).toArray())
            matches.append(WatchMatch::fromJson(v.toObject()));
    }
    m_matches->setMatches(matches);
    Q_EMIT rulesChanged();
}

void WatchController::save()
{
    QJsonArray rules;
    for (const WatchRule &r : std::as_const(m_rules))
        rules.append(r.toJson());
    QJsonArray matches;
    for (const WatchMatch &m : m_matches->matches())
        matches.append(m.toJson());
    QJsonObject o;
    o.insert(QStringLiteral("orgscope_watch"), 1);
    o.insert(QStringLiteral("rules"), rules);
    o.insert(QStringLiteral("matches"), matches);
    QDir().mkpath(m_directory);
    QSaveFile file(storageFile());
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
        file.commit();
    }
}

std::optional<WatchRule> WatchController::rule(const QString &id) const
{
    for (const WatchRule &r : m_rules)
        if (r.id == id)
            return r;
    return std::nullopt;
}

WatchRule *WatchController::findRule(const QString &id)
{
    for (WatchRule &r : m_rules)
        if (r.id == id)
            return &r;
    return nullptr;
}

bool WatchController::isPolling() const
{
    return m_polling;
}

QString WatchController::addRule(WatchRule rule)
{
    rule.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    rule.intervalSeconds = qMax(WatchRule::kMinIntervalSeconds, rule.intervalSeconds);
    rule.position = {};
    rule.seenEvents.clear();
    m_rules.append(rule);
    save();
    Q_EMIT rulesChanged();
    updateActivity();
    return rule.id;
}

void WatchController::updateRule(const WatchRule &changed)
{
    WatchRule *r = findRule(changed.id);
    if (!r)
        return;
    const bool restart = r->organizationId != changed.organizationId || !(r->query == changed.query) ||
                         r->kind != changed.kind;
    const AuditWatchPosition position = restart ? AuditWatchPosition{} : r->position;
    // Events already notified stay so (a changed threshold is a new event, an unchanged one is not).
    const QStringList seen = restart ? QStringList() : r->seenEvents;
    *r = changed;
    r->seenEvents = seen;
    r->intervalSeconds = qMax(WatchRule::kMinIntervalSeconds, r->intervalSeconds);
    r->position = position;
    stopSlot(r->id);
    save();
    Q_EMIT rulesChanged();
    updateActivity();
}

void WatchController::removeRule(const QString &id)
{
    stopSlot(id);
    m_rules.removeIf([&id](const WatchRule &r) { return r.id == id; });
    m_matches->removeRule(id);
    save();
    Q_EMIT rulesChanged();
    updateActivity();
}

void WatchController::setRuleEnabled(const QString &id, bool enabled)
{
    WatchRule *r = findRule(id);
    if (!r || r->enabled == enabled)
        return;
    r->enabled = enabled;
    save();
    Q_EMIT rulesChanged();
    updateActivity();
}

void WatchController::updateActivity()
{
    const bool connected =
        m_session && m_session->client() && m_session->state() == Session::State::Connected;
    bool polling = false;
    for (const WatchRule &r : std::as_const(m_rules)) {
        const bool active = connected && r.enabled && !r.organizationId.isEmpty();
        if (!active) {
            stopSlot(r.id);
            continue;
        }
        polling = true;
        auto it = m_slots.find(r.id);
        if (it == m_slots.end())
            r.kind == WatchRule::Kind::Usage ? startUsageSlot(r) : startSlot(r);
        else if (it->usage)
            it->usage->setClient(m_session->client());
        else
            it->watcher->setClient(m_session->client());
    }
    if (polling != m_polling) {
        m_polling = polling;
        Q_EMIT pollingChanged(polling);
    }
}

template <typename Watcher> void WatchController::addSlot(const WatchRule &rule, Slot slot, Watcher *watcher)
{
    slot.timer = new QTimer(this);
    slot.timer->setSingleShot(true);
    slot.timer->setInterval(rule.intervalSeconds * 1000);
    connect(slot.timer, &QTimer::timeout, watcher, &Watcher::poll);
    m_slots.insert(rule.id, slot);
    QTimer::singleShot(0, watcher, &Watcher::poll);
}

void WatchController::onRoundFinished(const QString &ruleId, bool ok, const api::ApiError &error)
{
    const auto it = m_slots.constFind(ruleId);
    if (it == m_slots.constEnd())
        return;
    Q_EMIT ruleError(ruleId,
                     ok || error.kind() == api::ApiError::Kind::Canceled ? QString() : error.userMessage());
    it->timer->start();
}

void WatchController::startSlot(const WatchRule &rule)
{
    Slot slot;
    slot.watcher = new AuditWatcher(m_session->client(), rule.organizationId, rule.query, this);
    slot.watcher->setPosition(rule.position);
    const QString id = rule.id;
    AuditWatcher *watcher = slot.watcher;
    connect(watcher, &AuditWatcher::matched, this,
            [this, id](const QList<AuditWatchMatch> &found) { onMatched(id, found); });
    connect(watcher, &AuditWatcher::positionChanged, this, [this, id, watcher] {
        if (WatchRule *r = findRule(id)) {
            r->position = watcher->position();
            save();
        }
    });
    connect(watcher, &AuditWatcher::pollFinished, this,
            [this, id](bool ok, const api::ApiError &error, bool) { onRoundFinished(id, ok, error); });
    addSlot(rule, slot, watcher);
}

void WatchController::startUsageSlot(const WatchRule &rule)
{
    Slot slot;
    slot.usage = new UsageWatcher(m_session->client(), rule.organizationId, rule.usage, this);
    slot.usage->setClock(m_clock);
    const QString id = rule.id;
    UsageWatcher *usage = slot.usage;
    connect(usage, &UsageWatcher::evaluated, this,
            [this, id](const QList<UsageWatchEvent> &events) { onUsageEvaluated(id, events); });
    connect(usage, &UsageWatcher::pollFinished, this,
            [this, id](bool ok, const api::ApiError &error) { onRoundFinished(id, ok, error); });
    addSlot(rule, slot, usage);
}

void WatchController::onUsageEvaluated(const QString &ruleId, const QList<UsageWatchEvent> &events)
{
    WatchRule *r = findRule(ruleId);
    if (!r)
        return;
    const QStringList before = r->seenEvents;
    const QList<UsageWatchEvent> fresh = newUsageEvents(events, r->seenEvents);
    QList<WatchMatch> batch;
    for (const UsageWatchEvent &e : fresh) {
        WatchMatch m = matchOf(*r);
        m.entryId = e.key;
        m.timeMs = e.timeMs;
        m.summary = e.summary;
        m.usage = true;
        m.usageGroup = e.group;
        batch.append(m);
    }
    m_matches->prepend(batch);
    if (!batch.isEmpty() || before != r->seenEvents)
        save();
    notify(batch);
}

void WatchController::stopSlot(const QString &id)
{
    const Slot slot = m_slots.take(id);
    if (!slot.watcher && !slot.usage)
        return;
    slot.timer->stop();
    if (slot.watcher) {
        slot.watcher->cancel();
        slot.watcher->deleteLater();
    }
    if (slot.usage) {
        slot.usage->cancel();
        slot.usage->deleteLater();
    }
    slot.timer->deleteLater();
}

void WatchController::pollNow()
{
    for (const Slot &slot : std::as_const(m_slots)) {
        if (slot.usage)
            slot.usage->poll();
        else
            slot.watcher->poll();
    }
}

void WatchController::onMatched(const QString &ruleId, const QList<AuditWatchMatch> &found)
{
    const WatchRule *r = findRule(ruleId);
    if (!r)
        return;
    QList<WatchMatch> batch;
    for (const AuditWatchMatch &f : found) {
        WatchMatch m = matchOf(*r);
        m.entryId = f.id;
        m.timeMs = f.timeMs;
        m.summary = f.summary();
        batch.append(m);
    }
    m_matches->prepend(batch);
    notify(batch);
    // The position that includes these follows (positionChanged), and saves both.
}

void WatchController::notify(const QList<WatchMatch> &batch)
{
    QStringList keys;
    for (const WatchMatch &m : batch)
        keys << notificationKey(m.ruleId, m.entryId);
    const WatchBurstLimiter::Decision d = m_burst.add(keys, now());
    for (const WatchMatch &m : batch) {
        const QString key = notificationKey(m.ruleId, m.entryId);
        if (d.individual.contains(key))
            Q_EMIT notificationRequested(key, m.ruleName, m.summary);
    }
    if (d.summary > 0)
        Q_EMIT notificationRequested(
            QStringLiteral("summary"), tr("Orgscope watch"),
            tr("%n new watch matches (audit entries, budget warnings or anomalies)", nullptr, d.summary));
    if (const qint64 next = m_burst.nextFlushMs(); next > 0)
        m_flushTimer->start(int(qBound<qint64>(0, next - now(), WatchBurstLimiter::kWindowMs)));
}

void WatchController::flushHeld()
{
    if (const int held = m_burst.flush(now()); held > 0)
        Q_EMIT notificationRequested(
            QStringLiteral("summary"), tr("Orgscope watch"),
            tr("%n new watch matches (audit entries, budget warnings or anomalies)", nullptr, held));
    else if (const qint64 next = m_burst.nextFlushMs(); next > 0)
        m_flushTimer->start(int(qBound<qint64>(0, next - now(), WatchBurstLimiter::kWindowMs)));
}

void WatchController::openMatch(int row)
{
    if (row < 0 || row >= m_matches->rowCount())
        return;
    const WatchMatch m = m_matches->at(row);
    m_matches->setUnread(row, false);
    if (m.usage)
        Q_EMIT openUsageRequested(m.organizationId, m.organizationName, m.usageGroup);
    else
        Q_EMIT openEntryRequested(m.organizationId, m.organizationName, m.entryId, m.timeMs);
}

void WatchController::activateNotification(const QString &key)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    if (slash < 0) {
        Q_EMIT showMatchesRequested();
        return;
    }
    const int row = m_matches->rowOfEntry(key.left(slash), key.mid(slash + 1));
    if (row < 0)
        Q_EMIT showMatchesRequested();
    else
        openMatch(row);
}

void WatchController::markAllRead()
{
    m_matches->markAllRead();
}

} // namespace models
