#pragma once
// Typed filters of the page-token list endpoints (REFERENCE §4.1, §4.6, §4.9).
// Empty strings / lists mean "not filtered".

#include "api/query.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace api {

struct OrganizationFilter
{
    QStringList ids;                // id=a&id=b (OR)
    QString name;                   // exact, case-sensitive
    QString nameContains;           // name.contains
    QString nameStartsWith;         // name.startsWith
    QString nameEndsWith;           // name.endsWith
    QString containingAccount;      // containing.account
    QString containingOrganization; // containing.organization
    QString containingUser;         // containing.user
    QString parentId;               // parent.id: an organization id, or "null" for root organizations only

    static OrganizationFilter rootsOnly();
    static OrganizationFilter childrenOf(const QString &organizationId);
    Query toQuery() const;
};

struct AccountFilter
{
    QString name;
    QString nameContains;
    QString nameStartsWith;
    QString nameEndsWith;
    QString accountPubname; // deprecated by the API, still accepted
    QString accountPubnameContains;
    QString accountPubnameStartsWith;
    QString accountPubnameEndsWith;
    bool orderByName = false; // order_by=account_name
    QString direction;        // "asc" | "desc" (with orderByName)
    std::optional<bool> includeTags;
    std::optional<bool> includeTotal;

    Query toQuery() const;
};

struct MemberFilter
{
    QStringList statuses; // status=active&status=pending
    QString userEmail;    // user.email (equality)
    QString userEmailContains;
    QString userEmailStartsWith;
    QString userEmailEndsWith;

    Query toQuery() const;
};

} // namespace api
