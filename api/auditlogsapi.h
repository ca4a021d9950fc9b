#pragma once
// Organization audit logs v2 (REFERENCE §4.13). For a whole range use AuditPager.

#include "api/auditcolumns.h"
#include "api/auditquery.h"
#include "api/page.h"
#include "api/typedjob.h"

#include <functional>
#include <memory>
#include <string>

namespace api {

class Client;

class AuditLogsApi
{
public:
    explicit AuditLogsApi(Client *client) : m_client(client) {}

    // One page (decoded off the GUI thread). cursor empty = first page.
    TypedJob<AuditPage> *page(const QString &organizationId, const AuditQuery &query,
                              const QString &cursor = {}, QObject *parent = nullptr) const;
    // The same page decoded column by column (what AuditPager streams).
    // prepare, when set, runs on the decoding worker after a page decoded
    // and its answer goes with the page (AuditColumns::prepared).
    using Prepare = std::function<std::shared_ptr<const QByteArray>(const AuditColumns &page)>;
    // What of each entry is decoded: every column, only its bytes (raw;
    // ids() holds empty strings so that size() still counts the entries), or
    // its bytes, time and fields as ranges of them (AuditColumns::fields,
    // decode::auditFields; the same empty ids).
    enum class Fields { All, BytesOnly, Ranges };
    TypedJob<AuditColumns> *columns(const QString &organizationId, const AuditQuery &query,
                                    const QString &cursor = {}, QObject *parent = nullptr,
                                    Prepare prepare = {}, Fields fields = Fields::All) const;

private:
    Client *m_client;
};

} // namespace api
