#include "models/members/memberbatchmodel.h"

#include "models/export/csvwriter.h"

#include <QBrush>
#include <QColor>

namespace models {

MemberBatchModel::MemberBatchModel(Kind kind, QObject *parent) : QAbstractTableModel(parent), m_kind(kind) {}

void MemberBatchModel::setEntries(const QList<EmailListParser::Entry> &entries)
{
    beginResetModel();
    m_rows.clear();
    QHash<QString, int> firstLine;
    for (const EmailListParser::Entry &e : entries) {
        Row r;
        r.line = e.line;
        r.email = e.email;
        const QString key = e.email.trimmed().toCaseFolded();
        if (!EmailListParser::isValidEmail(e.email)) {
            r.check = Check::Invalid;
        } else if (firstLine.contains(key)) {
            r.check = Check::Duplicate;
            r.duplicateOf = firstLine.value(key);
        } else {
            firstLine.insert(key, e.line);
        }
        m_rows.append(r);
    }
    endResetModel();
    Q_EMIT outcomesChanged();
}

void MemberBatchModel::setMembers(const QList<api::Member> &members)
{
    beginResetModel();
    m_rows.clear();
    int n = 0;
    for (const api::Member &m : members) {
        Row r;
        r.line = ++n;
        r.email = m.user.email;
        r.name = m.user.name;
        r.memberId = m.id;
        m_rows.append(r);
    }
    endResetModel();
    Q_EMIT outcomesChanged();
}

void MemberBatchModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
    Q_EMIT outcomesChanged();
}

void MemberBatchModel::markExisting(int row, const QString &memberId)
{
    Row &r = m_rows[row];
    if (r.check != Check::Ready)
        return;
    r.check = Check::Existing;
    r.memberId = memberId;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT outcomesChanged();
}

void MemberBatchModel::setOutcome(int row, Outcome outcome, const QString &detail, const QString &memberId)
{
    Row &r = m_rows[row];
    r.outcome = outcome;
    r.detail = detail;
    if (!memberId.isEmpty())
        r.memberId = memberId;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT outcomesChanged();
}

QList<int> MemberBatchModel::rowsWithCheck(Check check) const
{
    QList<int> out;
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).check == check)
            out.append(i);
    return out;
}

int MemberBatchModel::countCheck(Check check) const
{
    return int(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [check](const Row &r) { return r.check == check; }));
}

int MemberBatchModel::countOutcome(Outcome outcome) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [outcome](const Row &r) { return r.outcome == outcome; }));
}

int MemberBatchModel::countOpen() const
{
    return countOutcome(Outcome::NotSent) + countOutcome(Outcome::Working);
}

int MemberBatchModel::readyRowOfEmail(const QString &email) const
{
    const QString key = email.trimmed().toCaseFolded();
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).check == Check::Ready && m_rows.at(i).email.trimmed().toCaseFolded() == key)
            return i;
    return -1;
}

QString MemberBatchModel::checkText(const Row &r) const
{
    switch (r.check) {
    case Check::Ready:
        return m_kind == Kind::Invite ? tr("Ready to invite") : tr("Ready to remove");
    case Check::Invalid:
        return r.email.isEmpty() ? tr("Empty address") : tr("Invalid address");
    case Check::Duplicate:
        return tr("Duplicate of line %1").arg(r.duplicateOf);
    case Check::Existing:
        return tr("Already a member");
    }
    return {};
}

QString MemberBatchModel::outcomeText(const Row &r) const
{
    switch (r.outcome) {
    case Outcome::NotSent:
        return {};
    case Outcome::Working:
        return m_kind == Kind::Invite ? tr("Inviting…") : tr("Removing…");
    case Outcome::Done:
        return m_kind == Kind::Invite ? tr("Invited") : tr("Removed");
    case Outcome::AlreadyMember:
        return tr("Already a member");
    case Outcome::Failed:
        return tr("Failed");
    case Outcome::Skipped:
        return tr("Not sent");
    case Outcome::Canceled:
        return tr("Canceled");
    }
    return {};
}

QString MemberBatchModel::summary() const
{
    QStringList parts;
    const int done = countOutcome(Outcome::Done);
    if (done)
        parts << (m_kind == Kind::Invite ? tr("%n invited", nullptr, done) : tr("%n removed", nullptr, done));
    if (const int n = countOutcome(Outcome::AlreadyMember))
        parts << tr("%n already a member", nullptr, n);
    if (const int n = countOutcome(Outcome::Failed))
        parts << tr("%n failed", nullptr, n);
    if (const int n = countOutcome(Outcome::Skipped))
        parts << tr("%n not sent", nullptr, n);
    if (const int n = countOutcome(Outcome::Canceled))
        parts << tr("%n canceled", nullptr, n);
    if (const int n = countOpen())
        parts << tr("%n pending", nullptr, n);
    return parts.join(QStringLiteral(", "));
}

QByteArray MemberBatchModel::toCsv() const
{
    QByteArray out =
        CsvWriter::line({QStringLiteral("line"), QStringLiteral("email"), QStringLiteral("check"),
                         QStringLiteral("result"), QStringLiteral("detail"), QStringLiteral("member_id")});
    for (const Row &r : m_rows)
        out += CsvWriter::line(
            {QString::number(r.line), r.email, checkText(r), outcomeText(r), r.detail, r.memberId});
    return out;
}

int MemberBatchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MemberBatchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MemberBatchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case LineColumn:
            return r.line;
        case EmailColumn:
            return r.name.isEmpty() ? r.email : r.email + QStringLiteral(" (") + r.name + u')';
        case CheckColumn:
            return checkText(r);
        case OutcomeColumn:
            return outcomeText(r);
        case DetailColumn:
            return r.detail;
        }
        break;
    case Qt::ForegroundRole:
        if ((index.column() == CheckColumn && r.check != Check::Ready) ||
            (index.column() == OutcomeColumn && r.outcome == Outcome::Failed))
            return QBrush(r.check == Check::Existing ? QColor(0x9a, 0x67, 0x00) : QColor(0xc6, 0x28, 0x28));
        if (index.column() == OutcomeColumn && r.outcome == Outcome::Done)
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        break;
    case CheckRole:
        return int(r.check);
    case OutcomeRole:
        return int(r.outcome);
    case MemberIdRole:
        return r.memberId;
    }
    return {};
}

QVariant MemberBatchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case LineColumn:
        return m_kind == Kind::Invite ? tr("Line") : tr("#");
    case EmailColumn:
        return tr("E-mail");
    case CheckColumn:
        return tr("Check");
    case OutcomeColumn:
        return tr("Result");
    case DetailColumn:
        return tr("Detail");
    }
    return {};
}

} // namespace models
