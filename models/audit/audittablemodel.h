#pragma once
// The audit table: compact rows in an AuditStore, a purpose-built filter and
// sort producing a vector of visible store rows. Pages stream in with one
// insert per page; filters over many rows run on a worker thread over a
// snapshot and are applied in one reset (a generation number drops results
// of superseded filters and pages of superseded queries).

#include "models/audit/auditenums.h"
#include "models/audit/auditfilterspec.h"
#include "models/audit/auditstore.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QTimeZone>
#include <vector>

class QTimer;

namespace models {

class AuditTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    using Column = AuditColumn;
    enum Role {
        SortRole = Qt::UserRole + 1, // raw value: qint64 ms for Time, int for Status, else text
        FailedRole,                  // bool: action.result is "failure"
        StoreRowRole,                // int: row in store()
        EntryIdRole,                 // QString: entry id (for AuditArchive::fullEntry)
        FilterValueRole,             // QString: the value filterToValue() would use
        TextRole,                    // QString: the cell's text, empty when missing (Display shows "—")
    };
    // What a cell shows for a value the entry did not have (absent, null or unreadable).
    static QString missingText() { return QStringLiteral("—"); }

    explicit AuditTableModel(QObject *parent = nullptr);
    ~AuditTableModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // --- loading
    quint64 queryGeneration() const { return m_queryGeneration; }
    // Drops every row and starts a new query; pages of older queries are ignored.
    quint64 beginQuery();
    // Appends a page of the query `generation` (one insert, or a reset when a
    // sort spreads it over many places). False when the page was stale.
    bool appendPage(quint64 generation, const QList<api::AuditEvent> &events,
                    const QSet<QString> &skipIds = {});
    // drop: one flag per entry of the page, set for entries to leave out.
    bool appendPage(quint64 generation, const api::AuditColumns &page, const QSet<QString> &skipIds = {},
                    const std::vector<bool> *drop = nullptr);
    void clear();
    // Pages stored within this many ms of the last insert are shown together
    // (at most one insert, and one repaint of the views, per interval); the
    // first page after a pause shows at once. 0 (the default): every page at once.
    // The controller sets it for streaming loads: a view repaints its rows on
    // each insert, which cost more than the page itself.
    void setRevealInterval(int ms);
    // Shows the stored rows not shown yet now (the end of a load).
    void revealPending();
    bool hasUnrevealedRows() const { return m_testedRows < m_store.rowCount() && !m_pending; }
    // Replaces all rows, e.g. with history an AuditArchive loaded on a worker.
    void setStore(AuditStore store);
    const AuditStore &store() const { return m_store; }
    AuditSnapshot snapshot() const { return m_store.snapshot(); }

    // --- local filter and sort
    const AuditFilterSpec &filter() const { return m_filter; }
    void setFilter(const AuditFilterSpec &filter);
    void setSearchText(const QString &text);
    void setTimeRange(qint64 fromMs, qint64 toMs);
    void clearTimeRange();
    void setColumnValues(int column, const QSet<QString> &include, const QSet<QString> &exclude);
    void clearColumnFilter(int column);
    // Keep only / drop the value of this cell in its column; false for a bad index.
    bool filterToValue(int column, int row);
    bool excludeValue(int column, int row);
    AuditSortSpec sortSpec() const { return m_sort; }

    struct ValueCount
    {
        QString value; // as used in AuditFilterSpec
        quint32 count = 0;
        QString label; // what a list shows when not the value (an organization's name)
    };
    // Distinct values of a column over all loaded rows with their counts, in
    // sort order; at most `limit` values (Time is never listed).
    QList<ValueCount> distinctValues(int column, int limit = 5000) const;

    // Filters over more loaded rows than this run on a worker thread.
    void setAsyncThreshold(quint32 rows) { m_asyncThreshold = rows; }
    bool isFiltering() const { return m_pending; }
    quint64 viewGeneration() const { return m_viewGeneration; }

    int storeRow(int row) const
    {
        return row >= 0 && row < rowCount() ? int(m_visible[std::size_t(row)]) : -1;
    }
    const std::vector<quint32> &visibleRows() const { return m_visible; }
    // The shown row of the entry with this id, -1 when it is not shown.
    int rowOfEntry(const QString &id) const;

    // Names of organizations by id for the Organization column (its filter
    // value stays the id), and their paths in the tree for the tooltip.
    struct OrganizationLabel
    {
        QString name;
        QString path;
    };
    void setOrganizationLabels(const QHash<QString, OrganizationLabel> &labels);
    QString organizationName(const QString &id) const;
    OrganizationLabel organizationLabel(const QString &id) const { return m_organizations.value(id); }

    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_timeZone; }
    QString timeText(qint64 ms) const;

signals:
    void filteringChanged(bool busy);
    // The set or order of visible rows changed (histogram, counters).
    void visibleRowsChanged();

private:
    void showAppended();
    struct FilterResult
    {
        quint64 viewGeneration = 0;
        quint64 queryGeneration = 0;
        quint32 testedRows = 0;
        std::vector<quint32> rows;
    };

    void refilter();
    void applyResult(FilterResult result);
    void resetStore();

    AuditStore m_store;
    std::vector<quint32> m_visible;
    quint32 m_testedRows = 0; // store rows already run through the filter
    AuditFilterSpec m_filter;
    AuditSortSpec m_sort;
    quint64 m_queryGeneration = 0;
    quint64 m_viewGeneration = 0;
    quint32 m_asyncThreshold = 100000;
    bool m_pending = false;
    QTimeZone m_timeZone;
    QHash<QString, OrganizationLabel> m_organizations;
    int m_revealIntervalMs = 0;
    QElapsedTimer m_lastReveal;
    QTimer *m_revealTimer = nullptr;
};

} // namespace models
