#pragma once
// Seeded synthetic audit entries for tests and benchmarks: realistic
// cardinalities (hundreds of actors, thousands of IPs, tens of thousands of
// resources), some failures, a few ids that do not pack as hex, mixed case.

#include "api/records.h"

#include <QList>
#include <QString>
#include <random>

namespace auditsamples {

class Generator
{
public:
    explicit Generator(quint64 seed, qint64 newestMs = 1795000000000LL, int resources = 50000)
        : m_rng(seed), m_timeMs(newestMs)
    {
        for (int i = 0; i < 200; ++i) {
            m_actorIds.append(hex(32));
            const QString name = QStringLiteral("user%1").arg(i);
            // Some actors have no e-mail (system), some mixed case.
            m_emails.append(i % 20 == 0  ? QString()
                            : i % 7 == 0 ? QStringLiteral("User%1@Acme.example").arg(i)
                                         : name + QStringLiteral("@acme.example"));
        }
        for (int i = 0; i < 2000; ++i)
            m_ips.append(i % 10 == 0 ? QStringLiteral("2001:db8::%1").arg(i, 0, 16)
                                     : QStringLiteral("198.51.%1.%2").arg(i / 250).arg(i % 250));
        for (int i = 0; i < resources; ++i) {
            if (i % 100 == 0)
                m_resources.append(QStringLiteral("zone-%1.Example.com").arg(i)); // not hex: side list
            else if (i % 101 == 0)
                m_resources.append(hex(32).toUpper()); // upper case: side list too
            else
                m_resources.append(hex(32));
        }
        for (int i = 0; i < 30; ++i) {
            m_tokenIds.append(hex(32));
            m_tokenNames.append(QStringLiteral("token-%1").arg(i));
        }
        for (int i = 0; i < 50; ++i)
            m_agents.append(QStringLiteral("Agent/%1.%2 (Linux; x86_64)").arg(i / 10).arg(i % 10));
        m_orgId = hex(32);
    }

    QString hex(int n)
    {
        static const char digits[] = "0123456789abcdef";
        QString s(n, Qt::Uninitialized);
        for (int i = 0; i < n; ++i)
            s[i] = QLatin1Char(digits[m_rng() & 15]);
        return s;
    }

    int pick(int n) { return int(m_rng() % quint64(n)); }
    template <typename T> const T &pick(const QList<T> &list) { return list[pick(int(list.size()))]; }

    api::AuditEvent next()
    {
        static const QList<QString> contexts = {QStringLiteral("api_token"), QStringLiteral("dash"),
                                                QStringLiteral("api_key"), QStringLiteral("oauth"),
                                                QStringLiteral("origin_ca_key")};
        static const QList<QString> types = {QStringLiteral("create"), QStringLiteral("update"),
                                             QStringLiteral("delete"), QStringLiteral("view")};
        static const QList<QString> resourceTypes = {
            QStringLiteral("member"),     QStringLiteral("organization"), QStringLiteral("profile"),
            QStringLiteral("account"),    QStringLiteral("Token"),        QStringLiteral("zone"),
            QStringLiteral("dns_record"), QStringLiteral("worker"),       QStringLiteral("r2_bucket")};
        static const QList<QString> products = {
            QStringLiteral("organizations"), QStringLiteral("accounts"), QStringLiteral("dns"),
            QStringLiteral("workers"),       QStringLiteral("r2"),       QStringLiteral("Access")};
        static const QList<QString> methods = {QStringLiteral("GET"), QStringLiteral("POST"),
                                               QStringLiteral("PUT"), QStringLiteral("PATCH"),
                                               QStringLiteral("DELETE")};
        static const QList<QString> verbs = {QStringLiteral("Create"), QStringLiteral("Modify"),
                                             QStringLiteral("Delete"), QStringLiteral("view")};

        api::AuditEvent e;
        e.id = hex(32);
        m_timeMs -= qint64(m_rng() % 30000);
        e.actionTimeMs = m_timeMs;
        const int type = pick(4);
        e.actionType = types[type];
        const bool failed = pick(100) < 4;
        e.actionResult = failed ? QStringLiteral("failure") : QStringLiteral("success");
        // A resource keeps its type, so URIs repeat like real ones do.
        const int resource = pick(int(m_resources.size()));
        const int rt = resource % int(resourceTypes.size());
        e.resourceType = resourceTypes[rt];
        e.actionDescription = verbs[type] + QLatin1Char(' ') + e.resourceType;
        const int actor = pick(200);
        e.actorId = m_actorIds[actor];
        e.actorEmail = m_emails[actor];
        e.actorType = e.actorEmail.isEmpty() ? QStringLiteral("system") : QStringLiteral("user");
        e.actorContext = pick(contexts);
        e.actorIpAddress = pick(m_ips);
        if (e.actorContext == QLatin1String("api_token") || e.actorContext == QLatin1String("oauth")) {
            const int t = pick(30);
            e.actorTokenId = m_tokenIds[t];
            e.actorTokenName = m_tokenNames[t];
        }
        e.organizationId = m_orgId;
        e.rawCfRayId = pick(1000) == 0 ? hex(16) + QStringLiteral("-SJC") : hex(16);
        e.rawMethod = methods[type == 3 ? 0 : type == 0 ? 1 : type == 2 ? 4 : 2 + pick(2)];
        if (pick(50) != 0)
            e.rawStatusCode = failed ? (pick(2) ? 403 : 400) : (type == 2 ? 204 : 200);
        e.resourceId = m_resources[resource];
        e.resourceProduct = products[rt % products.size()];
        e.rawUri = QStringLiteral("/organizations/") + m_orgId + QLatin1Char('/') + e.resourceType +
                   QStringLiteral("s/") + e.resourceId;
        e.rawUserAgent = pick(m_agents);
        return e;
    }

    QList<api::AuditEvent> page(int n)
    {
        QList<api::AuditEvent> out;
        out.reserve(n);
        for (int i = 0; i < n; ++i)
            out.append(next());
        return out;
    }

private:
    std::mt19937_64 m_rng;
    qint64 m_timeMs;
    QString m_orgId;
    QList<QString> m_actorIds, m_emails, m_ips, m_resources, m_tokenIds, m_tokenNames, m_agents;
};

} // namespace auditsamples
