#pragma once
// Events per time bucket as bars stacked by result, painted directly (a few
// hundred rectangles; cheaper than a chart scene). Clicking a bar or dragging
// across several asks to narrow the table to that time. Buckets over a
// stretch not known to be complete (a gap in the archive's coverage, a
// cancelled load) are hatched. By keyboard: the arrow keys move a cursor
// over the buckets, Shift+arrows extend a range from where it started, Enter
// narrows the table to it, Escape drops it; Ctrl+Shift+T shows the counts as
// a table. The accessible description summarises the counts. A histogram
// split by organization (a roll-up) is drawn stacked by organization, one
// colour per series (seriesColor, shared with the legend).

#include "models/audit/auditarchivecoverage.h"
#include "models/audit/audithistogram.h"
#include "ui/common/accessibility.h"

#include <QTimeZone>
#include <QWidget>

namespace ui {

class AuditTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit AuditTimeline(QWidget *parent = nullptr);

    void setHistogram(const models::AuditHistogram &histogram);
    const models::AuditHistogram &histogram() const { return m_histogram; }
    // The time range the table is narrowed to, drawn as a band; cleared with from >= to.
    void setSelection(qint64 fromMs, qint64 toMs);
    void setTimeZone(const QTimeZone &zone);
    // Stretches whose entries may be incomplete (AuditController::incompleteRanges()).
    void setIncompleteRanges(const QList<models::AuditTimeRange> &ranges);
    QList<models::AuditTimeRange> incompleteRanges() const { return m_incomplete; }
    // Whether the bucket overlaps an incomplete stretch (drawn hatched).
    bool isBucketIncomplete(int bucket) const;

    // Bucket under x (widget coordinates), -1 when none.
    int bucketAt(int x) const;
    QRect barRect(int bucket) const;

    // The counts drawn, one row per bucket ("Show as table").
    ChartTable table() const;
    // The keyboard's bucket and the start of its range (-1: none).
    int cursorBucket() const { return m_cursor; }
    int anchorBucket() const { return m_anchor; }

    // The colour of a split histogram's series (its colour index; "Other" grey).
    static QColor seriesColor(int series, bool other, const QPalette &palette);
    // The series drawn at (x, y) of a split histogram, -1 when none.
    int seriesAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void rangeSelected(qint64 fromMs, qint64 toMs);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    QRect plotRect() const;
    QString bucketLabel(qint64 ms) const;
    QString bucketText(int bucket) const;
    QString seriesText(int bucket, int series) const;
    void paintSplit(QPainter &p, double scale);
    void updateAccessibleText();
    void moveCursor(int bucket, bool extend);

    models::AuditHistogram m_histogram;
    QList<models::AuditTimeRange> m_incomplete;
    QTimeZone m_zone;
    qint64 m_selFrom = 0;
    qint64 m_selTo = 0;
    int m_dragStart = -1;
    int m_dragEnd = -1;
    int m_cursor = -1;
    int m_anchor = -1;
};

} // namespace ui
