#include "datastore.h"

#include "timeutil.h"

namespace sim {

Organization *DataStore::organization(const QByteArray &id)
{
    for (auto &o : organizations) {
        if (o.id == id)
            return &o;
    }
    return nullptr;
}

const Organization *DataStore::organization(const QByteArray &id) const
{
    return const_cast<DataStore *>(this)->organization(id);
}

const Account *DataStore::account(const QByteArray &id) const
{
    for (const auto &a : accounts) {
        if (a.id == id)
            return &a;
    }
    return nullptr;
}

Member *DataStore::member(const QByteArray &organizationId, const QByteArray &memberId)
{
    for (auto &m : members) {
        if (m.id == memberId && m.organizationId == organizationId)
            return &m;
    }
    return nullptr;
}

int DataStore::userByEmail(const QString &email) const
{
    for (qsizetype i = 0; i < users.size(); ++i) {
        if (users[i].email.compare(email, Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

int DataStore::userById(const QByteArray &id) const
{
    for (qsizetype i = 0; i < users.size(); ++i) {
        if (users[i].id == id)
            return int(i);
    }
    return -1;
}

bool DataStore::isAncestorOrSelf(const QByteArray &ancestor, const QByteArray &org) const
{
    QByteArray cur = org;
    for (int guard = 0; !cur.isEmpty() && guard < 64; ++guard) {
        if (cur == ancestor)
            return true;
        const Organization *o = organization(cur);
        if (!o)
            return false;
        cur = o->parentId;
    }
    return false;
}

QList<QByteArray> DataStore::hierarchy(const QByteArray &org) const
{
    QList<QByteArray> chain;
    QByteArray cur = org;
    for (int guard = 0; !cur.isEmpty() && guard < 64; ++guard) {
        chain.prepend(cur);
        const Organization *o = organization(cur);
        if (!o)
            break;
        cur = o->parentId;
    }
    return chain;
}

QByteArray DataStore::rootOf(const QByteArray &org) const
{
    const auto chain = hierarchy(org);
    return chain.isEmpty() ? QByteArray() : chain.constFirst();
}

int DataStore::childCount(const QByteArray &org) const
{
    int n = 0;
    for (const auto &o : organizations)
        n += o.parentId == org ? 1 : 0;
    return n;
}

int DataStore::accountCount(const QByteArray &org) const
{
    int n = 0;
    for (const auto &a : accounts)
        n += a.organizationId == org ? 1 : 0;
    return n;
}

QList<const Account *> DataStore::accountsInSubtree(const QByteArray &org) const
{
    QList<const Account *> out;
    for (const auto &a : accounts) {
        if (isAncestorOrSelf(org, a.organizationId))
            out.append(&a);
    }
    return out;
}

void DataStore::writeProfile(JsonWriter &w, const Profile &p)
{
    w.beginObject()
        .field("business_address", p.businessAddress)
        .field("business_email", p.businessEmail)
        .field("business_name", p.businessName)
        .field("business_phone", p.businessPhone)
        .field("external_metadata", p.externalMetadata)
        .endObject();
}

void DataStore::writeOrganization(JsonWriter &w, const Organization &org, bool legacyMetaFlags) const
{
    w.beginObject().field("id", org.id);
    w.key("create_time").value(TimeUtil::rfc3339(org.createMs, true));
    w.key("meta").beginObject();
    if (legacyMetaFlags) {
        // The older five-key shape (REFERENCE §5.1, [SEED]/[GO6]).
        w.key("flags").beginObject();
        for (const char *name : {"account_creation", "account_deletion", "account_migration",
                                 "account_mobility", "sub_org_creation"})
            w.field(name, org.flag(name));
        w.endObject().field("managed_by", "");
    } else {
        w.key("hierarchy_tags").beginArray();
        for (const QByteArray &tag : hierarchy(org.id))
            w.value(tag);
        w.endArray();
        w.key("tenant_flags").beginObject();
        for (const auto &f : org.tenantFlags)
            w.field(std::string_view(f.first.constData(), size_t(f.first.size())), f.second);
        w.endObject();
    }
    w.endObject();
    w.field("name", org.name);
    if (!org.parentId.isEmpty()) {
        const Organization *parent = organization(org.parentId);
        w.key("parent").beginObject().field("id", org.parentId);
        w.field("name", parent ? parent->name : QString());
        w.endObject();
    }
    if (org.profile) {
        w.key("profile");
        writeProfile(w, *org.profile);
    }
    w.endObject();
}

void DataStore::writeAccount(JsonWriter &w, const Account &a, bool includeTags)
{
    w.beginObject().field("id", a.id);
    w.key("created_on").value(TimeUtil::rfc3339(a.createdMs, true));
    if (a.name)
        w.field("name", *a.name);
    else
        w.nullField("name");
    const AccountSettings &s = a.settings;
    w.key("settings").beginObject();
    if (s.abuseContactEmail)
        w.field("abuse_contact_email", *s.abuseContactEmail);
    else
        w.nullField("abuse_contact_email");
    if (s.accessApprovalExpiryMs)
        w.key("access_approval_expiry").value(TimeUtil::rfc3339(*s.accessApprovalExpiryMs, true));
    else
        w.nullField("access_approval_expiry");
    if (s.apiAccessEnabled)
        w.field("api_access_enabled", *s.apiAccessEnabled);
    else
        w.nullField("api_access_enabled");
    if (s.defaultNameservers)
        w.field("default_nameservers", *s.defaultNameservers);
    else
        w.nullField("default_nameservers");
    if (s.enforceTwoFactor)
        w.field("enforce_twofactor", *s.enforceTwoFactor);
    else
        w.nullField("enforce_twofactor");
    if (s.useAccountCustomNsByDefault)
        w.field("use_account_custom_ns_by_default", *s.useAccountCustomNsByDefault);
    else
        w.nullField("use_account_custom_ns_by_default");
    w.endObject();
    w.field("type", a.type);
    if (includeTags) {
        w.key("tags").beginObject();
        for (const auto &t : a.tags)
            w.field(t.first.toStdString(), t.second);
        w.endObject();
    }
    w.endObject();
}

void DataStore::writeMember(JsonWriter &w, const Member &m) const
{
    w.beginObject().field("id", m.id);
    w.key("create_time").value(TimeUtil::rfc3339(m.createMs, true));
    w.key("meta").beginObject().endObject();
    w.field("status", m.status);
    w.key("update_time").value(TimeUtil::rfc3339(m.updateMs, true));
    const User &u = users.at(m.userIndex);
    w.key("user").beginObject().field("id", u.id).field("email", u.email).field("name", u.name);
    w.field("two_factor_authentication_enabled", u.twoFactor).endObject();
    w.endObject();
}

} // namespace sim
