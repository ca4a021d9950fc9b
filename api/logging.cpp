#include "api/logging.h"

namespace api {
Q_LOGGING_CATEGORY(lcApi, "orgscope.api")
} // namespace api
