// Orgscope's audit ingest against the parse limit of the same bytes (issue 22,
// `audit_ingest_vs_parse_limit`). Reads saved audit pages (the bodies an
// orgscope-sim served, one file each, fetched by bench/run_bench.py), so the
// network counts in neither figure, then alternates, in this one process and
// on this one thread, R rounds of:
//
//  * the parse limit: simdjson On-Demand (the library and header the product
//    is built with) walking every page's envelope and every entry, reading
//    every field Orgscope keeps as the library hands it out (strings as
//    string_view from get_string(), the status as an integer, request /
//    response / scope and the whole entry as raw JSON spans, the cursor and
//    count) and nothing else: no copy, no dictionary, no store;
//  * Orgscope's ingest: per page what api::AuditPager and the Audit log's
//    table do with a body — the pager's tail scan (decode::scanAuditTail),
//    decode::auditColumns, models::AuditTableModel::appendPage into a fresh
//    query, and dropping the decoded page — all on this thread (the console
//    decodes on pool threads and appends on the GUI thread; here the work is
//    counted once, on one core, like the limit's).
//
// Prints one JSON line: entries, pages, bytes, each round's entries/s for
// both, the per-round ratio ingest ÷ limit, and the same from thread CPU time.
//
//   bench_audit_parse_limit --pages DIR [--rounds R]

#include "api/allocatorpolicy.h"
#include "api/decoders.h"
#include "bench/cputime.h"
#include "models/audit/audittablemodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>

#include <simdjson.h>

#include <algorithm>
#include <ctime>
#include <vector>

namespace {

namespace od = simdjson::ondemand;

using bench::threadCpuSeconds;

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// What the limit reads, summed so that nothing can be optimised away.
struct Sink
{
    quint64 bytes = 0;
    quint64 entries = 0;
    void take(std::string_view sv) { bytes += sv.size() + (sv.empty() ? 0 : quint8(sv[0])); }
};

// How the limit takes a string: the bytes between its quotes as the
// tokenizer delimited them (no unescaping, no copy: the cheapest way to a
// string_view, and valid for every string without an escape), or through
// get_string() (the library unescapes into its own buffer).
bool g_getString = false;

bool limitString(od::value &v, Sink &s)
{
    std::string_view sv;
    if (g_getString) {
        if (v.get_string().get(sv))
            return v.is_null(); // null reads as empty, as in the product
    } else {
        od::json_type t{};
        if (v.type().get(t))
            return false;
        if (t != od::json_type::string)
            return t == od::json_type::null;
        sv = v.raw_json_token();
        while (!sv.empty() && sv.back() != '"')
            sv.remove_suffix(1); // whitespace up to the next token
        sv = sv.substr(1, sv.size() - 2);
    }
    s.take(sv);
    return true;
}

bool limitJson(od::value &v, Sink &s)
{
    od::json_type t{};
    if (v.type().get(t))
        return false;
    std::string_view sv;
    if (t == od::json_type::object) {
        od::object o;
        if (v.get_object().get(o) || o.raw_json().get(sv))
            return false;
    } else if (t == od::json_type::array) {
        od::array a;
        if (v.get_array().get(a) || a.raw_json().get(sv))
            return false;
    } else {
        sv = v.raw_json_token();
    }
    s.take(sv);
    return true;
}

template <typename Fn> bool limitObject(od::value &v, Fn &&fn)
{
    od::object o;
    if (v.get_object().get(o))
        return false;
    for (auto result : o) {
        // The field once, its value used in place: the cheapest walk this
        // simdjson offers (a copy of the value per field costs ~10 %).
        od::field field;
        if (std::move(result).get(field) || !fn(field.key(), field.value()))
            return false;
    }
    return true;
}

bool limitEntry(od::document &doc, od::value &entry, Sink &s)
{
    const char *start = entry.raw_json_token().data();
    const bool ok = limitObject(entry, [&](od::raw_json_string k, od::value &v) {
        if (k.unsafe_is_equal("id"))
            return limitString(v, s);
        if (k.unsafe_is_equal("action"))
            return limitObject(v, [&](od::raw_json_string sk, od::value &sv) {
                if (sk.unsafe_is_equal("description") || sk.unsafe_is_equal("result") ||
                    sk.unsafe_is_equal("time") || sk.unsafe_is_equal("type"))
                    return limitString(sv, s);
                return true;
            });
        if (k.unsafe_is_equal("actor"))
            return limitObject(v, [&](od::raw_json_string sk, od::value &sv) {
                if (sk.unsafe_is_equal("id") || sk.unsafe_is_equal("context") ||
                    sk.unsafe_is_equal("email") || sk.unsafe_is_equal("ip_address") ||
                    sk.unsafe_is_equal("token_id") || sk.unsafe_is_equal("token_name") ||
                    sk.unsafe_is_equal("type"))
                    return limitString(sv, s);
                return true;
            });
        if (k.unsafe_is_equal("organization"))
            return limitObject(v, [&](od::raw_json_string sk, od::value &sv) {
                return sk.unsafe_is_equal("id") ? limitString(sv, s) : true;
            });
        if (k.unsafe_is_equal("raw"))
            return limitObject(v, [&](od::raw_json_string sk, od::value &sv) {
                if (sk.unsafe_is_equal("status_code")) {
                    int64_t n = 0;
                    if (sv.get_int64().get(n))
                        return false;
                    s.bytes += quint64(n);
                    return true;
                }
                if (sk.unsafe_is_equal("cf_ray_id") || sk.unsafe_is_equal("method") ||
                    sk.unsafe_is_equal("uri") || sk.unsafe_is_equal("user_agent"))
                    return limitString(sv, s);
                return true;
            });
        if (k.unsafe_is_equal("resource"))
            return limitObject(v, [&](od::raw_json_string sk, od::value &sv) {
                if (sk.unsafe_is_equal("id") || sk.unsafe_is_equal("product") || sk.unsafe_is_equal("type"))
                    return limitString(sv, s);
                if (sk.unsafe_is_equal("request") || sk.unsafe_is_equal("response") ||
                    sk.unsafe_is_equal("scope"))
                    return limitJson(sv, s);
                return true;
            });
        return true;
    });
    // The whole entry's span, as the product keeps it: from its '{' to where
    // the iterator stands after its last field.
    const char *end = nullptr;
    if (!ok || !start || doc.current_location().get(end))
        return false;
    s.take(std::string_view(start, size_t(end - start)));
    ++s.entries;
    return true;
}

// One page: envelope, every entry, result_info's cursor and count.
bool limitPage(od::parser &parser, const QByteArray &body, Sink &s)
{
    const simdjson::padded_string_view padded(body.constData(), size_t(body.size()), size_t(body.capacity()));
    od::document doc;
    if (parser.iterate(padded).get(doc))
        return false;
    od::object top;
    if (doc.get_object().get(top))
        return false;
    for (auto result : top) {
        od::field field;
        if (std::move(result).get(field))
            return false;
        const od::raw_json_string key = field.key();
        if (key.unsafe_is_equal("result")) {
            od::array entries;
            if (field.value().get_array().get(entries))
                return false;
            for (auto item : entries) {
                od::value entry;
                if (item.get(entry) || !limitEntry(doc, entry, s))
                    return false;
            }
        } else if (key.unsafe_is_equal("result_info")) {
            const bool ok = limitObject(field.value(), [&](od::raw_json_string k, od::value &v) {
                if (k.unsafe_is_equal("cursor"))
                    return limitString(v, s);
                if (k.unsafe_is_equal("count")) {
                    std::string_view t = v.raw_json_token();
                    s.take(t);
                }
                return true;
            });
            if (!ok)
                return false;
        }
    }
    return true;
}

volatile quint64 g_keep = 0; // what the limit read, so that it is not optimised away

struct Round
{
    double seconds = 0;
    double cpuSeconds = 0;
    qint64 entries = 0;
};

} // namespace

int main(int argc, char **argv)
{
    api::keepFreedMemoryInProcess(); // as the console does
    QLoggingCategory::setFilterRules(QStringLiteral("orgscope.*.info=false\norgscope.*.debug=false"));
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption pagesDir(QStringLiteral("pages"), QStringLiteral("Folder of saved audit pages"),
                                      QStringLiteral("dir"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Alternating rounds"),
                                          QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption onlyOption(QStringLiteral("only"),
                                        QStringLiteral("Run only 'limit' or 'ingest' (for profiling)"),
                                        QStringLiteral("which"));
    const QCommandLineOption getStringOption(
        QStringLiteral("limit-get-string"),
        QStringLiteral(
            "The limit reads strings with get_string() (unescaped copies into the parser's buffer)"));
    parser.addOptions({pagesDir, roundsOption, onlyOption, getStringOption});
    parser.process(app);
    QTextStream err(stderr);

    // The bodies as the client holds them: room for the parser's padding
    // behind each, so both sides parse in place.
    std::vector<QByteArray> pages;
    qint64 totalBytes = 0;
    const QDir dir(parser.value(pagesDir));
    const QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly)) {
            err << "bench_audit_parse_limit: cannot read " << f.fileName() << '\n';
            return 2;
        }
        QByteArray body;
        body.reserve(f.size() + qsizetype(simdjson::SIMDJSON_PADDING));
        body.append(f.readAll());
        totalBytes += body.size();
        pages.push_back(std::move(body));
    }
    if (pages.empty()) {
        err << "bench_audit_parse_limit: no pages in " << dir.path() << '\n';
        return 2;
    }
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const QString only = parser.value(onlyOption);
    g_getString = parser.isSet(getStringOption);

    od::parser odParser;
    auto runLimit = [&]() -> Round {
        Sink sink;
        QElapsedTimer clock;
        const double cpu0 = threadCpuSeconds();
        clock.start();
        for (const QByteArray &body : pages)
            if (!limitPage(odParser, body, sink)) {
                err << "bench_audit_parse_limit: a page did not parse\n";
                std::exit(1);
            }
        Round r{clock.nsecsElapsed() / 1e9, threadCpuSeconds() - cpu0, qint64(sink.entries)};
        g_keep = g_keep + sink.bytes;
        return r;
    };
    auto runIngest = [&]() -> Round {
        // A fresh table per round, as a new query would give.
        auto model = std::make_unique<models::AuditTableModel>();
        const quint64 generation = model->beginQuery();
        QElapsedTimer clock;
        const double cpu0 = threadCpuSeconds();
        clock.start();
        for (const QByteArray &body : pages) {
            const api::decode::PageScan scan = api::decode::scanAuditTail(body); // the pager's hint
            api::Decoded<api::AuditColumns> page = api::decode::auditColumns(body);
            if (!page.ok() || !scan.ok) {
                err << "bench_audit_parse_limit: a page did not decode: " << page.error.userMessage() << '\n';
                std::exit(1);
            }
            model->appendPage(generation, page.value);
            page = {}; // the pager drops the page once it was delivered
        }
        Round r{clock.nsecsElapsed() / 1e9, threadCpuSeconds() - cpu0, model->rowCount()};
        model.reset(); // not timed: the next query's clear
        return r;
    };

    // Once each before timing: the parser's buffers, the allocator's arenas
    // and the page cache of the bodies are warm for both.
    if (only != QLatin1String("ingest"))
        runLimit();
    if (only != QLatin1String("limit"))
        runIngest();

    std::vector<double> limitRates, ingestRates, ratios, limitCpuRates, ingestCpuRates, cpuRatios;
    qint64 entries = 0;
    for (int i = 0; i < rounds; ++i) {
        // Alternate who goes first, so neither always follows the other.
        Round limit, ingest;
        const bool limitFirst = i % 2 == 0;
        if (only != QLatin1String("ingest") && limitFirst)
            limit = runLimit();
        if (only != QLatin1String("limit"))
            ingest = runIngest();
        if (only != QLatin1String("ingest") && !limitFirst)
            limit = runLimit();
        if (limit.entries && ingest.entries && limit.entries != ingest.entries) {
            err << "bench_audit_parse_limit: the limit read " << limit.entries
                << " entries, the ingest stored " << ingest.entries << '\n';
            return 1;
        }
        entries = std::max(limit.entries, ingest.entries);
        if (limit.entries) {
            limitRates.push_back(double(limit.entries) / limit.seconds);
            limitCpuRates.push_back(double(limit.entries) / limit.cpuSeconds);
        }
        if (ingest.entries) {
            ingestRates.push_back(double(ingest.entries) / ingest.seconds);
            ingestCpuRates.push_back(double(ingest.entries) / ingest.cpuSeconds);
        }
        if (limit.entries && ingest.entries) {
            ratios.push_back(limit.seconds / ingest.seconds);
            cpuRatios.push_back(limit.cpuSeconds / ingest.cpuSeconds);
        }
    }

    auto array = [](const std::vector<double> &v) {
        QJsonArray a;
        for (double x : v)
            a.append(x);
        return a;
    };
    QJsonObject result{
        {QStringLiteral("entries"), entries},
        {QStringLiteral("pages"), qint64(pages.size())},
        {QStringLiteral("bytes"), totalBytes},
        {QStringLiteral("rounds"), rounds},
        {QStringLiteral("parse_limit_entries_per_s"), median(limitRates)},
        {QStringLiteral("ingest_entries_per_s"), median(ingestRates)},
        {QStringLiteral("ratio"), median(ratios)},
        {QStringLiteral("ratio_cpu"), median(cpuRatios)},
        {QStringLiteral("parse_limit_cpu_entries_per_s"), median(limitCpuRates)},
        {QStringLiteral("ingest_cpu_entries_per_s"), median(ingestCpuRates)},
        {QStringLiteral("parse_limit_runs"), array(limitRates)},
        {QStringLiteral("ingest_runs"), array(ingestRates)},
        {QStringLiteral("ratio_runs"), array(ratios)},
        // Stage 1 (structural indexing) is the library's run-time choice; the
        // On-Demand walk is the header's built-in kernel, the product's too.
        {QStringLiteral("simdjson_stage1"),
         QString::fromStdString(std::string(simdjson::get_active_implementation()->name()))},
        {QStringLiteral("limit_strings"),
         g_getString ? QStringLiteral("get_string") : QStringLiteral("raw_token")},
        {QStringLiteral("simdjson_ondemand"),
         QString::fromStdString(std::string(simdjson::builtin_implementation()->name()))},
    };
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
    return 0;
}
