#include "ui/usage/usageanomalypanel.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <cmath>

namespace ui {

namespace {

constexpr int AnomalyIndexRole = Qt::UserRole + 1;

// Numbers sort by value, not by their formatted text.
class AnomalyItem : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem &other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        if (column >= 2)
            return data(column, Qt::UserRole).toDouble() < other.data(column, Qt::UserRole).toDouble();
        return QTreeWidgetItem::operator<(other);
    }
};

} // namespace

UsageAnomalyPanel::UsageAnomalyPanel(QWidget *parent)
    : QWidget(parent), m_tree(new QTreeWidget(this)), m_open(new QPushButton(tr("&Open in Audit log"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("&Anomalies"), this);
    title->setToolTip(tr("Days that depart from the group's recent level."));
    m_tree->setObjectName(QStringLiteral("usageAnomalies"));
    title->setBuddy(m_tree);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setSortingEnabled(true);
    m_tree->setHeaderLabels({tr("Group"), tr("Day (UTC)"), tr("Score"), tr("Value"), tr("Baseline")});
    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { Q_EMIT anomalyActivated(m_tree->indexOfTopLevelItem(item)); });
    m_open->setObjectName(QStringLiteral("usageOpenAudit"));
    m_open->setToolTip(tr("Open the audit log around the selected day (also Enter or double-click)"));
    m_open->setEnabled(false);
    connect(m_open, &QPushButton::clicked, this, &UsageAnomalyPanel::openCurrent);
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current) { m_open->setEnabled(current != nullptr); });
    auto *openAction = new QAction(m_open->text(), m_tree);
    connect(openAction, &QAction::triggered, this, &UsageAnomalyPanel::openCurrent);
    m_tree->addAction(openAction);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(m_open);
    layout->addLayout(header);
    layout->addWidget(m_tree);
}

void UsageAnomalyPanel::openCurrent()
{
    if (QTreeWidgetItem *item = m_tree->currentItem())
        Q_EMIT anomalyActivated(m_tree->indexOfTopLevelItem(item));
}

int UsageAnomalyPanel::anomalyIndexAt(int row) const
{
    const QTreeWidgetItem *item = m_tree->topLevelItem(row);
    return item ? item->data(0, AnomalyIndexRole).toInt() : -1;
}

void UsageAnomalyPanel::setAnomalies(const QList<models::UsageAnomaly> &list)
{
    m_tree->setSortingEnabled(false);
    m_tree->clear();
    m_open->setEnabled(false);
    const QLocale locale;
    for (int i = 0; i < list.size(); ++i) {
        const models::UsageAnomaly &an = list.at(i);
        auto *item = new AnomalyItem(m_tree);
        item->setText(0, an.groupLabel);
        item->setText(1, an.day.toString(Qt::ISODate));
        // Big numbers without decimals keep the score column in view.
        auto number = [&locale](double v) { return locale.toString(v, 'f', std::abs(v) >= 1000 ? 0 : 2); };
        item->setText(2, locale.toString(an.score, 'f', 1));
        item->setText(3, number(an.value));
        item->setText(4, number(an.baseline));
        item->setData(0, AnomalyIndexRole, i);
        item->setData(2, Qt::UserRole, an.score);
        item->setData(3, Qt::UserRole, an.value);
        item->setData(4, Qt::UserRole, an.baseline);
        for (int c = 2; c <= 4; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(0, tr("Open in Audit log (or Enter, double-click): the audit log around this day"));
    }
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(2, Qt::DescendingOrder);
    for (int c = 0; c < m_tree->columnCount(); ++c)
        m_tree->resizeColumnToContents(c);
}

} // namespace ui
