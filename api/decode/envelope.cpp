// What every envelope shares: the error lists, result_info, and the answers
// that carry no resource of their own.
#include "api/decode/envelope_p.h"

namespace api::decode {

namespace detail {

od::parser &threadParser()
{
    thread_local od::parser parser;
    return parser;
}

bool readMessages(Reader &r, od::value &v, const Path &path, QList<ApiMessage> *out)
{
    return r.array(v, path, [&](od::value &item, const Path &ip) {
        od::json_type t{};
        if (!r.type(item, ip, &t))
            return false;
        ApiMessage m;
        if (t == od::json_type::string) {
            if (!r.string(item, ip, &m.message))
                return false;
            out->append(m);
            return true;
        }
        if (t != od::json_type::object)
            return true; // the SDK types these as unknown: skip what we cannot use
        const bool ok = r.object(item, ip, [&](std::string_view k, od::value &val, const Path &fp) {
            od::json_type vt{};
            if (!r.type(val, fp, &vt))
                return false;
            if (is(k, "code") && vt == od::json_type::number) {
                std::optional<double> d;
                if (!r.number(val, fp, &d))
                    return false;
                const std::optional<qint64> n = d ? wholeNumber(*d) : std::nullopt;
                if (n && *n >= std::numeric_limits<int>::min() && *n <= std::numeric_limits<int>::max())
                    m.code = int(*n); // anything else is no code we could act on
            } else if (is(k, "message") && vt == od::json_type::string) {
                return r.string(val, fp, &m.message);
            } else if (is(k, "documentation_url") && vt == od::json_type::string) {
                return r.string(val, fp, &m.documentationUrl);
            } else if (is(k, "error_chain") && vt == od::json_type::array) {
                // The causes, flattened: each cause's own chain follows it.
                QList<ApiMessage> causes;
                if (!readMessages(r, val, fp, &causes))
                    return false;
                for (const ApiMessage &c : std::as_const(causes)) {
                    if (!c.message.trimmed().isEmpty())
                        m.chain.append(
                            c.code != 0 ? QStringLiteral("%1 (code %2)").arg(c.message.trimmed()).arg(c.code)
                                        : c.message.trimmed());
                    m.chain.append(c.chain);
                }
                return true;
            } else if (is(k, "source") && vt == od::json_type::object) {
                return r.object(val, fp, [&](std::string_view sk, od::value &sv, const Path &sp) {
                    od::json_type st{};
                    if (!r.type(sv, sp, &st))
                        return false;
                    if (is(sk, "pointer") && st == od::json_type::string)
                        return r.string(sv, sp, &m.pointer);
                    return true;
                });
            }
            return true;
        });
        if (!ok)
            return false;
        out->append(m);
        return true;
    });
}

bool readTokenInfo(Reader &r, od::value &v, const Path &p, QString *token, std::optional<qint64> *total)
{
    return r.object(v, p, [&](std::string_view k, od::value &val, const Path &fp) {
        if (is(k, "next_page_token"))
            return r.string(val, fp, token);
        if (is(k, "total_size")) {
            std::optional<double> d;
            if (!r.number(val, fp, &d))
                return false;
            if (d)
                *total = wholeNumber(*d); // a count we cannot represent is no count
        }
        return true;
    });
}

bool readAuditInfo(Reader &r, od::value &v, const Path &p, QString *cursor, std::optional<qint64> *count)
{
    QString flat;
    QString after;
    const bool ok = r.object(v, p, [&](std::string_view k, od::value &val, const Path &fp) {
        if (is(k, "cursor"))
            return r.string(val, fp, &flat);
        if (is(k, "cursors")) {
            od::json_type t{};
            if (!r.type(val, fp, &t))
                return false;
            if (t == od::json_type::null)
                return true;
            return r.object(val, fp, [&](std::string_view ck, od::value &cv, const Path &cp) {
                if (ck == "after")
                    return r.string(cv, cp, &after);
                return true;
            });
        }
        if (is(k, "count")) {
            od::json_type t{};
            if (!r.type(val, fp, &t))
                return false;
            if (t == od::json_type::number) {
                std::optional<double> d;
                if (!r.number(val, fp, &d))
                    return false;
                if (d)
                    *count = wholeNumber(*d);
                return true;
            }
            QString s;
            if (!r.string(val, fp, &s))
                return false;
            bool isNumber = false;
            const qint64 n = s.toLongLong(&isNumber);
            if (isNumber)
                *count = n;
        }
        return true;
    });
    *cursor = flat.isEmpty() ? after : flat;
    return ok;
}

} // namespace detail

using namespace detail;

Decoded<QString> deletedIdResponse(const QByteArray &body)
{
    return objectResult<QString>(body, [](Reader &r, od::value &v, const Path &p, QString *id) {
        return r.object(v, p, [&](std::string_view k, od::value &val, const Path &fp) {
            if (is(k, "id"))
                return r.string(val, fp, id);
            return true;
        });
    });
}

QList<ApiMessage> errorMessages(const QByteArray &body)
{
    QList<ApiMessage> errors;
    if (body.trimmed().isEmpty() || !simdjson::validate_utf8(body.constData(), size_t(body.size())))
        return errors;
    simdjson::padded_string padded(body.constData(), size_t(body.size()));
    od::document doc;
    od::value top;
    if (threadParser().iterate(padded).get(doc) || doc.get_value().get(top))
        return errors;
    Reader r;
    QList<ApiMessage> messages;
    od::json_type t{};
    if (!r.type(top, Path{}, &t) || t != od::json_type::object)
        return errors;
    r.object(top, Path{}, [&](std::string_view k, od::value &v, const Path &p) {
        if (is(k, "errors"))
            return readMessages(r, v, p, &errors);
        if (is(k, "messages"))
            return readMessages(r, v, p, &messages);
        return true;
    });
    // Some failures explain themselves only in messages[].
    if (errors.isEmpty())
        errors = messages;
    return errors;
}

} // namespace api::decode
