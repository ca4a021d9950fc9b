#include "ui/usage/pricingdialog.h"

#include "ui/common/dialogs.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

enum Column {
    MetricCol,
    NameCol,
    UnitCol,
    DivisorCol,
    PriceCol,
    IncludedCol,
    SourceCol,
    NoteCol,
    ColumnCount
};

QString number(double v)
{
    return QString::number(v, 'g', 12);
}

} // namespace

PricingDialog::PricingDialog(const QString &organizationName, const std::optional<models::RateCard> &ownCard,
                             double discountPercent, const QList<models::CostEstimate::Unpriced> &unpriced,
                             QWidget *parent)
    : QDialog(parent), m_own(new QCheckBox(tr("Use this organization's &own prices (contract)"), this)),
      m_discount(new QDoubleSpinBox(this)), m_table(new QTableWidget(0, ColumnCount, this)),
      m_unpriced(new QListWidget(this)), m_message(new QLabel(this)), m_unpricedMetrics(unpriced)
{
    setObjectName(QStringLiteral("pricingDialog"));
    setWindowTitle(tr("Pricing — %1").arg(organizationName));
    m_own->setObjectName(QStringLiteral("pricingOwnCard"));
    m_discount->setObjectName(QStringLiteral("pricingDiscount"));
    m_table->setObjectName(QStringLiteral("pricingTable"));
    m_unpriced->setObjectName(QStringLiteral("pricingUnpriced"));
    m_message->setObjectName(QStringLiteral("pricingMessage"));
    m_message->setWordWrap(true);
    m_discount->setRange(-99, 99);
    m_discount->setDecimals(2);
    m_discount->setSuffix(QStringLiteral(" %"));
    m_discount->setValue(discountPercent);
    m_discount->setAccessibleName(tr("Discount on every price"));
    m_table->setAccessibleName(tr("Prices and allowances"));
    m_unpriced->setAccessibleName(tr("Unpriced metrics in the loaded data"));

    m_table->setHorizontalHeaderLabels({tr("Metric id"), tr("Metric name"), tr("Unit"), tr("Divisor"),
                                        tr("Price"), tr("Included / month"), tr("Source"), tr("Note")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *importButton = new QPushButton(tr("&Import…"), this);
    auto *exportButton = new QPushButton(tr("&Export…"), this);
    auto *resetButton = new QPushButton(tr("&Reset to list prices"), this);
    auto *priceButton = new QPushButton(tr("&Price this metric"), this);
    importButton->setObjectName(QStringLiteral("pricingImport"));
    exportButton->setObjectName(QStringLiteral("pricingExport"));
    resetButton->setObjectName(QStringLiteral("pricingReset"));
    priceButton->setObjectName(QStringLiteral("pricingPriceUnpriced"));

    auto *form = new QFormLayout;
    form->addRow(m_own);
    form->addRow(tr("&Discount on every price:"), m_discount);

    auto *tools = new QHBoxLayout;
    tools->addWidget(importButton);
    tools->addWidget(exportButton);
    tools->addWidget(resetButton);
    tools->addStretch();

    for (const models::CostEstimate::Unpriced &u : unpriced) {
        auto *item = new QListWidgetItem(
            tr("%1 (%2, %n row(s)): %3", nullptr, int(u.rows))
                .arg(u.metricName.isEmpty() ? u.metricKey : u.metricName, u.unit, u.reason),
            m_unpriced);
        item->setToolTip(u.metricKey);
    }
    auto *unpricedRow = new QHBoxLayout;
    unpricedRow->addWidget(m_unpriced, 1);
    unpricedRow->addWidget(priceButton, 0, Qt::AlignTop);
    priceButton->setEnabled(!unpriced.isEmpty());

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addLayout(tools);
    auto *unpricedLabel = new QLabel(tr("Metrics in the loaded data that the card cannot price:"), this);
    unpricedLabel->setBuddy(m_unpriced);
    layout->addWidget(unpricedLabel);
    layout->addLayout(unpricedRow);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    unpricedLabel->setVisible(!unpriced.isEmpty());
    m_unpriced->setVisible(!unpriced.isEmpty());
    priceButton->setVisible(!unpriced.isEmpty());
    m_unpriced->setMaximumHeight(120);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Unticking goes back to the list prices; editing any cell of the list
    // card makes it this organization's own card.
    connect(m_own, &QCheckBox::toggled, this, [this](bool own) {
        if (!own)
            showCard(models::RateCard::bundled());
    });
    connect(resetButton, &QPushButton::clicked, this, [this] {
        m_own->setChecked(false);
        m_discount->setValue(0);
        showCard(models::RateCard::bundled());
    });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = Dialogs::openFileName(this, tr("Import rate card"), tr("Rate cards (*.json)"));
        if (!path.isEmpty())
            importCard(path);
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = Dialogs::saveFileName(
            this, tr("Export rate card"), QStringLiteral("rate-card.json"), tr("Rate cards (*.json)"));
        if (!path.isEmpty())
            exportCard(path);
    });
    connect(priceButton, &QPushButton::clicked, this, [this] { priceUnpriced(m_unpriced->currentRow()); });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        const QSignalBlocker block(m_own);
        m_own->setChecked(true);
    });

    {
        const QSignalBlocker block(m_own);
        m_own->setChecked(ownCard.has_value());
    }
    showCard(ownCard.value_or(models::RateCard::bundled()));
    resize(980, 560);
}

void PricingDialog::showCard(const models::RateCard &card)
{
    const QSignalBlocker block(m_table);
    m_base = card;
    m_table->setRowCount(0);
    for (const models::RateCardEntry &e : card.metrics) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const auto set = [&](int col, const QString &text) {
            m_table->setItem(row, col, new QTableWidgetItem(text));
        };
        set(MetricCol, e.metric);
        set(NameCol, e.metricName);
        set(UnitCol, e.unit);
        set(DivisorCol, e.divisorDaysInMonth ? QStringLiteral("days_in_month") : number(e.divisor));
        set(PriceCol, e.price ? number(*e.price) : QString());
        set(IncludedCol, number(e.includedPerMonth));
        set(SourceCol, e.source);
        set(NoteCol, e.note);
        m_table->item(row, SourceCol)
            ->setToolTip(e.asOf.isEmpty() ? e.source : e.source + QLatin1Char('\n') + e.asOf);
        m_table->item(row, NoteCol)->setToolTip(e.note);
    }
    m_table->resizeColumnsToContents();
    m_message->setText(tr("%1 in %2%3. An empty price leaves the metric unpriced (shown as “—”).")
                           .arg(card.name.isEmpty() ? tr("Rate card") : card.name, card.currency,
                                card.asOf.isEmpty() ? QString() : tr(", as of %1").arg(card.asOf)));
}

models::RateCard PricingDialog::tableCard() const
{
    models::RateCard card = m_base;
    card.metrics.clear();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto text = [&](int col) {
            const QTableWidgetItem *item = m_table->item(row, col);
            return item ? item->text().trimmed() : QString();
        };
        models::RateCardEntry e;
        e.metric = text(MetricCol);
        e.metricName = text(NameCol);
        e.unit = text(UnitCol);
        if (text(DivisorCol) == QLatin1String("days_in_month")) {
            e.divisorDaysInMonth = true;
        } else {
            bool ok = false;
            const double d = text(DivisorCol).toDouble(&ok);
            e.divisor = ok && d > 0 ? d : 1.0;
        }
        bool ok = false;
        const double price = text(PriceCol).toDouble(&ok);
        if (ok && price >= 0)
            e.price = price;
        const double included = text(IncludedCol).toDouble(&ok);
        e.includedPerMonth = ok && included >= 0 ? included : 0.0;
        e.source = text(SourceCol);
        e.note = text(NoteCol);
        if (row < m_base.metrics.size() && m_base.metrics.at(row).metric == e.metric)
            e.asOf = m_base.metrics.at(row).asOf;
        if ((e.metric.isEmpty() && e.metricName.isEmpty()) || e.unit.isEmpty())
            continue;
        card.metrics.append(e);
    }
    return card;
}

std::optional<models::RateCard> PricingDialog::ownCard() const
{
    if (!m_own->isChecked())
        return std::nullopt;
    models::RateCard card = tableCard();
    if (card.name.isEmpty() || card.name == models::RateCard::bundled().name)
        card.name = tr("Contract prices");
    return card;
}

double PricingDialog::discountPercent() const
{
    return m_discount->value();
}

bool PricingDialog::importCard(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        m_message->setText(tr("Could not read %1: %2").arg(path, f.errorString()));
        return false;
    }
    const models::RateCard::ReadResult r = models::RateCard::fromJson(f.readAll());
    if (!r.card) {
        m_message->setText(tr("%1 is not a usable rate card: %2").arg(path, r.error));
        return false;
    }
    {
        const QSignalBlocker block(m_own);
        m_own->setChecked(true);
    }
    showCard(*r.card);
    if (!r.warnings.isEmpty())
        m_message->setText(tr("Imported %1; ignored: %2").arg(path, r.warnings.join(QStringLiteral("; "))));
    return true;
}

bool PricingDialog::exportCard(const QString &path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(tableCard().toJson()) < 0 || !f.commit()) {
        m_message->setText(tr("Could not write %1: %2").arg(path, f.errorString()));
        return false;
    }
    m_message->setText(tr("Saved the rate card to %1.").arg(path));
    return true;
}

void PricingDialog::priceUnpriced(int row)
{
    if (row < 0 || row >= m_unpricedMetrics.size())
        return;
    const models::CostEstimate::Unpriced &u = m_unpricedMetrics.at(row);
    m_own->setChecked(true);
    const QSignalBlocker block(m_table);
    // A listed entry in another unit or without a price is fixed in place.
    int target = -1;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const QTableWidgetItem *id = m_table->item(r, MetricCol);
        if (id && !u.metricKey.isEmpty() && id->text() == u.metricKey)
            target = r;
    }
    if (target < 0) {
        target = m_table->rowCount();
        m_table->insertRow(target);
        for (int c = 0; c < ColumnCount; ++c)
            m_table->setItem(target, c, new QTableWidgetItem);
        m_table->item(target, MetricCol)->setText(u.metricKey);
        m_table->item(target, NameCol)->setText(u.metricName);
        m_table->item(target, DivisorCol)->setText(QStringLiteral("1"));
        m_table->item(target, IncludedCol)->setText(QStringLiteral("0"));
    }
    m_table->item(target, UnitCol)->setText(u.unit);
    m_table->setCurrentCell(target, PriceCol);
    m_table->editItem(m_table->item(target, PriceCol));
    m_message->setText(tr("Enter the price of one %1 of %2 (after the divisor).")
                           .arg(u.unit, u.metricName.isEmpty() ? u.metricKey : u.metricName));
}

} // namespace ui
