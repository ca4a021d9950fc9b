#include "ui/common/dialogs.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QPointer>
#include <QPushButton>
#include <QQueue>
#include <QTimer>

namespace ui {

namespace {
QQueue<QVariant> &answers()
{
    static QQueue<QVariant> queue;
    return queue;
}
QStringList &asked()
{
    static QStringList list;
    return list;
}
QString &confirmLabelAsked()
{
    static QString label;
    return label;
}
bool takeAnswer(const QString &question, QVariant *answer)
{
    asked().append(question);
    if (answers().isEmpty())
        return false;
    *answer = answers().dequeue();
    return true;
}
} // namespace

bool Dialogs::confirm(QWidget *parent, const QString &title, const QString &text, const QString &confirmLabel)
{
    QVariant answer;
    confirmLabelAsked() = confirmLabel;
    if (takeAnswer(title + QStringLiteral(": ") + text, &answer))
        return answer.toBool();
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Cancel, parent);
    QPushButton *yes = box.addButton(confirmLabel, QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == yes;
}

void Dialogs::confirm(QWidget *parent, const QString &title, const QString &text, const QString &confirmLabel,
                      std::function<void()> confirmed)
{
    QVariant answer;
    confirmLabelAsked() = confirmLabel;
    if (takeAnswer(title + QStringLiteral(": ") + text, &answer)) {
        if (!answer.toBool())
            return;
        QPointer<QWidget> guard(parent);
        QTimer::singleShot(0, [guard, hadParent = parent != nullptr, confirmed = std::move(confirmed)] {
            if (!hadParent || guard)
                confirmed();
        });
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Cancel, parent);
    QPushButton *yes = box->addButton(confirmLabel, QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, box, [box, yes, confirmed = std::move(confirmed)] {
        if (box->clickedButton() == yes)
            confirmed();
    });
    box->open();
}

QMessageBox::StandardButton Dialogs::askUnsaved(QWidget *parent, const QString &text)
{
    QVariant answer;
    if (takeAnswer(text, &answer))
        return static_cast<QMessageBox::StandardButton>(answer.toInt());
    return QMessageBox::question(parent, QObject::tr("Unsaved changes"), text,
                                 QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                 QMessageBox::Save);
}

void Dialogs::askUnsaved(QWidget *parent, const QString &text,
                         std::function<void(QMessageBox::StandardButton)> answered)
{
    QVariant answer;
    if (takeAnswer(text, &answer)) {
        const auto button = static_cast<QMessageBox::StandardButton>(answer.toInt());
        QPointer<QWidget> guard(parent);
        QTimer::singleShot(0, [guard, hadParent = parent != nullptr, button, answered = std::move(answered)] {
            if (!hadParent || guard)
                answered(button);
        });
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, QObject::tr("Unsaved changes"), text,
                                QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, parent);
    box->setDefaultButton(QMessageBox::Save);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::finished, box, [box, answered = std::move(answered)] {
        const QMessageBox::StandardButton button = box->standardButton(box->clickedButton());
        answered(button == QMessageBox::NoButton ? QMessageBox::Cancel : button);
    });
    box->open();
}

void Dialogs::information(QWidget *parent, const QString &title, const QString &text)
{
    QVariant answer;
    if (takeAnswer(title + QStringLiteral(": ") + text, &answer))
        return;
    QMessageBox::information(parent, title, text);
}

void Dialogs::warning(QWidget *parent, const QString &title, const QString &text)
{
    QVariant answer;
    if (takeAnswer(title + QStringLiteral(": ") + text, &answer))
        return;
    QMessageBox::warning(parent, title, text);
}

QString Dialogs::saveFileName(QWidget *parent, const QString &title, const QString &suggestedName,
                              const QString &filter)
{
    QVariant answer;
    if (takeAnswer(title, &answer))
        return answer.toString();
    return QFileDialog::getSaveFileName(parent, title, suggestedName, filter);
}

QString Dialogs::openFileName(QWidget *parent, const QString &title, const QString &filter)
{
    QVariant answer;
    if (takeAnswer(title, &answer))
        return answer.toString();
    return QFileDialog::getOpenFileName(parent, title, QString(), filter);
}

QString Dialogs::text(QWidget *parent, const QString &title, const QString &label, const QString &initial)
{
    QVariant answer;
    if (takeAnswer(title, &answer))
        return answer.toString();
    bool ok = false;
    const QString value = QInputDialog::getText(parent, title, label, QLineEdit::Normal, initial, &ok);
    return ok ? value : QString();
}

void Dialogs::enqueueAnswer(const QVariant &answer)
{
    answers().enqueue(answer);
}

void Dialogs::clearAnswers()
{
    answers().clear();
    asked().clear();
    confirmLabelAsked().clear();
}

bool Dialogs::hasQueuedAnswers()
{
    return !answers().isEmpty();
}

QStringList Dialogs::askedQuestions()
{
    return asked();
}

QString Dialogs::lastConfirmLabel()
{
    return confirmLabelAsked();
}

} // namespace ui
