#include "ui/shell/pagestack.h"

#include "ui/common/page.h"

namespace ui {

PageStack::PageStack(QWidget *parent) : QStackedWidget(parent) {}

int PageStack::addPage(Page *page)
{
    const int index = int(m_slots.size());
    m_slots.append({page, {page->objectName(), page->title(), page->iconName(), {}}, nullptr});
    addWidget(page);
    return index;
}

int PageStack::addPage(PageSpec spec)
{
    const int index = int(m_slots.size());
    auto *placeholder = new QWidget(this);
    placeholder->setObjectName(spec.objectName + QStringLiteral("Placeholder"));
    m_slots.append({nullptr, std::move(spec), placeholder});
    addWidget(placeholder);
    return index;
}

Page *PageStack::page(int index)
{
    if (index < 0 || index >= m_slots.size())
        return nullptr;
    if (m_slots.at(index).page)
        return m_slots.at(index).page;
    QWidget *placeholder = m_slots.at(index).placeholder;
    Page *page = m_slots.at(index).spec.build(this);
    m_slots[index].page = page;
    m_slots[index].placeholder = nullptr;
    Q_EMIT pageBuilt(index, page); // before it is shown: its saved view state and tab order apply at once
    // In before the placeholder, which leaves only once it is not the current widget (removing
    // the current one would show a neighbour for a moment, and a shown page starts loading).
    const bool wasCurrent = currentWidget() == placeholder;
    insertWidget(index, page);
    if (wasCurrent)
        setCurrentIndex(index);
    removeWidget(placeholder);
    delete placeholder;
    return page;
}

Page *PageStack::builtPage(int index) const
{
    return index >= 0 && index < m_slots.size() ? m_slots.at(index).page : nullptr;
}

QList<Page *> PageStack::builtPages() const
{
    QList<Page *> pages;
    for (const Slot &s : m_slots)
        if (s.page)
            pages.append(s.page);
    return pages;
}

QString PageStack::pageObjectName(int index) const
{
    return index >= 0 && index < m_slots.size() ? m_slots.at(index).spec.objectName : QString();
}

QString PageStack::pageTitle(int index) const
{
    return index >= 0 && index < m_slots.size() ? m_slots.at(index).spec.title : QString();
}

QString PageStack::pageIconName(int index) const
{
    return index >= 0 && index < m_slots.size() ? m_slots.at(index).spec.iconName : QString();
}

void PageStack::showPage(int index)
{
    if (page(index))
        setCurrentIndex(index);
}

} // namespace ui
