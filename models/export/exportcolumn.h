#pragma once
// One exported column of a record type: header text and how to render a
// record's value (unformatted: ISO 8601 UTC times, plain numbers). A time
// column also says which time it writes (`when`), so an export in another
// zone writes it with that zone's offset (ExportColumns::row).

#include <QDateTime>
#include <QString>
#include <functional>

namespace models {

template <typename Record> struct ExportColumn
{
    QString header;
    std::function<QString(const Record &)> value;
    bool numeric = false;
    std::function<QDateTime(const Record &)> when = {};
};

} // namespace models
