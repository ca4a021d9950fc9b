#pragma once
// View › Time zone: Local, UTC, the zone chosen last, and "Other…" (a
// searchable list of every IANA zone). Sets models::TimeZoneSetting, which
// every view showing times follows.

#include <QDialog>
#include <QMenu>

class QLineEdit;
class QListView;
class QSortFilterProxyModel;

namespace ui {

class TimeZoneMenu : public QMenu
{
    Q_OBJECT
public:
    explicit TimeZoneMenu(QWidget *parent = nullptr);

private:
    void rebuild();
};

class TimeZoneDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TimeZoneDialog(QWidget *parent = nullptr);
    // The IANA id selected, empty when none.
    QString selectedZone() const;
    QLineEdit *filter() const { return m_filter; }
    QListView *list() const { return m_list; }

private:
    QLineEdit *m_filter;
    QListView *m_list;
    QSortFilterProxyModel *m_proxy;
};

} // namespace ui
