#include "api/organizationsapi.h"

#include "api/decoders.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace api {

namespace {
QString segment(const QString &id)
{
    return QString::fromLatin1(Query::encode(id));
}

QJsonObject profileJson(const Profile &p)
{
    return QJsonObject{{QStringLiteral("business_name"), p.businessName},
                       {QStringLiteral("business_email"), p.businessEmail},
                       {QStringLiteral("business_phone"), p.businessPhone},
                       {QStringLiteral("business_address"), p.businessAddress},
                       {QStringLiteral("external_metadata"), p.externalMetadata}};
}
} // namespace

TypedJob<Page<Organization>> *OrganizationsApi::list(const OrganizationFilter &filter, int pageSize,
                                                     const QString &pageToken, QObject *parent) const
{
    Query q = filter.toQuery();
    q.add(QStringLiteral("page_size"), qint64(pageSize));
    q.addIfSet(QStringLiteral("page_token"), pageToken);
    return new TypedJob<Page<Organization>>(
        m_client, Job::Method::Get, QStringLiteral("/organizations"), q, {},
        [](const QByteArray &body, int) { return decode::organizationsPage(body); }, parent);
}

TypedJob<Organization> *OrganizationsApi::get(const QString &organizationId, QObject *parent) const
{
    return new TypedJob<Organization>(
        m_client, Job::Method::Get, QStringLiteral("/organizations/") + segment(organizationId), {}, {},
        [](const QByteArray &body, int) { return decode::organizationResponse(body); }, parent);
}

TypedJob<Organization> *OrganizationsApi::create(const QString &name, const QString &parentId,
                                                 const std::optional<Profile> &profile, QObject *parent) const
{
    QJsonObject body{{QStringLiteral("name"), name}};
    if (!parentId.isEmpty())
        body.insert(QStringLiteral("parent"), QJsonObject{{QStringLiteral("id"), parentId}});
    if (profile)
        body.insert(QStringLiteral("profile"), profileJson(*profile));
    return new TypedJob<Organization>(
        m_client, Job::Method::Post, QStringLiteral("/organizations"), {},
        QJsonDocument(body).toJson(QJsonDocument::Compact),
        [](const QByteArray &b, int) { return decode::organizationResponse(b); }, parent);
}

TypedJob<Organization> *OrganizationsApi::update(const QString &organizationId, const QString &name,
                                                 const QString &parentId, QObject *parent) const
{
    QJsonObject body{{QStringLiteral("name"), name}};
    if (!parentId.isEmpty())
        body.insert(QStringLiteral("parent"), QJsonObject{{QStringLiteral("id"), parentId}});
    return new TypedJob<Organization>(
        m_client, Job::Method::Put, QStringLiteral("/organizations/") + segment(organizationId), {},
        QJsonDocument(body).toJson(QJsonDocument::Compact),
        [](const QByteArray &b, int) { return decode::organizationResponse(b); }, parent);
}

TypedJob<QString> *OrganizationsApi::remove(const QString &organizationId, QObject *parent) const
{
    const QString id = organizationId;
    return new TypedJob<QString>(
        m_client, Job::Method::Delete, QStringLiteral("/organizations/") + segment(organizationId), {}, {},
        [id](const QByteArray &b, int) {
            Decoded<QString> d = decode::deletedIdResponse(b);
            if (d.ok() && d.value.isEmpty())
                d.value = id;
            return d;
        },
        parent);
}

TypedJob<Page<Account>> *OrganizationsApi::accounts(const QString &organizationId,
                                                    const AccountFilter &filter, int pageSize,
                                                    const QString &pageToken, QObject *parent) const
{
    Query q = filter.toQuery();
    q.add(QStringLiteral("page_size"), qint64(pageSize));
    q.addIfSet(QStringLiteral("page_token"), pageToken);
    return new TypedJob<Page<Account>>(
        m_client, Job::Method::Get,
        QStringLiteral("/organizations/") + segment(organizationId) + QStringLiteral("/accounts"), q, {},
        [](const QByteArray &b, int) { return decode::accountsPage(b); }, parent);
}

TypedJob<Profile> *OrganizationsApi::profile(const QString &organizationId, QObject *parent) const
{
    return new TypedJob<Profile>(
        m_client, Job::Method::Get,
        QStringLiteral("/organizations/") + segment(organizationId) + QStringLiteral("/profile"), {}, {},
        [](const QByteArray &b, int) { return decode::profileResponse(b); }, parent);
}

TypedJob<NoContent> *OrganizationsApi::updateProfile(const QString &organizationId, const Profile &profile,
                                                     QObject *parent) const
{
    auto *job = new TypedJob<NoContent>(
        m_client, Job::Method::Put,
        QStringLiteral("/organizations/") + segment(organizationId) + QStringLiteral("/profile"), {},
        QJsonDocument(profileJson(profile)).toJson(QJsonDocument::Compact), {}, parent);
    job->setAcceptAnything(true);
    return job;
}

} // namespace api
