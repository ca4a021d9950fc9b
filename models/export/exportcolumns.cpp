#include "models/export/exportcolumns.h"

#include <QDateTime>

namespace models {

namespace {
QString tags(const QMap<QString, QString> &map)
{
    QStringList parts;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        parts << (it.value().isEmpty() ? it.key() : it.key() + QLatin1Char('=') + it.value());
    return parts.join(QLatin1Char(';'));
}
} // namespace

QString ExportColumns::time(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString ExportColumns::time(const QDateTime &t, const QTimeZone &zone)
{
    if (!t.isValid())
        return {};
    if (!zone.isValid() || zone == QTimeZone::utc())
        return time(t);
    return t.toTimeZone(zone).toString(Qt::ISODateWithMs);
}

QString ExportColumns::number(const std::optional<double> &v)
{
    return v ? QString::number(*v, 'g', 17) : QString();
}

QString ExportColumns::boolean(const std::optional<bool> &v)
{
    return v ? (*v ? QStringLiteral("true") : QStringLiteral("false")) : QString();
}

const QList<ExportColumn<api::Organization>> &ExportColumns::organizations()
{
    using O = api::Organization;
    static const QList<ExportColumn<O>> columns{
        {QStringLiteral("id"), [](const O &o) { return o.id; }},
        {QStringLiteral("name"), [](const O &o) { return o.name; }},
        {QStringLiteral("create_time"), [](const O &o) { return time(o.createTime); }, false,
         [](const O &o) { return o.createTime; }},
        {QStringLiteral("parent_id"), [](const O &o) { return o.parentId; }},
        {QStringLiteral("parent_name"), [](const O &o) { return o.parentName; }},
        {QStringLiteral("hierarchy_tags"), [](const O &o) { return o.hierarchyTags.join(QLatin1Char('/')); }},
        {QStringLiteral("flags"),
         [](const O &o) {
             QStringList parts;
             for (const api::Flag &f : o.flags)
                 parts << f.name + QLatin1Char('=') + f.value;
             return parts.join(QLatin1Char(';'));
         }},
        {QStringLiteral("business_name"),
         [](const O &o) { return o.profile ? o.profile->businessName : QString(); }},
        {QStringLiteral("business_email"),
         [](const O &o) { return o.profile ? o.profile->businessEmail : QString(); }},
        {QStringLiteral("business_phone"),
         [](const O &o) { return o.profile ? o.profile->businessPhone : QString(); }},
        {QStringLiteral("business_address"),
         [](const O &o) { return o.profile ? o.profile->businessAddress : QString(); }},
        {QStringLiteral("external_metadata"),
         [](const O &o) { return o.profile ? o.profile->externalMetadata : QString(); }},
    };
    return columns;
}

const QList<ExportColumn<api::Account>> &ExportColumns::accounts()
{
    using A = api::Account;
    static const QList<ExportColumn<A>> columns{
        {QStringLiteral("id"), [](const A &a) { return a.id; }},
        {QStringLiteral("name"), [](const A &a) { return a.name.value_or(QString()); }},
        {QStringLiteral("type"), [](const A &a) { return a.type; }},
        {QStringLiteral("created_on"), [](const A &a) { return time(a.createdOn); }, false,
         [](const A &a) { return a.createdOn; }},
        {QStringLiteral("abuse_contact_email"),
         [](const A &a) { return a.settings.abuseContactEmail.value_or(QString()); }},
        {QStringLiteral("access_approval_expiry"),
         [](const A &a) {
             return a.settings.accessApprovalExpiry ? time(*a.settings.accessApprovalExpiry) : QString();
         },
         false, [](const A &a) { return a.settings.accessApprovalExpiry.value_or(QDateTime()); }},
        {QStringLiteral("api_access_enabled"),
         [](const A &a) { return boolean(a.settings.apiAccessEnabled); }},
        {QStringLiteral("enforce_twofactor"),
         [](const A &a) { return boolean(a.settings.enforceTwoFactor); }},
        {QStringLiteral("tags"), [](const A &a) { return tags(a.tags); }},
    };
    return columns;
}

const QList<ExportColumn<api::Member>> &ExportColumns::members()
{
    using M = api::Member;
    static const QList<ExportColumn<M>> columns{
        {QStringLiteral("id"), [](const M &m) { return m.id; }},
        {QStringLiteral("status"), [](const M &m) { return m.status; }},
        {QStringLiteral("user_id"), [](const M &m) { return m.user.id; }},
        {QStringLiteral("user_email"), [](const M &m) { return m.user.email; }},
        {QStringLiteral("user_name"), [](const M &m) { return m.user.name; }},
        {QStringLiteral("two_factor_authentication_enabled"),
         [](const M &m) {
             return m.user.twoFactorEnabled ? QStringLiteral("true") : QStringLiteral("false");
         }},
        {QStringLiteral("create_time"), [](const M &m) { return time(m.createTime); }, false,
         [](const M &m) { return m.createTime; }},
        {QStringLiteral("update_time"), [](const M &m) { return time(m.updateTime); }, false,
         [](const M &m) { return m.updateTime; }},
    };
    return columns;
}

const QList<ExportColumn<api::AuditEvent>> &ExportColumns::auditEvents()
{
    using E = api::AuditEvent;
    static const QList<ExportColumn<E>> columns{
        {QStringLiteral("id"), [](const E &e) { return e.id; }},
        {QStringLiteral("action_time"), [](const E &e) { return time(e.actionTime); }, false,
         [](const E &e) { return e.actionTime; }},
        {QStringLiteral("action_type"), [](const E &e) { return e.actionType; }},
        {QStringLiteral("action_result"), [](const E &e) { return e.actionResult; }},
        {QStringLiteral("action_description"), [](const E &e) { return e.actionDescription; }},
        {QStringLiteral("actor_id"), [](const E &e) { return e.actorId; }},
        {QStringLiteral("actor_email"), [](const E &e) { return e.actorEmail; }},
        {QStringLiteral("actor_type"), [](const E &e) { return e.actorType; }},
        {QStringLiteral("actor_context"), [](const E &e) { return e.actorContext; }},
        {QStringLiteral("actor_ip_address"), [](const E &e) { return e.actorIpAddress; }},
        {QStringLiteral("actor_token_id"), [](const E &e) { return e.actorTokenId; }},
        {QStringLiteral("actor_token_name"), [](const E &e) { return e.actorTokenName; }},
        {QStringLiteral("organization_id"), [](const E &e) { return e.organizationId; }},
        {QStringLiteral("resource_id"), [](const E &e) { return e.resourceId; }},
        {QStringLiteral("resource_product"), [](const E &e) { return e.resourceProduct; }},
        {QStringLiteral("resource_type"), [](const E &e) { return e.resourceType; }},
        {QStringLiteral("resource_scope"), [](const E &e) { return QString::fromUtf8(e.resourceScopeJson); }},
        {QStringLiteral("raw_method"), [](const E &e) { return e.rawMethod; }},
        {QStringLiteral("raw_uri"), [](const E &e) { return e.rawUri; }},
        {QStringLiteral("raw_status_code"),
         [](const E &e) { return e.rawStatusCode ? QString::number(*e.rawStatusCode) : QString(); }, true},
        {QStringLiteral("raw_cf_ray_id"), [](const E &e) { return e.rawCfRayId; }},
        {QStringLiteral("raw_user_agent"), [](const E &e) { return e.rawUserAgent; }},
        {QStringLiteral("resource_request"),
         [](const E &e) { return QString::fromUtf8(e.resourceRequestJson); }},
        {QStringLiteral("resource_response"),
         [](const E &e) { return QString::fromUtf8(e.resourceResponseJson); }},
    };
    return columns;
}

const QList<ExportColumn<api::UsageRecord>> &ExportColumns::usageRecords()
{
    using U = api::UsageRecord;
    // FOCUS column names, as on the wire.
    static const QList<ExportColumn<U>> columns{
        {QStringLiteral("ChargePeriodStart"), [](const U &u) { return time(u.chargePeriodStart); }},
        {QStringLiteral("ChargePeriodEnd"), [](const U &u) { return time(u.chargePeriodEnd); }},
        {QStringLiteral("BillingAccountId"), [](const U &u) { return u.billingAccountId; }},
        {QStringLiteral("BillingAccountName"), [](const U &u) { return u.billingAccountName; }},
        {QStringLiteral("ChargeCategory"), [](const U &u) { return u.chargeCategory; }},
        {QStringLiteral("ChargeClass"), [](const U &u) { return u.chargeClass; }},
        {QStringLiteral("ChargeDescription"), [](const U &u) { return u.chargeDescription; }},
        {QStringLiteral("ChargeFrequency"), [](const U &u) { return u.chargeFrequency; }},
        {QStringLiteral("ConsumedQuantity"), [](const U &u) { return number(u.consumedQuantity); }, true},
        {QStringLiteral("ConsumedUnit"), [](const U &u) { return u.consumedUnit; }},
        {QStringLiteral("x_BillableMetricId"), [](const U &u) { return u.billableMetricId; }},
        {QStringLiteral("x_BillableMetricName"), [](const U &u) { return u.billableMetricName; }},
        {QStringLiteral("x_ProductFamilyId"), [](const U &u) { return u.productFamilyId; }},
        {QStringLiteral("x_ProductFamilyName"), [](const U &u) { return u.productFamilyName; }},
        {QStringLiteral("x_ProductCategoryName"), [](const U &u) { return u.productCategoryName; }},
        {QStringLiteral("x_ZoneId"), [](const U &u) { return u.zoneId; }},
        {QStringLiteral("x_ZoneName"), [](const U &u) { return u.zoneName; }},
        {QStringLiteral("SubAccountId"), [](const U &u) { return u.subAccountId; }},
        {QStringLiteral("SubAccountName"), [](const U &u) { return u.subAccountName; }},
        {QStringLiteral("RegionId"), [](const U &u) { return u.regionId; }},
        {QStringLiteral("RegionName"), [](const U &u) { return u.regionName; }},
        {QStringLiteral("HostProviderName"), [](const U &u) { return u.hostProviderName; }},
        {QStringLiteral("InvoiceIssuerName"), [](const U &u) { return u.invoiceIssuerName; }},
        {QStringLiteral("ServiceProviderName"), [](const U &u) { return u.serviceProviderName; }},
        {QStringLiteral("Tags"), [](const U &u) { return tags(u.tags); }},
        {QStringLiteral("BillingCurrency"), [](const U &u) { return u.billingCurrency; }},
        {QStringLiteral("BillingPeriodStart"), [](const U &u) { return time(u.billingPeriodStart); }},
        {QStringLiteral("BillingPeriodEnd"), [](const U &u) { return time(u.billingPeriodEnd); }},
        {QStringLiteral("PricingQuantity"), [](const U &u) { return number(u.pricingQuantity); }, true},
        {QStringLiteral("PricingUnit"), [](const U &u) { return u.pricingUnit; }},
        {QStringLiteral("ListUnitPrice"), [](const U &u) { return number(u.listUnitPrice); }, true},
        {QStringLiteral("ListCost"), [](const U &u) { return number(u.listCost); }, true},
        {QStringLiteral("ContractedUnitPrice"), [](const U &u) { return number(u.contractedUnitPrice); },
         true},
        {QStringLiteral("ContractedCost"), [](const U &u) { return number(u.contractedCost); }, true},
        {QStringLiteral("BilledCost"), [](const U &u) { return number(u.billedCost); }, true},
        {QStringLiteral("EffectiveCost"), [](const U &u) { return number(u.effectiveCost); }, true},
    };
    return columns;
}

} // namespace models
