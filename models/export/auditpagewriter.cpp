#include "models/export/auditpagewriter.h"

#include "api/auditcolumns.h"
#include "models/export/csvwriter.h"
#include "models/export/exportcolumns.h"

#include <QDateTime>
#include <QIODevice>

#include <algorithm>
#include <array>
#include <cstring>

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

void putCell(Sink &out, QByteArrayView v)
{
    if (v.isEmpty())
        return;
    // At worst every byte a doubled quote, plus the quotes and the formula mark.
    out.room(2 * v.size() + 3);
    const char first = v.front();
    const bool formula =
        first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    const char *p = v.data();
    const char *const end = p + v.size();
    const char *scan = p;
    while (scan != end && !kQuoteByte[static_cast<unsigned char>(*scan)])
        ++scan;
    if (scan == end) {
        if (formula)
            out.put('\'');
        out.put(v.data(), v.size());
        return;
    }
    out.put('"');
    if (formula)
        out.put('\'');
    // Runs up to and including each quote, which is then doubled.
    for (;;) {
        const auto *quote = static_cast<const char *>(std::memchr(p, '"', size_t(end - p)));
        if (!quote) {
            out.put(p, end - p);
            break;
        }
        out.put(p, quote - p + 1);
        out.put('"');
        p = quote + 1;
    }
    out.put('"');
}

void putTime(Sink &out, qint64 ms)
{
    // Days since 1970-01-01 to a civil date (proleptic Gregorian), floor division.
    qint64 days = ms / 86400000;
    qint64 rest = ms % 86400000;
    if (rest < 0) {
        rest += 86400000;
        --days;
    }
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
    out.room(24); // yyyy-MM-ddTHH:mm:ss.zzzZ
    const auto put = [&out](qint64 value, int digits) {
        std::array<char, 4> d{};
        for (int i = digits - 1; i >= 0; --i) {
            d[size_t(i)] = char('0' + value % 10);
            value /= 10;
        }
        out.put(d.data(), digits);
    };
    put(year, 4);
    out.put('-');
    put(month, 2);
    out.put('-');
    put(day, 2);
    out.put('T');
    put(rest / 3600000, 2);
    out.put(':');
    put(rest / 60000 % 60, 2);
    out.put(':');
    put(rest / 1000 % 60, 2);
    out.put('.');
    put(rest % 1000, 3);
    out.put('Z');
}

// Where each exported column (ExportColumns::auditEvents()) comes from in a
// page, by the column's name: a column added there is still written (from
// the record, null here) until it is taught here.
const std::vector<const ColumnSource *> &csvPlan()
{
    static const std::array<ColumnSource, 24> kSources{{
        {"id", Field::Id, Page::TextCount},
        {"action_time", Field::Time, Page::TextCount},
        {"action_type", Field::Text, Page::ActionType},
        {"action_result", Field::Text, Page::ActionResult},
        {"action_description", Field::Text, Page::ActionDescription},
        {"actor_id", Field::Text, Page::ActorId},
        {"actor_email", Field::Text, Page::ActorEmail},
        {"actor_type", Field::Text, Page::ActorType},
        {"actor_context", Field::Text, Page::ActorContext},
        {"actor_ip_address", Field::Text, Page::ActorIp},
        {"actor_token_id", Field::Text, Page::ActorTokenId},
        {"actor_token_name", Field::Text, Page::ActorTokenName},
        {"organization_id", Field::Text, Page::OrganizationId},
        {"resource_id", Field::ResourceId, Page::TextCount},
        {"resource_product", Field::Text, Page::ResourceProduct},
        {"resource_type", Field::Text, Page::ResourceType},
        {"resource_scope", Field::Scope, Page::TextCount},
        {"raw_method", Field::Text, Page::RawMethod},
        {"raw_uri", Field::Uri, Page::TextCount},
        {"raw_status_code", Field::StatusCode, Page::TextCount},
        {"raw_cf_ray_id", Field::RayId, Page::TextCount},
        {"raw_user_agent", Field::Text, Page::RawUserAgent},
        {"resource_request", Field::Request, Page::TextCount},
        {"resource_response", Field::Response, Page::TextCount},
    }};
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

} // namespace

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
