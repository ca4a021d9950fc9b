#include "ui/audit/auditrowdelegate.h"

#include "models/audit/audittablemodel.h"

#include <QPainter>

namespace ui {

void AuditRowDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    if (index.data(models::AuditTableModel::FailedRole).toBool() &&
        !(option.state & QStyle::State_Selected)) {
        QColor tint(0xe0, 0x40, 0x30);
        tint.setAlphaF(option.palette.color(QPalette::Base).lightness() < 128 ? 0.28f : 0.13f);
        painter->fillRect(option.rect, tint);
    }
    QStyledItemDelegate::paint(painter, option, index);
}

void AuditRowDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(models::AuditTableModel::FailedRole).toBool())
        return;
    // The model's dark red is hard to read on a dark base.
    if (option->palette.color(QPalette::Base).lightness() < 128)
        option->palette.setColor(QPalette::Text, QColor(0xff, 0x8a, 0x80));
    if (index.column() == int(models::AuditColumn::Result))
        option->font.setBold(true);
}

} // namespace ui
