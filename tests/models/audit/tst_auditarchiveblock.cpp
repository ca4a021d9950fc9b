// The audit archive's block codec on damaged length lists, as a damaged
// archive or spill file may hold them: the bodies blob's lengths and the ids
// a prepared (spilled) block carries. A truncated varint, a length past the
// end, lengths that do not fill the bytes and lengths whose sum wraps around
// are refused; a well-formed list gives ends that only grow and end where
// the bytes do.

#include "models/audit/auditarchiveblock.h"

#include <QtTest>

#include <string>
#include <zstd.h>

namespace block = models::auditarchiveblock;

namespace {

constexpr quint64 kMax = std::numeric_limits<quint64>::max();

std::string varints(std::initializer_list<quint64> values)
{
    std::string out;
    for (quint64 v : values) {
        while (v >= 0x80) {
            out.push_back(char(quint8(v) | 0x80));
            v >>= 7;
        }
        out.push_back(char(v));
    }
    return out;
}

// A bodies blob as the archive stores it: raw in one zstd frame.
QByteArray framed(const std::string &raw)
{
    std::string out(ZSTD_compressBound(raw.size()), '\0');
    const size_t n = ZSTD_compress(out.data(), out.size(), raw.data(), raw.size(), 1);
    if (ZSTD_isError(n))
        return {};
    return QByteArray(out.data(), qsizetype(n));
}

// A prepared block's spill form with no columns or bodies: its times, the
// entry count, the ids' bytes, then how many id lengths follow and the bytes
// of those lengths (which a test may cut short).
QByteArray spilled(quint64 count, const std::string &ids, quint64 lengthCount, const std::string &lengths)
{
    const std::string out =
        varints({0, 0, count, 0, 0, quint64(ids.size())}) + ids + varints({lengthCount}) + lengths;
    return QByteArray(out.data(), qsizetype(out.size()));
}

} // namespace

class TestAuditArchiveBlock : public QObject
{
    Q_OBJECT

private slots:
    void bodyLengths_data()
    {
        QTest::addColumn<QByteArray>("blob");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QList<QByteArray>>("bodies");
        const std::string text = "abcdefg";
        QTest::newRow("well formed") << framed(varints({3, 2, 0, 5}) + text) << true
                                     << QList<QByteArray>{"ab", "", "cdefg"};
        QTest::newRow("none") << framed(varints({0})) << true << QList<QByteArray>{};
        QTest::newRow("truncated varint") << framed(varints({2, 7}) + "\x87") << false << QList<QByteArray>{};
        QTest::newRow("length past the end")
            << framed(varints({1, 8}) + text) << false << QList<QByteArray>{};
        QTest::newRow("one length past the end, the next back")
            << framed(varints({2, 9, 0}) + text) << false << QList<QByteArray>{};
        QTest::newRow("lengths short of the end")
            << framed(varints({2, 2, 3}) + text) << false << QList<QByteArray>{};
        // 5 + (2^64 - 3) + 5 wraps to 7, the bytes there are: a sum checked
        // only after adding would take it, with an end going backwards.
        QTest::newRow("sum wraps around")
            << framed(varints({3, 5, kMax - 2, 5}) + text) << false << QList<QByteArray>{};
        QTest::newRow("a length of 2^64 - 1")
            << framed(varints({2, kMax, 8}) + text) << false << QList<QByteArray>{};
        QTest::newRow("more lengths than bytes")
            << framed(varints({1000, 1}) + "a") << false << QList<QByteArray>{};
    }

    void bodyLengths()
    {
        QFETCH(QByteArray, blob);
        QFETCH(bool, accepted);
        QFETCH(QList<QByteArray>, bodies);
        QVERIFY(!blob.isEmpty());
        block::Bodies out;
        QCOMPARE(block::decodeBodies(blob, out), accepted);
        if (!accepted)
            return;
        QCOMPARE(out.size(), bodies.size());
        for (qsizetype i = 0; i < out.size(); ++i)
            QCOMPARE(out.at(i), bodies[i]);
        QCOMPARE(out.ends.empty() ? 0 : out.ends.back(), out.text.size());
    }

    void carriedIdLengths_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QList<QByteArray>>("ids");
        const std::string ids = "abcde";
        QTest::newRow("well formed") << spilled(3, ids, 3, varints({1, 0, 4})) << true
                                     << QList<QByteArray>{"a", "", "bcde"};
        QTest::newRow("none carried") << spilled(2, "", 0, "") << true << QList<QByteArray>{};
        QTest::newRow("truncated varint")
            << spilled(2, ids, 2, varints({2}) + "\x83") << false << QList<QByteArray>{};
        QTest::newRow("length past the end")
            << spilled(2, ids, 2, varints({2, 9})) << false << QList<QByteArray>{};
        QTest::newRow("one length past the end, the next back")
            << spilled(2, ids, 2, varints({6, 0})) << false << QList<QByteArray>{};
        QTest::newRow("lengths short of the end")
            << spilled(2, ids, 2, varints({1, 3})) << false << QList<QByteArray>{};
        // 3 + (2^64 - 1) + 3 wraps to 5, the ids' size.
        QTest::newRow("sum wraps around")
            << spilled(3, ids, 3, varints({3, kMax, 3})) << false << QList<QByteArray>{};
        QTest::newRow("not one per entry")
            << spilled(2, ids, 1, varints({5})) << false << QList<QByteArray>{};
        QTest::newRow("more lengths than bytes")
            << spilled(1000, ids, 1000, varints({5})) << false << QList<QByteArray>{};
    }

    void carriedIdLengths()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, accepted);
        QFETCH(QList<QByteArray>, ids);
        block::PreparedBlock out;
        QCOMPARE(block::PreparedBlock::fromBytes(bytes, out), accepted);
        if (!accepted)
            return;
        QCOMPARE(qsizetype(out.idEnds.size()), ids.size());
        for (qsizetype i = 0; i < ids.size(); ++i)
            QCOMPARE(out.id(i).toByteArray(), ids[i]);
        QCOMPARE(out.idEnds.empty() ? 0 : qsizetype(out.idEnds.back()), out.ids.size());
    }
};

QTEST_GUILESS_MAIN(TestAuditArchiveBlock)
#include "tst_auditarchiveblock.moc"
