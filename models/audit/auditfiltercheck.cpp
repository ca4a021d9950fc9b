#include "models/audit/auditfiltercheck.h"

#include "api/auditcolumns.h"

#include <optional>

namespace models {

namespace {

using C = api::AuditColumns;

std::optional<C::Text> textField(const QString &key)
{
    static const std::pair<const char *, C::Text> fields[] = {
        {"action_result", C::ActionResult},
        {"action_type", C::ActionType},
        {"actor_context", C::ActorContext},
        {"actor_email", C::ActorEmail},
        {"actor_id", C::ActorId},
        {"actor_ip_address", C::ActorIp},
        {"actor_token_id", C::ActorTokenId},
        {"actor_token_name", C::ActorTokenName},
        {"actor_type", C::ActorType},
        {"raw_method", C::RawMethod},
        {"resource_product", C::ResourceProduct},
        {"resource_type", C::ResourceType},
    };
    for (const auto &[name, field] : fields)
        if (key == QLatin1String(name))
            return field;
    return std::nullopt;
}

bool matchesAny(const QString &value, const QStringList &values)
{
    for (const QString &v : values)
        if (value.compare(v, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

// The value of a JSON string as text; nullopt for any other JSON (an object
// scope cannot be compared with a filter value) or an escape (rare; not judged).
std::optional<QString> jsonString(const QByteArray &json)
{
    const QByteArray t = json.trimmed();
    if (t.size() < 2 || !t.startsWith('"') || !t.endsWith('"') || t.contains('\\'))
        return std::nullopt;
    return QString::fromUtf8(t.mid(1, t.size() - 2));
}

} // namespace

AuditFilterCheck::AuditFilterCheck(const api::AuditQuery &query)
{
    for (const api::AuditQuery::Field &f : api::AuditQuery::fields()) {
        const QStringList &include = (query.*f.member).include;
        if (!include.isEmpty())
            m_keys.push_back({QLatin1String(f.wireKey), include});
    }
}

AuditFilterCheck::Result AuditFilterCheck::check(const api::AuditColumns &page) const
{
    Result result;
    const qsizetype n = page.size();
    result.drop.assign(std::size_t(n), false);
    for (const Key &key : m_keys) {
        // Per entry: 1 contradicts the filter, 0 matches or cannot be judged.
        std::vector<quint8> bad(std::size_t(n), 0);
        if (const auto field = textField(key.wireKey)) {
            // Each distinct value of the page is compared once.
            const QList<QString> &dictionary = page.values[*field];
            std::vector<quint8> badValue(std::size_t(dictionary.size()), 0);
            for (qsizetype v = 1; v < dictionary.size(); ++v) // 0 is "absent"
                badValue[std::size_t(v)] = !matchesAny(dictionary.at(v), key.values);
            const std::vector<quint32> &column = page.text[*field];
            for (std::size_t i = 0; i < std::size_t(n) && i < column.size(); ++i)
                bad[i] = column[i] < badValue.size() ? badValue[column[i]] : 0;
        } else {
            for (qsizetype i = 0; i < n; ++i) {
                std::optional<QString> value;
                if (key.wireKey == QLatin1String("id"))
                    value = page.ids.at(i);
                else if (key.wireKey == QLatin1String("raw_cf_ray_id"))
                    value = page.rayIds.at(i);
                else if (key.wireKey == QLatin1String("resource_id"))
                    value = page.resourceIds.at(i);
                else if (key.wireKey == QLatin1String("raw_status_code")) {
                    if (const auto &code = page.statusCodes[std::size_t(i)])
                        value = QString::number(*code);
                } else if (key.wireKey == QLatin1String("raw_uri")) {
                    value = C::expandUri(page.textAt(C::RawUri, i), page.resourceIds.at(i));
                } else if (key.wireKey == QLatin1String("resource_scope")) {
                    value = jsonString(page.bytes(page.scopes[std::size_t(i)]));
                }
                if (value && !value->isEmpty())
                    bad[std::size_t(i)] = !matchesAny(*value, key.values);
            }
        }
        bool ignored = false;
        for (std::size_t i = 0; i < bad.size(); ++i) {
            if (!bad[i])
                continue;
            ignored = true;
            if (!result.drop[i]) {
                result.drop[i] = true;
                ++result.dropped;
            }
        }
        if (ignored)
            result.ignoredKeys.append(key.wireKey);
    }
    return result;
}

} // namespace models
