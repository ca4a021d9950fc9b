#pragma once
// The members table as CSV or JSON, with the same columns as
// `orgscope export members` (models/export), so a file looks the same
// wherever it came from.

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
