#include "models/reports/reportdocument.h"

#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextObjectInterface>

#include <cmath>
#include <memory>

namespace models {

namespace {

// Layout of every page, in millimetres.
constexpr double kMarginLeft = 18;
constexpr double kMarginRight = 18;
constexpr double kMarginTop = 22;
constexpr double kMarginBottom = 20;
constexpr double kHeaderBaseline = 12; // from the top edge
constexpr double kFooterTop = 8;       // below the body

const QColor kInk(0x1F, 0x23, 0x28);
const QColor kMuted(0x6A, 0x73, 0x7D);
const QColor kRule(0xC8, 0xCD, 0xD2);
const QString kAlert = QStringLiteral("#B42318");

QFont reportFont(double points, bool bold = false)
{
    QFont font;
    font.setFamilies({QStringLiteral("Nimbus Sans"), QStringLiteral("Helvetica"), QStringLiteral("Arial"),
                      QStringLiteral("DejaVu Sans")});
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}

// Draws the charts that the body names as <img src="chart:N">.
class ChartObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    explicit ChartObject(const QList<std::pair<ReportChart, double>> &charts) : m_charts(charts) {}

    QSizeF intrinsicSize(QTextDocument *, int, const QTextFormat &format) override
    {
        const QTextImageFormat image = format.toImageFormat();
        return {image.width(), image.height()};
    }
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int,
                    const QTextFormat &format) override
    {
        const QString name = format.toImageFormat().name();
        if (!name.startsWith(QLatin1String("chart:")))
            return;
        const int index = QStringView(name).mid(6).toInt();
        if (index >= 0 && index < m_charts.size())
            paintReportChart(painter, rect, m_charts.at(index).first);
    }

private:
    const QList<std::pair<ReportChart, double>> &m_charts;
};

const QString kStyleSheet = QStringLiteral(
    "h1 { font-size: 20pt; font-weight: bold; color: #1F2328; margin-bottom: 0px; }"
    "h2 { font-size: 12.5pt; font-weight: bold; color: #1F2328; margin-top: 14px; margin-bottom: 4px; }"
    "p { margin-top: 0px; margin-bottom: 4px; }"
    ".subtitle { font-size: 12pt; color: #434A52; }"
    ".note { font-size: 8pt; color: #6A737D; }"
    ".label { font-size: 7.5pt; color: #6A737D; }"
    ".figure { font-size: 14pt; font-weight: bold; color: #1F2328; }"
    ".detail { font-size: 7.5pt; color: #6A737D; }"
    "th { font-weight: bold; color: #434A52; text-align: left; }"
    ".compact { font-size: 7.5pt; }"
    ".alert { color: #B42318; }");

// Rich text has no "keep with next". The index (among the level-2 headings)
// of the first heading that would end a page, or whose next block starts on
// the next page; -1 when none does. The caller starts a page before it and
// lays the document out again (changing a laid-out document's block format
// leaves later blocks undrawn in Qt 6.4).
int headingLeftAlone(QTextDocument &doc, double pageHeight, double minSpace)
{
    QAbstractTextDocumentLayout *layout = doc.documentLayout();
    int index = -1;
    for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() != 2)
            continue;
        ++index;
        const QRectF r = layout->blockBoundingRect(b);
        const double pageTop = std::floor(r.top() / pageHeight) * pageHeight;
        if (r.top() - pageTop < 1.0)
            continue; // already at the top of a page
        bool alone = pageTop + pageHeight - r.bottom() < minSpace;
        if (const QTextBlock next = b.next(); next.isValid())
            alone = alone || layout->blockBoundingRect(next).top() >= pageTop + pageHeight;
        if (alone)
            return index;
    }
    return -1;
}

} // namespace

QPageSize toPageSize(ReportPageSize size)
{
    return QPageSize(size == ReportPageSize::Letter ? QPageSize::Letter : QPageSize::A4);
}

std::optional<ReportPageSize> reportPageSizeFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("a4"))
        return ReportPageSize::A4;
    if (n == QLatin1String("letter"))
        return ReportPageSize::Letter;
    return std::nullopt;
}

QString reportPageSizeName(ReportPageSize size)
{
    return size == ReportPageSize::Letter ? QStringLiteral("letter") : QStringLiteral("a4");
}

ReportPageSize defaultReportPageSize()
{
    // The countries that use Letter paper.
    switch (QLocale().territory()) {
    case QLocale::UnitedStates:
    case QLocale::Canada:
    case QLocale::Mexico:
    case QLocale::Philippines:
    case QLocale::Chile:
    case QLocale::Colombia:
    case QLocale::Venezuela:
    case QLocale::PuertoRico:
        return ReportPageSize::Letter;
    default:
        return ReportPageSize::A4;
    }
}

bool isUtc(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == QTimeZone::utc())
        return true;
    static const QList<QByteArray> names{"UTC",       "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu",
                                         "Universal", "Zulu",    "UCT",     "Etc/GMT",       "GMT"};
    return names.contains(zone.id());
}

QString reportZoneText(const QTimeZone &zone, const QDateTime &at)
{
    if (isUtc(zone))
        return QStringLiteral("UTC");
    const int offset = zone.offsetFromUtc(at);
    const QString sign = offset < 0 ? QStringLiteral("-") : QStringLiteral("+");
    const int minutes = std::abs(offset) / 60;
    return QStringLiteral("%1 (UTC%2%3:%4)")
        .arg(QString::fromUtf8(zone.id()), sign)
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString reportTimeText(const QDateTime &instant, const QTimeZone &zone, bool seconds)
{
    const QTimeZone z = zone.isValid() ? zone : QTimeZone::utc();
    const QDateTime local = instant.toTimeZone(z);
    const QString time =
        local.toString(seconds ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("yyyy-MM-dd HH:mm"));
    if (isUtc(z))
        return time + QStringLiteral(" UTC");
    return time + QLatin1Char(' ') + reportZoneText(z, instant);
}

ReportDocument::ReportDocument(ReportMeta meta) : m_meta(std::move(meta))
{
    // The title block opens the first page; the running header takes over after it.
    m_html += QStringLiteral("<h1>%1</h1>").arg(escaped(m_meta.title));
    QString subtitle = escaped(m_meta.organization);
    if (!m_meta.organizationId.isEmpty())
        subtitle += QStringLiteral(" <span style=\"color:#6A737D; font-size:9pt\">%1</span>")
                        .arg(escaped(m_meta.organizationId));
    m_html += QStringLiteral("<p class=\"subtitle\">%1</p>").arg(subtitle);
    if (!m_meta.range.isEmpty())
        m_html += QStringLiteral("<p class=\"subtitle\">%1</p>").arg(escaped(m_meta.range));
    m_html +=
        QStringLiteral("<p class=\"note\">%1</p>")
            .arg(escaped(QStringLiteral("Generated %1").arg(reportTimeText(m_meta.generated, m_meta.zone))));
}

QString ReportDocument::escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

void ReportDocument::addHeading(const QString &text)
{
    m_html += QStringLiteral("<h2{h2:%1}>%2</h2>").arg(m_headings++).arg(escaped(text));
}

void ReportDocument::addParagraph(const QString &text)
{
    m_html += QStringLiteral("<p>%1</p>").arg(escaped(text));
}

void ReportDocument::addNote(const QString &text)
{
    m_html += QStringLiteral("<p class=\"note\">%1</p>").arg(escaped(text));
}

void ReportDocument::addFacts(const QList<std::pair<QString, QString>> &facts)
{
    m_html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"{px:2}\" style=\"margin-top:{px:6}px; "
                             "margin-bottom:{px:6}px\">");
    for (const auto &[label, value] : facts)
        m_html += QStringLiteral("<tr><td style=\"color:#6A737D; padding-right:{px:14}px\">%1</td>"
                                 "<td>%2</td></tr>")
                      .arg(escaped(label), escaped(value));
    m_html += QStringLiteral("</table>");
}

void ReportDocument::addFigures(const QList<Figure> &figures)
{
    if (figures.isEmpty())
        return;
    m_html += QStringLiteral("<table width=\"100%\" cellspacing=\"{px:6}\" cellpadding=\"{px:7}\" "
                             "style=\"margin-top:{px:4}px; margin-bottom:{px:4}px\"><tr>");
    const int width = 100 / int(figures.size());
    for (const Figure &f : figures) {
        m_html += QStringLiteral("<td width=\"%1%\" bgcolor=\"#F3F5F7\"><span class=\"label\">%2</span><br>"
                                 "<span class=\"figure\">%3</span>")
                      .arg(width)
                      .arg(escaped(f.label), escaped(f.value));
        if (!f.detail.isEmpty())
            m_html += QStringLiteral("<br><span class=\"detail\">%1</span>").arg(escaped(f.detail));
        m_html += QStringLiteral("</td>");
    }
    m_html += QStringLiteral("</tr></table>");
}

void ReportDocument::addTable(const Table &table)
{
    const QString cls = table.compact ? QStringLiteral(" class=\"compact\"") : QString();
    m_html +=
        QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"{px:3}\"%1 "
                       "style=\"border-collapse: collapse; margin-top:{px:4}px; margin-bottom:{px:8}px\">")
            .arg(cls);
    const auto align = [&](int column) {
        return table.rightAligned.contains(column) ? QStringLiteral(" align=\"right\"") : QString();
    };
    const auto width = [&](int column) {
        return column < table.widths.size() ? QStringLiteral(" width=\"%1%\"").arg(table.widths.at(column))
                                            : QString();
    };
    m_html += QStringLiteral("<thead><tr>");
    for (int c = 0; c < table.headers.size(); ++c)
        m_html += QStringLiteral("<th%1%2 style=\"border-bottom: {px:1}px solid #8C959F\">%3</th>")
                      .arg(align(c), width(c), escaped(table.headers.at(c)));
    m_html += QStringLiteral("</tr></thead>");
    for (int r = 0; r < table.rows.size(); ++r) {
        const bool alert = table.alertRows.contains(r);
        m_html += r % 2 ? QStringLiteral("<tr bgcolor=\"#F6F8FA\">") : QStringLiteral("<tr>");
        const QStringList &row = table.rows.at(r);
        for (int c = 0; c < row.size(); ++c) {
            QString cell = escaped(row.at(c));
            if (table.rightAligned.contains(c)) // "1,234.50 USD" stays on one line
                cell.replace(QLatin1Char(' '), QChar(0x00A0));
            if (alert)
                cell = QStringLiteral("<span style=\"color:%1\">%2</span>").arg(kAlert, cell);
            m_html += QStringLiteral("<td%1%2>%3</td>").arg(align(c), width(c), cell);
        }
        m_html += QStringLiteral("</tr>");
    }
    m_html += QStringLiteral("</table>");
}

void ReportDocument::addChart(const ReportChart &chart, double heightMm)
{
    m_html += QStringLiteral("<p style=\"margin-top:{px:4}px; margin-bottom:{px:8}px\">"
                             "<img src=\"chart:%1\" width=\"{textwidth}\" height=\"{mm:%2}\"></p>")
                  .arg(m_charts.size())
                  .arg(heightMm);
    m_charts.append({chart, heightMm});
}

bool ReportDocument::paint(QPagedPaintDevice *device) const
{
    QPainter painter;
    if (!device || !painter.begin(device))
        return false;
    const double dpi = device->logicalDpiY();
    const double mm = dpi / 25.4;
    const QRectF page(0, 0, device->width(), device->height());
    const QRectF body =
        page.adjusted(kMarginLeft * mm, kMarginTop * mm, -kMarginRight * mm, -kMarginBottom * mm);

    // Sizes in the body are CSS pixels (1/96 in) and millimetres, in device units here.
    QString html = m_html;
    html.replace(QStringLiteral("{textwidth}"), QString::number(int(body.width())));
    static const QRegularExpression unit(QStringLiteral("\\{(px|mm):([0-9.]+)\\}"));
    QString resolved;
    qsizetype last = 0;
    for (auto it = unit.globalMatch(html); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const double n = m.captured(2).toDouble();
        // Rich text scales CSS pixels to the device itself; millimetres are for the charts.
        const double value = m.captured(1) == QLatin1String("px") ? n : n * mm;
        resolved += QStringView(html).mid(last, m.capturedStart() - last);
        resolved += QString::number(std::max(1, int(std::lround(value))));
        last = m.capturedEnd();
    }
    resolved += QStringView(html).mid(last);

    ChartObject charts(m_charts);
    QList<int> breaks; // headings that start a page
    std::unique_ptr<QTextDocument> doc;
    for (int pass = 0; pass <= m_headings; ++pass) {
        QString text = resolved;
        static const QRegularExpression heading(QStringLiteral("\\{h2:([0-9]+)\\}"));
        for (auto it = heading.globalMatch(resolved); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            text.replace(m.captured(0),
                         breaks.contains(m.captured(1).toInt())
                             ? QStringLiteral(" style=\"page-break-before: always; margin-top: 0px\"")
                             : QString());
        }
        doc = std::make_unique<QTextDocument>();
        doc->documentLayout()->setPaintDevice(device);
        doc->documentLayout()->registerHandler(QTextFormat::ImageObject, &charts);
        doc->setDefaultFont(reportFont(9.5));
        doc->setDefaultStyleSheet(kStyleSheet);
        doc->setDocumentMargin(0);
        doc->setPageSize(body.size());
        doc->setHtml(text);
        const int alone = headingLeftAlone(*doc, body.height(), 28 * mm);
        if (alone < 0 || breaks.contains(alone))
            break;
        breaks.append(alone);
    }
    m_pages = doc->pageCount();

    QAbstractTextDocumentLayout::PaintContext context;
    context.palette.setColor(QPalette::Text, kInk);
    for (int i = 0; i < m_pages; ++i) {
        if (i > 0 && !device->newPage()) {
            painter.end();
            return false;
        }
        painter.save();
        painter.translate(body.left(), body.top() - i * body.height());
        context.clip = QRectF(0, i * body.height(), body.width(), body.height());
        painter.setClipRect(context.clip);
        doc->documentLayout()->draw(&painter, context);
        painter.restore();

        // Running header (not on the first page: the title block is there).
        const QFont small = reportFont(8);
        painter.setFont(small);
        const QFontMetricsF fm(small, device);
        if (i > 0) {
            const QRectF header(body.left(), kHeaderBaseline * mm - fm.ascent(), body.width(), fm.height());
            painter.setPen(kInk);
            painter.setFont(reportFont(8, true));
            painter.drawText(header, Qt::AlignLeft | Qt::AlignBottom, m_meta.title);
            painter.setFont(small);
            painter.setPen(kMuted);
            painter.drawText(header, Qt::AlignRight | Qt::AlignBottom,
                             fm.elidedText(m_meta.organization, Qt::ElideMiddle, body.width() / 2));
            painter.setPen(QPen(kRule, 0.25 * mm));
            const double y = kHeaderBaseline * mm + fm.descent() + 1.5 * mm;
            painter.drawLine(QPointF(body.left(), y), QPointF(body.right(), y));
        }
        // Footer: when it was made (and in which zone), and where the reader is.
        const double y = body.bottom() + kFooterTop * mm;
        painter.setPen(QPen(kRule, 0.25 * mm));
        painter.drawLine(QPointF(body.left(), y - 2.5 * mm), QPointF(body.right(), y - 2.5 * mm));
        painter.setPen(kMuted);
        const QRectF footer(body.left(), y, body.width(), fm.height());
        const QString pageText = QStringLiteral("Page %1 of %2").arg(i + 1).arg(m_pages);
        const QString left =
            QStringLiteral("%1 · %2 · generated %3")
                .arg(m_meta.title, m_meta.organization, reportTimeText(m_meta.generated, m_meta.zone));
        painter.drawText(
            footer, Qt::AlignLeft | Qt::AlignTop,
            fm.elidedText(left, Qt::ElideRight, body.width() - fm.horizontalAdvance(pageText) - 8 * mm));
        painter.drawText(footer, Qt::AlignRight | Qt::AlignTop, pageText);
    }
    painter.end();
    return true;
}

bool ReportDocument::writePdf(const QString &path, ReportPageSize size, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setPageSize(toPageSize(size));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(QStringLiteral("%1 — %2").arg(m_meta.title, m_meta.organization));
        writer.setCreator(QStringLiteral("Orgscope"));
        if (!paint(&writer)) {
            file.cancelWriting();
            if (error)
                *error = QStringLiteral("the PDF could not be drawn");
            return false;
        }
    }
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace models

#include "reportdocument.moc"
