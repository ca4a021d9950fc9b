#pragma once
// The members of one organization as a table. Rows arrive page by page from
// api::MembersPager; each load gets a generation number so a page that
// belongs to a superseded query (the filter or organization changed while it
// was in flight) is dropped instead of mixed in.

#include "api/records.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimeZone>

namespace models {

class MembersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        EmailColumn,
        NameColumn,
        StatusColumn,
        TwoFactorColumn,
        CreatedColumn,
        UpdatedColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // raw value to sort by (QDateTime, bool, lower-case text)
        IdRole,                      // membership id
        EmailRole,                   // the user's e-mail as received
        StatusRole,                  // raw status string
    };

    explicit MembersModel(QObject *parent = nullptr);

    // Starts a new generation; pages of older ones are ignored. Rows are
    // dropped now, or — for a refresh of the same list — only when the first
    // page of the new generation arrives, so a refresh that fails keeps them.
    int beginLoad(bool keepRowsUntilFirstPage = false);
    // The load of `gen` succeeded: drops rows still kept from before it.
    void endLoad(int gen);
    int generation() const { return m_generation; }
    // Appends one page of generation `gen` with a single beginInsertRows.
    // Returns false (and changes nothing) when the page is stale. Members
    // already present (same id) are updated in place rather than duplicated.
    bool appendPage(int gen, const QList<api::Member> &members);
    // Adds new members (after an invite) or updates known ones in place.
    void upsert(const QList<api::Member> &members);
    // Removes the rows of these membership ids, contiguous runs at a time.
    int removeIds(const QStringList &ids);
    void clear();

    const api::Member &member(int row) const { return m_rows.at(row); }
    const QList<api::Member> &members() const { return m_rows; }
    int rowOfId(const QString &id) const;
    // Case-insensitive, as e-mail addresses are compared by the simulator and by people.
    int rowOfEmail(const QString &email) const;
    bool containsEmail(const QString &email) const { return rowOfEmail(email) >= 0; }

    // Created and Updated in this zone (View › Time zone), named in their headers.
    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }

    static QString statusText(const QString &status);
    // With the zone's name: "2026-11-20 15:30 Asia/Kolkata (UTC+05:30)" (the details pane).
    QString formatTime(const QDateTime &time) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuildIndex(int fromRow = 0);
    static QString emailKey(const QString &email) { return email.trimmed().toCaseFolded(); }

    QList<api::Member> m_rows;
    QHash<QString, int> m_rowById;
    QHash<QString, int> m_rowByEmail;
    int m_generation = 0;
    bool m_clearOnFirstPage = false;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace models
