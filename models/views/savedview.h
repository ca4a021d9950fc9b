#pragma once
// A saved view: an Audit log query or a Usage view under a name, as plain
// values (no widget, no controller), so the GUI, `orgscope export --view`
// and Watch read the same thing. The JSON file format
// ({"format":"orgscope-views","version":1,"views":[…]}, docs/VIEWS.md) is
// read leniently: a newer version or unknown keys are read as far as
// possible and every ignored part is reported.

#include "models/audit/auditenums.h"
#include "models/audit/auditfilterspec.h"
#include "models/audit/auditquerydraft.h"
#include "models/usage/usagequery.h"
#include "models/usage/usagetypes.h"

#include "api/auditquery.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

class QJsonObject;

namespace models {

// The Audit log's query: the server part (range and filter rows), the local
// filters (search, column values, timeline selection), the columns shown and the sort.
struct SavedAuditQuery
{
    using Preset = AuditQueryDraft::Preset;
    struct Filter
    {
        QString key; // wire key, api::AuditQuery::fields()
        QStringList values;
        bool exclude = false;
        friend bool operator==(const Filter &, const Filter &) = default;
    };
    struct ColumnValues
    {
        AuditColumn column = AuditColumn::Actor;
        QStringList include; // sorted
        QStringList exclude; // sorted
        friend bool operator==(const ColumnValues &, const ColumnValues &) = default;
    };

    Preset preset = Preset::Last30Days;
    qint64 fromMs = 0; // Custom: [fromMs, toMs)
    qint64 toMs = 0;
    QList<Filter> filters;

    QString search;
    QList<ColumnValues> columnValues;
    qint64 selectionFromMs = 0; // timeline selection [from, to); from >= to: none
    qint64 selectionToMs = 0;

    QList<AuditColumn> columns;              // shown, in order; empty: the page's default
    int sortColumn = int(AuditColumn::Time); // -1: arrival order
    Qt::SortOrder sortOrder = Qt::DescendingOrder;

    friend bool operator==(const SavedAuditQuery &, const SavedAuditQuery &) = default;

    // The query bar's draft (rows not pending) and back.
    AuditQueryDraft draft() const;
    static SavedAuditQuery fromDraft(const AuditQueryDraft &draft);
    // What a Run at nowMs sends: the same as draft().query(nowMs).
    api::AuditQuery query(qint64 nowMs) const { return draft().query(nowMs); }
    // The local filter and sort as the audit table takes them.
    AuditFilterSpec localFilter() const;
    void setLocalFilter(const AuditFilterSpec &spec);
    AuditSortSpec sort() const { return {sortColumn, sortOrder}; }
    bool hasLocalFilters() const
    {
        return !search.trimmed().isEmpty() || !columnValues.isEmpty() || selectionFromMs < selectionToMs;
    }
};

// The Usage page's presets; the same order as the page's range combo.
enum class UsageRangePreset { ThisMonth, LastMonth, Last30Days, Last90Days, Last12Months, Custom };
// The days a preset covers, counted from `today` (UTC): presets end with the
// last complete day (usage for today is reported later).
UsageDayRange usagePresetRange(UsageRangePreset preset, QDate today);

struct SavedUsageView
{
    UsageRangePreset rangePreset = UsageRangePreset::Last30Days;
    QDate from; // Custom
    QDate to;
    UsageMeasure measure = UsageMeasure::ConsumedQuantity;
    std::optional<UsageMeasure> compare; // "billed vs estimated"
    QString unit;                        // quantity mode; empty: the most frequent
    QList<UsageDimension> groupBy;
    UsageGranularity granularity = UsageGranularity::Day;
    int topN = 0;
    bool includeCorrections = true;
    QList<UsageFilter> filters;                     // the drill-down level shown
    QString chart = QStringLiteral("stacked_bars"); // stacked_bars | lines | donut

    friend bool operator==(const SavedUsageView &a, const SavedUsageView &b)
    {
        auto labels = [](const QList<UsageFilter> &f) {
            QStringList out;
            for (const UsageFilter &x : f)
                out << x.label;
            return out;
        };
        return a.rangePreset == b.rangePreset && a.from == b.from && a.to == b.to && a.measure == b.measure &&
               a.compare == b.compare && a.unit == b.unit && a.groupBy == b.groupBy &&
               a.granularity == b.granularity && a.topN == b.topN &&
               a.includeCorrections == b.includeCorrections && a.filters == b.filters &&
               labels(a.filters) == labels(b.filters) && a.chart == b.chart;
    }

    // The days of the range on `today` (UTC).
    UsageDayRange range(QDate today) const;
};

struct SavedView
{
    enum class Kind { Audit, Usage };

    QString id; // stable across rename; kept by export and import
    QString name;
    Kind kind = Kind::Audit;
    // Where it applies: the organization it was saved in, or every
    // organization of the connection profile.
    QString organizationId;
    bool allOrganizations = false;

    SavedAuditQuery audit; // Kind::Audit
    SavedUsageView usage;  // Kind::Usage

    friend bool operator==(const SavedView &, const SavedView &) = default;

    bool appliesTo(const QString &orgId) const
    {
        return allOrganizations || organizationId.isEmpty() || organizationId == orgId;
    }
    static QString kindToken(Kind kind); // "audit" | "usage"
    static std::optional<Kind> kindFromToken(const QString &token);
};

// The versioned JSON file of saved views (docs/VIEWS.md).
struct SavedViewFile
{
    static constexpr int kVersion = 1;
    static QString formatName() { return QStringLiteral("orgscope-views"); }

    struct ReadResult
    {
        QList<SavedView> views;
        // What was not understood and therefore left out, one line each
        // ("views[0].audit.foo: unknown key"); empty when everything was read.
        QStringList ignored;
        int version = 0;
        QString error; // not a views file at all; views is empty then
        bool ok() const { return error.isEmpty(); }
    };

    // Indented for a file people share; compact where the settings keep it.
    static QByteArray write(const QList<SavedView> &views, bool indented = true);
    static ReadResult read(const QByteArray &json);

    static QJsonObject viewToJson(const SavedView &view);
    // path: where the object sits, for the ignored lines ("views[3]").
    static std::optional<SavedView> viewFromJson(const QJsonObject &object, const QString &path,
                                                 QStringList *ignored);
};

// Stable tokens of the enumerations in the file format.
QString auditPresetToken(AuditQueryDraft::Preset preset);
std::optional<AuditQueryDraft::Preset> auditPresetFromToken(const QString &token);
QString auditColumnToken(AuditColumn column);
std::optional<AuditColumn> auditColumnFromToken(const QString &token);
QString usageRangePresetToken(UsageRangePreset preset);
std::optional<UsageRangePreset> usageRangePresetFromToken(const QString &token);
QString usageMeasureToken(UsageMeasure measure);
std::optional<UsageMeasure> usageMeasureFromToken(const QString &token);
QString usageGranularityToken(UsageGranularity granularity);
std::optional<UsageGranularity> usageGranularityFromToken(const QString &token);
std::optional<UsageDimension> usageDimensionFromToken(const QString &token);

} // namespace models
