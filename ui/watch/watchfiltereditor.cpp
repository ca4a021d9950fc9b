#include "ui/watch/watchfiltereditor.h"

#include "api/auditquery.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {
enum Column { Key, Operator, Value };
}

WatchFilterEditor::WatchFilterEditor(QWidget *parent)
    : QWidget(parent), m_table(new QTableWidget(0, 3, this)), m_add(new QPushButton(tr("&Add Filter"), this)),
      m_remove(new QPushButton(tr("Remo&ve Filter"), this))
{
    setObjectName(QStringLiteral("watchFilterEditor"));
    m_table->setObjectName(QStringLiteral("watchFilterRows"));
    m_table->setAccessibleName(tr("Filters"));
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Condition"), tr("Value")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(Key, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Operator, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Value, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setTabKeyNavigation(false);
    m_add->setObjectName(QStringLiteral("watchFilterAdd"));
    m_add->setAccessibleName(tr("Add filter"));
    m_remove->setObjectName(QStringLiteral("watchFilterRemove"));
    m_remove->setAccessibleName(tr("Remove filter"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, [this] { addRow(); });
    connect(m_remove, &QPushButton::clicked, this, &WatchFilterEditor::removeCurrentRow);
}

int WatchFilterEditor::rowCount() const
{
    return m_table->rowCount();
}

void WatchFilterEditor::addRow(const QString &key, bool exclude, const QString &value)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *keys = new QComboBox(m_table);
    for (const api::AuditQuery::Field &f : api::AuditQuery::fields())
        keys->addItem(QString::fromLatin1(f.wireKey));
    if (!key.isEmpty()) {
        if (keys->findText(key) < 0)
            keys->addItem(key); // unknown keys stay as written; the rule's check names them
        keys->setCurrentText(key);
    }
    keys->setAccessibleName(tr("Filter %1 key").arg(row + 1));
    auto *op = new QComboBox(m_table);
    op->addItems({tr("is"), tr("is not")});
    op->setCurrentIndex(exclude ? 1 : 0);
    op->setAccessibleName(tr("Filter %1 condition").arg(row + 1));
    auto *edit = new QLineEdit(value, m_table);
    edit->setAccessibleName(tr("Filter %1 value").arg(row + 1));
    m_table->setCellWidget(row, Key, keys);
    m_table->setCellWidget(row, Operator, op);
    m_table->setCellWidget(row, Value, edit);
    m_table->setCurrentCell(row, Value);
}

void WatchFilterEditor::removeCurrentRow()
{
    const int row = m_table->currentRow() >= 0 ? m_table->currentRow() : m_table->rowCount() - 1;
    if (row >= 0)
        m_table->removeRow(row);
}

void WatchFilterEditor::setFilterText(const QString &text)
{
    m_table->setRowCount(0);
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq < 0) {
            addRow(line, false, {});
            continue;
        }
        const bool exclude = eq > 0 && line.at(eq - 1) == QLatin1Char('!');
        addRow(line.left(exclude ? eq - 1 : eq).trimmed(), exclude, line.mid(eq + 1).trimmed());
    }
}

QString WatchFilterEditor::filterText() const
{
    QStringList lines;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto *keys = static_cast<QComboBox *>(m_table->cellWidget(row, Key));
        const auto *op = static_cast<QComboBox *>(m_table->cellWidget(row, Operator));
        const auto *edit = static_cast<QLineEdit *>(m_table->cellWidget(row, Value));
        const QString value = edit->text().trimmed();
        if (value.isEmpty())
            continue;
        lines << keys->currentText() +
                     (op->currentIndex() == 1 ? QStringLiteral("!=") : QStringLiteral("=")) + value;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace ui
