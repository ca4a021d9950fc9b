#pragma once
// In-memory state of the simulated API (REFERENCE §8.1). Plain structs; the
// DataStore owns them and knows the relations.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <optional>

namespace sim {

struct Profile
{
    QString businessAddress;
    QString businessEmail;
    QString businessName;
    QString businessPhone;
    QString externalMetadata;
};

struct Organization
{
    QByteArray id;
    QString name;
    qint64 createMs = 0;
    QByteArray parentId; // empty for roots
    std::optional<Profile> profile;
    QList<QPair<QByteArray, QByteArray>> tenantFlags; // wire order, values "enabled"/"disabled"
    QByteArray flag(QByteArrayView name) const
    {
        for (const auto &f : tenantFlags) {
            if (f.first == name)
                return f.second;
        }
        return {};
    }
};

struct AccountSettings
{
    std::optional<QString> abuseContactEmail;
    std::optional<qint64> accessApprovalExpiryMs;
    std::optional<bool> apiAccessEnabled;
    std::optional<QString> defaultNameservers;
    std::optional<bool> enforceTwoFactor;
    std::optional<bool> useAccountCustomNsByDefault;
};

struct Account
{
    QByteArray id;
    QByteArray organizationId;
    std::optional<QString> name;
    qint64 createdMs = 0;
    QByteArray type; // "standard" | "enterprise"
    AccountSettings settings;
    QList<QPair<QString, QString>> tags;
    // Usage generation inputs.
    QString zoneName;
    QByteArray zoneId;
    double scale = 1.0;
    quint32 productMask = 0; // bit per usage product family
};

struct User
{
    QByteArray id;
    QString email;
    QString name;
    bool twoFactor = true;
};

struct Member
{
    QByteArray id;
    QByteArray organizationId;
    int userIndex = -1;
    QByteArray status; // active | pending | rejected | canceled
    qint64 createMs = 0;
    qint64 updateMs = 0;
};

} // namespace sim
