#include "ui/audit/auditrowdelegate.h"

#include "models/audit/audittablemodel.h"
#include "ui/common/rowtint.h"

#include <QPainter>

namespace ui {

void AuditRowDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    if (index.data(models::AuditTableModel::FailedRole).toBool() &&
        !(option.state & QStyle::State_Selected)) {
        painter->fillRect(option.rect, failedRowTint(option.palette).background);
    }
    QStyledItemDelegate::paint(painter, option, index);
}

void AuditRowDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(models::AuditTableModel::FailedRole).toBool())
        return;
    if (const QColor text = failedRowTint(option->palette).text; text.isValid())
        option->palette.setColor(QPalette::Text, text);
    if (index.column() == int(models::AuditColumn::Result))
        option->font.setBold(true);
}

} // namespace ui
