// Every endpoint of orgscope-sim over real HTTP: envelopes, status codes,
// state changes, audit entries of mutations, auth, token verify.
#include "simclient.h"
#include "testsupport/simulatorprocess.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using simtest::Reply;
using simtest::SimClient;

namespace {
const QString fixedNow = QStringLiteral("2026-11-23T12:00:00Z");
const QByteArray accountTokenAccount = "0123456789abcdef0123456789abcdef";

// Follows object keys and array positions: at(r.json(), {"result", 0, "id"}).
struct Step
{
    Step(const char *key) : key(QString::fromLatin1(key)) {}
    Step(int index) : index(index) {}
    QString key;
    int index = -1;
};
QJsonValue at(QJsonValue v, std::initializer_list<Step> path)
{
    for (const Step &s : path)
        v = s.index >= 0 ? v.toArray().at(s.index) : v.toObject().value(s.key);
    return v;
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject profileBody(const QString &email = QStringLiteral("ap@acme.example"))
{
    return QJsonObject{{QStringLiteral("business_address"), QStringLiteral("1 Example Road, Springfield")},
                       {QStringLiteral("business_email"), email},
                       {QStringLiteral("business_name"), QStringLiteral("Acme Test Ltd")},
                       {QStringLiteral("business_phone"), QStringLiteral("+1-555-0100")},
                       {QStringLiteral("external_metadata"), QStringLiteral("{\"crm_id\":\"T-1\"}")}};
}
} // namespace

class TestSimEndpoints : public QObject
{
    Q_OBJECT

private:
    testsupport::SimulatorProcess *m_sim = nullptr;
    SimClient *m_client = nullptr;
    QHash<QString, QJsonObject> m_orgs; // by name

    QString orgId(const QString &name) const
    {
        return m_orgs.value(name).value(QStringLiteral("id")).toString();
    }
    void checkSuccessEnvelope(const Reply &r)
    {
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("success")).toBool(), true);
        QVERIFY(o.value(QStringLiteral("errors")).isArray());
        QVERIFY(o.value(QStringLiteral("errors")).toArray().isEmpty());
        QVERIFY(o.value(QStringLiteral("messages")).isArray());
        QVERIFY(o.contains(QStringLiteral("result")));
    }
    void checkError(const Reply &r, int status, int code)
    {
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("success")).toBool(true), false);
        QVERIFY(o.value(QStringLiteral("messages")).isArray());
        QVERIFY(o.contains(QStringLiteral("result")));
        QVERIFY(o.value(QStringLiteral("result")).isNull());
        QCOMPARE(r.errorCode(), code);
        QVERIFY(!r.errorMessage().isEmpty());
    }
    QJsonArray auditPage(const QString &org, const QString &extra = {})
    {
        const Reply r =
            m_client->get(QStringLiteral("/organizations/%1/logs/audit?since=2026-11-01&before=2027-01-01%2")
                              .arg(org, extra));
        if (r.status != 200)
            qWarning() << r.body;
        return r.json().value(QStringLiteral("result")).toArray();
    }

private slots:
    void initTestCase()
    {
        m_sim = new testsupport::SimulatorProcess(
            {QStringLiteral("--audit-events"), QStringLiteral("3000"), QStringLiteral("--now"), fixedNow,
             QStringLiteral("--account-token"),
             QStringLiteral("acct-token:") + QString::fromLatin1(accountTokenAccount),
             QStringLiteral("--expired-token"), QStringLiteral("old-token")});
        QVERIFY2(m_sim->start(), qPrintable(m_sim->errorString()));
        m_client = new SimClient(m_sim->baseUrl());
        const Reply r = m_client->get(QStringLiteral("/organizations?page_size=1000"));
        QCOMPARE(r.status, 200);
        for (const QJsonValue &v : r.json().value(QStringLiteral("result")).toArray())
            m_orgs.insert(v.toObject().value(QStringLiteral("name")).toString(), v.toObject());
        QVERIFY(m_orgs.contains(QStringLiteral("Acme Holdings")));
    }

    void cleanupTestCase()
    {
        delete m_client;
        delete m_sim;
    }

    void readyLine()
    {
        static const QRegularExpression re(QStringLiteral("^http://127\\.0\\.0\\.1:\\d+/client/v4$"));
        QVERIFY(re.match(m_sim->baseUrl()).hasMatch());
    }

    void listOrganizations()
    {
        const Reply r = m_client->get(QStringLiteral("/organizations"));
        checkSuccessEnvelope(r);
        QVERIFY(r.header("Ratelimit").startsWith("\"default\";r="));
        QCOMPARE(r.header("Ratelimit-Policy"), QByteArray("\"default\";q=1200;w=300"));
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("result")).toArray().size(), 10); // default page size
        QCOMPARE(
            o.value(QStringLiteral("result_info")).toObject().value(QStringLiteral("total_size")).toInt(),
            10);
        static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{32}$"));
        for (const QJsonValue &v : o.value(QStringLiteral("result")).toArray()) {
            const QJsonObject org = v.toObject();
            QVERIFY(hex.match(org.value(QStringLiteral("id")).toString()).hasMatch());
            QVERIFY(!org.value(QStringLiteral("create_time")).toString().isEmpty());
            const QJsonObject meta = org.value(QStringLiteral("meta")).toObject();
            QCOMPARE(meta.value(QStringLiteral("tenant_flags")).toObject().size(), 8);
            const QJsonArray tags = meta.value(QStringLiteral("hierarchy_tags")).toArray();
            QCOMPARE(tags.last().toString(), org.value(QStringLiteral("id")).toString());
            if (org.contains(QStringLiteral("parent"))) {
                QCOMPARE(tags.size() >= 2, true);
                QVERIFY(!org.value(QStringLiteral("parent"))
                             .toObject()
                             .value(QStringLiteral("name"))
                             .toString()
                             .isEmpty());
            }
        }
        const QJsonObject flags = m_orgs.value(QStringLiteral("Acme Holdings"))
                                      .value(QStringLiteral("meta"))
                                      .toObject()
                                      .value(QStringLiteral("tenant_flags"))
                                      .toObject();
        QCOMPARE(flags.value(QStringLiteral("sub_org_creation")).toString(), QStringLiteral("enabled"));
        QCOMPARE(flags.value(QStringLiteral("enterprise_capability")).toString(), QStringLiteral("enabled"));
    }

    void organizationFilters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("roots") << QStringLiteral("parent.id=null")
                               << QStringList{QStringLiteral("Acme Holdings"), QStringLiteral("Acme Trial")};
        QTest::newRow("name exact") << QStringLiteral("name=Acme%20EMEA")
                                    << QStringList{QStringLiteral("Acme EMEA")};
        QTest::newRow("name exact is case-sensitive") << QStringLiteral("name=acme%20emea") << QStringList{};
        QTest::newRow("contains") << QStringLiteral("name.contains=emea")
                                  << QStringList{QStringLiteral("Acme EMEA"),
                                                 QStringLiteral("Acme EMEA Retail"),
                                                 QStringLiteral("Acme EMEA Media")};
        QTest::newRow("startsWith+endsWith")
            << QStringLiteral("name.startsWith=acme%20a&name.endsWith=S")
            << QStringList{QStringLiteral("Acme Americas"), QStringLiteral("Acme Americas Payments")};
        QTest::newRow("plus is a space")
            << QStringLiteral("name.contains=EMEA+Retail") << QStringList{QStringLiteral("Acme EMEA Retail")};
        QTest::newRow("encoded plus is a plus")
            << QStringLiteral("name.contains=EMEA%2BRetail") << QStringList{};
    }
    void organizationFilters()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        const Reply r = m_client->get(QStringLiteral("/organizations?page_size=100&") + query);
        checkSuccessEnvelope(r);
        QStringList names;
        for (const QJsonValue &v : r.json().value(QStringLiteral("result")).toArray())
            names << v.toObject().value(QStringLiteral("name")).toString();
        names.sort();
        expected.sort();
        QCOMPARE(names, expected);
        QCOMPARE(r.json()
                     .value(QStringLiteral("result_info"))
                     .toObject()
                     .value(QStringLiteral("total_size"))
                     .toInt(),
                 expected.size());
    }

    void organizationRelationFilters()
    {
        const QString root = orgId(QStringLiteral("Acme Holdings"));
        const QString emea = orgId(QStringLiteral("Acme EMEA"));
        const QString retail = orgId(QStringLiteral("Acme EMEA Retail"));
        auto names = [&](const QString &q) {
            QStringList out;
            for (const QJsonValue &v : m_client->get(QStringLiteral("/organizations?page_size=100&") + q)
                                           .json()
                                           .value(QStringLiteral("result"))
                                           .toArray())
                out << v.toObject().value(QStringLiteral("name")).toString();
            out.sort();
            return out;
        };
        QCOMPARE(names(QStringLiteral("parent.id=") + emea),
                 (QStringList{QStringLiteral("Acme EMEA Media"), QStringLiteral("Acme EMEA Retail")}));
        QCOMPARE(names(QStringLiteral("id=%1&id=%2").arg(root, retail)),
                 (QStringList{QStringLiteral("Acme EMEA Retail"), QStringLiteral("Acme Holdings")}));
        QCOMPARE(names(QStringLiteral("containing.organization=") + retail),
                 (QStringList{QStringLiteral("Acme EMEA"), QStringLiteral("Acme EMEA Retail"),
                              QStringLiteral("Acme Holdings")}));
        const QString account =
            at(m_client->get(QStringLiteral("/organizations/%1/accounts").arg(retail)).json(),
               {"result", 0, "id"})
                .toString();
        QCOMPARE(names(QStringLiteral("containing.account=") + account),
                 (QStringList{QStringLiteral("Acme EMEA"), QStringLiteral("Acme EMEA Retail"),
                              QStringLiteral("Acme Holdings")}));
        QCOMPARE(
            names(QStringLiteral("containing.user=") + SimClient::enc(QStringLiteral("demo@orgscope.test"))),
            QStringList{QStringLiteral("Acme Holdings")});
    }

    void getOrganization()
    {
        const QString id = orgId(QStringLiteral("Acme EMEA"));
        const Reply r = m_client->get(QStringLiteral("/organizations/") + id);
        checkSuccessEnvelope(r);
        const QJsonObject org = r.json().value(QStringLiteral("result")).toObject();
        QCOMPARE(org.value(QStringLiteral("name")).toString(), QStringLiteral("Acme EMEA"));
        QCOMPARE(org.value(QStringLiteral("parent")).toObject().value(QStringLiteral("id")).toString(),
                 orgId(QStringLiteral("Acme Holdings")));
        QVERIFY(!r.json().contains(QStringLiteral("result_info")));
        checkError(m_client->get(QStringLiteral("/organizations/ffffffffffffffffffffffffffffffff")), 404,
                   1004);
    }

    void createUpdateDeleteOrganization()
    {
        const QString root = orgId(QStringLiteral("Acme Holdings"));
        QJsonObject body{{QStringLiteral("name"), QStringLiteral("Acme Console Test")},
                         {QStringLiteral("parent"), QJsonObject{{QStringLiteral("id"), root}}},
                         {QStringLiteral("profile"), profileBody()}};
        Reply r = m_client->post(QStringLiteral("/organizations"), json(body));
        checkSuccessEnvelope(r);
        const QJsonObject created = r.json().value(QStringLiteral("result")).toObject();
        const QString id = created.value(QStringLiteral("id")).toString();
        QCOMPARE(created.value(QStringLiteral("parent")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Acme Holdings"));
        QCOMPARE(created.value(QStringLiteral("profile"))
                     .toObject()
                     .value(QStringLiteral("business_name"))
                     .toString(),
                 QStringLiteral("Acme Test Ltd"));
        // The creator is a member of the new organization.
        r = m_client->get(QStringLiteral("/organizations/%1/members").arg(id));
        QCOMPARE(at(r.json(), {"result", 0, "user", "email"}).toString(),
                 QStringLiteral("demo@orgscope.test"));
        // Visible in the list.
        r = m_client->get(QStringLiteral("/organizations?parent.id=%1&name=Acme%20Console%20Test").arg(root));
        QCOMPARE(r.json().value(QStringLiteral("result")).toArray().size(), 1);

        r = m_client->put(QStringLiteral("/organizations/") + id,
                          json({{QStringLiteral("name"), QStringLiteral("Acme Renamed")}}));
        checkSuccessEnvelope(r);
        QCOMPARE(r.json().value(QStringLiteral("result")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Acme Renamed"));
        r = m_client->get(QStringLiteral("/organizations/") + id);
        QCOMPARE(r.json().value(QStringLiteral("result")).toObject().value(QStringLiteral("name")).toString(),
                 QStringLiteral("Acme Renamed"));

        // Both mutations are in the organization's audit log, newest first.
        const QJsonArray entries = auditPage(id);
        QCOMPARE(entries.size(), 2);
        const QJsonObject rename = entries.at(0).toObject();
        QCOMPARE(
            rename.value(QStringLiteral("action")).toObject().value(QStringLiteral("description")).toString(),
            QStringLiteral("Modify organization"));
        QCOMPARE(rename.value(QStringLiteral("raw")).toObject().value(QStringLiteral("method")).toString(),
                 QStringLiteral("PUT"));
        QCOMPARE(rename.value(QStringLiteral("raw")).toObject().value(QStringLiteral("uri")).toString(),
                 QStringLiteral("/organizations/") + id);
        QCOMPARE(rename.value(QStringLiteral("actor")).toObject().value(QStringLiteral("email")).toString(),
                 QStringLiteral("demo@orgscope.test"));
        QCOMPARE(rename.value(QStringLiteral("actor")).toObject().value(QStringLiteral("context")).toString(),
                 QStringLiteral("api_token"));
        QCOMPARE(at(rename.value(QStringLiteral("resource")), {"request", "name"}).toString(),
                 QStringLiteral("Acme Renamed"));
        QCOMPARE(at(entries.at(1), {"action", "type"}).toString(), QStringLiteral("create"));

        r = m_client->del(QStringLiteral("/organizations/") + id);
        checkSuccessEnvelope(r);
        QCOMPARE(r.json().value(QStringLiteral("result")).toObject().value(QStringLiteral("id")).toString(),
                 id);
        checkError(m_client->get(QStringLiteral("/organizations/") + id), 404, 1004);
        checkError(m_client->del(QStringLiteral("/organizations/") + id), 404, 1004);
    }

    void createOrganizationValidation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("pointer");
        QTest::newRow("no body") << QByteArray() << 400 << 1001 << QStringLiteral("/");
        QTest::newRow("not json") << QByteArray("{name:") << 400 << 1001 << QStringLiteral("/");
        QTest::newRow("array") << QByteArray("[1,2]") << 400 << 1001 << QStringLiteral("/");
        QTest::newRow("missing name") << QByteArray("{}") << 400 << 1001 << QStringLiteral("/name");
        QTest::newRow("empty name") << QByteArray("{\"name\":\"\"}") << 400 << 1001
                                    << QStringLiteral("/name");
        QTest::newRow("blank name") << QByteArray("{\"name\":\"   \"}") << 400 << 1001
                                    << QStringLiteral("/name");
        QTest::newRow("name number") << QByteArray("{\"name\":42}") << 400 << 1001 << QStringLiteral("/name");
        QTest::newRow("name too long")
            << ("{\"name\":\"" + QByteArray(101, 'x') + "\"}") << 400 << 1001 << QStringLiteral("/name");
        QTest::newRow("parent string")
            << QByteArray("{\"name\":\"x\",\"parent\":\"abc\"}") << 400 << 1001 << QStringLiteral("/parent");
        QTest::newRow("parent without id")
            << QByteArray("{\"name\":\"x\",\"parent\":{}}") << 400 << 1001 << QStringLiteral("/parent/id");
        QTest::newRow("profile incomplete")
            << QByteArray("{\"name\":\"x\",\"profile\":{\"business_name\":\"b\"}}") << 400 << 1001
            << QStringLiteral("/profile/business_address");
        QTest::newRow("unknown parent") << QByteArray("{\"name\":\"x\",\"parent\":{\"id\":\"nope\"}}") << 404
                                        << 1004 << QStringLiteral("/parent/id");
    }
    void createOrganizationValidation()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(int, code);
        QFETCH(QString, pointer);
        const Reply r = m_client->post(QStringLiteral("/organizations"), body);
        checkError(r, status, code);
        QCOMPARE(at(r.json(), {"errors", 0, "source", "pointer"}).toString(), pointer);
    }

    void subOrganizationCreationNotAllowed()
    {
        const QByteArray body =
            json({{QStringLiteral("name"), QStringLiteral("Nope")},
                  {QStringLiteral("parent"),
                   QJsonObject{{QStringLiteral("id"), orgId(QStringLiteral("Acme Trial"))}}}});
        checkError(m_client->post(QStringLiteral("/organizations"), body), 403, 1006);
    }

    void updateOrganizationValidation()
    {
        const QString id = orgId(QStringLiteral("Acme APAC"));
        checkError(m_client->put(QStringLiteral("/organizations/") + id, "{}"), 400, 1001);
        checkError(m_client->put(QStringLiteral("/organizations/") + id, "{\"name\":\"\"}"), 400, 1001);
        checkError(m_client->put(QStringLiteral("/organizations/") + id, "nope"), 400, 1001);
        checkError(m_client->put(QStringLiteral("/organizations/ffffffffffffffffffffffffffffffff"),
                                 "{\"name\":\"x\"}"),
                   404, 1004);
    }

    void deleteOrganizationRules()
    {
        Reply r = m_client->del(QStringLiteral("/organizations/") + orgId(QStringLiteral("Acme EMEA")));
        checkError(r, 400, 1005);
        QVERIFY(r.errorMessage().contains(QStringLiteral("sub-organization")));
        QVERIFY(r.errorMessage().contains(QStringLiteral("account")));
        checkError(m_client->del(QStringLiteral("/organizations/") + orgId(QStringLiteral("Acme Trial"))),
                   403, 1007);
        r = m_client->del(QStringLiteral("/organizations/") + orgId(QStringLiteral("Acme Americas Sandbox")));
        checkSuccessEnvelope(r);
        checkError(
            m_client->get(QStringLiteral("/organizations/") + orgId(QStringLiteral("Acme Americas Sandbox"))),
            404, 1004);
    }

    void accounts()
    {
        const QString root = orgId(QStringLiteral("Acme Holdings"));
        Reply r = m_client->get(QStringLiteral("/organizations/%1/accounts").arg(root));
        checkSuccessEnvelope(r);
        const QJsonArray accounts = r.json().value(QStringLiteral("result")).toArray();
        QCOMPARE(accounts.size(), 3);
        QCOMPARE(r.json()
                     .value(QStringLiteral("result_info"))
                     .toObject()
                     .value(QStringLiteral("total_size"))
                     .toInt(),
                 3);
        for (const QJsonValue &v : accounts) {
            const QJsonObject a = v.toObject();
            QVERIFY(a.contains(QStringLiteral("created_on")));
            QCOMPARE(a.value(QStringLiteral("settings")).toObject().size(), 6);
            QVERIFY(a.value(QStringLiteral("type")).toString() == QLatin1String("enterprise") ||
                    a.value(QStringLiteral("type")).toString() == QLatin1String("standard"));
            QVERIFY(!a.contains(QStringLiteral("tags")));
        }
        r = m_client->get(
            QStringLiteral("/organizations/%1/accounts?include_tags=true&include_total=false").arg(root));
        checkSuccessEnvelope(r);
        QVERIFY(r.json()
                    .value(QStringLiteral("result"))
                    .toArray()
                    .first()
                    .toObject()
                    .contains(QStringLiteral("tags")));
        QVERIFY(
            !r.json().value(QStringLiteral("result_info")).toObject().contains(QStringLiteral("total_size")));

        r = m_client->get(
            QStringLiteral("/organizations/%1/accounts?order_by=account_name&direction=desc").arg(root));
        QStringList names;
        for (const QJsonValue &v : r.json().value(QStringLiteral("result")).toArray())
            names << v.toObject().value(QStringLiteral("name")).toString();
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(),
                  [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) > 0; });
        QCOMPARE(names, sorted);

        r = m_client->get(QStringLiteral("/organizations/%1/accounts?name.endsWith=production").arg(root));
        QCOMPARE(r.json().value(QStringLiteral("result")).toArray().size(), 1);
        r = m_client->get(
            QStringLiteral("/organizations/%1/accounts?account_pubname.contains=HOLDINGS").arg(root));
        QCOMPARE(r.json().value(QStringLiteral("result")).toArray().size(), 3);

        checkError(m_client->get(QStringLiteral("/organizations/%1/accounts?order_by=created").arg(root)),
                   400, 1001);
        checkError(m_client->get(QStringLiteral("/organizations/%1/accounts?direction=up").arg(root)), 400,
                   1001);
        checkError(m_client->get(QStringLiteral("/organizations/%1/accounts?include_tags=yes").arg(root)),
                   400, 1001);
        checkError(m_client->get(QStringLiteral("/organizations/%1/accounts?include_total=1").arg(root)), 400,
                   1001);
        checkError(m_client->get(QStringLiteral("/organizations/nope/accounts")), 404, 1004);
    }

    void profile()
    {
        const QString id = orgId(QStringLiteral("Acme APAC"));
        Reply r = m_client->get(QStringLiteral("/organizations/%1/profile").arg(id));
        checkSuccessEnvelope(r);
        QCOMPARE(r.json().value(QStringLiteral("result")).toObject().size(), 5);

        r = m_client->put(QStringLiteral("/organizations/%1/profile").arg(id),
                          json(profileBody(QStringLiteral("new@acme.example"))));
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
        QVERIFY(!r.hasHeader("Content-Type"));
        QVERIFY(r.hasHeader("Ratelimit"));
        r = m_client->get(QStringLiteral("/organizations/%1/profile").arg(id));
        QCOMPARE(r.json()
                     .value(QStringLiteral("result"))
                     .toObject()
                     .value(QStringLiteral("business_email"))
                     .toString(),
                 QStringLiteral("new@acme.example"));
        r = m_client->get(QStringLiteral("/organizations/") + id);
        QCOMPARE(at(r.json(), {"result", "profile", "business_email"}).toString(),
                 QStringLiteral("new@acme.example"));
        QCOMPARE(at(auditPage(id), {0, "raw", "status_code"}).toInt(), 204);

        QJsonObject missing = profileBody();
        missing.remove(QStringLiteral("business_phone"));
        r = m_client->put(QStringLiteral("/organizations/%1/profile").arg(id), json(missing));
        checkError(r, 400, 1001);
        QVERIFY(r.errorMessage().contains(QStringLiteral("business_phone")));
        QJsonObject wrongType = profileBody();
        wrongType.insert(QStringLiteral("business_name"), 12);
        checkError(m_client->put(QStringLiteral("/organizations/%1/profile").arg(id), json(wrongType)), 400,
                   1001);
        QJsonObject tooLong = profileBody();
        tooLong.insert(QStringLiteral("external_metadata"), QString(1025, QLatin1Char('m')));
        checkError(m_client->put(QStringLiteral("/organizations/%1/profile").arg(id), json(tooLong)), 400,
                   1001);
        checkError(m_client->put(QStringLiteral("/organizations/nope/profile"), json(profileBody())), 404,
                   1004);
        // An organization that never had a profile.
        checkError(
            m_client->get(
                QStringLiteral("/organizations/%1/profile").arg(orgId(QStringLiteral("Acme EMEA Media")))),
            404, 1008);
    }

    void members()
    {
        const QString id = orgId(QStringLiteral("Acme EMEA"));
        Reply r = m_client->get(QStringLiteral("/organizations/%1/members?page_size=100").arg(id));
        checkSuccessEnvelope(r);
        const QJsonArray all = r.json().value(QStringLiteral("result")).toArray();
        QVERIFY(all.size() >= 3);
        QSet<QString> statuses;
        for (const QJsonValue &v : all) {
            const QJsonObject m = v.toObject();
            statuses.insert(m.value(QStringLiteral("status")).toString());
            QVERIFY(m.value(QStringLiteral("meta")).isObject());
            QVERIFY(m.value(QStringLiteral("user"))
                        .toObject()
                        .contains(QStringLiteral("two_factor_authentication_enabled")));
        }
        QVERIFY(statuses.size() >= 2);

        r = m_client->get(
            QStringLiteral("/organizations/%1/members?status=active&status=pending&page_size=100").arg(id));
        for (const QJsonValue &v : r.json().value(QStringLiteral("result")).toArray())
            QVERIFY(v.toObject().value(QStringLiteral("status")).toString() != QLatin1String("canceled"));
        const QJsonObject first = all.first().toObject();
        const QString email =
            first.value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString();
        r = m_client->get(QStringLiteral("/organizations/%1/members?user.email=%2")
                              .arg(id, SimClient::enc(email.toUpper())));
        QCOMPARE(r.json().value(QStringLiteral("result")).toArray().size(), 1);
        r = m_client->get(
            QStringLiteral("/organizations/%1/members?user.email.endsWith=.example&page_size=100").arg(id));
        QCOMPARE(r.json().value(QStringLiteral("result")).toArray().size(), all.size());
        r = m_client->get(QStringLiteral("/organizations/%1/members?user.email.startsWith=zzz").arg(id));
        QCOMPARE(r.json().value(QStringLiteral("result")).toArray().size(), 0);
        checkError(m_client->get(QStringLiteral("/organizations/%1/members?status=gone").arg(id)), 400, 1001);

        // Get one.
        r = m_client->get(QStringLiteral("/organizations/%1/members/%2")
                              .arg(id, first.value(QStringLiteral("id")).toString()));
        checkSuccessEnvelope(r);
        QCOMPARE(r.json().value(QStringLiteral("result")).toObject(), first);
        checkError(m_client->get(QStringLiteral("/organizations/%1/members/nope").arg(id)), 404, 1010);
        checkError(m_client->get(QStringLiteral("/organizations/nope/members/nope")), 404, 1004);
    }

    void createAndDeleteMembers()
    {
        const QString id = orgId(QStringLiteral("Acme APAC"));
        const QString path = QStringLiteral("/organizations/%1/members").arg(id);
        Reply r = m_client->post(path, "{\"member\":{\"user\":{\"email\":\"dana.new@acme.example\"}}}");
        checkSuccessEnvelope(r);
        const QJsonObject created = r.json().value(QStringLiteral("result")).toObject();
        QCOMPARE(created.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(created.value(QStringLiteral("user")).toObject().value(QStringLiteral("name")).toString(),
                 QString());
        r = m_client->post(
            path, "{\"member\":{\"user\":{\"email\":\"eli.new@acme.example\"},\"status\":\"active\"}}");
        QCOMPARE(
            r.json().value(QStringLiteral("result")).toObject().value(QStringLiteral("status")).toString(),
            QStringLiteral("active"));
        checkError(m_client->post(path, "{\"member\":{\"user\":{\"email\":\"DANA.NEW@acme.example\"}}}"), 400,
                   1009);
        checkError(m_client->post(path, "{\"member\":{\"user\":{\"email\":\"not-an-email\"}}}"), 400, 1001);
        checkError(m_client->post(path, "{\"member\":{\"user\":{}}}"), 400, 1001);
        checkError(m_client->post(
                       path, "{\"member\":{\"user\":{\"email\":\"x@acme.example\"},\"status\":\"boss\"}}"),
                   400, 1001);
        checkError(m_client->post(path, "{}"), 400, 1001);

        // Audit entry of the create, with the request snapshot.
        const QJsonObject entry = auditPage(id).first().toObject();
        QCOMPARE(
            entry.value(QStringLiteral("action")).toObject().value(QStringLiteral("description")).toString(),
            QStringLiteral("Create organization member"));
        QCOMPARE(entry.value(QStringLiteral("resource")).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("member"));

        // Batch.
        r = m_client->post(path + QStringLiteral(":batchCreate"),
                           "{\"members\":[{\"user\":{\"email\":\"b1@acme.example\"}},{\"user\":{\"email\":"
                           "\"b2@acme.example\"},"
                           "\"status\":\"active\"}]}");
        checkSuccessEnvelope(r);
        QCOMPARE(r.json().value(QStringLiteral("result")).toArray().size(), 2);
        checkError(m_client->post(path + QStringLiteral(":batchCreate"), "{\"members\":[]}"), 400, 1001);
        checkError(m_client->post(path + QStringLiteral(":batchCreate"),
                                  "{\"members\":[{\"user\":{\"email\":\"c1@acme.example\"}},{\"user\":{"
                                  "\"email\":\"C1@acme.example\"}}]}"),
                   400, 1009);
        r = m_client->post(path + QStringLiteral(":batchCreate"),
                           "{\"members\":[{\"user\":{\"email\":\"ok@acme.example\"}},{\"user\":{}}]}");
        checkError(r, 400, 1001);
        QCOMPARE(at(r.json(), {"errors", 0, "source", "pointer"}).toString(),
                 QStringLiteral("/members/1/user/email"));
        // Nothing of a rejected batch was created.
        r = m_client->get(path + QStringLiteral("?user.email=ok%40acme.example"));
        QCOMPARE(r.json().value(QStringLiteral("result")).toArray().size(), 0);

        // Delete: 204, no body, no Content-Type; then gone.
        const QString memberPath = path + QLatin1Char('/') + created.value(QStringLiteral("id")).toString();
        checkError(m_client->del(memberPath, "{\"member_id\":\"other\"}"), 400, 1001);
        r = m_client->del(memberPath, "{\"member_id\":\"" +
                                          created.value(QStringLiteral("id")).toString().toUtf8() + "\"}");
        QCOMPARE(r.status, 204);
        QVERIFY(r.body.isEmpty());
        QVERIFY(!r.hasHeader("Content-Type"));
        checkError(m_client->get(memberPath), 404, 1010);
        checkError(m_client->del(memberPath), 404, 1010);
        QCOMPARE(at(auditPage(id), {0, "action", "type"}).toString(), QStringLiteral("delete"));
    }

    void auditActorFromCredential()
    {
        const QString id = orgId(QStringLiteral("Acme Americas"));
        m_client->setAuth(SimClient::Auth::EmailKey);
        const Reply r = m_client->put(QStringLiteral("/organizations/") + id, "{\"name\":\"Acme Americas\"}");
        m_client->setAuth(SimClient::Auth::Token);
        QCOMPARE(r.status, 200);
        const QJsonObject actor = auditPage(id).first().toObject().value(QStringLiteral("actor")).toObject();
        QCOMPARE(actor.value(QStringLiteral("context")).toString(), QStringLiteral("api_key"));
        QCOMPARE(actor.value(QStringLiteral("email")).toString(), QStringLiteral("demo@orgscope.test"));
        QVERIFY(!actor.contains(QStringLiteral("token_id")));
    }

    void auditUnknownOrganization()
    {
        const Reply r = m_client->get(
            QStringLiteral("/organizations/nope/logs/audit?since=2026-01-01&before=2026-02-01"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(QStringLiteral("success")).toBool(true), false);
        QVERIFY(!r.errorMessage().isEmpty());
    }

    void usage()
    {
        const QString root = orgId(QStringLiteral("Acme Holdings"));
        Reply r = m_client->get(
            QStringLiteral("/organizations/%1/billable/usage?from=2026-11-01&to=2026-11-21").arg(root));
        checkSuccessEnvelope(r);
        QVERIFY(!r.json().contains(QStringLiteral("result_info")));
        const QJsonArray records = r.json().value(QStringLiteral("result")).toArray();
        QVERIFY(records.size() > 100);
        QSet<QString> families, days;
        bool correction = false;
        for (const QJsonValue &v : records) {
            const QJsonObject u = v.toObject();
            for (const char *required :
                 {"ChargeCategory", "ChargeDescription", "ChargeFrequency", "ChargePeriodStart",
                  "ChargePeriodEnd", "ConsumedQuantity", "ConsumedUnit", "HostProviderName",
                  "InvoiceIssuerName", "ServiceProviderName", "x_BillableMetricId"})
                QVERIFY2(u.contains(QLatin1String(required)), required);
            QVERIFY(!u.contains(QStringLiteral("BilledCost")));
            QVERIFY(!u.contains(QStringLiteral("BillingCurrency")));
            families.insert(u.value(QStringLiteral("x_ProductFamilyName")).toString());
            days.insert(u.value(QStringLiteral("ChargePeriodStart")).toString());
            correction |= u.value(QStringLiteral("ChargeClass")).toString() == QLatin1String("Correction");
        }
        QVERIFY2(families.size() >= 6, qPrintable(QStringList(families.values()).join(QLatin1Char(','))));
        QCOMPARE(days.size(), 21);
        QVERIFY(correction); // the 3rd of November 2026 carries a correction row

        // Default range: this month so far.
        r = m_client->get(QStringLiteral("/organizations/%1/billable/usage").arg(root));
        checkSuccessEnvelope(r);
        QVERIFY(!r.json().value(QStringLiteral("result")).toArray().isEmpty());
        // Exactly 31 days is allowed, 32 is not.
        checkSuccessEnvelope(m_client->get(
            QStringLiteral("/organizations/%1/billable/usage?from=2026-10-01&to=2026-10-31").arg(root)));
        checkError(
            m_client->get(
                QStringLiteral("/organizations/%1/billable/usage?from=2026-10-01&to=2026-11-01").arg(root)),
            400, 1001);
        checkError(
            m_client->get(QStringLiteral("/organizations/%1/billable/usage?from=2026-10-01").arg(root)), 400,
            1001);
        checkError(m_client->get(QStringLiteral("/organizations/%1/billable/usage?to=2026-10-01").arg(root)),
                   400, 1001);
        checkError(
            m_client->get(
                QStringLiteral("/organizations/%1/billable/usage?from=2026-10-05&to=2026-10-01").arg(root)),
            400, 1001);
        checkError(
            m_client->get(
                QStringLiteral("/organizations/%1/billable/usage?from=yesterday&to=2026-10-01").arg(root)),
            400, 1001);
        checkError(
            m_client->get(
                QStringLiteral("/organizations/%1/billable/usage?from=2026-02-30&to=2026-03-01").arg(root)),
            400, 1001);
        // Never a 404: unknown organizations and empty ones answer an empty result.
        r = m_client->get(QStringLiteral("/organizations/nope/billable/usage?from=2026-11-01&to=2026-11-02"));
        checkSuccessEnvelope(r);
        QVERIFY(r.json().value(QStringLiteral("result")).toArray().isEmpty());
        r = m_client->get(QStringLiteral("/organizations/%1/billable/usage?from=2026-11-01&to=2026-11-02")
                              .arg(orgId(QStringLiteral("Acme Labs"))));
        checkSuccessEnvelope(r);
        QVERIFY(r.json().value(QStringLiteral("result")).toArray().isEmpty());
    }

    void usageWithCosts()
    {
        testsupport::SimulatorProcess sim({QStringLiteral("--audit-events"), QStringLiteral("0"),
                                           QStringLiteral("--usage-costs"), QStringLiteral("--now"),
                                           fixedNow});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        const Reply r =
            client.get(QStringLiteral("/organizations/%1/billable/usage?from=2026-11-20&to=2026-11-20")
                           .arg(orgId(QStringLiteral("Acme Holdings"))));
        checkSuccessEnvelope(r);
        const QJsonObject first = r.json().value(QStringLiteral("result")).toArray().first().toObject();
        QCOMPARE(first.value(QStringLiteral("BillingCurrency")).toString(), QStringLiteral("USD"));
        for (const char *key :
             {"PricingQuantity", "PricingUnit", "ListUnitPrice", "ListCost", "ContractedUnitPrice",
              "ContractedCost", "BilledCost", "EffectiveCost", "BillingPeriodStart", "BillingPeriodEnd"})
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QCOMPARE(first.value(QStringLiteral("BillingPeriodStart")).toString(),
                 QStringLiteral("2026-11-01T00:00:00Z"));
    }

    void tokenVerify()
    {
        Reply r = m_client->get(QStringLiteral("/user/tokens/verify"));
        checkSuccessEnvelope(r);
        QCOMPARE(
            r.json().value(QStringLiteral("result")).toObject().value(QStringLiteral("status")).toString(),
            QStringLiteral("active"));
        QCOMPARE(at(r.json(), {"messages", 0, "code"}).toInt(), 10000);
        QCOMPARE(
            r.json().value(QStringLiteral("result")).toObject().value(QStringLiteral("id")).toString().size(),
            32);

        const QString accountPath =
            QStringLiteral("/accounts/%1/tokens/verify").arg(QString::fromLatin1(accountTokenAccount));
        checkError(m_client->get(accountPath), 401, 1000); // a user token is not an account token

        m_client->setToken("acct-token");
        checkError(m_client->get(QStringLiteral("/user/tokens/verify")), 401, 1000);
        r = m_client->get(accountPath);
        checkSuccessEnvelope(r);
        QCOMPARE(
            r.json().value(QStringLiteral("result")).toObject().value(QStringLiteral("status")).toString(),
            QStringLiteral("active"));
        checkError(m_client->get(QStringLiteral("/accounts/ffffffffffffffffffffffffffffffff/tokens/verify")),
                   401, 1000);
        checkSuccessEnvelope(m_client->get(QStringLiteral("/organizations"))); // account tokens work on calls

        m_client->setToken("old-token");
        r = m_client->get(QStringLiteral("/user/tokens/verify"));
        checkSuccessEnvelope(r);
        QCOMPARE(
            r.json().value(QStringLiteral("result")).toObject().value(QStringLiteral("status")).toString(),
            QStringLiteral("expired"));
        checkError(m_client->get(QStringLiteral("/organizations")), 401, 1000);

        m_client->setToken("orgscope-demo-token");
        m_client->setAuth(SimClient::Auth::EmailKey);
        checkError(m_client->get(QStringLiteral("/user/tokens/verify")), 401, 1000);
        m_client->setAuth(SimClient::Auth::Token);
    }

    void authFailures_data()
    {
        QTest::addColumn<QByteArrayList>("headers");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("code");
        QTest::newRow("none") << QByteArrayList{} << 401 << 9106;
        QTest::newRow("unknown token") << QByteArrayList{"Authorization", "Bearer nope"} << 401 << 1000;
        QTest::newRow("basic scheme") << QByteArrayList{"Authorization", "Basic Zm9vOmJhcg=="} << 401 << 6111;
        QTest::newRow("empty bearer") << QByteArrayList{"Authorization", "Bearer "} << 401 << 6111;
        QTest::newRow("email only") << QByteArrayList{"X-Auth-Email", "demo@orgscope.test"} << 401 << 9106;
        QTest::newRow("key only") << QByteArrayList{"X-Auth-Key", "orgscope-demo-key"} << 401 << 9106;
        QTest::newRow("wrong key") << QByteArrayList{"X-Auth-Email", "demo@orgscope.test", "X-Auth-Key",
                                                     "bad"}
                                   << 401 << 9103;
        QTest::newRow("wrong email") << QByteArrayList{"X-Auth-Email", "eve@evil.example", "X-Auth-Key",
                                                       "orgscope-demo-key"}
                                     << 401 << 9103;
        QTest::newRow("email is case-insensitive")
            << QByteArrayList{"X-Auth-Email", "DEMO@orgscope.test", "X-Auth-Key", "orgscope-demo-key"} << 200
            << 0;
    }
    void authFailures()
    {
        QFETCH(QByteArrayList, headers);
        QFETCH(int, status);
        QFETCH(int, code);
        m_client->setAuth(SimClient::Auth::None);
        QList<QPair<QByteArray, QByteArray>> extra;
        for (qsizetype i = 0; i + 1 < headers.size(); i += 2)
            extra.append({headers[i], headers[i + 1]});
        const Reply r = m_client->send("GET", QStringLiteral("/organizations"), {}, extra);
        m_client->setAuth(SimClient::Auth::Token);
        if (status == 200) {
            checkSuccessEnvelope(r);
            return;
        }
        checkError(r, status, code);
        QVERIFY(r.hasHeader("Ratelimit"));
    }

    void strictSecurity()
    {
        testsupport::SimulatorProcess sim(
            {QStringLiteral("--audit-events"), QStringLiteral("0"), QStringLiteral("--strict-security")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        Reply r = client.get(QStringLiteral("/organizations?page_size=1"));
        checkSuccessEnvelope(r);
        const QString id = at(r.json(), {"result", 0, "id"}).toString();
        checkError(client.get(QStringLiteral("/organizations/") + id), 403, 9109);
        checkError(client.get(QStringLiteral("/organizations/%1/members").arg(id)), 403, 9109);
        checkError(client.post(QStringLiteral("/organizations"), "{\"name\":\"x\"}"), 403, 9109);
        QCOMPARE(
            client
                .get(
                    QStringLiteral("/organizations/%1/logs/audit?since=2026-01-01&before=2026-01-02").arg(id))
                .status,
            200);
        client.setAuth(SimClient::Auth::EmailKey);
        checkSuccessEnvelope(client.get(QStringLiteral("/organizations/") + id));
    }

    void legacyMetaFlags()
    {
        testsupport::SimulatorProcess sim(
            {QStringLiteral("--audit-events"), QStringLiteral("0"), QStringLiteral("--legacy-meta-flags")});
        QVERIFY2(sim.start(), qPrintable(sim.errorString()));
        SimClient client(sim.baseUrl());
        const Reply r = client.get(QStringLiteral("/organizations?page_size=1"));
        checkSuccessEnvelope(r);
        const QJsonObject meta = at(r.json(), {"result", 0, "meta"}).toObject();
        QVERIFY(!meta.contains(QStringLiteral("tenant_flags")));
        QCOMPARE(meta.value(QStringLiteral("flags")).toObject().size(), 5);
        QVERIFY(meta.contains(QStringLiteral("managed_by")));
    }

    void routing()
    {
        checkError(m_client->get(QStringLiteral("/nothing/here")), 404, 7003);
        checkError(m_client->send("PATCH", QStringLiteral("/organizations"), "{}"), 405, 7001);
        checkError(m_client->send("POST", QStringLiteral("/organizations/x/logs/audit"), "{}"), 405, 7001);
        checkError(m_client->send("DELETE", QStringLiteral("/organizations/x/accounts"), {}), 405, 7001);
        checkError(m_client->get(QStringLiteral("/organizations/x/members/y/z")), 404, 7003);
    }
};

QTEST_GUILESS_MAIN(TestSimEndpoints)
#include "tst_simendpoints.moc"
