#include "ui/audit/auditvaluefilterpopup.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

namespace {
constexpr int kValueRole = Qt::UserRole + 1;
}

AuditValueFilterPopup::AuditValueFilterPopup(const QString &columnTitle,
                                             const QList<models::AuditTableModel::ValueCount> &values,
                                             const models::AuditFilterSpec::ValueSet &current,
                                             QWidget *parent)
    : QFrame(parent, Qt::Popup), m_search(new QLineEdit(this)), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("auditValueFilterPopup"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFrameShape(QFrame::StyledPanel);
    m_search->setObjectName(QStringLiteral("auditValueFilterSearch"));
    m_search->setPlaceholderText(tr("Find a value"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("auditValueFilterList"));
    m_list->setUniformItemSizes(true);
    m_search->setAccessibleName(tr("Find a %1 value").arg(columnTitle));
    m_list->setAccessibleName(tr("%1 values to show").arg(columnTitle));
    m_list->setAccessibleDescription(tr("Space checks or unchecks a value; Ctrl+Return applies."));

    for (const auto &v : values) {
        const QString shown = v.value.isEmpty() ? tr("(empty)") : v.label.isEmpty() ? v.value : v.label;
        auto *item =
            new QListWidgetItem(shown + QStringLiteral("  (") + QLocale().toString(v.count) + u')', m_list);
        item->setData(kValueRole, v.value);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        const bool on = current.include.isEmpty() ? !current.exclude.contains(v.value)
                                                  : current.include.contains(v.value);
        item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int i = 0; i < m_list->count(); ++i)
            m_list->item(i)->setHidden(!m_list->item(i)->text().contains(text, Qt::CaseInsensitive));
    });

    auto *all = new QPushButton(tr("All"), this);
    auto *none = new QPushButton(tr("None"), this);
    connect(all, &QPushButton::clicked, this, [this] { setAll(true); });
    connect(none, &QPushButton::clicked, this, [this] { setAll(false); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Apply)->setObjectName(QStringLiteral("auditValueFilterApply"));
    buttons->button(QDialogButtonBox::Apply)->setDefault(true);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] { apply(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QWidget::close);
    auto *applyKey = new QAction(this);
    applyKey->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    applyKey->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(applyKey, &QAction::triggered, this, [this] { apply(); });
    addAction(applyKey);

    auto *title = new QLabel(tr("Show rows whose <b>%1</b> is:").arg(columnTitle.toHtmlEscaped()), this);
    auto *row = new QHBoxLayout;
    row->addWidget(all);
    row->addWidget(none);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addLayout(row);
    layout->addWidget(buttons);
    if (values.isEmpty())
        m_list->addItem(tr("No values loaded"));
    m_list->setCurrentRow(0); // Space toggles from the first value on
    resize(320, 380);
}

void AuditValueFilterPopup::setAll(bool checked)
{
    for (int i = 0; i < m_list->count(); ++i)
        if (!m_list->item(i)->isHidden() && (m_list->item(i)->flags() & Qt::ItemIsUserCheckable))
            m_list->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void AuditValueFilterPopup::setChecked(const QSet<QString> &values)
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        if (item->flags() & Qt::ItemIsUserCheckable)
            item->setCheckState(values.contains(item->data(kValueRole).toString()) ? Qt::Checked
                                                                                   : Qt::Unchecked);
    }
}

models::AuditFilterSpec::ValueSet AuditValueFilterPopup::valueSet() const
{
    QSet<QString> on, off;
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem *item = m_list->item(i);
        if (!(item->flags() & Qt::ItemIsUserCheckable))
            continue;
        (item->checkState() == Qt::Checked ? on : off).insert(item->data(kValueRole).toString());
    }
    models::AuditFilterSpec::ValueSet set;
    if (off.isEmpty())
        return set;
    // The shorter list; an include list also hides values that arrive later.
    if (on.size() <= off.size())
        set.include = on;
    else
        set.exclude = off;
    if (on.isEmpty())
        set.include = {QStringLiteral("\x01none")}; // nothing checked: nothing matches
    return set;
}

void AuditValueFilterPopup::apply()
{
    const auto set = valueSet();
    Q_EMIT applied(set.include, set.exclude);
    close();
}

} // namespace ui
