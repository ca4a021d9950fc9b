// Pagination edges of orgscope-sim over real HTTP: page tokens (organizations,
// accounts, members) and the audit-log cursor, with every audit filter in its
// include and .not forms and every validation error.
#include "simclient.h"
#include "testsupport/simulatorprocess.h"

#include <QJsonArray>
#include <QTest>

using simtest::Reply;
using simtest::SimClient;

namespace {
const QString window = QStringLiteral("since=2025-01-01&before=2027-01-01");

QJsonValue at(const QJsonObject &entry, const QString &path)
{
    QJsonValue v = entry;
    for (const QString &part : path.split(QLatin1Char('.')))
        v = v.toObject().value(part);
    return v;
}
QString text(const QJsonValue &v)
{
    return v.isDouble() ? QString::number(v.toInt()) : v.toString();
}
} // namespace

class TestSimPagination : public QObject
{
    Q_OBJECT

private:
    testsupport::SimulatorProcess *m_sim = nullptr;
    SimClient *m_client = nullptr;
    QString m_root;
    QString m_emea;

    QJsonObject getOk(const QString &path)
    {
        const Reply r = m_client->get(path);
        if (r.status != 200)
            qWarning() << path << r.status << r.body;
        return r.status == 200 ? r.json() : QJsonObject();
    }
    QString auditPath(const QString &org, const QString &query) const
    {
        return QStringLiteral("/organizations/%1/logs/audit?%2").arg(org, query);
    }
    // Every entry of a query, following cursors; also checks per-page invariants.
    QJsonArray walkAudit(const QString &org, const QString &query, int *pages = nullptr)
    {
        QJsonArray all;
        QString cursor;
        int n = 0;
        for (;;) {
            const QJsonObject page = getOk(auditPath(
                org, query + (cursor.isEmpty() ? QString()
                                               : QStringLiteral("&cursor=") + SimClient::enc(cursor))));
            const QJsonArray result = page.value(QStringLiteral("result")).toArray();
            const QJsonObject info = page.value(QStringLiteral("result_info")).toObject();
            if (!info.value(QStringLiteral("count")).isString()) {
                qWarning("count is not a string");
                return {};
            }
            if (info.value(QStringLiteral("count")).toString().toInt() != result.size()) {
                qWarning("count does not match");
                return {};
            }
            for (const QJsonValue &v : result)
                all.append(v);
            ++n;
            cursor = info.value(QStringLiteral("cursor")).toString();
            if (cursor.isEmpty() || n > 1000)
                break;
        }
        if (pages)
            *pages = n;
        return all;
    }

private slots:
    void initTestCase()
    {
        m_sim = new testsupport::SimulatorProcess({QStringLiteral("--audit-events"), QStringLiteral("4000"),
                                                   QStringLiteral("--now"),
                                                   QStringLiteral("2026-11-23T12:00:00Z")});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
        m_client = new SimClient(m_sim->baseUrl());
        const QJsonArray orgs =
            getOk(QStringLiteral("/organizations?page_size=100")).value(QStringLiteral("result")).toArray();
        for (const QJsonValue &v : orgs) {
            const QString name = v.toObject().value(QStringLiteral("name")).toString();
            if (name == QLatin1String("Acme Holdings"))
                m_root = v.toObject().value(QStringLiteral("id")).toString();
            if (name == QLatin1String("Acme EMEA"))
                m_emea = v.toObject().value(QStringLiteral("id")).toString();
        }
        QVERIFY(!m_root.isEmpty());
    }
    void cleanupTestCase()
    {
        delete m_client;
        delete m_sim;
    }

    // ---- page tokens -------------------------------------------------------

    void organizationPages()
    {
        const QJsonArray all =
            getOk(QStringLiteral("/organizations?page_size=1000")).value(QStringLiteral("result")).toArray();
        QCOMPARE(all.size(), 10);
        QJsonArray collected;
        QString token;
        int pages = 0;
        do {
            const QJsonObject page =
                getOk(QStringLiteral("/organizations?page_size=3") +
                      (token.isEmpty() ? QString() : QStringLiteral("&page_token=") + SimClient::enc(token)));
            const QJsonObject info = page.value(QStringLiteral("result_info")).toObject();
            QCOMPARE(info.value(QStringLiteral("total_size")).toInt(), 10);
            const QJsonArray result = page.value(QStringLiteral("result")).toArray();
            for (const QJsonValue &v : result)
                collected.append(v);
            token = info.value(QStringLiteral("next_page_token")).toString();
            ++pages;
            if (pages < 4) {
                QCOMPARE(result.size(), 3); // first and middle pages are full
                QVERIFY(info.contains(QStringLiteral("next_page_token")));
            } else {
                QCOMPARE(result.size(), 1); // last page: the rest, and no token at all
                QVERIFY(!info.contains(QStringLiteral("next_page_token")));
            }
        } while (!token.isEmpty() && pages < 20);
        QCOMPARE(pages, 4);
        QCOMPARE(collected, all); // same order, no gaps, no duplicates
    }

    void pageSizeMayChangeBetweenPages()
    {
        const QJsonObject first = getOk(QStringLiteral("/organizations?page_size=2"));
        const QString token = first.value(QStringLiteral("result_info"))
                                  .toObject()
                                  .value(QStringLiteral("next_page_token"))
                                  .toString();
        const QJsonObject rest =
            getOk(QStringLiteral("/organizations?page_size=1000&page_token=") + SimClient::enc(token));
        QCOMPARE(rest.value(QStringLiteral("result")).toArray().size(), 8);
        QVERIFY(!rest.value(QStringLiteral("result_info"))
                     .toObject()
                     .contains(QStringLiteral("next_page_token")));
    }

    void pageSizeBounds_data()
    {
        QTest::addColumn<QString>("pageSize");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("items");
        QTest::newRow("absent") << QString() << 200 << 10;
        QTest::newRow("0 means default") << QStringLiteral("0") << 200 << 10;
        QTest::newRow("1") << QStringLiteral("1") << 200 << 1;
        QTest::newRow("1000") << QStringLiteral("1000") << 200 << 10;
        QTest::newRow("1001") << QStringLiteral("1001") << 400 << 0;
        QTest::newRow("negative") << QStringLiteral("-1") << 400 << 0;
        QTest::newRow("text") << QStringLiteral("ten") << 400 << 0;
        QTest::newRow("empty") << QStringLiteral("") << 400 << 0;
        QTest::newRow("fraction") << QStringLiteral("2.5") << 400 << 0;
    }
    void pageSizeBounds()
    {
        QFETCH(QString, pageSize);
        QFETCH(int, status);
        QFETCH(int, items);
        const QString path =
            QStringLiteral("/organizations") + (QTest::currentDataTag() == QByteArray("absent")
                                                    ? QString()
                                                    : QStringLiteral("?page_size=") + pageSize);
        for (const QString &p :
             QStringList{path, QStringLiteral("/organizations/%1/members").arg(m_root) + path.mid(14)}) {
            const Reply r = m_client->get(p);
            QCOMPARE(r.status, status);
            if (status == 200 && p == path)
                QCOMPARE(r.json().value(QStringLiteral("result")).toArray().size(), items);
            if (status == 400)
                QCOMPARE(r.errorCode(), 1001);
        }
    }

    void pageTokenBoundToFilters()
    {
        const QJsonObject first = getOk(QStringLiteral("/organizations?page_size=1&name.contains=acme"));
        const QString token = first.value(QStringLiteral("result_info"))
                                  .toObject()
                                  .value(QStringLiteral("next_page_token"))
                                  .toString();
        QVERIFY(!token.isEmpty());
        // Same filters (any order of parameters): fine.
        QCOMPARE(m_client
                     ->get(QStringLiteral("/organizations?page_token=%1&name.contains=acme&page_size=1")
                               .arg(SimClient::enc(token)))
                     .status,
                 200);
        // Changed, added or dropped filters: 400 / 1002.
        for (const QString &q : QStringList{QStringLiteral("name.contains=emea"),
                                            QStringLiteral("name.contains=acme&parent.id=null"), QString()}) {
            const Reply r = m_client->get(
                QStringLiteral("/organizations?page_size=1&page_token=%1&%2").arg(SimClient::enc(token), q));
            QCOMPARE(r.status, 400);
            QCOMPARE(r.errorCode(), 1002);
        }
        // A token of another list is not valid here either.
        const Reply r = m_client->get(QStringLiteral("/organizations/%1/members?page_size=1&page_token=%2")
                                          .arg(m_root, SimClient::enc(token)));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), 1002);
    }

    void malformedPageToken_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("garbage") << QStringLiteral("not-a-token");
        QTest::newRow("empty") << QString();
        QTest::newRow("negative offset") << QString::fromLatin1(
            QByteArray("p1.-5.0000000000000000").toBase64(QByteArray::Base64UrlEncoding));
        QTest::newRow("unicode") << QStringLiteral("\u00e9\u00e8");
    }
    void malformedPageToken()
    {
        QFETCH(QString, token);
        const Reply r = m_client->get(QStringLiteral("/organizations?page_token=") + SimClient::enc(token));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), 1002);
    }

    void memberAndAccountPages()
    {
        const QJsonObject all = getOk(QStringLiteral("/organizations/%1/members?page_size=1000").arg(m_root));
        const int total =
            all.value(QStringLiteral("result_info")).toObject().value(QStringLiteral("total_size")).toInt();
        QCOMPARE(total, all.value(QStringLiteral("result")).toArray().size());
        QVERIFY(total > 5);
        QJsonArray collected;
        QString token;
        do {
            const QJsonObject page =
                getOk(QStringLiteral(
                          "/organizations/%1/"
                          "members?page_size=5&status=active&status=pending&status=canceled&status=rejected")
                          .arg(m_root) +
                      (token.isEmpty() ? QString() : QStringLiteral("&page_token=") + SimClient::enc(token)));
            for (const QJsonValue &v : page.value(QStringLiteral("result")).toArray())
                collected.append(v);
            token = page.value(QStringLiteral("result_info"))
                        .toObject()
                        .value(QStringLiteral("next_page_token"))
                        .toString();
        } while (!token.isEmpty() && collected.size() <= total);
        QCOMPARE(collected, all.value(QStringLiteral("result")).toArray());

        const QJsonObject a1 =
            getOk(QStringLiteral("/organizations/%1/accounts?page_size=2&order_by=account_name").arg(m_root));
        const QString t = a1.value(QStringLiteral("result_info"))
                              .toObject()
                              .value(QStringLiteral("next_page_token"))
                              .toString();
        const QJsonObject a2 =
            getOk(QStringLiteral("/organizations/%1/accounts?page_size=2&order_by=account_name&page_token=%2")
                      .arg(m_root, SimClient::enc(t)));
        QCOMPARE(a2.value(QStringLiteral("result")).toArray().size(), 1);
        QCOMPARE(
            a2.value(QStringLiteral("result_info")).toObject().value(QStringLiteral("total_size")).toInt(),
            3);
        QVERIFY(
            !a2.value(QStringLiteral("result_info")).toObject().contains(QStringLiteral("next_page_token")));
    }

    // ---- audit cursor ------------------------------------------------------

    void auditWalkDescending()
    {
        int pages = 0;
        const QJsonArray all = walkAudit(m_root, window + QStringLiteral("&limit=500"), &pages);
        QVERIFY(all.size() > 1000);
        QCOMPARE(pages, int((all.size() + 499) / 500));
        QSet<QString> ids;
        QString previous = QStringLiteral("9999");
        for (const QJsonValue &v : all) {
            const QJsonObject e = v.toObject();
            ids.insert(e.value(QStringLiteral("id")).toString());
            const QString time = at(e, QStringLiteral("action.time")).toString();
            QVERIFY2(time <= previous, qPrintable(time + QLatin1String(" after ") + previous));
            previous = time;
            QCOMPARE(at(e, QStringLiteral("organization.id")).toString(), m_root);
        }
        QCOMPARE(ids.size(), all.size());

        // Ascending returns the same entries in reverse order (ties aside).
        const QJsonArray asc = walkAudit(m_root, window + QStringLiteral("&limit=1000&direction=asc"));
        QCOMPARE(asc.size(), all.size());
        QCOMPARE(at(asc.first().toObject(), QStringLiteral("action.time")),
                 at(all.last().toObject(), QStringLiteral("action.time")));
    }

    void auditPageEdges()
    {
        // Default limit is 100.
        QJsonObject page = getOk(auditPath(m_root, window));
        QCOMPARE(page.value(QStringLiteral("result")).toArray().size(), 100);
        QCOMPARE(
            page.value(QStringLiteral("result_info")).toObject().value(QStringLiteral("count")).toString(),
            QStringLiteral("100"));
        QVERIFY(!page.contains(QStringLiteral("messages")));
        QVERIFY(!page.value(QStringLiteral("result_info"))
                     .toObject()
                     .contains(QStringLiteral("cursors"))); // flat style
        // A window with no entries: empty result, no cursor.
        page = getOk(auditPath(m_root, QStringLiteral("since=2020-01-01&before=2020-02-01")));
        QCOMPARE(page.value(QStringLiteral("result")).toArray().size(), 0);
        QCOMPARE(
            page.value(QStringLiteral("result_info")).toObject().value(QStringLiteral("count")).toString(),
            QStringLiteral("0"));
        QVERIFY(!page.value(QStringLiteral("result_info")).toObject().contains(QStringLiteral("cursor")));
        // The last page exactly full: no cursor afterwards.
        const QJsonArray small =
            walkAudit(m_emea, QStringLiteral("since=2026-11-01&before=2026-11-24&limit=1000"));
        if (!small.isEmpty()) {
            page = getOk(auditPath(
                m_emea, QStringLiteral("since=2026-11-01&before=2026-11-24&limit=%1").arg(small.size())));
            QCOMPARE(page.value(QStringLiteral("result")).toArray().size(), small.size());
            QVERIFY(!page.value(QStringLiteral("result_info")).toObject().contains(QStringLiteral("cursor")));
        }
        // since/before are honoured: RFC 3339 bounds, before exclusive.
        const QJsonArray day = walkAudit(
            m_root,
            QStringLiteral("since=2026-11-10T00:00:00Z&before=2026-11-11T00:00:00%2B00:00&limit=1000"));
        for (const QJsonValue &v : day)
            QVERIFY(at(v.toObject(), QStringLiteral("action.time"))
                        .toString()
                        .startsWith(QLatin1String("2026-11-10T")));
    }

    void auditCursorBoundToFilters()
    {
        const QJsonObject page =
            getOk(auditPath(m_root, window + QStringLiteral("&limit=10&action_result=success")));
        const QString cursor =
            page.value(QStringLiteral("result_info")).toObject().value(QStringLiteral("cursor")).toString();
        QVERIFY(!cursor.isEmpty());
        // The limit may change; the filters may not.
        QCOMPARE(
            m_client
                ->get(auditPath(m_root, window + QStringLiteral("&limit=20&action_result=success&cursor=") +
                                            SimClient::enc(cursor)))
                .status,
            200);
        for (const QString &q :
             QStringList{window + QStringLiteral("&action_result=failure"), window,
                         QStringLiteral("since=2025-01-02&before=2027-01-01&action_result=success"),
                         window + QStringLiteral("&action_result=success&direction=asc")}) {
            const Reply r =
                m_client->get(auditPath(m_root, q + QStringLiteral("&cursor=") + SimClient::enc(cursor)));
            QCOMPARE(r.status, 400);
            QVERIFY(r.errorMessage().startsWith(QLatin1String("cursor:")));
            QCOMPARE(r.errorCode(), 0); // audit errors carry a message only
        }
        const Reply other = m_client->get(
            auditPath(m_emea, window + QStringLiteral("&limit=10&action_result=success&cursor=") +
                                  SimClient::enc(cursor)));
        QCOMPARE(other.status, 400);
        const Reply garbage = m_client->get(auditPath(m_root, window + QStringLiteral("&cursor=xyz")));
        QCOMPARE(garbage.status, 400);
    }

    void auditValidation_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("messageStart");
        QTest::newRow("no since") << QStringLiteral("before=2026-01-01") << QStringLiteral("since:");
        QTest::newRow("no before") << QStringLiteral("since=2026-01-01") << QStringLiteral("before:");
        QTest::newRow("nothing") << QString() << QStringLiteral("since:");
        QTest::newRow("bad since") << QStringLiteral("since=yesterday&before=2026-01-01")
                                   << QStringLiteral("since:");
        QTest::newRow("bad before") << QStringLiteral("since=2026-01-01&before=2026-13-01")
                                    << QStringLiteral("before:");
        QTest::newRow("since after before")
            << QStringLiteral("since=2026-02-01&before=2026-01-01") << QStringLiteral("since:");
        QTest::newRow("since equals before")
            << QStringLiteral("since=2026-02-01&before=2026-02-01") << QStringLiteral("since:");
        QTest::newRow("limit 0") << window + QStringLiteral("&limit=0") << QStringLiteral("limit:");
        QTest::newRow("limit 1001") << window + QStringLiteral("&limit=1001") << QStringLiteral("limit:");
        QTest::newRow("limit text") << window + QStringLiteral("&limit=many") << QStringLiteral("limit:");
        QTest::newRow("direction") << window + QStringLiteral("&direction=up")
                                   << QStringLiteral("direction:");
        QTest::newRow("action_result")
            << window + QStringLiteral("&action_result=maybe") << QStringLiteral("action_result:");
        QTest::newRow("action_type.not")
            << window + QStringLiteral("&action_type.not=explode") << QStringLiteral("action_type.not:");
        QTest::newRow("actor_context")
            << window + QStringLiteral("&actor_context=fax") << QStringLiteral("actor_context:");
        QTest::newRow("actor_type.not")
            << window + QStringLiteral("&actor_type.not=robot") << QStringLiteral("actor_type.not:");
        QTest::newRow("resource_scope")
            << window + QStringLiteral("&resource_scope=galaxy") << QStringLiteral("resource_scope:");
        QTest::newRow("status text") << window + QStringLiteral("&raw_status_code=ok")
                                     << QStringLiteral("raw_status_code:");
        QTest::newRow("status range")
            << window + QStringLiteral("&raw_status_code.not=999") << QStringLiteral("raw_status_code.not:");
    }
    void auditValidation()
    {
        QFETCH(QString, query);
        QFETCH(QString, messageStart);
        const Reply r = m_client->get(auditPath(m_root, query));
        QCOMPARE(r.status, 400);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("success")).toBool(true), false);
        const QJsonObject error = o.value(QStringLiteral("errors")).toArray().first().toObject();
        QVERIFY(!error.contains(QStringLiteral("code")));
        QVERIFY2(error.value(QStringLiteral("message")).toString().startsWith(messageStart),
                 qPrintable(error.value(QStringLiteral("message")).toString()));
    }

    void auditFilters_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("path");
        QTest::newRow("id") << QStringLiteral("id") << QStringLiteral("id");
        QTest::newRow("action_result") << QStringLiteral("action_result") << QStringLiteral("action.result");
        QTest::newRow("action_type") << QStringLiteral("action_type") << QStringLiteral("action.type");
        QTest::newRow("actor_context") << QStringLiteral("actor_context") << QStringLiteral("actor.context");
        QTest::newRow("actor_email") << QStringLiteral("actor_email") << QStringLiteral("actor.email");
        QTest::newRow("actor_id") << QStringLiteral("actor_id") << QStringLiteral("actor.id");
        QTest::newRow("actor_ip_address")
            << QStringLiteral("actor_ip_address") << QStringLiteral("actor.ip_address");
        QTest::newRow("actor_token_id")
            << QStringLiteral("actor_token_id") << QStringLiteral("actor.token_id");
        QTest::newRow("actor_token_name")
            << QStringLiteral("actor_token_name") << QStringLiteral("actor.token_name");
        QTest::newRow("actor_type") << QStringLiteral("actor_type") << QStringLiteral("actor.type");
        QTest::newRow("raw_cf_ray_id") << QStringLiteral("raw_cf_ray_id") << QStringLiteral("raw.cf_ray_id");
        QTest::newRow("raw_method") << QStringLiteral("raw_method") << QStringLiteral("raw.method");
        QTest::newRow("raw_status_code")
            << QStringLiteral("raw_status_code") << QStringLiteral("raw.status_code");
        QTest::newRow("raw_uri") << QStringLiteral("raw_uri") << QStringLiteral("raw.uri");
        QTest::newRow("resource_id") << QStringLiteral("resource_id") << QStringLiteral("resource.id");
        QTest::newRow("resource_product")
            << QStringLiteral("resource_product") << QStringLiteral("resource.product");
        QTest::newRow("resource_scope")
            << QStringLiteral("resource_scope") << QStringLiteral("resource.scope");
        QTest::newRow("resource_type") << QStringLiteral("resource_type") << QStringLiteral("resource.type");
    }
    void auditFilters()
    {
        QFETCH(QString, key);
        QFETCH(QString, path);
        const QString base = QStringLiteral("since=2026-06-01&before=2026-11-24&limit=1000");
        const QJsonArray all = walkAudit(m_root, base);
        QVERIFY(all.size() > 200);
        // Two distinct values that occur in the data.
        QStringList values;
        for (const QJsonValue &v : all) {
            const QString value = text(at(v.toObject(), path));
            if (!value.isEmpty() && !values.contains(value))
                values << value;
            if (values.size() == 2)
                break;
        }
        QVERIFY(!values.isEmpty());
        auto count = [&](const QJsonArray &entries, const QStringList &wanted) {
            int n = 0;
            for (const QJsonValue &v : entries)
                n += wanted.contains(text(at(v.toObject(), path))) ? 1 : 0;
            return n;
        };
        const int expectedIncluded = count(all, values);

        // Include form, values OR-ed, sent as repeated keys.
        QString q = base;
        for (const QString &v : values)
            q += QLatin1Char('&') + key + QLatin1Char('=') + SimClient::enc(v);
        const QJsonArray included = walkAudit(m_root, q);
        QCOMPARE(included.size(), expectedIncluded);
        QCOMPARE(count(included, values), included.size());

        // .not form excludes exactly those.
        q = base;
        for (const QString &v : values)
            q += QLatin1Char('&') + key + QStringLiteral(".not=") + SimClient::enc(v);
        const QJsonArray excluded = walkAudit(m_root, q);
        QCOMPARE(excluded.size(), all.size() - expectedIncluded);
        QCOMPARE(count(excluded, values), 0);

        // Keys AND-ed with another filter.
        const QJsonArray both = walkAudit(m_root, base + QLatin1Char('&') + key + QLatin1Char('=') +
                                                      SimClient::enc(values.first()) +
                                                      QStringLiteral("&action_result.not=failure"));
        int expectedBoth = 0;
        for (const QJsonValue &v : all)
            expectedBoth += text(at(v.toObject(), path)) == values.first() &&
                                    at(v.toObject(), QStringLiteral("action.result")).toString() !=
                                        QLatin1String("failure")
                                ? 1
                                : 0;
        QCOMPARE(both.size(), expectedBoth);
    }

    void auditFilterUnknownValueMatchesNothing()
    {
        const QJsonObject page =
            getOk(auditPath(m_root, window + QStringLiteral("&actor_email=nobody%40nowhere.example")));
        QCOMPARE(page.value(QStringLiteral("result")).toArray().size(), 0);
        const QJsonObject all = getOk(
            auditPath(m_root, window + QStringLiteral("&limit=50&actor_email.not=nobody%40nowhere.example")));
        QCOMPARE(all.value(QStringLiteral("result")).toArray().size(), 50);
    }

    void ignorePositiveFilters()
    {
        // --ignore-positive-filters: "key=value" is validated, then not
        // applied; "key.not=value" still is.
        testsupport::SimulatorProcess sim({QStringLiteral("--audit-events"), QStringLiteral("500"),
                                           QStringLiteral("--ignore-positive-filters")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        const QString root = client.get(QStringLiteral("/organizations?page_size=1"))
                                 .json()
                                 .value(QStringLiteral("result"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toString();
        const QString base = QStringLiteral("/organizations/%1/logs/audit?%2&limit=1000").arg(root, window);
        const qsizetype all = client.get(base).json().value(QStringLiteral("result")).toArray().size();
        QVERIFY(all > 1);
        const Reply ignored =
            client.get(base + QStringLiteral("&action_result=failure&actor_email=nobody%40x.example"));
        QCOMPARE(ignored.status, 200);
        QCOMPARE(ignored.json().value(QStringLiteral("result")).toArray().size(), all);
        const Reply invalid = client.get(base + QStringLiteral("&action_result=maybe"));
        QCOMPARE(invalid.status, 400);
        const QJsonArray kept =
            client.get(base + QStringLiteral("&action_result=failure&action_result.not=success"))
                .json()
                .value(QStringLiteral("result"))
                .toArray();
        QVERIFY(kept.size() < all);
        for (const QJsonValue &v : kept)
            QVERIFY(v.toObject().value(QStringLiteral("action")).toObject().value(QStringLiteral("result")) !=
                    QStringLiteral("success"));
    }

    void cursorStyles_data()
    {
        QTest::addColumn<QString>("style");
        QTest::addColumn<bool>("flat");
        QTest::addColumn<bool>("after");
        QTest::newRow("flat") << QStringLiteral("flat") << true << false;
        QTest::newRow("after") << QStringLiteral("after") << false << true;
        QTest::newRow("both") << QStringLiteral("both") << true << true;
    }
    void cursorStyles()
    {
        QFETCH(QString, style);
        QFETCH(bool, flat);
        QFETCH(bool, after);
        testsupport::SimulatorProcess sim({QStringLiteral("--audit-events"), QStringLiteral("500"),
                                           QStringLiteral("--cursor-style"), style});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        const QString root = client.get(QStringLiteral("/organizations?page_size=1"))
                                 .json()
                                 .value(QStringLiteral("result"))
                                 .toArray()
                                 .first()
                                 .toObject()
                                 .value(QStringLiteral("id"))
                                 .toString();
        const QString q = QStringLiteral("/organizations/%1/logs/audit?%2&limit=5").arg(root, window);
        const QJsonObject info = client.get(q).json().value(QStringLiteral("result_info")).toObject();
        QCOMPARE(info.contains(QStringLiteral("cursor")), flat);
        QCOMPARE(info.contains(QStringLiteral("cursors")), after);
        const QString cursor =
            flat ? info.value(QStringLiteral("cursor")).toString()
                 : info.value(QStringLiteral("cursors")).toObject().value(QStringLiteral("after")).toString();
        QVERIFY(!cursor.isEmpty());
        if (flat && after)
            QCOMPARE(
                info.value(QStringLiteral("cursors")).toObject().value(QStringLiteral("after")).toString(),
                cursor);
        const Reply next = client.get(q + QStringLiteral("&cursor=") + SimClient::enc(cursor));
        QCOMPARE(next.status, 200);
        QCOMPARE(next.json().value(QStringLiteral("result")).toArray().size(), 5);
        // Last page: neither field.
        const QJsonObject last =
            client.get(QStringLiteral("/organizations/%1/logs/audit?%2&limit=1000").arg(root, window)).json();
        QVERIFY(!last.value(QStringLiteral("result_info")).toObject().contains(QStringLiteral("cursor")));
        QVERIFY(!last.value(QStringLiteral("result_info")).toObject().contains(QStringLiteral("cursors")));
    }

    void newEntriesDoNotShiftTheCursor()
    {
        const QString q = auditPath(m_emea, window + QStringLiteral("&limit=3"));
        const QJsonObject first = getOk(q);
        const QString cursor =
            first.value(QStringLiteral("result_info")).toObject().value(QStringLiteral("cursor")).toString();
        // A mutation adds an entry at the top while the client pages.
        QCOMPARE(m_client->put(QStringLiteral("/organizations/") + m_emea, "{\"name\":\"Acme EMEA\"}").status,
                 200);
        const QJsonObject second = getOk(q + QStringLiteral("&cursor=") + SimClient::enc(cursor));
        const QJsonObject fresh = getOk(auditPath(m_emea, window + QStringLiteral("&limit=7")));
        QJsonArray expected;
        const QJsonArray freshResult = fresh.value(QStringLiteral("result")).toArray();
        for (int i = 4; i < 7; ++i)
            expected.append(freshResult.at(i));
        QCOMPARE(second.value(QStringLiteral("result")).toArray(), expected);
    }
};

QTEST_GUILESS_MAIN(TestSimPagination)
#include "tst_simpagination.moc"
