#pragma once
// The members table as CSV (one row per member, times in UTC ISO 8601) or as
// JSON (the API's own Member objects, so a file can be fed back to tools
// that speak the API).

#include "api/records.h"

#include <QByteArray>
#include <QList>

namespace models {

class MembersExporter
{
public:
    static QByteArray toCsv(const QList<api::Member> &members);
    static QByteArray toJson(const QList<api::Member> &members);
};

} // namespace models
