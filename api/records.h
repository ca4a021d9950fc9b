#pragma once
// Typed records of the Cloudflare Organizations API (REFERENCE §5). Every
// field that the API may omit is optional here; decoders fill what they find
// and never invent values. Widgets and models see these, never JSON objects.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace api {

// One key/value pair of meta.tenant_flags or meta.flags, in wire order.
struct Flag
{
    QString name;
    QString value; // raw string from the API ("enabled", "disabled", or anything else)
};

struct Profile
{
    QString businessName;
    QString businessEmail;
    QString businessPhone;
    QString businessAddress;
    QString externalMetadata;
    friend bool operator==(const Profile &, const Profile &) = default;
};

struct Organization
{
    QString id;
    QString name;
    QDateTime createTime; // UTC
    QString parentId;     // empty for a root organization
    QString parentName;
    QString managedBy;
    QStringList hierarchyTags; // root first, self last (may be empty on old shapes)
    QList<Flag> flags;         // from meta.tenant_flags, else meta.flags
    bool flagsAreTenantFlags = false;
    std::optional<Profile> profile;
    QByteArray rawJson; // the object as received, for JSON export

    // Flag value or empty when absent.
    QString flag(const QString &name) const
    {
        for (const Flag &f : flags)
            if (f.name == name)
                return f.value;
        return {};
    }
};

struct AccountSettings
{
    std::optional<QString> abuseContactEmail;
    std::optional<QDateTime> accessApprovalExpiry;
    std::optional<bool> apiAccessEnabled;
    std::optional<QString> defaultNameservers;
    std::optional<bool> enforceTwoFactor;
    std::optional<bool> useAccountCustomNsByDefault;
};

struct Account
{
    QString id;
    std::optional<QString> name; // nullable on the wire
    QString type;                // "standard" | "enterprise" | unknown
    QDateTime createdOn;
    AccountSettings settings;
    QMap<QString, QString> tags;
    QByteArray rawJson;
};

struct MemberUser
{
    QString id;
    QString email;
    QString name;
    bool twoFactorEnabled = false;
};

struct Member
{
    QString id;     // membership id
    QString status; // active | pending | rejected | canceled | unknown
    QDateTime createTime;
    QDateTime updateTime;
    MemberUser user;
    QByteArray rawJson;
};

struct AuditEvent
{
    QString id;
    // action
    QString actionDescription;
    QString actionResult;    // success | failure
    QDateTime actionTime;    // UTC
    qint64 actionTimeMs = 0; // same instant as ms since epoch (cheap to compare)
    QString actionType;      // create | update | delete | view
    // actor
    QString actorId;
    QString actorContext;
    QString actorEmail;
    QString actorIpAddress;
    QString actorTokenId;
    QString actorTokenName;
    QString actorType;
    // organization
    QString organizationId;
    // raw
    QString rawCfRayId;
    QString rawMethod;
    std::optional<int> rawStatusCode;
    QString rawUri;
    QString rawUserAgent;
    // resource
    QString resourceId;
    QString resourceProduct;
    QString resourceType;
    QByteArray resourceRequestJson;  // raw JSON text, empty when absent
    QByteArray resourceResponseJson; // raw JSON text, empty when absent
    QByteArray resourceScopeJson;    // raw JSON text, empty when absent
    QByteArray rawJson;              // the whole entry as received
};

// FOCUS v1.3 usage record (REFERENCE §5.6). Every column is optional on the
// wire; cost columns are absent on today's real API.
struct UsageRecord
{
    QString billingAccountId;
    QString billingAccountName;
    QString chargeCategory;
    QString chargeClass; // "Correction" or empty
    QString chargeDescription;
    QString chargeFrequency;
    QDateTime chargePeriodStart; // UTC
    QDateTime chargePeriodEnd;
    std::optional<double> consumedQuantity;
    QString consumedUnit;
    QString hostProviderName;
    QString invoiceIssuerName;
    QString serviceProviderName;
    QString billableMetricId;
    QString billableMetricName;
    QString productFamilyId;
    QString productFamilyName;
    QString productCategoryName;
    QString zoneId;
    QString zoneName;
    QString subAccountId;
    QString subAccountName;
    QString regionId;
    QString regionName;
    QMap<QString, QString> tags;
    QString billingCurrency;
    QDateTime billingPeriodStart;
    QDateTime billingPeriodEnd;
    std::optional<double> pricingQuantity;
    QString pricingUnit;
    std::optional<double> listUnitPrice;
    std::optional<double> listCost;
    std::optional<double> contractedUnitPrice;
    std::optional<double> contractedCost;
    std::optional<double> billedCost;
    std::optional<double> effectiveCost;
    QByteArray rawJson;
};

struct TokenVerification
{
    QString id;
    QString status; // active | disabled | expired
    QDateTime expiresOn;
    QDateTime notBefore;
    QString message; // informational message, if any
};

} // namespace api
