// Token verification.
#include "api/decode/envelope_p.h"

namespace api::decode {

using namespace detail;

namespace {

bool readTokenVerification(Reader &r, od::value &v, const Path &path, TokenVerification *t)
{
    return r.object(v, path, [&](std::string_view k, od::value &val, const Path &fp) {
        if (is(k, "id"))
            return r.string(val, fp, &t->id);
        if (is(k, "status"))
            return r.string(val, fp, &t->status);
        if (is(k, "expires_on"))
            return r.timestamp(val, fp, &t->expiresOn);
        if (is(k, "not_before"))
            return r.timestamp(val, fp, &t->notBefore);
        return true;
    });
}

} // namespace

Decoded<TokenVerification> tokenVerificationResponse(const QByteArray &body)
{
    Decoded<TokenVerification> out = objectResult<TokenVerification>(body, readTokenVerification);
    if (out.ok()) {
        // The informational text lives in messages[]; a second light walk is fine for one tiny body.
        Decoded<QList<ApiMessage>> messages;
        Reader r;
        simdjson::padded_string padded(body.constData(), size_t(body.size()));
        od::document doc;
        od::value top;
        if (!threadParser().iterate(padded).get(doc) && !doc.get_value().get(top)) {
            r.object(top, Path{}, [&](std::string_view k, od::value &v, const Path &p) {
                if (is(k, "messages"))
                    return readMessages(r, v, p, &messages.value);
                return true;
            });
        }
        if (!messages.value.isEmpty())
            out.value.message = messages.value.first().message;
    }
    return out;
}

} // namespace api::decode
