// The rate-limit and retry headers of a response, as Job reads them:
// Ratelimit / Ratelimit-Policy / X-RateLimit-* into the rate budget, then
// retry-after-ms / Retry-After into the server delay, the 429 block, the
// user's sentence and the retry decision. Any value (huge, negative, NaN,
// inf, 1e300, dates far off) must give sane, bounded numbers, and no
// undefined behaviour (UBSan's float-cast-overflow is on in this build).
//
// Input: [control byte] then newline-separated header values:
// retry-after-ms, Retry-After, Ratelimit, Ratelimit-Policy,
// X-RateLimit-Remaining, X-RateLimit-Limit, x-should-retry, jitter (8 bytes).

#include "api/apierror.h"
#include "api/ratebudget.h"
#include "api/retrypolicy.h"

#include <cstddef>
#include <cstdint>
#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using api::RetryPolicy;
    if (size == 0)
        return 0;
    const quint8 control = data[0];
    QList<QByteArray> f =
        QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)).split('\n');
    while (f.size() < 8)
        f.append(QByteArray());

    static const QDateTime now(QDate(2026, 11, 23), QTime(12, 0, 0), Qt::UTC);
    const qint64 delay = RetryPolicy::serverDelay(f[0], f[1], now);
    if (delay < -1 || delay > RetryPolicy::kMaxServerDelayMs)
        __builtin_trap();

    qint64 clock = 1'000'000'000; // a monotonic clock some days after boot
    api::RateBudget budget;
    budget.setClock([&clock] { return clock; });
    budget.observeHeaders(f[2], f[3], f[4], f[5]);
    if (budget.limit() < 1 || budget.windowSeconds() < 1 || !(budget.ratePerSecond() > 0))
        __builtin_trap();

    static constexpr int kStatuses[] = {429, 503, 500, 408, 409, 400, 502, 200};
    const int status = kStatuses[control % 8];
    api::ApiError error = api::ApiError::http(status, {});
    error.setRetryAfterMs(delay);
    (void)error.userMessage();
    if (status == 429)
        budget.blockFor(delay >= 0 ? delay : 1000);
    // Blocked at most a day, then paced by the strictest policy (at worst one
    // request per day).
    for (int i = 0; i < 3; ++i) {
        const qint64 wait = budget.reserve();
        if (wait < 0 || wait > api::RateBudget::kMaxBlockMs + 4 * qint64(86400) * 1000)
            __builtin_trap();
        clock += 1000;
    }

    RetryPolicy::Attempt attempt;
    attempt.verb = RetryPolicy::Verb((control >> 3) & 3);
    attempt.retriesDone = (control >> 5) & 3;
    attempt.requestSent = control & 0x80;
    attempt.error = error;
    attempt.shouldRetryHeader = RetryPolicy::parseShouldRetry(f[6]);
    attempt.serverDelayMs = delay;
    double jitter = 0.5;
    if (f[7].size() >= qsizetype(sizeof jitter))
        std::memcpy(&jitter, f[7].constData(), sizeof jitter);
    const RetryPolicy::Decision decision = RetryPolicy::decide(attempt, 500, 300000, jitter);
    if (decision.retry && (decision.delayMs < 0 || decision.delayMs > 300000))
        __builtin_trap();
    return 0;
}
