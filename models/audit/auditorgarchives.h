#pragma once
// Full entries (bodies included) of rows that may come from several
// organizations: a roll-up's rows live in the archive of the organization
// each came from (models/rollup/auditrollupcontroller stores them there).
// Opens each organization's archive read-only the first time one of its
// entries is asked for, so it can run on a worker beside the page's own
// archive. Not thread-safe: one instance per thread.

#include <QHash>
#include <QString>
#include <QStringList>
#include <map>
#include <memory>

namespace models {

class AuditArchive;

class AuditOrgArchives
{
public:
    // directory: where the archives live (AuditArchive::defaultDirectory() when
    // empty); defaultOrganizationId: the archive for rows without an organization.
    AuditOrgArchives(const QString &directory, const QString &defaultOrganizationId);
    ~AuditOrgArchives();
    AuditOrgArchives(const AuditOrgArchives &) = delete;
    AuditOrgArchives &operator=(const AuditOrgArchives &) = delete;

    // The entry as received, from the archive of its organization; empty when unknown.
    QByteArray fullEntry(const QString &id, const QString &organizationId);
    // The same for many: organizationIds[i] is the organization of ids[i]
    // (missing or empty: the default one). Unknown ids are left out.
    QHash<QString, QByteArray> fullEntries(const QStringList &ids, const QStringList &organizationIds);

private:
    AuditArchive *archiveOf(const QString &organizationId);

    QString m_directory;
    QString m_default;
    std::map<QString, std::unique_ptr<AuditArchive>> m_archives; // null: no file or not readable
};

} // namespace models
