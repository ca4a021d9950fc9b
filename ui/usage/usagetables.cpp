#include "ui/usage/usagetables.h"

#include "models/settings/appsettings.h"
#include "models/usage/usagecontroller.h"
#include "models/usage/usagepivotmodel.h"
#include "models/usage/usagerecordsmodel.h"
#include "ui/usage/usagepivotview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ui {

UsageTables::UsageTables(models::UsageController *controller, QWidget *parent)
    : QTabWidget(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("usageTables"));
    setDocumentMode(true);
    m_pivotView = new UsagePivotView(this);
    m_pivotView->setObjectName(QStringLiteral("usagePivot"));
    m_pivotView->setModel(m_controller->pivotModel());
    m_pivotView->setSortingEnabled(true);
    m_pivotView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_pivotView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_pivotView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_pivotView->verticalHeader()->hide();
    m_pivotView->verticalHeader()->setDefaultSectionSize(m_pivotView->fontMetrics().height() + 8);
    m_pivotView->horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);
    m_pivotView->setToolTip(tr("Enter or double-click a group to drill into it"));
    connect(m_pivotView, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT groupActivated(index.data(models::UsagePivotModel::GroupIndexRole).toInt());
    });
    connect(m_pivotView->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int column, Qt::SortOrder order) {
                m_pivotSortKind = column < 0 ? -1 : int(m_controller->pivotModel()->columnKind(column));
                m_pivotSortOrder = order;
            });
    addTab(m_pivotView, tr("P&ivot"));

    auto *records = new QWidget(this);
    auto *recordsLayout = new QVBoxLayout(records);
    recordsLayout->setContentsMargins(0, 4, 0, 0);
    auto *recordsBar = new QHBoxLayout;
    m_recordsFilter = new QLineEdit(records);
    m_recordsFilter->setObjectName(QStringLiteral("usageRecordsFilter"));
    m_recordsFilter->setPlaceholderText(tr("Filter records: text in any column"));
    m_recordsFilter->setClearButtonEnabled(true);
    m_recordsCount = new QLabel(records);
    m_recordsCount->setObjectName(QStringLiteral("usageRecordsCount"));
    recordsBar->addWidget(m_recordsFilter, 1);
    recordsBar->addWidget(m_recordsCount);
    recordsLayout->addLayout(recordsBar);
    m_recordsView = new QTableView(records);
    m_recordsView->setObjectName(QStringLiteral("usageRecords"));
    m_recordsView->setModel(m_controller->recordsModel());
    m_recordsView->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_recordsView->setSortingEnabled(true);
    m_recordsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_recordsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_recordsView->verticalHeader()->hide();
    m_recordsView->verticalHeader()->setDefaultSectionSize(m_recordsView->fontMetrics().height() + 8);
    m_recordsView->horizontalHeader()->setDefaultSectionSize(140);
    m_recordsView->setToolTip(
        tr("Every record in view with every column as the API sent it; click a header to "
           "sort"));
    recordsLayout->addWidget(m_recordsView, 1);
    addTab(records, tr("Recor&ds"));
    // Typing pauses before the (worker's) filtering starts.
    auto *filterDelay = new QTimer(this);
    filterDelay->setSingleShot(true);
    filterDelay->setInterval(250);
    connect(m_recordsFilter, &QLineEdit::textChanged, filterDelay, qOverload<>(&QTimer::start));
    connect(filterDelay, &QTimer::timeout, this,
            [this] { m_controller->setRecordsFilter(m_recordsFilter->text()); });
    connect(this, &QTabWidget::currentChanged, this,
            [this](int index) { m_controller->setRecordsActive(index == 1); });
    connect(m_controller, &models::UsageController::recordsChanged, this, [this] {
        m_recordsCount->setText(tr("%n record(s)", nullptr, m_controller->recordsModel()->rowCount()));
    });
}

void UsageTables::showRecords(bool records)
{
    setCurrentIndex(records ? 1 : 0);
}

void UsageTables::refreshPivot()
{
    resortPivot();
    m_pivotView->resizeColumnsToContents();
    m_pivotView->setFrozenColumns(m_controller->pivotModel()->labelColumnCount());
}

void UsageTables::resortPivot()
{
    auto *model = m_controller->pivotModel();
    int column = model->totalColumn();
    if (m_pivotSortKind >= 0) {
        for (int c = 0; c < model->columnCount(); ++c)
            if (int(model->columnKind(c)) == m_pivotSortKind) {
                column = c;
                break;
            }
    }
    const QSignalBlocker block(m_pivotView->horizontalHeader());
    m_pivotView->sortByColumn(column, m_pivotSortOrder);
}

void UsageTables::saveViewState(models::AppSettings &settings) const
{
    settings.setValue(QStringLiteral("usage/table"), currentIndex());
    settings.setValue(QStringLiteral("usage/pivotSortKind"), m_pivotSortKind);
    settings.setValue(QStringLiteral("usage/pivotSortOrder"), int(m_pivotSortOrder));
}

void UsageTables::restoreViewState(const models::AppSettings &settings)
{
    setCurrentIndex(settings.value(QStringLiteral("usage/table"), 0).toInt() == 1 ? 1 : 0);
    m_pivotSortKind = settings.value(QStringLiteral("usage/pivotSortKind"), m_pivotSortKind).toInt();
    m_pivotSortOrder =
        Qt::SortOrder(settings.value(QStringLiteral("usage/pivotSortOrder"), int(m_pivotSortOrder)).toInt());
}

} // namespace ui
