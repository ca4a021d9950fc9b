#pragma once
// What went wrong in a controller's last operation, as a sentence the page
// can show, and whether retry() can help. An empty message means no error.

#include <QCoreApplication>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace models {

struct ErrorInfo
{
    Q_GADGET
    Q_PROPERTY(QString message MEMBER message)
    Q_PROPERTY(bool retryable MEMBER retryable)
public:
    QString message;
    bool retryable = false;

    bool isError() const { return !message.isEmpty(); }
    bool isEmpty() const { return message.isEmpty(); }
    friend bool operator==(const ErrorInfo &, const ErrorInfo &) = default;
};

// The notice after a list was read leniently (issue 20): "3 entries had
// missing fields (shown as “—”); the first: field 'result[4].user': …".
inline QString missingFieldsNotice(qint64 entries, const QString &firstIssue)
{
    return QCoreApplication::translate("models::ErrorInfo",
                                       "%n entries had missing fields (shown as “—”); the first: %1.",
                                       nullptr, int(qMin<qint64>(entries, 1000000000)))
        .arg(firstIssue);
}

} // namespace models

Q_DECLARE_METATYPE(models::ErrorInfo)
