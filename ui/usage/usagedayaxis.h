#pragma once
// Usage is counted in whole UTC days (the API's days), whatever View › Time
// zone says, and its charts say so. QDateTimeAxis writes its labels in the
// system's zone, so an axis of UTC days is fed positions at which the
// system's clock reads the UTC wall time: each label names its UTC day.

#include "models/usage/usagetypes.h"

#include <QString>

class QDateTimeAxis;

namespace ui::usagedayaxis {

// The axis position for a UTC instant.
qreal position(qint64 utcMSecs);
// The axis range from..to (UTC instants) and a title that names UTC: "Day (UTC)".
void setUtcRange(QDateTimeAxis *axis, qint64 fromUtcMSecs, qint64 toUtcMSecs,
                 models::UsageGranularity buckets);

} // namespace ui::usagedayaxis
