#pragma once
// When and how long to wait before retrying a failed attempt (REFERENCE §2.8
// and the rules). Pure functions so the rules are unit-tested directly.

#include "api/apierror.h"

#include <QByteArray>
#include <QDateTime>
#include <optional>

namespace api {

class RetryPolicy
{
public:
    enum class Verb { Get, Post, Put, Delete };

    struct Attempt
    {
        Verb verb = Verb::Get;
        int retriesDone = 0; // retries already made for this job
        int maxRetries = 2;
        ApiError error;                        // what this attempt ended with
        bool requestSent = false;              // the request left the socket
        std::optional<bool> shouldRetryHeader; // x-should-retry
        qint64 serverDelayMs = -1;             // from retry-after-ms / Retry-After, -1 when none
    };

    struct Decision
    {
        bool retry = false;
        qint64 delayMs = 0;
    };

    // jitter01 is a random number in [0, 1) (injected for tests).
    static Decision decide(const Attempt &attempt, int baseDelayMs, qint64 maxServerDelayMs, double jitter01);

    // Longest server-requested wait taken at its word: far beyond any real
    // answer, far below what overflows a clock value. Longer ones are clamped.
    static constexpr qint64 kMaxServerDelayMs = qint64(24) * 3600 * 1000;

    // Server-requested wait: retry-after-ms (float ms) first, else Retry-After
    // (float seconds or an HTTP date; a past date means now). -1 when absent/invalid
    // (negative, NaN, inf), at most kMaxServerDelayMs.
    static qint64 serverDelay(const QByteArray &retryAfterMs, const QByteArray &retryAfter,
                              const QDateTime &now = QDateTime::currentDateTimeUtc());
    // x-should-retry: "true"/"false", else nullopt.
    static std::optional<bool> parseShouldRetry(const QByteArray &value);
    // min(base × 2^n, 8 s) × (1 − jitter × 0.25); a jitter that is not a number counts as 0.
    static qint64 backoff(int retriesDone, int baseDelayMs, double jitter01);
};

} // namespace api
