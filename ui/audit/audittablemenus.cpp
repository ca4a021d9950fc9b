#include "ui/audit/audittablemenus.h"

#include "ui/audit/auditvaluefilterpopup.h"

#include "ui/common/icons.h"

#include "models/audit/auditserverfilter.h"
#include "models/audit/audittablemodel.h"

#include <QApplication>
#include <QClipboard>

#include <QAction>
#include <QHeaderView>
#include <QListWidget>
#include <QMenu>
#include <QTableView>

namespace ui {

namespace {

using Column = models::AuditColumn;

} // namespace

AuditTableMenus::AuditTableMenus(QTableView *table, models::AuditTableModel *model)
    : QObject(table), m_table(table), m_model(model)
{
    m_table->setAccessibleName(tr("Audit entries"));
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionsMovable(true);
    header->setHighlightSections(false);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    const QList<std::pair<Column, int>> widths = {
        {Column::Time, 150},       {Column::Actor, 190},   {Column::Context, 80},
        {Column::ActionType, 70},  {Column::Result, 70},   {Column::ResourceType, 120},
        {Column::ResourceId, 150}, {Column::Product, 110}, {Column::Ip, 110},
        {Column::Method, 60},      {Column::Status, 55}};
    for (const auto &[c, w] : widths)
        header->resizeSection(int(c), w);
    connect(header, &QWidget::customContextMenuRequested, this, &AuditTableMenus::showHeaderMenu);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &AuditTableMenus::showCellMenu);
    // By keyboard: Menu or Shift+F10 opens the current cell's menu, Alt+Down its column's value filter.
    auto *cellMenu = new QAction(tr("Cell menu"), m_table);
    cellMenu->setObjectName(QStringLiteral("actionAuditCellMenu"));
    cellMenu->setShortcuts({QKeySequence(Qt::Key_Menu), QKeySequence(Qt::SHIFT | Qt::Key_F10)});
    cellMenu->setShortcutContext(Qt::WidgetShortcut);
    connect(cellMenu, &QAction::triggered, this, [this] {
        const QModelIndex index = m_table->currentIndex();
        if (index.isValid())
            showCellMenu(m_table->visualRect(index).center());
    });
    auto *valueFilter = new QAction(tr("Filter the column's values"), m_table);
    valueFilter->setObjectName(QStringLiteral("actionAuditColumnFilter"));
    valueFilter->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    valueFilter->setShortcutContext(Qt::WidgetShortcut);
    connect(valueFilter, &QAction::triggered, this,
            [this] { openValueFilter(m_table->currentIndex().column()); });
    m_table->addActions({cellMenu, valueFilter});
}

void AuditTableMenus::showHeaderMenu(const QPoint &pos)
{
    QHeaderView *header = m_table->horizontalHeader();
    models::AuditTableModel *m = m_model;
    const int section = header->logicalIndexAt(pos);
    QMenu menu(m_table);
    if (section >= 0 && section != int(Column::Time)) {
        const QString title = m->headerData(section, Qt::Horizontal).toString();
        QAction *values = menu.addAction(tr("Filter %1 values…").arg(title));
        connect(values, &QAction::triggered, this, [this, section] { openValueFilter(section); });
        QAction *clear = menu.addAction(tr("Clear %1 filter").arg(title));
        clear->setEnabled(!m->filter().columns[std::size_t(section)].isEmpty());
        connect(clear, &QAction::triggered, this, [m, section] { m->clearColumnFilter(section); });
        menu.addSeparator();
    }
    QMenu *columns = menu.addMenu(tr("Columns"));
    for (int c = 0; c < models::kAuditColumnCount; ++c) {
        QAction *a = columns->addAction(m->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        // The last visible column cannot be hidden.
        a->setEnabled(header->isSectionHidden(c) || header->count() - header->hiddenSectionCount() > 1);
        connect(a, &QAction::toggled, this, [header, c](bool on) { header->setSectionHidden(c, !on); });
    }
    QAction *reset = menu.addAction(tr("Reset columns"));
    connect(reset, &QAction::triggered, this, [header] {
        for (int c = 0; c < header->count(); ++c) {
            header->setSectionHidden(c, false);
            header->moveSection(header->visualIndex(c), c);
        }
    });
    menu.exec(header->mapToGlobal(pos));
}

void AuditTableMenus::openValueFilter(int column)
{
    if (column < 0 || column >= models::kAuditColumnCount || column == int(Column::Time))
        return;
    models::AuditTableModel *m = m_model;
    const QString title = m->headerData(column, Qt::Horizontal).toString();
    auto *popup = new AuditValueFilterPopup(title, m->distinctValues(column),
                                            m->filter().columns[std::size_t(column)], m_table);
    connect(popup, &AuditValueFilterPopup::applied, this,
            [m, column](const QSet<QString> &include, const QSet<QString> &exclude) {
                if (include.isEmpty() && exclude.isEmpty())
                    m->clearColumnFilter(column);
                else
                    m->setColumnValues(column, include, exclude);
            });
    QHeaderView *header = m_table->horizontalHeader();
    const int x = header->sectionViewportPosition(column);
    popup->move(header->mapToGlobal(QPoint(std::max(0, x), header->height())));
    popup->show();
    popup->list()->setFocus();
}

void AuditTableMenus::showCellMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu *menu = buildCellMenu(index, m_table);
    menu->exec(m_table->viewport()->mapToGlobal(pos));
    delete menu;
}

QMenu *AuditTableMenus::buildCellMenu(const QModelIndex &index, QWidget *parent)
{
    const QString value = index.data(models::AuditTableModel::TextRole).toString();
    const QString shown = value.size() > 40 ? value.left(40) + QStringLiteral("…") : value;
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("auditCellMenu"));
    QAction *only =
        menu->addAction(tr("Filter to this value (%1)").arg(shown.isEmpty() ? tr("empty") : shown));
    only->setObjectName(QStringLiteral("actionAuditFilterTo"));
    connect(only, &QAction::triggered, this, [this, index] { Q_EMIT filterRequested(index, false); });
    QAction *drop = menu->addAction(tr("Exclude this value"));
    drop->setObjectName(QStringLiteral("actionAuditExclude"));
    connect(drop, &QAction::triggered, this, [this, index] { Q_EMIT filterRequested(index, true); });
    if (!models::AuditServerFilter::wireKey(Column(index.column()), value).isEmpty()) {
        // A section title is drawn in a separator's width and gets cut; a
        // disabled item is measured like any other.
        QAction *note = menu->addAction(tr("Either one also adds it to the query bar for the next Run"));
        note->setObjectName(QStringLiteral("actionAuditFilterNote"));
        note->setEnabled(false);
    }
    if (index.column() != int(Column::Time)) {
        const int column = index.column();
        QAction *values = menu->addAction(
            tr("Filter %1 values…").arg(m_model->headerData(column, Qt::Horizontal).toString()));
        values->setObjectName(QStringLiteral("actionAuditValueFilter"));
        connect(values, &QAction::triggered, this, [this, column] { openValueFilter(column); });
    }
    menu->addSeparator();
    QAction *copy = menu->addAction(icon(QStringLiteral("edit-copy")), tr("Copy cell"));
    connect(copy, &QAction::triggered, this, [this, index] { copyCell(index); });
    QAction *row = menu->addAction(tr("Copy row"));
    connect(row, &QAction::triggered, this, [this, index] { copyRow(index); });
    QAction *json = menu->addAction(tr("Copy as JSON"));
    connect(json, &QAction::triggered, this, [this, index] { Q_EMIT copyJsonRequested(index); });
    return menu;
}

void AuditTableMenus::copyCell(const QModelIndex &index) const
{
    if (index.isValid())
        QApplication::clipboard()->setText(index.data(models::AuditTableModel::TextRole).toString());
}

void AuditTableMenus::copyRow(const QModelIndex &index) const
{
    if (!index.isValid())
        return;
    const QHeaderView *header = m_table->horizontalHeader();
    QStringList cells;
    for (int v = 0; v < header->count(); ++v) {
        const int c = header->logicalIndex(v);
        if (!header->isSectionHidden(c))
            cells.append(m_model->index(index.row(), c).data(models::AuditTableModel::TextRole).toString());
    }
    QApplication::clipboard()->setText(cells.join(u'\t'));
}

} // namespace ui
