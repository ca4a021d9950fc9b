// Members of an organization (REFERENCE §3.1).
#include "api/decode/envelope_p.h"

namespace api::decode {

using namespace detail;

namespace {

bool readMember(Reader &r, od::value &v, const Path &path, Member *m)
{
    return r.object(
        v, path,
        [&](std::string_view k, od::value &val, const Path &fp) {
            if (is(k, "id"))
                return r.string(val, fp, &m->id);
            if (is(k, "status"))
                return r.internedString(val, fp, &m->status, 2);
            if (is(k, "create_time"))
                return r.timestamp(val, fp, &m->createTime);
            if (is(k, "update_time"))
                return r.timestamp(val, fp, &m->updateTime);
            if (is(k, "user")) {
                return r.object(val, fp, [&](std::string_view uk, od::value &uv, const Path &up) {
                    if (uk == "id")
                        return r.string(uv, up, &m->user.id);
                    if (uk == "email")
                        return r.string(uv, up, &m->user.email);
                    if (uk == "name")
                        return r.string(uv, up, &m->user.name);
                    if (uk == "two_factor_authentication_enabled") {
                        std::optional<bool> b;
                        if (!r.boolean(uv, up, &b))
                            return false;
                        m->user.twoFactorEnabled = b.value_or(false);
                    }
                    return true;
                });
            }
            return true;
        },
        &m->rawJson);
}

} // namespace

Decoded<Member> memberResponse(const QByteArray &body)
{
    return objectResult<Member>(body, readMember);
}
Decoded<Page<Member>> membersPage(const QByteArray &body)
{
    return tokenPage<Member>(body, readMember);
}

Decoded<QList<Member>> membersResponse(const QByteArray &body)
{
    Decoded<QList<Member>> out;
    out.error = walkEnvelope(
        body,
        [&](Reader &r, od::value &v, const Path &p) {
            // Tolerate {"members":[…]} as well as a bare array.
            od::json_type t{};
            if (!r.type(v, p, &t))
                return false;
            if (t == od::json_type::object) {
                return r.object(v, p, [&](std::string_view k, od::value &mv, const Path &mp) {
                    if (is(k, "members"))
                        return readList(r, mv, mp, &out.value, readMember);
                    return true;
                });
            }
            return readList(r, v, p, &out.value, readMember);
        },
        [](Reader &, od::value &, const Path &) { return true; });
    return out;
}

Decoded<Member> member(const QByteArray &j)
{
    return bareObject<Member>(j, readMember);
}

} // namespace api::decode
