#include "usagetestdata.h"

#include "api/decoders.h"

#include "models/usage/usageaggregator.h"
#include "models/usage/usagecsv.h"
#include "models/usage/usagecube.h"
#include "models/usage/usagerecordsmodel.h"

#include <QBuffer>
#include <QTimeZone>
#include <QtTest>

#include "testsupport/prerequisite.h"

using namespace models;
using usagetest::record;

namespace {

// Minimal RFC 4180 reader for checking what was written.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(field);
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n')) {
            row.append(field);
            field.clear();
            rows.append(row);
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

QByteArray written(const std::function<bool(QIODevice *)> &write)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!write(&buffer))
        return "WRITE FAILED";
    return buffer.data();
}

} // namespace

class TestUsageCsv : public QObject
{
    Q_OBJECT

private slots:
    void quotingAndInjection_data();
    void quotingAndInjection();
    void numbers();
    void recordsFromCube();
    void recordsFromCubeFiltered();
    void recordsFromList();
    void recordsAsReceived();
    void tagsOnTheColumnPath();
    void pivot();
    void failingDevice();
};

void TestUsageCsv::quotingAndInjection_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("plain") << QStringLiteral("Workers") << QStringLiteral("Workers");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
    QTest::newRow("formula") << QStringLiteral("=HYPERLINK(\"x\")")
                             << QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\"");
    QTest::newRow("plus") << QStringLiteral("+1") << QStringLiteral("'+1");
    QTest::newRow("minus") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
    QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
    QTest::newRow("tab") << QStringLiteral("\tx") << QStringLiteral("'\tx");
    QTest::newRow("cr") << QStringLiteral("\rx") << QStringLiteral("\"'\rx\"");
    QTest::newRow("inner equals") << QStringLiteral("a=b") << QStringLiteral("a=b");
    QTest::newRow("unicode") << QStringLiteral("Zürich › R2") << QStringLiteral("Zürich › R2");
}

void TestUsageCsv::quotingAndInjection()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(UsageCsv::textField(in), out);
}

void TestUsageCsv::numbers()
{
    QCOMPARE(UsageCsv::numberField(18450000), QStringLiteral("18450000"));
    QCOMPARE(UsageCsv::numberField(0.1), QStringLiteral("0.1"));
    QCOMPARE(UsageCsv::numberField(-3), QStringLiteral("-3"));
    QCOMPARE(UsageCsv::numberField(4.428), QStringLiteral("4.428"));
}

void TestUsageCsv::recordsFromCube()
{
    const QDate d(2026, 11, 20);
    api::UsageRecord a = record(d, QStringLiteral("acc"), QStringLiteral("m1"), 18450000);
    a.zoneId = QStringLiteral("z1");
    a.zoneName = QStringLiteral("=cmd|' /C calc'!A0");
    a.billingCurrency = QStringLiteral("USD");
    a.billedCost = 4.428;
    a.effectiveCost = 4.0;
    api::UsageRecord c = record(d, QStringLiteral("acc"), QStringLiteral("m1"), -5);
    c.chargeClass = QStringLiteral("Correction");
    api::UsageRecord noQuantity = record(d.addDays(1), QStringLiteral("acc, Inc."), QStringLiteral("m2"), 0);
    noQuantity.consumedQuantity.reset();
    UsageCube cube;
    cube.addRecords({a, c, noQuantity});

    const QList<QStringList> rows =
        parseCsv(written([&](QIODevice *io) { return UsageCsv::writeRecords(io, cube); }));
    QCOMPARE(rows.size(), 4);
    const QStringList header = rows[0];
    QCOMPARE(header, UsageCsv::recordHeader());
    auto col = [&](const QString &name) { return int(header.indexOf(name)); };
    QCOMPARE(rows[1][col(QStringLiteral("ChargePeriodStart"))], QStringLiteral("2026-11-20T00:00:00.000Z"));
    QCOMPARE(rows[1][col(QStringLiteral("ChargePeriodEnd"))], QStringLiteral("2026-11-21T00:00:00.000Z"));
    QCOMPARE(rows[1][col(QStringLiteral("ConsumedQuantity"))], QStringLiteral("18450000"));
    QCOMPARE(rows[1][col(QStringLiteral("BilledCost"))].toDouble(), 4.428);
    QCOMPARE(rows[1][col(QStringLiteral("ListCost"))], QString()); // null stays empty
    QCOMPARE(rows[1][col(QStringLiteral("BillingCurrency"))], QStringLiteral("USD"));
    QCOMPARE(rows[1][col(QStringLiteral("x_ZoneName"))], QStringLiteral("'=cmd|' /C calc'!A0"));
    QCOMPARE(rows[1][col(QStringLiteral("x_BillableMetricName"))], QStringLiteral("Metric m1"));
    QCOMPARE(rows[1][col(QStringLiteral("ConsumedUnit"))], QStringLiteral("Requests"));
    QCOMPARE(rows[2][col(QStringLiteral("ChargeClass"))], QStringLiteral("Correction"));
    QCOMPARE(rows[2][col(QStringLiteral("ConsumedQuantity"))], QStringLiteral("-5")); // numbers stay numbers
    QCOMPARE(rows[3][col(QStringLiteral("BillingAccountId"))], QStringLiteral("acc, Inc."));
    QCOMPARE(rows[3][col(QStringLiteral("ConsumedQuantity"))], QString());
    for (const QStringList &r : rows)
        QCOMPARE(r.size(), header.size());
}

void TestUsageCsv::recordsFromCubeFiltered()
{
    usagetest::RandomSpec spec;
    spec.days = 20;
    UsageCube cube;
    cube.addRecords(usagetest::randomRecords(spec));
    UsageQuery q;
    q.filters = {{UsageDimension::Account, QStringLiteral("acc2"), {}}};
    q.range = UsageDayRange::fromDates(spec.first.addDays(5), spec.first.addDays(9));
    q.includeCorrections = false;
    const QList<QStringList> rows =
        parseCsv(written([&](QIODevice *io) { return UsageCsv::writeRecords(io, cube, q); }));
    const UsageAggregate agg = UsageAggregator::aggregate(cube, q);
    QCOMPARE(rows.size() - 1, agg.matchedRows());
    const int account = int(rows[0].indexOf(QStringLiteral("BillingAccountId")));
    const int quantity = int(rows[0].indexOf(QStringLiteral("ConsumedQuantity")));
    double sum = 0;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows[i][account], QStringLiteral("acc2"));
        sum += rows[i][quantity].toDouble();
    }
    QVERIFY(std::abs(sum - agg.grandTotal()) < 1e-6);
}

void TestUsageCsv::recordsFromList()
{
    api::UsageRecord r = record(QDate(2026, 11, 20), QStringLiteral("acc"), QStringLiteral("m"), 2.5);
    r.chargeDescription = QStringLiteral("-leading dash");
    const QList<QStringList> rows = parseCsv(
        written([&](QIODevice *io) { return UsageCsv::writeRecords(io, QList<api::UsageRecord>{r}); }));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[1][rows[0].indexOf(QStringLiteral("ChargeDescription"))], QStringLiteral("'-leading dash"));
    QCOMPARE(rows[1][rows[0].indexOf(QStringLiteral("ConsumedQuantity"))], QStringLiteral("2.5"));
    QCOMPARE(rows[1].size(), rows[0].size());
    QCOMPARE(rows[0], UsageCsv::recordHeader());

    // a cube export and a record export agree on every column the cube keeps
    r.chargeDescription = QStringLiteral("Workers, daily");
    r.zoneId = QStringLiteral("z");
    r.zoneName = QStringLiteral("a.example");
    UsageCube cube;
    cube.addRecords({r});
    const QList<QStringList> fromList = parseCsv(
        written([&](QIODevice *io) { return UsageCsv::writeRecords(io, QList<api::UsageRecord>{r}); }));
    const QList<QStringList> fromCube =
        parseCsv(written([&](QIODevice *io) { return UsageCsv::writeRecords(io, cube); }));
    QCOMPARE(fromCube[0], fromList[0]);
    for (const QString &name :
         {QStringLiteral("ChargePeriodStart"), QStringLiteral("ChargePeriodEnd"),
          QStringLiteral("BillingAccountId"), QStringLiteral("BillingAccountName"),
          QStringLiteral("ChargeDescription"), QStringLiteral("ConsumedQuantity"),
          QStringLiteral("ConsumedUnit"), QStringLiteral("x_BillableMetricId"),
          QStringLiteral("x_ProductFamilyId"), QStringLiteral("x_ProductCategoryName"),
          QStringLiteral("x_ZoneId"), QStringLiteral("x_ZoneName"), QStringLiteral("ChargeCategory")}) {
        const qsizetype c = fromList[0].indexOf(name);
        QVERIFY2(c >= 0, qPrintable(name));
        QCOMPARE(fromCube[1][c], fromList[1][c]);
    }
}

void TestUsageCsv::recordsAsReceived()
{
    // The records export of the cube writes each value as received, byte
    // for byte what writing the records themselves gives (issue 19 item 6).
    const QString dir = qEnvironmentVariable("ORGSCOPE_TEST_DATA");
    if (dir.isEmpty())
        ORGSCOPE_MISSING_PREREQUISITE("ORGSCOPE_TEST_DATA not set (run through ctest)");
    QFile file(dir + QStringLiteral("/billing_usage_get.response.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray answer = file.readAll();
    const auto records = api::decode::usageResponse(answer);
    const auto columns = api::decode::usageColumns(answer);
    QVERIFY(records.ok() && columns.ok());
    QVERIFY(!records.value.isEmpty());

    // What the fixture lacks: tags, a period that is not a whole UTC day, a
    // name without an id and an id without a name, another category and
    // frequency, pricing columns, a correction spelled as received.
    api::UsageRecord odd =
        record(QDate(2026, 10, 20), QStringLiteral("acc"), QStringLiteral("m"), 1.5, QStringLiteral("GB"));
    odd.tags.insert(QStringLiteral("team"), QStringLiteral("edge, \"core\""));
    odd.tags.insert(QStringLiteral("env"), QStringLiteral("prod"));
    odd.chargePeriodStart = QDateTime(QDate(2026, 10, 20), QTime(6, 30), QTimeZone::utc());
    odd.chargePeriodEnd = odd.chargePeriodStart.addSecs(3 * 3600);
    odd.billingAccountId.clear();
    odd.billableMetricName.clear();
    odd.chargeCategory = QStringLiteral("Adjustment");
    odd.chargeFrequency = QStringLiteral("One-Time");
    odd.chargeClass = QStringLiteral("correction");
    odd.billingPeriodStart = QDateTime(QDate(2026, 10, 1), QTime(0, 0), QTimeZone::utc());
    odd.billingPeriodEnd = QDateTime(QDate(2026, 11, 1), QTime(0, 0), QTimeZone::utc());
    odd.pricingQuantity = 0.05;
    odd.pricingUnit = QStringLiteral("GB-month");
    odd.listUnitPrice = 0.015;
    odd.hostProviderName = QStringLiteral("Cloudflare");
    odd.serviceProviderName = QStringLiteral("Cloudflare, Inc.");
    odd.invoiceIssuerName = QStringLiteral("Cloudflare Ltd");
    QList<api::UsageRecord> all = records.value;
    all.append(odd);

    const QByteArray expected = written([&](QIODevice *io) { return UsageCsv::writeRecords(io, all); });
    UsageCube cube;
    cube.addRecords(all);
    QCOMPARE(cube.rowCount(), all.size());
    const QByteArray fromCube = written([&](QIODevice *io) { return UsageCsv::writeRecords(io, cube); });
    const QList<QByteArray> gotLines = fromCube.split('\n'), wantLines = expected.split('\n');
    QCOMPARE(gotLines.size(), wantLines.size());
    for (qsizetype i = 0; i < gotLines.size(); ++i)
        QCOMPARE(QString::fromUtf8(gotLines[i]), QString::fromUtf8(wantLines[i]));
    QCOMPARE(fromCube, expected);
    const api::UsageRecord back = cube.record(cube.rowCount() - 1);
    QCOMPARE(back.tags, odd.tags);
    QCOMPARE(back.chargePeriodEnd, odd.chargePeriodEnd);
    QVERIFY(back.billingAccountId.isEmpty());
    QCOMPARE(back.billingAccountName, odd.billingAccountName);

    // The GUI's path (an answer decoded column by column) keeps the same.
    UsageCube fromColumns;
    fromColumns.addRecords(columns.value);
    QCOMPARE(written([&](QIODevice *io) { return UsageCsv::writeRecords(io, fromColumns); }),
             written([&](QIODevice *io) { return UsageCsv::writeRecords(io, records.value); }));
}

void TestUsageCsv::tagsOnTheColumnPath()
{
    // The GUI decodes answers column by column: its cube, its records CSV and
    // its Records view keep Tags as the CLI export writes them (issue 19).
    const QByteArray answer = R"({"success":true,"errors":[],"result":[
        {"BillingAccountId":"a1","ChargePeriodStart":"2026-11-01T00:00:00Z","ConsumedQuantity":1,
         "ConsumedUnit":"GB","x_BillableMetricId":"m","Tags":{"team":"edge, \"core\"","env":"prod"}},
        {"BillingAccountId":"a1","ChargePeriodStart":"2026-11-02T00:00:00Z","ConsumedQuantity":2,
         "ConsumedUnit":"GB","x_BillableMetricId":"m","Tags":{"env":"prod","team":"edge, \"core\""}},
        {"BillingAccountId":"a2","ChargePeriodStart":"2026-11-02T00:00:00Z","ConsumedQuantity":3,
         "ConsumedUnit":"GB","x_BillableMetricId":"m","Tags":{"pinned":true,"off":false}},
        {"BillingAccountId":"a3","ChargePeriodStart":"2026-11-02T00:00:00Z","ConsumedQuantity":4,
         "ConsumedUnit":"GB","x_BillableMetricId":"m"}]})";
    const auto records = api::decode::usageResponse(answer);
    const auto columns = api::decode::usageColumns(answer);
    QVERIFY(records.ok() && columns.ok());
    UsageCube cube;
    cube.addRecords(columns.value);
    QCOMPARE(cube.rowCount(), 4);
    const QByteArray gui = written([&](QIODevice *io) { return UsageCsv::writeRecords(io, cube); });
    const QByteArray cli = written([&](QIODevice *io) { return UsageCsv::writeRecords(io, records.value); });
    QCOMPARE(QString::fromUtf8(gui), QString::fromUtf8(cli));
    const QList<QStringList> rows = parseCsv(gui);
    const qsizetype tags = rows.constFirst().indexOf(QStringLiteral("Tags"));
    QVERIFY(tags >= 0);
    QCOMPARE(rows[1][tags], QStringLiteral("env=prod;team=edge, \"core\""));
    QCOMPARE(rows[3][tags], QStringLiteral("off=false;pinned"));
    QCOMPARE(rows[4][tags], QString());

    // The Records view shows them too.
    UsageRecordsModel model;
    model.setRows(cube, recordRowsInView(cube, UsageQuery{}));
    QCOMPARE(model.rowCount(), 4);
    const int column = model.columnOf(QStringLiteral("Tags"));
    QVERIFY(column >= 0);
    QCOMPARE(model.index(1, column).data().toString(), QStringLiteral("env=prod;team=edge, \"core\""));
    QCOMPARE(model.index(2, column).data().toString(), QStringLiteral("off=false;pinned"));
    QCOMPARE(model.recordAt(0).tags, records.value[0].tags);
}

void TestUsageCsv::pivot()
{
    usagetest::RandomSpec spec;
    spec.days = 30;
    UsageCube cube;
    cube.addRecords(usagetest::randomRecords(spec));
    UsageQuery q;
    q.groupBy = {UsageDimension::Account, UsageDimension::ProductFamily};
    q.granularity = UsageGranularity::Week;
    q.topN = 5;
    q.range = UsageDayRange::fromDates(spec.first.addDays(14), spec.first.addDays(29));
    const UsageAggregate agg = UsageAggregator::aggregate(cube, q);
    const QList<QStringList> rows =
        parseCsv(written([&](QIODevice *io) { return UsageCsv::writePivot(io, agg); }));
    QCOMPARE(rows.size(), agg.groupCount() + 2);
    QCOMPARE(rows[0].size(), 2 + agg.bucketCount() + 4);
    QCOMPARE(rows[0][0], QStringLiteral("Account"));
    QCOMPARE(rows[0][2], agg.bucketLabel(0));
    QCOMPARE(rows[1][0], agg.group(0).keys[0].label);
    QCOMPARE(rows[1][1], agg.group(0).keys[1].label);
    QCOMPARE(rows[1][2].toDouble(), agg.value(0, 0));
    QCOMPARE(rows[agg.groupCount()][0], QStringLiteral("Other"));
    QCOMPARE(rows.last()[0], QStringLiteral("Total"));
    QCOMPARE(rows.last()[2 + agg.bucketCount()].toDouble(), agg.grandTotal());
    for (const QStringList &r : rows)
        QCOMPARE(r.size(), rows[0].size());

    // Two costs compared: both and the difference at the end.
    q.measure = UsageMeasure::BilledCost;
    q.compare = UsageMeasure::ListCost;
    const UsageAggregate costs = UsageAggregator::aggregate(cube, q);
    const QList<QStringList> compared =
        parseCsv(written([&](QIODevice *io) { return UsageCsv::writePivot(io, costs); }));
    QCOMPARE(compared[0].size(), 2 + costs.bucketCount() + 6);
    QCOMPARE(compared[0].last(), QStringLiteral("Difference"));
    QCOMPARE(compared[0][compared[0].size() - 2], QStringLiteral("List cost"));
    QVERIFY(qAbs(compared.last().last().toDouble() - (costs.grandTotal() - costs.compareGrandTotal())) <
            1e-6);
}

void TestUsageCsv::failingDevice()
{
    QBuffer closed; // not open: every write fails
    UsageCube cube;
    QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): device not open");
    QVERIFY(!UsageCsv::writeRecords(&closed, cube));
}

QTEST_GUILESS_MAIN(TestUsageCsv)
#include "tst_usagecsv.moc"
