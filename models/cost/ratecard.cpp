#include "ratecard.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <cmath>

namespace models {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("models::RateCard", text);
}

const QSet<QString> &cardKeys()
{
    static const QSet<QString> keys{QStringLiteral("format_version"), QStringLiteral("currency"),
                                    QStringLiteral("name"), QStringLiteral("as_of"),
                                    QStringLiteral("metrics")};
    return keys;
}

const QSet<QString> &entryKeys()
{
    static const QSet<QString> keys{QStringLiteral("metric"),       QStringLiteral("metric_name"),
                                    QStringLiteral("unit"),         QStringLiteral("divisor"),
                                    QStringLiteral("price"),        QStringLiteral("included_per_month"),
                                    QStringLiteral("pricing_unit"), QStringLiteral("product_family"),
                                    QStringLiteral("source"),       QStringLiteral("as_of"),
                                    QStringLiteral("note")};
    return keys;
}

bool finiteNonNegative(const QJsonValue &v)
{
    return v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() >= 0.0;
}

// One entry; returns false (and says why) when it cannot be used at all.
bool readEntry(const QJsonObject &o, int index, RateCardEntry &e, QStringList &warnings)
{
    const QString where = tr("metric %1").arg(index + 1);
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!entryKeys().contains(it.key()))
            warnings << tr("%1: ignored unknown key \"%2\"").arg(where, it.key());
    }
    e.metric = o.value(QStringLiteral("metric")).toString().trimmed();
    e.metricName = o.value(QStringLiteral("metric_name")).toString().trimmed();
    if (e.metric.isEmpty() && e.metricName.isEmpty()) {
        warnings << tr("%1: skipped, it names neither \"metric\" nor \"metric_name\"").arg(where);
        return false;
    }
    const QString label = e.metric.isEmpty() ? e.metricName : e.metric;
    e.unit = o.value(QStringLiteral("unit")).toString();
    if (e.unit.isEmpty()) {
        warnings << tr("%1 (%2): skipped, \"unit\" is missing").arg(where, label);
        return false;
    }
    const QJsonValue divisor = o.value(QStringLiteral("divisor"));
    if (divisor.isUndefined() || divisor.isNull()) {
        e.divisor = 1.0;
    } else if (divisor.isString() && divisor.toString() == QLatin1String("days_in_month")) {
        e.divisorDaysInMonth = true;
    } else if (divisor.isDouble() && std::isfinite(divisor.toDouble()) && divisor.toDouble() > 0.0) {
        e.divisor = divisor.toDouble();
    } else {
        warnings << tr("%1 (%2): skipped, \"divisor\" must be a positive number or \"days_in_month\"")
                        .arg(where, label);
        return false;
    }
    const QJsonValue price = o.value(QStringLiteral("price"));
    if (finiteNonNegative(price)) {
        e.price = price.toDouble();
    } else if (!price.isUndefined() && !price.isNull()) {
        warnings << tr("%1 (%2): skipped, \"price\" must be a number of at least 0 (or null for unpriced)")
                        .arg(where, label);
        return false;
    }
    const QJsonValue included = o.value(QStringLiteral("included_per_month"));
    if (finiteNonNegative(included)) {
        e.includedPerMonth = included.toDouble();
    } else if (!included.isUndefined() && !included.isNull()) {
        warnings << tr("%1 (%2): skipped, \"included_per_month\" must be a number of at least 0")
                        .arg(where, label);
        return false;
    }
    e.pricingUnit = o.value(QStringLiteral("pricing_unit")).toString();
    e.productFamily = o.value(QStringLiteral("product_family")).toString();
    e.source = o.value(QStringLiteral("source")).toString();
    e.asOf = o.value(QStringLiteral("as_of")).toString();
    e.note = o.value(QStringLiteral("note")).toString();
    return true;
}

} // namespace

const RateCardEntry *RateCard::find(const QString &metricId, const QString &metricName) const
{
    if (!metricId.isEmpty()) {
        for (const RateCardEntry &e : metrics) {
            if (e.metric == metricId)
                return &e;
        }
    }
    if (!metricName.isEmpty()) {
        for (const RateCardEntry &e : metrics) {
            if (!e.metricName.isEmpty() && e.metricName.compare(metricName, Qt::CaseInsensitive) == 0)
                return &e;
        }
    }
    return nullptr;
}

RateCard RateCard::withDiscount(double percent) const
{
    RateCard out = *this;
    const double factor = 1.0 - percent / 100.0;
    for (RateCardEntry &e : out.metrics) {
        if (e.price)
            e.price = *e.price * factor;
    }
    return out;
}

RateCard::ReadResult RateCard::fromJson(const QByteArray &json)
{
    ReadResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = tr("The rate card is not valid JSON (%1 at byte %2).")
                           .arg(parseError.errorString())
                           .arg(parseError.offset);
        return result;
    }
    if (!doc.isObject()) {
        result.error = tr("The rate card must be a JSON object with a \"metrics\" list.");
        return result;
    }
    const QJsonObject o = doc.object();
    const QJsonValue version = o.value(QStringLiteral("format_version"));
    if (version.isDouble() && version.toInt() > FormatVersion) {
        result.warnings
            << tr("The file was written for rate-card format %1; this Orgscope reads format %2, so "
                  "newer parts may be ignored.")
                   .arg(version.toInt())
                   .arg(FormatVersion);
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!cardKeys().contains(it.key()))
            result.warnings << tr("ignored unknown key \"%1\"").arg(it.key());
    }
    const QJsonValue metrics = o.value(QStringLiteral("metrics"));
    if (!metrics.isArray()) {
        result.error = tr("The rate card has no \"metrics\" list.");
        return result;
    }
    RateCard card;
    const QString currency = o.value(QStringLiteral("currency")).toString().trimmed().toUpper();
    if (currency.size() != 3) {
        result.error = tr("The rate card needs a three-letter \"currency\" such as \"USD\".");
        return result;
    }
    card.currency = currency;
    card.name = o.value(QStringLiteral("name")).toString();
    card.asOf = o.value(QStringLiteral("as_of")).toString();
    const QJsonArray list = metrics.toArray();
    QSet<QString> seenIds;
    for (int i = 0; i < list.size(); ++i) {
        if (!list.at(i).isObject()) {
            result.warnings << tr("metric %1: skipped, not an object").arg(i + 1);
            continue;
        }
        RateCardEntry e;
        if (!readEntry(list.at(i).toObject(), i, e, result.warnings))
            continue;
        if (!e.metric.isEmpty()) {
            if (seenIds.contains(e.metric)) {
                result.warnings
                    << tr("metric %1 (%2): skipped, the metric is listed twice").arg(i + 1).arg(e.metric);
                continue;
            }
            seenIds.insert(e.metric);
        }
        card.metrics.append(e);
    }
    result.card = card;
    return result;
}

QByteArray RateCard::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("format_version"), FormatVersion);
    o.insert(QStringLiteral("currency"), currency);
    if (!name.isEmpty())
        o.insert(QStringLiteral("name"), name);
    if (!asOf.isEmpty())
        o.insert(QStringLiteral("as_of"), asOf);
    QJsonArray list;
    for (const RateCardEntry &e : metrics) {
        QJsonObject m;
        if (!e.metric.isEmpty())
            m.insert(QStringLiteral("metric"), e.metric);
        if (!e.metricName.isEmpty())
            m.insert(QStringLiteral("metric_name"), e.metricName);
        m.insert(QStringLiteral("unit"), e.unit);
        if (e.divisorDaysInMonth)
            m.insert(QStringLiteral("divisor"), QStringLiteral("days_in_month"));
        else
            m.insert(QStringLiteral("divisor"), e.divisor);
        m.insert(QStringLiteral("price"), e.price ? QJsonValue(*e.price) : QJsonValue(QJsonValue::Null));
        m.insert(QStringLiteral("included_per_month"), e.includedPerMonth);
        const auto optional = [&m](const char *key, const QString &value) {
            if (!value.isEmpty())
                m.insert(QLatin1String(key), value);
        };
        optional("pricing_unit", e.pricingUnit);
        optional("product_family", e.productFamily);
        optional("source", e.source);
        optional("as_of", e.asOf);
        optional("note", e.note);
        list.append(m);
    }
    o.insert(QStringLiteral("metrics"), list);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

RateCard RateCard::bundled()
{
    QFile f(QStringLiteral(":/orgscope/ratecards/cloudflare-list-prices.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const ReadResult r = fromJson(f.readAll());
    Q_ASSERT_X(r.card && r.warnings.isEmpty(), "RateCard::bundled",
               "the bundled rate card must read cleanly");
    return r.card.value_or(RateCard());
}

} // namespace models
