// AuditTableModel under QAbstractItemModelTester while pages stream in,
// sorted and unsorted, with local filters (synchronous and on a worker),
// plus the histogram and its model.

#include "auditsamples.h"

#include "models/audit/auditfilter.h"
#include "models/audit/audithistogram.h"
#include "models/audit/audithistogrammodel.h"
#include "models/audit/audittablemodel.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QSignalSpy>
#include <QtTest>

using namespace models;
using Col = AuditColumn;

class TestAuditTableModel : public QObject
{
    Q_OBJECT

    AuditTableModel *m_model = nullptr;

    // The model's visible rows must always equal a fresh filter+sort run.
    void checkConsistent()
    {
        const auto want = AuditFilter::run(m_model->snapshot(), m_model->filter(), m_model->sortSpec());
        QCOMPARE(m_model->visibleRows(), want);
        QCOMPARE(m_model->rowCount(), int(want.size()));
    }

private slots:
    void init()
    {
        m_model = new AuditTableModel(this);
        // Lives as long as the model: checks every signal of every step.
        new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     m_model);
    }

    void cleanup()
    {
        delete m_model;
        m_model = nullptr;
    }

    void streamsOneInsertPerPage()
    {
        auditsamples::Generator gen(1);
        QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
        QSignalSpy resets(m_model, &QAbstractItemModel::modelReset);
        const quint64 g = m_model->beginQuery();
        QList<api::AuditEvent> all;
        for (int p = 0; p < 10; ++p) {
            const auto page = gen.page(500);
            all += page;
            QVERIFY(m_model->appendPage(g, page));
        }
        QCOMPARE(inserted.count(), 10);
        QCOMPARE(resets.count(), 1); // beginQuery only
        QCOMPARE(m_model->rowCount(), 5000);
        QCOMPARE(m_model->columnCount(), kAuditColumnCount);
        for (int i : {0, 1234, 4999}) {
            const api::AuditEvent &e = all[i];
            QCOMPARE(m_model->index(i, int(Col::Description)).data().toString(), e.actionDescription);
            QCOMPARE(m_model->index(i, int(Col::Time)).data(AuditTableModel::SortRole).toLongLong(),
                     e.actionTimeMs);
            QCOMPARE(m_model->index(i, int(Col::ResourceId)).data().toString(), e.resourceId);
            QCOMPARE(m_model->index(i, 0).data(AuditTableModel::EntryIdRole).toString(), e.id);
            const bool failed = e.actionResult == QLatin1String("failure");
            QCOMPARE(m_model->index(i, 0).data(AuditTableModel::FailedRole).toBool(), failed);
            QCOMPARE(m_model->index(i, 3).data(Qt::ForegroundRole).isValid(), failed);
        }
        QVERIFY(!m_model->headerData(int(Col::Status), Qt::Horizontal).toString().isEmpty());
    }

    // A streaming load's pages reach the views in batches: a query's first page
    // at once, the pages stored after it together, by revealPending() or the
    // interval's timer; a new query's first page at once again.
    void revealIntervalBatchesInserts()
    {
        auditsamples::Generator gen(11);
        m_model->setRevealInterval(60 * 60 * 1000); // only revealPending() shows the rest
        QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
        quint64 g = m_model->beginQuery();
        QVERIFY(m_model->appendPage(g, gen.page(100)));
        QCOMPARE(m_model->rowCount(), 100);
        QCOMPARE(inserted.count(), 1);
        for (int p = 0; p < 5; ++p)
            QVERIFY(m_model->appendPage(g, gen.page(100)));
        QCOMPARE(m_model->rowCount(), 100);
        QCOMPARE(m_model->store().rowCount(), 600u);
        QVERIFY(m_model->hasUnrevealedRows());
        m_model->revealPending();
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(m_model->rowCount(), 600);
        QVERIFY(!m_model->hasUnrevealedRows());
        checkConsistent();

        // Sorted and filtered: the batch still lands where a fresh run puts it.
        m_model->sort(int(Col::Ip), Qt::DescendingOrder);
        m_model->setSearchText(QStringLiteral("acme"));
        for (int p = 0; p < 3; ++p)
            QVERIFY(m_model->appendPage(g, gen.page(100)));
        m_model->revealPending();
        checkConsistent();

        g = m_model->beginQuery();
        QVERIFY(m_model->appendPage(g, gen.page(10)));
        QVERIFY(m_model->appendPage(g, gen.page(10)));
        QVERIFY(m_model->hasUnrevealedRows());
        // The timer shows what waits without being asked.
        m_model->setRevealInterval(1);
        QVERIFY(m_model->appendPage(g, gen.page(10)));
        QTRY_VERIFY(!m_model->hasUnrevealedRows());
        checkConsistent();
        m_model->setSearchText({});
        QCOMPARE(m_model->rowCount(), 30);
    }

    void staleQueryPagesAreIgnored()
    {
        auditsamples::Generator gen(2);
        const quint64 first = m_model->beginQuery();
        QVERIFY(m_model->appendPage(first, gen.page(10)));
        const quint64 second = m_model->beginQuery();
        QVERIFY(second != first);
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(!m_model->appendPage(first, gen.page(10)));
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(m_model->appendPage(second, gen.page(10)));
        QCOMPARE(m_model->rowCount(), 10);
        m_model->clear();
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(!m_model->appendPage(second, gen.page(10)));
    }

    void streamsIntoSortedView()
    {
        auditsamples::Generator gen(3);
        const quint64 g = m_model->beginQuery();
        // Entries arrive newest first: ascending time puts each page in front (one run).
        m_model->sort(int(Col::Time), Qt::AscendingOrder);
        QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
        for (int p = 0; p < 5; ++p) {
            QVERIFY(m_model->appendPage(g, gen.page(300)));
            checkConsistent();
        }
        QCOMPARE(inserted.count(), 5);
        QCOMPARE(inserted.last().at(1).toInt(), 0);
        // A text column spreads a page over many places: still consistent.
        m_model->sort(int(Col::Ip), Qt::DescendingOrder);
        checkConsistent();
        for (int p = 0; p < 3; ++p) {
            QVERIFY(m_model->appendPage(g, gen.page(300)));
            checkConsistent();
        }
        // A handful of rows lands in a few runs: separate inserts, consistent.
        m_model->sort(int(Col::Method), Qt::AscendingOrder);
        QVERIFY(m_model->appendPage(g, gen.page(3)));
        checkConsistent();
        m_model->setSearchText(QStringLiteral("acme"));
        QVERIFY(m_model->appendPage(g, gen.page(300)));
        checkConsistent();
    }

    void localFilterHelpers()
    {
        auditsamples::Generator gen(4);
        const quint64 g = m_model->beginQuery();
        for (int p = 0; p < 4; ++p)
            m_model->appendPage(g, gen.page(1000));
        const int total = m_model->rowCount();

        const QString method = m_model->index(7, int(Col::Method)).data().toString();
        QVERIFY(m_model->filterToValue(int(Col::Method), 7));
        QVERIFY(m_model->rowCount() > 0 && m_model->rowCount() < total);
        for (int r = 0; r < m_model->rowCount(); r += 37)
            QCOMPARE(m_model->index(r, int(Col::Method)).data().toString(), method);
        checkConsistent();

        // Exclude failures on top.
        int failedRow = -1;
        for (int r = 0; r < m_model->rowCount() && failedRow < 0; ++r)
            if (m_model->index(r, 0).data(AuditTableModel::FailedRole).toBool())
                failedRow = r;
        QVERIFY(failedRow >= 0);
        QVERIFY(m_model->excludeValue(int(Col::Result), failedRow));
        for (int r = 0; r < m_model->rowCount(); ++r)
            QVERIFY(!m_model->index(r, 0).data(AuditTableModel::FailedRole).toBool());
        checkConsistent();
        // Pages keep streaming under the filter.
        m_model->appendPage(g, gen.page(500));
        checkConsistent();

        m_model->clearColumnFilter(int(Col::Method));
        m_model->clearColumnFilter(int(Col::Result));
        QCOMPARE(m_model->rowCount(), total + 500);

        m_model->setSearchText(QStringLiteral("TOKEN-1"));
        QVERIFY(m_model->rowCount() > 0);
        checkConsistent();
        m_model->setSearchText(QString());

        const qint64 t0 = m_model->index(100, int(Col::Time)).data(AuditTableModel::SortRole).toLongLong();
        const qint64 t1 = m_model->index(10, int(Col::Time)).data(AuditTableModel::SortRole).toLongLong();
        m_model->setTimeRange(t0, t1);
        for (int r = 0; r < m_model->rowCount(); ++r) {
            const qint64 t = m_model->index(r, int(Col::Time)).data(AuditTableModel::SortRole).toLongLong();
            QVERIFY(t >= t0 && t < t1);
        }
        m_model->clearTimeRange();
        QCOMPARE(m_model->rowCount(), total + 500);

        QVERIFY(!m_model->filterToValue(int(Col::Method), -1));
        QVERIFY(!m_model->excludeValue(kAuditColumnCount, 0));
    }

    void distinctValues()
    {
        auditsamples::Generator gen(5);
        const quint64 g = m_model->beginQuery();
        m_model->appendPage(g, gen.page(3000));
        for (int c : {int(Col::Method), int(Col::Status), int(Col::ResourceId), int(Col::Actor)}) {
            const auto values = m_model->distinctValues(c, 100000);
            quint64 sum = 0;
            for (const auto &v : values)
                sum += v.count;
            QCOMPARE(sum, quint64(m_model->rowCount()));
            QSet<QString> seen;
            for (const auto &v : values)
                seen.insert(v.value);
            QCOMPARE(seen.size(), values.size());
        }
        QCOMPARE(m_model->distinctValues(int(Col::Method)).size(), 5);
        QVERIFY(m_model->distinctValues(int(Col::Time)).isEmpty());
        QCOMPARE(m_model->distinctValues(int(Col::ResourceId), 10).size(), 10);
    }

    void filtersOnWorkerThread()
    {
        auditsamples::Generator gen(6);
        m_model->setAsyncThreshold(0);
        const quint64 g = m_model->beginQuery();
        for (int p = 0; p < 5; ++p)
            m_model->appendPage(g, gen.page(2000));
        QSignalSpy busy(m_model, &AuditTableModel::filteringChanged);
        const quint64 before = m_model->viewGeneration();
        m_model->setSearchText(QStringLiteral("user1"));
        m_model->setSearchText(QStringLiteral("user12")); // supersedes the first
        m_model->sort(int(Col::Actor), Qt::AscendingOrder);
        QVERIFY(m_model->isFiltering());
        QVERIFY(m_model->viewGeneration() > before);
        // Pages arriving meanwhile are picked up when the result lands.
        m_model->appendPage(g, gen.page(2000));
        QTRY_VERIFY_WITH_TIMEOUT(!m_model->isFiltering(), 20000);
        QCOMPARE(busy.first().first().toBool(), true);
        QCOMPARE(busy.last().first().toBool(), false);
        QCOMPARE(m_model->filter().text, QStringLiteral("user12"));
        checkConsistent();
        QVERIFY(m_model->rowCount() > 0);
        // A query started while a filter runs drops its result.
        m_model->setSearchText(QStringLiteral("user3"));
        const quint64 g2 = m_model->beginQuery();
        QVERIFY(!m_model->isFiltering());
        QTest::qWait(50);
        QCOMPARE(m_model->rowCount(), 0);
        m_model->appendPage(g2, gen.page(100));
        QTRY_VERIFY_WITH_TIMEOUT(!m_model->isFiltering(), 20000);
        checkConsistent();
    }

    void setStoreReplacesRows()
    {
        auditsamples::Generator gen(7);
        AuditStore store;
        store.append(gen.page(1500));
        m_model->setSearchText(QStringLiteral("delete"));
        const quint64 g = m_model->queryGeneration();
        m_model->setStore(std::move(store));
        QVERIFY(m_model->queryGeneration() != g);
        QVERIFY(m_model->rowCount() > 0 && m_model->rowCount() < 1500);
        checkConsistent();
    }

    void histogram()
    {
        auditsamples::Generator gen(8);
        AuditStore store;
        store.append(gen.page(4000));
        const AuditSnapshot d = store.snapshot();
        std::vector<quint32> rows(d.rowCount());
        for (quint32 i = 0; i < d.rowCount(); ++i)
            rows[i] = i;
        const AuditHistogram h = AuditHistogram::compute(d, rows);
        QCOMPARE(h.total(), quint64(rows.size()));
        quint32 failures = 0;
        for (quint32 r : rows)
            failures += d.isFailure(r);
        quint32 histFailures = 0;
        for (const auto &b : h.buckets())
            histFailures += b.failure;
        QCOMPARE(histFailures, failures);
        // ~4000 * 15 s = ~17 h: hourly buckets, all present, contiguous.
        QCOMPARE(h.bucketSize(), AuditHistogram::BucketSize::Hour);
        for (qsizetype i = 1; i < h.buckets().size(); ++i)
            QCOMPARE(h.buckets()[i].startMs - h.buckets()[i - 1].startMs, 3600000);
        const auto [from, to] = h.spanRange(2, 1);
        QCOMPARE(to - from, 2 * 3600000);

        // A narrowed range counts only rows inside it.
        const AuditHistogram narrow = AuditHistogram::compute(d, rows, from, to);
        quint64 inside = 0;
        for (quint32 r : rows)
            inside += d.timeMs(r) >= from && d.timeMs(r) < to;
        QCOMPARE(narrow.total(), inside);
        QCOMPARE(narrow.bucketSize(), AuditHistogram::BucketSize::Minute);
        QCOMPARE(narrow.buckets().size(), 120);

        QCOMPARE(AuditHistogram::autoBucketSize(30LL * 24 * 3600000), AuditHistogram::BucketSize::Day);
        QCOMPARE(AuditHistogram::autoBucketSize(540LL * 24 * 3600000), AuditHistogram::BucketSize::Week);
        // Weeks start on Monday 00:00 UTC.
        const qint64 monday = QDateTime(QDate(2026, 11, 23), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 sunday = QDateTime(QDate(2026, 11, 29), QTime(23, 0), Qt::UTC).toMSecsSinceEpoch();
        QCOMPARE(AuditHistogram::bucketStart(sunday, AuditHistogram::BucketSize::Week), monday);
        QCOMPARE(AuditHistogram::bucketStart(-1, AuditHistogram::BucketSize::Minute), -60000);
        QVERIFY(AuditHistogram::compute(d, {}).buckets().isEmpty());

        AuditHistogramModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHistogram(h);
        QCOMPARE(model.rowCount(), int(h.buckets().size()));
        QCOMPARE(model.index(0, AuditHistogramModel::Failure).data().toUInt(), h.buckets()[0].failure);
        QCOMPARE(model.index(1, 0).data(AuditHistogramModel::EndMsRole).toLongLong(),
                 h.bucketRange(1).second);
        model.setHistogram(narrow);
        QCOMPARE(model.rowCount(), 120);
    }
};

QTEST_GUILESS_MAIN(TestAuditTableModel)
#include "tst_audittablemodel.moc"
