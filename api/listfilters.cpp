#include "api/listfilters.h"

namespace api {

OrganizationFilter OrganizationFilter::rootsOnly()
{
    OrganizationFilter f;
    f.parentId = QStringLiteral("null");
    return f;
}

OrganizationFilter OrganizationFilter::childrenOf(const QString &organizationId)
{
    OrganizationFilter f;
    f.parentId = organizationId;
    return f;
}

Query OrganizationFilter::toQuery() const
{
    Query q;
    q.add(QStringLiteral("id"), ids);
    q.addIfSet(QStringLiteral("name"), name);
    q.addIfSet(QStringLiteral("name.contains"), nameContains);
    q.addIfSet(QStringLiteral("name.startsWith"), nameStartsWith);
    q.addIfSet(QStringLiteral("name.endsWith"), nameEndsWith);
    q.addIfSet(QStringLiteral("containing.account"), containingAccount);
    q.addIfSet(QStringLiteral("containing.organization"), containingOrganization);
    q.addIfSet(QStringLiteral("containing.user"), containingUser);
    q.addIfSet(QStringLiteral("parent.id"), parentId);
    return q;
}

Query AccountFilter::toQuery() const
{
    Query q;
    q.addIfSet(QStringLiteral("name"), name);
    q.addIfSet(QStringLiteral("name.contains"), nameContains);
    q.addIfSet(QStringLiteral("name.startsWith"), nameStartsWith);
    q.addIfSet(QStringLiteral("name.endsWith"), nameEndsWith);
    q.addIfSet(QStringLiteral("account_pubname"), accountPubname);
    q.addIfSet(QStringLiteral("account_pubname.contains"), accountPubnameContains);
    q.addIfSet(QStringLiteral("account_pubname.startsWith"), accountPubnameStartsWith);
    q.addIfSet(QStringLiteral("account_pubname.endsWith"), accountPubnameEndsWith);
    if (orderByName)
        q.add(QStringLiteral("order_by"), QStringLiteral("account_name"));
    q.addIfSet(QStringLiteral("direction"), direction);
    if (includeTags)
        q.add(QStringLiteral("include_tags"), *includeTags);
    if (includeTotal)
        q.add(QStringLiteral("include_total"), *includeTotal);
    return q;
}

Query MemberFilter::toQuery() const
{
    Query q;
    q.add(QStringLiteral("status"), statuses);
    q.addIfSet(QStringLiteral("user.email"), userEmail);
    q.addIfSet(QStringLiteral("user.email.contains"), userEmailContains);
    q.addIfSet(QStringLiteral("user.email.startsWith"), userEmailStartsWith);
    q.addIfSet(QStringLiteral("user.email.endsWith"), userEmailEndsWith);
    return q;
}

} // namespace api
