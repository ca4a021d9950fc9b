#include "ui/common/accessibility.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTextDocument>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

namespace {

AnnouncementObserver &observer()
{
    static AnnouncementObserver o;
    return o;
}

QString labelText(const QLabel *label)
{
    QString text = label->text();
    if (label->textFormat() != Qt::PlainText && Qt::mightBeRichText(text)) {
        QTextDocument doc;
        doc.setHtml(text);
        text = doc.toPlainText();
    }
    text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
    text = text.trimmed();
    if (text.endsWith(u':'))
        text.chop(1);
    return text.trimmed();
}

class NameFallbacks : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Polish && watched->isWidgetType()) {
            auto *w = static_cast<QWidget *>(watched);
            // Labels and buttons are named by their own text; a tooltip must not replace it.
            auto *button = qobject_cast<QAbstractButton *>(w);
            if (w->accessibleName().isEmpty() && !qobject_cast<QLabel *>(w) &&
                !(button && !button->text().isEmpty())) {
                const QString name = fallbackAccessibleName(w);
                if (!name.isEmpty())
                    w->setAccessibleName(name);
            }
        }
        return false;
    }
};

class ReadingOrder : public QObject
{
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show) {
            auto *w = static_cast<QWidget *>(watched);
            applyReadingTabOrder(w);
            // Again once the layouts settled (splitters, lazily built tabs).
            QTimer::singleShot(0, w, [w] { applyReadingTabOrder(w); });
        }
        return false;
    }
};

} // namespace

void setAnnouncementObserver(AnnouncementObserver o)
{
    observer() = std::move(o);
}

QString fallbackAccessibleName(const QWidget *widget)
{
    QWidget *parent = widget->parentWidget();
    if (parent) {
        const auto forms = parent->findChildren<QFormLayout *>();
        for (const QFormLayout *form : forms)
            if (auto *label = qobject_cast<QLabel *>(form->labelForField(const_cast<QWidget *>(widget))))
                if (const QString t = labelText(label); !t.isEmpty())
                    return t;
        const auto labels = parent->findChildren<QLabel *>(QString(), Qt::FindDirectChildrenOnly);
        for (const QLabel *label : labels)
            if (label->buddy() == widget)
                if (const QString t = labelText(label); !t.isEmpty())
                    return t;
    }
    if (!widget->toolTip().isEmpty() && !Qt::mightBeRichText(widget->toolTip()))
        return widget->toolTip();
    if (auto *edit = qobject_cast<const QLineEdit *>(widget); edit && !edit->placeholderText().isEmpty())
        return edit->placeholderText();
    return {};
}

void installAccessibleNameFallbacks()
{
    static NameFallbacks *filter = nullptr;
    if (filter || !qApp)
        return;
    filter = new NameFallbacks(qApp);
    qApp->installEventFilter(filter);
}

bool readsBefore(const QRect &a, const QRect &b)
{
    const bool sameColumn = a.left() < b.right() && b.left() < a.right();
    const bool sameRow = a.top() < b.bottom() && b.top() < a.bottom();
    if (sameColumn && !sameRow)
        return a.bottom() <= b.top();
    if (sameRow && !sameColumn)
        return a.right() <= b.left();
    return false;
}

QList<QWidget *> tabChain(QWidget *root)
{
    QList<QWidget *> chain;
    QWidget *w = root;
    for (int guard = 0; guard < 5000; ++guard) {
        w = w->nextInFocusChain();
        if (w == root)
            break;
        if (!root->isAncestorOf(w) || !w->isVisible() || !w->isEnabled() ||
            !(w->focusPolicy() & Qt::TabFocus) || w->focusProxy() || chain.contains(w))
            continue;
        chain.append(w);
    }
    return chain;
}

void makeToolBarTabbable(QToolBar *bar)
{
    for (QToolButton *button : bar->findChildren<QToolButton *>(Qt::FindDirectChildrenOnly))
        button->setFocusPolicy(Qt::TabFocus);
}

void applyReadingTabOrder(QWidget *root)
{
    const QList<QWidget *> chain = tabChain(root);
    const qsizetype n = chain.size();
    QList<QRect> rects;
    for (QWidget *w : chain)
        rects.append(QRect(w->mapTo(root, QPoint(0, 0)), w->size()));
    // Kahn's algorithm: of the widgets nothing unread must precede, the earliest in the chain.
    QList<int> blockers(n, 0);
    for (qsizetype i = 0; i < n; ++i)
        for (qsizetype j = 0; j < n; ++j)
            if (i != j && readsBefore(rects.at(j), rects.at(i)))
                ++blockers[i];
    QList<QWidget *> order;
    QList<bool> done(n, false);
    while (order.size() < n) {
        qsizetype pick = -1;
        for (qsizetype i = 0; i < n && pick < 0; ++i)
            if (!done.at(i) && blockers.at(i) == 0)
                pick = i;
        if (pick < 0) // a cycle (overlapping widgets): keep the chain's order for the rest
            for (qsizetype i = 0; i < n && pick < 0; ++i)
                if (!done.at(i))
                    pick = i;
        done[pick] = true;
        order.append(chain.at(pick));
        for (qsizetype i = 0; i < n; ++i)
            if (!done.at(i) && readsBefore(rects.at(pick), rects.at(i)))
                --blockers[i];
    }
    if (order == chain)
        return;
    for (qsizetype i = 1; i < order.size(); ++i)
        QWidget::setTabOrder(order.at(i - 1), order.at(i));
}

void keepReadingTabOrder(QWidget *root)
{
    root->installEventFilter(new ReadingOrder(root));
}

void announce(QWidget *widget, bool alert)
{
    if (!widget)
        return;
    if (observer())
        observer()(widget, alert);
    QAccessibleEvent changed(widget, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&changed);
    if (alert) {
        QAccessibleEvent event(widget, QAccessible::Alert);
        QAccessible::updateAccessibility(&event);
    }
}

void setAccessible(QWidget *widget, const QString &name, const QString &description)
{
    widget->setAccessibleName(name);
    if (!description.isEmpty())
        widget->setAccessibleDescription(description);
}

QAction *addShowAsTable(QWidget *chart, std::function<ChartTable()> table)
{
    auto *action = new QAction(QCoreApplication::translate("ui::Accessibility", "Show as &table"), chart);
    action->setObjectName(QStringLiteral("actionShowAsTable"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(QCoreApplication::translate("ui::Accessibility", "The chart's numbers in a table"));
    chart->addAction(action);
    chart->setContextMenuPolicy(Qt::ActionsContextMenu);
    QObject::connect(action, &QAction::triggered, chart,
                     [chart, table = std::move(table)] { showChartTable(chart, table()); });
    return action;
}

QWidget *showChartTable(QWidget *parent, const ChartTable &table)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("chartTableDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(table.title);
    auto *layout = new QVBoxLayout(dialog);
    auto *view = new QTableWidget(int(table.rows.size()), int(table.columns.size()), dialog);
    view->setObjectName(QStringLiteral("chartTable"));
    view->setAccessibleName(table.title);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setHorizontalHeaderLabels(table.columns);
    view->verticalHeader()->hide();
    for (int r = 0; r < table.rows.size(); ++r) {
        view->setItem(r, 0, new QTableWidgetItem(table.rows.at(r)));
        const QStringList &cells = table.cells.value(r);
        for (int c = 0; c < cells.size() && c + 1 < table.columns.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            view->setItem(r, c + 1, item);
        }
    }
    view->resizeColumnsToContents();
    if (table.isEmpty()) {
        auto *empty = new QLabel(
            QCoreApplication::translate("ui::Accessibility", "The chart shows nothing yet."), dialog);
        layout->addWidget(empty);
    }
    layout->addWidget(view, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(720, 480);
    dialog->show();
    view->setFocus();
    if (view->rowCount() > 0)
        view->setCurrentCell(0, 0);
    return dialog;
}

void FocusFrame::paint(QWidget *widget)
{
    if (!widget->hasFocus())
        return;
    QPainter p(widget);
    QPen pen(widget->palette().color(QPalette::Highlight), 2);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawRect(widget->rect().adjusted(1, 1, -1, -1));
}

} // namespace ui
