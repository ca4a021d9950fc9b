#include "models/rollup/membertreesearch.h"

#include "models/rollup/orgtreerollup.h"

#include "api/client.h"
#include "api/membersapi.h"

namespace models {

MemberTreeSearch::MemberTreeSearch(api::Client *client, QObject *parent)
    : QAbstractTableModel(parent), m_client(client), m_rollup(new OrgTreeRollup(client, this))
{
    m_rollup->setKind(OrgTreeRollup::Kind::Members);
    connect(m_rollup, &OrgTreeRollup::progressChanged, this, &MemberTreeSearch::progressChanged);
    connect(m_rollup, &OrgTreeRollup::finished, this, [this] {
        collect();
        Q_EMIT searchFinished();
    });
}

MemberTreeSearch::~MemberTreeSearch() = default;

void MemberTreeSearch::search(const QString &email, const QString &rootId)
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_email = email.trimmed();
    api::MemberFilter filter;
    filter.userEmail = m_email; // equality, case-insensitive on the server
    m_rollup->setMemberFilter(filter);
    m_rollup->start(rootId);
}

void MemberTreeSearch::search(const QString &email, const QList<OrgNode> &tree)
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    m_email = email.trimmed();
    api::MemberFilter filter;
    filter.userEmail = m_email;
    m_rollup->setMemberFilter(filter);
    m_rollup->startWithTree(tree);
}

void MemberTreeSearch::cancel()
{
    m_rollup->cancel();
}

void MemberTreeSearch::retryMissing()
{
    m_rollup->retryMissing();
}

bool MemberTreeSearch::isSearching() const
{
    return m_rollup->isRunning();
}

Progress MemberTreeSearch::progress() const
{
    return m_rollup->progress();
}

QStringList MemberTreeSearch::missingOrganizations() const
{
    QStringList out;
    if (m_rollup->treeError())
        return {m_rollup->treeError().userMessage()};
    for (qsizetype i : m_rollup->missing())
        out << m_rollup->organizations().at(i).pathText();
    return out;
}

void MemberTreeSearch::collect()
{
    // Rows of organizations already shown stay (with their removal results);
    // organizations searched now add theirs.
    QSet<QString> shown;
    for (const Row &r : std::as_const(m_rows))
        shown.insert(r.organization.id);
    QList<Row> added;
    const QList<OrgNode> &nodes = m_rollup->organizations();
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        if (shown.contains(nodes.at(i).id))
            continue;
        for (const api::Member &m : m_rollup->members(i)) {
            // The filter is the server's: check it here too.
            if (m.user.email.compare(m_email, Qt::CaseInsensitive) == 0)
                added.append(Row{nodes.at(i), m, NotAsked, {}});
        }
    }
    if (added.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
    m_rows += added;
    endInsertRows();
}

void MemberTreeSearch::remove(const QList<int> &rows)
{
    for (int r : rows) {
        if (r < 0 || r >= m_rows.size() || m_removeQueue.contains(r))
            continue;
        const Outcome o = m_rows.at(r).outcome;
        if (o == Removing || o == Removed || o == AlreadyGone)
            continue;
        m_removeQueue.append(r);
        setOutcome(r, Removing);
    }
    removeNext();
}

void MemberTreeSearch::removeNext()
{
    while (m_client && m_removing < kMaxParallelRemovals && !m_removeQueue.isEmpty()) {
        const int r = m_removeQueue.takeFirst();
        const Row &row = m_rows.at(r);
        auto *job = api::MembersApi(m_client).remove(row.organization.id, row.member.id, this);
        ++m_removing;
        connect(job, &api::Job::finished, this, [this, r, job] {
            --m_removing;
            const api::ApiError &e = job->error();
            if (!e)
                setOutcome(r, Removed);
            else if (e.httpStatus() == 404)
                // The membership is not there (any more): nothing left to remove.
                setOutcome(r, AlreadyGone, tr("It was already removed."));
            else
                setOutcome(r, Failed, e.userMessage());
            removeNext();
            if (!isRemoving())
                Q_EMIT removalFinished();
        });
        job->start();
    }
}

void MemberTreeSearch::setOutcome(int row, Outcome outcome, const QString &message)
{
    m_rows[row].outcome = outcome;
    m_rows[row].message = message;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int MemberTreeSearch::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MemberTreeSearch::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MemberTreeSearch::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case OrganizationIdRole:
        return r.organization.id;
    case MemberIdRole:
        return r.member.id;
    case OutcomeRole:
        return int(r.outcome);
    case PathRole:
    case Qt::ToolTipRole:
        return r.organization.pathText();
    case Qt::DisplayRole:
        switch (index.column()) {
        case OrganizationColumn:
            return r.organization.name;
        case StatusColumn:
            return r.member.status;
        case EmailColumn:
            return r.member.user.email;
        case ResultColumn:
            switch (r.outcome) {
            case NotAsked:
                return QString();
            case Removing:
                return tr("Removing…");
            case Removed:
                return tr("Removed");
            case AlreadyGone:
            case Failed:
                return r.message;
            }
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant MemberTreeSearch::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OrganizationColumn:
        return tr("Organization");
    case StatusColumn:
        return tr("Status");
    case EmailColumn:
        return tr("E-mail");
    case ResultColumn:
        return tr("Result");
    default:
        return {};
    }
}

} // namespace models
