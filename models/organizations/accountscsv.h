#pragma once
// Accounts of an organization as CSV (RFC 4180: CRLF line ends, fields with a
// comma, quote or line break quoted, quotes doubled). Cells that a
// spreadsheet would run as a formula (= + - @ tab CR) get a leading
// apostrophe, so an account name cannot execute in the user's spreadsheet.

#include "api/records.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace models {

class AccountsCsv
{
public:
    static QByteArray toCsv(const QList<api::Account> &accounts);
    // One escaped field (exposed for tests).
    static QString field(const QString &value);
};

} // namespace models
