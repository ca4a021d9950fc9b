#pragma once
// The checks of docs/ACCESSIBILITY.md as functions over a widget tree, and a
// console (main window and every page) connected to orgscope-sim.

#include "api/client.h"
#include "api/organizationsapi.h"
#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "ui/common/page.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/pagefactory.h"

#include "testsupport/simulatorprocess.h"

#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitterHandle>
#include <QTabBar>
#include <QTest>

#include <memory>

namespace a11y {

inline bool isInteractive(QAccessible::Role role)
{
    switch (role) {
    case QAccessible::PushButton:
    case QAccessible::CheckBox:
    case QAccessible::RadioButton:
    case QAccessible::ComboBox:
    case QAccessible::EditableText:
    case QAccessible::SpinBox:
    case QAccessible::Slider:
    case QAccessible::Dial:
    case QAccessible::ButtonMenu:
    case QAccessible::ButtonDropDown:
    case QAccessible::ButtonDropGrid:
    case QAccessible::Table:
    case QAccessible::Tree:
    case QAccessible::List:
    case QAccessible::PageTabList:
    case QAccessible::Link:
    case QAccessible::HotkeyField:
    case QAccessible::Chart:
        return true;
    default:
        return false;
    }
}

// Parts Qt builds inside a control and names through it (a combo box's line
// edit and popup, a spin box's editor, scroll bars, viewports, splitter handles).
inline bool isInternalPart(const QWidget *w)
{
    if (qobject_cast<const QScrollBar *>(w) || qobject_cast<const QSplitterHandle *>(w))
        return true;
    // A line edit's clear and action buttons, a table's corner button: Qt's own, reached otherwise.
    const QLatin1String cls(w->metaObject()->className());
    if (cls == QLatin1String("QLineEditIconButton") || cls == QLatin1String("QTableCornerButton"))
        return true;
    if (w->objectName().startsWith(QLatin1String("qt_")) && !qobject_cast<const QTabBar *>(w))
        return true;
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QComboBox *>(p) || qobject_cast<const QAbstractSpinBox *>(p))
            return true;
        if (p->isWindow())
            break;
    }
    if (auto *area = qobject_cast<const QAbstractScrollArea *>(w->parentWidget()))
        if (area->viewport() == w)
            return true;
    return false;
}

inline QString describe(const QWidget *w)
{
    QStringList path;
    for (const QWidget *p = w; p && path.size() < 4; p = p->parentWidget())
        path.prepend(QString::fromLatin1(p->metaObject()->className()) +
                     (p->objectName().isEmpty() ? QString() : QLatin1Char('#') + p->objectName()));
    return path.join(QStringLiteral(" > "));
}

// Every interactive widget under root (and root) without an accessible name;
// tables and trees also need a header text for every column shown, and a tab
// bar a name for every tab.
inline QStringList unnamedWidgets(QWidget *root)
{
    QStringList problems;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (isInternalPart(w) || w->window() != root->window())
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        if (!iface)
            continue;
        const QAccessible::Role role = iface->role();
        if (!isInteractive(role))
            continue;
        if (iface->text(QAccessible::Name).trimmed().isEmpty())
            problems << QStringLiteral("no name: ") + describe(w);
        if (role == QAccessible::PageTabList)
            for (int i = 0; i < iface->childCount(); ++i)
                if (QAccessibleInterface *tab = iface->child(i))
                    if (tab->role() == QAccessible::PageTab &&
                        tab->text(QAccessible::Name).trimmed().isEmpty())
                        problems << QStringLiteral("tab %1 has no name: ").arg(i) + describe(w);
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
            auto *header = qobject_cast<QHeaderView *>(
                view->findChild<QHeaderView *>(QString(), Qt::FindDirectChildrenOnly));
            if (header && !header->isHidden() && header->orientation() == Qt::Horizontal) {
                for (int c = 0; c < view->model()->columnCount(view->rootIndex()); ++c)
                    if (!header->isSectionHidden(c) && header->sectionSize(c) > 0 &&
                        view->model()->headerData(c, Qt::Horizontal).toString().trimmed().isEmpty())
                        problems << QStringLiteral("column %1 has no header: ").arg(c) + describe(w);
            }
        }
    }
    return problems;
}

// The rule of docs/ACCESSIBILITY.md: along the tab chain, a widget never
// comes after one below it in the same column (horizontal overlap) nor after
// one to its right in the same row (vertical overlap).
inline QList<QWidget *> tabChain(QWidget *root)
{
    QList<QWidget *> chain;
    QWidget *w = root;
    for (int guard = 0; guard < 2000; ++guard) {
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

inline QStringList tabOrderProblems(QWidget *root)
{
    const QList<QWidget *> chain = tabChain(root);
    auto rectOf = [root](QWidget *w) { return QRect(w->mapTo(root, QPoint(0, 0)), w->size()); };
    QStringList problems;
    for (int i = 0; i < chain.size(); ++i) {
        const QRect a = rectOf(chain.at(i));
        for (int j = i + 1; j < chain.size(); ++j) {
            const QRect b = rectOf(chain.at(j));
            const bool sameColumn = a.left() < b.right() && b.left() < a.right();
            const bool sameRow = a.top() < b.bottom() && b.top() < a.bottom();
            if (sameColumn && !sameRow && b.bottom() <= a.top())
                problems << QStringLiteral("%1 comes after %2 below it")
                                .arg(describe(chain.at(j)), describe(chain.at(i)));
            else if (sameRow && !sameColumn && b.right() <= a.left())
                problems << QStringLiteral("%1 comes after %2 to its right")
                                .arg(describe(chain.at(j)), describe(chain.at(i)));
        }
    }
    return problems;
}

// The console as app/console.cpp builds it, connected to a simulator and
// showing one organization.
struct Console
{
    models::AppSettings settings;
    models::Session session;
    models::ActivityLog activity;
    std::unique_ptr<ui::MainWindow> window;
    QList<ui::Page *> pages;
    api::Client *client = nullptr;
    QString orgId;
    QString orgName;

    // Both tests' set-up: the demo user on the simulator, a client owned by
    // `owner`, the seeded root organization and the console built on them.
    void open(const testsupport::SimulatorProcess &sim, QObject *owner);

    template <typename P> P *page() const
    {
        for (ui::Page *p : pages)
            if (auto *typed = qobject_cast<P *>(p))
                return typed;
        return nullptr;
    }

    void build(api::Client *client, const QString &orgId, const QString &orgName)
    {
        session.setClient(client);
        session.setIdentity(testsupport::SimulatorProcess::demoEmail());
        session.setState(models::Session::State::Connected, client->baseUrl().toString());
        session.setOrganization(orgId, orgName);
        window = std::make_unique<ui::MainWindow>(&session, &activity, &settings);
        pages = ui::createPages({&session, &activity, &settings, window->navigator()}, window.get());
        for (ui::Page *p : std::as_const(pages))
            window->addPage(p);
        window->resize(1440, 900);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
    }
};

// The root organization of the simulator's seeded data.
inline bool rootOrganization(api::Client *client, QString *id, QString *name)
{
    api::OrganizationsApi orgs(client);
    auto *list = orgs.list({}, 1000, {}, nullptr);
    list->setAutoDelete(false);
    QSignalSpy done(list, &api::Job::finished);
    list->start();
    if (!list->isFinished() && !done.wait(30000))
        return false;
    bool found = false;
    for (const api::Organization &o : list->result().items)
        if (!found && o.parentId.isEmpty()) {
            *id = o.id;
            *name = o.name;
            found = true;
        }
    delete list;
    return found;
}

inline void Console::open(const testsupport::SimulatorProcess &sim, QObject *owner)
{
    client = new api::Client(owner);
    client->setBaseUrl(QUrl(sim.baseUrl()));
    client->setCredentials({testsupport::SimulatorProcess::demoToken(), {}, {}});
    QVERIFY(rootOrganization(client, &orgId, &orgName));
    build(client, orgId, orgName);
}

} // namespace a11y
