#pragma once
// Members of the current organization: browse (page-token loading, server
// status and e-mail filters, instant local filter), invite one or many,
// remove the selected members, see one member's details and jump to their
// audit trail, export what is shown. A view: models::MembersController does
// the work; this page binds its widgets to it and forwards intents.

#include "api/listfilters.h"
#include "ui/common/page.h"

#include <QPointer>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableView;
class QToolButton;

namespace models {
class ActivityLog;
class MemberBatchModel;
class MembersController;
class MembersFilterProxy;
class MembersModel;
} // namespace models

namespace ui {

class InviteDialog;
class MemberDetailsPanel;
class MessageBanner;

class MembersPage : public Page
{
    Q_OBJECT
public:
    // How the e-mail box filters: instantly over loaded rows, or as a server query.
    enum class EmailMatch { Loaded, Equals, Contains, StartsWith, EndsWith };

    MembersPage(models::Session *session, models::ActivityLog *activity, QWidget *parent = nullptr);
    // With a controller the composition root built (not owned).
    MembersPage(models::Session *session, models::MembersController *controller, QWidget *parent = nullptr);
    ~MembersPage() override;

    QString title() const override;
    QString iconName() const override { return QStringLiteral("system-users"); }
    void saveViewState(models::AppSettings &settings) override;
    void restoreViewState(models::AppSettings &settings) override;
    void refresh() override;

    // The server-side filter the next load sends.
    api::MemberFilter serverFilter() const;
    models::MembersController *controller() const { return m_controller; }
    models::MembersModel *model() const { return m_model; }
    models::MembersFilterProxy *proxy() const { return m_proxy; }
    bool isLoading() const;
    // True when the table holds every member of the organization (no server filter, fully loaded).
    bool hasCompleteList() const;

    // Actions, also reachable by keyboard (Ctrl+I, Delete, Ctrl+F).
    InviteDialog *openInviteDialog();
    void removeSelected();
    bool exportTo(const QString &path, bool json);
    void exportInteractive(bool json);
    // Stops the running load or removal.
    void cancelOperation();
    // Concurrency of bulk removals (tests use 1 for a repeatable order).
    void setRemovalParallelism(int n);

Q_SIGNALS:
    void loadFinished();
    void removalFinished();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildUi();
    void reload();
    void onLoadFinished(bool ok);
    void onRemovalFinished(models::MemberBatchModel *rows, bool allDone);
    void updateActions();
    void fitColumnsOnce();
    void updateDetails();
    void updateCountLabel();
    void updateProgress();
    void updateBanner();
    QList<int> selectedSourceRows() const;

    models::MembersController *m_controller;
    models::MembersModel *m_model;
    models::MembersFilterProxy *m_proxy;
    QPointer<InviteDialog> m_invite;
    bool m_columnsFitted = false;

    MessageBanner *m_banner;
    QComboBox *m_status;
    QComboBox *m_emailMatch;
    QLineEdit *m_email;
    QPushButton *m_search;
    QToolButton *m_inviteButton;
    QToolButton *m_removeButton;
    QPushButton *m_exportButton;
    QSplitter *m_splitter;
    QTableView *m_table;
    MemberDetailsPanel *m_details;
    QLabel *m_count;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QAction *m_inviteAction;
    QAction *m_removeAction;
    QAction *m_findAction;
    QAction *m_exportCsvAction;
    QAction *m_exportJsonAction;
};

} // namespace ui
