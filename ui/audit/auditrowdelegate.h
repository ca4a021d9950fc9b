#pragma once
// Paints failed audit entries with a tinted row and a bold result, so they
// stand out in light and dark palettes alike.

#include <QStyledItemDelegate>

namespace ui {

class AuditRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace ui
