#include "ui/members/batchresultdialog.h"

#include "models/members/memberbatchmodel.h"
#include "ui/common/dialogs.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace ui {

BatchResultDialog::BatchResultDialog(const QString &title, models::MemberBatchModel *rows, QWidget *parent)
    : QDialog(parent), m_rows(rows), m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("batchResultDialog"));
    setWindowTitle(title);
    m_rows->setParent(this);
    m_summary->setObjectName(QStringLiteral("batchResultSummary"));
    m_summary->setWordWrap(true);
    m_summary->setText(m_rows->summary());
    connect(m_rows, &models::MemberBatchModel::outcomesChanged, this,
            [this] { m_summary->setText(m_rows->summary()); });

    auto *view = new QTableView(this);
    view->setObjectName(QStringLiteral("batchResultTable"));
    view->setAccessibleName(tr("Result per address"));
    view->setModel(m_rows);
    view->verticalHeader()->hide();
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setWordWrap(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->resizeColumnsToContents();
    view->setColumnHidden(models::MemberBatchModel::CheckColumn, true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *save = buttons->addButton(tr("&Save as CSV…"), QDialogButtonBox::ActionRole);
    save->setObjectName(QStringLiteral("saveResultsButton"));
    connect(save, &QPushButton::clicked, this, [this] { saveCsv(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(view, 1);
    layout->addWidget(buttons);
    resize(760, 420);
}

bool BatchResultDialog::saveCsv()
{
    const QString path = Dialogs::saveFileName(this, tr("Save results"),
                                               QStringLiteral("members-results.csv"), tr("CSV (*.csv)"));
    if (path.isEmpty())
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_rows->toCsv()) < 0 || !file.commit()) {
        Dialogs::warning(this, tr("Save results"),
                         tr("Could not write %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

} // namespace ui
