#pragma once
// A finished report as pages on any QPagedPaintDevice: a QPdfWriter for
// "Report…" and `orgscope report`, a QPrinter for Print. The body is rich
// text (headings, figures, tables) with vector charts; every page carries the
// title and organization in its header and the generation time, its time
// zone and "Page n of m" in its footer. No widgets: the builders live in
// models/ and the headless command uses them unchanged.

#include "models/reports/reportchart.h"

#include <QDateTime>
#include <QList>
#include <QPageSize>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>
#include <utility>

class QPagedPaintDevice;

namespace models {

enum class ReportPageSize { A4, Letter };
QPageSize toPageSize(ReportPageSize size);
// "a4" or "letter" (any case); nullopt for anything else.
std::optional<ReportPageSize> reportPageSizeFromName(const QString &name);
QString reportPageSizeName(ReportPageSize size);
// Letter where the locale's paper is Letter (US, Canada, …), else A4.
ReportPageSize defaultReportPageSize();

struct ReportMeta
{
    QString title;          // "Usage and cost report"
    QString organization;   // its name
    QString organizationId; // shown beside the name
    QString range;          // the period, as the reader should see it
    QDateTime generated;    // the instant; shown in `zone`
    QTimeZone zone;
};

// UTC by any of its names (Etc/UTC is what a container's local zone often is).
bool isUtc(const QTimeZone &zone);
// "2026-11-23 13:00 Europe/Berlin (UTC+01:00)"; "2026-11-23 12:00 UTC".
QString reportTimeText(const QDateTime &instant, const QTimeZone &zone, bool seconds = false);
// The zone as a reader knows it: "UTC", "Europe/Berlin (UTC+01:00)".
QString reportZoneText(const QTimeZone &zone, const QDateTime &at);

class ReportDocument
{
public:
    struct Table
    {
        QStringList headers;
        QList<QStringList> rows;
        QList<int> rightAligned; // column indexes (numbers)
        QList<int> widths;       // percent per column; empty: the layout decides
        QList<int> alertRows;    // rows shown in the alert colour (failures, over budget)
        bool compact = false;    // smaller type for long tables
    };
    struct Figure
    {
        QString label;
        QString value;
        QString detail; // under the value, muted
    };

    explicit ReportDocument(ReportMeta meta);

    const ReportMeta &meta() const { return m_meta; }

    void addHeading(const QString &text);
    void addParagraph(const QString &text);
    void addNote(const QString &text); // small and muted
    // Label / value pairs in two columns.
    void addFacts(const QList<std::pair<QString, QString>> &facts);
    // Key figures in a row of boxes.
    void addFigures(const QList<Figure> &figures);
    void addTable(const Table &table);
    // heightMm: the chart's height on the page (its width is the text width).
    void addChart(const ReportChart &chart, double heightMm = 70);

    // Paints every page on device (its page size and layout as set). False
    // when the device cannot be painted on (an unwritable file).
    bool paint(QPagedPaintDevice *device) const;
    // Writes a PDF (atomically: the file appears complete or not at all).
    bool writePdf(const QString &path, ReportPageSize size, QString *error = nullptr) const;
    // Pages the last paint() produced.
    int pageCount() const { return m_pages; }

    static QString escaped(const QString &text);

private:
    ReportMeta m_meta;
    QString m_html; // the body with {px:N} markers, resolved per device
    QList<std::pair<ReportChart, double>> m_charts;
    int m_headings = 0;
    mutable int m_pages = 0;
};

} // namespace models
