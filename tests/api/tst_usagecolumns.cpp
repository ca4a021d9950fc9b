// The column-wise usage decoder against the record decoder: every field of
// every row, on the fixtures in tests/data/api and on answers built to stress
// both of its paths (the DOM fast path, and the on-demand reader that reads strings
// and keys straight from the input unless escaped and decides every error),
// per-answer dictionaries and lazily allocated number columns. The two
// decoders must accept and reject the same bodies with the same message.

#include "api/decoders.h"

#include <QDir>
#include <QFile>
#include <QTest>
#include <algorithm>

using namespace api;

namespace {

void compareRow(const UsageColumns &c, qsizetype i, const UsageRecord &r)
{
    using C = UsageColumns;
    const std::pair<C::Text, const QString *> texts[] = {
        {C::BillingAccountId, &r.billingAccountId},
        {C::BillingAccountName, &r.billingAccountName},
        {C::BillingCurrency, &r.billingCurrency},
        {C::ChargeCategory, &r.chargeCategory},
        {C::ChargeClass, &r.chargeClass},
        {C::ChargeDescription, &r.chargeDescription},
        {C::ChargeFrequency, &r.chargeFrequency},
        {C::ConsumedUnit, &r.consumedUnit},
        {C::HostProviderName, &r.hostProviderName},
        {C::InvoiceIssuerName, &r.invoiceIssuerName},
        {C::PricingUnit, &r.pricingUnit},
        {C::RegionId, &r.regionId},
        {C::RegionName, &r.regionName},
        {C::ServiceProviderName, &r.serviceProviderName},
        {C::SubAccountId, &r.subAccountId},
        {C::SubAccountName, &r.subAccountName},
        {C::BillableMetricId, &r.billableMetricId},
        {C::BillableMetricName, &r.billableMetricName},
        {C::ProductFamilyId, &r.productFamilyId},
        {C::ProductFamilyName, &r.productFamilyName},
        {C::ProductCategoryName, &r.productCategoryName},
        {C::ZoneId, &r.zoneId},
        {C::ZoneName, &r.zoneName},
    };
    for (const auto &[field, expected] : texts)
        QCOMPARE(c.textAt(field, i), *expected);

    const std::pair<C::Number, const std::optional<double> *> numbers[] = {
        {C::ConsumedQuantity, &r.consumedQuantity},
        {C::PricingQuantity, &r.pricingQuantity},
        {C::ListUnitPrice, &r.listUnitPrice},
        {C::ListCost, &r.listCost},
        {C::ContractedUnitPrice, &r.contractedUnitPrice},
        {C::ContractedCost, &r.contractedCost},
        {C::BilledCost, &r.billedCost},
        {C::EffectiveCost, &r.effectiveCost},
    };
    for (const auto &[field, expected] : numbers)
        QCOMPARE(c.optionalNumber(field, i), *expected);

    const std::pair<C::Time, const QDateTime *> times[] = {
        {C::ChargePeriodStart, &r.chargePeriodStart},
        {C::ChargePeriodEnd, &r.chargePeriodEnd},
        {C::BillingPeriodStart, &r.billingPeriodStart},
        {C::BillingPeriodEnd, &r.billingPeriodEnd},
    };
    for (const auto &[field, expected] : times)
        QCOMPARE(c.timeAt(field, i), expected->isValid() ? expected->toMSecsSinceEpoch() : C::kNoTime);

    // The row as a record: every scalar field as the record decoder gives it.
    const UsageRecord back = c.record(i);
    QCOMPARE(back.billableMetricId, r.billableMetricId);
    QCOMPARE(back.zoneName, r.zoneName);
    QCOMPARE(back.chargePeriodStart, r.chargePeriodStart);
    QCOMPARE(back.billingPeriodEnd, r.billingPeriodEnd);
    QCOMPARE(back.effectiveCost, r.effectiveCost);
    QCOMPARE(back.pricingUnit, r.pricingUnit);
    // Tags too (issue 19): the GUI's records keep what the export keeps.
    QCOMPARE(c.tagsAt(i), r.tags);
    QCOMPARE(back.tags, r.tags);
}

void compareDecoders(const QByteArray &body)
{
    const Decoded<QList<UsageRecord>> records = decode::usageResponse(body);
    const Decoded<UsageColumns> columns = decode::usageColumns(body);
    QVERIFY2(records.ok(), qPrintable(records.error.detail()));
    QVERIFY2(columns.ok(), qPrintable(columns.error.detail()));
    QCOMPARE(columns.value.size(), records.value.size());
    for (qsizetype i = 0; i < records.value.size(); ++i) {
        compareRow(columns.value, i, records.value[i]);
        if (QTest::currentTestFailed()) {
            qWarning("row %lld differs", qlonglong(i));
            return;
        }
    }
}

QByteArray envelope(const QByteArray &rows)
{
    return "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[" + rows + "]}";
}

// Rows that take every slow path at least once.
QByteArray stressAnswer()
{
    QByteArray rows;
    for (int i = 0; i < 120; ++i) {
        if (i)
            rows += ",\n";
        QByteArray row = "{";
        // Escaped and plain forms of the same key and value.
        row += (i % 5 == 0) ? "\"Billing\\u0041ccountId\"" : "\"BillingAccountId\"";
        row += " : \"acct-" + QByteArray::number(i % 7) + "\" ,";
        row += "\"BillingAccountName\":\"Acme \\\"quoted\\\" \\u00e9 " + QByteArray::number(i % 7) + "\",";
        row += "\"ChargePeriodStart\":\"2026-10-" + QByteArray::number(1 + i % 28).rightJustified(2, '0') +
               "T00:00:00Z\",";
        row += "\"ChargePeriodEnd\":\"2026-10-" + QByteArray::number(2 + i % 27).rightJustified(2, '0') +
               "T00:00:00+00:00\",";
        row += "\"ConsumedQuantity\":" + QByteArray::number(i * 1.5, 'g', 17) + ",";
        row += "\"ConsumedUnit\":\"" + QByteArray(i % 3 ? "Requests" : "GB") + "\",";
        row += "\"x_BillableMetricId\":\"metric_" + QByteArray::number(i % 11) + "\",";
        row += "\"x_BillableMetricName\":" + QByteArray(i % 4 ? "\"Metric\\tname\"" : "null") + ",";
        if (i % 9 == 0)
            row += "\"BilledCost\":" + QByteArray::number(i) + ",\"BillingCurrency\":\"USD\",";
        if (i % 10 == 0)
            row += "\"EffectiveCost\":null,\"ListCost\":0.25,";
        if (i % 13 == 0)
            row += "\"ChargeClass\":\"correction\",";
        if (i % 6 == 0)
            row += "\"Tags\":{\"team\":\"edge\",\"flag\":true,\"e\\u0073c\":\"x\"},";
        row += "\"x_ZoneId\":" +
               (i % 2 ? QByteArray("\"zone\\/" + QByteArray::number(i % 4) + "\"") : QByteArray("null")) +
               ",";
        row += "\"Unknown\":{\"nested\":[1,2,{\"a\":\"b\"}]},";
        row += "\"SubAccountId\":\"\",";
        row += "\"ConsumedQuantity\":" + QByteArray(i % 8 == 0 ? "null" : "7") +
               ","; // repeated key: the last wins
        row += "\"ServiceProviderName\":\"Cloudflare\"\t}";
        rows += row;
    }
    return envelope(rows);
}

} // namespace

class TestUsageColumns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyUsageExample_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(qEnvironmentVariable("ORGSCOPE_TEST_DATA"));
        const QStringList files = dir.entryList({QStringLiteral("billing_usage_get*.json")}, QDir::Files);
        QVERIFY(!files.isEmpty());
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void everyUsageExample()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        compareDecoders(f.readAll());
    }

    void stressedAnswer()
    {
        const QByteArray body = stressAnswer();
        compareDecoders(body);
        const Decoded<UsageColumns> d = decode::usageColumns(body);
        QCOMPARE(d.value.size(), 120);
        // Escaped and plain spellings of one value share a dictionary entry.
        QCOMPARE(d.value.values[UsageColumns::BillingAccountId].size(), 8);
        QCOMPARE(d.value.textAt(UsageColumns::BillingAccountName, 0), QStringLiteral("Acme \"quoted\" é 0"));
        QCOMPARE(d.value.textAt(UsageColumns::BillableMetricName, 1), QStringLiteral("Metric\tname"));
        QCOMPARE(d.value.textAt(UsageColumns::ZoneId, 1), QStringLiteral("zone/1"));
        QVERIFY(d.value.hasColumn(UsageColumns::BilledCost));
        QVERIFY(!d.value.hasColumn(UsageColumns::ContractedCost));
        QVERIFY(!d.value.has(UsageColumns::ConsumedQuantity, 0)); // null after a value
        QVERIFY(d.value.has(UsageColumns::ConsumedQuantity, 1));
        // One tag set for the 20 tagged rows: a key-only tag (true) has an empty value.
        QCOMPARE(d.value.tagSets.size(), 2);
        const QMap<QString, QString> tags{{QStringLiteral("team"), QStringLiteral("edge")},
                                          {QStringLiteral("flag"), QString()},
                                          {QStringLiteral("esc"), QStringLiteral("x")}};
        QCOMPARE(d.value.tagsAt(0), tags);
        QVERIFY(d.value.tagsAt(1).isEmpty());
    }

    // The fast path guesses: each key from the previous row's key at that
    // position, each value from the one that followed the previous value
    // last time, each timestamp from the field's previous one. Rows here
    // keep the guesses half right: cycles that break, keys that move, values
    // of every length from 1 to 40 bytes that differ from each other in one
    // byte only (first, middle or last), timestamps equal but for one digit.
    void guessesThatMiss()
    {
        auto value = [](int length, int variant) {
            QByteArray v(length, 'm');
            if (variant > 0)
                v[(variant - 1) * (length - 1) / 2] = char('a' + variant); // first, middle or last byte
            return v;
        };
        QList<QByteArray> fields;
        QByteArray rows;
        int n = 0;
        for (int length = 1; length <= 40; ++length) {
            for (int i = 0; i < 12; ++i, ++n) {
                // Cycles 0,1,2,3 then breaks it every fifth row.
                const int variant = (i % 5 == 4) ? (i * 7) % 4 : i % 4;
                QList<QByteArray> row{
                    "\"x_BillableMetricId\":\"" + value(length, variant) + '"',
                    "\"BillingAccountId\":\"" + value(length, (variant + i / 4) % 4) + '"',
                    "\"ConsumedUnit\":\"" + value(qMax(1, length - i % 2), 3 - variant) + '"',
                    "\"ChargePeriodStart\":\"2026-10-0" + QByteArray::number(1 + (i / 3) % 2) +
                        "T00:00:00Z\"",
                    "\"ChargePeriodEnd\":\"2026-10-0" + QByteArray::number(2 + i % 2) + "T00:00:00Z\"",
                    "\"ConsumedQuantity\":" + QByteArray::number(n)};
                if (i % 3 == 1)
                    std::rotate(row.begin(), row.begin() + 2, row.end()); // keys move
                if (i % 6 == 5)
                    row.removeAt(1); // and go missing
                if (!rows.isEmpty())
                    rows += ',';
                rows += '{' + row.join(',') + '}';
            }
        }
        const QByteArray body = envelope(rows);
        compareDecoders(body);
        const Decoded<UsageColumns> d = decode::usageColumns(body);
        QCOMPARE(d.value.size(), n);
        // Every distinct spelling is its own value: four variants per length
        // (each marks its byte with its own letter), and the empty value.
        QCOMPARE(d.value.values[UsageColumns::BillableMetricId].size(), 1 + 40 * 4);
    }

    // Tags of every shape the record decoder reads, on both paths: strings,
    // true and false, null values, an empty object, a null Tags, a repeated key.
    void tagsOfEveryShape()
    {
        const QByteArray rows = R"({"Tags":{"b":"2","a":"1"}},
            {"Tags":{"a":"1","b":"2"}},
            {"Tags":{"k":true,"off":false,"n":null}},
            {"Tags":{}},
            {"Tags":null},
            {"Tags":{"a":"x","a":"y"}},
            {"Tags":{"\u00e9t\u00e9":"caf\u00e9"}})";
        for (const QByteArray &body : {envelope(rows), envelope(rows + R"(,{"Unknown":1e999})")}) {
            compareDecoders(body); // the second takes the on-demand reader
            const Decoded<UsageColumns> d = decode::usageColumns(body);
            QVERIFY(d.ok());
            QCOMPARE(d.value.tagsAt(0), d.value.tagsAt(1));
            QCOMPARE(d.value.tagsAt(0).value(QStringLiteral("b")), QStringLiteral("2"));
            QCOMPARE(d.value.tagsAt(2).value(QStringLiteral("off")), QStringLiteral("false"));
            QVERIFY(d.value.tagsAt(2).contains(QStringLiteral("k")));
            QCOMPARE(d.value.tagsIndex(3), 0U);
            QCOMPARE(d.value.tagsIndex(4), 0U);
            QCOMPARE(d.value.tagsAt(5).value(QStringLiteral("a")), QStringLiteral("y"));
            QCOMPARE(d.value.tagsAt(6).value(QStringLiteral("été")), QStringLiteral("café"));
            // Dropping rows keeps each row's tags.
            UsageColumns c = d.value;
            c.removeRowsIf([](qsizetype row) { return row < 2; });
            QCOMPARE(c.tagsAt(0).value(QStringLiteral("off")), QStringLiteral("false"));
            QCOMPARE(c.record(3).tags.value(QStringLiteral("a")), QStringLiteral("y"));
        }
    }

    // Answers the DOM fast path declines, read by the on-demand reader: the
    // rows must be the same as on the fast path.
    void fallbackPathAgrees_data()
    {
        QTest::addColumn<QByteArray>("extra");
        QTest::newRow("number the tape refuses, in an unknown field") << QByteArray(R"("Unknown":1e999,)");
        QTest::newRow("informational errors") << QByteArray();
    }
    void fallbackPathAgrees()
    {
        QFETCH(QByteArray, extra);
        QByteArray body = stressAnswer();
        if (extra.isEmpty())
            body.replace("\"errors\":[]", R"("errors":[{"code":1000,"message":"note"}])");
        else
            body.replace("\"ServiceProviderName\"", QByteArray(extra + "\"ServiceProviderName\""));
        QVERIFY(body != stressAnswer());
        compareDecoders(body);
        QCOMPARE(decode::usageColumns(body).value.size(), 120);
    }

    // The body read in place (room for the parser's padding, as the client
    // reads it) and from a copy give the same rows.
    void inPlaceAndCopiedBodiesAgree()
    {
        const QByteArray tight = stressAnswer();
        QByteArray roomy = tight;
        roomy.reserve(roomy.size() + 256);
        const Decoded<UsageColumns> a = decode::usageColumns(QByteArray(tight.constData(), tight.size()));
        const Decoded<UsageColumns> b = decode::usageColumns(roomy);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a.value.size(), b.value.size());
        for (qsizetype i = 0; i < a.value.size(); ++i)
            for (int f = 0; f < UsageColumns::TextCount; ++f)
                QCOMPARE(a.value.textAt(UsageColumns::Text(f), i), b.value.textAt(UsageColumns::Text(f), i));
    }

    void sameVerdictOnBadAnswers_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("wrong type") << envelope(R"({"ConsumedQuantity":"12"})");
        QTest::newRow("bad time") << envelope(R"({"ChargePeriodStart":"yesterday"})");
        QTest::newRow("bad billing time") << envelope(R"({"BillingPeriodEnd":"2026-13-01"})");
        QTest::newRow("row not an object") << envelope(R"({"ConsumedQuantity":1},42)");
        QTest::newRow("null row") << envelope("null");
        QTest::newRow("tags not strings") << envelope(R"({"Tags":{"a":[1]}})");
        QTest::newRow("text as number") << envelope(R"({"x_ZoneId":7})");
        QTest::newRow("truncated") << QByteArray("{\"result\":[{\"ConsumedUnit\":\"GB\"");
        QTest::newRow("unterminated string") << QByteArray("{\"result\":[{\"ConsumedUnit\":\"GB}]}");
        QTest::newRow("control char") << QByteArray("{\"result\":[{\"ConsumedUnit\":\"G\x01\"}]}");
        QTest::newRow("bad utf8") << QByteArray("{\"result\":[{\"ConsumedUnit\":\"\xff\"}]}");
        QTest::newRow("result null") << QByteArray(R"({"success":true,"result":null})");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("fine") << envelope(R"({"ConsumedQuantity":1,"ConsumedUnit":"GB"})");
    }
    void sameVerdictOnBadAnswers()
    {
        QFETCH(QByteArray, body);
        const auto records = decode::usageResponse(body);
        const auto columns = decode::usageColumns(body);
        QCOMPARE(columns.ok(), records.ok());
        QCOMPARE(columns.error.detail(), records.error.detail());
        if (!columns.ok())
            QCOMPARE(columns.value.size(), 0); // nothing half-decoded is handed on
    }
};

QTEST_GUILESS_MAIN(TestUsageColumns)
#include "tst_usagecolumns.moc"
