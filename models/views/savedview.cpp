#include "models/views/savedview.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <array>

namespace models {

namespace {

template <typename E, std::size_t N> struct TokenTable
{
    std::array<std::pair<E, const char *>, N> entries;
    QString token(E value) const
    {
        for (const auto &[e, t] : entries)
            if (e == value)
                return QString::fromLatin1(t);
        return {};
    }
    std::optional<E> value(const QString &token) const
    {
        for (const auto &[e, t] : entries)
            if (token == QLatin1String(t))
                return e;
        return std::nullopt;
    }
};

using Preset = AuditQueryDraft::Preset;
constexpr TokenTable<Preset, 7> kPresets{{{{Preset::LastHour, "last_hour"},
                                           {Preset::Last24Hours, "last_24_hours"},
                                           {Preset::Last7Days, "last_7_days"},
                                           {Preset::Last30Days, "last_30_days"},
                                           {Preset::Last90Days, "last_90_days"},
                                           {Preset::Last18Months, "last_18_months"},
                                           {Preset::Custom, "custom"}}}};
constexpr TokenTable<AuditColumn, 13> kColumns{{{{AuditColumn::Time, "time"},
                                                 {AuditColumn::Actor, "actor"},
                                                 {AuditColumn::Context, "context"},
                                                 {AuditColumn::ActionType, "action_type"},
                                                 {AuditColumn::Result, "result"},
                                                 {AuditColumn::ResourceType, "resource_type"},
                                                 {AuditColumn::ResourceId, "resource_id"},
                                                 {AuditColumn::Product, "product"},
                                                 {AuditColumn::Ip, "ip"},
                                                 {AuditColumn::Method, "method"},
                                                 {AuditColumn::Status, "status"},
                                                 {AuditColumn::Description, "description"},
                                                 {AuditColumn::Organization, "organization"}}}};
constexpr TokenTable<UsageRangePreset, 6> kUsagePresets{{{{UsageRangePreset::ThisMonth, "this_month"},
                                                          {UsageRangePreset::LastMonth, "last_month"},
                                                          {UsageRangePreset::Last30Days, "last_30_days"},
                                                          {UsageRangePreset::Last90Days, "last_90_days"},
                                                          {UsageRangePreset::Last12Months, "last_12_months"},
                                                          {UsageRangePreset::Custom, "custom"}}}};
constexpr TokenTable<UsageMeasure, 6> kMeasures{{{{UsageMeasure::ConsumedQuantity, "consumed_quantity"},
                                                  {UsageMeasure::BilledCost, "billed_cost"},
                                                  {UsageMeasure::EffectiveCost, "effective_cost"},
                                                  {UsageMeasure::ListCost, "list_cost"},
                                                  {UsageMeasure::ContractedCost, "contracted_cost"},
                                                  {UsageMeasure::EstimatedCost, "estimated_cost"}}}};
constexpr TokenTable<UsageGranularity, 4> kGranularities{{{{UsageGranularity::Day, "day"},
                                                           {UsageGranularity::Week, "week"},
                                                           {UsageGranularity::Month, "month"},
                                                           {UsageGranularity::Cumulative, "cumulative"}}}};

const QStringList &chartTokens()
{
    static const QStringList tokens{QStringLiteral("stacked_bars"), QStringLiteral("lines"),
                                    QStringLiteral("donut")};
    return tokens;
}

QString rfc3339(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

std::optional<qint64> parseTime(const QJsonValue &v)
{
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    return t.toMSecsSinceEpoch();
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

// Reads the known keys of one object and reports the rest (and values of the
// wrong type) as ignored, each with its path.
class Fields
{
public:
    Fields(const QJsonObject &object, QString path, QStringList *ignored)
        : m_object(object), m_path(std::move(path)), m_ignored(ignored)
    {}
    ~Fields()
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it)
            if (!m_known.contains(it.key()))
                ignore(it.key(), QStringLiteral("unknown key"));
    }
    Fields(const Fields &) = delete;
    Fields &operator=(const Fields &) = delete;

    bool has(const QString &key)
    {
        m_known.insert(key);
        return m_object.contains(key);
    }
    QJsonValue value(const QString &key)
    {
        m_known.insert(key);
        return m_object.value(key);
    }
    std::optional<QString> string(const QString &key)
    {
        const QJsonValue v = value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isString()) {
            ignore(key, QStringLiteral("not a string"));
            return std::nullopt;
        }
        return v.toString();
    }
    std::optional<bool> boolean(const QString &key)
    {
        const QJsonValue v = value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isBool()) {
            ignore(key, QStringLiteral("not true or false"));
            return std::nullopt;
        }
        return v.toBool();
    }
    QJsonObject object(const QString &key)
    {
        const QJsonValue v = value(key);
        if (!v.isUndefined() && !v.isNull() && !v.isObject())
            ignore(key, QStringLiteral("not an object"));
        return v.toObject();
    }
    QJsonArray array(const QString &key)
    {
        const QJsonValue v = value(key);
        if (!v.isUndefined() && !v.isNull() && !v.isArray())
            ignore(key, QStringLiteral("not a list"));
        return v.toArray();
    }
    QStringList stringList(const QString &key)
    {
        QStringList out;
        const QJsonArray a = array(key);
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (a.at(i).isString())
                out << a.at(i).toString();
            else
                ignore(QStringLiteral("%1[%2]").arg(key).arg(i), QStringLiteral("not a string"));
        }
        return out;
    }
    // A token of a table; an unknown one is reported and leaves the default.
    template <typename E, std::size_t N> std::optional<E> token(const QString &key, const TokenTable<E, N> &t)
    {
        const std::optional<QString> s = string(key);
        if (!s)
            return std::nullopt;
        const std::optional<E> e = t.value(*s);
        if (!e)
            ignore(key, QStringLiteral("unknown value \"%1\"").arg(*s));
        return e;
    }
    void ignore(const QString &key, const QString &why) const
    {
        if (m_ignored)
            m_ignored->append(QStringLiteral("%1: %2").arg(path(key), why));
    }
    QString path(const QString &key) const { return m_path.isEmpty() ? key : m_path + u'.' + key; }

private:
    QJsonObject m_object;
    QString m_path;
    QStringList *m_ignored;
    QSet<QString> m_known;
};

QJsonObject auditToJson(const SavedAuditQuery &q)
{
    QJsonObject range{{QStringLiteral("preset"), auditPresetToken(q.preset)}};
    if (q.preset == Preset::Custom) {
        range.insert(QStringLiteral("from"), rfc3339(q.fromMs));
        range.insert(QStringLiteral("to"), rfc3339(q.toMs));
    }
    QJsonArray filters;
    for (const SavedAuditQuery::Filter &f : q.filters)
        filters.append(QJsonObject{{QStringLiteral("key"), f.key},
                                   {QStringLiteral("values"), strings(f.values)},
                                   {QStringLiteral("exclude"), f.exclude}});
    QJsonObject columnValues;
    for (const SavedAuditQuery::ColumnValues &c : q.columnValues) {
        QJsonObject o;
        if (!c.include.isEmpty())
            o.insert(QStringLiteral("include"), strings(c.include));
        if (!c.exclude.isEmpty())
            o.insert(QStringLiteral("exclude"), strings(c.exclude));
        columnValues.insert(auditColumnToken(c.column), o);
    }
    QJsonObject local;
    if (!q.search.isEmpty())
        local.insert(QStringLiteral("search"), q.search);
    if (!columnValues.isEmpty())
        local.insert(QStringLiteral("column_values"), columnValues);
    if (q.selectionFromMs < q.selectionToMs)
        local.insert(QStringLiteral("time_selection"),
                     QJsonObject{{QStringLiteral("from"), rfc3339(q.selectionFromMs)},
                                 {QStringLiteral("to"), rfc3339(q.selectionToMs)}});
    QJsonArray columns;
    for (AuditColumn c : q.columns)
        columns.append(auditColumnToken(c));
    QJsonObject o{{QStringLiteral("range"), range},
                  {QStringLiteral("filters"), filters},
                  {QStringLiteral("local"), local}};
    if (!columns.isEmpty())
        o.insert(QStringLiteral("columns"), columns);
    o.insert(
        QStringLiteral("sort"),
        QJsonObject{
            {QStringLiteral("column"),
             q.sortColumn < 0 ? QStringLiteral("arrival") : auditColumnToken(AuditColumn(q.sortColumn))},
            {QStringLiteral("order"), q.sortOrder == Qt::AscendingOrder ? QStringLiteral("ascending")
                                                                        : QStringLiteral("descending")}});
    return o;
}

SavedAuditQuery auditFromJson(const QJsonObject &object, const QString &path, QStringList *ignored)
{
    SavedAuditQuery q;
    Fields f(object, path, ignored);
    {
        Fields range(f.object(QStringLiteral("range")), f.path(QStringLiteral("range")), ignored);
        if (const auto p = range.token(QStringLiteral("preset"), kPresets))
            q.preset = *p;
        const std::optional<QString> from = range.string(QStringLiteral("from"));
        const std::optional<QString> to = range.string(QStringLiteral("to"));
        if (q.preset == Preset::Custom) {
            const auto a = parseTime(from.value_or(QString()));
            const auto b = parseTime(to.value_or(QString()));
            if (a && b && *a < *b) {
                q.fromMs = *a;
                q.toMs = *b;
            } else {
                range.ignore(QStringLiteral("from/to"), QStringLiteral("not a time range; the view uses the "
                                                                       "last 30 days"));
                q.preset = Preset::Last30Days;
            }
        }
    }
    const QJsonArray filters = f.array(QStringLiteral("filters"));
    for (qsizetype i = 0; i < filters.size(); ++i) {
        const QString at = f.path(QStringLiteral("filters[%1]").arg(i));
        Fields row(filters.at(i).toObject(), at, ignored);
        SavedAuditQuery::Filter filter;
        filter.key = row.string(QStringLiteral("key")).value_or(QString());
        filter.values = row.stringList(QStringLiteral("values"));
        filter.exclude = row.boolean(QStringLiteral("exclude")).value_or(false);
        const auto &fields = api::AuditQuery::fields();
        const bool known = std::any_of(fields.begin(), fields.end(), [&](const api::AuditQuery::Field &x) {
            return filter.key == QLatin1String(x.wireKey);
        });
        if (!known) {
            row.ignore(QStringLiteral("key"),
                       QStringLiteral("unknown filter \"%1\"; the row is left out").arg(filter.key));
            continue;
        }
        q.filters.append(filter);
    }
    {
        Fields local(f.object(QStringLiteral("local")), f.path(QStringLiteral("local")), ignored);
        q.search = local.string(QStringLiteral("search")).value_or(QString());
        const QJsonObject values = local.object(QStringLiteral("column_values"));
        for (auto it = values.begin(); it != values.end(); ++it) {
            const std::optional<AuditColumn> column = auditColumnFromToken(it.key());
            const QString at = local.path(QStringLiteral("column_values.") + it.key());
            if (!column || *column == AuditColumn::Time) {
                if (ignored)
                    ignored->append(at + QStringLiteral(": unknown column"));
                continue;
            }
            Fields set(it.value().toObject(), at, ignored);
            SavedAuditQuery::ColumnValues cv{*column, set.stringList(QStringLiteral("include")),
                                             set.stringList(QStringLiteral("exclude"))};
            cv.include.sort();
            cv.exclude.sort();
            if (!cv.include.isEmpty() || !cv.exclude.isEmpty())
                q.columnValues.append(cv);
        }
        std::sort(q.columnValues.begin(), q.columnValues.end(),
                  [](const auto &a, const auto &b) { return a.column < b.column; });
        if (local.has(QStringLiteral("time_selection"))) {
            Fields sel(local.object(QStringLiteral("time_selection")),
                       local.path(QStringLiteral("time_selection")), ignored);
            const auto a = parseTime(sel.value(QStringLiteral("from")));
            const auto b = parseTime(sel.value(QStringLiteral("to")));
            if (a && b && *a < *b) {
                q.selectionFromMs = *a;
                q.selectionToMs = *b;
            } else {
                sel.ignore(QStringLiteral("from/to"), QStringLiteral("not a time range"));
            }
        }
    }
    const QStringList columns = f.stringList(QStringLiteral("columns"));
    for (const QString &c : columns) {
        const std::optional<AuditColumn> column = auditColumnFromToken(c);
        if (column && !q.columns.contains(*column))
            q.columns.append(*column);
        else if (!column)
            f.ignore(QStringLiteral("columns"), QStringLiteral("unknown column \"%1\"").arg(c));
    }
    if (f.has(QStringLiteral("sort"))) {
        Fields sort(f.object(QStringLiteral("sort")), f.path(QStringLiteral("sort")), ignored);
        const QString column = sort.string(QStringLiteral("column")).value_or(QStringLiteral("time"));
        if (column == QLatin1String("arrival"))
            q.sortColumn = -1;
        else if (const auto c = auditColumnFromToken(column))
            q.sortColumn = int(*c);
        else
            sort.ignore(QStringLiteral("column"), QStringLiteral("unknown column \"%1\"").arg(column));
        const QString order = sort.string(QStringLiteral("order")).value_or(QStringLiteral("descending"));
        if (order == QLatin1String("ascending") || order == QLatin1String("descending"))
            q.sortOrder = order == QLatin1String("ascending") ? Qt::AscendingOrder : Qt::DescendingOrder;
        else
            sort.ignore(QStringLiteral("order"), QStringLiteral("unknown value \"%1\"").arg(order));
    }
    return q;
}

QJsonObject usageToJson(const SavedUsageView &u)
{
    QJsonObject range{{QStringLiteral("preset"), usageRangePresetToken(u.rangePreset)}};
    if (u.rangePreset == UsageRangePreset::Custom) {
        range.insert(QStringLiteral("from"), u.from.toString(Qt::ISODate));
        range.insert(QStringLiteral("to"), u.to.toString(Qt::ISODate));
    }
    QJsonArray groupBy;
    for (UsageDimension d : u.groupBy)
        groupBy.append(usageDimensionToken(d));
    QJsonArray filters;
    for (const UsageFilter &x : u.filters)
        filters.append(QJsonObject{{QStringLiteral("dimension"), usageDimensionToken(x.dimension)},
                                   {QStringLiteral("key"), x.key},
                                   {QStringLiteral("label"), x.label}});
    QJsonObject o{{QStringLiteral("range"), range},
                  {QStringLiteral("measure"), usageMeasureToken(u.measure)},
                  {QStringLiteral("group_by"), groupBy},
                  {QStringLiteral("granularity"), usageGranularityToken(u.granularity)},
                  {QStringLiteral("top_n"), u.topN},
                  {QStringLiteral("corrections"), u.includeCorrections},
                  {QStringLiteral("filters"), filters},
                  {QStringLiteral("chart"), u.chart}};
    if (u.compare)
        o.insert(QStringLiteral("compare"), usageMeasureToken(*u.compare));
    if (!u.unit.isEmpty())
        o.insert(QStringLiteral("unit"), u.unit);
    return o;
}

SavedUsageView usageFromJson(const QJsonObject &object, const QString &path, QStringList *ignored)
{
    SavedUsageView u;
    Fields f(object, path, ignored);
    {
        Fields range(f.object(QStringLiteral("range")), f.path(QStringLiteral("range")), ignored);
        if (const auto p = range.token(QStringLiteral("preset"), kUsagePresets))
            u.rangePreset = *p;
        const QDate from =
            QDate::fromString(range.string(QStringLiteral("from")).value_or(QString()), Qt::ISODate);
        const QDate to =
            QDate::fromString(range.string(QStringLiteral("to")).value_or(QString()), Qt::ISODate);
        if (u.rangePreset == UsageRangePreset::Custom) {
            if (from.isValid() && to.isValid() && from <= to) {
                u.from = from;
                u.to = to;
            } else {
                range.ignore(QStringLiteral("from/to"), QStringLiteral("not a date range; the view uses the "
                                                                       "last 30 days"));
                u.rangePreset = UsageRangePreset::Last30Days;
            }
        }
    }
    if (const auto m = f.token(QStringLiteral("measure"), kMeasures))
        u.measure = *m;
    if (f.has(QStringLiteral("compare")))
        u.compare = f.token(QStringLiteral("compare"), kMeasures);
    u.unit = f.string(QStringLiteral("unit")).value_or(QString());
    for (const QString &d : f.stringList(QStringLiteral("group_by"))) {
        const auto dim = usageDimensionFromToken(d);
        if (dim && !u.groupBy.contains(*dim))
            u.groupBy.append(*dim);
        else if (!dim)
            f.ignore(QStringLiteral("group_by"), QStringLiteral("unknown dimension \"%1\"").arg(d));
    }
    if (const auto g = f.token(QStringLiteral("granularity"), kGranularities))
        u.granularity = *g;
    const QJsonValue topN = f.value(QStringLiteral("top_n"));
    if (topN.isDouble() && topN.toInt(-1) >= 0)
        u.topN = topN.toInt();
    else if (!topN.isUndefined())
        f.ignore(QStringLiteral("top_n"), QStringLiteral("not a count"));
    u.includeCorrections = f.boolean(QStringLiteral("corrections")).value_or(true);
    const QJsonArray filters = f.array(QStringLiteral("filters"));
    for (qsizetype i = 0; i < filters.size(); ++i) {
        Fields row(filters.at(i).toObject(), f.path(QStringLiteral("filters[%1]").arg(i)), ignored);
        const QString dimension = row.string(QStringLiteral("dimension")).value_or(QString());
        const auto dim = usageDimensionFromToken(dimension);
        const QString key = row.string(QStringLiteral("key")).value_or(QString());
        const QString label = row.string(QStringLiteral("label")).value_or(key);
        if (!dim || key.isEmpty()) {
            row.ignore(QStringLiteral("dimension"), QStringLiteral("unknown dimension \"%1\" or no key; the "
                                                                   "filter is left out")
                                                        .arg(dimension));
            continue;
        }
        u.filters.append({*dim, key, label});
    }
    const QString chart = f.string(QStringLiteral("chart")).value_or(u.chart);
    if (chartTokens().contains(chart))
        u.chart = chart;
    else
        f.ignore(QStringLiteral("chart"), QStringLiteral("unknown value \"%1\"").arg(chart));
    return u;
}

} // namespace

// ---------------------------------------------------------------- audit

AuditQueryDraft SavedAuditQuery::draft() const
{
    AuditQueryDraft d;
    d.preset = preset;
    d.fromMs = fromMs;
    d.toMs = toMs;
    for (const Filter &f : filters)
        d.filters.append({f.key, f.values, f.exclude, false});
    return d;
}

SavedAuditQuery SavedAuditQuery::fromDraft(const AuditQueryDraft &draft)
{
    SavedAuditQuery q;
    q.preset = draft.preset;
    if (draft.preset == Preset::Custom) {
        q.fromMs = draft.fromMs;
        q.toMs = draft.toMs;
    }
    for (const AuditQueryDraft::Filter &f : draft.filters)
        if (!f.values.isEmpty())
            q.filters.append({f.wireKey, f.values, f.exclude});
    return q;
}

AuditFilterSpec SavedAuditQuery::localFilter() const
{
    AuditFilterSpec spec;
    spec.text = search;
    if (selectionFromMs < selectionToMs) {
        spec.fromMs = selectionFromMs;
        spec.toMs = selectionToMs;
    }
    for (const ColumnValues &c : columnValues) {
        AuditFilterSpec::ValueSet &set = spec.columns[std::size_t(c.column)];
        set.include = QSet<QString>(c.include.begin(), c.include.end());
        set.exclude = QSet<QString>(c.exclude.begin(), c.exclude.end());
    }
    return spec;
}

void SavedAuditQuery::setLocalFilter(const AuditFilterSpec &spec)
{
    search = spec.text;
    selectionFromMs = spec.hasTimeRange() ? spec.fromMs : 0;
    selectionToMs = spec.hasTimeRange() ? spec.toMs : 0;
    columnValues.clear();
    for (int c = 0; c < kAuditColumnCount; ++c) {
        const AuditFilterSpec::ValueSet &set = spec.columns[std::size_t(c)];
        if (set.isEmpty())
            continue;
        ColumnValues cv{AuditColumn(c), QStringList(set.include.begin(), set.include.end()),
                        QStringList(set.exclude.begin(), set.exclude.end())};
        cv.include.sort();
        cv.exclude.sort();
        columnValues.append(cv);
    }
}

// ---------------------------------------------------------------- usage

UsageDayRange usagePresetRange(UsageRangePreset preset, QDate today)
{
    const QDate monthStart(today.year(), today.month(), 1);
    const QDate yesterday = today.addDays(-1);
    switch (preset) {
    case UsageRangePreset::ThisMonth:
        return UsageDayRange::fromDates(monthStart, std::max(monthStart, yesterday));
    case UsageRangePreset::LastMonth:
        return UsageDayRange::fromDates(monthStart.addMonths(-1), monthStart.addDays(-1));
    case UsageRangePreset::Last30Days:
        return UsageDayRange::fromDates(yesterday.addDays(-29), yesterday);
    case UsageRangePreset::Last90Days:
        return UsageDayRange::fromDates(yesterday.addDays(-89), yesterday);
    case UsageRangePreset::Last12Months:
        return UsageDayRange::fromDates(monthStart.addMonths(-11), yesterday);
    case UsageRangePreset::Custom:
        break;
    }
    return {};
}

UsageDayRange SavedUsageView::range(QDate today) const
{
    if (rangePreset == UsageRangePreset::Custom)
        return from.isValid() && to.isValid() ? UsageDayRange::fromDates(from, to) : UsageDayRange{};
    return usagePresetRange(rangePreset, today);
}

// ---------------------------------------------------------------- view and file

QString SavedView::kindToken(Kind kind)
{
    return kind == Kind::Audit ? QStringLiteral("audit") : QStringLiteral("usage");
}

std::optional<SavedView::Kind> SavedView::kindFromToken(const QString &token)
{
    if (token == QLatin1String("audit"))
        return Kind::Audit;
    if (token == QLatin1String("usage"))
        return Kind::Usage;
    return std::nullopt;
}

QJsonObject SavedViewFile::viewToJson(const SavedView &view)
{
    QJsonObject scope;
    if (!view.organizationId.isEmpty())
        scope.insert(QStringLiteral("organization"), view.organizationId);
    scope.insert(QStringLiteral("all_organizations"), view.allOrganizations);
    QJsonObject o{{QStringLiteral("id"), view.id},
                  {QStringLiteral("name"), view.name},
                  {QStringLiteral("kind"), SavedView::kindToken(view.kind)},
                  {QStringLiteral("scope"), scope}};
    if (view.kind == SavedView::Kind::Audit)
        o.insert(QStringLiteral("audit"), auditToJson(view.audit));
    else
        o.insert(QStringLiteral("usage"), usageToJson(view.usage));
    return o;
}

std::optional<SavedView> SavedViewFile::viewFromJson(const QJsonObject &object, const QString &path,
                                                     QStringList *ignored)
{
    Fields f(object, path, ignored);
    SavedView view;
    const QString kind = f.string(QStringLiteral("kind")).value_or(QString());
    view.name = f.string(QStringLiteral("name")).value_or(QString()).trimmed();
    view.id = f.string(QStringLiteral("id")).value_or(QString());
    const std::optional<SavedView::Kind> k = SavedView::kindFromToken(kind);
    if (!k || view.name.isEmpty()) {
        f.ignore(QStringLiteral("kind"),
                 !k ? QStringLiteral("unknown kind \"%1\"; the view is left out").arg(kind)
                    : QStringLiteral("a view without a name is left out"));
        // The rest of this object is not read: nothing more to report about it.
        f.has(QStringLiteral("audit"));
        f.has(QStringLiteral("usage"));
        f.has(QStringLiteral("scope"));
        return std::nullopt;
    }
    view.kind = *k;
    {
        Fields scope(f.object(QStringLiteral("scope")), f.path(QStringLiteral("scope")), ignored);
        view.organizationId = scope.string(QStringLiteral("organization")).value_or(QString());
        view.allOrganizations = scope.boolean(QStringLiteral("all_organizations")).value_or(false);
    }
    if (view.kind == SavedView::Kind::Audit) {
        view.audit =
            auditFromJson(f.object(QStringLiteral("audit")), f.path(QStringLiteral("audit")), ignored);
        if (f.has(QStringLiteral("usage")))
            f.ignore(QStringLiteral("usage"), QStringLiteral("not used by an audit view"));
    } else {
        view.usage =
            usageFromJson(f.object(QStringLiteral("usage")), f.path(QStringLiteral("usage")), ignored);
        if (f.has(QStringLiteral("audit")))
            f.ignore(QStringLiteral("audit"), QStringLiteral("not used by a usage view"));
    }
    return view;
}

QByteArray SavedViewFile::write(const QList<SavedView> &views, bool indented)
{
    QJsonArray list;
    for (const SavedView &v : views)
        list.append(viewToJson(v));
    const QJsonObject root{{QStringLiteral("format"), formatName()},
                           {QStringLiteral("version"), kVersion},
                           {QStringLiteral("views"), list}};
    return QJsonDocument(root).toJson(indented ? QJsonDocument::Indented : QJsonDocument::Compact);
}

SavedViewFile::ReadResult SavedViewFile::read(const QByteArray &json)
{
    ReadResult r;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        r.error =
            QStringLiteral("not JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
        return r;
    }
    if (!doc.isObject()) {
        r.error = QStringLiteral("not a views file: the top level is not an object");
        return r;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != formatName()) {
        r.error = QStringLiteral("not a views file: \"format\" is not \"%1\"").arg(formatName());
        return r;
    }
    const QJsonValue version = root.value(QStringLiteral("version"));
    r.version = version.toInt(0);
    if (!version.isDouble() || r.version < 1) {
        r.error = QStringLiteral("not a views file: \"version\" is not a positive number");
        return r;
    }
    if (r.version > kVersion)
        r.ignored.append(
            QStringLiteral("version %1: written by a newer Orgscope (this one reads version %2); "
                           "read as far as understood")
                .arg(r.version)
                .arg(kVersion));
    Fields f(root, QString(), &r.ignored);
    f.has(QStringLiteral("format"));
    f.has(QStringLiteral("version"));
    const QJsonArray views = f.array(QStringLiteral("views"));
    for (qsizetype i = 0; i < views.size(); ++i) {
        const QString at = QStringLiteral("views[%1]").arg(i);
        if (!views.at(i).isObject()) {
            r.ignored.append(at + QStringLiteral(": not an object"));
            continue;
        }
        if (std::optional<SavedView> v = viewFromJson(views.at(i).toObject(), at, &r.ignored))
            r.views.append(*v);
    }
    return r;
}

// ---------------------------------------------------------------- tokens

QString auditPresetToken(AuditQueryDraft::Preset preset)
{
    return kPresets.token(preset);
}
std::optional<AuditQueryDraft::Preset> auditPresetFromToken(const QString &token)
{
    return kPresets.value(token);
}
QString auditColumnToken(AuditColumn column)
{
    return kColumns.token(column);
}
std::optional<AuditColumn> auditColumnFromToken(const QString &token)
{
    return kColumns.value(token);
}
QString usageRangePresetToken(UsageRangePreset preset)
{
    return kUsagePresets.token(preset);
}
std::optional<UsageRangePreset> usageRangePresetFromToken(const QString &token)
{
    return kUsagePresets.value(token);
}
QString usageMeasureToken(UsageMeasure measure)
{
    return kMeasures.token(measure);
}
std::optional<UsageMeasure> usageMeasureFromToken(const QString &token)
{
    return kMeasures.value(token);
}
QString usageGranularityToken(UsageGranularity granularity)
{
    return kGranularities.token(granularity);
}
std::optional<UsageGranularity> usageGranularityFromToken(const QString &token)
{
    return kGranularities.value(token);
}
std::optional<UsageDimension> usageDimensionFromToken(const QString &token)
{
    for (int d = 0; d < UsageDimensionCount; ++d)
        if (usageDimensionToken(UsageDimension(d)) == token)
            return UsageDimension(d);
    return std::nullopt;
}

} // namespace models
