#pragma once
// Accounts of an organization as CSV (RFC 4180: CRLF line ends, fields with a
// comma, quote or line break quoted, quotes doubled). Cells that a
// spreadsheet would run as a formula (= + - @ tab CR) get a leading
// apostrophe, so an account name cannot execute in the user's spreadsheet.

#include "api/records.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace models {

class AccountsCsv
{
public:
    // Times with the offset of `zone` (the Accounts table's, View › Time zone).
    static QByteArray toCsv(const QList<api::Account> &accounts, const QTimeZone &zone = QTimeZone::utc());
    // One escaped field (exposed for tests).
    static QString field(const QString &value);
};

} // namespace models
