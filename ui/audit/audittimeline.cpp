#include "ui/audit/audittimeline.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <iterator>

namespace ui {

namespace {
constexpr int kAxisWidth = 44;
constexpr int kLabelHeight = 16;

QColor successColor(const QPalette &p)
{
    const bool dark = p.color(QPalette::Base).lightness() < 128;
    return dark ? QColor(0x5b, 0x8d, 0xd6) : QColor(0x4a, 0x7f, 0xc8);
}

QColor failureColor(const QPalette &p)
{
    const bool dark = p.color(QPalette::Base).lightness() < 128;
    return dark ? QColor(0xf0, 0x6a, 0x5f) : QColor(0xd0, 0x36, 0x2a);
}
} // namespace

AuditTimeline::AuditTimeline(QWidget *parent) : QWidget(parent), m_zone(QTimeZone::systemTimeZone())
{
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setToolTip(tr("Entries the table shows per time bucket (blue: success, red: failure; faint: loaded but "
                  "hidden by a local filter). Click a bar or drag across bars to narrow the table to that "
                  "time."));
    setAccessibleName(tr("Activity timeline"));
    setFocusPolicy(Qt::StrongFocus);
    addShowAsTable(this, [this] { return table(); });
    updateAccessibleText();
}

QSize AuditTimeline::sizeHint() const
{
    return {600, 96};
}

QSize AuditTimeline::minimumSizeHint() const
{
    return {200, 72};
}

void AuditTimeline::setHistogram(const models::AuditHistogram &histogram)
{
    // A drag survives a recount over the same buckets (rows streaming in, a filter).
    const bool sameAxis = histogram.buckets().size() == m_histogram.buckets().size() &&
                          histogram.bucketSize() == m_histogram.bucketSize() &&
                          (histogram.buckets().isEmpty() ||
                           histogram.buckets().first().startMs == m_histogram.buckets().first().startMs);
    m_histogram = histogram;
    if (!sameAxis)
        m_dragStart = m_dragEnd = m_cursor = m_anchor = -1;
    updateAccessibleText();
    update();
}

void AuditTimeline::setSelection(qint64 fromMs, qint64 toMs)
{
    m_selFrom = fromMs;
    m_selTo = toMs;
    update();
}

void AuditTimeline::setIncompleteRanges(const QList<models::AuditTimeRange> &ranges)
{
    if (ranges == m_incomplete)
        return;
    m_incomplete = ranges;
    update();
}

bool AuditTimeline::isBucketIncomplete(int bucket) const
{
    if (bucket < 0 || bucket >= m_histogram.buckets().size())
        return false;
    const auto [from, to] = m_histogram.bucketRange(bucket);
    return std::any_of(m_incomplete.begin(), m_incomplete.end(),
                       [&](const models::AuditTimeRange &r) { return r.fromMs < to && from < r.toMs; });
}

void AuditTimeline::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    update();
}

QRect AuditTimeline::plotRect() const
{
    return rect().adjusted(kAxisWidth, 4, -6, -kLabelHeight - 2);
}

int AuditTimeline::bucketAt(int x) const
{
    const int n = int(m_histogram.buckets().size());
    const QRect plot = plotRect();
    if (n == 0 || plot.width() <= 0 || x < plot.left() || x > plot.right())
        return -1;
    return std::clamp(int(qint64(x - plot.left()) * n / plot.width()), 0, n - 1);
}

QRect AuditTimeline::barRect(int bucket) const
{
    const int n = int(m_histogram.buckets().size());
    const QRect plot = plotRect();
    if (bucket < 0 || bucket >= n)
        return {};
    const int x0 = plot.left() + int(qint64(bucket) * plot.width() / n);
    const int x1 = plot.left() + int(qint64(bucket + 1) * plot.width() / n);
    return QRect(QPoint(x0, plot.top()), QPoint(std::max(x0, x1 - 1), plot.bottom()));
}

QString AuditTimeline::bucketLabel(qint64 ms) const
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, m_zone);
    using B = models::AuditHistogram::BucketSize;
    switch (m_histogram.bucketSize()) {
    case B::Minute:
    case B::Hour:
        return QLocale().toString(t, QStringLiteral("MMM d HH:mm"));
    default:
        return QLocale().toString(t.date(), QStringLiteral("MMM d yyyy"));
    }
}

void AuditTimeline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QRect plot = plotRect();
    const auto &buckets = m_histogram.buckets();
    QColor grid = pal.color(QPalette::Text);
    grid.setAlphaF(0.15f);
    QColor muted = pal.color(QPalette::Text);
    muted.setAlphaF(0.7f);
    QFont small = font();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() * 0.85));
    p.setFont(small);

    if (buckets.isEmpty()) {
        p.setPen(muted);
        p.drawText(rect(), Qt::AlignCenter, tr("No entries loaded"));
        if (hasFocus()) {
            p.setPen(QPen(pal.color(QPalette::Highlight), 2));
            p.drawRect(rect().adjusted(1, 1, -1, -1));
        }
        return;
    }
    // One scale for the shown rows and the loaded ones behind them.
    const quint32 max = std::max<quint32>(1, m_histogram.maxLoaded());
    p.setPen(grid);
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.drawLine(plot.topLeft() + QPoint(0, 0), plot.topRight());
    p.setPen(muted);
    const QRect axis(0, plot.top() - 2, kAxisWidth - 4, small.pointSize() * 2);
    p.drawText(axis, Qt::AlignRight | Qt::AlignTop, QLocale().toString(max));
    p.drawText(QRect(0, plot.bottom() - 14, kAxisWidth - 4, 16), Qt::AlignRight | Qt::AlignBottom,
               QStringLiteral("0"));

    // Selection band (behind the bars).
    if (m_selFrom < m_selTo) {
        int first = -1, last = -1;
        for (int i = 0; i < buckets.size(); ++i) {
            const auto [s, e] = m_histogram.bucketRange(i);
            if (e > m_selFrom && s < m_selTo) {
                if (first < 0)
                    first = i;
                last = i;
            }
        }
        if (first >= 0) {
            QColor band = pal.color(QPalette::Highlight);
            band.setAlphaF(0.22f);
            p.fillRect(barRect(first).united(barRect(last)), band);
        }
    }
    if (m_dragStart >= 0 && m_dragEnd >= 0) {
        QColor band = pal.color(QPalette::Highlight);
        band.setAlphaF(0.35f);
        p.fillRect(
            barRect(std::min(m_dragStart, m_dragEnd)).united(barRect(std::max(m_dragStart, m_dragEnd))),
            band);
    }

    const QColor ok = successColor(pal);
    const QColor bad = failureColor(pal);
    QColor hidden = pal.color(QPalette::Text);
    hidden.setAlphaF(0.14f);
    const double scale = double(plot.height()) / max;
    if (m_histogram.isSplit())
        paintSplit(p, scale);
    for (int i = 0; i < buckets.size() && !m_histogram.isSplit(); ++i) {
        const auto &b = buckets.at(i);
        if (b.loaded == 0 && b.total() == 0)
            continue;
        QRect r = barRect(i);
        if (r.width() > 3)
            r.adjust(0, 0, -1, 0); // a gap between wide bars
        const int bottom = plot.bottom();
        if (b.loaded > b.total()) {
            const int hl = std::max(1, int(std::lround(b.loaded * scale)));
            p.fillRect(QRect(r.left(), bottom - hl + 1, r.width(), hl), hidden);
        }
        const int hs = int(std::lround(b.success * scale));
        const int hf = std::max(b.failure ? 1 : 0, int(std::lround(b.failure * scale)));
        if (hs > 0)
            p.fillRect(QRect(r.left(), bottom - hs + 1, r.width(), hs), ok);
        if (hf > 0)
            p.fillRect(QRect(r.left(), bottom - hs - hf + 1, r.width(), hf), bad);
    }

    // Incomplete stretches: a light hatch over the bars (a full-height bar
    // must not hide it), so what is there still shows through.
    if (!m_incomplete.isEmpty()) {
        QColor hatch = pal.color(QPalette::Text);
        hatch.setAlphaF(0.35f);
        for (int i = 0; i < buckets.size(); ++i)
            if (isBucketIncomplete(i))
                p.fillRect(barRect(i), QBrush(hatch, Qt::BDiagPattern));
    }

    // First and last bucket start under the axis.
    p.setPen(muted);
    const QRect labels(plot.left(), plot.bottom() + 2, plot.width(), kLabelHeight);
    p.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter, bucketLabel(buckets.first().startMs));
    p.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, bucketLabel(buckets.last().startMs));

    // Keyboard focus: a frame around the widget and an outline on the cursor's bucket.
    if (hasFocus()) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(1, 1, -1, -1));
        if (m_cursor >= 0)
            p.drawRect(barRect(m_cursor).adjusted(0, 0, -1, 0));
    }
}

QColor AuditTimeline::seriesColor(int series, bool other, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    if (other)
        return dark ? QColor(0x8a, 0x8f, 0x98) : QColor(0x9a, 0x9e, 0xa6);
    // Distinct hues that read on either palette (Okabe–Ito inspired).
    static const QRgb light[] = {0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7, 0x56b4e9, 0xd55e00, 0x7a5195};
    static const QRgb darkSet[] = {0x4c9be8, 0xf0b43c, 0x2fc497, 0xe08cc0, 0x7ccaf0, 0xf07a3a, 0xa888d0};
    const int n = int(std::size(light));
    return QColor(dark ? darkSet[series % n] : light[series % n]);
}

void AuditTimeline::paintSplit(QPainter &p, double scale)
{
    const QRect plot = plotRect();
    const auto &series = m_histogram.organizationSeries();
    QColor hidden = palette().color(QPalette::Text);
    hidden.setAlphaF(0.14f);
    for (int i = 0; i < m_histogram.buckets().size(); ++i) {
        const auto &b = m_histogram.buckets().at(i);
        QRect r = barRect(i);
        if (r.width() > 3)
            r.adjust(0, 0, -1, 0);
        if (b.loaded > b.total()) {
            const int hl = std::max(1, int(std::lround(b.loaded * scale)));
            p.fillRect(QRect(r.left(), plot.bottom() - hl + 1, r.width(), hl), hidden);
        }
        // Stacked from the bottom, the largest organization first; a segment
        // keeps at least a pixel so no organization of a bucket disappears.
        int top = plot.bottom() + 1;
        quint32 sum = 0;
        for (int s = 0; s < series.size(); ++s) {
            const quint32 c = m_histogram.seriesCount(i, s);
            if (c == 0)
                continue;
            sum += c;
            const int h = std::max(1, int(std::lround(sum * scale)) - (plot.bottom() + 1 - top));
            top -= h;
            p.fillRect(QRect(r.left(), top, r.width(), h),
                       seriesColor(series.at(s).color >= 0 ? series.at(s).color : s, series.at(s).isOther(),
                                   palette()));
        }
    }
}

int AuditTimeline::seriesAt(const QPoint &pos) const
{
    const int b = bucketAt(pos.x());
    if (b < 0 || !m_histogram.isSplit())
        return -1;
    const QRect plot = plotRect();
    const double scale = double(plot.height()) / std::max<quint32>(1, m_histogram.maxLoaded());
    int top = plot.bottom() + 1;
    quint32 sum = 0;
    for (int s = 0; s < m_histogram.organizationSeries().size(); ++s) {
        const quint32 c = m_histogram.seriesCount(b, s);
        if (c == 0)
            continue;
        sum += c;
        const int h = std::max(1, int(std::lround(sum * scale)) - (plot.bottom() + 1 - top));
        top -= h;
        if (pos.y() >= top)
            return s;
    }
    return -1;
}

QString AuditTimeline::seriesText(int b, int s) const
{
    const auto &series = m_histogram.organizationSeries().at(s);
    const QString count = QLocale().toString(m_histogram.seriesCount(b, s));
    if (series.isOther())
        return tr("Other (%n organization(s)): %1", nullptr, int(series.otherIds.size())).arg(count);
    const QString where =
        series.path.isEmpty() ? (series.name.isEmpty() ? series.id : series.name) : series.path;
    return tr("%1: %2").arg(where, count);
}

void AuditTimeline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_dragStart = m_dragEnd = bucketAt(event->position().toPoint().x());
    update();
}

void AuditTimeline::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragStart >= 0 && (event->buttons() & Qt::LeftButton)) {
        const int b = bucketAt(event->position().toPoint().x());
        if (b >= 0 && b != m_dragEnd) {
            m_dragEnd = b;
            update();
        }
    }
    QWidget::mouseMoveEvent(event);
}

void AuditTimeline::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_dragStart < 0)
        return QWidget::mouseReleaseEvent(event);
    const int first = m_dragStart;
    const int last = m_dragEnd >= 0 ? m_dragEnd : first;
    m_dragStart = m_dragEnd = -1;
    update();
    const auto [from, to] =
        first == last ? m_histogram.bucketRange(first) : m_histogram.spanRange(first, last);
    if (from < to)
        Q_EMIT rangeSelected(from, to);
}

bool AuditTimeline::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int b = bucketAt(help->pos().x());
        if (b < 0)
            return QWidget::event(event);
        QString text = bucketText(b);
        const int s = seriesAt(help->pos());
        if (s >= 0) // the organization under the mouse first
            text = seriesText(b, s) + u'\n' + text;
        QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

QString AuditTimeline::bucketText(int b) const
{
    const auto &bucket = m_histogram.buckets().at(b);
    const auto [from, to] = m_histogram.bucketRange(b);
    const QLocale locale;
    const QString counts = bucket.loaded > bucket.total()
                               ? tr("%1 of %2 loaded entries shown (%3 failed)")
                                     .arg(locale.toString(bucket.total()), locale.toString(bucket.loaded),
                                          locale.toString(bucket.failure))
                               : tr("%1 entries (%2 failed)")
                                     .arg(locale.toString(bucket.total()), locale.toString(bucket.failure));
    QString text = QStringLiteral("%1 – %2\n%3").arg(bucketLabel(from), bucketLabel(to), counts);
    for (int s = 0; s < m_histogram.organizationSeries().size(); ++s)
        if (m_histogram.seriesCount(b, s) > 0)
            text += u'\n' + seriesText(b, s);
    if (isBucketIncomplete(b))
        text += u'\n' + tr("Incomplete: not every entry of this time is loaded (Refresh fetches it).");
    return text;
}

ChartTable AuditTimeline::table() const
{
    ChartTable t;
    t.title = tr("Audit entries per time bucket");
    t.columns = QStringList{tr("From"), tr("Shown"), tr("Failed"), tr("Loaded"), tr("Complete")};
    const QLocale locale;
    for (int i = 0; i < m_histogram.buckets().size(); ++i) {
        const auto &b = m_histogram.buckets().at(i);
        t.rows << bucketLabel(m_histogram.bucketRange(i).first);
        t.cells << QStringList{locale.toString(b.total()), locale.toString(b.failure),
                               locale.toString(b.loaded), isBucketIncomplete(i) ? tr("no") : tr("yes")};
        for (int s = 0; s < m_histogram.organizationSeries().size(); ++s)
            t.cells.last() << locale.toString(m_histogram.seriesCount(i, s));
    }
    for (const auto &series : m_histogram.organizationSeries())
        t.columns << (series.isOther() ? tr("Other") : series.name.isEmpty() ? series.id : series.name);
    return t;
}

void AuditTimeline::updateAccessibleText()
{
    const auto &buckets = m_histogram.buckets();
    QString text;
    if (buckets.isEmpty()) {
        text = tr("No entries loaded.");
    } else {
        quint64 shown = 0, failed = 0;
        int busiest = 0;
        for (int i = 0; i < buckets.size(); ++i) {
            shown += buckets.at(i).total();
            failed += buckets.at(i).failure;
            if (buckets.at(i).total() > buckets.at(busiest).total())
                busiest = i;
        }
        const QLocale locale;
        text = tr("%1 entries shown, %2 failed, from %3 to %4; busiest: %5 with %6.")
                   .arg(locale.toString(shown), locale.toString(failed), bucketLabel(buckets.first().startMs),
                        bucketLabel(buckets.last().startMs), bucketLabel(buckets.at(busiest).startMs),
                        locale.toString(buckets.at(busiest).total()));
        const auto &series = m_histogram.organizationSeries();
        for (int s = 0; s < series.size(); ++s) // split by organization: the totals per organization
            text +=
                QLatin1Char(' ') +
                (series.at(s).isOther()
                     ? tr("Other organizations: %1.").arg(locale.toString(series.at(s).total))
                     : tr("%1: %2.").arg(series.at(s).name.isEmpty() ? series.at(s).id : series.at(s).name,
                                         locale.toString(series.at(s).total)));
        if (m_cursor >= 0 && m_cursor < buckets.size()) {
            QString at = bucketText(m_cursor);
            at.replace(u'\n', QStringLiteral("; "));
            if (m_anchor >= 0 && m_anchor != m_cursor)
                at = tr("Range of %n bucket(s), ending at %1", nullptr, std::abs(m_cursor - m_anchor) + 1)
                         .arg(at);
            text.prepend(at + QStringLiteral(". "));
        }
    }
    setAccessibleDescription(
        text + QLatin1Char(' ') +
        tr("Arrow keys move over the buckets, Shift+arrows select a range, Enter narrows the "
           "table to it, Ctrl+Shift+T shows the counts as a table."));
}

void AuditTimeline::moveCursor(int bucket, bool extend)
{
    const int n = int(m_histogram.buckets().size());
    if (n == 0)
        return;
    const int previous = m_cursor;
    m_cursor = std::clamp(bucket, 0, n - 1);
    if (!extend || m_anchor < 0)
        m_anchor = extend && previous >= 0 ? previous : m_cursor;
    // The pending range is drawn like a drag.
    m_dragStart = m_anchor;
    m_dragEnd = m_cursor;
    updateAccessibleText();
    announce(this);
    QToolTip::showText(mapToGlobal(barRect(m_cursor).topLeft()), bucketText(m_cursor), this);
    update();
}

void AuditTimeline::keyPressEvent(QKeyEvent *event)
{
    const bool extend = event->modifiers() & Qt::ShiftModifier;
    const int n = int(m_histogram.buckets().size());
    const int page = std::max(1, n / 10);
    switch (event->key()) {
    case Qt::Key_Left:
        moveCursor(m_cursor < 0 ? n - 1 : m_cursor - 1, extend);
        return;
    case Qt::Key_Right:
        moveCursor(m_cursor < 0 ? 0 : m_cursor + 1, extend);
        return;
    case Qt::Key_PageUp:
        moveCursor(m_cursor < 0 ? 0 : m_cursor - page, extend);
        return;
    case Qt::Key_PageDown:
        moveCursor(m_cursor < 0 ? 0 : m_cursor + page, extend);
        return;
    case Qt::Key_Home:
        moveCursor(0, extend);
        return;
    case Qt::Key_End:
        moveCursor(n - 1, extend);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (m_cursor >= 0 && m_cursor < n) {
            const int first = std::min(m_anchor < 0 ? m_cursor : m_anchor, m_cursor);
            const int last = std::max(m_anchor < 0 ? m_cursor : m_anchor, m_cursor);
            m_dragStart = m_dragEnd = -1;
            m_anchor = m_cursor;
            update();
            const auto [from, to] =
                first == last ? m_histogram.bucketRange(first) : m_histogram.spanRange(first, last);
            if (from < to)
                Q_EMIT rangeSelected(from, to);
            return;
        }
        break;
    case Qt::Key_Escape:
        if (m_cursor >= 0) {
            m_dragStart = m_dragEnd = m_cursor = m_anchor = -1;
            QToolTip::hideText();
            updateAccessibleText();
            update();
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void AuditTimeline::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    update();
}

void AuditTimeline::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    m_dragStart = m_dragEnd = -1;
    update();
}

} // namespace ui
