#include "models/members/membersmodel.h"

#include "models/reports/reportdocument.h"
#include "models/settings/zonedtime.h"

#include <QLocale>
#include <algorithm>

namespace models {

MembersModel::MembersModel(QObject *parent) : QAbstractTableModel(parent) {}

int MembersModel::beginLoad(bool keepRowsUntilFirstPage)
{
    ++m_generation;
    m_clearOnFirstPage = keepRowsUntilFirstPage;
    if (!keepRowsUntilFirstPage)
        clear();
    return m_generation;
}

void MembersModel::endLoad(int gen)
{
    if (gen == m_generation && m_clearOnFirstPage) {
        m_clearOnFirstPage = false;
        clear();
    }
}

bool MembersModel::appendPage(int gen, const QList<api::Member> &members)
{
    if (gen != m_generation)
        return false;
    if (m_clearOnFirstPage) {
        m_clearOnFirstPage = false;
        clear();
    }
    // A member seen again (a page boundary that shifted while we paged) is
    // refreshed in place; only genuinely new ones are inserted.
    QList<api::Member> fresh;
    fresh.reserve(members.size());
    QList<api::Member> known;
    for (const api::Member &m : members) {
        if (m_rowById.contains(m.id))
            known.append(m);
        else
            fresh.append(m);
    }
    if (!known.isEmpty())
        upsert(known);
    if (fresh.isEmpty())
        return true;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_rows.append(fresh);
    rebuildIndex(first);
    endInsertRows();
    return true;
}

void MembersModel::upsert(const QList<api::Member> &members)
{
    QList<api::Member> fresh;
    for (const api::Member &m : members) {
        const int row = rowOfId(m.id);
        if (row < 0) {
            // Two entries of the same id in one call count once.
            if (std::none_of(fresh.cbegin(), fresh.cend(),
                             [&](const api::Member &f) { return f.id == m.id; }))
                fresh.append(m);
            continue;
        }
        m_rowByEmail.remove(emailKey(m_rows.at(row).user.email));
        m_rows[row] = m;
        m_rowByEmail.insert(emailKey(m.user.email), row);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    m_rows.append(fresh);
    rebuildIndex(first);
    endInsertRows();
}

int MembersModel::removeIds(const QStringList &ids)
{
    QList<int> rows;
    for (const QString &id : ids) {
        const int row = rowOfId(id);
        if (row >= 0)
            rows.append(row);
    }
    if (rows.isEmpty())
        return 0;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // Remove from the bottom up so earlier row numbers stay valid.
    int i = int(rows.size()) - 1;
    while (i >= 0) {
        int last = rows.at(i);
        int first = last;
        while (i > 0 && rows.at(i - 1) == first - 1) {
            --i;
            first = rows.at(i);
        }
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        --i;
    }
    rebuildIndex(0);
    return int(rows.size());
}

void MembersModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    m_rowById.clear();
    m_rowByEmail.clear();
    endResetModel();
}

int MembersModel::rowOfId(const QString &id) const
{
    return m_rowById.value(id, -1);
}

int MembersModel::rowOfEmail(const QString &email) const
{
    return m_rowByEmail.value(emailKey(email), -1);
}

void MembersModel::setTimeZone(const QTimeZone &zone)
{
    if (m_zone == zone)
        return;
    m_zone = zone;
    Q_EMIT headerDataChanged(Qt::Horizontal, CreatedColumn, UpdatedColumn);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, CreatedColumn), index(rowCount() - 1, UpdatedColumn), {Qt::DisplayRole});
}

QString MembersModel::statusText(const QString &status)
{
    if (status == QLatin1String("active"))
        return tr("Active");
    if (status == QLatin1String("pending"))
        return tr("Pending");
    if (status == QLatin1String("canceled"))
        return tr("Canceled");
    if (status == QLatin1String("rejected"))
        return tr("Rejected");
    // Unknown values are shown as sent so nothing is hidden from the user.
    return status;
}

QString MembersModel::formatTime(const QDateTime &time) const
{
    if (!time.isValid())
        return {};
    return reportTimeText(time, m_zone);
}

int MembersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MembersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MembersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::Member &m = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case EmailColumn:
            return m.user.email;
        case NameColumn:
            return m.user.name;
        case StatusColumn:
            return statusText(m.status);
        case TwoFactorColumn:
            return m.user.twoFactorEnabled ? tr("Yes") : tr("No");
        case CreatedColumn:
            return zonedTimeText(m.createTime, m_zone);
        case UpdatedColumn:
            return zonedTimeText(m.updateTime, m_zone);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case EmailColumn:
            return m.user.email.toCaseFolded();
        case NameColumn:
            return m.user.name.toCaseFolded();
        case StatusColumn:
            return m.status;
        case TwoFactorColumn:
            return m.user.twoFactorEnabled;
        case CreatedColumn:
            return m.createTime;
        case UpdatedColumn:
            return m.updateTime;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == CreatedColumn || index.column() == UpdatedColumn) {
            const QDateTime t = index.column() == CreatedColumn ? m.createTime : m.updateTime;
            return t.isValid() ? reportTimeText(t, m_zone, true) : QVariant();
        }
        if (index.column() == EmailColumn)
            return m.user.email;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == TwoFactorColumn)
            return int(Qt::AlignCenter);
        break;
    case IdRole:
        return m.id;
    case EmailRole:
        return m.user.email;
    case StatusRole:
        return m.status;
    }
    return {};
}

QVariant MembersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case EmailColumn:
        return tr("E-mail");
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case TwoFactorColumn:
        return tr("2FA");
    case CreatedColumn:
        return headerWithZone(tr("Created"), m_zone);
    case UpdatedColumn:
        return headerWithZone(tr("Updated"), m_zone);
    }
    return {};
}

void MembersModel::rebuildIndex(int fromRow)
{
    if (fromRow == 0) {
        m_rowById.clear();
        m_rowByEmail.clear();
    }
    for (int row = fromRow; row < m_rows.size(); ++row) {
        m_rowById.insert(m_rows.at(row).id, row);
        m_rowByEmail.insert(emailKey(m_rows.at(row).user.email), row);
    }
}

} // namespace models
