#pragma once
// The audit log of every organization (REFERENCE §4.13, §5.5). Each entry is
// serialized to JSON once, when it is added, into large append-only chunks;
// a page is the concatenation of stored bytes. Filterable fields are kept
// beside the bytes as interned indices so filtering never parses JSON. The
// cursor encodes the position in the organization's row list, so the next
// page resumes where the previous one stopped instead of rescanning.

#include "httpresponse.h"
#include "options.h"
#include "querystring.h"
#include "stringpool.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <vector>

namespace sim {

// One audit entry to record. Empty strings mean "field absent".
struct AuditEvent
{
    qint64 timeMs = 0;
    QByteArray organizationId;
    QByteArray description;
    QByteArray result = "success";
    QByteArray type;
    QByteArray actorId;
    QByteArray actorContext;
    QByteArray actorEmail;
    QByteArray actorIp;
    QByteArray actorTokenId;
    QByteArray actorTokenName;
    QByteArray actorType = "user";
    QByteArray method;
    int statusCode = 200;
    QByteArray uri;
    QByteArray userAgent;
    QByteArray resourceId;
    QByteArray resourceProduct = "organizations";
    QByteArray resourceScope = "organizations";
    QByteArray resourceType;
    QByteArray requestJson;  // raw JSON; empty -> {}
    QByteArray responseJson; // raw JSON; empty -> {}
};

class AuditStore
{
public:
    explicit AuditStore(quint64 seed);

    void reserve(qsizetype rows);
    // Entries must arrive in non-decreasing time; an earlier time is clamped
    // to the last one so the per-organization lists stay sorted.
    void append(const AuditEvent &event);
    qsizetype size() const { return qsizetype(m_rows.size()); }
    qint64 lastTime() const { return m_rows.empty() ? 0 : m_rows.back().timeMs; }
    qsizetype bytesUsed() const;

    // GET /organizations/{id}/logs/audit with the envelope of family (b).
    // ignorePositive: filters without ".not" are validated, then not applied.
    HttpResponse list(const QByteArray &organizationId, const QueryString &query, CursorStyle style,
                      bool ignorePositive = false) const;

    QByteArray entryJson(qsizetype row) const;

private:
    enum Field : int {
        ActionResult,
        ActionType,
        ActorContext,
        ActorEmail,
        ActorId,
        ActorIp,
        ActorTokenId,
        ActorTokenName,
        ActorType,
        RawMethod,
        RawUri,
        ResourceId,
        ResourceProduct,
        ResourceScope,
        ResourceType,
        PooledFieldCount
    };
    struct Row
    {
        qint64 timeMs;
        quint32 chunk;
        quint32 offset;
        quint32 length;
        quint32 seq;
        quint32 fields[PooledFieldCount];
        quint16 status;
        quint16 org;
    };
    struct Filter;

    static quint64 idCounter(const Row &row);
    QByteArray entryId(const Row &row) const;
    QByteArray rayId(const Row &row) const;
    int organizationIndex(const QByteArray &organizationId, bool create);
    bool matches(const Row &row, const Filter &filter) const;

    quint64 m_seed;
    quint64 m_idLabelHash;
    StringPool m_pool;
    std::vector<Row> m_rows;
    std::vector<QByteArray> m_chunks;
    QHash<QByteArray, int> m_orgIndex;
    std::vector<std::vector<quint32>> m_orgRows; // per organization, row indices in time order
};

} // namespace sim
