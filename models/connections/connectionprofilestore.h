#pragma once
// The connection profiles: saved ones in QSettings (group "connections", no
// secret ever), plus the unsaved ones of this run (environment, demo) listed
// first. A list model so the connect dialog can show it directly.

#include "models/connections/connectionprofile.h"

#include <QAbstractListModel>
#include <QList>
#include <QSettings>
#include <optional>

namespace models {

class ConnectionProfileStore : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, OriginRole, BaseUrlRole, SavedRole };

    explicit ConnectionProfileStore(QObject *parent = nullptr);

    QList<ConnectionProfile> profiles() const { return m_profiles; }
    std::optional<ConnectionProfile> profile(const QString &id) const;
    int rowOf(const QString &id) const;

    // Stores a new saved profile and returns its fresh id.
    QString add(ConnectionProfile profile);
    // Replaces the saved profile with the same id; false when unknown or unsaved.
    bool update(const ConnectionProfile &profile);
    // A saved copy named "<name> (copy)"; works for unsaved profiles too.
    QString duplicate(const QString &id);
    // Forgets a saved profile; profileRemoved() tells the owner of its secret.
    bool remove(const QString &id);
    // An unsaved profile for this run (environment, demo); replaces one of the same origin.
    QString addTransient(ConnectionProfile profile);

    // Another profile already uses this name (names are compared case-insensitively).
    bool nameTaken(const QString &name, const QString &exceptId = {}) const;
    QString uniqueName(const QString &base) const;

    // Reconnected at start. Only saved profiles are remembered.
    QString lastUsedId() const;
    void setLastUsedId(const QString &id);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void profileRemoved(const QString &id);
    void profileChanged(const QString &id);

private:
    void load();
    void write(const ConnectionProfile &profile);
    static QString newId();

    mutable QSettings m_settings;
    QList<ConnectionProfile> m_profiles; // transient first, then saved in settings order
};

} // namespace models
