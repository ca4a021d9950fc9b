// Every decoder on every fixture of tests/data/api, and on broken input.
#include "api/decoders.h"
#include "fuzz/lenientproperty.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace api;

class TestDecoders : public QObject
{
    Q_OBJECT

    static QByteArray example(const QString &name)
    {
        QFile f(QDir(qEnvironmentVariable("ORGSCOPE_TEST_DATA")).filePath(name));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("missing example %s", qPrintable(name));
        return f.readAll();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(!qEnvironmentVariable("ORGSCOPE_TEST_DATA").isEmpty()); }

    void organizationNewestMeta()
    {
        const auto d =
            decode::organizationResponse(example(QStringLiteral("organization_get.response.json")));
        QVERIFY2(d.ok(), qPrintable(d.error.toLogString()));
        const Organization &o = d.value;
        QCOMPARE(o.id, QStringLiteral("872d0071236d6316087f27979dd559f7"));
        QCOMPARE(o.name, QStringLiteral("Halcyon Field Robotics"));
        QCOMPARE(o.createTime, QDateTime(QDate(2026, 2, 17), QTime(8, 51, 36, 412), Qt::UTC));
        QCOMPARE(o.parentId, QStringLiteral("49e5f56655913167d6b2fd565275af65"));
        QCOMPARE(o.parentName, QStringLiteral("Halcyon Nordics"));
        QCOMPARE(o.hierarchyTags.size(), 3);
        QCOMPARE(o.hierarchyTags.first(), QStringLiteral("be43d6725023917083ec614f74a0eb07"));
        QCOMPARE(o.hierarchyTags.at(1), o.parentId);
        QCOMPARE(o.hierarchyTags.last(), o.id);
        QVERIFY(o.flagsAreTenantFlags);
        QCOMPARE(o.flags.size(), 8);
        QCOMPARE(o.flags.first().name, QStringLiteral("sub_org_creation")); // the order received
        QCOMPARE(o.flag(QStringLiteral("sub_org_creation")), QStringLiteral("disabled"));
        QCOMPARE(o.flag(QStringLiteral("enterprise_capability")), QStringLiteral("enabled"));
        QCOMPARE(o.flag(QStringLiteral("account_creation_applies_tenant_defaults")),
                 QStringLiteral("enabled"));
        QVERIFY(o.profile.has_value());
        QCOMPARE(o.profile->businessName, QStringLiteral("Halcyon Field Robotics Oy"));
        QVERIFY(o.rawJson.startsWith('{'));
        QVERIFY(o.rawJson.endsWith('}'));
        QVERIFY(o.rawJson.contains("\"tenant_flags\""));
        // The raw bytes decode to the same record.
        const auto again = decode::organization(o.rawJson);
        QVERIFY(again.ok());
        QCOMPARE(again.value.id, o.id);
    }

    void organizationLegacyMeta()
    {
        const auto d = decode::organizationResponse(
            example(QStringLiteral("organization_get.legacy_meta_flags.response.json")));
        QVERIFY2(d.ok(), qPrintable(d.error.toLogString()));
        QVERIFY(!d.value.flagsAreTenantFlags);
        QCOMPARE(d.value.flags.size(), 5);
        QCOMPARE(d.value.flag(QStringLiteral("account_creation")), QStringLiteral("enabled"));
        QCOMPARE(d.value.flag(QStringLiteral("sub_org_creation")), QStringLiteral("disabled"));
        QVERIFY(d.value.hierarchyTags.isEmpty());
        QCOMPARE(d.value.managedBy, QString());

        // The shape between the two: flags, hierarchy tags and managed_by together.
        const auto mid = decode::organizationResponse(
            example(QStringLiteral("organization_get.intermediate_meta_flags.response.json")));
        QVERIFY2(mid.ok(), qPrintable(mid.error.toLogString()));
        QVERIFY(!mid.value.flagsAreTenantFlags);
        QCOMPARE(mid.value.flags.size(), 5);
        QCOMPARE(mid.value.flag(QStringLiteral("sub_org_creation")), QStringLiteral("enabled"));
        QCOMPARE(mid.value.hierarchyTags.size(), 2);
        QCOMPARE(mid.value.managedBy, QStringLiteral("be43d6725023917083ec614f74a0eb07"));
        QVERIFY(!mid.value.profile.has_value());
    }

    void organizationsPages()
    {
        const auto first =
            decode::organizationsPage(example(QStringLiteral("organizations_list.response.json")));
        QVERIFY2(first.ok(), qPrintable(first.error.toLogString()));
        QCOMPARE(first.value.items.size(), 3);
        QVERIFY(!first.value.nextPageToken.isEmpty());
        QCOMPARE(first.value.totalSize, std::optional<qint64>(4));
        const auto last =
            decode::organizationsPage(example(QStringLiteral("organizations_list.last_page.response.json")));
        QVERIFY(last.ok());
        QCOMPARE(last.value.items.size(), 1);
        QVERIFY(last.value.nextPageToken.isEmpty());
        QCOMPARE(last.value.totalSize, std::optional<qint64>(4));
        const auto scan = decode::scanPageToken(example(QStringLiteral("organizations_list.response.json")));
        QVERIFY(scan.ok);
        QCOMPARE(scan.next, first.value.nextPageToken);
        QVERIFY(!scan.emptyPage);
    }

    void createUpdateDelete()
    {
        for (const char *name : {"organization_create.response.json", "organization_update.response.json"}) {
            const auto d = decode::organizationResponse(example(QLatin1String(name)));
            QVERIFY2(d.ok(), name);
            QVERIFY(!d.value.id.isEmpty());
        }
        const auto del =
            decode::deletedIdResponse(example(QStringLiteral("organization_delete.response.json")));
        QVERIFY(del.ok());
        QCOMPARE(del.value, QStringLiteral("7d5f72153655197a09a556f0e59b5c5e"));
    }

    void accounts()
    {
        const auto d =
            decode::accountsPage(example(QStringLiteral("organization_accounts_get.response.json")));
        QVERIFY2(d.ok(), qPrintable(d.error.toLogString()));
        QCOMPARE(d.value.items.size(), 3);
        QVERIFY(!d.value.nextPageToken.isEmpty());
        QCOMPARE(d.value.totalSize, std::optional<qint64>(4));
        const Account &prod = d.value.items.at(0);
        QCOMPARE(prod.id, QStringLiteral("8de6561e4b54a986105e7be159e1202b"));
        QCOMPARE(prod.type, QStringLiteral("enterprise"));
        QVERIFY(prod.name.has_value());
        QVERIFY(prod.createdOn.isValid());
        QCOMPARE(prod.tags.value(QStringLiteral("cost_centre")), QStringLiteral("NOR-DATA"));
        const Account &lab = d.value.items.at(1);
        QCOMPARE(lab.id, QStringLiteral("6ebb2712aa0d9a54e9c5e8edc52f7278"));
        QVERIFY(!lab.settings.enforceTwoFactor.has_value() || !lab.settings.abuseContactEmail.has_value());
        QVERIFY(!prod.rawJson.isEmpty());

        const auto last = decode::accountsPage(
            example(QStringLiteral("organization_accounts_get.last_page.response.json")));
        QVERIFY2(last.ok(), qPrintable(last.error.toLogString()));
        QCOMPARE(last.value.items.size(), 1);
        QVERIFY(last.value.nextPageToken.isEmpty());
        QVERIFY(!last.value.items.first().name.has_value()); // name is nullable
    }

    void profile()
    {
        const auto d =
            decode::profileResponse(example(QStringLiteral("organization_profile_get.response.json")));
        QVERIFY(d.ok());
        QVERIFY(!d.value.businessName.isEmpty());
        QVERIFY(!d.value.businessEmail.isEmpty());
        QVERIFY(!d.value.externalMetadata.isEmpty());
    }

    void members()
    {
        const auto list = decode::membersPage(example(QStringLiteral("members_list.response.json")));
        QVERIFY2(list.ok(), qPrintable(list.error.toLogString()));
        QCOMPARE(list.value.items.size(), 3);
        QStringList statuses;
        for (const Member &m : list.value.items) {
            QVERIFY(!m.id.isEmpty());
            QVERIFY(!m.user.email.isEmpty());
            QVERIFY(m.createTime.isValid());
            statuses << m.status;
        }
        QVERIFY(statuses.contains(QStringLiteral("canceled")));
        QVERIFY(statuses.contains(QStringLiteral("pending")));
        QVERIFY(!list.value.nextPageToken.isEmpty());
        const auto lastPage =
            decode::membersPage(example(QStringLiteral("members_list.last_page.response.json")));
        QVERIFY2(lastPage.ok(), qPrintable(lastPage.error.toLogString()));
        QCOMPARE(lastPage.value.items.size(), 1);
        QVERIFY(lastPage.value.nextPageToken.isEmpty());
        QCOMPARE(lastPage.value.items.first().user.name, QString()); // may be empty
        for (const char *name : {"member_get.response.json", "member_create.response.json"}) {
            const auto d = decode::memberResponse(example(QLatin1String(name)));
            QVERIFY2(d.ok(), name);
            QVERIFY(!d.value.user.id.isEmpty());
        }
        const auto get = decode::memberResponse(example(QStringLiteral("member_get.response.json")));
        QCOMPARE(get.value.id, QStringLiteral("18a03049ea40d61dd32ce04eca450256"));
        QVERIFY(get.value.user.twoFactorEnabled || !get.value.user.twoFactorEnabled);
    }

    void audit()
    {
        const QByteArray body = example(QStringLiteral("audit_logs_list.response.json"));
        const auto d = decode::auditPage(body);
        QVERIFY2(d.ok(), qPrintable(d.error.toLogString()));
        QCOMPARE(d.value.entries.size(), 3);
        QCOMPARE(d.value.count, std::optional<qint64>(3));
        QVERIFY(d.value.cursor.startsWith(QStringLiteral("eyJiZWZvcmUi")));
        const AuditEvent &e = d.value.entries.first();
        QCOMPARE(e.id, QStringLiteral("7f4dddbba2723e9211bfec59c0a1e1aa"));
        QCOMPARE(e.actionType, QStringLiteral("create"));
        QCOMPARE(e.actionResult, QStringLiteral("success"));
        QCOMPARE(e.actionTime, QDateTime(QDate(2026, 10, 29), QTime(14, 22, 5, 318), Qt::UTC));
        QCOMPARE(e.actionTimeMs, e.actionTime.toMSecsSinceEpoch());
        QCOMPARE(e.actorEmail, QStringLiteral("ingrid.halvorsen@halcyon.example"));
        QCOMPARE(e.actorContext, QStringLiteral("api_token"));
        QCOMPARE(e.actorTokenName, QStringLiteral("orgscope-nordics-admin"));
        QCOMPARE(e.actorIpAddress, QStringLiteral("2001:db8:4f1c::27"));
        QCOMPARE(e.rawStatusCode, std::optional<int>(200));
        QCOMPARE(e.rawMethod, QStringLiteral("POST"));
        QCOMPARE(e.resourceType, QStringLiteral("member"));
        QCOMPARE(e.resourceScopeJson, QByteArray("\"organizations\""));
        QVERIFY(e.resourceRequestJson.contains("tuva.nilsen@halcyon.example"));
        QCOMPARE(e.resourceResponseJson, QByteArray("{}"));
        QVERIFY(e.rawJson.startsWith('{') && e.rawJson.endsWith('}'));
        // The second entry has no token fields: tolerated.
        QVERIFY(d.value.entries.at(1).actorTokenId.isEmpty());

        const auto scan = decode::scanAuditCursor(body);
        QVERIFY(scan.ok);
        QCOMPARE(scan.next, d.value.cursor);

        const auto last =
            decode::auditPage(example(QStringLiteral("audit_logs_list.last_page.response.json")));
        QVERIFY(last.ok());
        QVERIFY(last.value.cursor.isEmpty());

        // The SDK's shape: only result_info.cursors.after; an array scope is
        // kept as received.
        const QByteArray sdkBody = example(QStringLiteral("audit_logs_list.cursors_after.response.json"));
        const auto sdk = decode::auditPage(sdkBody);
        QVERIFY2(sdk.ok(), qPrintable(sdk.error.toLogString()));
        QCOMPARE(sdk.value.entries.size(), 1);
        QCOMPARE(sdk.value.cursor, QStringLiteral("ZmllbGQtYXVkaXR8YWZ0ZXI9YzQxYTdlMDk"));
        QCOMPARE(decode::scanAuditCursor(sdkBody).next, sdk.value.cursor);
        QCOMPARE(sdk.value.entries.first().actionResult, QStringLiteral("failure"));
        QCOMPARE(sdk.value.entries.first().rawStatusCode, std::optional<int>(403));
        QCOMPARE(sdk.value.entries.first().resourceScopeJson, QByteArray(R"(["organizations"])"));
        // A null snapshot is no snapshot.
        QCOMPARE(d.value.entries.at(2).resourceResponseJson, QByteArray());
    }

    // rawJson is the object exactly as received, for every record kind.
    void rawJsonIsTheObjectAsReceived()
    {
        const auto check = [](const QByteArray &body, const QList<QByteArray> &raws) {
            const QJsonArray original =
                QJsonDocument::fromJson(body).object().value(QStringLiteral("result")).toArray();
            QCOMPARE(raws.size(), original.size());
            for (qsizetype i = 0; i < raws.size(); ++i) {
                QVERIFY(raws[i].startsWith('{') && raws[i].endsWith('}'));
                QCOMPARE(QJsonDocument::fromJson(raws[i]).object(), original.at(i).toObject());
                QVERIFY(body.contains(raws[i])); // the very bytes, not a re-serialisation
            }
        };
        QList<QByteArray> raws;
        const QByteArray audit = example(QStringLiteral("audit_logs_list.response.json"));
        for (const AuditEvent &e : decode::auditPage(audit).value.entries)
            raws << e.rawJson;
        check(audit, raws);
        raws.clear();
        const QByteArray orgs = example(QStringLiteral("organizations_list.response.json"));
        for (const Organization &o : decode::organizationsPage(orgs).value.items)
            raws << o.rawJson;
        check(orgs, raws);
        raws.clear();
        const QByteArray accounts = example(QStringLiteral("organization_accounts_get.response.json"));
        for (const Account &a : decode::accountsPage(accounts).value.items)
            raws << a.rawJson;
        check(accounts, raws);
        raws.clear();
        const QByteArray usage = example(QStringLiteral("billing_usage_get.response.json"));
        for (const UsageRecord &u : decode::usageResponse(usage).value)
            raws << u.rawJson;
        check(usage, raws);
        // Compact input, object last in its array and nested in another object.
        const auto compact =
            decode::auditPage(R"({"result":[{"id":"a","raw":{"status_code":1}},{"id":"b"}]})");
        QCOMPARE(compact.value.entries.at(0).rawJson, QByteArray(R"({"id":"a","raw":{"status_code":1}})"));
        QCOMPARE(compact.value.entries.at(1).rawJson, QByteArray(R"({"id":"b"})"));
        const auto bare = decode::organization(R"(  {"id":"x"}  )");
        QCOMPARE(bare.value.rawJson, QByteArray(R"({"id":"x"})"));
    }

    void auditCursorShapes()
    {
        const QByteArray after = R"({"result":[{"id":"a"}],"result_info":{"cursors":{"after":"NEXT"}}})";
        QCOMPARE(decode::auditPage(after).value.cursor, QStringLiteral("NEXT"));
        QCOMPARE(decode::scanAuditCursor(after).next, QStringLiteral("NEXT"));
        const QByteArray both =
            R"({"result":[{"id":"a"}],"result_info":{"cursor":"FLAT","cursors":{"after":"X"}}})";
        QCOMPARE(decode::auditPage(both).value.cursor, QStringLiteral("FLAT"));
        const QByteArray emptyFlat =
            R"({"result":[{"id":"a"}],"result_info":{"cursor":"","cursors":{"after":"X"}}})";
        QCOMPARE(decode::scanAuditCursor(emptyFlat).next, QStringLiteral("X"));
        const QByteArray emptyPage = R"({"result":[],"result_info":{"cursor":"MORE"}})";
        QVERIFY(decode::scanAuditCursor(emptyPage).emptyPage);
    }

    void usage()
    {
        const auto full = decode::usageResponse(example(QStringLiteral("billing_usage_get.response.json")));
        QVERIFY2(full.ok(), qPrintable(full.error.toLogString()));
        QVERIFY(!full.value.isEmpty());
        const UsageRecord &u = full.value.first();
        QVERIFY(!u.chargeDescription.isEmpty());
        QVERIFY(u.chargePeriodStart.isValid());
        QVERIFY(u.consumedQuantity.has_value());
        QVERIFY(!u.billableMetricId.isEmpty());
        QVERIFY(u.billedCost.has_value());
        QCOMPARE(u.billingCurrency, QStringLiteral("USD"));
        QCOMPARE(full.value.size(), 6);
        for (const UsageRecord &r : full.value)
            QVERIFY(r.effectiveCost.has_value() && r.listCost.has_value());

        const auto lean =
            decode::usageResponse(example(QStringLiteral("billing_usage_get.usage_only.response.json")));
        QVERIFY(lean.ok());
        QVERIFY(!lean.value.isEmpty());
        for (const UsageRecord &r : lean.value) {
            QVERIFY(!r.billedCost.has_value());
            QVERIFY(!r.listCost.has_value());
            QVERIFY(r.billingCurrency.isEmpty());
            QVERIFY(r.consumedQuantity.has_value());
        }

        // No accounts (or an unknown organization): 200 with an empty result.
        const auto none =
            decode::usageResponse(example(QStringLiteral("billing_usage_get.empty.response.json")));
        QVERIFY2(none.ok(), qPrintable(none.error.toLogString()));
        QVERIFY(none.value.isEmpty());
    }

    void tokens()
    {
        for (const char *name : {"token_verify_user.response.json", "token_verify_account.response.json"}) {
            const auto d = decode::tokenVerificationResponse(example(QLatin1String(name)));
            QVERIFY2(d.ok(), name);
            QCOMPARE(d.value.status, QStringLiteral("active"));
            QVERIFY(!d.value.id.isEmpty());
            QVERIFY(!d.value.message.isEmpty());
        }
    }

    void errorEnvelopes_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("code");
        QTest::newRow("400") << QStringLiteral("error_400_validation.response.json") << 1001;
        QTest::newRow("401") << QStringLiteral("error_401_invalid_token.response.json") << 1000;
        QTest::newRow("403") << QStringLiteral("error_403_forbidden.response.json") << 9109;
        QTest::newRow("404") << QStringLiteral("error_404_not_found.response.json") << 1010;
        QTest::newRow("429") << QStringLiteral("error_429_rate_limited.response.json") << 971;
        QTest::newRow("audit") << QStringLiteral("error_audit_logs_400.response.json") << 0;
        QTest::newRow("usage") << QStringLiteral("error_billing_usage_400.response.json") << 1001;
        QTest::newRow("notempty") << QStringLiteral("error_org_not_empty.response.json") << 1005;
    }
    void errorEnvelopes()
    {
        QFETCH(QString, file);
        QFETCH(int, code);
        const QList<ApiMessage> errors = decode::errorMessages(example(file));
        QVERIFY(!errors.isEmpty());
        QVERIFY(!errors.first().message.isEmpty());
        if (code >= 0)
            QCOMPARE(errors.first().code, code);
    }

    // Every example file decodes with the decoder for its endpoint, and no
    // decoder crashes on any other file.
    void everyExampleWithEveryDecoder()
    {
        const QDir dir(qEnvironmentVariable("ORGSCOPE_TEST_DATA"));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY(files.size() > 20);
        for (const QString &name : files) {
            const QByteArray body = example(name);
            decode::organizationResponse(body);
            decode::organizationsPage(body);
            decode::accountsPage(body);
            decode::profileResponse(body);
            decode::memberResponse(body);
            decode::membersResponse(body);
            decode::membersPage(body);
            decode::auditPage(body);
            decode::usageResponse(body);
            decode::tokenVerificationResponse(body);
            decode::deletedIdResponse(body);
            decode::errorMessages(body);
            decode::scanAuditCursor(body);
            decode::scanPageToken(body);
            // Truncated at every 7th byte: an error, never a crash, never "ok" with garbage.
            for (qsizetype cut = 0; cut < body.size() - 2; cut += 7) {
                const QByteArray t = body.left(cut);
                QVERIFY2(!decode::auditPage(t).ok() || t.trimmed().isEmpty() == false, qPrintable(name));
                const auto o = decode::organizationResponse(t);
                const auto u = decode::usageResponse(t);
                const auto m = decode::membersPage(t);
                QVERIFY2(!o.ok() && !u.ok() && !m.ok(),
                         qPrintable(QStringLiteral("%1 cut at %2 decoded").arg(name).arg(cut)));
            }
        }
    }

    // Seeded random damage to every example: errors are fine, crashes are not
    // (this is what the ASan run is for).
    void randomMutationsNeverCrash()
    {
        const QDir dir(qEnvironmentVariable("ORGSCOPE_TEST_DATA"));
        QRandomGenerator rng(20261123);
        static const char alphabet[] = "{}[]\",:0123456789.-eEtruefalsn \\\x80\xff\xc3";
        for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
            const QByteArray original = example(name);
            for (int round = 0; round < 25; ++round) {
                QByteArray body = original;
                const int edits = 1 + int(rng.bounded(4));
                for (int e = 0; e < edits && !body.isEmpty(); ++e) {
                    const qsizetype at = qsizetype(rng.bounded(quint32(body.size())));
                    const char c = alphabet[rng.bounded(quint32(sizeof(alphabet) - 1))];
                    switch (rng.bounded(3)) {
                    case 0:
                        body[at] = c;
                        break;
                    case 1:
                        body.insert(at, c);
                        break;
                    default:
                        body.remove(at, qsizetype(rng.bounded(8)) + 1);
                        break;
                    }
                }
                decode::organizationResponse(body);
                decode::organizationsPage(body);
                decode::accountsPage(body);
                decode::membersPage(body);
                decode::membersResponse(body);
                decode::auditPage(body);
                decode::usageResponse(body);
                decode::tokenVerificationResponse(body);
                decode::errorMessages(body);
                decode::scanAuditCursor(body);
                decode::scanPageToken(body);
            }
        }
    }

    void wrongTypesNameTheField()
    {
        const auto d = decode::organizationResponse(R"({"result":{"id":42,"name":"x"}})");
        QVERIFY(!d.ok());
        QCOMPARE(d.error.kind(), ApiError::Kind::Decode);
        QVERIFY2(d.error.detail().contains(QStringLiteral("result.id")), qPrintable(d.error.detail()));

        // Audit entries are read leniently: the field is dropped, the entry kept.
        const auto a =
            decode::auditPage(R"({"result":[{"id":"a"},{"id":"b","raw":{"status_code":"two hundred"}}]})");
        QVERIFY(a.ok());
        QCOMPARE(a.value.entries.size(), 2);
        QVERIFY(!a.value.entries.at(1).rawStatusCode.has_value());

        // So is every other record (issue 20): the field reads as absent, the entry stays, it is counted.
        const auto u = decode::usageColumns(R"({"result":[{"ConsumedQuantity":"12","x_ZoneName":"z"}]})");
        QVERIFY2(u.ok(), qPrintable(u.error.detail()));
        QCOMPARE(u.value.size(), 1);
        QVERIFY(!u.value.has(UsageColumns::ConsumedQuantity, 0));
        QCOMPARE(u.value.textAt(UsageColumns::ZoneName, 0), QStringLiteral("z"));
        QCOMPARE(u.value.entriesWithIssues, 1);
        QVERIFY(u.value.firstIssue.contains(QStringLiteral("ConsumedQuantity")));

        const auto m = decode::membersPage(
            R"({"result":[{"id":"m","user":"bob","status":"active"},{"id":"n"}],"result_info":{}})");
        QVERIFY2(m.ok(), qPrintable(m.error.detail()));
        QCOMPARE(m.value.items.size(), 2);
        QCOMPARE(m.value.items.at(0).status, QStringLiteral("active"));
        QVERIFY(m.value.items.at(0).user.email.isEmpty());
        QCOMPARE(m.value.entriesWithIssues, 1);
        QVERIFY2(m.value.firstIssue.contains(QStringLiteral("result[0].user")),
                 qPrintable(m.value.firstIssue));

        const auto t = decode::organizationResponse(R"({"result":{"id":"x","create_time":"yesterday"}})");
        QVERIFY(t.ok());
        QVERIFY(!t.value.createTime.isValid());

        // The key is not lenient: an entry without a readable id is left out
        // of a page (and counted), and a single object without one is an error.
        QVERIFY(!d.ok());
        const auto noId = decode::organizationsPage(R"({"result":[{"id":7,"name":"x"},{"id":"y"}]})");
        QVERIFY(noId.ok());
        QCOMPARE(noId.value.items.size(), 1);
        QCOMPARE(noId.value.entriesWithIssues, 1);

        // A broken envelope still fails the page.
        const auto r = decode::organizationsPage(R"({"result":{"id":"x"}})");
        QVERIFY(!r.ok());
    }

    // Any one JSON value in any non-key field of every decoder keeps the
    // entry and the page (the rule fuzz_lenient checks on random input).
    void lenientInEveryDecoder_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("null") << QByteArray("null");
        QTest::newRow("number") << QByteArray("42");
        QTest::newRow("string") << QByteArray(R"("text")");
        QTest::newRow("object") << QByteArray(R"({"a":{"b":[1,null]}})");
        QTest::newRow("array") << QByteArray(R"([1,"a",{}])");
        QTest::newRow("bool") << QByteArray("false");
        QTest::newRow("bad date") << QByteArray(R"("2026-13-45T99:00:00Z")");
        QTest::newRow("huge") << QByteArray("-1.5e300");
        // simdjson's On-Demand number parser refuses exponents written with
        // many digits that its DOM parser (and the JSON grammar) accepts.
        QTest::newRow("long exponent") << QByteArray("-1.5e00000000000000000300");
        QTest::newRow("long exponent, tiny") << QByteArray("7e-0000000000000000000000009");
        QTest::newRow("out of range") << QByteArray("1e400");
        QTest::newRow("exponent underflows") << QByteArray("1E-533001553000001255300");
        QTest::newRow("exponent overflows") << QByteArray("-2e+000000000000000000000000000533001553");
        QTest::newRow("many digits") << QByteArray(
            "0.0000000000000000000000000000000000000000000000000000000000001234567890123456789");
    }
    void lenientInEveryDecoder()
    {
        QFETCH(QByteArray, value);
        for (const lenienttest::Slot &slot : lenienttest::kSlots) {
            const QString broken = lenienttest::checkSlot(slot, value);
            QVERIFY2(broken.isEmpty(), qPrintable(broken));
        }
        QVERIFY(lenienttest::checkLenient(value).isEmpty());
    }

    // What the pages count: a null group and a wrong type are counted, a valid value is not.
    void lenientCountsWhatItDropped()
    {
        const lenienttest::Slot user{"members", R"("user":)", ""};
        qsizetype issues = -1;
        QVERIFY(lenienttest::checkSlot(user, "null", &issues).isEmpty());
        QCOMPARE(issues, 1);
        QVERIFY(lenienttest::checkSlot(user, R"({"email":"a@b.example"})", &issues).isEmpty());
        QCOMPARE(issues, 0);
        const lenienttest::Slot created{"organizations", R"("create_time":)", ""};
        QVERIFY(lenienttest::checkSlot(created, R"("not a time")", &issues).isEmpty());
        QCOMPARE(issues, 1);
        const lenienttest::Slot quantity{"usage", R"("ConsumedQuantity":)", ""};
        QVERIFY(lenienttest::checkSlot(quantity, "{}", &issues).isEmpty());
        QCOMPARE(issues, 1);
        const lenienttest::Slot settings{"accounts", R"("settings":)", ""};
        QVERIFY(lenienttest::checkSlot(settings, "[]", &issues).isEmpty());
        QCOMPARE(issues, 1);
    }

    // Numbers a server (or a fuzzer) sends out of range must not be cast blindly:
    // an integer field refuses them, a count is dropped, an error code is ignored.
    void outOfRangeNumbers()
    {
        // A number no double can hold is malformed input, like broken JSON.
        QVERIFY(!decode::auditPage(R"({"result":[{"id":"a","raw":{"status_code":-1e400}}]})").ok());
        for (const char *huge : {"277777777777777777777777777", "2147483648", "1.5"}) {
            const QByteArray body =
                QByteArray(R"({"result":[{"id":"a","raw":{"status_code":)") + huge + "}}]}";
            const auto a = decode::auditColumns(body);
            QVERIFY2(a.ok(), huge);
            QVERIFY2(!a.value.event(0).rawStatusCode.has_value(), huge); // never a wrapped-around number
            QVERIFY2(a.value.firstIssue.contains(QStringLiteral("result[0].raw.status_code")),
                     qPrintable(a.value.firstIssue));
        }
        const auto max = decode::auditPage(R"({"result":[{"id":"a","raw":{"status_code":2147483647}}]})");
        QVERIFY(max.ok());
        QCOMPARE(max.value.entries.at(0).rawStatusCode, std::optional<int>(2147483647));

        const auto total = decode::organizationsPage(R"({"result":[],"result_info":{"total_size":1e300}})");
        QVERIFY(total.ok());
        QVERIFY(!total.value.totalSize.has_value());
        const auto exact = decode::organizationsPage(R"({"result":[],"result_info":{"total_size":12}})");
        QCOMPARE(exact.value.totalSize, std::optional<qint64>(12));

        const auto messages =
            decode::errorMessages(R"({"success":false,"errors":[{"code":1e30,"message":"m"}]})");
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.at(0).code, 0);
        QCOMPARE(messages.at(0).message, QStringLiteral("m"));
    }

    void lenientAboutUnknownsAndNulls()
    {
        const auto d = decode::organizationResponse(
            R"({"success":true,"errors":null,"result":{"id":"x","name":"n","future":{"a":[1,2,{"b":null}]},"parent":null,"profile":null,"meta":{"tenant_flags":{"new_flag":"maybe"},"extra":1}},"result_info":null})");
        QVERIFY2(d.ok(), qPrintable(d.error.detail()));
        QCOMPARE(d.value.flag(QStringLiteral("new_flag")), QStringLiteral("maybe"));
        QVERIFY(!d.value.profile.has_value());
        QVERIFY(d.value.parentId.isEmpty());

        const auto acc = decode::accountsPage(
            R"({"result":[{"id":"a","name":null,"type":"future-type","created_on":"2026-01-02T03:04:05+02:00","settings":{"abuse_contact_email":null,"api_access_enabled":null,"enforce_twofactor":true}}],"result_info":{"total_size":1}})");
        QVERIFY2(acc.ok(), qPrintable(acc.error.detail()));
        const Account &a = acc.value.items.first();
        QVERIFY(!a.name.has_value());
        QCOMPARE(a.type, QStringLiteral("future-type"));
        QCOMPARE(a.createdOn, QDateTime(QDate(2026, 1, 2), QTime(1, 4, 5), Qt::UTC));
        QCOMPARE(a.settings.enforceTwoFactor, std::optional<bool>(true));
        QVERIFY(!a.settings.apiAccessEnabled.has_value());

        // Missing result on a list → empty page; missing optional members tolerated.
        const auto empty = decode::auditPage(R"({"success":true})");
        QVERIFY(empty.ok());
        QVERIFY(empty.value.entries.isEmpty());
        QVERIFY(empty.value.cursor.isEmpty());

        // Usage errors/messages may be null.
        const auto usage =
            decode::usageResponse(R"({"success":true,"errors":null,"messages":null,"result":[]})");
        QVERIFY(usage.ok());
    }

    void successFalseIsAnError()
    {
        const auto d = decode::organizationResponse(
            R"({"success":false,"errors":[{"code":7,"message":"nope"}],"messages":[],"result":null})");
        QVERIFY(!d.ok());
        QCOMPARE(d.error.kind(), ApiError::Kind::Http);
        QCOMPARE(d.error.firstErrorCode(), 7);
    }

    void invalidUtf8AndJunk()
    {
        QByteArray bad = R"({"result":{"id":"x","name":"AB"}})";
        bad[bad.indexOf("AB")] = char(0xC3); // lone lead byte
        bad[bad.indexOf('B')] = char(0x28);
        QVERIFY(!decode::organizationResponse(bad).ok());
        QVERIFY(decode::organizationResponse(bad).error.detail().contains(QStringLiteral("UTF-8")));
        QVERIFY(!decode::organizationResponse("").ok());
        QVERIFY(!decode::organizationResponse("null").ok());
        QVERIFY(!decode::organizationResponse("[1,2]").ok());
        QVERIFY(!decode::organizationResponse(R"({"result":{"id":"x"}} trailing)").ok());
        QVERIFY(!decode::organizationResponse("<html>502 Bad Gateway</html>").ok());
        QVERIFY(!decode::auditPage(R"({"result":[{"id":"a"},)").ok());
        QVERIFY(!decode::auditPage("{\"result\":[{\"id\":\"a").ok());
        QVERIFY(decode::errorMessages("<html>").isEmpty());
    }

    void hugeStrings()
    {
        const QByteArray big(8 * 1024 * 1024, 'x');
        const QByteArray body = "{\"result\":{\"id\":\"i\",\"name\":\"" + big + "\"}}";
        const auto d = decode::organizationResponse(body);
        QVERIFY(d.ok());
        QCOMPARE(d.value.name.size(), big.size());
        // Escapes and non-ASCII survive.
        const auto e = decode::organizationResponse(
            "{\"result\":{\"id\":\"i\",\"name\":\"Zürich \\\"HQ\\\" \\u00e9\\ud83d\\ude00\"}}");
        QVERIFY(e.ok());
        QCOMPARE(e.value.name, QStringLiteral("Zürich \"HQ\" é😀"));
        // Deep nesting in an ignored field is an error or skipped, never a crash.
        QByteArray deep = "{\"result\":{\"id\":\"i\",\"x\":";
        deep += QByteArray(5000, '[') + QByteArray(5000, ']') + "}}";
        decode::organizationResponse(deep);
    }

    void timestamps_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("z") << QByteArray("2026-05-02T13:40:07Z") << true << qint64(1777729207000);
        QTest::newRow("frac") << QByteArray("2026-05-02T13:40:07.552Z") << true << qint64(1777729207552);
        QTest::newRow("micro") << QByteArray("2026-05-02T13:40:07.552999Z") << true << qint64(1777729207552);
        QTest::newRow("offset") << QByteArray("2026-05-02T15:40:07+02:00") << true << qint64(1777729207000);
        QTest::newRow("neg") << QByteArray("2026-05-02T08:40:07-05:00") << true << qint64(1777729207000);
        QTest::newRow("date") << QByteArray("2026-05-02") << true << qint64(1777680000000);
        QTest::newRow("epoch") << QByteArray("1970-01-01T00:00:00Z") << true << qint64(0);
        QTest::newRow("leap") << QByteArray("2024-02-29T00:00:00Z") << true << qint64(1709164800000);
        QTest::newRow("no-zone") << QByteArray("2026-05-02T13:40:07") << false << qint64(0);
        QTest::newRow("bad-day") << QByteArray("2026-02-30T00:00:00Z") << false << qint64(0);
        QTest::newRow("junk") << QByteArray("yesterday") << false << qint64(0);
        QTest::newRow("trail") << QByteArray("2026-05-02T13:40:07Zx") << false << qint64(0);
        QTest::newRow("empty") << QByteArray("") << false << qint64(0);
    }
    void timestamps()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, ok);
        QFETCH(qint64, ms);
        qint64 out = -1;
        QCOMPARE(decode::parseTimestamp(std::string_view(text.constData(), size_t(text.size())), &out), ok);
        if (ok) {
            QCOMPARE(out, ms);
            QCOMPARE(QDateTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs).isValid() ||
                         text.size() == 10 || text.size() > 24,
                     true);
        }
    }
};

QTEST_GUILESS_MAIN(TestDecoders)
#include "tst_decoders.moc"
