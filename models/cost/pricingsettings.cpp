#include "pricingsettings.h"

#include "models/settings/appsettings.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace models::pricing {

namespace {

QString key(const QString &organizationId, const char *what)
{
    // Organization ids are hex; anything else cannot reach a settings path.
    QString id = organizationId;
    id.remove(QLatin1Char('/'));
    return QStringLiteral("cost/") + (id.isEmpty() ? QStringLiteral("_") : id) + QLatin1Char('/') +
           QLatin1String(what);
}

} // namespace

RateCard cardFor(const QString &organizationId)
{
    const RateCard card = customCard(organizationId).value_or(RateCard::bundled());
    const double discount = discountPercent(organizationId);
    return discount != 0.0 ? card.withDiscount(discount) : card;
}

std::optional<RateCard> customCard(const QString &organizationId)
{
    const QByteArray json = AppSettings().value(key(organizationId, "card")).toByteArray();
    if (json.isEmpty())
        return std::nullopt;
    return RateCard::fromJson(json).card;
}

void setCustomCard(const QString &organizationId, const std::optional<RateCard> &card)
{
    AppSettings s;
    s.setValue(key(organizationId, "card"), card ? card->toJson() : QByteArray());
    s.sync();
}

double discountPercent(const QString &organizationId)
{
    const double d = AppSettings().value(key(organizationId, "discount"), 0.0).toDouble();
    return d > -100.0 && d < 100.0 ? d : 0.0;
}

void setDiscountPercent(const QString &organizationId, double percent)
{
    AppSettings s;
    s.setValue(key(organizationId, "discount"), percent);
    s.sync();
}

Budget budget(const QString &organizationId)
{
    Budget b;
    const QJsonObject o =
        QJsonDocument::fromJson(AppSettings().value(key(organizationId, "budget")).toByteArray()).object();
    b.monthly = qMax(0.0, o.value(QStringLiteral("monthly")).toDouble());
    const QJsonObject families = o.value(QStringLiteral("families")).toObject();
    for (auto it = families.begin(); it != families.end(); ++it) {
        if (it.value().toDouble() > 0.0)
            b.family.insert(it.key(), it.value().toDouble());
    }
    return b;
}

void setBudget(const QString &organizationId, const Budget &budget)
{
    QJsonObject families;
    for (auto it = budget.family.begin(); it != budget.family.end(); ++it) {
        if (it.value() > 0.0)
            families.insert(it.key(), it.value());
    }
    const QJsonObject o{{QStringLiteral("monthly"), budget.monthly}, {QStringLiteral("families"), families}};
    AppSettings s;
    s.setValue(key(organizationId, "budget"), QJsonDocument(o).toJson(QJsonDocument::Compact));
    s.sync();
}

} // namespace models::pricing
