#pragma once
// The error a controller shows: a sentence for the user and whether Retry
// can help. Empty message: no error.

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

    bool isEmpty() const { return message.isEmpty(); }
    friend bool operator==(const ErrorInfo &, const ErrorInfo &) = default;
};

} // namespace models

Q_DECLARE_METATYPE(models::ErrorInfo)
