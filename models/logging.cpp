#include "models/logging.h"

namespace models {
Q_LOGGING_CATEGORY(lcModels, "orgscope.models")
} // namespace models
