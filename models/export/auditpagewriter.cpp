#include "models/export/auditpagewriter.h"

#include "api/auditcolumns.h"
#include "models/export/csvwriter.h"
#include "models/export/exportcolumns.h"

#include <QDateTime>
#include <QIODevice>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <utility>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace models {

using Page = api::AuditColumns;

namespace {

// Where each exported column's value comes from in a decoded page.
enum class Field {
    Id,
    Time,
    Text, // one of Page::Text, in the plan's m_textOf
    ResourceId,
    Scope,
    Uri,
    StatusCode,
    RayId,
    Request,
    Response,
};

constexpr qsizetype kFlushBytes = qsizetype(1) << 20;

struct ColumnSource
{
    const char *header;
    Field field;
    Page::Text text;
    Page::Field range; // the same value in Page::fields
};

} // namespace

AuditPageWriter::AuditPageWriter(QIODevice *device, Format format) : m_device(device), m_format(format)
{
    m_buffer.reserve(size_t(kFlushBytes + (kFlushBytes >> 2)));
}

bool AuditPageWriter::flush(bool force)
{
    if (!m_ok || (!force && qsizetype(m_buffer.size()) < kFlushBytes))
        return m_ok;
    if (!m_buffer.empty() &&
        (!m_device || m_device->write(m_buffer.data(), qint64(m_buffer.size())) != qint64(m_buffer.size())))
        m_ok = false;
    m_buffer.clear();
    return m_ok;
}

bool AuditPageWriter::begin()
{
    if (m_format == Format::Json) {
        m_buffer += '[';
        return flush(false);
    }
    const QByteArray header = CsvWriter::line(ExportColumns::headers(ExportColumns::auditEvents()));
    m_buffer.append(header.constData(), size_t(header.size()));
    return flush(false);
}

bool AuditPageWriter::finish()
{
    if (m_format == Format::Json)
        m_buffer += m_rows > 0 ? "\n]\n" : "]\n";
    return flush(true);
}

namespace {

// Appends to a QByteArray through a pointer. Each write first makes room
// for its worst case with one comparison; the array grows without its new
// bytes being zeroed (std::string's resize would write them twice), and
// the bytes past the cursor are cut off when the sink goes.
class Sink
{
public:
    explicit Sink(QByteArray &out) : m_out(out), m_p(out.data() + out.size()), m_end(m_p) {}
    ~Sink() { m_out.resize(m_p - m_out.data()); }
    Sink(const Sink &) = delete;
    Sink &operator=(const Sink &) = delete;

    void room(qsizetype bytes)
    {
        if (m_end - m_p < bytes)
            grow(bytes);
    }
    // Unchecked: room() comes first.
    void put(char c) { *m_p++ = c; }
    void put(const char *bytes, qsizetype size)
    {
        std::memcpy(m_p, bytes, size_t(size));
        m_p += size;
    }
    // Room and bytes at once.
    void append(const char *bytes, qsizetype size)
    {
        room(size);
        put(bytes, size);
    }
    // Where the next byte goes, for a writer that stores in place (room()
    // first) and then moves the cursor, or takes back what it wrote.
    char *cursor() const { return m_p; }
    void moveTo(char *p) { m_p = p; }

private:
    void grow(qsizetype bytes)
    {
        const qsizetype used = m_p - m_out.data();
        m_out.resize(std::max({used + bytes, m_out.capacity(), m_out.size() + m_out.size() / 2}));
        m_p = m_out.data() + used;
        m_end = m_out.data() + m_out.size();
    }

    QByteArray &m_out;
    char *m_p;
    char *m_end;
};

// Bytes that make a CSV cell quoted (CsvWriter::cell's rule).
constexpr std::array<bool, 256> kQuoteByte = [] {
    std::array<bool, 256> t{};
    t[size_t(',')] = t[size_t('"')] = t[size_t('\n')] = t[size_t('\r')] = true;
    return t;
}();

// Bytes that make a CSV cell start with the formula mark (CsvWriter::cell's rule).
constexpr std::array<bool, 256> kFormulaByte = [] {
    std::array<bool, 256> t{};
    for (const char c : {'=', '+', '-', '@', '\t', '\r'})
        t[static_cast<unsigned char>(c)] = true;
    return t;
}();

#ifdef __SSE2__
// Which of 16 bytes make a CSV cell quoted (kQuoteByte), one bit each.
int quoteBits(__m128i v)
{
    const __m128i hits = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')), _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    return _mm_movemask_epi8(hits);
}
// The same with the backslash (kStringStop).
int stopBits(__m128i v)
{
    return quoteBits(v) | _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
}
#endif

void putCell(Sink &out, QByteArrayView v)
{
    if (v.isEmpty())
        return;
    // At worst every byte a doubled quote, plus the quotes and the formula
    // mark, and one more word: the quoting below stores whole words.
    out.room(2 * v.size() + 3 + 16);
    const bool formula = kFormulaByte[static_cast<unsigned char>(v.front())];
    const char *p = v.data();
    const char *const end = p + v.size();
    const char *scan = p;
#ifdef __SSE2__
    for (; end - scan >= 16; scan += 16)
        if (quoteBits(_mm_loadu_si128(reinterpret_cast<const __m128i *>(scan))))
            break;
#endif
    while (scan != end && !kQuoteByte[static_cast<unsigned char>(*scan)])
        ++scan;
    if (scan == end) {
        if (formula)
            out.put('\'');
        out.put(v.data(), v.size());
        return;
    }
    char *d = out.cursor();
    *d++ = '"';
    if (formula)
        *d++ = '\'';
#ifdef __SSE2__
    // A word at a time up to and including its first quote, which is then
    // doubled (JSON cells hold a quote every few bytes: no call per quote).
    while (end - p >= 16) {
        const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(d), w);
        const int quotes = _mm_movemask_epi8(_mm_cmpeq_epi8(w, _mm_set1_epi8('"')));
        if (quotes == 0) {
            p += 16;
            d += 16;
            continue;
        }
        const int q = std::countr_zero(unsigned(quotes)) + 1;
        p += q;
        d += q;
        *d++ = '"';
    }
#endif
    // The rest a byte at a time, each quote doubled without a branch.
    for (; p != end; ++p) {
        const char c = *p;
        d[0] = c;
        d[1] = '"';
        d += c == '"' ? 2 : 1;
    }
    *d++ = '"';
    out.moveTo(d);
}

void putTime(Sink &out, qint64 ms)
{
    // Days since 1970-01-01, floor division.
    qint64 days = ms / 86400000;
    qint64 rest = ms % 86400000;
    if (rest < 0) {
        rest += 86400000;
        --days;
    }
    // The date's "yyyy-MM-ddT", worked out once per day met on this thread
    // (an export's entries come a day at a time).
    thread_local qint64 lastDays = std::numeric_limits<qint64>::min();
    thread_local std::array<char, 11> lastDate{};
    if (days != lastDays) {
        // A civil date (proleptic Gregorian).
        const qint64 z = days + 719468;
        const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
        const qint64 doe = z - era * 146097;
        const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const qint64 mp = (5 * doy + 2) / 153;
        const qint64 day = doy - (153 * mp + 2) / 5 + 1;
        const qint64 month = mp < 10 ? mp + 3 : mp - 9;
        const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 1 || year > 9999) {
            // Qt's own spelling of years it cannot write in four digits.
            const QByteArray spelled =
                QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toUtf8();
            out.append(spelled.constData(), spelled.size());
            return;
        }
        const auto digits = [](char *d, qint64 value, int count) {
            for (int i = count - 1; i >= 0; --i) {
                d[i] = char('0' + value % 10);
                value /= 10;
            }
        };
        digits(lastDate.data(), year, 4);
        lastDate[4] = '-';
        digits(lastDate.data() + 5, month, 2);
        lastDate[7] = '-';
        digits(lastDate.data() + 8, day, 2);
        lastDate[10] = 'T';
        lastDays = days;
    }
    out.room(24); // yyyy-MM-ddTHH:mm:ss.zzzZ
    out.put(lastDate.data(), qsizetype(lastDate.size()));
    const auto seconds = int(rest / 1000);
    const auto millis = int(rest % 1000);
    const int hh = seconds / 3600;
    const int mm = seconds / 60 % 60;
    const int ss = seconds % 60;
    const std::array<char, 13> clock{char('0' + hh / 10),
                                     char('0' + hh % 10),
                                     ':',
                                     char('0' + mm / 10),
                                     char('0' + mm % 10),
                                     ':',
                                     char('0' + ss / 10),
                                     char('0' + ss % 10),
                                     '.',
                                     char('0' + millis / 100),
                                     char('0' + millis / 10 % 10),
                                     char('0' + millis % 10),
                                     'Z'};
    out.put(clock.data(), qsizetype(clock.size()));
}

// Every column this writer knows, in ExportColumns::auditEvents()'s order.
constexpr std::array<ColumnSource, 24> kSources{{
    {"id", Field::Id, Page::TextCount, Page::FieldId},
    {"action_time", Field::Time, Page::TextCount, Page::FieldActionTime},
    {"action_type", Field::Text, Page::ActionType, Page::FieldActionType},
    {"action_result", Field::Text, Page::ActionResult, Page::FieldActionResult},
    {"action_description", Field::Text, Page::ActionDescription, Page::FieldActionDescription},
    {"actor_id", Field::Text, Page::ActorId, Page::FieldActorId},
    {"actor_email", Field::Text, Page::ActorEmail, Page::FieldActorEmail},
    {"actor_type", Field::Text, Page::ActorType, Page::FieldActorType},
    {"actor_context", Field::Text, Page::ActorContext, Page::FieldActorContext},
    {"actor_ip_address", Field::Text, Page::ActorIp, Page::FieldActorIp},
    {"actor_token_id", Field::Text, Page::ActorTokenId, Page::FieldActorTokenId},
    {"actor_token_name", Field::Text, Page::ActorTokenName, Page::FieldActorTokenName},
    {"organization_id", Field::Text, Page::OrganizationId, Page::FieldOrganizationId},
    {"resource_id", Field::ResourceId, Page::TextCount, Page::FieldResourceId},
    {"resource_product", Field::Text, Page::ResourceProduct, Page::FieldResourceProduct},
    {"resource_type", Field::Text, Page::ResourceType, Page::FieldResourceType},
    {"resource_scope", Field::Scope, Page::TextCount, Page::FieldScope},
    {"raw_method", Field::Text, Page::RawMethod, Page::FieldRawMethod},
    {"raw_uri", Field::Uri, Page::TextCount, Page::FieldRawUri},
    {"raw_status_code", Field::StatusCode, Page::TextCount, Page::FieldStatusCode},
    {"raw_cf_ray_id", Field::RayId, Page::TextCount, Page::FieldRayId},
    {"raw_user_agent", Field::Text, Page::RawUserAgent, Page::FieldUserAgent},
    {"resource_request", Field::Request, Page::TextCount, Page::FieldRequest},
    {"resource_response", Field::Response, Page::TextCount, Page::FieldResponse},
}};

// Where each exported column (ExportColumns::auditEvents()) comes from in a
// page, by the column's name: a column added there is still written (from
// the record, null here) until it is taught here.
const std::vector<const ColumnSource *> &csvPlan()
{
    static const std::vector<const ColumnSource *> plan = [] {
        std::vector<const ColumnSource *> p;
        for (const auto &c : ExportColumns::auditEvents()) {
            const ColumnSource *found = nullptr;
            for (const ColumnSource &s : kSources)
                if (c.header == QLatin1String(s.header))
                    found = &s;
            p.push_back(found);
        }
        return p;
    }();
    return plan;
}

void putTimeCell(Sink &out, qint64 ms, const QTimeZone &zone)
{
    if (ms == api::AuditColumns::kNoTime)
        return;
    if (!zone.isValid()) {
        putTime(out, ms);
        return;
    }
    const QByteArray zoned = ExportColumns::time(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC), zone).toUtf8();
    out.append(zoned.constData(), zoned.size());
}

// Bytes after which a JSON string's raw text is not its CSV cell as it
// stands: an escape, or what makes a cell quoted.
constexpr std::array<bool, 256> kStringStop = [] {
    std::array<bool, 256> t = kQuoteByte;
    t[size_t('\\')] = true;
    return t;
}();

// Bytes [from, size) of p to d, a byte at a time; false at the first
// kStringStop byte.
bool copyPlain(char *d, const char *p, qsizetype from, qsizetype size)
{
    for (qsizetype k = from; k < size; ++k) {
        if (kStringStop[static_cast<unsigned char>(p[k])])
            return false;
        d[k] = p[k];
    }
    return true;
}

// A JSON string's cell from its raw text (between its quotes), which lies in
// a buffer readable up to `limit`, written at d: room for 2 * size + 17
// bytes comes first. Returns where the cell ends. A cell to quote or an
// escape to read (rare) goes through putCell, at d.
char *putJsonStringAt(char *d, const char *p, qsizetype size, const char *limit, Sink &out,
                      std::string *scratch)
{
    if (size == 0)
        return d;
    char *const start = d;
    if (kFormulaByte[static_cast<unsigned char>(*p)])
        *d++ = '\'';
    bool plain = true;
#ifdef __SSE2__
    // Copied as it is scanned, a word at a time (the last one whole: the
    // bytes past the value are overwritten by what follows).
    qsizetype i = 0;
    for (; i + 16 <= size; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        if (stopBits(v)) {
            plain = false;
            break;
        }
        _mm_storeu_si128(reinterpret_cast<__m128i *>(d + i), v);
    }
    if (plain && i < size) {
        if (p + i + 16 <= limit) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
            if (stopBits(v) & ((1 << (size - i)) - 1))
                plain = false;
            else
                _mm_storeu_si128(reinterpret_cast<__m128i *>(d + i), v);
        } else {
            plain = copyPlain(d, p, i, size);
        }
    }
#else
    plain = copyPlain(d, p, 0, size);
#endif
    if (plain)
        return d + size;
    out.moveTo(start);
    putCell(out, QByteArrayView(Page::unescape(std::string_view(p, size_t(size)), scratch)));
    return out.cursor();
}

// What writing a page's rows from ranges needs, per page.
struct RangeRow
{
    Sink &out;
    const char *body;
    const char *limit;
    const QTimeZone &zone;
    std::string *scratch;
};

// Column I of kSources, written at d from the entry's ranges.
template <size_t I>
void putRangeCell(char *&d, const RangeRow &r, const Page::FieldBytes *fields, qint64 timeMs)
{
    constexpr ColumnSource s = kSources[I];
    if constexpr (I > 0)
        *d++ = ',';
    const Page::FieldBytes f = fields[s.range];
    if constexpr (s.field == Field::Time) {
        r.out.moveTo(d);
        putTimeCell(r.out, timeMs, r.zone);
        d = r.out.cursor();
    } else if constexpr (s.field == Field::Scope || s.field == Field::Request || s.field == Field::Response) {
        if (f.size > 0) {
            r.out.moveTo(d);
            putCell(r.out, QByteArrayView(r.body + f.offset, f.size));
            d = r.out.cursor();
        }
    } else if constexpr (s.field == Field::StatusCode) {
        std::memcpy(d, r.body + f.offset, f.size);
        d += f.size;
    } else {
        d = putJsonStringAt(d, r.body + f.offset, f.size, r.limit, r.out, r.scratch);
    }
}

// A whole row in kSources' order: the columns known when this compiles.
template <size_t... I>
void putRangeRow(std::index_sequence<I...>, char *&d, const RangeRow &r, const Page::FieldBytes *fields,
                 qint64 timeMs)
{
    (putRangeCell<I>(d, r, fields, timeMs), ...);
}

// Whether the exported columns are kSources, in order.
bool planIsKSources()
{
    static const bool same = [] {
        const std::vector<const ColumnSource *> &plan = csvPlan();
        if (plan.size() != kSources.size())
            return false;
        for (size_t c = 0; c < plan.size(); ++c)
            if (plan[c] != &kSources[c])
                return false;
        return true;
    }();
    return same;
}

} // namespace

// The rows of a page decoded as ranges (Page::fields): each value formatted
// straight from the page's bytes.
qint64 AuditPageWriter::formatCsvRanges(const Page &page, const std::vector<bool> *skip,
                                        const QTimeZone &zone, QByteArray &bytes)
{
    Sink out(bytes);
    qint64 rows = 0;
    if (!planIsKSources()) {
        // Columns this writer was not taught (ExportColumns::auditEvents()
        // changed since): every row from its record, as RecordExporter writes it.
        const auto &columns = ExportColumns::auditEvents();
        const QList<bool> numeric = ExportColumns::numericFlags(columns);
        for (qsizetype i = 0; i < page.size(); ++i) {
            if (skip && (*skip)[size_t(i)])
                continue;
            const QByteArray line = CsvWriter::line(
                ExportColumns::row(columns, page.event(i), zone.isValid() ? &zone : nullptr), numeric);
            out.append(line.constData(), line.size());
            ++rows;
        }
        return rows;
    }
    std::string scratch;
    const RangeRow row{out, page.body.constData(), page.body.constData() + page.body.size(), zone, &scratch};
    for (qsizetype i = 0; i < page.size(); ++i) {
        const auto n = size_t(i);
        if (skip && (*skip)[n])
            continue;
        // Room for the row's worst case at once: no cell is longer than
        // twice its bytes in the entry plus its quotes and mark, and the
        // time and a copy's last word fit in the rest.
        out.room(2 * page.raw[n].size + 256);
        char *d = out.cursor();
        putRangeRow(std::make_index_sequence<kSources.size()>(), d, row,
                    page.fields.data() + n * Page::FieldCount, page.timeMs[n]);
        d[0] = '\r';
        d[1] = '\n';
        out.moveTo(d + 2);
        ++rows;
    }
    return rows;
}

void AuditPageWriter::appendCell(QByteArray &out, QByteArrayView utf8)
{
    Sink sink(out);
    putCell(sink, utf8);
}

void AuditPageWriter::appendTime(QByteArray &out, qint64 msSinceEpoch)
{
    Sink sink(out);
    putTime(sink, msSinceEpoch);
}

bool AuditPageWriter::add(const Page &page, const std::vector<bool> *skip)
{
    if (!m_ok)
        return false;
    Q_ASSERT(!skip || skip->size() == size_t(page.size()));
    if (m_format == Format::Json) {
        for (qsizetype i = 0; i < page.size(); ++i) {
            if (skip && (*skip)[size_t(i)])
                continue;
            m_buffer += m_rows++ > 0 ? ",\n" : "\n";
            const Page::Span &s = page.raw[size_t(i)];
            if (s.size > 0 && s.offset >= 0 && s.offset + s.size <= page.body.size())
                m_buffer.append(page.body.constData() + s.offset, size_t(s.size));
            else
                m_buffer += "{}";
            if (!flush(false))
                return false;
        }
        return flush(true);
    }
    addCsv(page, skip);
    return flush(true);
}

qint64 AuditPageWriter::formatCsv(const Page &page, const std::vector<bool> *skip, const QTimeZone &zone,
                                  QByteArray &bytes)
{
    if (!page.fields.empty())
        return formatCsvRanges(page, skip, zone, bytes);
    const auto &columns = ExportColumns::auditEvents();
    const QList<bool> numeric = ExportColumns::numericFlags(columns);
    const std::vector<const ColumnSource *> &plan = csvPlan();

    // Each distinct value of the page escaped once.
    std::array<std::vector<QByteArray>, Page::TextCount> cells;
    for (int f = 0; f < Page::TextCount; ++f) {
        cells[size_t(f)].reserve(size_t(page.values[size_t(f)].size()));
        for (const QString &v : page.values[size_t(f)])
            cells[size_t(f)].push_back(CsvWriter::cell(v));
    }
    // Each URI shape once as UTF-8 pieces around its placeholders, so an
    // entry's URI is joined from bytes (no QString per entry).
    const QList<QString> &shapes = page.values[Page::RawUri];
    std::vector<std::vector<QByteArray>> uriPieces(size_t(shapes.size()));
    for (qsizetype v = 0; v < shapes.size(); ++v) {
        const QString &shape = shapes[v];
        if (shape.isEmpty())
            continue;
        if (shape.front() == QChar(Page::kUriVerbatim)) {
            uriPieces[size_t(v)].push_back(shape.mid(1).toUtf8());
            continue;
        }
        for (const QString &piece : shape.split(QChar(Page::kUriPlaceholder)))
            uriPieces[size_t(v)].push_back(piece.toUtf8());
    }
    std::string uri; // keeps its capacity from entry to entry (QByteArray::clear() frees it)
    Sink out(bytes);
    const auto appendSpan = [&page, &out](const Page::Span &s) {
        if (s.size > 0 && s.offset >= 0 && s.offset + s.size <= page.body.size())
            putCell(out, QByteArrayView(page.body.constData() + s.offset, s.size));
    };

    qint64 rows = 0;
    for (qsizetype i = 0; i < page.size(); ++i) {
        const auto n = size_t(i);
        if (skip && (*skip)[n])
            continue;
        std::optional<api::AuditEvent> record; // only for columns this writer does not know
        for (size_t c = 0; c < plan.size(); ++c) {
            // The separator now, the row's end below: room for both.
            out.room(2);
            if (c > 0)
                out.put(',');
            const ColumnSource *s = plan[c];
            if (!s) {
                if (!record)
                    record = page.event(i);
                const QByteArray cell =
                    CsvWriter::cell(columns.at(qsizetype(c)).value(*record), numeric.value(qsizetype(c)));
                out.append(cell.constData(), cell.size());
                continue;
            }
            switch (s->field) {
            case Field::Id:
                putCell(out, page.ids.view(i));
                break;
            case Field::Time:
                putTimeCell(out, page.timeMs[n], zone);
                break;
            case Field::Text: {
                const QByteArray &cell = cells[size_t(s->text)][page.text[size_t(s->text)][n]];
                out.append(cell.constData(), cell.size());
                break;
            }
            case Field::ResourceId:
                putCell(out, page.resourceIds.view(i));
                break;
            case Field::Scope:
                appendSpan(page.scopes[n]);
                break;
            case Field::Uri: {
                const quint32 shape = page.text[Page::RawUri][n];
                const std::vector<QByteArray> &pieces = uriPieces[shape];
                if (pieces.empty())
                    break;
                if (pieces.size() == 1 && shapes[shape].front() != QChar(Page::kUriVerbatim)) {
                    const QByteArray &cell = cells[Page::RawUri][shape];
                    out.append(cell.constData(), cell.size());
                    break;
                }
                const QByteArrayView resourceId = page.resourceIds.view(i);
                uri.clear();
                for (size_t k = 0; k < pieces.size(); ++k) {
                    if (k > 0)
                        uri.append(resourceId.data(), size_t(resourceId.size()));
                    uri.append(pieces[k].constData(), size_t(pieces[k].size()));
                }
                putCell(out, QByteArrayView(uri.data(), qsizetype(uri.size())));
                break;
            }
            case Field::StatusCode:
                if (page.statusCodes[n]) {
                    const std::string code = std::to_string(*page.statusCodes[n]);
                    out.append(code.data(), qsizetype(code.size()));
                }
                break;
            case Field::RayId:
                putCell(out, page.rayIds.view(i));
                break;
            case Field::Request:
                appendSpan(page.requests[n]);
                break;
            case Field::Response:
                appendSpan(page.responses[n]);
                break;
            }
        }
        out.room(2);
        out.put('\r');
        out.put('\n');
        ++rows;
    }
    return rows;
}

void AuditPageWriter::addCsv(const Page &page, const std::vector<bool> *skip)
{
    // Formatted on the decoding worker already (preparer()), unless some rows are left out.
    const QByteArray *rows = page.prepared.get();
    QByteArray formatted;
    if (skip || !rows) {
        formatted.reserve(csvBytesFor(page));
        m_rows += formatCsv(page, skip, m_zone, formatted);
        rows = &formatted;
    } else {
        m_rows += page.size();
    }
    // Written as it is, after what the buffer holds: copying half a
    // megabyte into the buffer first costs more than one more write().
    if (flush(true) && !rows->isEmpty() && (!m_device || m_device->write(*rows) != rows->size()))
        m_ok = false;
}

qsizetype AuditPageWriter::csvBytesFor(const Page &page)
{
    // A page's CSV is about two thirds of its JSON: room for it at once, so
    // that the rows are not copied again as the array grows.
    return page.body.size() - page.body.size() / 8;
}

AuditPageWriter::Prepare AuditPageWriter::preparer() const
{
    if (m_format != Format::Csv)
        return {};
    // A copy of what formatting needs: the workers never touch the writer.
    return [zone = m_zone](const Page &page) -> std::shared_ptr<const QByteArray> {
        auto out = std::make_shared<QByteArray>();
        out->reserve(csvBytesFor(page));
        formatCsv(page, nullptr, zone, *out);
        return out;
    };
}

} // namespace models
