#pragma once
// Organizations, their accounts and their business profile (REFERENCE §4.1–4.8).
// Each call returns a new job (not started); connect to finished() and start().

#include "api/listfilters.h"
#include "api/page.h"
#include "api/records.h"
#include "api/typedjob.h"

#include <optional>

namespace api {

class Client;

class OrganizationsApi
{
public:
    explicit OrganizationsApi(Client *client) : m_client(client) {}

    // One page; for the whole list use OrganizationsPager.
    TypedJob<Page<Organization>> *list(const OrganizationFilter &filter = {}, int pageSize = 1000,
                                       const QString &pageToken = {}, QObject *parent = nullptr) const;
    TypedJob<Organization> *get(const QString &organizationId, QObject *parent = nullptr) const;
    // parentId empty → a root organization. Never retried automatically (no duplicates).
    TypedJob<Organization> *create(const QString &name, const QString &parentId = {},
                                   const std::optional<Profile> &profile = {},
                                   QObject *parent = nullptr) const;
    // Rename (the API accepts only name changes today; parentId is sent when given).
    TypedJob<Organization> *update(const QString &organizationId, const QString &name,
                                   const QString &parentId = {}, QObject *parent = nullptr) const;
    // Result: the deleted organization's id.
    TypedJob<QString> *remove(const QString &organizationId, QObject *parent = nullptr) const;

    // One page of the organization's accounts; for all pages use AccountsPager.
    TypedJob<Page<Account>> *accounts(const QString &organizationId, const AccountFilter &filter = {},
                                      int pageSize = 1000, const QString &pageToken = {},
                                      QObject *parent = nullptr) const;

    TypedJob<Profile> *profile(const QString &organizationId, QObject *parent = nullptr) const;
    // Full replacement; the API answers 204.
    TypedJob<NoContent> *updateProfile(const QString &organizationId, const Profile &profile,
                                       QObject *parent = nullptr) const;

private:
    Client *m_client;
};

} // namespace api
