// The rate-card file format: the bundled card reads cleanly and prices what
// Cloudflare publishes, a round trip keeps every field, and a lenient read of
// hand-written or newer files says what it ignored.

#include "models/cost/ratecard.h"

#include <QTest>

using models::RateCard;
using models::RateCardEntry;

class TestRateCard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bundledCard()
    {
        const RateCard card = RateCard::bundled();
        QVERIFY(!card.isEmpty());
        QCOMPARE(card.currency, QStringLiteral("USD"));
        QVERIFY(!card.asOf.isEmpty());
        for (const RateCardEntry &e : card.metrics) {
            QVERIFY2(!e.source.isEmpty(), qPrintable(e.metric));
            QVERIFY2(e.source.startsWith(QLatin1String("https://")), qPrintable(e.metric));
            QVERIFY2(!e.asOf.isEmpty(), qPrintable(e.metric));
            // Unpriced on purpose says why.
            if (!e.price)
                QVERIFY2(!e.note.isEmpty(), qPrintable(e.metric));
        }
        // Published list prices (Workers Standard, R2).
        const RateCardEntry *requests = card.find(QStringLiteral("workers_standard_requests"), {});
        QVERIFY(requests);
        QCOMPARE(*requests->price, 0.30);
        QCOMPARE(requests->divisor, 1e6);
        QCOMPARE(requests->includedPerMonth, 10.0);
        const RateCardEntry *storage = card.find({}, QStringLiteral("r2 standard storage"));
        QVERIFY(storage);
        QVERIFY(storage->divisorDaysInMonth);
        QCOMPARE(*storage->price, 0.015);
        // Enterprise-only bandwidth is left unpriced, never 0.
        const RateCardEntry *cdn = card.find(QStringLiteral("cdn_data_transfer"), {});
        QVERIFY(cdn);
        QVERIFY(!cdn->price);
    }

    void roundTrip()
    {
        RateCard card = RateCard::bundled().withDiscount(12.5);
        card.name = QStringLiteral("Contract 2027");
        const RateCard::ReadResult back = RateCard::fromJson(card.toJson());
        QVERIFY(back.card);
        QVERIFY2(back.warnings.isEmpty(), qPrintable(back.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(*back.card, card);
        QCOMPARE(*back.card->find(QStringLiteral("workers_standard_requests"), {})->price, 0.30 * 0.875);
    }

    void findByIdBeforeName()
    {
        RateCard card;
        RateCardEntry byName;
        byName.metricName = QStringLiteral("Workers Requests");
        byName.unit = QStringLiteral("Requests");
        byName.price = 1.0;
        RateCardEntry byId = byName;
        byId.metric = QStringLiteral("w");
        byId.metricName.clear();
        byId.price = 2.0;
        card.metrics << byName << byId;
        QCOMPARE(*card.find(QStringLiteral("w"), QStringLiteral("workers requests"))->price, 2.0);
        QCOMPARE(*card.find(QStringLiteral("other"), QStringLiteral("WORKERS REQUESTS"))->price, 1.0);
        QVERIFY(!card.find(QStringLiteral("other"), QStringLiteral("something else")));
    }

    void lenientRead()
    {
        const QByteArray json = R"({
            "format_version": 7, "currency": "eur", "colour": "blue",
            "metrics": [
              {"metric": "a", "unit": "Requests", "divisor": 1000000, "price": 0.3, "included_per_month": 10,
               "tier": "gold"},
              {"metric": "b", "unit": "GB", "divisor": "days_in_month", "price": 0.015},
              {"unit": "GB", "price": 1},
              {"metric": "c", "unit": "GB", "divisor": 0, "price": 1},
              {"metric": "d", "unit": "GB", "price": -1},
              {"metric": "e", "unit": "GB", "price": "cheap"},
              {"metric": "f", "price": 1},
              {"metric": "a", "unit": "Requests", "price": 9},
              {"metric": "g", "unit": "Seats", "price": null, "note": "contract"},
              42
            ]})";
        const RateCard::ReadResult r = RateCard::fromJson(json);
        QVERIFY(r.card);
        QCOMPARE(r.card->currency, QStringLiteral("EUR"));
        QStringList ids;
        for (const RateCardEntry &e : r.card->metrics)
            ids << e.metric;
        QCOMPARE(ids, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("g")}));
        QCOMPARE(*r.card->find(QStringLiteral("a"), {})->price, 0.3); // the first of a duplicate wins
        const QString all = r.warnings.join(QLatin1Char('\n'));
        for (const char *expected : {"format 7", "\"colour\"", "\"tier\"", "neither", "divisor", "\"price\"",
                                     "\"unit\"", "listed twice", "not an object"})
            QVERIFY2(all.contains(QLatin1String(expected)), qPrintable(all));
    }

    void unusableDocuments_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << QByteArray("{\"currency\": ") << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("JSON object");
        QTest::newRow("no metrics") << QByteArray(R"({"currency":"USD"})") << QStringLiteral("\"metrics\"");
        QTest::newRow("no currency") << QByteArray(R"({"metrics":[]})") << QStringLiteral("currency");
    }

    void unusableDocuments()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const RateCard::ReadResult r = RateCard::fromJson(json);
        QVERIFY(!r.card);
        QVERIFY2(r.error.contains(error), qPrintable(r.error));
    }
};

QTEST_GUILESS_MAIN(TestRateCard)
#include "tst_ratecard.moc"
