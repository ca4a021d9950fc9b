#pragma once
// The members table as CSV or JSON, with the same columns as
// `orgscope export members` (models/export), so a file looks the same
// wherever it came from.

#include "api/records.h"

#include <QByteArray>
#include <QList>
#include <QTimeZone>

namespace models {

class MembersExporter
{
public:
    // Times with the offset of `zone` (View › Time zone); JSON keeps the API's UTC.
    static QByteArray toCsv(const QList<api::Member> &members, const QTimeZone &zone = QTimeZone::utc());
    static QByteArray toJson(const QList<api::Member> &members);
};

} // namespace models
