#pragma once
// The main window's page stack. A page is either added built or described by
// a PageSpec and built the first time it is asked for (shown, or page()):
// until then an empty placeholder holds its place, so start-up builds only
// the pages on screen.

#include "ui/shell/pagefactory.h"

#include <QList>
#include <QStackedWidget>

namespace ui {

class Page;

class PageStack : public QStackedWidget
{
    Q_OBJECT
public:
    explicit PageStack(QWidget *parent = nullptr);

    int addPage(Page *page);
    int addPage(PageSpec spec);

    int pageCount() const { return int(m_slots.size()); }
    // The page at index, built now if it was not yet (pageBuilt is emitted first).
    Page *page(int index);
    // The page at index if it is built, else null.
    Page *builtPage(int index) const;
    QList<Page *> builtPages() const;
    QString pageObjectName(int index) const;
    QString pageTitle(int index) const;
    QString pageIconName(int index) const;
    // Builds the page if needed, then brings it forward.
    void showPage(int index);

Q_SIGNALS:
    void pageBuilt(int index, ui::Page *page);

private:
    struct Slot
    {
        Page *page = nullptr;
        PageSpec spec;
        QWidget *placeholder = nullptr;
    };
    QList<Slot> m_slots;
};

} // namespace ui
