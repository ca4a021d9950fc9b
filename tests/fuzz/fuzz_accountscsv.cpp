// The Accounts tab's CSV export on whatever the API sends: an accounts page
// through the real decoder (mode 0), or account fields straight from the input
// (mode 1, 0x1f-separated: id, name, type, abuse contact, nameservers, tag
// key, tag value). The CSV must read back (RFC 4180) to one record per
// account with the same cells, CRLF after each record, and no text cell may
// start a spreadsheet formula.
//
// Input: [mode] bytes…

#include "api/decoders.h"
#include "models/organizations/accountscsv.h"

#include <cstddef>
#include <cstdint>

namespace {

// RFC 4180 reader; false when the text is not well-formed CSV with CRLF record ends.
bool readCsv(const QString &text, QList<QStringList> *records)
{
    QStringList record;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || wasQuoted)
                return false; // a quote inside an unquoted field
            quoted = wasQuoted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
            wasQuoted = false;
        } else if (c == u'\r') {
            if (i + 1 >= text.size() || text.at(i + 1) != u'\n')
                return false; // a bare CR outside quotes
            record << field;
            *records << record;
            record.clear();
            field.clear();
            wasQuoted = false;
            ++i;
        } else if (c == u'\n') {
            return false; // a bare LF outside quotes
        } else {
            if (wasQuoted)
                return false; // text after a closing quote
            field += c;
        }
    }
    return !quoted && record.isEmpty() && field.isEmpty(); // ends with CRLF
}

QString boolText(const std::optional<bool> &v)
{
    return v ? (*v ? QStringLiteral("true") : QStringLiteral("false")) : QString();
}

QString isoText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// As the file holds it: UTF-8 (a lone surrogate from a JSON escape becomes U+FFFD).
QString utf8(const QString &s)
{
    return QString::fromUtf8(s.toUtf8());
}

bool cellMatches(const QString &cell, const QString &value)
{
    const QString v = utf8(value);
    if (cell == v)
        return v.isEmpty() || !QStringView(u"=+-@\t\r").contains(v.front());
    // The formula guard: an apostrophe in front of exactly those.
    return !v.isEmpty() && QStringView(u"=+-@\t\r").contains(v.front()) && cell == u'\'' + v;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    QList<api::Account> accounts;
    if (data[0] % 2 == 0) {
        const auto page = api::decode::accountsPage(bytes);
        if (!page.ok())
            return 0;
        accounts = page.value.items;
    } else {
        const QList<QByteArray> f = bytes.split('\x1f');
        for (qsizetype i = 0; i + 2 < f.size(); i += 7) {
            api::Account a;
            a.id = QString::fromUtf8(f[i]);
            if (f[i + 1] != "\xff")
                a.name = QString::fromUtf8(f[i + 1]);
            a.type = QString::fromUtf8(f[i + 2]);
            if (i + 3 < f.size())
                a.settings.abuseContactEmail = QString::fromUtf8(f[i + 3]);
            if (i + 4 < f.size())
                a.settings.defaultNameservers = QString::fromUtf8(f[i + 4]);
            if (i + 6 < f.size())
                a.tags.insert(QString::fromUtf8(f[i + 5]), QString::fromUtf8(f[i + 6]));
            a.settings.enforceTwoFactor = (i & 1) != 0;
            accounts << a;
        }
    }

    const QByteArray csv = models::AccountsCsv::toCsv(accounts);
    QList<QStringList> records;
    if (!readCsv(QString::fromUtf8(csv), &records) || records.size() != accounts.size() + 1)
        __builtin_trap();
    for (const QStringList &r : records)
        if (r.size() != 10)
            __builtin_trap();
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const api::Account &a = accounts[i];
        const QStringList &r = records[i + 1];
        const api::AccountSettings &s = a.settings;
        const QStringList expected{a.id,
                                   a.name.value_or(QString()),
                                   a.type,
                                   isoText(a.createdOn),
                                   s.abuseContactEmail.value_or(QString()),
                                   s.accessApprovalExpiry ? isoText(*s.accessApprovalExpiry) : QString(),
                                   boolText(s.apiAccessEnabled),
                                   s.defaultNameservers.value_or(QString()),
                                   boolText(s.enforceTwoFactor),
                                   boolText(s.useAccountCustomNsByDefault)};
        for (int c = 0; c < 10; ++c)
            if (!cellMatches(r[c], expected[c]))
                __builtin_trap();
    }
    return 0;
}
