#include "models/connections/connectionprofilestore.h"

#include <QUuid>

namespace models {

namespace {

const QString kGroup = QStringLiteral("connections/profiles");
const QString kOrder = QStringLiteral("connections/order");
const QString kLast = QStringLiteral("connections/lastUsed");

} // namespace

ConnectionProfileStore::ConnectionProfileStore(QObject *parent) : QAbstractListModel(parent)
{
    load();
}

void ConnectionProfileStore::load()
{
    const QStringList order = m_settings.value(kOrder).toStringList();
    m_settings.beginGroup(kGroup);
    QStringList ids = m_settings.childGroups();
    // Keep the user's order; groups the order list does not know go last.
    QStringList sorted;
    for (const QString &id : order)
        if (ids.contains(id))
            sorted.append(id);
    for (const QString &id : std::as_const(ids))
        if (!sorted.contains(id))
            sorted.append(id);
    for (const QString &id : std::as_const(sorted)) {
        m_settings.beginGroup(id);
        ConnectionProfile p;
        p.id = id;
        p.name = m_settings.value(QStringLiteral("name")).toString();
        p.baseUrl = QUrl(m_settings.value(QStringLiteral("baseUrl")).toString());
        p.scheme = ConnectionProfile::schemeFromKey(m_settings.value(QStringLiteral("scheme")).toString());
        p.email = m_settings.value(QStringLiteral("email")).toString();
        p.accountId = m_settings.value(QStringLiteral("accountId")).toString();
        p.defaultOrganizationId = m_settings.value(QStringLiteral("defaultOrganization")).toString();
        m_settings.endGroup();
        m_profiles.append(p);
    }
    m_settings.endGroup();
}

void ConnectionProfileStore::write(const ConnectionProfile &p)
{
    // Only descriptive fields: the secret is the keychain's business.
    m_settings.beginGroup(kGroup + QLatin1Char('/') + p.id);
    m_settings.setValue(QStringLiteral("name"), p.name);
    m_settings.setValue(QStringLiteral("baseUrl"), p.baseUrl.toString(QUrl::RemoveUserInfo));
    m_settings.setValue(QStringLiteral("scheme"), ConnectionProfile::schemeKey(p.scheme));
    m_settings.setValue(QStringLiteral("email"),
                        p.scheme == ConnectionProfile::AuthScheme::GlobalKey ? p.email : QString());
    m_settings.setValue(QStringLiteral("accountId"), p.accountId);
    m_settings.setValue(QStringLiteral("defaultOrganization"), p.defaultOrganizationId);
    m_settings.endGroup();
    QStringList order;
    for (const ConnectionProfile &q : std::as_const(m_profiles))
        if (q.isSaved())
            order.append(q.id);
    m_settings.setValue(kOrder, order);
    m_settings.sync();
}

QString ConnectionProfileStore::newId()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

std::optional<ConnectionProfile> ConnectionProfileStore::profile(const QString &id) const
{
    const int row = rowOf(id);
    if (row < 0)
        return std::nullopt;
    return m_profiles.at(row);
}

int ConnectionProfileStore::rowOf(const QString &id) const
{
    if (id.isEmpty())
        return -1;
    for (int i = 0; i < m_profiles.size(); ++i)
        if (m_profiles.at(i).id == id)
            return i;
    return -1;
}

QString ConnectionProfileStore::add(ConnectionProfile profile)
{
    profile.id = newId();
    profile.origin = ConnectionProfile::Origin::Saved;
    const int row = int(m_profiles.size());
    beginInsertRows({}, row, row);
    m_profiles.append(profile);
    endInsertRows();
    write(profile);
    return profile.id;
}

bool ConnectionProfileStore::update(const ConnectionProfile &profile)
{
    const int row = rowOf(profile.id);
    if (row < 0 || !m_profiles.at(row).isSaved() || !profile.isSaved())
        return false;
    if (m_profiles.at(row) == profile)
        return true;
    m_profiles[row] = profile;
    write(profile);
    const QModelIndex i = index(row);
    Q_EMIT dataChanged(i, i);
    Q_EMIT profileChanged(profile.id);
    return true;
}

QString ConnectionProfileStore::duplicate(const QString &id)
{
    const std::optional<ConnectionProfile> source = profile(id);
    if (!source)
        return {};
    ConnectionProfile copy = *source;
    copy.name = uniqueName(tr("%1 (copy)").arg(source->name));
    return add(copy);
}

bool ConnectionProfileStore::remove(const QString &id)
{
    const int row = rowOf(id);
    if (row < 0 || !m_profiles.at(row).isSaved())
        return false;
    beginRemoveRows({}, row, row);
    m_profiles.removeAt(row);
    endRemoveRows();
    m_settings.remove(kGroup + QLatin1Char('/') + id);
    QStringList order = m_settings.value(kOrder).toStringList();
    order.removeAll(id);
    m_settings.setValue(kOrder, order);
    if (lastUsedId() == id)
        m_settings.remove(kLast);
    m_settings.sync();
    Q_EMIT profileRemoved(id);
    return true;
}

QString ConnectionProfileStore::addTransient(ConnectionProfile profile)
{
    Q_ASSERT(!profile.isSaved());
    profile.id = profile.origin == ConnectionProfile::Origin::Demo ? QStringLiteral("demo")
                                                                   : QStringLiteral("environment");
    const int existing = rowOf(profile.id);
    if (existing >= 0) {
        m_profiles[existing] = profile;
        Q_EMIT dataChanged(index(existing), index(existing));
        return profile.id;
    }
    int row = 0;
    while (row < m_profiles.size() && !m_profiles.at(row).isSaved())
        ++row;
    beginInsertRows({}, row, row);
    m_profiles.insert(row, profile);
    endInsertRows();
    return profile.id;
}

bool ConnectionProfileStore::nameTaken(const QString &name, const QString &exceptId) const
{
    const QString wanted = name.trimmed();
    for (const ConnectionProfile &p : m_profiles)
        if (p.id != exceptId && p.name.trimmed().compare(wanted, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QString ConnectionProfileStore::uniqueName(const QString &base) const
{
    QString name = base;
    for (int n = 2; nameTaken(name); ++n)
        name = base + QStringLiteral(" %1").arg(n);
    return name;
}

QString ConnectionProfileStore::lastUsedId() const
{
    return m_settings.value(kLast).toString();
}

void ConnectionProfileStore::setLastUsedId(const QString &id)
{
    const std::optional<ConnectionProfile> p = profile(id);
    if (!p || !p->isSaved())
        return;
    m_settings.setValue(kLast, id);
    m_settings.sync();
}

int ConnectionProfileStore::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

QVariant ConnectionProfileStore::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConnectionProfile &p = m_profiles.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (p.origin) {
        case ConnectionProfile::Origin::Environment:
        case ConnectionProfile::Origin::Demo:
            return tr("%1 (not saved)").arg(p.name);
        case ConnectionProfile::Origin::Saved:
            return p.name;
        }
        return p.name;
    case Qt::ToolTipRole:
        return p.baseUrl.toDisplayString();
    case Qt::EditRole:
        return p.name;
    case IdRole:
        return p.id;
    case OriginRole:
        return int(p.origin);
    case BaseUrlRole:
        return p.baseUrl;
    case SavedRole:
        return p.isSaved();
    default:
        return {};
    }
}

QHash<int, QByteArray> ConnectionProfileStore::roleNames() const
{
    QHash<int, QByteArray> roles = QAbstractListModel::roleNames();
    roles.insert(IdRole, "profileId");
    roles.insert(OriginRole, "origin");
    roles.insert(BaseUrlRole, "baseUrl");
    roles.insert(SavedRole, "saved");
    return roles;
}

} // namespace models
