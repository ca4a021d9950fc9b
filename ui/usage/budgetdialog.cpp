#include "ui/usage/budgetdialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

QDoubleSpinBox *amountBox(QWidget *parent, const QString &currency, double value)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, 1e12);
    box->setDecimals(2);
    box->setGroupSeparatorShown(true);
    box->setSuffix(QLatin1Char(' ') + currency);
    box->setSpecialValueText(QObject::tr("No budget"));
    box->setValue(value);
    return box;
}

} // namespace

BudgetDialog::BudgetDialog(const QString &organizationName, const models::Budget &budget,
                           const QStringList &families, const QString &currency, QWidget *parent)
    : QDialog(parent), m_monthly(amountBox(this, currency, budget.monthly)),
      m_families(new QTableWidget(0, 2, this))
{
    setObjectName(QStringLiteral("budgetDialog"));
    setWindowTitle(tr("Budget — %1").arg(organizationName));
    m_monthly->setObjectName(QStringLiteral("budgetMonthly"));
    m_monthly->setAccessibleName(tr("Monthly budget"));
    m_families->setObjectName(QStringLiteral("budgetFamilies"));
    m_families->setAccessibleName(tr("Budget per product family"));
    m_families->setHorizontalHeaderLabels({tr("Product family"), tr("Monthly budget")});
    m_families->horizontalHeader()->setStretchLastSection(true);
    m_families->verticalHeader()->hide();

    QStringList names = families;
    for (auto it = budget.family.begin(); it != budget.family.end(); ++it) {
        if (!names.contains(it.key()))
            names << it.key();
    }
    names.sort(Qt::CaseInsensitive);
    for (const QString &name : std::as_const(names)) {
        const int row = m_families->rowCount();
        m_families->insertRow(row);
        auto *item = new QTableWidgetItem(name);
        item->setFlags(item->flags() & ~Qt::ItemIsEditable);
        m_families->setItem(row, 0, item);
        QDoubleSpinBox *box = amountBox(m_families, currency, budget.family.value(name));
        box->setAccessibleName(tr("Monthly budget for %1").arg(name));
        m_families->setCellWidget(row, 1, box);
    }
    m_families->resizeColumnToContents(0);

    auto *form = new QFormLayout;
    form->addRow(tr("&Monthly budget:"), m_monthly);
    auto *note =
        new QLabel(tr("The Usage page warns when the month-end forecast crosses a budget and names the "
                      "product families that drove it."),
                   this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Per product family (optional):"), this));
    layout->addWidget(m_families, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(460, 420);
}

models::Budget BudgetDialog::budget() const
{
    models::Budget b;
    b.monthly = m_monthly->value();
    for (int row = 0; row < m_families->rowCount(); ++row) {
        const auto *box = qobject_cast<QDoubleSpinBox *>(m_families->cellWidget(row, 1));
        if (box && box->value() > 0)
            b.family.insert(m_families->item(row, 0)->text(), box->value());
    }
    return b;
}

} // namespace ui
