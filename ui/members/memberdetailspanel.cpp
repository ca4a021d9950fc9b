#include "ui/members/memberdetailspanel.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
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
    m_email = addLineField(tr("E-mail:"), "detailEmail");
    m_name = addField(tr("Name:"), "detailName");
    m_status = addField(tr("Status:"), "detailStatus");
    m_twoFactor = addField(tr("Two-factor auth:"), "detailTwoFactor");
    m_created = addField(tr("Created:"), "detailCreated");
    m_updated = addField(tr("Updated:"), "detailUpdated");
    m_memberIdLabel = addLineField(tr("Membership ID:"), "detailMemberId");
    m_userId = addLineField(tr("User ID:"), "detailUserId");

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

QLineEdit *MemberDetailsPanel::addLineField(const QString &label, const char *objectName)
{
    auto *value = new QLineEdit(this);
    value->setObjectName(QString::fromLatin1(objectName));
    value->setReadOnly(true);
    value->setFrame(false);
    value->setMinimumWidth(80);
    QPalette pal = value->palette();
    pal.setColor(QPalette::Base, Qt::transparent);
    value->setPalette(pal);
    value->setContentsMargins(0, 0, 0, 0);
    m_form->addRow(label, value);
    return value;
}

void MemberDetailsPanel::showMember(const api::Member &member, const QString &statusText,
                                    const QString &created, const QString &updated)
{
    m_memberId = member.id;
    m_emailValue = member.user.email;
    m_email->setText(member.user.email);
    m_email->setCursorPosition(0);
    m_email->setToolTip(member.user.email);
    m_name->setText(member.user.name.isEmpty() ? tr("(no name)") : member.user.name);
    m_status->setText(statusText);
    m_twoFactor->setText(member.user.twoFactorEnabled ? tr("Enabled") : tr("Not enabled"));
    m_created->setText(created);
    m_updated->setText(updated);
    m_memberIdLabel->setText(member.id);
    m_memberIdLabel->setCursorPosition(0);
    m_memberIdLabel->setToolTip(member.id);
    m_userId->setText(member.user.id);
    m_userId->setCursorPosition(0);
    m_userId->setToolTip(member.user.id);
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
