// AuditTimeline marks the stretches whose entries may be incomplete
// (AuditController::incompleteRanges(), e.g. a gap in the archive's
// coverage): those buckets are drawn hatched, the others as before.

#include "ui/audit/audittimeline.h"

#include "models/audit/auditstore.h"

#include <QImage>
#include <QTest>

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kStart = 1795000000000LL / kDayMs * kDayMs; // midnight UTC

models::AuditHistogram tenDays()
{
    QList<api::AuditEvent> events;
    for (int d = 0; d < 10; ++d) {
        for (int i = 0; i < 1 + d % 3; ++i) {
            api::AuditEvent e;
            e.id = QStringLiteral("e%1-%2").arg(d).arg(i);
            e.actionTimeMs = kStart + d * kDayMs + 3600 * 1000 * (i + 1);
            e.actionResult = QStringLiteral("success");
            events.append(e);
        }
    }
    models::AuditStore store;
    store.append(events);
    std::vector<quint32> rows(store.rowCount());
    for (quint32 r = 0; r < store.rowCount(); ++r)
        rows[r] = r;
    return models::AuditHistogram::compute(store.snapshot(), rows, kStart, kStart + 10 * kDayMs);
}

} // namespace

class TestAuditTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void incompleteStretchesAreHatched()
    {
        ui::AuditTimeline timeline;
        timeline.resize(640, 120);
        timeline.setHistogram(tenDays());
        QCOMPARE(timeline.histogram().buckets().size(), 10);
        const QImage before = timeline.grab().toImage();

        // Days 3 and 4 (and a little of day 5) are not known to be complete.
        timeline.setIncompleteRanges({{kStart + 3 * kDayMs, kStart + 5 * kDayMs + 1000}});
        for (int b = 0; b < 10; ++b)
            QCOMPARE(timeline.isBucketIncomplete(b), b >= 3 && b <= 5);
        const QImage after = timeline.grab().toImage();

        auto differs = [&](int bucket) {
            const QRect r = timeline.barRect(bucket).adjusted(1, 1, -1, -1);
            for (int y = r.top(); y <= r.bottom(); ++y)
                for (int x = r.left(); x <= r.right(); ++x)
                    if (before.pixel(x, y) != after.pixel(x, y))
                        return true;
            return false;
        };
        for (int b = 0; b < 10; ++b)
            QVERIFY2(differs(b) == (b >= 3 && b <= 5), qPrintable(QString::number(b)));

        timeline.setIncompleteRanges({});
        QCOMPARE(timeline.grab().toImage(), before);
    }
};

QTEST_MAIN(TestAuditTimeline)
#include "tst_audittimeline.moc"
