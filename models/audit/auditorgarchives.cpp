#include "models/audit/auditorgarchives.h"

#include "models/audit/auditarchive.h"

#include <QFileInfo>

namespace models {

AuditOrgArchives::AuditOrgArchives(const QString &directory, const QString &defaultOrganizationId)
    : m_directory(directory), m_default(defaultOrganizationId)
{}

AuditOrgArchives::~AuditOrgArchives() = default;

AuditArchive *AuditOrgArchives::archiveOf(const QString &organizationId)
{
    const QString org = organizationId.isEmpty() ? m_default : organizationId;
    if (org.isEmpty())
        return nullptr;
    auto it = m_archives.find(org);
    if (it == m_archives.end()) {
        auto archive = std::make_unique<AuditArchive>(org, m_directory);
        // Never creates a file: an organization without one has nothing to give.
        if (!QFileInfo::exists(archive->filePath()) || !archive->openReadOnly())
            archive.reset();
        it = m_archives.emplace(org, std::move(archive)).first;
    }
    return it->second.get();
}

QByteArray AuditOrgArchives::fullEntry(const QString &id, const QString &organizationId)
{
    AuditArchive *archive = archiveOf(organizationId);
    return archive ? archive->fullEntry(id) : QByteArray();
}

QHash<QString, QByteArray> AuditOrgArchives::fullEntries(const QStringList &ids,
                                                         const QStringList &organizationIds)
{
    // One query per organization.
    QHash<QString, QStringList> byOrganization;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QString org = i < organizationIds.size() ? organizationIds.at(i) : QString();
        byOrganization[org.isEmpty() ? m_default : org].append(ids.at(i));
    }
    QHash<QString, QByteArray> out;
    for (auto it = byOrganization.cbegin(); it != byOrganization.cend(); ++it) {
        if (AuditArchive *archive = archiveOf(it.key()))
            out.insert(archive->fullEntries(it.value()));
    }
    return out;
}

} // namespace models
