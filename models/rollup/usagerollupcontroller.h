#pragma once
// The Usage page's "Include sub-organizations" (issue 24): the showback table
// — cost of the session's organization and of every organization under it,
// per month — from a usage roll-up over the page's range. Owns the run
// (OrgTreeRollup: one progress, one cancel, Retry for the organizations that
// failed), merges and prices on a worker, and remembers the checkbox in the
// settings. No widgets: UsageRollupPanel binds to it.

#include "models/cost/ratecard.h"
#include "models/rollup/showback.h"
#include "models/session/progress.h"
#include "models/usage/usagecube.h"
#include "models/usage/usagetypes.h"

#include <QAbstractTableModel>
#include <QObject>
#include <QPointer>

template <typename T> class QFutureWatcher;

namespace models {

class OrgTreeRollup;
class Session;

// Organization × month, cost; the organization's path on hover.
class ShowbackModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { OrganizationColumn, TotalColumn, FirstMonthColumn };
    enum Role { SortRole = Qt::UserRole + 1, OrganizationIdRole };
    using QAbstractTableModel::QAbstractTableModel;

    void setShowback(const QList<OrgNode> &nodes, const Showback &showback);
    const Showback &showback() const { return m_showback; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<OrgNode> m_nodes;
    Showback m_showback;
};

class UsageRollupController : public QObject
{
    Q_OBJECT
public:
    explicit UsageRollupController(Session *session, QObject *parent = nullptr);
    ~UsageRollupController() override;

    // The checkbox, remembered in the settings (usage/includeSubOrganizations).
    bool includeSubOrganizations() const { return m_include; }
    void setIncludeSubOrganizations(bool include);

    // Rolls up the session's organization over `range`, priced with `card`.
    void start(UsageDayRange range, const RateCard &card);
    void cancel();
    // Fetches the organizations that failed (or were not fetched) and merges again.
    void retryMissing();

    bool isLoading() const;
    Progress progress() const;
    // Paths of the organizations missing from the table, or the tree's error.
    QStringList missingOrganizations() const;
    qsizetype duplicatesRemoved() const { return m_duplicates; }
    ShowbackModel *model() const { return m_model; }
    // The merged usage as a cube with the Organization dimension (records of
    // every organization of the last complete or partial merge, range fetched),
    // built on a worker; empty before the first merge and after the
    // organization changed. UsageController::setRollupCube() shows it.
    const UsageCube &cube() const { return m_cube; }
    bool hasCube() const { return m_hasCube; }

Q_SIGNALS:
    void stateChanged();
    // A new cube() (after a merge), or none any more (hasCube() false).
    void cubeChanged();

private:
    struct Merged
    {
        quint64 generation = 0;
        qsizetype duplicates = 0;
        Showback showback;
        UsageCube cube;
    };
    void merge();
    void dropRollup();

    QPointer<Session> m_session;
    OrgTreeRollup *m_rollup = nullptr;
    ShowbackModel *m_model;
    RateCard m_card;
    UsageDayRange m_range;
    UsageCube m_cube;
    bool m_hasCube = false;
    bool m_include = false;
    bool m_merging = false;
    qsizetype m_duplicates = 0;
    quint64 m_generation = 0;
    QFutureWatcher<Merged> *m_watcher;
};

} // namespace models
