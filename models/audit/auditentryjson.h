#pragma once
// One audit entry in the API's JSON shape (REFERENCE §4.13), rebuilt from a
// record's fields. The archive stores it for records that came without their
// raw JSON, the JSON export writes it for rows the archive does not hold, and
// the tests build simulator-like pages with it: one encoder, so the three
// cannot drift apart.

#include "api/records.h"

#include <QByteArray>
#include <QJsonObject>

namespace models {

class AuditSnapshot;

namespace auditentryjson {

// The entry as an object (empty strings and absent bodies are left out).
QJsonObject toObject(const api::AuditEvent &event);
// toObject() as compact JSON.
QByteArray encode(const api::AuditEvent &event);
// The entry as received when the record kept it (rawJson), else encode().
QByteArray fullOrEncoded(const api::AuditEvent &event);
// The compact fields of a loaded row as a record (no bodies, no rawJson).
api::AuditEvent eventAt(const AuditSnapshot &snapshot, quint32 row);

} // namespace auditentryjson

} // namespace models
