#include "ui/usage/usagepivotview.h"

#include <QHeaderView>
#include <QScrollBar>

namespace ui {

UsagePivotView::UsagePivotView(QWidget *parent) : QTableView(parent), m_frozen(new QTableView(this))
{
    m_frozen->setObjectName(QStringLiteral("usagePivotFrozen"));
    m_frozen->setAccessibleName(tr("Pivot groups"));
    m_frozen->setFocusPolicy(Qt::NoFocus);
    m_frozen->verticalHeader()->hide();
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_frozen->setFrameShape(QFrame::NoFrame);
    m_frozen->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->setSortingEnabled(false);
    viewport()->stackUnder(m_frozen);
    // One vertical position for both.
    connect(verticalScrollBar(), &QAbstractSlider::valueChanged, m_frozen->verticalScrollBar(),
            &QAbstractSlider::setValue);
    connect(m_frozen->verticalScrollBar(), &QAbstractSlider::valueChanged, verticalScrollBar(),
            &QAbstractSlider::setValue);
    connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this](int logical, int, int size) {
        if (logical < m_columns) {
            m_frozen->setColumnWidth(logical, size);
            placeFrozen();
        }
    });
    // Clicking a frozen header sorts the table by that column, as the hidden
    // header under it would.
    connect(m_frozen->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int logical) {
        if (!isSortingEnabled())
            return;
        const QHeaderView *h = horizontalHeader();
        const Qt::SortOrder order =
            h->sortIndicatorSection() == logical && h->sortIndicatorOrder() == Qt::AscendingOrder
                ? Qt::DescendingOrder
                : Qt::AscendingOrder;
        sortByColumn(logical, order);
    });
    connect(horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            [this](int section, Qt::SortOrder order) {
                m_frozen->horizontalHeader()->setSortIndicatorShown(section >= 0 && section < m_columns);
                m_frozen->horizontalHeader()->setSortIndicator(section, order);
            });
    connect(m_frozen, &QAbstractItemView::activated, this, &QAbstractItemView::activated);
    connect(m_frozen, &QAbstractItemView::doubleClicked, this, &QAbstractItemView::doubleClicked);
}

void UsagePivotView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    m_frozen->setModel(model);
    m_frozen->setSelectionModel(selectionModel());
    if (model) {
        // After QTableView's own handling of each change.
        connect(model, &QAbstractItemModel::modelReset, this, &UsagePivotView::syncColumns);
        connect(model, &QAbstractItemModel::layoutChanged, this, &UsagePivotView::syncColumns);
    }
    syncColumns();
}

void UsagePivotView::setFrozenColumns(int count)
{
    m_columns = std::max(0, count);
    syncColumns();
}

void UsagePivotView::syncColumns()
{
    m_frozen->setSelectionBehavior(selectionBehavior());
    m_frozen->setSelectionMode(selectionMode());
    m_frozen->verticalHeader()->setDefaultSectionSize(verticalHeader()->defaultSectionSize());
    const int columns = model() ? model()->columnCount() : 0;
    for (int c = 0; c < columns; ++c) {
        m_frozen->setColumnHidden(c, c >= m_columns);
        if (c < m_columns)
            m_frozen->setColumnWidth(c, columnWidth(c));
    }
    m_frozen->setVisible(m_columns > 0 && columns > 0);
    placeFrozen();
}

void UsagePivotView::placeFrozen()
{
    int width = 0;
    for (int c = 0; c < m_columns && model() && c < model()->columnCount(); ++c)
        width += columnWidth(c);
    const int x = frameWidth() + (verticalHeader()->isVisible() ? verticalHeader()->width() : 0);
    m_frozen->setGeometry(x, frameWidth(), width + 1, viewport()->height() + horizontalHeader()->height());
    m_frozen->horizontalHeader()->setFixedHeight(horizontalHeader()->height());
}

void UsagePivotView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    placeFrozen();
}

void UsagePivotView::updateGeometries()
{
    QTableView::updateGeometries();
    placeFrozen();
}

void UsagePivotView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    // The frozen columns are always in view; scrolling to them would only
    // push the figures away.
    if (index.column() >= m_columns)
        QTableView::scrollTo(index, hint);
}

} // namespace ui
