#pragma once
// Reviewable log of background events and failures (a refresh that failed
// while the user was elsewhere, a retried request, …). Never holds secrets:
// callers pass user-facing sentences, not request dumps.

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace models {

class ActivityLog : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, SourceColumn, MessageColumn, ColumnCount };
    enum class Severity { Info, Warning, Error };

    explicit ActivityLog(QObject *parent = nullptr);

    void add(Severity severity, const QString &source, const QString &message);
    int errorCount() const { return m_errors; }
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    void entryAdded(models::ActivityLog::Severity severity, const QString &message);

private:
    struct Entry
    {
        QDateTime time;
        Severity severity;
        QString source;
        QString message;
    };
    static constexpr int kMaxEntries = 2000;
    QList<Entry> m_entries;
    int m_errors = 0;
};

} // namespace models
