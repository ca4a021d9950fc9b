#include "models/rollup/usagerollupcontroller.h"

#include "models/rollup/orgtreerollup.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"

#include <QFutureWatcher>
#include <QLocale>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>
#include <utility>

namespace models {

namespace {
const QString kSetting = QStringLiteral("usage/includeSubOrganizations");
}

void ShowbackModel::setShowback(const QList<OrgNode> &nodes, const Showback &showback)
{
    beginResetModel();
    m_nodes = nodes;
    m_showback = showback;
    endResetModel();
}

int ShowbackModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_showback.rows.size());
}

int ShowbackModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstMonthColumn + int(m_showback.months.size());
}

QVariant ShowbackModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_showback.rows.size())
        return {};
    const ShowbackRow &row = m_showback.rows.at(index.row());
    const OrgNode &node = m_nodes.at(row.organization);
    const int month = index.column() - FirstMonthColumn;
    if (role == OrganizationIdRole)
        return node.id;
    if (index.column() == OrganizationColumn) {
        if (role == Qt::DisplayRole)
            return QString(QString(node.depth * 2, QLatin1Char(' ')) + node.name);
        if (role == Qt::ToolTipRole)
            return node.pathText();
        if (role == SortRole)
            return row.organization;
        return {};
    }
    const double value = month < 0 ? row.total : row.cost.at(month);
    const qsizetype unpriced = month < 0 ? 0 : row.unpriced.at(month);
    switch (role) {
    case Qt::DisplayRole:
        return QLocale().toString(value, 'f', 2);
    case SortRole:
        return value;
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (unpriced > 0)
            return tr("Not included: %1 records the rate card does not price").arg(unpriced);
        return {};
    default:
        return {};
    }
}

QVariant ShowbackModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == OrganizationColumn)
        return tr("Organization");
    const QString currency = m_showback.currency.isEmpty()
                                 ? QString()
                                 : QLatin1String(" (") + m_showback.currency + QLatin1Char(')');
    if (section == TotalColumn)
        return QString(tr("Total") + currency);
    const int month = section - FirstMonthColumn;
    return month < m_showback.months.size() ? m_showback.months.at(month).toString(QStringLiteral("yyyy-MM"))
                                            : QVariant();
}

UsageRollupController::UsageRollupController(Session *session, QObject *parent)
    : QObject(parent), m_session(session), m_model(new ShowbackModel(this)),
      m_watcher(new QFutureWatcher<Merged>(this))
{
    m_include = AppSettings().value(kSetting, false).toBool();
    connect(m_watcher, &QFutureWatcherBase::finished, this, [this] {
        m_merging = false;
        // Everything in the result is shared: nothing is copied here. (Not
        // takeResult(): it resets the future, and the destructor's
        // waitForFinished() would then wait for ever.)
        Merged result = m_watcher->result();
        const bool current = result.generation == m_generation && m_rollup;
        if (current) {
            m_duplicates = result.duplicates;
            m_model->setShowback(m_rollup->organizations(), result.showback);
            std::swap(m_cube, result.cube);
            m_hasCube = true;
        }
        // The last reference to the old cube goes on a worker too.
        QThreadPool::globalInstance()->start([old = std::move(result)] {});
        if (current)
            Q_EMIT cubeChanged();
        Q_EMIT stateChanged();
    });
    if (session) {
        connect(session, &Session::organizationChanged, this, [this] {
            cancel();
            ++m_generation;
            m_duplicates = 0;
            m_model->setShowback({}, {});
            dropRollup();
            const bool had = m_hasCube;
            m_cube = UsageCube();
            m_hasCube = false;
            if (had)
                Q_EMIT cubeChanged();
            Q_EMIT stateChanged();
        });
    }
}

UsageRollupController::~UsageRollupController()
{
    m_watcher->waitForFinished();
}

void UsageRollupController::dropRollup()
{
    if (!m_rollup)
        return;
    // Tens of megabytes of columns: freeing them is a worker's job too (the
    // GUI thread only hands the lists over).
    QList<QList<api::UsageColumns>> answers;
    for (qsizetype i = 0; i < m_rollup->organizations().size(); ++i)
        answers.append(m_rollup->takeUsageColumns(i));
    QThreadPool::globalInstance()->start([a = std::move(answers)] {});
    delete m_rollup;
    m_rollup = nullptr;
}

void UsageRollupController::setIncludeSubOrganizations(bool include)
{
    if (include == m_include)
        return;
    m_include = include;
    AppSettings().setValue(kSetting, include);
    if (!include) {
        cancel();
        if (m_hasCube) {
            m_hasCube = false;
            m_cube = UsageCube();
            Q_EMIT cubeChanged();
        }
    }
    Q_EMIT stateChanged();
}

void UsageRollupController::start(UsageDayRange range, const RateCard &card)
{
    if (!m_session || !m_session->client() || m_session->organizationId().isEmpty() || range.isEmpty())
        return;
    dropRollup();
    m_rollup = new OrgTreeRollup(m_session->client(), this);
    m_rollup->setKind(OrgTreeRollup::Kind::Usage);
    m_rollup->setUsageColumns(true);
    m_rollup->setUsageRange(range.firstDate(), range.lastDate());
    connect(m_rollup, &OrgTreeRollup::progressChanged, this, &UsageRollupController::stateChanged);
    connect(m_rollup, &OrgTreeRollup::finished, this, &UsageRollupController::merge);
    m_card = card;
    m_range = range;
    ++m_generation;
    m_rollup->start(m_session->organizationId());
    Q_EMIT stateChanged();
}

void UsageRollupController::cancel()
{
    if (m_rollup)
        m_rollup->cancel();
}

void UsageRollupController::retryMissing()
{
    if (!m_rollup)
        return;
    m_rollup->retryMissing();
    Q_EMIT stateChanged();
}

void UsageRollupController::merge()
{
    if (!m_rollup || m_rollup->wasCanceled() || m_rollup->treeError()) {
        Q_EMIT stateChanged();
        return;
    }
    // Merging and pricing tens of thousands of rows is a worker's job.
    m_merging = true;
    const quint64 generation = ++m_generation;
    const OrgTreeRollup *rollup = m_rollup;
    const RateCard card = m_card;
    const QList<OrgNode> nodes = rollup->organizations();
    // The lists are shared with the run's (no answer is copied here).
    QList<QList<api::UsageColumns>> answers;
    for (qsizetype i = 0; i < nodes.size(); ++i)
        answers.append(rollup->usageColumns(i));
    m_watcher->setFuture(QtConcurrent::run([generation, answers, nodes, card, range = m_range] {
        Merged out;
        out.generation = generation;
        {
            const UsageRollupColumns merged = mergeUsage(nodes, answers);
            out.duplicates = merged.duplicatesRemoved;
            out.showback = computeShowback(nodes, merged, card);
            out.cube = rollupCube(nodes, merged, range);
        }
        return out;
    }));
    Q_EMIT stateChanged();
}

bool UsageRollupController::isLoading() const
{
    return (m_rollup && m_rollup->isRunning()) || m_merging;
}

Progress UsageRollupController::progress() const
{
    return m_rollup ? m_rollup->progress() : Progress{};
}

QStringList UsageRollupController::missingOrganizations() const
{
    if (!m_rollup || m_rollup->isRunning())
        return {};
    if (m_rollup->treeError())
        return {m_rollup->treeError().userMessage()};
    QStringList out;
    for (qsizetype i : m_rollup->missing())
        out << m_rollup->organizations().at(i).pathText();
    return out;
}

} // namespace models
