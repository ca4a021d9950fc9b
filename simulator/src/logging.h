#pragma once
// Logging category of the simulator layer: QT_LOGGING_RULES="orgscope.sim.debug=true"
// prints one line per request (method, path, status, fault, time).

#include <QLoggingCategory>

namespace sim {
Q_DECLARE_LOGGING_CATEGORY(lcSim)
} // namespace sim
