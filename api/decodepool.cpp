#include "api/decodepool.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace api {

QThreadPool *decodePool()
{
    static QThreadPool pool;
    static const bool sized = [] {
        pool.setObjectName(QStringLiteral("orgscope-decode"));
        pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
        return true;
    }();
    Q_UNUSED(sized);
    return &pool;
}

} // namespace api
