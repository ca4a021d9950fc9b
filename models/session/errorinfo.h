#pragma once
// What went wrong in a controller's last operation, as a sentence the page
// can show, and whether retry() can help. An empty message means no error.

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

} // namespace models

Q_DECLARE_METATYPE(models::ErrorInfo)
