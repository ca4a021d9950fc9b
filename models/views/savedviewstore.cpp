#include "models/views/savedviewstore.h"

#include "models/settings/appsettings.h"

#include <QCoreApplication>
#include <QUuid>

namespace models {

SavedViewStore::SavedViewStore(AppSettings *settings, QObject *parent)
    : QAbstractListModel(parent), m_settings(settings)
{}

QString SavedViewStore::settingsKey(const QString &profileId)
{
    return QStringLiteral("views/") + profileId;
}

QString SavedViewStore::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void SavedViewStore::setProfile(const QString &profileId)
{
    if (profileId == m_profile)
        return;
    m_profile = profileId;
    load();
}

void SavedViewStore::setOrganization(const QString &organizationId)
{
    if (organizationId == m_organization)
        return;
    m_organization = organizationId;
    relist();
}

void SavedViewStore::load()
{
    m_views.clear();
    if (m_settings && !m_profile.isEmpty()) {
        const QByteArray json = m_settings->value(settingsKey(m_profile)).toByteArray();
        if (!json.isEmpty())
            m_views = SavedViewFile::read(json).views;
    }
    relist();
}

void SavedViewStore::save()
{
    if (m_settings && !m_profile.isEmpty())
        m_settings->setValue(settingsKey(m_profile), QString::fromUtf8(SavedViewFile::write(m_views, false)));
}

void SavedViewStore::relist()
{
    beginResetModel();
    m_rows.clear();
    for (int i = 0; i < m_views.size(); ++i)
        if (m_views.at(i).appliesTo(m_organization))
            m_rows.append(i);
    // By kind, then name: the list reads like a menu.
    std::sort(m_rows.begin(), m_rows.end(), [this](int a, int b) {
        const SavedView &x = m_views.at(a);
        const SavedView &y = m_views.at(b);
        if (x.kind != y.kind)
            return x.kind < y.kind;
        return x.name.compare(y.name, Qt::CaseInsensitive) < 0;
    });
    endResetModel();
    Q_EMIT viewsChanged();
}

QList<SavedView> SavedViewStore::visibleViews() const
{
    QList<SavedView> out;
    for (int i : m_rows)
        out.append(m_views.at(i));
    return out;
}

std::optional<SavedView> SavedViewStore::view(const QString &id) const
{
    for (const SavedView &v : m_views)
        if (v.id == id)
            return v;
    return std::nullopt;
}

std::optional<SavedView> SavedViewStore::viewAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_views.at(m_rows.at(row));
}

std::optional<SavedView> SavedViewStore::findByName(const QString &name) const
{
    for (const SavedView &v : m_views)
        if (v.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return v;
    return std::nullopt;
}

int SavedViewStore::rowOf(const QString &id) const
{
    for (int r = 0; r < m_rows.size(); ++r)
        if (m_views.at(m_rows.at(r)).id == id)
            return r;
    return -1;
}

bool SavedViewStore::nameTaken(const QString &name, const QString &exceptId) const
{
    for (const SavedView &v : m_views)
        if (v.id != exceptId && v.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QString SavedViewStore::uniqueName(const QString &base) const
{
    const QString trimmed = base.trimmed().isEmpty() ? tr("View") : base.trimmed();
    if (!nameTaken(trimmed))
        return trimmed;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 (%2)").arg(trimmed).arg(n);
        if (!nameTaken(candidate))
            return candidate;
    }
}

QString SavedViewStore::add(SavedView view)
{
    view.id = newId();
    view.name = uniqueName(view.name);
    m_views.append(view);
    save();
    relist();
    return view.id;
}

bool SavedViewStore::update(const SavedView &view)
{
    for (SavedView &v : m_views) {
        if (v.id != view.id)
            continue;
        if (view.name.trimmed().isEmpty() || nameTaken(view.name, view.id))
            return false;
        v = view;
        v.name = view.name.trimmed();
        save();
        relist();
        return true;
    }
    return false;
}

bool SavedViewStore::rename(const QString &id, const QString &name)
{
    std::optional<SavedView> v = view(id);
    if (!v)
        return false;
    v->name = name;
    return update(*v);
}

QString SavedViewStore::duplicate(const QString &id)
{
    std::optional<SavedView> v = view(id);
    if (!v)
        return {};
    v->name = uniqueName(tr("%1 (copy)").arg(v->name));
    return add(*v);
}

bool SavedViewStore::remove(const QString &id)
{
    const qsizetype before = m_views.size();
    m_views.removeIf([&](const SavedView &v) { return v.id == id; });
    if (m_views.size() == before)
        return false;
    save();
    relist();
    return true;
}

bool SavedViewStore::setAllOrganizations(const QString &id, bool all)
{
    std::optional<SavedView> v = view(id);
    if (!v)
        return false;
    v->allOrganizations = all;
    if (!all && v->organizationId.isEmpty())
        v->organizationId = m_organization;
    return update(*v);
}

QByteArray SavedViewStore::exportJson(const QStringList &ids) const
{
    QList<SavedView> out;
    for (const SavedView &v : m_views)
        if (ids.isEmpty() || ids.contains(v.id))
            out.append(v);
    return SavedViewFile::write(out);
}

SavedViewStore::ImportResult SavedViewStore::importJson(const QByteArray &json)
{
    ImportResult result;
    const SavedViewFile::ReadResult read = SavedViewFile::read(json);
    result.ignored = read.ignored;
    if (!read.ok()) {
        result.error = read.error;
        return result;
    }
    for (SavedView v : read.views) {
        bool replaced = false;
        for (SavedView &existing : m_views) {
            if (v.id.isEmpty() || existing.id != v.id)
                continue;
            // Another stored view may have taken the name meanwhile.
            if (nameTaken(v.name, v.id))
                v.name = uniqueName(v.name);
            existing = v;
            replaced = true;
            ++result.replaced;
        }
        if (replaced)
            continue;
        if (v.id.isEmpty() || view(v.id))
            v.id = newId();
        v.name = uniqueName(v.name);
        m_views.append(v);
        ++result.added;
    }
    save();
    relist();
    return result;
}

QList<SavedViewStore::ProfileViews> SavedViewStore::allProfiles(AppSettings &settings)
{
    QList<ProfileViews> out;
    for (const QString &profile : settings.childKeys(QStringLiteral("views"))) {
        const SavedViewFile::ReadResult read =
            SavedViewFile::read(settings.value(settingsKey(profile)).toByteArray());
        out.append({profile, read.views, read.ignored});
    }
    return out;
}

int SavedViewStore::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SavedViewStore::data(const QModelIndex &index, int role) const
{
    const std::optional<SavedView> v = viewAt(index.row());
    if (!index.isValid() || index.column() != 0 || !v)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return v->name;
    case Qt::ToolTipRole:
        return v->kind == SavedView::Kind::Audit
                   ? (v->allOrganizations ? tr("Audit log view, every organization") : tr("Audit log view"))
                   : (v->allOrganizations ? tr("Usage view, every organization") : tr("Usage view"));
    case IdRole:
        return v->id;
    case KindRole:
        return SavedView::kindToken(v->kind);
    case AllOrganizationsRole:
        return v->allOrganizations;
    default:
        return {};
    }
}

QHash<int, QByteArray> SavedViewStore::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "viewId");
    names.insert(KindRole, "kind");
    names.insert(AllOrganizationsRole, "allOrganizations");
    return names;
}

} // namespace models
