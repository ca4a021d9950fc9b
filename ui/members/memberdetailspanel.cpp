#include "ui/members/memberdetailspanel.h"

#include "ui/common/elidedlabel.h"
#include "ui/common/icons.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

MemberDetailsPanel::MemberDetailsPanel(QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("memberDetails"));
    m_empty->setObjectName(QStringLiteral("memberDetailsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);

    auto *page = new QWidget(this);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(tr("Member"), page);
    QFont f = heading->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    heading->setFont(f);
    pageLayout->addWidget(heading);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    pageLayout->addLayout(m_form);
    m_email = addCopyField(tr("E-mail:"), "detailEmail", tr("e-mail address"));
    m_name = addField(tr("Name:"), "detailName");
    m_status = addField(tr("Status:"), "detailStatus");
    m_twoFactor = addField(tr("Two-factor auth:"), "detailTwoFactor");
    m_created = addField(tr("Created:"), "detailCreated");
    m_updated = addField(tr("Updated:"), "detailUpdated");
    m_memberIdLabel = addCopyField(tr("Membership ID:"), "detailMemberId", tr("membership ID"));
    m_userId = addCopyField(tr("User ID:"), "detailUserId", tr("user ID"));

    m_activityLink = new QLabel(page);
    m_activityLink->setObjectName(QStringLiteral("showActivityLink"));
    m_activityLink->setText(QStringLiteral("<a href=\"activity\">") + tr("Show this member's activity") +
                            QStringLiteral("</a>"));
    m_activityLink->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_activityLink->setToolTip(tr("Open the audit log filtered by this member's e-mail"));
    connect(m_activityLink, &QLabel::linkActivated, this, [this] {
        if (!m_emailValue.isEmpty())
            Q_EMIT activityRequested(m_emailValue);
    });
    pageLayout->addSpacing(8);
    pageLayout->addWidget(m_activityLink);
    pageLayout->addStretch(1);

    m_stack->addWidget(m_empty);
    m_stack->addWidget(page);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_stack);
    showNone();
}

QLabel *MemberDetailsPanel::addField(const QString &label, const char *objectName)
{
    auto *value = new QLabel(this);
    value->setObjectName(QString::fromLatin1(objectName));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    // Ids and e-mails have no spaces: let them break anywhere rather than widen the panel.
    value->setMinimumWidth(80);
    value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_form->addRow(label, value);
    return value;
}

ElidedLabel *MemberDetailsPanel::addCopyField(const QString &label, const char *objectName,
                                              const QString &what)
{
    auto *row = new QWidget(this);
    // E-mails keep their domain and ids both ends: the cut goes in the middle.
    auto *value = new ElidedLabel(row, Qt::ElideMiddle);
    value->setObjectName(QString::fromLatin1(objectName));
    auto *copy = new QToolButton(row);
    copy->setObjectName(QStringLiteral("copy") + QString::fromLatin1(objectName).mid(6)); // copyEmail…
    copy->setAutoRaise(true);
    copy->setIcon(icon(QStringLiteral("edit-copy")));
    copy->setToolTip(tr("Copy the %1").arg(what));
    copy->setAccessibleName(tr("Copy the %1").arg(what));
    connect(copy, &QToolButton::clicked, this, [this, value, what] {
        if (value->fullText().isEmpty())
            return;
        QApplication::clipboard()->setText(value->fullText());
        Q_EMIT copied(what);
    });
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(value, 1);
    layout->addWidget(copy);
    m_form->addRow(label, row);
    return value;
}

void MemberDetailsPanel::showMember(const api::Member &member, const QString &statusText,
                                    const QString &created, const QString &updated)
{
    m_memberId = member.id;
    m_emailValue = member.user.email;
    m_email->setFullText(member.user.email);
    m_name->setText(member.user.name.isEmpty() ? tr("(no name)") : member.user.name);
    m_status->setText(statusText);
    m_twoFactor->setText(member.user.twoFactorEnabled ? tr("Enabled") : tr("Not enabled"));
    m_created->setText(created);
    m_updated->setText(updated);
    m_memberIdLabel->setFullText(member.id);
    m_userId->setFullText(member.user.id);
    m_activityLink->setEnabled(!member.user.email.isEmpty());
    m_stack->setCurrentIndex(1);
}

void MemberDetailsPanel::showNone(int selectedCount)
{
    m_memberId.clear();
    m_emailValue.clear();
    m_empty->setText(selectedCount > 1 ? tr("%n members selected.", nullptr, selectedCount)
                                       : tr("Select a member to see their details."));
    m_stack->setCurrentIndex(0);
}

} // namespace ui
