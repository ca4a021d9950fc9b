#include "models/audit/audittablemodel.h"

#include "models/audit/auditfilter.h"
#include "models/audit/auditroworder.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QFutureWatcher>
#include <QHash>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace models {

namespace {

// Past this many separate insert positions one reset is cheaper for views.
constexpr std::size_t kMaxInsertRuns = 8;

} // namespace

AuditTableModel::AuditTableModel(QObject *parent)
    : QAbstractTableModel(parent), m_timeZone(QTimeZone::systemTimeZone()), m_revealTimer(new QTimer(this))
{
    m_revealTimer->setSingleShot(true);
    connect(m_revealTimer, &QTimer::timeout, this, &AuditTableModel::revealPending);
}

AuditTableModel::~AuditTableModel() = default;

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kAuditColumnCount;
}

QString AuditTableModel::timeText(qint64 ms) const
{
    return QDateTime::fromMSecsSinceEpoch(ms, m_timeZone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

void AuditTableModel::setTimeZone(const QTimeZone &zone)
{
    m_timeZone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    if (!m_visible.empty())
        emit dataChanged(index(0, int(Column::Time)), index(rowCount() - 1, int(Column::Time)),
                         {Qt::DisplayRole});
}

void AuditTableModel::setOrganizationLabels(const QHash<QString, OrganizationLabel> &labels)
{
    m_organizations = labels;
    const int column = int(Column::Organization);
    if (!m_visible.empty())
        emit dataChanged(index(0, column), index(rowCount() - 1, column),
                         {Qt::DisplayRole, Qt::ToolTipRole, TextRole, SortRole});
}

QString AuditTableModel::organizationName(const QString &id) const
{
    const auto it = m_organizations.constFind(id);
    return it == m_organizations.cend() || it->name.isEmpty() ? id : it->name;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const quint32 row = m_visible[std::size_t(index.row())];
    const AuditSnapshot &d = m_store.data();
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole: {
        // A lenient read keeps entries with missing fields: say so rather than show a blank or 1970.
        if (column == Column::Time)
            return d.timeMs(row) == 0 ? missingText() : timeText(d.timeMs(row));
        QString text =
            column == Column::Organization ? organizationName(d.text(column, row)) : d.text(column, row);
        return text.isEmpty() ? missingText() : text;
    }
    case TextRole:
        if (column == Column::Time)
            return d.timeMs(row) == 0 ? QString() : timeText(d.timeMs(row));
        if (column == Column::Organization)
            return organizationName(d.text(column, row));
        return d.text(column, row);
    case Qt::ToolTipRole: // full text, and Time in UTC beside the zone shown
        if (column == Column::Organization) {
            const QString id = d.text(column, row);
            const auto it = m_organizations.constFind(id);
            return it == m_organizations.cend() || it->path.isEmpty()
                       ? id
                       : it->path + QStringLiteral(" (") + id + u')';
        }
        return d.text(column, row);
    case Qt::ForegroundRole:
        if (d.isFailure(row))
            return QBrush(QColor(0xC6, 0x28, 0x28));
        return {};
    case Qt::TextAlignmentRole:
        if (column == Column::Status)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        if (column == Column::Time)
            return d.timeMs(row);
        if (column == Column::Organization)
            return organizationName(d.text(column, row));
        if (column == Column::Status)
            return d.status(row);
        return d.text(column, row);
    case FailedRole:
        return d.isFailure(row);
    case StoreRowRole:
        return int(row);
    case EntryIdRole:
        return d.key(AuditKey::EntryId, row);
    case FilterValueRole:
        return d.filterValue(column, row);
    default:
        return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= kAuditColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::Time:
        return tr("Time");
    case Column::Actor:
        return tr("Actor");
    case Column::Context:
        return tr("Context");
    case Column::ActionType:
        return tr("Action");
    case Column::Result:
        return tr("Result");
    case Column::ResourceType:
        return tr("Resource type");
    case Column::ResourceId:
        return tr("Resource id");
    case Column::Product:
        return tr("Product");
    case Column::Ip:
        return tr("IP address");
    case Column::Method:
        return tr("Method");
    case Column::Status:
        return tr("Status");
    case Column::Description:
        return tr("Description");
    case Column::Organization:
        return tr("Organization");
    case Column::ColumnCount:
        break;
    }
    return {};
}

QHash<int, QByteArray> AuditTableModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(FailedRole, "failed");
    names.insert(StoreRowRole, "storeRow");
    names.insert(EntryIdRole, "entryId");
    names.insert(FilterValueRole, "filterValue");
    names.insert(TextRole, "text");
    return names;
}

quint64 AuditTableModel::beginQuery()
{
    clear();
    return m_queryGeneration;
}

void AuditTableModel::clear()
{
    beginResetModel();
    m_store.clear();
    resetStore();
    endResetModel();
    emit visibleRowsChanged();
}

void AuditTableModel::setStore(AuditStore store)
{
    beginResetModel();
    m_store = std::move(store);
    resetStore();
    endResetModel();
    refilter();
}

void AuditTableModel::resetStore()
{
    ++m_queryGeneration;
    ++m_viewGeneration;
    m_visible.clear();
    m_testedRows = 0;
    // A new query's first page shows at once.
    m_lastReveal.invalidate();
    m_revealTimer->stop();
    if (m_pending) {
        m_pending = false;
        emit filteringChanged(false);
    }
}

bool AuditTableModel::appendPage(quint64 generation, const QList<api::AuditEvent> &events,
                                 const QSet<QString> &skipIds)
{
    if (generation != m_queryGeneration)
        return false;
    if (m_store.append(events, skipIds) > 0)
        showAppended();
    return true;
}

bool AuditTableModel::appendPage(quint64 generation, const api::AuditColumns &page,
                                 const QSet<QString> &skipIds, const std::vector<bool> *drop)
{
    if (generation != m_queryGeneration)
        return false;
    if (m_store.append(page, skipIds, drop) > 0)
        showAppended();
    return true;
}

void AuditTableModel::setRevealInterval(int ms)
{
    m_revealIntervalMs = std::max(ms, 0);
    if (m_revealIntervalMs == 0) {
        revealPending();
        return;
    }
    // Rows already waiting follow the new interval, not the one their timer
    // was started with (a shorter interval must not wait out the longer one).
    if (m_revealTimer->isActive()) {
        const qint64 wait = m_lastReveal.isValid() ? m_revealIntervalMs - m_lastReveal.elapsed() : 0;
        if (wait > 0)
            m_revealTimer->start(int(wait));
        else
            revealPending();
    }
}

void AuditTableModel::showAppended()
{
    if (m_pending)
        return; // a pending filter covers new rows when it lands
    if (m_revealIntervalMs > 0 && m_lastReveal.isValid()) {
        const qint64 wait = m_revealIntervalMs - m_lastReveal.elapsed();
        if (wait > 0) {
            if (!m_revealTimer->isActive())
                m_revealTimer->start(int(wait));
            return;
        }
    }
    revealPending();
}

void AuditTableModel::revealPending()
{
    m_revealTimer->stop();
    if (m_pending || m_testedRows >= m_store.rowCount())
        return;
    m_lastReveal.start();

    std::vector<quint32> added;
    AuditFilter(m_store.data(), m_filter).collect(m_testedRows, m_store.rowCount(), added);
    m_testedRows = m_store.rowCount();
    if (added.empty())
        return;

    const int first = rowCount();
    if (m_sort.isNatural()) {
        beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        m_visible.insert(m_visible.end(), added.begin(), added.end());
        endInsertRows();
        emit visibleRowsChanged();
        return;
    }

    // Where do the new rows land? Merge, then group their final positions.
    const AuditRowOrder order(m_store.data(), m_sort);
    order.sort(added);
    std::vector<std::pair<std::size_t, std::size_t>> runs; // (final position, length)
    auto from = m_visible.begin();
    for (std::size_t j = 0; j < added.size(); ++j) {
        // added is ordered, so each search starts where the previous ended.
        from = std::lower_bound(from, m_visible.end(), added[j], order);
        const std::size_t pos = std::size_t(from - m_visible.begin()) + j;
        if (!runs.empty() && runs.back().first + runs.back().second == pos)
            ++runs.back().second;
        else
            runs.emplace_back(pos, 1);
    }
    if (runs.size() > kMaxInsertRuns) {
        beginResetModel();
        order.merge(m_visible, std::move(added));
        endResetModel();
    } else {
        std::size_t next = 0;
        for (const auto &[pos, len] : runs) {
            beginInsertRows(QModelIndex(), int(pos), int(pos + len - 1));
            m_visible.insert(m_visible.begin() + std::ptrdiff_t(pos), added.begin() + std::ptrdiff_t(next),
                             added.begin() + std::ptrdiff_t(next + len));
            endInsertRows();
            next += len;
        }
    }
    emit visibleRowsChanged();
}

int AuditTableModel::rowOfEntry(const QString &id) const
{
    if (id.isEmpty())
        return -1;
    const AuditSnapshot &d = m_store.data();
    return d.visitKey(AuditKey::EntryId, [&](const auto &column) -> int {
        using Id = std::decay_t<decltype(column[0])>;
        Id packed;
        const bool hex = Id::tryPack(id, packed);
        for (std::size_t i = 0; i < m_visible.size(); ++i) {
            const Id &value = column[m_visible[i]];
            if (hex ? value == packed : value.isOverflow() && d.unpack(value) == id)
                return int(i);
        }
        return -1;
    });
}

void AuditTableModel::setFilter(const AuditFilterSpec &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    refilter();
}

void AuditTableModel::setSearchText(const QString &text)
{
    AuditFilterSpec f = m_filter;
    f.text = text;
    setFilter(f);
}

void AuditTableModel::setTimeRange(qint64 fromMs, qint64 toMs)
{
    AuditFilterSpec f = m_filter;
    f.fromMs = fromMs;
    f.toMs = toMs;
    setFilter(f);
}

void AuditTableModel::clearTimeRange()
{
    setTimeRange(-AuditFilterSpec::kNoLimit, AuditFilterSpec::kNoLimit);
}

void AuditTableModel::setColumnValues(int column, const QSet<QString> &include, const QSet<QString> &exclude)
{
    if (column < 0 || column >= kAuditColumnCount)
        return;
    AuditFilterSpec f = m_filter;
    f.columns[column].include = include;
    f.columns[column].exclude = exclude;
    setFilter(f);
}

void AuditTableModel::clearColumnFilter(int column)
{
    setColumnValues(column, {}, {});
}

bool AuditTableModel::filterToValue(int column, int row)
{
    if (column < 0 || column >= kAuditColumnCount || row < 0 || row >= rowCount())
        return false;
    const QString v = m_store.data().filterValue(Column(column), m_visible[std::size_t(row)]);
    AuditFilterSpec::ValueSet values = m_filter.columns[column];
    values.include = {v};
    values.exclude.remove(v);
    setColumnValues(column, values.include, values.exclude);
    return true;
}

bool AuditTableModel::excludeValue(int column, int row)
{
    if (column < 0 || column >= kAuditColumnCount || row < 0 || row >= rowCount())
        return false;
    const QString v = m_store.data().filterValue(Column(column), m_visible[std::size_t(row)]);
    AuditFilterSpec::ValueSet values = m_filter.columns[column];
    values.include.remove(v);
    values.exclude.insert(v);
    setColumnValues(column, values.include, values.exclude);
    return true;
}

void AuditTableModel::sort(int column, Qt::SortOrder order)
{
    AuditSortSpec s{column, order};
    if (s == m_sort)
        return;
    m_sort = s;
    refilter();
}

void AuditTableModel::refilter()
{
    ++m_viewGeneration;
    if (m_store.rowCount() <= m_asyncThreshold) {
        FilterResult r;
        r.viewGeneration = m_viewGeneration;
        r.queryGeneration = m_queryGeneration;
        r.testedRows = m_store.rowCount();
        r.rows = AuditFilter::run(m_store.data(), m_filter, m_sort);
        applyResult(std::move(r));
        return;
    }
    if (!m_pending) {
        m_pending = true;
        emit filteringChanged(true);
    }
    auto *watcher = new QFutureWatcher<FilterResult>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        applyResult(watcher->result());
    });
    watcher->setFuture(
        QtConcurrent::run([snapshot = m_store.snapshot(), filter = m_filter, sort = m_sort,
                           viewGeneration = m_viewGeneration, queryGeneration = m_queryGeneration] {
            FilterResult r;
            r.viewGeneration = viewGeneration;
            r.queryGeneration = queryGeneration;
            r.testedRows = snapshot.rowCount();
            r.rows = AuditFilter::run(snapshot, filter, sort);
            return r;
        }));
}

void AuditTableModel::applyResult(FilterResult result)
{
    if (result.viewGeneration != m_viewGeneration || result.queryGeneration != m_queryGeneration)
        return; // superseded by a newer filter, sort or query
    // Rows that arrived while a worker was filtering.
    if (result.testedRows < m_store.rowCount())
        AuditFilter::extend(m_store.data(), m_filter, m_sort, result.rows, result.testedRows);
    beginResetModel();
    m_visible = std::move(result.rows);
    m_testedRows = m_store.rowCount();
    endResetModel();
    if (m_pending) {
        m_pending = false;
        emit filteringChanged(false);
    }
    emit visibleRowsChanged();
}

QList<AuditTableModel::ValueCount> AuditTableModel::distinctValues(int column, int limit) const
{
    QList<ValueCount> out;
    if (column < 0 || column >= kAuditColumnCount || Column(column) == Column::Time)
        return out;
    const AuditSnapshot &d = m_store.data();
    const quint32 rows = d.rowCount();
    if (const auto f = AuditSnapshot::fieldOf(Column(column))) {
        std::vector<quint32> counts(d.poolSize(*f));
        d.ids(*f).scan(0, rows, [&](std::size_t, quint32 id) { ++counts[id]; });
        const std::vector<quint32> rank = AuditRowOrder::ranks(d, *f);
        std::vector<quint32> byRank(rank.size());
        for (quint32 id = 0; id < rank.size(); ++id)
            byRank[rank[id]] = id;
        for (quint32 id : byRank) {
            if (counts[id] == 0)
                continue;
            if (out.size() >= limit)
                break;
            out.append({d.poolString(*f, id), counts[id],
                        Column(column) == Column::Organization ? organizationName(d.poolString(*f, id))
                                                               : QString()});
        }
        return out;
    }
    if (Column(column) == Column::Status) {
        std::vector<quint32> counts(32769);
        d.statuses().scan(0, rows, [&](std::size_t, qint16 s) { ++counts[std::size_t(s + 1)]; });
        for (std::size_t i = 0; i < counts.size() && out.size() < limit; ++i)
            if (counts[i] != 0)
                out.append({i == 0 ? QString() : QString::number(int(i) - 1), counts[i], {}});
        return out;
    }
    QHash<QString, quint32> counts;
    for (quint32 r = 0; r < rows; ++r) {
        const QString v = d.filterValue(Column(column), r);
        auto it = counts.find(v);
        if (it != counts.end())
            ++*it;
        else if (counts.size() < limit)
            counts.insert(v, 1);
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.append({it.key(), it.value(), {}});
    std::sort(out.begin(), out.end(), [](const ValueCount &a, const ValueCount &b) {
        return AuditRowOrder::compareText(a.value, b.value) < 0;
    });
    return out;
}

} // namespace models
