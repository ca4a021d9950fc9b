#pragma once
// Edits one watch rule: name, the audit query's filters (one row each in a
// WatchFilterEditor: key, is / is not, value), the search text,
// the interval and the on switch. The organization is the rule's own.

#include "models/watch/watchrule.h"
#include "ui/watch/watchruleform.h"

#include <QDialog>

class QLineEdit;
class QSpinBox;

namespace ui {

class WatchFilterEditor;

class WatchRuleDialog : public QDialog
{
    Q_OBJECT
public:
    explicit WatchRuleDialog(const models::WatchRule &rule, QWidget *parent = nullptr);

    // The rule as edited; valid only after accept().
    models::WatchRule rule() const { return m_rule; }

    QLineEdit *nameEdit() const { return m_form.name(); }
    WatchFilterEditor *filtersEdit() const { return m_filters; }
    QLineEdit *searchEdit() const { return m_search; }
    QSpinBox *intervalBox() const { return m_form.interval(); }

public Q_SLOTS:
    void accept() override;

private:
    models::WatchRule m_rule;
    WatchRuleForm m_form; // first: its name field comes first in the tab order
    WatchFilterEditor *m_filters;
    QLineEdit *m_search;
};

} // namespace ui
