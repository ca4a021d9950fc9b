#pragma once
// Response bodies for the three envelope families of REFERENCE §2.5:
// (a) organizations + token verify, (b) audit logs, (c) billable usage.

#include "httpresponse.h"

#include <QByteArray>
#include <QString>

namespace sim {

struct ApiError
{
    int status = 400;
    int code = 1001; // 0: no code (audit family)
    QString message;
    QString pointer; // JSON pointer into the request body, optional
};

class Envelope
{
public:
    // (a) {"success":true,"errors":[],"messages":[…],"result":…,"result_info":…}
    static QByteArray success(const QByteArray &resultJson, const QByteArray &resultInfoJson = {},
                              const QByteArray &messagesJson = "[]");
    static HttpResponse error(const ApiError &e);                            // family (a)
    static HttpResponse error(int status, int code, const QString &message); // family (a)
    static HttpResponse auditError(int status, const QString &message);      // family (b): {message} only
    static HttpResponse usageError(int status, int code, const QString &message); // family (c)
};

} // namespace sim
