#pragma once
// Command-line options of orgscope-sim (see simulator/README.md).

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <optional>

namespace sim {

enum class CursorStyle { Flat, After, Both };

struct Options
{
    int port = 8787;
    QString host = QStringLiteral("127.0.0.1");
    bool allowRemote = false;

    QStringList tokens{
        QStringLiteral("orgscope-demo-token")};   // user-owned tokens; --token replaces the default
    QList<QPair<QString, QString>> accountTokens; // token, account id
    QStringList expiredTokens;
    QString email = QStringLiteral("demo@orgscope.test");
    QString key = QStringLiteral("orgscope-demo-key");
    bool strictSecurity = false;

    quint64 seed = 1;
    qint64 auditEvents = 20000;
    int usageDays = 400;
    bool usageCosts = false;
    std::optional<qint64> nowMs; // pins the dataset clock (tests); default: real time
    bool legacyMetaFlags = false;
    bool countOwnMembership = false;
    CursorStyle cursorStyle = CursorStyle::Flat;
    // Audit filters without ".not" are accepted and validated, then not
    // applied (the public documentation does not confirm them; clients must cope).
    bool ignorePositiveFilters = false;

    int rateLimitCount = 1200;
    int rateLimitWindowSeconds = 300;
    bool xRatelimitHeaders = false;
    int rateLimitBlockSeconds = 0; // > 0: fixed windows, then every call 429 for this long
    bool ratelimitHeaders = true;  // false: no Ratelimit / Ratelimit-Policy headers
    int force429 = 0;

    bool opaqueErrorCodes = false; // invented codes scrambled per run, messages reworded
    bool usageToExclusive = false; // usage `to` excludes its day

    // Issue 24, roll-up: a generated tree of this many organizations under the
    // main root, a parent's usage with or without its sub-organizations'
    // accounts, and faults that hit one organization's endpoints only.
    int subOrgs = 0;
    bool usageIncludesSubOrgs = true; // --usage-scope subtree (default) | own
    QString orgFaults;                // ORGID:KIND[:RATE|:xN],… (OrgFaults)
    double liveEventsPerMinute = 0;   // --live-events: new audit entries per minute, 0 = none

    QString faults;
    quint64 faultSeed = 1;
    int stallMs = 90000;

    // Parses argv (without argv[0]). Returns nullopt and fills `message` on
    // error or --help (then `helpRequested` is true and message is the usage).
    static std::optional<Options> parse(const QStringList &arguments, QString &message, bool &helpRequested);
};

} // namespace sim
