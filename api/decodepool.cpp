#include "api/decodepool.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace api {

namespace {
struct DecodePool : QThreadPool
{
    DecodePool()
    {
        setObjectName(QStringLiteral("orgscope-decode"));
        setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
    }
};
} // namespace

QThreadPool *decodePool()
{
    static DecodePool pool;
    return &pool;
}

} // namespace api
