// CSV / JSON writers and the per-record columns shared by CLI and GUI exports.
#include "api/decoders.h"
#include "models/export/auditpagewriter.h"
#include "models/export/csvwriter.h"
#include "models/export/exportcolumns.h"
#include "models/export/recordexporter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentRun>

using namespace models;

namespace {

// A page of audit entries whose text fields draw from values that need every
// kind of CSV care (formula starts, quotes, commas, line breaks, non-ASCII),
// with groups, times and codes left out at random.
QByteArray trickyAuditPage(quint32 seed, int entries)
{
    QRandomGenerator rng(seed);
    const QStringList texts{
        QStringLiteral("plain"),    QStringLiteral("=SUM(A1)"),        QStringLiteral("-5"),
        QStringLiteral("+1 555"),   QStringLiteral("@home"),           QStringLiteral("\tTab"),
        QStringLiteral("a,b"),      QStringLiteral("say \"hi\""),      QStringLiteral("two\nlines"),
        QStringLiteral("cr\rhere"), QStringLiteral("Zürich – 東京 ✓"), QString()};
    const auto text = [&] { return texts.at(int(rng.bounded(quint32(texts.size())))); };
    const QList<qint64> times{1761747725318LL,
                              0LL,
                              -1LL,
                              -2208988800000LL /* 1900 */,
                              253402300799999LL,
                              1709164800000LL /* 2024-02-29 */,
                              951782400123LL /* 2000-02-29 */};
    QJsonArray result;
    for (int i = 0; i < entries; ++i) {
        QJsonObject e;
        e.insert(QStringLiteral("id"), QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0')));
        const QString resourceId = rng.bounded(4) == 0 ? text() : QStringLiteral("res%1abcdef").arg(i);
        if (rng.bounded(6) != 0) {
            QJsonObject action{{QStringLiteral("type"), text()},
                               {QStringLiteral("result"), text()},
                               {QStringLiteral("description"), text()}};
            if (rng.bounded(5) != 0) {
                const qint64 ms = times.at(int(rng.bounded(quint32(times.size()))));
                action.insert(QStringLiteral("time"),
                              QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
            }
            e.insert(QStringLiteral("action"), action);
        }
        if (rng.bounded(6) != 0)
            e.insert(QStringLiteral("actor"), QJsonObject{{QStringLiteral("id"), text()},
                                                          {QStringLiteral("email"), text()},
                                                          {QStringLiteral("type"), text()},
                                                          {QStringLiteral("context"), text()},
                                                          {QStringLiteral("ip_address"), text()},
                                                          {QStringLiteral("token_id"), text()},
                                                          {QStringLiteral("token_name"), text()}});
        e.insert(QStringLiteral("organization"), QJsonObject{{QStringLiteral("id"), text()}});
        QJsonObject resource{{QStringLiteral("id"), resourceId},
                             {QStringLiteral("type"), text()},
                             {QStringLiteral("product"), text()},
                             {QStringLiteral("scope"), text()}};
        if (rng.bounded(3) == 0)
            resource.insert(QStringLiteral("request"), QJsonObject{{QStringLiteral("note"), text()}});
        if (rng.bounded(3) == 0)
            resource.insert(QStringLiteral("response"), -5);
        e.insert(QStringLiteral("resource"), resource);
        QJsonObject raw{{QStringLiteral("method"), text()},
                        {QStringLiteral("cf_ray_id"), text()},
                        {QStringLiteral("user_agent"), text()}};
        const int uriKind = int(rng.bounded(4));
        raw.insert(QStringLiteral("uri"),
                   uriKind == 0   ? QStringLiteral("/accounts/%1/members").arg(resourceId)
                   : uriKind == 1 ? text()
                   : uriKind == 2 ? QStringLiteral("/with/\uE000/marker/%1").arg(resourceId)
                                  : QStringLiteral("/organizations/x/members"));
        if (rng.bounded(4) != 0)
            raw.insert(QStringLiteral("status_code"), int(rng.bounded(600)) - 50);
        e.insert(QStringLiteral("raw"), raw);
        result.append(e);
    }
    QJsonObject page{{QStringLiteral("success"), true},
                     {QStringLiteral("errors"), QJsonArray()},
                     {QStringLiteral("messages"), QJsonArray()},
                     {QStringLiteral("result"), result},
                     {QStringLiteral("result_info"), QJsonObject{{QStringLiteral("count"), entries}}}};
    return QJsonDocument(page).toJson(QJsonDocument::Indented);
}

// What the record path writes for these pages: the reference output.
QByteArray viaRecords(const QList<QByteArray> &bodies, RecordExporter::Format format)
{
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    RecordExporter exporter(&out, format);
    exporter.begin(ExportColumns::auditEvents());
    for (const QByteArray &body : bodies)
        exporter.add(ExportColumns::auditEvents(), api::decode::auditColumns(body).value.events());
    exporter.finish();
    return out.data();
}

// The page writer's bytes, pages decoded by `decode` (what the export's
// pager asks for: every column, or ranges for CSV and bytes for JSON).
using PageDecoder = api::Decoded<api::AuditColumns> (*)(const QByteArray &);
QByteArray viaPages(const QList<QByteArray> &bodies, RecordExporter::Format format,
                    PageDecoder decode = &api::decode::auditColumns)
{
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    AuditPageWriter writer(&out, format);
    writer.begin();
    for (const QByteArray &body : bodies)
        writer.add(decode(body).value);
    writer.finish();
    return out.data();
}

// Names the first line where two outputs differ.
void compareLines(const QByteArray &written, const QByteArray &expected)
{
    if (written == expected)
        return;
    const QList<QByteArray> a = written.split('\n'), b = expected.split('\n');
    for (qsizetype i = 0; i < qMin(a.size(), b.size()); ++i)
        QVERIFY2(a.at(i) == b.at(i),
                 qPrintable(QStringLiteral("line %1:\n%2\n%3")
                                .arg(i)
                                .arg(QString::fromUtf8(a.at(i)), QString::fromUtf8(b.at(i)))));
    QCOMPARE(written.size(), expected.size());
}

// The CSV of `bodies` in `zone` written two ways: each page decoded by
// `direct` and formatted by add(), and each decoded by `ahead` and
// formatted on a worker first (AuditPageWriter::preparer, as the export's
// pager does). Compares the two outputs and their row counts.
void compareDirectAndPrepared(const QList<QByteArray> &bodies, const QTimeZone &zone, PageDecoder direct,
                              PageDecoder ahead)
{
    QBuffer directOut;
    directOut.open(QIODevice::WriteOnly);
    AuditPageWriter plain(&directOut, RecordExporter::Format::Csv);
    plain.setTimeZone(zone);
    QBuffer preparedOut;
    preparedOut.open(QIODevice::WriteOnly);
    AuditPageWriter prepared(&preparedOut, RecordExporter::Format::Csv);
    prepared.setTimeZone(zone);
    const AuditPageWriter::Prepare prepare = prepared.preparer();
    QVERIFY(prepare);
    plain.begin();
    prepared.begin();
    for (const QByteArray &body : bodies) {
        QVERIFY(plain.add(direct(body).value));
        api::AuditColumns page = ahead(body).value;
        page.prepared = QtConcurrent::run([&prepare, &page] { return prepare(page); }).result();
        QVERIFY(page.prepared && !page.prepared->isEmpty());
        QVERIFY(prepared.add(page));
    }
    plain.finish();
    prepared.finish();
    QCOMPARE(prepared.rows(), plain.rows());
    compareLines(preparedOut.data(), directOut.data());
}

} // namespace

class TestExportWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rfc4180Quoting_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QByteArray>("out");
        QTest::newRow("plain") << QStringLiteral("abc") << QByteArray("abc");
        QTest::newRow("comma") << QStringLiteral("a,b") << QByteArray("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QByteArray("\"a\nb\"");
        QTest::newRow("cr") << QStringLiteral("a\rb") << QByteArray("\"a\rb\"");
        QTest::newRow("utf8") << QStringLiteral("Zürich") << QByteArray("Z\xc3\xbcrich");
        QTest::newRow("empty") << QString() << QByteArray();
    }
    void rfc4180Quoting()
    {
        QFETCH(QString, in);
        QFETCH(QByteArray, out);
        QCOMPARE(CsvWriter::cell(in), out);
    }

    void formulaInjection_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QByteArray>("out");
        QTest::newRow("=") << QStringLiteral("=HYPERLINK(\"x\")") << QByteArray("\"'=HYPERLINK(\"\"x\"\")\"");
        QTest::newRow("+") << QStringLiteral("+1") << QByteArray("'+1");
        QTest::newRow("-") << QStringLiteral("-2+3") << QByteArray("'-2+3");
        QTest::newRow("@") << QStringLiteral("@SUM(A1)") << QByteArray("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\tx") << QByteArray("'\tx");
        QTest::newRow("cr") << QStringLiteral("\rx") << QByteArray("\"'\rx\"");
        QTest::newRow("inner") << QStringLiteral("a=b") << QByteArray("a=b");
    }
    void formulaInjection()
    {
        QFETCH(QString, in);
        QFETCH(QByteArray, out);
        QCOMPARE(CsvWriter::cell(in), out);
    }

    void numbersStayNumbers()
    {
        QCOMPARE(CsvWriter::cell(QStringLiteral("-1.5"), true), QByteArray("-1.5"));
        QCOMPARE(CsvWriter::cell(QStringLiteral("-1.5"), false), QByteArray("'-1.5"));
        QCOMPARE(CsvWriter::cell(QStringLiteral("-cmd"), true),
                 QByteArray("'-cmd")); // not a number: neutralised
        QCOMPARE(CsvWriter::line({QStringLiteral("a"), QStringLiteral("1")}, {false, true}),
                 QByteArray("a,1\r\n"));
    }

    void csvExportOfRecords()
    {
        QFile f(QDir(qEnvironmentVariable("ORGSCOPE_TEST_DATA"))
                    .filePath(QStringLiteral("audit_logs_list.response.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto page = api::decode::auditPage(f.readAll());
        QVERIFY(page.ok());
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        RecordExporter exporter(&buffer, RecordExporter::Format::Csv);
        QVERIFY(exporter.begin(ExportColumns::auditEvents()));
        QVERIFY(exporter.add(ExportColumns::auditEvents(), page.value.entries));
        QVERIFY(exporter.finish());
        // Records end in CRLF; the JSON snapshots inside quoted cells keep their own line breaks.
        QCOMPARE(buffer.data().count("\r\n"), 4);
        const QList<QByteArray> lines = buffer.data().split('\n');
        QVERIFY(lines.first().startsWith("id,action_time,action_type"));
        QVERIFY(lines.at(1).startsWith(
            "7f4dddbba2723e9211bfec59c0a1e1aa,2026-10-29T14:22:05.318Z,create,success,"));
        QVERIFY(buffer.data().contains("\r\n"));
        QCOMPARE(exporter.rows(), 3);
    }

    void jsonExportIsTheApiObjects()
    {
        QFile f(QDir(qEnvironmentVariable("ORGSCOPE_TEST_DATA"))
                    .filePath(QStringLiteral("members_list.response.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray body = f.readAll();
        const auto page = api::decode::membersPage(body);
        QVERIFY(page.ok());
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        RecordExporter exporter(&buffer, RecordExporter::Format::Json);
        QVERIFY(exporter.begin(ExportColumns::members()));
        QVERIFY(exporter.add(ExportColumns::members(), page.value.items));
        QVERIFY(exporter.finish());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(buffer.data(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray original =
            QJsonDocument::fromJson(body).object().value(QStringLiteral("result")).toArray();
        QCOMPARE(doc.array(), original);

        QBuffer empty;
        empty.open(QIODevice::WriteOnly);
        RecordExporter none(&empty, RecordExporter::Format::Json);
        none.begin(QStringList{});
        QVERIFY(none.finish());
        QCOMPARE(QJsonDocument::fromJson(empty.data()).array().size(), 0);
    }

    void usageColumnsWithoutCosts()
    {
        QFile f(QDir(qEnvironmentVariable("ORGSCOPE_TEST_DATA"))
                    .filePath(QStringLiteral("billing_usage_get.usage_only.response.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto records = api::decode::usageResponse(f.readAll());
        QVERIFY(records.ok());
        const QStringList row = ExportColumns::row(ExportColumns::usageRecords(), records.value.first());
        const QStringList header = ExportColumns::headers(ExportColumns::usageRecords());
        QCOMPARE(row.size(), header.size());
        QVERIFY(row.at(header.indexOf(QStringLiteral("BilledCost"))).isEmpty());
        QVERIFY(!row.at(header.indexOf(QStringLiteral("ConsumedQuantity"))).isEmpty());
    }

    void auditPageWriterMatchesTheRecordPath_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("csv") << int(RecordExporter::Format::Csv);
        QTest::newRow("json") << int(RecordExporter::Format::Json);
    }

    void auditPageWriterMatchesTheRecordPath()
    {
        QFETCH(int, format);
        const auto f = RecordExporter::Format(format);
        QFile fixture(QDir(qEnvironmentVariable("ORGSCOPE_TEST_DATA"))
                          .filePath(QStringLiteral("audit_logs_list.response.json")));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        QList<QByteArray> bodies{fixture.readAll()};
        for (quint32 seed = 1; seed <= 6; ++seed)
            bodies.append(trickyAuditPage(seed, 300));
        for (const QByteArray &body : std::as_const(bodies))
            QVERIFY(api::decode::auditColumns(body).ok());
        const QByteArray expected = viaRecords(bodies, f);
        const QByteArray written = viaPages(bodies, f);
        QVERIFY(expected.size() > 100000);
        compareLines(written, expected);
        // Nothing at all: the same header or brackets.
        QCOMPARE(viaPages({}, f), viaRecords({}, f));
    }

    // Entries the filter check drops (orgscope export audit under a server
    // that ignored a filter) are left out, and only those.
    void auditPageWriterSkipsDroppedEntries()
    {
        const QByteArray body = trickyAuditPage(9, 50);
        const api::AuditColumns page = api::decode::auditColumns(body).value;
        QCOMPARE(page.size(), 50);
        std::vector<bool> skip(size_t(page.size()));
        QList<api::AuditEvent> kept;
        const QList<api::AuditEvent> events = page.events();
        for (qsizetype i = 0; i < page.size(); ++i) {
            skip[size_t(i)] = i % 3 == 1;
            if (!skip[size_t(i)])
                kept.append(events[i]);
        }
        for (const auto f : {RecordExporter::Format::Csv, RecordExporter::Format::Json}) {
            QBuffer expected;
            expected.open(QIODevice::WriteOnly);
            RecordExporter exporter(&expected, f);
            exporter.begin(ExportColumns::auditEvents());
            exporter.add(ExportColumns::auditEvents(), kept);
            exporter.finish();
            QBuffer written;
            written.open(QIODevice::WriteOnly);
            AuditPageWriter writer(&written, f);
            writer.begin();
            writer.add(page, &skip);
            writer.finish();
            QCOMPARE(writer.rows(), qint64(kept.size()));
            QCOMPARE(written.data(), expected.data());
        }
    }

    // CSV rows formatted on a worker ahead of add() (AuditPageWriter::preparer,
    // what orgscope export audit --format csv hands the pager) are the bytes
    // add() writes itself, in UTC and in another zone; entries left out still
    // are, and JSON prepares nothing.
    void preparedPagesWriteTheSameBytes()
    {
        QList<QByteArray> bodies;
        for (quint32 seed = 31; seed <= 33; ++seed)
            bodies.append(trickyAuditPage(seed, 120));
        for (const QTimeZone &zone : {QTimeZone::utc(), QTimeZone(5 * 3600 + 1800)}) {
            compareDirectAndPrepared(bodies, zone, &api::decode::auditColumns, &api::decode::auditColumns);
            if (QTest::currentTestFailed())
                return;
        }
        // A page with rows to leave out is formatted again, without them.
        api::AuditColumns page = api::decode::auditColumns(bodies.first()).value;
        std::vector<bool> skip(size_t(page.size()));
        for (size_t i = 0; i < skip.size(); i += 2)
            skip[i] = true;
        QBuffer direct;
        direct.open(QIODevice::WriteOnly);
        AuditPageWriter plain(&direct, RecordExporter::Format::Csv);
        plain.add(page, &skip);
        plain.finish();
        QBuffer prepared;
        prepared.open(QIODevice::WriteOnly);
        AuditPageWriter ahead(&prepared, RecordExporter::Format::Csv);
        page.prepared = ahead.preparer()(page);
        ahead.add(page, &skip);
        ahead.finish();
        QCOMPARE(ahead.rows(), qint64(page.size() / 2));
        QCOMPARE(prepared.data(), direct.data());
        QBuffer json;
        QVERIFY(!AuditPageWriter(&json, RecordExporter::Format::Json).preparer());
    }

    // orgscope export audit --format csv decodes pages as ranges
    // (decode::auditFields) and writes each value from the page's bytes: the
    // same bytes as the record path, written directly and prepared, in UTC
    // and in another zone; pages ranges cannot say are decoded in full.
    void rangesWriteTheSameBytes()
    {
        QFile fixture(QDir(qEnvironmentVariable("ORGSCOPE_TEST_DATA"))
                          .filePath(QStringLiteral("audit_logs_list.response.json")));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        QList<QByteArray> bodies{fixture.readAll()};
        for (quint32 seed = 41; seed <= 46; ++seed)
            bodies.append(trickyAuditPage(seed, 300));
        // Every value escaped somewhere, and a user agent with a comma.
        bodies.append(
            "{\"result\":[{\"id\":\"\\u003dx\",\"action\":{\"description\":\"a\\\"b\\\\c\\/d\\n\","
            "\"time\":\"2026-03-01T00:00:00.250\\u005a\"},\"raw\":{\"user_agent\":\"Mozilla/5.0 (X11, "
            "like "
            "Gecko)\",\"status_code\":-7},\"resource\":{\"scope\":\"a,b\"}},{\"id\":\"\\ud83d\\ude00\"}]}");
        // Decoded in full: an escaped key.
        bodies.append(R"({"result":[{"i\u0064":"=a","raw":{"status_code":200}}]})");
        for (qsizetype b = 0; b < bodies.size(); ++b) {
            const api::Decoded<api::AuditColumns> d = api::decode::auditFields(bodies.at(b));
            QVERIFY2(d.ok(), qPrintable(d.error.toLogString()));
            QCOMPARE(d.value.fields.empty(), b == bodies.size() - 1);
        }
        const QByteArray expected = viaRecords(bodies, RecordExporter::Format::Csv);
        QVERIFY(expected.size() > 100000);
        compareLines(viaPages(bodies, RecordExporter::Format::Csv, &api::decode::auditFields), expected);

        for (const QTimeZone &zone : {QTimeZone::utc(), QTimeZone(-(3 * 3600 + 1800))}) {
            compareDirectAndPrepared(bodies, zone, &api::decode::auditColumns, &api::decode::auditFields);
            if (QTest::currentTestFailed())
                return;
        }
    }

    // Rows formatted through a pointer into a buffer reserved for 7/8 of the
    // page's bytes grow it when a page's CSV is longer than its JSON (quotes
    // doubled in every request, response and scope, bare entries with only
    // a time): the bytes are still RecordExporter's, written directly and
    // prepared, and appendCell grows an empty array.
    void csvLongerThanItsPageGrowsItsBuffer()
    {
        QJsonArray result;
        for (int i = 0; i < 400; ++i) {
            const QString quotes = QString(i % 37 + 1, QLatin1Char('"'));
            QJsonObject e{{QStringLiteral("id"), QString::number(i)}};
            if (i % 2 == 0) {
                e.insert(QStringLiteral("resource"),
                         QJsonObject{{QStringLiteral("scope"), quotes},
                                     {QStringLiteral("request"), QJsonArray{quotes, quotes}},
                                     {QStringLiteral("response"), QJsonObject{{quotes, quotes}}}});
            } else {
                e.insert(QStringLiteral("action"),
                         QJsonObject{{QStringLiteral("time"), QStringLiteral("2026-01-01T00:00:00Z")}});
            }
            result.append(e);
        }
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("success"), true},
                                                          {QStringLiteral("errors"), QJsonArray()},
                                                          {QStringLiteral("messages"), QJsonArray()},
                                                          {QStringLiteral("result"), result}})
                                    .toJson(QJsonDocument::Compact);
        api::AuditColumns page = api::decode::auditColumns(body).value;
        QCOMPARE(page.size(), 400);
        const QByteArray expected = viaRecords({body}, RecordExporter::Format::Csv);
        QCOMPARE(viaPages({body}, RecordExporter::Format::Csv), expected);
        QBuffer prepared;
        prepared.open(QIODevice::WriteOnly);
        AuditPageWriter ahead(&prepared, RecordExporter::Format::Csv);
        ahead.begin();
        page.prepared = ahead.preparer()(page);
        QVERIFY(page.prepared && page.prepared->size() > body.size());
        QVERIFY(ahead.add(page));
        ahead.finish();
        QCOMPARE(prepared.data(), expected);

        QByteArray cell;
        AuditPageWriter::appendCell(cell, QByteArray(5000, '"'));
        QCOMPARE(cell.size(), 10002);
        AuditPageWriter::appendCell(cell, "=x");
        QCOMPARE(cell.right(3), QByteArray("'=x"));
    }

    // The audit export's bytes as they were when the fast writer was last
    // changed: the fixture and tricky pages against tests/data/export/
    // (ORGSCOPE_WRITE_GOLDEN=1 rewrites them after a deliberate change).
    void auditExportMatchesTheGoldenFiles_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("file");
        QTest::newRow("csv") << int(RecordExporter::Format::Csv) << QStringLiteral("audit_export.csv");
        QTest::newRow("json") << int(RecordExporter::Format::Json) << QStringLiteral("audit_export.json");
    }

    void auditExportMatchesTheGoldenFiles()
    {
        QFETCH(int, format);
        QFETCH(QString, file);
        QFile fixture(QDir(qEnvironmentVariable("ORGSCOPE_TEST_DATA"))
                          .filePath(QStringLiteral("audit_logs_list.response.json")));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        const QList<QByteArray> bodies{fixture.readAll(), trickyAuditPage(21, 80), trickyAuditPage(22, 80)};
        const auto f = RecordExporter::Format(format);
        const QByteArray written = viaPages(bodies, f);
        // What orgscope export audit decodes for this format writes them too.
        compareLines(viaPages(bodies, f,
                              f == RecordExporter::Format::Csv ? &api::decode::auditFields
                                                               : &api::decode::auditEntries),
                     written);
        QFile golden(
            QDir(qEnvironmentVariable("ORGSCOPE_TEST_DATA")).filePath(QStringLiteral("../export/") + file));
        if (qEnvironmentVariableIntValue("ORGSCOPE_WRITE_GOLDEN") == 1) {
            QVERIFY(golden.open(QIODevice::WriteOnly | QIODevice::Truncate));
            golden.write(written);
            golden.close();
        }
        QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(golden.fileName()));
        const QByteArray expected = golden.readAll();
        QVERIFY(expected.size() > 10000);
        compareLines(written, expected);
    }

    void auditTimesAsQtWritesThem()
    {
        // Days met again and in turn (the writer keeps the last day's date).
        for (const qint64 ms :
             {0LL, -1LL, 999LL, 86399999LL, 951782400123LL, 951782400123LL + 3723004LL, 951782400000LL - 1LL,
              86399998LL, -62135596800000LL, -62135596800001LL, -62135596800000LL, 253402300799999LL,
              253402300800000LL, 253402300799999LL, 1761747725318LL}) {
            QByteArray out;
            AuditPageWriter::appendTime(out, ms);
            QCOMPARE(QString::fromUtf8(out),
                     QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
        }
    }
};

QTEST_GUILESS_MAIN(TestExportWriter)
#include "tst_exportwriter.moc"
