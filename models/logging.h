#pragma once
#include <QLoggingCategory>

namespace models {
Q_DECLARE_LOGGING_CATEGORY(lcModels)
} // namespace models
