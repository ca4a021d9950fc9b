#include "logging.h"

namespace sim {
Q_LOGGING_CATEGORY(lcSim, "orgscope.sim", QtInfoMsg)
} // namespace sim
