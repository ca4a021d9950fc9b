#include "ui/shell/mainwindow.h"

#include "models/session/activitylog.h"
#include "models/session/session.h"
#include "models/settings/appsettings.h"
#include "ui/common/accessibility.h"
#include "ui/common/dialogs.h"
#include "ui/common/icons.h"
#include "ui/common/page.h"
#include "ui/common/palettes.h"
#include "ui/common/thememenu.h"
#include "ui/common/timezonemenu.h"
#include "ui/shell/navigator.h"
#include "ui/shell/pagestack.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QHeaderView>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace ui {

MainWindow::MainWindow(models::Session *session, models::ActivityLog *activity, models::AppSettings *settings,
                       QWidget *parent)
    : QMainWindow(parent), m_session(session), m_activity(activity), m_settings(settings),
      m_navigator(new Navigator(this)), m_nav(new QListWidget(this)), m_navPane(new QWidget(this)),
      m_stack(new PageStack(this)), m_picker(new QComboBox(this)), m_pickerView(new QTreeView(m_picker)),
      m_activityDock(new QDockWidget(tr("Activity"), this)), m_connectionLabel(new QLabel(this)),
      m_requestsLabel(new QLabel(this)), m_activityLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Orgscope"));
    setWindowIcon(QIcon(QStringLiteral(":/orgscope/icons/orgscope.svg")));
    setMinimumSize(900, 600);
    installAccessibleNameFallbacks(); // docs/ACCESSIBILITY.md

    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setAccessibleName(tr("Pages"));
    m_nav->setIconSize(QSize(22, 22));
    m_nav->setSpacing(2);
    m_nav->setFrameShape(QFrame::NoFrame);
    m_nav->setMinimumWidth(150);
    m_nav->setMaximumWidth(240);
    m_nav->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    m_stack->setObjectName(QStringLiteral("pages"));

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    auto *navLayout = new QVBoxLayout(m_navPane);
    navLayout->setContentsMargins(0, 0, 0, 0);
    navLayout->addWidget(m_nav, 1);
    m_navPane->setMaximumWidth(240);
    splitter->addWidget(m_navPane);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(1, false);
    splitter->setSizes({180, 1000});
    setCentralWidget(splitter);

    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        m_stack->showPage(row); // builds it the first time
        if (Page *p = currentPage()) {
            setWindowTitle(p->title() + QStringLiteral(" — Orgscope"));
            m_navigator->setCurrentPageName(p->objectName());
        }
    });
    connect(m_stack, &PageStack::pageBuilt, this, [this](int, Page *page) {
        keepReadingTabOrder(page);
        if (m_viewStateRestored)
            page->restoreViewState(*m_settings);
        Q_EMIT pageBuilt(page);
    });
    connect(m_navigator, &Navigator::pageRequested, this,
            [this](PageId id) { showPage(pageIndex(Navigator::pageName(id))); });
    connect(m_navigator, &Navigator::organizationModelChanged, this, &MainWindow::setOrganizationModel);
    m_navigator->setOrganizationSwitcher(
        [this](const QString &id, const QString &name, std::function<void()> then) {
            if (id == m_session->organizationId())
                return then();
            whenPagesAllowLeaving([this, id, name, then] {
                m_session->setOrganization(id, name);
                then();
            });
        });

    // Organization picker: a combo box with a tree popup so sub-organizations show under their parent.
    m_picker->setObjectName(QStringLiteral("organizationPicker"));
    m_picker->setMinimumContentsLength(28);
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_picker->setToolTip(tr("Organization shown by Members, Audit log and Usage"));
    m_pickerView->setHeaderHidden(true);
    m_pickerView->setItemsExpandable(true);
    m_pickerView->setRootIsDecorated(true);
    m_picker->setPlaceholderText(tr("No organization"));
    m_picker->setEnabled(false);

    // Activity dock: background failures and notices, reviewable later.
    auto *activityView = new QTableView(m_activityDock);
    activityView->setObjectName(QStringLiteral("activityView"));
    activityView->setAccessibleName(tr("Activity log"));
    activityView->setModel(m_activity);
    activityView->horizontalHeader()->setStretchLastSection(true);
    activityView->verticalHeader()->hide();
    activityView->setSelectionBehavior(QAbstractItemView::SelectRows);
    activityView->setAlternatingRowColors(true);
    m_activityDock->setObjectName(QStringLiteral("activityDock"));
    m_activityDock->setWidget(activityView);
    addDockWidget(Qt::BottomDockWidgetArea, m_activityDock);
    m_activityDock->hide();

    m_connectionLabel->setObjectName(QStringLiteral("connectionStatus"));
    m_requestsLabel->setObjectName(QStringLiteral("requestsInFlight"));
    m_activityLabel->setObjectName(QStringLiteral("activityStatus"));
    statusBar()->addWidget(m_connectionLabel, 1);
    statusBar()->addPermanentWidget(m_activityLabel);
    // The throttled state: hidden until Cloudflare blocks the credential.
    m_throttleLabel = new QLabel(this);
    m_throttleLabel->setObjectName(QStringLiteral("throttleStatus"));
    m_throttleCancel = new QToolButton(this);
    m_throttleCancel->setObjectName(QStringLiteral("throttleCancel"));
    m_throttleCancel->setText(tr("Cancel"));
    m_throttleCancel->setToolTip(tr("Stop waiting: the requests waiting for the rate limit give up"));
    m_throttleTimer = new QTimer(this);
    m_throttleTimer->setInterval(1000);
    connect(m_throttleTimer, &QTimer::timeout, this, &MainWindow::updateThrottle);
    connect(m_throttleCancel, &QToolButton::clicked, this, [this] {
        m_throttleUntil = 0;
        updateThrottle();
        Q_EMIT rateLimitWaitCanceled();
        m_session->cancelRateLimitWait();
    });
    connect(m_session, &models::Session::rateLimitWait, this, &MainWindow::setRateLimitWait);
    statusBar()->addPermanentWidget(m_throttleLabel);
    statusBar()->addPermanentWidget(m_throttleCancel);
    m_throttleLabel->hide();
    m_throttleCancel->hide();
    statusBar()->addPermanentWidget(m_requestsLabel);

    createActions();

    connect(m_session, &models::Session::stateChanged, this, &MainWindow::updateStatus);
    connect(m_session, &models::Session::identityChanged, this, &MainWindow::updateStatus);
    connect(m_session, &models::Session::clientChanged, this, &MainWindow::updateStatus);
    connect(m_session, &models::Session::organizationChanged, this, &MainWindow::syncPickerToSession);
    connect(m_activity, &models::ActivityLog::entryAdded, this,
            [this](models::ActivityLog::Severity s, const QString &msg) {
                if (s == models::ActivityLog::Severity::Error)
                    statusBar()->showMessage(msg, 8000);
                m_activityLabel->setText(m_activity->errorCount()
                                             ? tr("%n problem(s)", nullptr, m_activity->errorCount())
                                             : QString());
            });
    updateStatus();
    setRequestsInFlight(0);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = file->addAction(icon(QStringLiteral("network-connect")), tr("&Connect…"));
    connectAction->setObjectName(QStringLiteral("actionConnect"));
    connectAction->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    connect(connectAction, &QAction::triggered, this, &MainWindow::connectRequested);
    file->addSeparator();
    QAction *quit = file->addAction(icon(QStringLiteral("application-exit")), tr("&Quit"));
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction *refresh = m_viewMenu->addAction(icon(QStringLiteral("view-refresh")), tr("&Refresh"));
    refresh->setObjectName(QStringLiteral("actionRefresh"));
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, [this] {
        if (Page *p = currentPage())
            p->refresh();
    });
    m_viewMenu->addMenu(new TimeZoneMenu(this)); // local, UTC or any IANA zone, for every view
    QAction *activity = m_activityDock->toggleViewAction();
    activity->setText(tr("&Activity Log"));
    activity->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    m_viewMenu->addAction(activity);
    addThemeMenu(m_viewMenu, m_settings);
    m_viewMenu->addSeparator();

    QMenu *help = m_helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"));
    keys->setObjectName(QStringLiteral("actionShortcuts"));
    keys->setShortcut(QKeySequence(tr("Ctrl+/")));
    connect(keys, &QAction::triggered, this, &MainWindow::showShortcuts);
    QAction *about = help->addAction(tr("&About Orgscope"));
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);

    QToolBar *bar = addToolBar(tr("Organization"));
    bar->setObjectName(QStringLiteral("organizationToolBar"));
    bar->setMovable(false);
    auto *label = new QLabel(tr("Organization: "), bar);
    label->setBuddy(m_picker);
    bar->addWidget(label);
    bar->addWidget(m_picker);
    bar->addSeparator();
    bar->addAction(refresh);
    QAction *focusPicker = new QAction(tr("Choose Organization"), this);
    focusPicker->setShortcut(QKeySequence(tr("Ctrl+O")));
    connect(focusPicker, &QAction::triggered, this, [this] {
        m_picker->setFocus();
        m_picker->showPopup();
    });
    addAction(focusPicker);
}

QList<MainWindow::ShortcutGroup> MainWindow::shortcutGroups() const
{
    // Page actions work only on their page (some only in one of its views):
    // each page is its own group, so Ctrl+C or Del on two pages is not a clash.
    QList<ShortcutGroup> groups{{tr("Everywhere"), {}}};
    for (int i = 0; i < m_stack->pageCount(); ++i)
        groups.append({m_stack->pageTitle(i), {}});
    const QList<QAction *> actions = findChildren<QAction *>();
    for (QAction *a : actions) {
        if (a->shortcut().isEmpty() || a->text().isEmpty())
            continue;
        int group = 0;
        for (QObject *o = a->parent(); o; o = o->parent())
            if (auto *page = qobject_cast<Page *>(o)) {
                group = m_stack->indexOf(page) + 1;
                break;
            }
        QString name = a->text();
        name.replace(QLatin1String("&&"), QStringLiteral("\x01"));
        name.remove(u'&');
        name.replace(QStringLiteral("\x01"), QStringLiteral("&"));
        if (name.endsWith(QStringLiteral("…")))
            name.chop(1);
        if (a->objectName().startsWith(QLatin1String("actionPage")))
            name = tr("Show the %1 page").arg(name);
        if (a->shortcutContext() == Qt::WidgetShortcut) {
            // Works only in one view: say which (its accessible name), so a key used twice on a page is
            // explained.
            QString where;
            for (QObject *o : a->associatedObjects())
                if (auto *w = qobject_cast<QWidget *>(o); w && !qobject_cast<QMenu *>(w)) {
                    where = w->accessibleName();
                    break;
                }
            name = tr("%1 (in the %2)").arg(name, where.isEmpty() ? tr("list") : where);
        }
        const QString keys = a->shortcut().toString(QKeySequence::NativeText);
        Shortcut row{keys, name};
        if (!groups[group].shortcuts.contains(row))
            groups[group].shortcuts.append(row);
    }
    for (ShortcutGroup &g : groups)
        std::sort(g.shortcuts.begin(), g.shortcuts.end(),
                  [](const Shortcut &a, const Shortcut &b) { return a.keys < b.keys; });
    groups.removeIf([](const ShortcutGroup &g) { return g.shortcuts.isEmpty(); });
    return groups;
}

void MainWindow::addNavigationWidget(QWidget *widget)
{
    m_navPane->layout()->addWidget(widget);
}

void MainWindow::addMenuBeforeHelp(QMenu *menu)
{
    menuBar()->insertMenu(m_helpMenu->menuAction(), menu);
}

void MainWindow::addPage(Page *page)
{
    keepReadingTabOrder(page);
    addNavigation(m_stack->addPage(page), page->title(), page->iconName());
}

void MainWindow::addPage(PageSpec spec)
{
    const QString title = spec.title;
    const QString iconName = spec.iconName;
    addNavigation(m_stack->addPage(std::move(spec)), title, iconName);
}

void MainWindow::addNavigation(int index, const QString &title, const QString &iconName)
{
    auto *item = new QListWidgetItem(icon(iconName), title, m_nav);
    item->setSizeHint(QSize(0, 34));
    QAction *go = m_viewMenu->addAction(title);
    go->setObjectName(QStringLiteral("actionPage") + QString::number(index + 1));
    go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
    connect(go, &QAction::triggered, this, [this, index] { showPage(index); });
    if (index == 0)
        m_nav->setCurrentRow(0);
}

Page *MainWindow::currentPage() const
{
    return m_stack->builtPage(m_stack->currentIndex());
}

QList<Page *> MainWindow::pages() const
{
    return m_stack->builtPages();
}

int MainWindow::pageCount() const
{
    return m_stack->pageCount();
}

Page *MainWindow::page(int index)
{
    return m_stack->page(index);
}

void MainWindow::showPage(int index)
{
    if (index >= 0 && index < m_stack->pageCount())
        m_nav->setCurrentRow(index);
}

int MainWindow::pageIndex(const QString &objectName) const
{
    for (int i = 0; i < m_stack->pageCount(); ++i)
        if (m_stack->pageObjectName(i) == objectName)
            return i;
    return -1;
}

void MainWindow::setOrganizationModel(QAbstractItemModel *model, int idRole)
{
    m_orgModel = model;
    m_orgIdRole = idRole;
    m_picker->setModel(model);
    m_picker->setView(m_pickerView);
    m_pickerView->setModel(model);
    for (int c = 1; c < model->columnCount(); ++c)
        m_pickerView->hideColumn(c);
    m_picker->setEnabled(model->rowCount() > 0);
    auto refreshPicker = [this] {
        m_pickerView->expandAll();
        m_picker->setEnabled(m_orgModel->rowCount() > 0);
        syncPickerToSession();
    };
    connect(model, &QAbstractItemModel::modelReset, this, refreshPicker);
    connect(model, &QAbstractItemModel::rowsInserted, this, refreshPicker);
    connect(model, &QAbstractItemModel::dataChanged, this, refreshPicker);
    connect(m_picker, &QComboBox::activated, this, &MainWindow::pickOrganization);
    refreshPicker();
}

void MainWindow::pickOrganization(int)
{
    if (m_syncingPicker || !m_orgModel)
        return;
    // QComboBox only tracks a row under its root; read the view's current index instead.
    const QModelIndex index = m_pickerView->currentIndex();
    if (!index.isValid())
        return;
    const QString id = index.siblingAtColumn(0).data(m_orgIdRole).toString();
    const QString name = index.siblingAtColumn(0).data(Qt::DisplayRole).toString();
    switchOrganization(id, name);
}

void MainWindow::switchOrganization(const QString &id, const QString &name)
{
    if (id == m_session->organizationId())
        return;
    m_pendingLeave = {PendingLeave::Kind::SwitchOrganization, id, name, {}};
    if (!askPagesToLeave()) {
        syncPickerToSession(); // until the answers allow the switch
        return;
    }
    m_pendingLeave = {};
    m_session->setOrganization(id, name);
}

void MainWindow::whenPagesAllowLeaving(std::function<void()> go)
{
    m_pendingLeave = {PendingLeave::Kind::Run, {}, {}, std::move(go)};
    if (!askPagesToLeave())
        return;
    const std::function<void()> run = std::exchange(m_pendingLeave, {}).run;
    run();
}

bool MainWindow::askPagesToLeave()
{
    for (Page *p : pages()) { // a page not built yet has nothing to lose
        if (!p->hasUnsavedChanges())
            continue;
        if (!m_askingPage) {
            m_askingPage = true;
            // Queued: the answer never re-enters the closeEvent that asked.
            connect(p, &Page::leaveDecided, this, &MainWindow::onLeaveDecided,
                    Qt::ConnectionType(Qt::QueuedConnection | Qt::SingleShotConnection));
            p->requestLeave();
        }
        return false;
    }
    return true;
}

void MainWindow::onLeaveDecided(bool ok)
{
    m_askingPage = false;
    const PendingLeave pending = std::exchange(m_pendingLeave, {});
    if (!ok) {
        syncPickerToSession();
        return;
    }
    // Ask the next page with unsaved edits, or go on.
    switch (pending.kind) {
    case PendingLeave::Kind::None:
        break;
    case PendingLeave::Kind::Close:
        close();
        break;
    case PendingLeave::Kind::SwitchOrganization:
        switchOrganization(pending.id, pending.name);
        break;
    case PendingLeave::Kind::Run:
        whenPagesAllowLeaving(pending.run);
        break;
    }
}

void MainWindow::syncPickerToSession()
{
    if (!m_orgModel)
        return;
    const QString id = m_session->organizationId();
    const QModelIndexList hits = id.isEmpty() ? QModelIndexList{}
                                              : m_orgModel->match(m_orgModel->index(0, 0), m_orgIdRole, id, 1,
                                                                  Qt::MatchExactly | Qt::MatchRecursive);
    m_syncingPicker = true;
    if (hits.isEmpty()) {
        m_picker->setRootModelIndex({});
        m_picker->setCurrentIndex(-1);
    } else {
        // Point the combo at the hit's parent so it can display a nested row.
        const QModelIndex hit = hits.first();
        m_picker->setRootModelIndex(hit.parent());
        m_picker->setCurrentIndex(hit.row());
        m_picker->setRootModelIndex({});
        m_pickerView->setCurrentIndex(hit);
    }
    m_syncingPicker = false;
}

void MainWindow::setRequestsInFlight(int count)
{
    m_inFlight = count;
    m_requestsLabel->setText(count > 0 ? tr("%n request(s) in flight", nullptr, count) : tr("Idle"));
}

void MainWindow::setRateLimitWait(qint64 waitMs)
{
    m_throttleUntil = waitMs > 0 ? QDateTime::currentMSecsSinceEpoch() + waitMs : 0;
    updateThrottle();
}

void MainWindow::updateThrottle()
{
    const qint64 left = m_throttleUntil - QDateTime::currentMSecsSinceEpoch();
    if (m_throttleUntil == 0 || left <= 0) {
        m_throttleUntil = 0;
        m_throttleTimer->stop();
        m_throttleLabel->hide();
        m_throttleCancel->hide();
        return;
    }
    const qint64 seconds = (left + 999) / 1000;
    m_throttleLabel->setText(tr("Rate limited by Cloudflare: waiting %1:%2")
                                 .arg(seconds / 60)
                                 .arg(seconds % 60, 2, 10, QLatin1Char('0')));
    m_throttleLabel->setToolTip(tr("Cloudflare blocks this credential after too many requests; the requests "
                                   "continue when the block ends."));
    m_throttleLabel->show();
    m_throttleCancel->show();
    if (!m_throttleTimer->isActive())
        m_throttleTimer->start();
}

void MainWindow::updateStatus()
{
    using State = models::Session::State;
    QString text;
    switch (m_session->state()) {
    case State::Disconnected:
        text = tr("Not connected — File › Connect… to choose a connection");
        break;
    case State::Connecting:
        text = tr("Connecting to %1…").arg(m_session->stateText());
        break;
    case State::Connected:
        text = m_session->identity().isEmpty()
                   ? tr("Connected to %1").arg(m_session->stateText())
                   : tr("Connected to %1 as %2").arg(m_session->stateText(), m_session->identity());
        break;
    case State::Failed:
        text = tr("Connection failed: %1").arg(m_session->stateText());
        break;
    }
    m_connectionLabel->setText(text);
}

void MainWindow::restoreState()
{
    const QByteArray geometry = m_settings->windowGeometry();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1280, 800);
    QMainWindow::restoreState(m_settings->windowState());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter"))) {
        const QByteArray s = m_settings->splitterState(QStringLiteral("main"));
        if (!s.isEmpty())
            splitter->restoreState(s);
    }
    for (Page *p : pages())
        p->restoreViewState(*m_settings);
    m_viewStateRestored = true;
    showPage(qBound(0, m_settings->currentPage(), m_stack->pageCount() - 1));
}

void MainWindow::saveState()
{
    m_settings->setWindowGeometry(saveGeometry());
    m_settings->setWindowState(QMainWindow::saveState());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        m_settings->setSplitterState(QStringLiteral("main"), splitter->saveState());
    m_settings->setCurrentPage(m_stack->currentIndex());
    for (Page *p : pages()) // a page never built keeps what it saved last
        p->saveViewState(*m_settings);
    m_settings->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Unsaved edits: stay open, ask, and close again once the answers (and a save) allow it.
    m_pendingLeave = {PendingLeave::Kind::Close, {}, {}, {}};
    if (!askPagesToLeave()) {
        event->ignore();
        return;
    }
    m_pendingLeave = {};
    saveState();
    event->accept();
}

void MainWindow::showShortcuts()
{
    for (int i = 0; i < pageCount(); ++i)
        page(i); // the keys of the pages not visited yet too
    QString html;
    for (const ShortcutGroup &g : shortcutGroups()) {
        html += QStringLiteral("<h4>%1</h4><table cellspacing=4>").arg(g.title.toHtmlEscaped());
        for (const Shortcut &s : g.shortcuts)
            html += QStringLiteral("<tr><td width=110><b>%1</b></td><td>%2</td></tr>")
                        .arg(s.keys.toHtmlEscaped(), s.action.toHtmlEscaped());
        html += QStringLiteral("</table>");
    }
    Dialogs::information(this, tr("Keyboard Shortcuts"), html);
}

void MainWindow::showAbout()
{
    Dialogs::information(
        this, tr("About Orgscope"),
        tr("<h3>Orgscope %1</h3><p>A desktop console for the Cloudflare Organizations API.</p>"
           "<p>Built with Qt %2, running on Qt %3.</p>")
            .arg(QStringLiteral(ORGSCOPE_VERSION), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion())));
}

} // namespace ui
