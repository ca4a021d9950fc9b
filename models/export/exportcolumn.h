#pragma once
// One exported column of a record type: header text and how to render a
// record's value (unformatted: ISO 8601 UTC times, plain numbers).

#include <QString>
#include <functional>

namespace models {

template <typename Record> struct ExportColumn
{
    QString header;
    std::function<QString(const Record &)> value;
    bool numeric = false;
};

} // namespace models
