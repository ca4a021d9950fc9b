// The column-wise audit decoder against an independent oracle (QJsonDocument):
// every field of every entry, raw bytes included, on the fixtures in
// tests/data/api and on a page built to stress the per-page dictionaries.

#include "api/decode/tokenwalk_p.h"
#include "api/decoders.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <simdjson.h>

using namespace api;

namespace {

QString str(const QJsonObject &o, const char *group, const char *key)
{
    return o.value(QLatin1String(group)).toObject().value(QLatin1String(key)).toString();
}

QByteArray compact(const QJsonValue &v)
{
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    return {};
}

// Compares one decoded entry with the oracle's object, field by field.
void compareEntry(const AuditColumns &c, qsizetype i, const QJsonObject &o)
{
    using C = AuditColumns;
    QCOMPARE(c.ids.at(i), o.value(QLatin1String("id")).toString());
    QCOMPARE(c.textAt(C::ActionDescription, i), str(o, "action", "description"));
    QCOMPARE(c.textAt(C::ActionResult, i), str(o, "action", "result"));
    QCOMPARE(c.textAt(C::ActionType, i), str(o, "action", "type"));
    QCOMPARE(c.textAt(C::ActorId, i), str(o, "actor", "id"));
    QCOMPARE(c.textAt(C::ActorContext, i), str(o, "actor", "context"));
    QCOMPARE(c.textAt(C::ActorEmail, i), str(o, "actor", "email"));
    QCOMPARE(c.textAt(C::ActorIp, i), str(o, "actor", "ip_address"));
    QCOMPARE(c.textAt(C::ActorTokenId, i), str(o, "actor", "token_id"));
    QCOMPARE(c.textAt(C::ActorTokenName, i), str(o, "actor", "token_name"));
    QCOMPARE(c.textAt(C::ActorType, i), str(o, "actor", "type"));
    QCOMPARE(c.textAt(C::OrganizationId, i), str(o, "organization", "id"));
    QCOMPARE(c.rayIds.at(i), str(o, "raw", "cf_ray_id"));
    QCOMPARE(c.textAt(C::RawMethod, i), str(o, "raw", "method"));
    QCOMPARE(C::expandUri(c.textAt(C::RawUri, i), c.resourceIds.at(i)), str(o, "raw", "uri"));
    QCOMPARE(c.textAt(C::RawUserAgent, i), str(o, "raw", "user_agent"));
    QCOMPARE(c.resourceIds.at(i), str(o, "resource", "id"));
    QCOMPARE(c.textAt(C::ResourceProduct, i), str(o, "resource", "product"));
    QCOMPARE(c.textAt(C::ResourceType, i), str(o, "resource", "type"));

    const QJsonValue status = o.value(QLatin1String("raw")).toObject().value(QLatin1String("status_code"));
    QCOMPARE(c.statusCodes[size_t(i)].has_value(), status.isDouble());
    if (status.isDouble())
        QCOMPARE(*c.statusCodes[size_t(i)], status.toInt());

    const QString time = str(o, "action", "time");
    if (time.isEmpty()) {
        QCOMPARE(c.timeMs[size_t(i)], C::kNoTime);
    } else {
        QCOMPARE(c.timeMs[size_t(i)], QDateTime::fromString(time, Qt::ISODateWithMs).toMSecsSinceEpoch());
    }

    const QJsonObject resource = o.value(QLatin1String("resource")).toObject();
    const std::pair<const char *, const std::vector<C::Span> *> bodies[] = {
        {"request", &c.requests}, {"response", &c.responses}, {"scope", &c.scopes}};
    for (const auto &[key, column] : bodies) {
        const QJsonValue v = resource.value(QLatin1String(key));
        const QByteArray got = c.bytes((*column)[size_t(i)]);
        if (v.isObject() || v.isArray()) {
            QCOMPARE(compact(QJsonDocument::fromJson(got).isObject()
                                 ? QJsonValue(QJsonDocument::fromJson(got).object())
                                 : QJsonValue(QJsonDocument::fromJson(got).array())),
                     compact(v));
        } else if (v.isUndefined() || v.isNull()) {
            QVERIFY2(got.isEmpty(), key);
        }
    }
    // The whole entry's bytes parse back to the same object.
    QCOMPARE(QJsonDocument::fromJson(c.bytes(c.raw[size_t(i)])).object(), o);
}

void compareWithOracle(const QByteArray &body)
{
    const Decoded<AuditColumns> d = decode::auditColumns(body);
    QVERIFY2(d.ok(), qPrintable(d.error.toLogString()));
    const QJsonArray entries =
        QJsonDocument::fromJson(body).object().value(QLatin1String("result")).toArray();
    QCOMPARE(d.value.size(), entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        compareEntry(d.value, i, entries.at(i).toObject());
        if (QTest::currentTestFailed()) {
            qWarning() << "entry" << i;
            return;
        }
    }
    // The records built from the columns say the same.
    const QList<AuditEvent> events = d.value.events();
    QCOMPARE(events.size(), entries.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        QCOMPARE(events[i].id, d.value.ids.at(i));
        QCOMPARE(events[i].rawJson, d.value.bytes(d.value.raw[size_t(i)]));
    }
}

QByteArray stressPage()
{
    // 300 entries, 90 distinct e-mails (the dictionaries grow past their
    // first table), escapes and non-ASCII text, nulls, absent groups, and
    // request/response/scope as objects, arrays, scalars and null.
    QByteArray out = "{\"success\":true,\"errors\":[],\"result\":[";
    for (int i = 0; i < 300; ++i) {
        if (i)
            out += ",\n  ";
        const QByteArray n = QByteArray::number(i);
        const QByteArray email =
            i % 7 == 0 ? QByteArray("null") : "\"user" + QByteArray::number(i % 90) + "@b\\u00e9ta.example\"";
        out += "{\"id\":\"e" + n + "\",\"action\":{\"description\":\"Say \\\"hi\\\" \\ud83d\\ude00 " +
               QByteArray::number(i % 5) + "\",\"result\":\"" + (i % 3 ? "success" : "failure") +
               "\",\"time\":\"2026-11-0" + QByteArray::number(1 + i % 9) +
               "T10:11:12.345Z\",\"type\":\"update\"}";
        if (i % 11 != 0)
            out += ",\"actor\":{\"email\":" + email + ",\"id\":\"a" + QByteArray::number(i % 90) +
                   "\",\"ip_address\":\"10.0." + QByteArray::number(i % 40) + ".1\",\"type\":\"user\"}";
        // URIs that name their resource once or twice (escaped or not), a short
        // id that is never replaced, and one holding the placeholder character.
        QByteArray rid = "tok-\\u00e9-" + n + "-0123456789";
        QByteArray uri = "/accounts/a/tokens/" + rid + "/verify";
        if (i % 5 == 0) {
            rid = "x" + n;
            uri = "/accounts/x" + n + "/tokens";
        } else if (i % 5 == 1) {
            uri = "/accounts/a/tokens/" + rid;
        } else if (i % 5 == 2) {
            uri = "\\/user\\/tokens\\/" + rid + "/copy/" + rid;
        } else if (i % 5 == 3) {
            uri = "/odd/\\ue000/" + rid;
        }
        out += ",\"raw\":{\"cf_ray_id\":\"ray" + n +
               "\",\"status_code\":" + (i % 13 ? QByteArray("200") : "null") + ",\"uri\":\"" + uri +
               "\",\"method\":\"GET\"}";
        out += ",\"resource\":{\"id\":\"" + rid + "\",\"type\":\"token\",\"request\":";
        out += i % 4 == 0   ? QByteArray("{\"a\":[1,2,{\"b\":null}],\"s\":\"\\u00fcber\"}")
               : i % 4 == 1 ? QByteArray("[true, false]")
               : i % 4 == 2 ? QByteArray("null")
                            : QByteArray("\"text\"");
        out += ",\"scope\":{\"accounts\":[\"x" + n + "\"]}}";
        out += ",\"unknown_field\":{\"nested\":[1,2,3]}}";
    }
    out += "],\"result_info\":{\"count\":\"300\",\"cursor\":\"next-1\"}}";
    return out;
}

// A letter string of n bytes (no quote, no backslash), seeded.
// A page with an escape at every place of every short length.
QByteArray escapesPage()
{
    QByteArray body = "{\"result\":[";
    int entries = 0;
    for (int length = 1; length <= 20; ++length) {
        for (int at = -1; at < length; ++at) {
            QByteArray text;
            for (int k = 0; k < length; ++k)
                text += k == at ? QByteArray(k % 3 == 0   ? "\\\""
                                             : k % 3 == 1 ? "\\u00e9"
                                                          : "\\n")
                                : QByteArray(1, char('a' + (k + length) % 26));
            if (entries++)
                body += ',';
            body += "{\"id\":\"" + text + "\",\"action\":{\"description\":\"" + text + "\",\"type\":\"" +
                    text + "\"},\"actor\":{\"email\":\"" + text + "\"},\"raw\":{\"user_agent\":\"" + text +
                    "\",\"uri\":\"/x/" + text + "\"}}";
        }
    }
    body += "]}";
    return body;
}

QByteArray letters(int n, int seed)
{
    QByteArray out;
    for (int k = 0; k < n; ++k)
        out += char('a' + (k * 7 + seed) % 24); // 'a'..'x': flipping bit 0 makes no quote or backslash
    return out;
}

// One entry with the given actor id, e-mail, user agent, description and type.
QByteArray guessEntry(const QByteArray &n, const QByteArray &actorId, const QByteArray &email,
                      const QByteArray &agent, const QByteArray &description, const QByteArray &type)
{
    return "{\"id\":\"g" + n + "\",\"action\":{\"description\":\"" + description + "\",\"type\":\"" + type +
           "\"},\"actor\":{\"id\":\"" + actorId + "\",\"email\":\"" + email + "\",\"ip_address\":\"10.0.0." +
           n + "\"},\"raw\":{\"user_agent\":\"" + agent + "\",\"uri\":\"/x/" + n + "\",\"method\":\"GET\"}}";
}

// Pages built so that the decoder's shortcuts are wrong as often as
// possible: the value a column had with the same predictor (an actor's
// e-mail after the actor's id, a type after a description) or in the
// previous entry differs from the entry's own in a single byte, at every
// place of every length from 1 to 80 bytes; and the same text arrives
// escaped and unescaped.
QByteArray oneByteOffPage()
{
    QByteArray out = "{\"result\":[";
    int entries = 0;
    auto add = [&](const QByteArray &actorId, const QByteArray &email, const QByteArray &agent,
                   const QByteArray &description, const QByteArray &type) {
        if (entries)
            out += ",\n";
        out += guessEntry(QByteArray::number(entries++), actorId, email, agent, description, type);
    };
    for (int length = 1; length <= 80; ++length) {
        const QByteArray base = letters(length, length);
        for (int at = -1; at < length; ++at) {
            QByteArray value = base;
            if (at >= 0)
                value[at] = char(value[at] ^ 1);
            // One actor for every row of this length: its e-mail's guess is
            // the previous row's e-mail, one byte off (or the base).
            add("actor-" + QByteArray::number(length), value, value, value, at % 2 ? base : value);
            // The base again, so that the next variant follows the base.
            add("actor-" + QByteArray::number(length), base, base, base, base);
        }
    }
    // The same text escaped and not: one dictionary value, whichever comes
    // first, also as a guess (actor z's e-mail is first met escaped).
    add("z", "caf\\u00e9@example.com", "ua", "d", "t");
    add("z", "caf\xc3\xa9@example.com", "ua", "d", "t");
    add("z", "caf\\u00e9@example.com", "ua", "d", "t");
    add("z", "caf\xc3\xa9@example.con", "ua", "d", "t"); // one byte off after the escape
    out += "]}";
    return out;
}

// Every field of two events, one by one (a failure names the field).
void compareEvents(const AuditEvent &got, const AuditEvent &want)
{
    QCOMPARE(got.id, want.id);
    QCOMPARE(got.actionDescription, want.actionDescription);
    QCOMPARE(got.actionResult, want.actionResult);
    QCOMPARE(got.actionTime, want.actionTime);
    QCOMPARE(got.actionTimeMs, want.actionTimeMs);
    QCOMPARE(got.actionType, want.actionType);
    QCOMPARE(got.actorId, want.actorId);
    QCOMPARE(got.actorContext, want.actorContext);
    QCOMPARE(got.actorEmail, want.actorEmail);
    QCOMPARE(got.actorIpAddress, want.actorIpAddress);
    QCOMPARE(got.actorTokenId, want.actorTokenId);
    QCOMPARE(got.actorTokenName, want.actorTokenName);
    QCOMPARE(got.actorType, want.actorType);
    QCOMPARE(got.organizationId, want.organizationId);
    QCOMPARE(got.rawCfRayId, want.rawCfRayId);
    QCOMPARE(got.rawMethod, want.rawMethod);
    QCOMPARE(got.rawStatusCode, want.rawStatusCode);
    QCOMPARE(got.rawUri, want.rawUri);
    QCOMPARE(got.rawUserAgent, want.rawUserAgent);
    QCOMPARE(got.resourceId, want.resourceId);
    QCOMPARE(got.resourceProduct, want.resourceProduct);
    QCOMPARE(got.resourceType, want.resourceType);
    QCOMPARE(got.resourceRequestJson, want.resourceRequestJson);
    QCOMPARE(got.resourceResponseJson, want.resourceResponseJson);
    QCOMPARE(got.resourceScopeJson, want.resourceScopeJson);
    QCOMPARE(got.rawJson, want.rawJson);
}

// The CSV export's decode (decode::auditFields) against the full one: the
// same page, entry for entry, read as ranges when `ranges`.
void compareRanges(const QByteArray &body, bool ranges)
{
    const Decoded<AuditColumns> full = decode::auditColumns(body);
    const Decoded<AuditColumns> fields = decode::auditFields(body);
    QVERIFY2(full.ok(), qPrintable(full.error.toLogString()));
    QVERIFY2(fields.ok(), qPrintable(fields.error.toLogString()));
    QCOMPARE(!fields.value.fields.empty(), ranges);
    QCOMPARE(fields.value.size(), full.value.size());
    QCOMPARE(fields.value.cursor, full.value.cursor);
    QCOMPARE(fields.value.count, full.value.count);
    if (ranges)
        QCOMPARE(fields.value.fields.size(), size_t(full.value.size()) * AuditColumns::FieldCount);
    for (qsizetype i = 0; i < full.value.size(); ++i) {
        compareEvents(fields.value.event(i), full.value.event(i));
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "entry" << i
                                 << QString::fromUtf8(full.value.bytes(full.value.raw[size_t(i)]));
            return;
        }
    }
}
} // namespace

class TestAuditColumns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyAuditExample_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(qEnvironmentVariable("ORGSCOPE_TEST_DATA"));
        const QStringList files = dir.entryList({QStringLiteral("audit_logs_list*.json")}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void everyAuditExample()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        compareWithOracle(f.readAll());
    }

    // Strings are read straight from the body unless they hold an escape,
    // found a word at a time (the last partial word read whole, inside the
    // parser's padding): an escape at every place of every short length, in
    // a body parsed in place and in one that is copied first.
    void escapesAtEveryPlace()
    {
        const QByteArray body = escapesPage();
        QVERIFY(QJsonDocument::fromJson(body).isObject());
        QByteArray padded = body;
        padded.reserve(body.size() + 64);
        compareWithOracle(padded);
        QByteArray tight = body;
        tight.squeeze();
        compareWithOracle(tight);
    }

    void stressedDictionaries()
    {
        const QByteArray body = stressPage();
        QVERIFY(QJsonDocument::fromJson(body).isObject());
        compareWithOracle(body);
        const Decoded<AuditColumns> d = decode::auditColumns(body);
        QCOMPARE(d.value.cursor, QStringLiteral("next-1"));
        QCOMPARE(d.value.count, std::optional<qint64>(300));
        // 90 distinct e-mails plus the empty value, each stored once.
        QCOMPARE(d.value.values[AuditColumns::ActorEmail].size(), 91);
        QCOMPARE(d.value.values[AuditColumns::ActionResult].size(), 3);
        // 60 short-id URIs kept whole, 60 kept verbatim (they hold the
        // placeholder), three shapes for the rest, plus the empty value.
        QCOMPARE(d.value.values[AuditColumns::RawUri].size(), 1 + 60 + 60 + 3);
    }

    // Guessed values (by another column of the entry, or by the previous
    // entry) that differ from the entry's in one byte are never taken, at
    // any length and any place; texts equal once unescaped share one value.
    void guessesOneByteOff()
    {
        const QByteArray body = oneByteOffPage();
        QVERIFY(QJsonDocument::fromJson(body).isObject());
        compareWithOracle(body);
        const Decoded<AuditColumns> d = decode::auditColumns(body);
        QVERIFY(d.ok());
        // Per length: the base and one variant per byte; plus the two e-mails of actor z.
        qsizetype distinct = 1;
        for (int length = 1; length <= 80; ++length)
            distinct += 1 + length;
        QCOMPARE(d.value.values[AuditColumns::ActorEmail].size(), distinct + 2);
        QCOMPARE(d.value.values[AuditColumns::RawUserAgent].size(), distinct + 1);
        const qsizetype n = d.value.size();
        QCOMPARE(d.value.textAt(AuditColumns::ActorEmail, n - 4), QStringLiteral("caf\u00e9@example.com"));
        QCOMPARE(d.value.text[AuditColumns::ActorEmail][size_t(n - 4)],
                 d.value.text[AuditColumns::ActorEmail][size_t(n - 3)]);
        QCOMPARE(d.value.textAt(AuditColumns::ActorEmail, n - 1), QStringLiteral("caf\u00e9@example.con"));

        // Entries land in batches: pages of every size around a batch's
        // edge read the same as their entries one by one.
        for (const int size : {1, 63, 64, 65, 127, 128, 129}) {
            QByteArray page = "{\"result\":[";
            for (int i = 0; i < size; ++i) {
                if (i)
                    page += ',';
                const QByteArray k = QByteArray::number(i % 7);
                page += guessEntry(QByteArray::number(i), "actor-" + k, "e" + k + (i % 5 ? "" : "x"),
                                   "agent" + QByteArray::number(i % 3), "desc" + QByteArray::number(i % 4),
                                   "type" + QByteArray::number(i % 6));
            }
            page += "]}";
            compareWithOracle(page);
            if (QTest::currentTestFailed()) {
                qWarning() << "page of" << size;
                return;
            }
        }
    }

    // A page in the same order as another but with each predictor's values
    // swapped between entries: the guesses learnt on the way are wrong for
    // every entry after the first few.
    void guessesLearntThenBroken()
    {
        QByteArray page = "{\"result\":[";
        for (int i = 0; i < 400; ++i) {
            if (i)
                page += ',';
            const int actor = i % 9;
            // The first 200 entries pair actor k with e-mail k; the rest
            // with e-mail k + 1, user agent k + 2 and an IP of its own.
            const int shift = i < 200 ? 0 : 1;
            page +=
                guessEntry(QByteArray::number(i), "actor-" + QByteArray::number(actor),
                           "user" + QByteArray::number((actor + shift) % 9) + "@example.com",
                           "agent/" + QByteArray::number((actor + 2 * shift) % 9),
                           "Do thing " + QByteArray::number(i % 4), "kind" + QByteArray::number((i / 4) % 3));
        }
        page += "]}";
        compareWithOracle(page);
    }

    // The URI shape rule against the same rule written over UTF-16 strings,
    // and the round trip back to the URI, on random URIs and resource ids.
    void uriShapes()
    {
        auto oracle = [](const QString &uri, const QString &rid) -> QString {
            const QChar placeholder(AuditColumns::kUriPlaceholder);
            const QChar verbatim(AuditColumns::kUriVerbatim);
            if (uri.startsWith(verbatim) || uri.contains(placeholder))
                return verbatim + uri;
            const qsizetype at = rid.size() < 8 ? -1 : uri.indexOf(rid);
            if (at < 0)
                return uri;
            QString rest = uri.mid(at + rid.size());
            return uri.left(at) + placeholder + rest.replace(rid, QString(placeholder));
        };
        const QStringList pieces = {QStringLiteral("/"),
                                    QStringLiteral("a"),
                                    QStringLiteral("ab"),
                                    QStringLiteral("\u00e9"),
                                    QStringLiteral("\U0001F600"),
                                    QStringLiteral("tokens"),
                                    QString(QChar(AuditColumns::kUriPlaceholder)),
                                    QString(QChar(AuditColumns::kUriVerbatim))};
        QRandomGenerator rng(2026);
        auto randomText = [&](int maxPieces) {
            QString t;
            for (int n = int(rng.bounded(maxPieces + 1)); n > 0; --n)
                t += pieces[int(rng.bounded(qsizetype(pieces.size() - 2)))];
            return t;
        };
        std::string shape;
        for (int round = 0; round < 5000; ++round) {
            // Ids of 3 to 12 characters; the non-ASCII ones cross the
            // 8-character rule in bytes before they do in characters.
            QString rid = randomText(6);
            if (round % 3 == 0)
                rid = QStringLiteral("abababab").left(int(rng.bounded(4, 9)));
            QString uri;
            for (int n = int(rng.bounded(5)); n > 0; --n)
                uri +=
                    (rng.bounded(2) ? rid : QString()) + pieces[int(rng.bounded(qsizetype(pieces.size())))];
            AuditColumns::uriShape(uri.toStdString(), rid.toStdString(), &shape);
            const QString got = QString::fromStdString(shape);
            QCOMPARE(got, oracle(uri, rid));
            QCOMPARE(AuditColumns::expandUri(got, rid), uri);
        }
    }

    void oddFieldsAreKeptAndCounted()
    {
        // A field of the wrong type costs that field, not the page; the page
        // says how many entries had one and names the first.
        const auto d = decode::auditColumns(
            R"({"result":[{"id":"a"},{"id":"b","actor":{"email":42,"type":"user"}}],"result_info":{}})");
        QVERIFY2(d.ok(), qPrintable(d.error.detail()));
        QCOMPARE(d.value.size(), 2);
        QCOMPARE(d.value.entriesWithIssues, qsizetype(1));
        QVERIFY2(d.value.firstIssue.contains(QStringLiteral("result[1].actor.email")),
                 qPrintable(d.value.firstIssue));
        const AuditEvent b = d.value.event(1);
        QCOMPARE(b.id, QStringLiteral("b"));
        QVERIFY(b.actorEmail.isEmpty());
        QCOMPARE(b.actorType, QStringLiteral("user")); // the rest of the group is read

        const auto t =
            decode::auditColumns(R"({"result":[{"id":"a","action":{"time":"yesterday","type":"create"}}]})");
        QVERIFY(t.ok());
        QCOMPARE(t.value.entriesWithIssues, qsizetype(1));
        QVERIFY(t.value.firstIssue.contains(QStringLiteral("result[0].action.time")));
        QVERIFY(!t.value.event(0).actionTime.isValid());
        QCOMPARE(t.value.event(0).actionType, QStringLiteral("create"));

        // Null groups (the contract allows them): kept, counted once per entry.
        const auto n = decode::auditColumns(
            R"({"result":[{"id":"n","actor":null,"action":null,"raw":null,"resource":null,"organization":null},)"
            R"({"id":"ok","action":{"type":"view"}}]})");
        QVERIFY2(n.ok(), qPrintable(n.error.detail()));
        QCOMPARE(n.value.size(), 2);
        QCOMPARE(n.value.entriesWithIssues, qsizetype(1));
        QCOMPARE(n.value.event(0).id, QStringLiteral("n"));
        QCOMPARE(n.value.event(1).actionType, QStringLiteral("view"));

        // Broken JSON is still an error: nothing half-decoded is handed on.
        const auto broken = decode::auditColumns(R"({"result":[{"id":"a"},{"id":"b","actor":{"email":}}]})");
        QVERIFY(!broken.ok());
        QCOMPARE(broken.value.size(), 0);
        // So is an envelope whose result is not a list.
        QVERIFY(!decode::auditColumns(R"({"result":{"id":"a"}})").ok());
    }

    // The JSON export's decode (AuditPager::Fields::BytesOnly): each entry's
    // bytes, the cursor and the count exactly as the full decode has them.
    void bytesOnlyMatchesTheFullDecode_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QDir dir(qEnvironmentVariable("ORGSCOPE_TEST_DATA"));
        for (const QString &f : dir.entryList({QStringLiteral("audit_logs_list*.json")}, QDir::Files)) {
            QFile file(dir.filePath(f));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QTest::newRow(qPrintable(f)) << file.readAll();
        }
        QTest::newRow("stressed") << stressPage();
        QTest::newRow("odd entries") << QByteArray(
            R"({"result":[{"id":"a"},42,null,"x",[1],{"id":"b","actor":{"email":42}}],)"
            R"("result_info":{"cursor":"c2","count":6}})");
        QTest::newRow("null result") << QByteArray(R"({"result":null,"result_info":{}})");
        QTest::newRow("empty") << QByteArray(R"({"success":true,"result":[],"result_info":{"count":0}})");
    }
    void bytesOnlyMatchesTheFullDecode()
    {
        QFETCH(QByteArray, body);
        const Decoded<AuditColumns> full = decode::auditColumns(body);
        const Decoded<AuditColumns> bytes = decode::auditEntries(body);
        QVERIFY2(full.ok(), qPrintable(full.error.toLogString()));
        QVERIFY2(bytes.ok(), qPrintable(bytes.error.toLogString()));
        QCOMPARE(bytes.value.size(), full.value.size());
        QCOMPARE(bytes.value.raw.size(), full.value.raw.size());
        for (size_t i = 0; i < full.value.raw.size(); ++i) {
            QCOMPARE(bytes.value.bytes(bytes.value.raw[i]), full.value.bytes(full.value.raw[i]));
            // The other columns are there, and read as absent.
            const AuditEvent e = bytes.value.event(qsizetype(i));
            QCOMPARE(e.rawJson, full.value.bytes(full.value.raw[i]));
            QVERIFY(e.id.isEmpty() && e.actorEmail.isEmpty() && !e.actionTime.isValid());
        }
        QCOMPARE(bytes.value.cursor, full.value.cursor);
        QCOMPARE(bytes.value.count, full.value.count);
    }
    void bytesOnlyRefusesWhatTheFullDecodeRefuses_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("missing value")
            << QByteArray(R"({"result":[{"id":"a"},{"id":"b","actor":{"email":}}]})");
        QTest::newRow("bad atom") << QByteArray(R"({"result":[{"id":"a","raw":{"status_code":tru}}]})");
        QTest::newRow("bad number") << QByteArray(R"({"result":[{"id":"a","raw":{"status_code":2-0}}]})");
        QTest::newRow("truncated") << QByteArray(R"({"result":[{"id":"a"},{"id":"b")");
        QTest::newRow("not a list") << QByteArray(R"({"result":{"id":"a"}})");
        QTest::newRow("bad utf-8") << QByteArray("{\"result\":[{\"id\":\"\xff\"}]}");
        QTest::newRow("missing comma") << QByteArray(R"({"result":[{"id":"a" "x":1}]})");
        QTest::newRow("unknown field broken") << QByteArray(R"({"result":[{"id":"a","zzz":[1,,2]}]})");
        QTest::newRow("bad escape") << QByteArray(R"({"result":[{"id":"a\qb"}]})");
        QTest::newRow("lone surrogate") << QByteArray(R"({"result":[{"id":"\udc00"}]})");
        QTest::newRow("leading zero") << QByteArray(R"({"result":[{"id":"a","raw":{"status_code":012}}]})");
        QTest::newRow("bare dot") << QByteArray(R"({"result":[{"id":"a","raw":{"status_code":1.}}]})");
        QTest::newRow("long null") << QByteArray(R"({"result":[{"id":"a","actor":nulll}]})");
        QTest::newRow("trailing content") << QByteArray(R"({"result":[]} {})");
        QTest::newRow("colon in array") << QByteArray(R"({"result":[{"id":"a"}:{"id":"b"}]})");
        QTest::newRow("key without value") << QByteArray(R"({"result":[{"id"}]})");
        QTest::newRow("too deep") << QByteArray(R"({"result":[{"id":"a","x":)") + QByteArray(2000, '[') +
                                         QByteArray(2000, ']') + QByteArray("}]}");
    }
    void bytesOnlyRefusesWhatTheFullDecodeRefuses()
    {
        QFETCH(QByteArray, body);
        const Decoded<AuditColumns> bytes = decode::auditEntries(body);
        QVERIFY(!bytes.ok());
        QCOMPARE(bytes.value.size(), 0);
        QVERIFY2(bytes.error.detail().contains(QStringLiteral("not valid")) ||
                     bytes.error.detail().contains(QStringLiteral("expected an array")),
                 qPrintable(bytes.error.detail()));
    }

    // Envelopes the one-pass outline leaves to the ordinary walk: the same
    // answer either way, refusals included.
    void bytesOnlyReadsEveryEnvelope_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("entries");
        QTest::addColumn<QString>("cursor");
        const auto row = [](const char *name, const char *body, bool ok, int entries, const char *cursor) {
            QTest::newRow(name) << QByteArray(body) << ok << entries << QString::fromUtf8(cursor);
        };
        row("refused", R"({"success":false,"errors":[{"code":1000,"message":"no"}],"result":null})", false, 0,
            "");
        row("errors listed", R"({"success":true,"errors":[{"code":1,"message":"x"}],"result":[{"id":"a"}]})",
            true, 1, "");
        row("result twice", R"({"result":[{"id":"a"}],"result":[{"id":"b"},{"id":"c"}]})", true, 3, "");
        row("escaped key", R"({"res\u0075lt":[{"id":"a"}],"result_info":{"cursor":"k"}})", true, 1, "k");
        row("cursors.after", R"( {"result":[{"id":"a"},7],"result_info":{"cursors":{"after":"n\u00e9"}}} )",
            true, 2, "n\u00e9");
        row("info null", R"({"result":[],"result_info":null})", true, 0, "");
        row("info of a wrong type", R"({"result":[{"id":"a"}],"result_info":{"cursor":5}})", false, 0, "");
        row("not an object", R"([{"id":"a"}])", false, 0, "");
        row("result not a list", R"({"result":"a"})", false, 0, "");
        row("nested lists", R"({"result":[[{"id":"x"}],{"id":"a","l":[[],[{}]]}],"result_info":{"count":2}})",
            true, 2, "");
    }
    void bytesOnlyReadsEveryEnvelope()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(int, entries);
        QFETCH(QString, cursor);
        const Decoded<AuditColumns> full = decode::auditColumns(body);
        const Decoded<AuditColumns> bytes = decode::auditEntries(body);
        QCOMPARE(bytes.ok(), ok);
        QCOMPARE(full.ok(), ok);
        if (!ok) {
            QCOMPARE(bytes.error.detail(), full.error.detail());
            return;
        }
        QCOMPARE(bytes.value.size(), qsizetype(entries));
        QCOMPARE(full.value.size(), qsizetype(entries));
        QCOMPARE(bytes.value.cursor,
                 QString(cursor).replace(QStringLiteral("\\u00e9"), QStringLiteral("\u00e9")));
        QCOMPARE(bytes.value.cursor, full.value.cursor);
        QCOMPARE(bytes.value.count, full.value.count);
        for (size_t i = 0; i < full.value.raw.size(); ++i)
            QCOMPARE(bytes.value.bytes(bytes.value.raw[i]), full.value.bytes(full.value.raw[i]));
    }

    // The grammar check against simdjson's DOM parser, which checks every
    // byte: pages with a few bytes changed to JSON's own characters.
    void tokenCheckAgreesWithTheDomParser()
    {
        const QByteArray page = stressPage();
        QVERIFY(decode::detail::checkJson(page.constData(), size_t(page.size())).isEmpty());
        static const char kBytes[] = "{}[],:\"\\ 0123456789eE.-+tfnulrsa\x7f";
        QRandomGenerator dice(22);
        simdjson::dom::parser dom;
        int refused = 0;
        for (int round = 0; round < 4000; ++round) {
            QByteArray body = page;
            for (int k = 1 + int(dice.bounded(3)); k > 0; --k)
                body[qsizetype(dice.bounded(quint32(body.size())))] =
                    kBytes[dice.bounded(quint32(sizeof kBytes - 1))];
            const simdjson::padded_string padded(body.constData(), size_t(body.size()));
            const QString ours = decode::detail::checkJson(padded.data(), padded.size());
            simdjson::dom::element ignored;
            const simdjson::error_code theirs = dom.parse(padded).get(ignored);
            refused += theirs ? 1 : 0;
            // Numbers out of a double's range are JSON all the same.
            const bool agree =
                ours.isEmpty() == !theirs || (ours.isEmpty() && (theirs == simdjson::NUMBER_ERROR));
            if (!agree) {
                qWarning().noquote() << "round" << round << "ours:" << ours
                                     << "simdjson:" << simdjson::error_message(theirs);
                QFAIL("the token check and the DOM parser disagree");
            }
        }
        QVERIFY2(refused > 1000, qPrintable(QString::number(refused))); // the changes did break pages
    }

    // The CSV export's decode (AuditPager::Fields::Ranges): each field as a
    // range of the page found by the token walk, read as the full decode
    // reads it, or the page decoded in full where ranges cannot say so.
    void rangesMatchTheFullDecode_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ranges");
        const QDir dir(qEnvironmentVariable("ORGSCOPE_TEST_DATA"));
        for (const QString &f : dir.entryList({QStringLiteral("audit_logs_list*.json")}, QDir::Files)) {
            QFile file(dir.filePath(f));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QTest::newRow(qPrintable(f)) << file.readAll() << true;
        }
        QTest::newRow("stressed") << stressPage() << true;
        QTest::newRow("one byte off") << oneByteOffPage() << true;
        QTest::newRow("escapes everywhere") << escapesPage() << true;
        // Read as ranges all the same.
        QTest::newRow("null groups")
            << QByteArray(
                   R"({"result":[{"id":"n","actor":null,"action":null,"raw":null,"resource":null,"organization":null},)"
                   R"({"id":"ok","action":{"type":"view"}}]})")
            << true;
        QTest::newRow("values of other types")
            << QByteArray(
                   R"({"result":[{"id":7,"action":{"description":{"a":"b"},"result":[1],"type":true,"time":5},)"
                   R"("actor":{"email":null,"id":"x"},"organization":"o","raw":[1],)"
                   R"("resource":{"id":"r","request":null,"response":[1,{"a":"b"}],"scope":"s"}}]})")
            << true;
        QTest::newRow("repeated keys")
            << QByteArray(
                   R"({"result":[{"id":"a","id":"b","action":{"type":"x","type":"y"},"action":{"result":"z"},)"
                   R"("actor":{"id":"1"},"actor":null,"actor":7,)"
                   R"("resource":{"request":{"a":1},"request":"s","scope":[1],"scope":null,"id":"r","id":5}}]})")
            << true;
        QTest::newRow("known names elsewhere")
            << QByteArray(
                   R"({"result":[{"x":{"id":"no","action":{"type":"no"}},"id":"a","l":[{"id":"no"}],)"
                   R"("action":{"x":{"type":"no"},"type":"yes","y":[{"type":"no"}],"z":{"time":"no"}},)"
                   R"("raw":{"status_code":200,"q":{"status_code":1}}}]})")
            << true;
        QTest::newRow("spaced")
            << QByteArray(
                   " { \"result\" : [ { \"id\" : \"a\" , \"action\" : { \"type\" : \"t\" , \"time\" :\n"
                   " \"2026-01-01T00:00:00Z\" } , \"raw\" : { \"status_code\" : 404 , \"uri\" : \"/u\" } "
                   ",\r\n"
                   " \"resource\" : { \"request\" : { \"k\" : [ 1 , 2 ] } , \"response\" : 12 , \"scope\" : "
                   "\"s\"\t}\t}\n"
                   " ] , \"result_info\" : { \"cursor\" : \"c\" , \"count\" : 1 } } ")
            << true;
        QTest::newRow("escaped values")
            << QByteArray("{\"result\":[{\"id\":\"a\\u00e9\\ud83d\\ude00\",\"action\":{\"time\":\"2026-01-"
                          "01T00:00:00\\u005a\","
                          "\"description\":\"x\\/y\\\\z\\\"q\\n\\t\\b\\f\\r\\u0000\"},"
                          "\"raw\":{\"user_agent\":\"a, b\",\"uri\":\"\\/p\",\"method\":\"=cmd\"}}]}")
            << true;
        QTest::newRow("status codes")
            << QByteArray(R"({"result":[{"raw":{"status_code":0}},{"raw":{"status_code":-12}},)"
                          R"({"raw":{"status_code":999999999}},{"raw":{"status_code":null}},{"raw":{}}]})")
            << true;
        QTest::newRow("long and near keys")
            << QByteArray(
                   R"({"result":[{"id":"a","organization_and_more_than_sixteen":"x","organizatio":"y",)"
                   R"("action":{"description_that_is_long":"no","typ":"no","typex":"no","type":"t","type ":"no"}}]})")
            << true;
        QTest::newRow("keys in other orders")
            << QByteArray(
                   R"({"result":[{"id":"1","action":{"type":"a","result":"b"},"actor":{"id":"x","email":"e"}},)"
                   R"({"action":{"result":"c","type":"d"},"id":"2","actor":{"email":"f"}},)"
                   R"({"actor":{"type":"user","id":"y"},"action":{"typo":"e","type":"f"}},)"
                   R"({"id":"4","action":{"type":"a","result":"b"},"actor":{"id":"x","email":"e"}}]})")
            << true;
        QTest::newRow("empty and odd times")
            << QByteArray(
                   R"({"result":[{"id":"","action":{"type":"","time":""}},{"action":{"time":"yesterday"}},)"
                   R"({"action":{"time":"2026-02-30T00:00:00Z"}},{"action":{"time":"2026-12-07T10:00:00.5+01:00"}}]})")
            << true;
        QTest::newRow("no entries") << QByteArray(R"({"success":true,"result":[],"result_info":{"count":0}})")
                                    << false;
        // Decoded in full: what ranges cannot say exactly.
        QTest::newRow("escaped key") << QByteArray(R"({"result":[{"i\u0064":"a"}]})") << false;
        QTest::newRow("escaped group key")
            << QByteArray(R"({"result":[{"id":"a","actor":{"em\u0061il":"x"}}]})") << false;
        QTest::newRow("an entry not an object") << QByteArray(R"({"result":[{"id":"a"},42,null]})") << false;
        QTest::newRow("status code fraction")
            << QByteArray(R"({"result":[{"raw":{"status_code":200.0}}]})") << false;
        QTest::newRow("status code string")
            << QByteArray(R"({"result":[{"raw":{"status_code":"200"}}]})") << false;
        QTest::newRow("status code too long")
            << QByteArray(R"({"result":[{"raw":{"status_code":1234567890}}]})") << false;
        QTest::newRow("negative zero") << QByteArray(R"({"result":[{"raw":{"status_code":-0}}]})") << false;
        QTest::newRow("errors listed")
            << QByteArray(R"({"success":true,"errors":[{"code":1,"message":"x"}],"result":[{"id":"a"}]})")
            << false;
    }
    void rangesMatchTheFullDecode()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ranges);
        QVERIFY(QJsonDocument::fromJson(body).isObject());
        compareRanges(body, ranges);
        // Parsed in place and copied first alike.
        QByteArray tight = body;
        tight.squeeze();
        compareRanges(tight, ranges);
    }

    // Pages with a few bytes changed to JSON's own characters: whenever the
    // CSV export's decode reads one as ranges, the full decode reads it
    // too, and the same; pages neither reads are refused by both.
    void rangesMatchTheFullDecodeOnDamagedPages()
    {
        const QByteArray page = stressPage();
        static const char kBytes[] = "{}[],:\"\\ 0123456789eE.-+tfnulrsa\x7f";
        QRandomGenerator dice(23);
        int compared = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray body = page;
            for (int k = 1 + int(dice.bounded(3)); k > 0; --k)
                body[qsizetype(dice.bounded(quint32(body.size())))] =
                    kBytes[dice.bounded(quint32(sizeof kBytes - 1))];
            const Decoded<AuditColumns> fields = decode::auditFields(body);
            if (!fields.ok() || fields.value.fields.empty())
                continue; // refused, or decoded in full (the same decoder)
            compareRanges(body, true);
            if (QTest::currentTestFailed()) {
                qWarning() << "round" << round;
                return;
            }
            ++compared;
        }
        QVERIFY2(compared > 500, qPrintable(QString::number(compared)));
    }

    void bareEntryMatchesPageEntry()
    {
        const QByteArray page = stressPage();
        const Decoded<AuditColumns> d = decode::auditColumns(page);
        QVERIFY(d.ok());
        for (const qsizetype i : {0, 1, 2, 3, 11, 299}) {
            const QByteArray raw = d.value.bytes(d.value.raw[size_t(i)]);
            const Decoded<AuditEvent> one = decode::auditEvent(raw);
            QVERIFY2(one.ok(), qPrintable(one.error.toLogString()));
            const AuditEvent fromPage = d.value.event(i);
            QCOMPARE(one.value.id, fromPage.id);
            QCOMPARE(one.value.actorEmail, fromPage.actorEmail);
            QCOMPARE(one.value.actionTimeMs, fromPage.actionTimeMs);
            QCOMPARE(one.value.rawStatusCode, fromPage.rawStatusCode);
            QCOMPARE(one.value.resourceRequestJson, fromPage.resourceRequestJson);
            QCOMPARE(one.value.rawJson, raw);
        }
    }
};

QTEST_GUILESS_MAIN(TestAuditColumns)
#include "tst_auditcolumns.moc"
