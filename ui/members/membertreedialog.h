#pragma once
// "Where is this person?" (issue 24): searches an e-mail address in the
// current organization and every organization under it, lists each
// membership with its status (the organization's path in the tree on hover),
// names the organizations that could not be searched with a Retry, and
// removes the selected memberships after the same kind of confirmation as
// the Members page, with one result per row. The work is
// models::MemberTreeSearch's; the dialog shows it.

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace models {
class MemberTreeSearch;
class Session;
} // namespace models

namespace ui {

class MemberTreeDialog : public QDialog
{
    Q_OBJECT
public:
    MemberTreeDialog(models::Session *session, QWidget *parent = nullptr);

    // The Members page's tool button that opens the dialog (non-modal) for
    // the session's organization.
    static QToolButton *button(QWidget *page, models::Session *session);

    models::MemberTreeSearch *search() const { return m_search; }
    // Searches the address typed (or given).
    void startSearch(const QString &email = {});
    // Asks, then removes the selected memberships.
    void removeSelected();

private:
    void updateState();

    QPointer<models::Session> m_session;
    models::MemberTreeSearch *m_search;
    QLineEdit *m_email;
    QPushButton *m_searchButton;
    QPushButton *m_cancelButton;
    QLabel *m_status;
    QLabel *m_missing;
    QPushButton *m_retryButton;
    QTableView *m_table;
    QPushButton *m_removeButton;
};

} // namespace ui
