#pragma once
// The rows of a bulk members operation: first the preview (which addresses
// are invalid, repeated, or already members), then one outcome per row as
// the operation runs. Every input row stays in the model until the end, so
// the result accounts for each of them and can be saved as CSV.

#include "api/records.h"
#include "models/members/emaillistparser.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace models {

class MemberBatchModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { LineColumn, EmailColumn, CheckColumn, OutcomeColumn, DetailColumn, ColumnCount };
    Q_ENUM(Column)
    enum class Check { Ready, Invalid, Duplicate, Existing };
    Q_ENUM(Check)
    enum class Outcome { NotSent, Working, Done, AlreadyMember, Failed, Skipped, Canceled };
    Q_ENUM(Outcome)
    enum class Kind { Invite, Remove };
    enum Role { CheckRole = Qt::UserRole + 1, OutcomeRole, MemberIdRole };

    struct Row
    {
        int line = 0; // source line for invites, 1-based position for removals
        QString email;
        QString name;
        QString memberId;
        Check check = Check::Ready;
        int duplicateOf = -1; // line of the first occurrence
        Outcome outcome = Outcome::NotSent;
        QString detail;
    };

    explicit MemberBatchModel(Kind kind = Kind::Invite, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    // Invite preview: each entry becomes a row, checked for syntax and repeats.
    void setEntries(const QList<EmailListParser::Entry> &entries);
    // Removal: one row per member, all ready.
    void setMembers(const QList<api::Member> &members);
    void clear();

    // A ready row turns out to be a current member (loaded table or lookup).
    void markExisting(int row, const QString &memberId);
    void setOutcome(int row, Outcome outcome, const QString &detail = {}, const QString &memberId = {});

    const Row &row(int row) const { return m_rows.at(row); }
    const QList<Row> &rows() const { return m_rows; }
    QList<int> rowsWithCheck(Check check) const;
    int countCheck(Check check) const;
    int countOutcome(Outcome outcome) const;
    // Rows whose outcome is still open (not sent or in flight).
    int countOpen() const;
    // Case-insensitive: the row of the first ready entry with this address.
    int readyRowOfEmail(const QString &email) const;

    QString checkText(const Row &row) const;
    QString outcomeText(const Row &row) const;
    // "3 invited, 1 already a member, 1 failed, 2 not sent".
    QString summary() const;
    QByteArray toCsv() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void outcomesChanged();

private:
    Kind m_kind;
    QList<Row> m_rows;
};

} // namespace models
