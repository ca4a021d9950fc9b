#pragma once
// Read-only view of one member's fields, with a link to their audit trail.
// Passive: the page decides what to show and what the link does. E-mail and
// ids are elided with the whole value in the tooltip and a copy button.

#include "api/records.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QStackedWidget;
class QToolButton;

namespace ui {

class ElidedLabel;

class MemberDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit MemberDetailsPanel(QWidget *parent = nullptr);

    void showMember(const api::Member &member, const QString &statusText, const QString &created,
                    const QString &updated);
    // Nothing or several rows selected.
    void showNone(int selectedCount = 0);

    QString shownMemberId() const { return m_memberId; }

Q_SIGNALS:
    void activityRequested(const QString &email);
    // A value went to the clipboard; `what` names it ("e-mail address").
    void copied(const QString &what);

private:
    QLabel *addField(const QString &label, const char *objectName);
    // Ids and e-mails have no spaces to wrap at: one elided line and a copy button.
    ElidedLabel *addCopyField(const QString &label, const char *objectName, const QString &what);

    QStackedWidget *m_stack;
    QLabel *m_empty;
    QFormLayout *m_form;
    ElidedLabel *m_email;
    QLabel *m_name;
    QLabel *m_status;
    QLabel *m_twoFactor;
    ElidedLabel *m_memberIdLabel;
    ElidedLabel *m_userId;
    QLabel *m_created;
    QLabel *m_updated;
    QLabel *m_activityLink;
    QString m_memberId;
    QString m_emailValue;
};

} // namespace ui
