#pragma once
// Prices and allowances of one organization: the bundled list prices or the
// organization's own card (contract prices), a discount, import and export,
// and the metrics the loaded data has that the card cannot price.

#include "models/cost/costestimator.h"
#include "models/cost/ratecard.h"

#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QTableWidget;

namespace ui {

class PricingDialog : public QDialog
{
    Q_OBJECT
public:
    PricingDialog(const QString &organizationName, const std::optional<models::RateCard> &ownCard,
                  double discountPercent, const QList<models::CostEstimate::Unpriced> &unpriced,
                  QWidget *parent = nullptr);

    // What the user chose: the organization's own card (none = list prices)
    // and the discount.
    std::optional<models::RateCard> ownCard() const;
    double discountPercent() const;

    bool importCard(const QString &path); // false (and a message) when unusable
    bool exportCard(const QString &path) const;
    void priceUnpriced(int row); // adds the unpriced metric to the own card

private:
    void showCard(const models::RateCard &card);
    models::RateCard tableCard() const;

    QCheckBox *m_own;
    QDoubleSpinBox *m_discount;
    QTableWidget *m_table;
    QListWidget *m_unpriced;
    QLabel *m_message;
    models::RateCard m_base; // name, currency, as_of of the card shown
    QList<models::CostEstimate::Unpriced> m_unpricedMetrics;
};

} // namespace ui
