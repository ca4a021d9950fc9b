#include "ui/logging.h"

namespace ui {
Q_LOGGING_CATEGORY(lcUi, "orgscope.ui")
} // namespace ui
