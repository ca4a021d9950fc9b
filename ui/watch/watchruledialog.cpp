#include "ui/watch/watchruledialog.h"

#include "ui/watch/watchfiltereditor.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace ui {

WatchRuleDialog::WatchRuleDialog(const models::WatchRule &rule, QWidget *parent)
    : QDialog(parent), m_rule(rule),
      m_form(this, rule, QStringLiteral("watchRule"), WatchRuleForm::Interval::Seconds),
      m_filters(new WatchFilterEditor(this)), m_search(new QLineEdit(rule.query.search, this))
{
    setObjectName(QStringLiteral("watchRuleDialog"));
    setWindowTitle(rule.id.isEmpty() ? tr("New Watch Rule") : tr("Edit Watch Rule"));
    m_filters->setFilterText(rule.query.filterText());
    m_filters->setMinimumHeight(fontMetrics().lineSpacing() * 8);
    m_search->setObjectName(QStringLiteral("watchRuleSearch"));
    m_search->setPlaceholderText(tr("Any text in the entry (optional)"));

    QFormLayout *form = m_form.form();
    form->addRow(tr("&Filters:"), m_filters);
    auto *hint = new QLabel(tr("One filter per row; the keys are those of “orgscope export audit”. Rows "
                               "with the same key match any of their values."),
                            this);
    hint->setWordWrap(true);
    form->addRow(QString(), hint);
    form->addRow(tr("&Search:"), m_search);
    m_form.finish(520);
    m_form.error()->setStyleSheet(QStringLiteral("color: palette(highlight)"));
}

void WatchRuleDialog::accept()
{
    models::WatchRule edited = m_rule;
    edited.query.search = m_search->text().trimmed();
    if (!m_form.read(edited))
        return;
    QString error;
    edited.query.setFilterText(m_filters->filterText(), &error); // the error names the line
    if (m_form.refuses(error))
        return;
    m_rule = edited;
    QDialog::accept();
}

} // namespace ui
