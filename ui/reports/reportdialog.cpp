#include "ui/reports/reportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

ReportDialog::ReportDialog(const QString &title, const QString &summary, models::ReportPageSize size,
                           QWidget *parent)
    : QDialog(parent), m_size(new QComboBox(this))
{
    setObjectName(QStringLiteral("reportDialog"));
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(summary, this);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(text);

    auto *form = new QFormLayout;
    m_size->setObjectName(QStringLiteral("reportPageSize"));
    m_size->addItem(tr("A4 (210 × 297 mm)"), int(models::ReportPageSize::A4));
    m_size->addItem(tr("Letter (8.5 × 11 in)"), int(models::ReportPageSize::Letter));
    m_size->setAccessibleName(tr("Page size"));
    form->addRow(tr("&Page size:"), m_size);
    layout->addLayout(form);
    setPageSize(size);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = buttons->addButton(tr("&Save as PDF…"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("reportSave"));
    m_save->setDefault(true);
    m_print = buttons->addButton(tr("&Print…"), QDialogButtonBox::ActionRole);
    m_print->setObjectName(QStringLiteral("reportPrint"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT saveRequested(pageSize());
    });
    connect(m_print, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT printRequested(pageSize());
    });
}

models::ReportPageSize ReportDialog::pageSize() const
{
    return models::ReportPageSize(m_size->currentData().toInt());
}

void ReportDialog::setPageSize(models::ReportPageSize size)
{
    m_size->setCurrentIndex(std::max(0, m_size->findData(int(size))));
}

} // namespace ui
