#include "ui/usage/usagechart.h"

#include "models/usage/usageaggregate.h"

#include <QAbstractAxis>
#include <QCoreApplication>
#include <cmath>

#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QEvent>
#include <QFileInfo>
#include <QImage>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QSvgGenerator>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

namespace ui {

UsageChart::UsageChart(QWidget *parent) : QWidget(parent), m_chart(new QChart)
{
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    // The view owns the chart. Built with it: QChartView(QWidget *) makes a
    // default chart of its own, which setChart() would orphan (a leak).
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    // The widget takes the focus (and draws it in the margin); the view does not.
    m_view->setFocusPolicy(Qt::NoFocus);
    setFocusPolicy(Qt::StrongFocus);
    addShowAsTable(this, [this] { return table(); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(3, 3, 3, 3);
    layout->addWidget(m_view, 1);
    // Qt Charts' own legend elides ("Workers Stand…"); this one wraps.
    m_chart->legend()->setVisible(false);
    m_legend = new QLabel(this);
    m_legend->setObjectName(QStringLiteral("usageChartLegend"));
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setContentsMargins(6, 0, 6, 2);
    m_legend->hide();
    layout->addWidget(m_legend);
    applyPalette();
}

QStringList UsageChart::shortLabels(const QStringList &labels, QString *shared)
{
    if (shared)
        shared->clear();
    const QString other = QCoreApplication::translate("models::Usage", "Other");
    QList<QStringList> words;
    for (const QString &label : labels)
        if (label != other)
            words.append(label.split(QLatin1Char(' '), Qt::SkipEmptyParts));
    if (words.size() < 2)
        return labels;
    qsizetype common = words.constFirst().size();
    for (const QStringList &w : std::as_const(words)) {
        qsizetype i = 0;
        while (i < common && i < w.size() && w[i] == words.constFirst()[i])
            ++i;
        common = i;
    }
    // Leave every label at least one word.
    for (const QStringList &w : std::as_const(words))
        common = std::min(common, w.size() - 1);
    if (common <= 0)
        return labels;
    QStringList out;
    for (const QString &label : labels) {
        if (label == other) {
            out.append(label);
            continue;
        }
        QStringList w = label.split(QLatin1Char(' '), Qt::SkipEmptyParts).mid(common);
        // A two-level label cut after its first level loses the separator too.
        if (!w.isEmpty() && w.constFirst() == QStringLiteral("\u203A"))
            w.removeFirst();
        out.append(w.join(QLatin1Char(' ')));
    }
    if (shared) {
        QStringList w = words.constFirst().mid(0, common);
        if (!w.isEmpty() && w.constLast() == QStringLiteral("\u203A"))
            w.removeLast();
        *shared = w.join(QLatin1Char(' '));
    }
    return out;
}

void UsageChart::setLegend(const QList<LegendEntry> &entries, const QString &caption, const QString &note)
{
    m_entries = entries;
    m_legendCaption = entries.isEmpty() ? QString() : caption;
    m_legendNote = note;
    renderLegend();
}

void UsageChart::renderLegend()
{
    m_legendEntries.clear();
    const QString &note = m_legendNote;
    QStringList html;
    QStringList tips;
    const int current = hasFocus() ? m_cursor : -1;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        const LegendEntry &e = m_entries.at(i);
        m_legendEntries.append(e.label);
        const QString color = QStringLiteral("rgba(%1,%2,%3,%4)")
                                  .arg(e.color.red())
                                  .arg(e.color.green())
                                  .arg(e.color.blue())
                                  .arg(e.color.alpha());
        // The keyboard's group is underlined and bold in the legend.
        const QString label =
            i == current ? QStringLiteral("<b><u>") + e.label.toHtmlEscaped() + QStringLiteral("</u></b>")
                         : e.label.toHtmlEscaped();
        html.append(QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2").arg(color, label));
        tips.append(e.fullLabel.isEmpty() ? e.label : e.fullLabel);
    }
    QString text;
    if (!m_legendCaption.isEmpty())
        text = QStringLiteral("<b>") + m_legendCaption.toHtmlEscaped() + QStringLiteral(":</b>&ensp;");
    text += html.join(QStringLiteral("&emsp; "));
    if (!note.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral("<br>")) + QStringLiteral("<i>") +
                note.toHtmlEscaped() + QStringLiteral("</i>");
    m_legend->setText(text);
    m_legend->setToolTip(tips.join(QLatin1Char('\n')));
    m_legend->setVisible(!text.isEmpty());
}

void UsageChart::activateGroup(int group)
{
    if (group >= 0)
        Q_EMIT groupActivated(group);
}

void UsageChart::scheduleRebuild()
{
    // Coalesce the model's reset bursts into one rebuild.
    if (m_rebuildPending)
        return;
    m_rebuildPending = true;
    QTimer::singleShot(0, this, [this] {
        m_rebuildPending = false;
        applyPalette();
        rebuild();
        applyPalette(); // text colours of the new axes
        const models::UsageAggregate *a = shownAggregate();
        if (!a || m_cursor >= a->groupCount())
            m_cursor = -1;
        updateAccessibleText();
    });
}

QColor UsageChart::seriesColor(int index, bool isOther) const
{
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    if (isOther)
        return dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0xa0, 0xa0, 0xa0);
    // Qualitative palette readable on both light and dark backgrounds.
    static constexpr QRgb colors[] = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xe15759, 0x76b7b2,
                                      0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0x86bcb6};
    QColor c = QColor::fromRgb(colors[index % 10]);
    return dark ? c.lighter(115) : c;
}

bool UsageChart::applyPalette()
{
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    const bool changed = m_chart->theme() != theme;
    if (changed)
        m_chart->setTheme(theme); // resets series colours, so only when it changes
    // Blend with the page instead of the theme's own background.
    m_chart->setBackgroundBrush(pal.brush(QPalette::Base));
    m_chart->setBackgroundRoundness(0);
    const QColor text = pal.color(QPalette::Text);
    m_chart->legend()->setLabelColor(text);
    m_chart->setTitleBrush(text);
    const auto axes = m_chart->axes();
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        QColor grid = text;
        grid.setAlpha(40);
        axis->setGridLineColor(grid);
    }
    return changed;
}

QString UsageChart::valueToolTip(const models::UsageAggregate &a, int group, int bucket)
{
    if (group < 0 || group >= a.groupCount() || bucket < 0 || bucket >= a.bucketCount())
        return {};
    const double v = a.value(group, bucket);
    const bool whole = std::abs(v - std::round(v)) < 1e-9 && !models::usageMeasureIsCost(a.measure());
    QString text = a.group(group).label + QStringLiteral("\n") + periodText(a, bucket) +
                   QStringLiteral(": ") + QLocale().toString(v, 'f', whole ? 0 : 2);
    if (!a.group(group).unit.isEmpty())
        text += QStringLiteral(" ") + a.group(group).unit;
    return text;
}

QString UsageChart::valueAxisTitle() const
{
    const auto axes = m_chart->axes(Qt::Vertical);
    return axes.isEmpty() ? QString() : axes.constFirst()->titleText();
}

QString UsageChart::periodText(const models::UsageAggregate &a, int bucket)
{
    if (bucket < 0 || bucket >= a.bucketCount())
        return {};
    QString text = a.bucketLabel(bucket);
    const auto g = a.granularity();
    if (g == models::UsageGranularity::Week || g == models::UsageGranularity::Month)
        text += QStringLiteral(", ") + shortBucketLabel(a.bucketStart(bucket), a.bucketLast(bucket), 1);
    if (a.bucketPartial(bucket))
        text += QLatin1Char(' ') +
                tr("(partial: %1 of %2 days)").arg(a.bucketDays(bucket)).arg(a.bucketPeriodDays(bucket));
    return text;
}

QColor UsageChart::faint(QColor color)
{
    color.setAlpha(90);
    return color;
}

QString UsageChart::partialNote(const models::UsageAggregate &a, const QString &how)
{
    QStringList parts;
    for (int b = 0; b < a.bucketCount(); ++b)
        if (a.bucketPartial(b))
            parts << tr("%1 has %2 of %3 days")
                         .arg(shortBucketLabel(a.bucketStart(b), a.bucketLast(b), 1))
                         .arg(a.bucketDays(b))
                         .arg(a.bucketPeriodDays(b));
    if (parts.isEmpty())
        return {};
    return tr("%1: partial periods, not drops (%2).").arg(how, parts.join(QStringLiteral("; ")));
}

void UsageChart::setGroupLegend(const models::UsageAggregate &a, const QString &note)
{
    QStringList labels;
    for (int g = 0; g < a.groupCount(); ++g)
        labels << a.group(g).label;
    QString shared;
    const QStringList shortened = shortLabels(labels, &shared);
    QList<LegendEntry> entries;
    if (a.groupCount() > 1)
        for (int g = 0; g < a.groupCount(); ++g)
            entries.append({seriesColor(g, a.group(g).isOther), shortened.at(g), labels.at(g)});
    setLegend(entries, shared, note);
}

void UsageChart::clearChart()
{
    m_chart->removeAllSeries();
    const auto oldAxes = m_chart->axes();
    for (QAbstractAxis *axis : oldAxes) {
        m_chart->removeAxis(axis);
        delete axis;
    }
}

double UsageChart::axisScale(double largest)
{
    double scale = 1;
    while (largest / scale >= 10000 && scale < 1e12)
        scale *= 1000;
    return scale;
}

QString UsageChart::scaleName(double scale)
{
    if (scale >= 1e12)
        return tr("trillions");
    if (scale >= 1e9)
        return tr("billions");
    if (scale >= 1e6)
        return tr("millions");
    if (scale >= 1e3)
        return tr("thousands");
    return {};
}

QString UsageChart::shortBucketLabel(QDate start, QDate last, int granularity)
{
    const QLocale locale;
    switch (granularity) {
    case 1: // week: its days, as the line chart's dates read
        if (last == start)
            return locale.toString(start, QStringLiteral("MMM d"));
        if (last.month() == start.month())
            return locale.toString(start, QStringLiteral("MMM d")) + QStringLiteral("–") +
                   QString::number(last.day());
        return locale.toString(start, QStringLiteral("MMM d")) + QStringLiteral("–") +
               locale.toString(last, QStringLiteral("MMM d"));
    case 2: // month
        return locale.toString(start, QStringLiteral("MMM yyyy"));
    default:
        return locale.toString(start, QStringLiteral("MMM d"));
    }
}

void UsageChart::showToolTip(const QString &text)
{
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(QCursor::pos(), text, this);
}

void UsageChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) && applyPalette())
        scheduleRebuild();
}

bool UsageChart::exportImage(const QString &path, const QString &title) const
{
    const QSize size = m_view->size().isValid() && m_view->width() > 100 ? m_view->size() : QSize(1200, 700);
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(title);
        QPainter painter;
        if (!painter.begin(&generator))
            return false;
        m_view->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), m_view->rect());
        painter.end();
        return QFileInfo(path).size() > 0;
    }
    // Twice the on-screen resolution so the picture stays sharp in documents.
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    m_view->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), m_view->rect());
    painter.end();
    return image.save(path);
}

ChartTable UsageChart::table() const
{
    ChartTable t;
    t.title = accessibleName();
    const models::UsageAggregate *a = shownAggregate();
    if (!a)
        return t;
    const QLocale locale;
    const auto number = [&](double v) { return locale.toString(v, 'f', 2); };
    const QString unit =
        a->unit().isEmpty() ? QString() : QStringLiteral(" (") + a->unit() + QLatin1Char(')');
    t.columns << tr("Group");
    if (drawsPeriods())
        for (int b = 0; b < a->bucketCount(); ++b)
            t.columns << a->bucketLabel(b);
    t.columns << tr("Total") + unit;
    if (!drawsPeriods())
        t.columns << tr("Share (%)");
    const double grand = a->grandTotal();
    for (int g = 0; g < a->groupCount(); ++g) {
        t.rows << a->group(g).label;
        QStringList cells;
        if (drawsPeriods())
            for (int b = 0; b < a->bucketCount(); ++b)
                cells << number(a->value(g, b));
        cells << number(a->rowTotal(g));
        if (!drawsPeriods())
            cells << (grand > 0 ? locale.toString(a->rowTotal(g) * 100 / grand, 'f', 1) : QString());
        t.cells << cells;
    }
    return t;
}

void UsageChart::updateAccessibleText()
{
    const models::UsageAggregate *a = shownAggregate();
    QString text;
    if (!a || a->groupCount() == 0) {
        text = tr("Nothing to show.");
    } else {
        const QLocale locale;
        int largest = 0;
        for (int g = 1; g < a->groupCount(); ++g)
            if (a->rowTotal(g) > a->rowTotal(largest))
                largest = g;
        text = tr("%n group(s)", nullptr, a->groupCount());
        if (drawsPeriods() && a->bucketCount() > 0)
            text += QLatin1Char(' ') + tr("over %n period(s), %1 to %2", nullptr, a->bucketCount())
                                           .arg(a->bucketLabel(0), a->bucketLabel(a->bucketCount() - 1));
        text += QStringLiteral(". ") + tr("Total %1 %2; largest: %3, %4.")
                                           .arg(locale.toString(a->grandTotal(), 'f', 2), a->unit(),
                                                a->group(largest).label,
                                                locale.toString(a->rowTotal(largest), 'f', 2));
        if (m_cursor >= 0)
            text.prepend(tr("Selected: %1, %2.")
                             .arg(a->group(m_cursor).label, locale.toString(a->rowTotal(m_cursor), 'f', 2)) +
                         QLatin1Char(' '));
    }
    setAccessibleDescription(text + QLatin1Char(' ') +
                             tr("Arrow keys choose a group, Enter drills into it, Ctrl+Shift+T shows the "
                                "numbers as a table."));
}

void UsageChart::moveCursor(int group)
{
    const models::UsageAggregate *a = shownAggregate();
    if (!a || a->groupCount() == 0)
        return;
    m_cursor = std::clamp(group, 0, a->groupCount() - 1);
    renderLegend();
    updateAccessibleText();
    announce(this);
    const QString total = QLocale().toString(a->rowTotal(m_cursor), 'f', 2) + QLatin1Char(' ') + a->unit();
    QToolTip::showText(mapToGlobal(QPoint(width() / 3, height() / 3)),
                       a->group(m_cursor).label + QStringLiteral("\n") + total.trimmed(), this);
}

void UsageChart::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Up:
        moveCursor(m_cursor < 0 ? 0 : m_cursor - 1);
        return;
    case Qt::Key_Right:
    case Qt::Key_Down:
        moveCursor(m_cursor + 1);
        return;
    case Qt::Key_Home:
        moveCursor(0);
        return;
    case Qt::Key_End:
        moveCursor(shownAggregate() ? shownAggregate()->groupCount() - 1 : 0);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_cursor >= 0) {
            const int group = m_cursor;
            m_cursor = -1;
            activateGroup(group);
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void UsageChart::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    renderLegend();
    update();
}

void UsageChart::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    renderLegend();
    update();
}

void UsageChart::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    FocusFrame::paint(this);
}

} // namespace ui
