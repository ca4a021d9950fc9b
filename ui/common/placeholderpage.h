#pragma once
// Stands in for a page that is not built yet and says what will live there.

#include "ui/common/page.h"

namespace ui {

class PlaceholderPage : public Page
{
    Q_OBJECT
public:
    PlaceholderPage(models::Session *session, const QString &title, const QString &iconName,
                    const QString &description, QWidget *parent = nullptr);
    QString title() const override { return m_title; }
    QString iconName() const override { return m_iconName; }

private:
    QString m_title;
    QString m_iconName;
};

} // namespace ui
