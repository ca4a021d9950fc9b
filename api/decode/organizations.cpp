// Organizations and their profiles (REFERENCE §3.1).
#include "api/decode/envelope_p.h"

namespace api::decode {

using namespace detail;

namespace {

bool readProfile(Reader &r, od::value &v, const Path &path, Profile *p)
{
    return r.object(v, path, [&](std::string_view k, od::value &val, const Path &fp) {
        if (is(k, "business_name"))
            return r.string(val, fp, &p->businessName);
        if (is(k, "business_email"))
            return r.string(val, fp, &p->businessEmail);
        if (is(k, "business_phone"))
            return r.string(val, fp, &p->businessPhone);
        if (is(k, "business_address"))
            return r.string(val, fp, &p->businessAddress);
        if (is(k, "external_metadata"))
            return r.string(val, fp, &p->externalMetadata);
        return true;
    });
}

bool readFlags(Reader &r, od::value &v, const Path &path, QList<Flag> *flags)
{
    flags->clear();
    od::json_type t{};
    if (!r.type(v, path, &t))
        return false;
    if (t == od::json_type::null)
        return true;
    return r.object(v, path, [&](std::string_view k, od::value &val, const Path &fp) {
        Flag f;
        f.name = QString::fromUtf8(k.data(), qsizetype(k.size()));
        od::json_type vt{};
        if (!r.type(val, fp, &vt))
            return false;
        if (vt == od::json_type::boolean) {
            std::optional<bool> b;
            if (!r.boolean(val, fp, &b))
                return false;
            f.value = *b ? QStringLiteral("enabled") : QStringLiteral("disabled");
        } else if (!r.internedString(val, fp, &f.value, 0)) {
            return false;
        }
        flags->append(f);
        return true;
    });
}

bool readOrganization(Reader &r, od::value &v, const Path &path, Organization *o)
{
    QList<Flag> legacyFlags;
    bool haveTenantFlags = false;
    bool ok = r.object(
        v, path,
        [&](std::string_view k, od::value &val, const Path &fp) {
            if (is(k, "id"))
                return r.string(val, fp, &o->id);
            if (is(k, "name"))
                return r.string(val, fp, &o->name);
            if (is(k, "create_time"))
                return r.timestamp(val, fp, &o->createTime);
            if (is(k, "parent")) {
                od::json_type t{};
                if (!r.type(val, fp, &t))
                    return false;
                if (t == od::json_type::null)
                    return true;
                return r.object(val, fp, [&](std::string_view pk, od::value &pv, const Path &pp) {
                    if (pk == "id")
                        return r.string(pv, pp, &o->parentId);
                    if (pk == "name")
                        return r.string(pv, pp, &o->parentName);
                    return true;
                });
            }
            if (is(k, "profile")) {
                od::json_type t{};
                if (!r.type(val, fp, &t))
                    return false;
                if (t == od::json_type::null)
                    return true;
                Profile p;
                if (!readProfile(r, val, fp, &p))
                    return false;
                o->profile = p;
                return true;
            }
            if (is(k, "meta")) {
                od::json_type t{};
                if (!r.type(val, fp, &t))
                    return false;
                if (t == od::json_type::null)
                    return true;
                return r.object(val, fp, [&](std::string_view mk, od::value &mv, const Path &mp) {
                    if (mk == "tenant_flags") {
                        haveTenantFlags = true;
                        return readFlags(r, mv, mp, &o->flags);
                    }
                    if (mk == "flags")
                        return readFlags(r, mv, mp, &legacyFlags);
                    if (mk == "managed_by")
                        return r.string(mv, mp, &o->managedBy);
                    if (mk == "hierarchy_tags") {
                        o->hierarchyTags.clear();
                        return r.array(mv, mp, [&](od::value &tv, const Path &tp) {
                            QString tag;
                            if (!r.string(tv, tp, &tag))
                                return false;
                            o->hierarchyTags.append(tag);
                            return true;
                        });
                    }
                    return true;
                });
            }
            return true;
        },
        &o->rawJson);
    if (!ok)
        return false;
    o->flagsAreTenantFlags = haveTenantFlags;
    if (!haveTenantFlags)
        o->flags = legacyFlags;
    return true;
}

} // namespace

Decoded<Organization> organizationResponse(const QByteArray &body)
{
    return objectResult<Organization>(body, readOrganization);
}
Decoded<Page<Organization>> organizationsPage(const QByteArray &body)
{
    return tokenPage<Organization>(body, readOrganization);
}
Decoded<Profile> profileResponse(const QByteArray &body)
{
    return objectResult<Profile>(body, readProfile);
}
Decoded<Organization> organization(const QByteArray &j)
{
    return bareObject<Organization>(j, readOrganization);
}

} // namespace api::decode
