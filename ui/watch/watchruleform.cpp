#include "ui/watch/watchruleform.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ui {

WatchRuleForm::WatchRuleForm(QDialog *dialog, const models::WatchRule &rule, const QString &objectPrefix,
                             Interval unit)
    : m_dialog(dialog), m_rule(rule), m_prefix(objectPrefix), m_unit(unit),
      m_name(new QLineEdit(rule.name, dialog)), m_form(new QFormLayout)
{
    m_name->setObjectName(objectPrefix + QStringLiteral("Name"));
    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(
        tr("Organization:"),
        new QLabel(rule.organizationName.isEmpty() ? rule.organizationId : rule.organizationName, dialog));
}

void WatchRuleForm::finish(int width)
{
    m_interval = new QSpinBox(m_dialog);
    m_enabled = new QCheckBox(tr("Watching"), m_dialog);
    m_error = new QLabel(m_dialog);
    m_interval->setObjectName(m_prefix + QStringLiteral("Interval"));
    if (m_unit == Interval::Minutes) {
        m_interval->setRange(5, 24 * 60);
        m_interval->setSuffix(tr(" min"));
        m_interval->setValue(qBound(5, m_rule.intervalSeconds / 60, 24 * 60));
    } else {
        m_interval->setRange(models::WatchRule::kMinIntervalSeconds, 24 * 3600);
        m_interval->setSuffix(tr(" s"));
        m_interval->setValue(m_rule.intervalSeconds);
    }
    m_enabled->setObjectName(m_prefix + QStringLiteral("Enabled"));
    m_enabled->setChecked(m_rule.enabled);
    m_error->setObjectName(m_prefix + QStringLiteral("Error"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_form->addRow(tr("&Check every:"), m_interval);
    m_form->addRow(QString(), m_enabled);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, m_dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, m_dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, m_dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(m_dialog);
    layout->addLayout(m_form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    m_dialog->resize(width, m_dialog->sizeHint().height());
}

bool WatchRuleForm::read(models::WatchRule &rule) const
{
    rule.name = m_name->text().trimmed();
    rule.intervalSeconds = m_unit == Interval::Minutes ? m_interval->value() * 60 : m_interval->value();
    rule.enabled = m_enabled->isChecked();
    if (!rule.name.isEmpty())
        return true;
    showError(tr("Give the rule a name."));
    return false;
}

void WatchRuleForm::showError(const QString &text) const
{
    m_error->setText(text);
    m_error->show();
}

bool WatchRuleForm::refuses(const QString &error) const
{
    if (!error.isEmpty())
        showError(error);
    return !error.isEmpty();
}

} // namespace ui
