// Accounts of an organization (REFERENCE §3.1).
#include "api/decode/envelope_p.h"

namespace api::decode {

using namespace detail;

namespace {

bool readAccount(Reader &r, od::value &v, const Path &path, Account *a)
{
    return r.object(
        v, path,
        [&](std::string_view k, od::value &val, const Path &fp) {
            if (is(k, "id"))
                return r.string(val, fp, &a->id);
            if (is(k, "name"))
                return r.optString(val, fp, &a->name);
            if (is(k, "type"))
                return r.internedString(val, fp, &a->type, 1);
            if (is(k, "created_on"))
                return r.timestamp(val, fp, &a->createdOn);
            if (is(k, "tags"))
                return r.stringMap(val, fp, &a->tags);
            if (is(k, "settings")) {
                od::json_type t{};
                if (!r.type(val, fp, &t))
                    return false;
                if (t == od::json_type::null)
                    return true;
                AccountSettings &s = a->settings;
                return r.object(val, fp, [&](std::string_view sk, od::value &sv, const Path &sp) {
                    if (is(sk, "abuse_contact_email"))
                        return r.optString(sv, sp, &s.abuseContactEmail);
                    if (is(sk, "access_approval_expiry")) {
                        od::json_type st{};
                        if (!r.type(sv, sp, &st))
                            return false;
                        if (st == od::json_type::null)
                            return true;
                        QDateTime d;
                        if (!r.timestamp(sv, sp, &d))
                            return false;
                        s.accessApprovalExpiry = d;
                        return true;
                    }
                    if (is(sk, "api_access_enabled"))
                        return r.boolean(sv, sp, &s.apiAccessEnabled);
                    if (is(sk, "default_nameservers"))
                        return r.optString(sv, sp, &s.defaultNameservers);
                    if (is(sk, "enforce_twofactor"))
                        return r.boolean(sv, sp, &s.enforceTwoFactor);
                    if (is(sk, "use_account_custom_ns_by_default"))
                        return r.boolean(sv, sp, &s.useAccountCustomNsByDefault);
                    return true;
                });
            }
            return true;
        },
        &a->rawJson);
}

} // namespace

Decoded<Page<Account>> accountsPage(const QByteArray &body)
{
    return tokenPage<Account>(body, readAccount);
}
Decoded<Account> account(const QByteArray &j)
{
    return bareObject<Account>(j, readAccount);
}

} // namespace api::decode
