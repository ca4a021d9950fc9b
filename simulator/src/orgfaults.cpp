#include "orgfaults.h"

#include <QStringList>

#include <algorithm>
#include <iterator>

namespace sim {

bool OrgFaults::parse(const QString &spec, QHash<QByteArray, Rule> *rules, QString &error)
{
    static const int statuses[] = {408, 409, 429, 500, 502, 503};
    for (const QString &item : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList parts = item.trimmed().split(QLatin1Char(':'));
        if (parts.size() < 2 || parts.size() > 3 || parts.at(0).isEmpty()) {
            error = QStringLiteral("expected ORGID:KIND[:RATE|:xN], got '%1'").arg(item);
            return false;
        }
        Rule rule;
        bool ok = false;
        rule.status = parts.at(1).toInt(&ok);
        if (!ok || std::find(std::begin(statuses), std::end(statuses), rule.status) == std::end(statuses)) {
            error = QStringLiteral("kind '%1': expected 408, 409, 429, 500, 502 or 503").arg(parts.at(1));
            return false;
        }
        if (parts.size() == 3) {
            const QString &third = parts.at(2);
            if (third.startsWith(QLatin1Char('x'))) {
                rule.remaining = third.mid(1).toInt(&ok);
                if (!ok || rule.remaining < 1) {
                    error = QStringLiteral("'%1': expected xN with N >= 1").arg(third);
                    return false;
                }
            } else {
                rule.rate = third.toDouble(&ok);
                if (!ok || !(rule.rate >= 0.0 && rule.rate <= 1.0)) {
                    error = QStringLiteral("rate '%1': expected a number in 0..1").arg(third);
                    return false;
                }
            }
        }
        if (rules)
            rules->insert(parts.at(0).toUtf8(), rule);
    }
    return true;
}

bool OrgFaults::configure(const QString &spec, quint64 seed, QString &error)
{
    QHash<QByteArray, Rule> rules;
    if (!parse(spec, &rules, error))
        return false;
    m_rules = rules;
    m_dice = Random(seed * 6151 + 29);
    return true;
}

std::optional<int> OrgFaults::roll(const QByteArray &orgId)
{
    const auto it = m_rules.find(orgId);
    if (it == m_rules.end())
        return std::nullopt;
    Rule &rule = it.value();
    if (rule.remaining == 0)
        return std::nullopt;
    if (rule.remaining > 0) {
        --rule.remaining;
        return rule.status;
    }
    if (rule.rate >= 1.0 || m_dice.chance(rule.rate))
        return rule.status;
    return std::nullopt;
}

} // namespace sim
