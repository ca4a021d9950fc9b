#pragma once
// Organizations, accounts, users and memberships, with the relations the
// endpoints need (tree walks, emptiness, "containing" filters) and their JSON
// shapes (REFERENCE §5.1-5.4).

#include "entities.h"
#include "jsonwriter.h"

#include <QList>

namespace sim {

class DataStore
{
public:
    QList<Organization> organizations; // create_time order
    QList<Account> accounts;
    QList<User> users;
    QList<Member> members;

    Organization *organization(const QByteArray &id);
    const Organization *organization(const QByteArray &id) const;
    const Account *account(const QByteArray &id) const;
    Member *member(const QByteArray &organizationId, const QByteArray &memberId);
    int userByEmail(const QString &email) const; // -1 if unknown, case-insensitive
    int userById(const QByteArray &id) const;

    // True when `ancestor` is `org` or one of its ancestors.
    bool isAncestorOrSelf(const QByteArray &ancestor, const QByteArray &org) const;
    QList<QByteArray> hierarchy(const QByteArray &org) const; // root first, self last
    QByteArray rootOf(const QByteArray &org) const;
    int childCount(const QByteArray &org) const;
    int accountCount(const QByteArray &org) const;
    QList<const Account *> accountsInSubtree(const QByteArray &org) const;

    void writeOrganization(JsonWriter &w, const Organization &org, bool legacyMetaFlags) const;
    static void writeProfile(JsonWriter &w, const Profile &profile);
    static void writeAccount(JsonWriter &w, const Account &account, bool includeTags);
    void writeMember(JsonWriter &w, const Member &member) const;
};

} // namespace sim
