#pragma once
// Every field of an audit entry as (label, value) pairs for the details pane.

#include "models/audit/auditstore.h"

#include "api/records.h"

#include <QList>
#include <QString>

namespace models {

class AuditRowDetails
{
public:
    struct Field
    {
        QString label;
        QString value;
        friend bool operator==(const Field &, const Field &) = default;
    };

    // From a record (a full entry has bodies; those are listed as compact JSON).
    static QList<Field> fields(const api::AuditEvent &event);
    // From a loaded row (compact fields only; bodies come from AuditArchive).
    static QList<Field> fields(const AuditStore &store, quint32 row);
};

} // namespace models
