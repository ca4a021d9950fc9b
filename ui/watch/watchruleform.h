#pragma once
// What both watch rule dialogs (WatchRuleDialog for audit rules,
// UsageRuleDialog for usage rules) share: the name (required), the
// organization, the interval and the on switch, the inline error line and
// OK / Cancel. The constructor makes the name and the form with the name and
// organization rows; the dialog then makes its own fields and rows, and
// finish() adds the interval and the switch, so the tab order follows the form.

#include "models/watch/watchrule.h"

#include <QCoreApplication>
#include <QString>

class QCheckBox;
class QDialog;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace ui {

class WatchRuleForm
{
    Q_DECLARE_TR_FUNCTIONS(WatchRuleForm)
public:
    // Seconds (from WatchRule::kMinIntervalSeconds) or whole minutes (from 5).
    enum class Interval { Seconds, Minutes };

    // The widgets are the dialog's children, named objectPrefix + "Name",
    // "Interval", "Enabled", "Error".
    WatchRuleForm(QDialog *dialog, const models::WatchRule &rule, const QString &objectPrefix, Interval unit);

    QLineEdit *name() const { return m_name; }
    QSpinBox *interval() const { return m_interval; }
    QCheckBox *enabled() const { return m_enabled; }
    QLabel *error() const { return m_error; }
    // The dialog adds its rows here, between the organization and the interval.
    QFormLayout *form() const { return m_form; }

    // Makes the interval and the switch and their rows, then lays the dialog
    // out (form, error line, OK / Cancel to accept() / reject()) at this width.
    void finish(int width);
    // Name (trimmed), interval and switch into rule; false, with the error
    // shown, when the name is empty.
    bool read(models::WatchRule &rule) const;
    void showError(const QString &text) const;
    // Shows a non-empty error and says so (the dialog stays open).
    bool refuses(const QString &error) const;

private:
    QDialog *m_dialog;
    models::WatchRule m_rule;
    QString m_prefix;
    Interval m_unit;
    QLineEdit *m_name;
    QFormLayout *m_form;
    QSpinBox *m_interval = nullptr;
    QCheckBox *m_enabled = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace ui
