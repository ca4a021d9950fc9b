#include "models/organizations/accounttablemodel.h"

#include "models/reports/reportdocument.h"
#include "models/settings/zonedtime.h"

#include <QFont>
#include <QLocale>

namespace models {

namespace {

QString yesNo(const std::optional<bool> &value, const QString &yes, const QString &no)
{
    if (!value)
        return {};
    return *value ? yes : no;
}

} // namespace

AccountTableModel::AccountTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void AccountTableModel::clear()
{
    if (m_accounts.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_accounts.size()) - 1);
    m_accounts.clear();
    endRemoveRows();
}

void AccountTableModel::appendAccounts(const QList<api::Account> &accounts)
{
    if (accounts.isEmpty())
        return;
    const int first = int(m_accounts.size());
    beginInsertRows({}, first, first + int(accounts.size()) - 1);
    m_accounts.append(accounts);
    endInsertRows();
}

const api::Account *AccountTableModel::account(int row) const
{
    return row >= 0 && row < m_accounts.size() ? &m_accounts.at(row) : nullptr;
}

void AccountTableModel::setTimeZone(const QTimeZone &zone)
{
    if (m_zone == zone)
        return;
    m_zone = zone;
    Q_EMIT headerDataChanged(Qt::Horizontal, CreatedColumn, CreatedColumn);
    if (!m_accounts.isEmpty())
        Q_EMIT dataChanged(index(0, CreatedColumn), index(int(m_accounts.size()) - 1, CreatedColumn));
}

QString AccountTableModel::settingsSummary(const api::AccountSettings &s)
{
    QStringList parts;
    const QString twoFa = yesNo(s.enforceTwoFactor, tr("2FA enforced"), tr("2FA optional"));
    if (!twoFa.isEmpty())
        parts << twoFa;
    const QString apiAccess = yesNo(s.apiAccessEnabled, tr("API access on"), tr("API access off"));
    if (!apiAccess.isEmpty())
        parts << apiAccess;
    if (s.abuseContactEmail && !s.abuseContactEmail->isEmpty())
        parts << tr("abuse: %1").arg(*s.abuseContactEmail);
    if (s.accessApprovalExpiry && s.accessApprovalExpiry->isValid())
        parts << tr("access approval until %1")
                     .arg(QLocale().toString(s.accessApprovalExpiry->toLocalTime().date(),
                                             QLocale::ShortFormat));
    if (s.defaultNameservers && !s.defaultNameservers->isEmpty())
        parts << tr("NS: %1").arg(*s.defaultNameservers);
    if (s.useAccountCustomNsByDefault && *s.useAccountCustomNsByDefault)
        parts << tr("custom NS by default");
    return parts.join(QStringLiteral(" · "));
}

int AccountTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_accounts.size());
}

int AccountTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::Account &a = m_accounts.at(index.row());
    if (role == IdRole)
        return a.id;
    switch (index.column()) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return a.name ? *a.name : tr("(no name)");
        if (role == SortRole)
            return a.name ? a.name->toCaseFolded() : QString();
        if (role == Qt::FontRole && !a.name) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        break;
    case IdColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return a.id;
        if (role == Qt::FontRole) {
            QFont f(QStringLiteral("monospace"));
            f.setStyleHint(QFont::Monospace);
            return f;
        }
        break;
    case TypeColumn:
        if (role == Qt::DisplayRole) {
            if (a.type == QLatin1String("enterprise"))
                return tr("Enterprise");
            if (a.type == QLatin1String("standard"))
                return tr("Standard");
            return a.type.isEmpty() ? tr("unknown") : a.type;
        }
        if (role == SortRole)
            return a.type;
        break;
    case CreatedColumn:
        if (role == Qt::DisplayRole) {
            if (!a.createdOn.isValid())
                return QString();
            // The date is what people scan for; the exact instant is in the tooltip.
            return zonedDateText(a.createdOn, m_zone);
        }
        if (role == Qt::ToolTipRole && a.createdOn.isValid())
            return reportTimeText(a.createdOn, m_zone, true);
        if (role == SortRole)
            return a.createdOn.isValid() ? a.createdOn.toMSecsSinceEpoch() : qint64(0);
        break;
    case SettingsColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return settingsSummary(a.settings);
        if (role == Qt::ToolTipRole) {
            const api::AccountSettings &s = a.settings;
            auto text = [this](const std::optional<QString> &v) { return v ? *v : tr("not set"); };
            auto flag = [this](const std::optional<bool> &v) {
                return v ? (*v ? tr("yes") : tr("no")) : tr("not set");
            };
            return tr("Abuse contact e-mail: %1\nAccess approval expiry: %2\nAPI access enabled: %3\n"
                      "Default nameservers: %4\nEnforce two-factor: %5\nCustom NS by default: %6")
                .arg(text(s.abuseContactEmail),
                     s.accessApprovalExpiry ? s.accessApprovalExpiry->toUTC().toString(Qt::ISODate)
                                            : tr("not set"),
                     flag(s.apiAccessEnabled), text(s.defaultNameservers), flag(s.enforceTwoFactor),
                     flag(s.useAccountCustomNsByDefault));
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant AccountTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case IdColumn:
        return tr("Account ID");
    case TypeColumn:
        return tr("Type");
    case CreatedColumn:
        return headerWithZone(tr("Created"), m_zone);
    case SettingsColumn:
        return tr("Settings");
    default:
        return {};
    }
}

} // namespace models
