// CSV / JSON writers and the per-record columns shared by CLI and GUI exports.
#include "api/decoders.h"
#include "models/export/csvwriter.h"
#include "models/export/exportcolumns.h"
#include "models/export/recordexporter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace models;

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
};

QTEST_GUILESS_MAIN(TestExportWriter)
#include "tst_exportwriter.moc"
