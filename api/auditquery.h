#pragma once
// Every filter of the organization audit-log endpoint (REFERENCE §4.13) in
// both forms: include (key=v) and exclude (key.not=v). Values within one key
// are OR-ed by the server, different keys AND-ed.

#include "api/query.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace api {

struct AuditFilterValues
{
    QStringList include;
    QStringList exclude;
    bool isEmpty() const { return include.isEmpty() && exclude.isEmpty(); }
    friend bool operator==(const AuditFilterValues &, const AuditFilterValues &) = default;
};

struct AuditQuery
{
    QString since;     // required: YYYY-MM-DD (UTC) or RFC 3339
    QString before;    // required: same formats
    QString direction; // "desc" (server default) | "asc"; empty = not sent
    int limit = 1000;  // 1..1000 per page

    AuditFilterValues id;
    AuditFilterValues actionResult;
    AuditFilterValues actionType;
    AuditFilterValues actorContext;
    AuditFilterValues actorEmail;
    AuditFilterValues actorId;
    AuditFilterValues actorIpAddress;
    AuditFilterValues actorTokenId;
    AuditFilterValues actorTokenName;
    AuditFilterValues actorType;
    AuditFilterValues rawCfRayId;
    AuditFilterValues rawMethod;
    AuditFilterValues rawStatusCode;
    AuditFilterValues rawUri;
    AuditFilterValues resourceId;
    AuditFilterValues resourceProduct;
    AuditFilterValues resourceScope;
    AuditFilterValues resourceType;

    // Wire key ("actor_email") → member, in a stable order; lets the CLI and
    // the filter UI enumerate every filter without repeating the list.
    struct Field
    {
        const char *wireKey;
        AuditFilterValues AuditQuery::*member;
    };
    static const QList<Field> &fields();

    // Empty when valid, else a sentence naming the problem.
    QString validate() const;
    // The query for one page; cursor empty on the first page.
    Query toQuery(const QString &cursor = {}) const;

    friend bool operator==(const AuditQuery &, const AuditQuery &) = default;
};

} // namespace api
