#include "ui/organizations/organizationdetailsview.h"

#include "models/reports/reportdocument.h"
#include "ui/common/icons.h"

#include <QApplication>
#include <QClipboard>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

QLabel *valueLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString dash()
{
    return QStringLiteral("—");
}

} // namespace

OrganizationDetailsView::OrganizationDetailsView(QWidget *parent)
    : QWidget(parent), m_empty(new QLabel(this)), m_content(new QWidget(this)),
      m_name(valueLabel(m_content, QStringLiteral("detailsName"))),
      m_idLabel(valueLabel(m_content, QStringLiteral("detailsId"))), m_copyId(new QToolButton(m_content)),
      m_created(valueLabel(m_content, QStringLiteral("detailsCreated"))),
      m_parent(valueLabel(m_content, QStringLiteral("detailsParent"))),
      m_managedBy(valueLabel(m_content, QStringLiteral("detailsManagedBy"))),
      m_path(valueLabel(m_content, QStringLiteral("detailsPath"))),
      m_subOrgs(valueLabel(m_content, QStringLiteral("detailsSubOrganizations"))),
      m_flagsSource(new QLabel(m_content)), m_flags(new QTreeWidget(m_content))
{
    setObjectName(QStringLiteral("organizationDetails"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setObjectName(QStringLiteral("detailsPlaceholder"));

    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_idLabel->setFont(mono);
    m_idLabel->setWordWrap(false);
    m_copyId->setObjectName(QStringLiteral("detailsCopyId"));
    m_copyId->setIcon(icon(QStringLiteral("edit-copy")));
    m_copyId->setText(tr("Copy"));
    m_copyId->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copyId->setToolTip(tr("Copy the organization ID to the clipboard"));
    m_copyId->setAutoRaise(true);
    connect(m_copyId, &QToolButton::clicked, this, [this] {
        if (m_id.isEmpty())
            return;
        QApplication::clipboard()->setText(m_id);
        Q_EMIT idCopied(m_id);
    });

    auto *idRow = new QWidget(m_content);
    auto *idLayout = new QHBoxLayout(idRow);
    idLayout->setContentsMargins(0, 0, 0, 0);
    idLayout->addWidget(m_idLabel);
    idLayout->addWidget(m_copyId);
    idLayout->addStretch(1);

    m_flags->setObjectName(QStringLiteral("detailsFlags"));
    m_flags->setAccessibleName(tr("Capabilities and flags"));
    m_flags->setColumnCount(3);
    m_flags->setHeaderLabels({tr("Capability"), tr("Value"), tr("API key")});
    m_flags->setRootIsDecorated(false);
    m_flags->setUniformRowHeights(true);
    m_flags->setAlternatingRowColors(true);
    m_flags->setSelectionMode(QAbstractItemView::SingleSelection);
    m_flags->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_flags->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_flags->header()->setStretchLastSection(true);
    m_flagsSource->setObjectName(QStringLiteral("detailsFlagsSource"));
    m_flagsSource->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("ID:"), idRow);
    form->addRow(tr("Created:"), m_created);
    form->addRow(tr("Parent:"), m_parent);
    form->addRow(tr("Managed by:"), m_managedBy);
    form->addRow(tr("Hierarchy:"), m_path);
    form->addRow(tr("Sub-organizations:"), m_subOrgs);

    auto *flagsTitle = new QLabel(tr("<b>Capabilities</b>"), m_content);
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(form);
    contentLayout->addSpacing(8);
    contentLayout->addWidget(flagsTitle);
    contentLayout->addWidget(m_flagsSource);
    contentLayout->addWidget(m_flags);
    contentLayout->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_content, 1);
    clear();
}

void OrganizationDetailsView::setOrganization(const api::Organization &org,
                                              const QList<const api::Organization *> &path,
                                              bool parentVisible, int subOrganizationCount,
                                              const QTimeZone &zone)
{
    m_id = org.id;
    m_empty->hide();
    m_content->show();
    m_name->setText(org.name);
    m_idLabel->setText(org.id);

    if (org.createTime.isValid()) {
        // The zone of View › Time zone, named after the time; the instant in UTC beside it.
        m_created->setText(models::reportTimeText(org.createTime, zone, true));
        m_created->setToolTip(tr("UTC: %1").arg(org.createTime.toUTC().toString(Qt::ISODateWithMs)));
    } else {
        m_created->setText(dash());
        m_created->setToolTip({});
    }

    if (org.parentId.isEmpty())
        m_parent->setText(tr("None — this is a root organization"));
    else if (parentVisible)
        m_parent->setText(QStringLiteral("%1  (%2)").arg(org.parentName, org.parentId));
    else
        m_parent->setText(
            tr("%1 (%2) — not visible with these credentials")
                .arg(org.parentName.isEmpty() ? tr("an organization") : org.parentName, org.parentId));

    m_managedBy->setText(org.managedBy.isEmpty() ? dash() : org.managedBy);

    QStringList names;
    for (const api::Organization *o : path)
        names << o->name;
    if (!parentVisible && !org.parentId.isEmpty()) {
        // Tags of invisible ancestors are all we know about them.
        QStringList hidden;
        for (const QString &tag : org.hierarchyTags)
            if (tag != org.id)
                hidden << tag;
        names.prepend(hidden.isEmpty() ? tr("…") : hidden.join(QStringLiteral(" › ")));
    }
    m_path->setText(names.join(QStringLiteral(" › ")));
    m_path->setToolTip(
        org.hierarchyTags.isEmpty() ? QString() : tr("Hierarchy tags: %1").arg(org.hierarchyTags.join(u' ')));
    m_subOrgs->setText(subOrganizationCount == 0 ? tr("None")
                                                 : tr("%n visible", nullptr, subOrganizationCount));

    m_flags->clear();
    for (const api::Flag &f : org.flags) {
        auto *item = new QTreeWidgetItem(m_flags, {flagTitle(f.name), flagValueText(f.value), f.name});
        const bool on = f.value == QLatin1String("enabled");
        const bool off = f.value == QLatin1String("disabled");
        item->setIcon(1, icon(on    ? QStringLiteral("object-select")
                              : off ? QStringLiteral("dialog-cancel")
                                    : QStringLiteral("dialog-question")));
        item->setToolTip(1, tr("Raw value: “%1”").arg(f.value));
    }
    // As tall as its rows: the pane reads as a sheet, not a half-empty table.
    const int rows = qMax(1, int(org.flags.size()));
    const int rowHeight = qMax(m_flags->sizeHintForRow(0), m_flags->fontMetrics().height() + 4);
    m_flags->setFixedHeight(m_flags->header()->sizeHint().height() + rows * rowHeight +
                            2 * m_flags->frameWidth() + 2);
    m_flags->setVisible(!org.flags.isEmpty());
    if (org.flags.isEmpty())
        m_flagsSource->setText(tr("The API reported no capability flags for this organization."));
    else if (org.flagsAreTenantFlags)
        m_flagsSource->setText(tr("From meta.tenant_flags."));
    else
        m_flagsSource->setText(tr("From meta.flags (older API shape)."));
}

void OrganizationDetailsView::clear(const QString &message)
{
    m_id.clear();
    m_flags->clear();
    m_content->hide();
    m_empty->setText(message.isEmpty() ? tr("Select an organization to see its details.") : message);
    m_empty->show();
}

QString OrganizationDetailsView::flagTitle(const QString &name)
{
    static const QHash<QString, QString> known{
        {QStringLiteral("account_creation"), tr("Account creation")},
        {QStringLiteral("account_creation_applies_tenant_defaults"), tr("New accounts get tenant defaults")},
        {QStringLiteral("account_deletion"), tr("Account deletion")},
        {QStringLiteral("account_migration"), tr("Account migration")},
        {QStringLiteral("account_mobility"), tr("Account mobility")},
        {QStringLiteral("enterprise_capability"), tr("Enterprise capability")},
        {QStringLiteral("member_management"), tr("Member management")},
        {QStringLiteral("sub_org_creation"), tr("Sub-organization creation")},
    };
    const auto it = known.constFind(name);
    if (it != known.cend())
        return it.value();
    QString text = name;
    text.replace(u'_', u' ');
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString OrganizationDetailsView::flagValueText(const QString &value)
{
    if (value == QLatin1String("enabled"))
        return tr("Enabled");
    if (value == QLatin1String("disabled"))
        return tr("Disabled");
    if (value.isEmpty())
        return tr("Unknown (empty)");
    return tr("%1 (unknown value)").arg(value);
}

} // namespace ui
