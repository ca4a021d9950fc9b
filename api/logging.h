#pragma once
#include <QLoggingCategory>

namespace api {
Q_DECLARE_LOGGING_CATEGORY(lcApi)
} // namespace api
