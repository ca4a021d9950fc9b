#pragma once
// One audit-log page decoded column by column (REFERENCE §4.13, §3.2). The
// repeated text fields are a small per-page dictionary plus an index per
// entry (the URI by its shape, its resource id replaced by a placeholder);
// the nearly unique ones (ids) share one UTF-8 buffer per column; request,
// response, scope and the whole entry are spans into the page's bytes.
// Decoding a page this way allocates a few arrays instead of dozens of
// strings per entry, and the audit store merges it by looking up each
// distinct value once.

#include "api/records.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <array>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace api {

struct AuditColumns
{
    enum Text : int {
        ActionDescription,
        ActionResult,
        ActionType,
        ActorId,
        ActorContext,
        ActorEmail,
        ActorIp,
        ActorTokenId,
        ActorTokenName,
        ActorType,
        OrganizationId,
        RawMethod,
        RawUserAgent,
        ResourceProduct,
        ResourceType,
        RawUri, // the URI's shape (uriShape): expandUri gives the URI back
        TextCount
    };
    // Text that is nearly unique per entry, back to back in one UTF-8 buffer.
    class Utf8Column
    {
    public:
        qsizetype size() const { return qsizetype(m_ends.size()); }
        QByteArrayView view(qsizetype i) const
        {
            const qsizetype begin = i == 0 ? 0 : m_ends[size_t(i) - 1];
            return QByteArrayView(m_text.constData() + begin, m_ends[size_t(i)] - begin);
        }
        QString at(qsizetype i) const { return QString::fromUtf8(view(i)); }
        void append(std::string_view text)
        {
            m_text.append(text.data(), qsizetype(text.size()));
            m_ends.push_back(m_text.size());
        }
        void reserve(qsizetype entries, qsizetype bytes)
        {
            m_text.reserve(bytes);
            m_ends.reserve(size_t(entries));
        }
        qsizetype byteSize() const { return m_text.size(); }

    private:
        QByteArray m_text;
        std::vector<qsizetype> m_ends;
    };
    // Bytes of one JSON value inside body; size < 0 when the value is absent.
    struct Span
    {
        qsizetype offset = 0;
        qsizetype size = -1;
    };
    // The fields an audit entry names, in the order of AuditColumns::fields.
    enum Field : int {
        FieldId,
        FieldActionDescription,
        FieldActionResult,
        FieldActionTime,
        FieldActionType,
        FieldActorId,
        FieldActorContext,
        FieldActorEmail,
        FieldActorIp,
        FieldActorTokenId,
        FieldActorTokenName,
        FieldActorType,
        FieldOrganizationId,
        FieldRayId,
        FieldRawMethod,
        FieldStatusCode,
        FieldRawUri,
        FieldUserAgent,
        FieldResourceId,
        FieldResourceProduct,
        FieldResourceType,
        FieldRequest,
        FieldResponse,
        FieldScope,
        FieldCount
    };
    // One field's bytes in body, as received (size 0: absent, null, empty,
    // or, for text, a value of another type: all read as absent).
    // A string's are those between its quotes, escapes and all (unescape());
    // request, response and scope are their JSON text; the status code is a
    // plain integer's digits.
    struct FieldBytes
    {
        quint32 offset = 0;
        quint32 size = 0;
    };
    // A JSON string's text between its quotes with its escapes read (the
    // page was checked: every escape is whole). Returns `escaped` itself
    // when it holds none, else a view of *scratch.
    static std::string_view unescape(std::string_view escaped, std::string *scratch);

    static constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();
    // In a URI shape: stands for the entry's resource id (a private-use
    // character), or, first, marks a shape to read verbatim (a URI that
    // already held one of the two).
    static constexpr char16_t kUriPlaceholder = 0xE000;
    static constexpr char16_t kUriVerbatim = 0xE001;

    // URIs name their resource, which makes them nearly unique; with the
    // resource id (8 characters or more) replaced by the placeholder they fall
    // into a handful of shapes. UTF-8 in, UTF-8 out (into *shape).
    static void uriShape(std::string_view uri, std::string_view resourceId, std::string *shape);
    static QString expandUri(const QString &shape, const QString &resourceId);

    AuditColumns();

    qsizetype size() const { return ids.size(); }
    bool isEmpty() const { return ids.size() == 0; }
    const QString &textAt(Text field, qsizetype entry) const
    {
        return values[field][text[field][size_t(entry)]];
    }
    QByteArray bytes(const Span &span) const;

    // The entry as a record, for consumers that want whole records (export,
    // archive, tests). The bytes are copied out of the page.
    AuditEvent event(qsizetype entry) const;
    QList<AuditEvent> events() const;

    // Distinct values per field; values[f][0] is the empty string (absent or null).
    std::array<QList<QString>, TextCount> values;
    std::array<std::vector<quint32>, TextCount> text; // per entry: index into values[f]
    Utf8Column ids;
    Utf8Column rayIds;
    Utf8Column resourceIds;
    std::vector<qint64> timeMs; // kNoTime when absent
    std::vector<std::optional<int>> statusCodes;
    std::vector<Span> raw; // the whole entry
    std::vector<Span> requests;
    std::vector<Span> responses;
    std::vector<Span> scopes;
    QByteArray body; // the page as received

    QString cursor;              // result_info.cursor, else result_info.cursors.after; empty on the last page
    std::optional<qint64> count; // result_info.count
    // Entries kept although a field had the wrong type, a group was null or a
    // time unreadable (those fields read as absent); the first problem, for the status.
    qsizetype entriesWithIssues = 0;
    QString firstIssue;

    // Only from decode::auditFields (AuditLogsApi::Fields::Ranges): per
    // entry, FieldCount ranges of body, entry after entry. The text, id and
    // request columns above then read as absent (zeros); timeMs and raw are
    // filled, and event() reads the rest from here. Empty from every other
    // decoder.
    std::vector<FieldBytes> fields;

    // What a consumer made of the page on the decoding worker
    // (AuditPager::setPrepare), e.g. the export's CSV rows; null otherwise.
    std::shared_ptr<const QByteArray> prepared;

private:
    AuditEvent eventFromFields(qsizetype entry) const; // event() of a page decoded as ranges
};

} // namespace api
