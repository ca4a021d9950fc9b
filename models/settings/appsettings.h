#pragma once
// One typed facade over QSettings. Every key and its default lives here, so a
// typo cannot create a second setting. Never stores a secret.

#include <QByteArray>
#include <QSettings>
#include <QString>

namespace models {

class AppSettings
{
public:
    AppSettings();

    // Window and view state, keyed by a stable object name.
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &state);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);
    QByteArray headerState(const QString &viewKey) const;
    void setHeaderState(const QString &viewKey, const QByteArray &state);
    QByteArray splitterState(const QString &splitterKey) const;
    void setSplitterState(const QString &splitterKey, const QByteArray &state);

    int currentPage() const;
    void setCurrentPage(int index);

    QString lastOrganizationId() const;
    void setLastOrganizationId(const QString &id);

    // Times are shown in local time unless the user asked for UTC.
    bool showTimesInUtc() const;
    void setShowTimesInUtc(bool utc);

    // Retention of the local audit archive: entries older than this many days
    // (0: no limit) and beyond this many MiB (0: no cap) are removed when it
    // opens. Defaults: the API's own 548 days and 2048 MiB.
    int auditArchiveRetentionDays() const;
    void setAuditArchiveRetentionDays(int days);
    int auditArchiveMaxMiB() const;
    void setAuditArchiveMaxMiB(int mib);
    static constexpr int kDefaultAuditArchiveRetentionDays = 548;
    static constexpr int kDefaultAuditArchiveMaxMiB = 2048;

    // Generic access for feature pages that own a few keys of their own
    // ("audit/lastRange", …). Keys are namespaced by the caller.
    QVariant value(const QString &key, const QVariant &defaultValue = {}) const;
    void setValue(const QString &key, const QVariant &value);
    // The keys directly under a group ("views" → the profile ids with saved views).
    QStringList childKeys(const QString &group) const;

    void sync();

private:
    mutable QSettings m_settings;
};

} // namespace models
