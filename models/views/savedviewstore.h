#pragma once
// The saved views of one connection profile, kept in the settings (key
// "views/<profile id>", the views file format of SavedViewFile) and listed
// as a model: the rows are the views that apply to the current organization
// (saved in it, or available for every organization). Names are unique per
// profile (case-insensitive), so `orgscope export --view NAME` finds one.

#include "models/views/savedview.h"

#include <QAbstractListModel>
#include <optional>

namespace models {

class AppSettings;

class SavedViewStore : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,             // QString: "audit" | "usage"
        AllOrganizationsRole, // bool
    };

    // settings is not owned and outlives the store.
    explicit SavedViewStore(AppSettings *settings, QObject *parent = nullptr);

    // The connection profile whose views are shown and changed; reads them.
    void setProfile(const QString &profileId);
    QString profile() const { return m_profile; }
    // Rows: the views that apply to this organization.
    void setOrganization(const QString &organizationId);
    QString organization() const { return m_organization; }

    QList<SavedView> views() const { return m_views; } // every view of the profile
    QList<SavedView> visibleViews() const;
    std::optional<SavedView> view(const QString &id) const;
    std::optional<SavedView> viewAt(int row) const;
    std::optional<SavedView> findByName(const QString &name) const;
    int rowOf(const QString &id) const;

    // Stores a new view (a fresh id; the name made unique) and returns its id.
    QString add(SavedView view);
    // Replaces the view with the same id; false when unknown or the name is taken.
    bool update(const SavedView &view);
    bool rename(const QString &id, const QString &name);
    // A copy named "<name> (copy)"; empty when id is unknown.
    QString duplicate(const QString &id);
    bool remove(const QString &id);
    bool setAllOrganizations(const QString &id, bool all);

    bool nameTaken(const QString &name, const QString &exceptId = {}) const;
    QString uniqueName(const QString &base) const;

    // The file format (docs/VIEWS.md); ids empty: every view of the profile.
    QByteArray exportJson(const QStringList &ids = {}) const;
    struct ImportResult
    {
        int added = 0;
        int replaced = 0; // same id as a view already there
        QStringList ignored;
        QString error;
        bool ok() const { return error.isEmpty(); }
    };
    // Adds the file's views; one with the id of a stored view replaces it.
    // Views saved for no organization or another one keep their scope.
    ImportResult importJson(const QByteArray &json);

    // Every profile's views as stored (for `orgscope export --view NAME`).
    struct ProfileViews
    {
        QString profileId;
        QList<SavedView> views;
        QStringList ignored;
    };
    static QList<ProfileViews> allProfiles(AppSettings &settings);
    static QString settingsKey(const QString &profileId);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    // Any view added, changed or removed (also on another profile being shown).
    void viewsChanged();

private:
    void load();
    void save();
    void relist();
    static QString newId();

    AppSettings *m_settings;
    QString m_profile;
    QString m_organization;
    QList<SavedView> m_views;
    QList<int> m_rows; // indexes into m_views of the visible views
};

} // namespace models
