#include "ui/watch/watchruledialog.h"

#include "ui/watch/watchfiltereditor.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

WatchRuleDialog::WatchRuleDialog(const models::WatchRule &rule, QWidget *parent)
    : QDialog(parent), m_rule(rule), m_name(new QLineEdit(rule.name, this)),
      m_filters(new WatchFilterEditor(this)), m_search(new QLineEdit(rule.query.search, this)),
      m_interval(new QSpinBox(this)), m_enabled(new QCheckBox(tr("Watching"), this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("watchRuleDialog"));
    setWindowTitle(rule.id.isEmpty() ? tr("New Watch Rule") : tr("Edit Watch Rule"));
    m_name->setObjectName(QStringLiteral("watchRuleName"));
    m_filters->setFilterText(rule.query.filterText());
    m_filters->setMinimumHeight(fontMetrics().lineSpacing() * 8);
    m_search->setObjectName(QStringLiteral("watchRuleSearch"));
    m_search->setPlaceholderText(tr("Any text in the entry (optional)"));
    m_interval->setObjectName(QStringLiteral("watchRuleInterval"));
    m_interval->setRange(models::WatchRule::kMinIntervalSeconds, 24 * 3600);
    m_interval->setSuffix(tr(" s"));
    m_interval->setValue(rule.intervalSeconds);
    m_enabled->setChecked(rule.enabled);
    m_error->setObjectName(QStringLiteral("watchRuleError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: palette(highlight)"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(
        tr("Organization:"),
        new QLabel(rule.organizationName.isEmpty() ? rule.organizationId : rule.organizationName, this));
    form->addRow(tr("&Filters:"), m_filters);
    auto *hint = new QLabel(tr("One filter per row; the keys are those of “orgscope export audit”. Rows "
                               "with the same key match any of their values."),
                            this);
    hint->setWordWrap(true);
    form->addRow(QString(), hint);
    form->addRow(tr("&Search:"), m_search);
    form->addRow(tr("&Check every:"), m_interval);
    form->addRow(QString(), m_enabled);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &WatchRuleDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &WatchRuleDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
}

void WatchRuleDialog::accept()
{
    models::WatchRule edited = m_rule;
    edited.name = m_name->text().trimmed();
    edited.query.search = m_search->text().trimmed();
    edited.intervalSeconds = m_interval->value();
    edited.enabled = m_enabled->isChecked();
    QString error;
    if (edited.name.isEmpty())
        error = tr("Give the rule a name.");
    else
        edited.query.setFilterText(m_filters->filterText(), &error); // the error names the line
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    m_rule = edited;
    QDialog::accept();
}

} // namespace ui
