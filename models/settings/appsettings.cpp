#include "models/settings/appsettings.h"

#include <algorithm>

namespace models {

namespace {
QString viewKey(const char *group, const QString &name)
{
    return QLatin1String(group) + u'/' + name;
}
} // namespace

AppSettings::AppSettings() = default;

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(QStringLiteral("window/geometry")).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &state)
{
    m_settings.setValue(QStringLiteral("window/geometry"), state);
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(QStringLiteral("window/state"), state);
}

QByteArray AppSettings::headerState(const QString &key) const
{
    return m_settings.value(viewKey("headers", key)).toByteArray();
}

void AppSettings::setHeaderState(const QString &key, const QByteArray &state)
{
    m_settings.setValue(viewKey("headers", key), state);
}

QByteArray AppSettings::splitterState(const QString &key) const
{
    return m_settings.value(viewKey("splitters", key)).toByteArray();
}

void AppSettings::setSplitterState(const QString &key, const QByteArray &state)
{
    m_settings.setValue(viewKey("splitters", key), state);
}

int AppSettings::currentPage() const
{
    return m_settings.value(QStringLiteral("window/page"), 0).toInt();
}

void AppSettings::setCurrentPage(int index)
{
    m_settings.setValue(QStringLiteral("window/page"), index);
}

QString AppSettings::lastOrganizationId() const
{
    return m_settings.value(QStringLiteral("session/lastOrganization")).toString();
}

void AppSettings::setLastOrganizationId(const QString &id)
{
    m_settings.setValue(QStringLiteral("session/lastOrganization"), id);
}

bool AppSettings::showTimesInUtc() const
{
    return m_settings.value(QStringLiteral("display/utc"), false).toBool();
}

void AppSettings::setShowTimesInUtc(bool utc)
{
    m_settings.setValue(QStringLiteral("display/utc"), utc);
}

int AppSettings::auditArchiveRetentionDays() const
{
    bool ok = false;
    const int days =
        m_settings.value(QStringLiteral("auditArchive/retentionDays"), kDefaultAuditArchiveRetentionDays)
            .toInt(&ok);
    return ok && days >= 0 ? days : kDefaultAuditArchiveRetentionDays;
}

void AppSettings::setAuditArchiveRetentionDays(int days)
{
    m_settings.setValue(QStringLiteral("auditArchive/retentionDays"), std::max(days, 0));
}

int AppSettings::auditArchiveMaxMiB() const
{
    bool ok = false;
    const int mib =
        m_settings.value(QStringLiteral("auditArchive/maxMiB"), kDefaultAuditArchiveMaxMiB).toInt(&ok);
    return ok && mib >= 0 ? mib : kDefaultAuditArchiveMaxMiB;
}

void AppSettings::setAuditArchiveMaxMiB(int mib)
{
    m_settings.setValue(QStringLiteral("auditArchive/maxMiB"), std::max(mib, 0));
}

QVariant AppSettings::value(const QString &key, const QVariant &defaultValue) const
{
    return m_settings.value(key, defaultValue);
}

void AppSettings::setValue(const QString &key, const QVariant &value)
{
    m_settings.setValue(key, value);
}

QStringList AppSettings::childKeys(const QString &group) const
{
    m_settings.beginGroup(group);
    const QStringList keys = m_settings.childKeys();
    m_settings.endGroup();
    return keys;
}

void AppSettings::sync()
{
    m_settings.sync();
}

} // namespace models
