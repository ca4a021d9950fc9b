#pragma once
// Every modal question the console asks goes through here, so tests can
// pre-answer it instead of blocking on a message box.

#include <QMessageBox>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <functional>

class QWidget;

namespace ui {

// Text shown on a button or an action as it is: "R&D" would otherwise turn
// the D into a mnemonic and lose the ampersand.
inline QString escapeMnemonic(QString text)
{
    return text.replace(QLatin1Char('&'), QLatin1String("&&"));
}

class Dialogs
{
public:
    // Asks a yes/no question whose "yes" button says what will happen
    // ("Delete organization"). Returns true when the user confirms.
    static bool confirm(QWidget *parent, const QString &title, const QString &text,
                        const QString &confirmLabel);
    // The same without blocking (open()); `confirmed` runs only on yes. A
    // queued test answer is taken now and delivered from the event loop.
    static void confirm(QWidget *parent, const QString &title, const QString &text,
                        const QString &confirmLabel, std::function<void()> confirmed);
    // Three-way question for unsaved edits: Save, Discard or Cancel.
    static QMessageBox::StandardButton askUnsaved(QWidget *parent, const QString &text);
    // The same without blocking: the box is opened with open() and `answered`
    // runs once it closes (Cancel when it is closed otherwise). A queued test
    // answer is taken now and delivered from the event loop, as a user's would
    // be. Nothing runs when `parent` is gone by then.
    static void askUnsaved(QWidget *parent, const QString &text,
                           std::function<void(QMessageBox::StandardButton)> answered);
    static void information(QWidget *parent, const QString &title, const QString &text);
    static void warning(QWidget *parent, const QString &title, const QString &text);
    // File pickers; an empty string means cancelled.
    static QString saveFileName(QWidget *parent, const QString &title, const QString &suggestedName,
                                const QString &filter);
    static QString openFileName(QWidget *parent, const QString &title, const QString &filter);
    // Free-text input; a null QString means cancelled.
    static QString text(QWidget *parent, const QString &title, const QString &label,
                        const QString &initial = {});

    // Test hooks: queued answers are consumed in order instead of showing a
    // dialog (bool for confirm, QMessageBox::StandardButton for askUnsaved,
    // QString for file names and text). Every asked question is recorded.
    static void enqueueAnswer(const QVariant &answer);
    static void clearAnswers();
    static bool hasQueuedAnswers();
    static QStringList askedQuestions();
    // The confirm button of the last confirm() asked, as given (mnemonics included).
    static QString lastConfirmLabel();
};

} // namespace ui
