#pragma once
// Form rows of the Connect dialog: a field with its error line right under
// it (a hidden error takes no space) and a label whose mnemonic focuses the
// field itself.

#include <QString>

class QFormLayout;
class QLabel;
class QLineEdit;
class QWidget;

namespace ui::formrows {

QWidget *withError(QWidget *field, QLabel *error, QWidget *parent);
// A hidden, word-wrapped error line in the palette's error colour.
QLabel *errorLabel(const QString &objectName, QWidget *parent);
void addRow(QFormLayout *form, const QString &label, QLineEdit *edit, QLabel *error, QWidget *parent);
// Shows (or hides, when empty) an error line.
void setErrorText(QLabel *label, const QString &text);
// A wrapped hint in the placeholder colour.
QLabel *hintLabel(const QString &text, QWidget *parent);

} // namespace ui::formrows
