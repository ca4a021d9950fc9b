#pragma once
// Per-organization pricing kept in the settings: a contract rate card (or the
// bundled list prices), a discount on it, and the monthly budgets.

#include "models/cost/costforecast.h"
#include "models/cost/ratecard.h"

#include <QString>
#include <optional>

namespace models::pricing {

// The card the estimate uses for this organization: its own card when it has
// one, else the bundled list prices; the discount applied.
RateCard cardFor(const QString &organizationId);

std::optional<RateCard> customCard(const QString &organizationId);
void setCustomCard(const QString &organizationId, const std::optional<RateCard> &card);
double discountPercent(const QString &organizationId);
void setDiscountPercent(const QString &organizationId, double percent);

Budget budget(const QString &organizationId);
void setBudget(const QString &organizationId, const Budget &budget);

} // namespace models::pricing
