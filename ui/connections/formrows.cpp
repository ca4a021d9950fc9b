#include "ui/connections/formrows.h"

#include "ui/common/palettes.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace ui::formrows {

QWidget *withError(QWidget *field, QLabel *error, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

QLabel *errorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, errorTextColor(pal));
    label->setPalette(pal);
    label->hide();
    return label;
}

// A form row whose label mnemonic focuses the edit itself, not its container.
void addRow(QFormLayout *form, const QString &label, QLineEdit *edit, QLabel *error, QWidget *parent)
{
    auto *l = new QLabel(label, parent);
    l->setBuddy(edit);
    form->addRow(l, withError(edit, error, parent));
}

// Shows (or hides, when empty) an error line. A wrapped label inside a form
// row does not get its height for width on its own: reserve it explicitly.
void setErrorText(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    if (text.isEmpty())
        return;
    const int width = qMax(label->parentWidget()->width(), label->width());
    if (width > 0)
        label->setMinimumHeight(label->heightForWidth(width));
}

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace ui::formrows
