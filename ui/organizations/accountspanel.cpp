#include "ui/organizations/accountspanel.h"

#include "models/organizations/accounttablemodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace ui {

AccountsPanel::AccountsPanel(models::AccountTableModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_sorted(new QSortFilterProxyModel(this)),
      m_match(new QComboBox(this)), m_filter(new QLineEdit(this)), m_view(new QTableView(this)),
      m_status(new QLabel(this)), m_copy(new QPushButton(tr("&Copy ID"), this)),
      m_export(new QPushButton(tr("E&xport CSV…"), this)), m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("accountsPanel"));
    m_match->setObjectName(QStringLiteral("accountsFilterMatch"));
    m_filter->setObjectName(QStringLiteral("accountsFilter"));
    m_view->setObjectName(QStringLiteral("accountsView"));
    m_status->setObjectName(QStringLiteral("accountsStatus"));
    m_copy->setObjectName(QStringLiteral("accountsCopyId"));
    m_export->setObjectName(QStringLiteral("accountsExport"));

    m_match->addItem(tr("Name contains"), int(Match::Contains));
    m_match->addItem(tr("Name starts with"), int(Match::StartsWith));
    m_match->addItem(tr("Name ends with"), int(Match::EndsWith));
    m_match->setToolTip(tr("How the API matches the account name (case-insensitive)"));
    m_filter->setPlaceholderText(tr("Filter accounts by name (server-side)"));
    m_filter->setClearButtonEnabled(true);

    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(models::AccountTableModel::SortRole);
    m_sorted->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(models::AccountTableModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    // Sized so every column but Settings fits the default pane; the ID is fixed-width hex.
    const QFontMetrics fm = m_view->fontMetrics();
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_view->setColumnWidth(models::AccountTableModel::NameColumn, fm.averageCharWidth() * 26);
    m_view->setColumnWidth(models::AccountTableModel::IdColumn,
                           QFontMetrics(mono).horizontalAdvance(QString(32, u'0')) + 16);
    // With the first rows, fit Name and ID to what is really there (unless the user's widths were restored).
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_columnsSized)
            return;
        m_columnsSized = true;
        m_view->resizeColumnToContents(models::AccountTableModel::IdColumn);
        m_view->resizeColumnToContents(models::AccountTableModel::NameColumn);
        const int maxName = m_view->fontMetrics().averageCharWidth() * 36;
        if (m_view->columnWidth(models::AccountTableModel::NameColumn) > maxName)
            m_view->setColumnWidth(models::AccountTableModel::NameColumn, maxName);
    });
    m_view->setColumnWidth(models::AccountTableModel::TypeColumn,
                           fm.horizontalAdvance(tr("Enterprise")) + 16);
    m_view->setColumnWidth(models::AccountTableModel::CreatedColumn,
                           fm.horizontalAdvance(QStringLiteral("00/00/0000")) + 24);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    m_view->setAccessibleName(tr("accounts table"));
    auto *copyAction = new QAction(tr("Copy Account ID"), m_view);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(copyAction);
    connect(copyAction, &QAction::triggered, this, &AccountsPanel::copyId);
    connect(m_copy, &QPushButton::clicked, this, &AccountsPanel::copyId);
    connect(m_export, &QPushButton::clicked, this, &AccountsPanel::exportRequested);
    connect(m_view, &QWidget::customContextMenuRequested, this, &AccountsPanel::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { m_copy->setEnabled(!currentAccountId().isEmpty()); });

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(350);
    connect(m_debounce, &QTimer::timeout, this, &AccountsPanel::filterChanged);
    connect(m_filter, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_filter, &QLineEdit::returnPressed, this, [this] {
        m_debounce->stop();
        Q_EMIT filterChanged();
    });
    connect(m_match, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filter->text().trimmed().isEmpty())
            Q_EMIT filterChanged();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this] { m_export->setEnabled(!m_loading && m_model->rowCount() > 0); });

    auto *filterRow = new QHBoxLayout;
    auto *filterLabel = new QLabel(tr("&Filter:"), this);
    filterLabel->setBuddy(m_filter);
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_match);
    filterRow->addWidget(m_filter, 1);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_copy);
    bottom->addWidget(m_export);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);

    m_copy->setEnabled(false);
    m_export->setEnabled(false);
}

api::AccountFilter AccountsPanel::filter() const
{
    api::AccountFilter f;
    f.orderByName = true;
    const QString text = m_filter->text().trimmed();
    if (!text.isEmpty()) {
        switch (Match(m_match->currentData().toInt())) {
        case Match::Contains:
            f.nameContains = text;
            break;
        case Match::StartsWith:
            f.nameStartsWith = text;
            break;
        case Match::EndsWith:
            f.nameEndsWith = text;
            break;
        }
    }
    return f;
}

void AccountsPanel::keepColumnWidths()
{
    m_columnsSized = true;
}

void AccountsPanel::setStatus(const QString &text)
{
    m_status->setText(text);
}

void AccountsPanel::setLoading(bool loading)
{
    m_loading = loading;
    m_export->setEnabled(!loading && m_model->rowCount() > 0);
}

QString AccountsPanel::currentAccountId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(models::AccountTableModel::IdRole).toString() : QString();
}

void AccountsPanel::setEnabledForOrganization(bool enabled)
{
    m_filter->setEnabled(enabled);
    m_match->setEnabled(enabled);
    m_view->setEnabled(enabled);
}

void AccountsPanel::copyId()
{
    const QString id = currentAccountId();
    if (id.isEmpty())
        return;
    QApplication::clipboard()->setText(id);
    Q_EMIT idCopied(id);
}

void AccountsPanel::showContextMenu(const QPoint &pos)
{
    if (!m_view->indexAt(pos).isValid() && currentAccountId().isEmpty())
        return;
    // popup(), not exec(): no nested event loop while the menu is open.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction *copy = menu->addAction(tr("Copy Account ID"));
    copy->setShortcut(QKeySequence::Copy);
    connect(copy, &QAction::triggered, this, &AccountsPanel::copyId);
    QAction *exportCsv = menu->addAction(tr("Export CSV…"));
    exportCsv->setEnabled(m_export->isEnabled());
    connect(exportCsv, &QAction::triggered, this, &AccountsPanel::exportRequested);
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

} // namespace ui
