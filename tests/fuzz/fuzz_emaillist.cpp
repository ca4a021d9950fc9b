// The member invitation list as pasted or imported: EmailListParser::parse on
// any text, and textFromFile on any file bytes (BOMs, UTF-16 with and without
// BOM, Latin-1, unterminated quotes, huge lines). Checks what the preview
// relies on: every line number exists, entries are trimmed, nothing that
// could be an address is dropped, a valid address is one ASCII address, the
// cap holds, an unterminated quote is reported on a line that exists and
// does not swallow the records after it, and the same text read through any
// Unicode encoding gives the same list.
//
// Input: [mode] text…  (mode 0: pasted UTF-8; 1: file bytes as they are;
// 2: the text saved as UTF-8 with BOM, UTF-16LE/BE with and without BOM)

#include "models/members/emaillistparser.h"

#include <QStringEncoder>

#include <cstddef>
#include <cstdint>

namespace {

using models::EmailListParser;

bool sameEntries(const EmailListParser::Result &a, const EmailListParser::Result &b)
{
    if (a.entries.size() != b.entries.size() || a.csv != b.csv || a.column != b.column ||
        a.problem != b.problem)
        return false;
    for (qsizetype i = 0; i < a.entries.size(); ++i)
        if (a.entries[i].email != b.entries[i].email || a.entries[i].line != b.entries[i].line)
            return false;
    return true;
}

void check(const QString &text)
{
    const EmailListParser::Result r = EmailListParser::parse(text);
    const qsizetype lines = text.count(u'\n') + 1;
    for (const EmailListParser::Entry &e : r.entries) {
        if (e.line < 1 || e.line > lines || e.email != e.email.trimmed())
            __builtin_trap();
        if (EmailListParser::isValidEmail(e.email)) {
            if (e.email.size() > 254 || e.email.count(u'@') != 1)
                __builtin_trap();
            for (QChar c : e.email)
                if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
                    __builtin_trap();
        }
    }
    if (r.csv && r.column.isEmpty())
        __builtin_trap();
    // parseCsv on its own: the quote it reports opens on a line of the text,
    // and every record starts on a line of the text.
    {
        QList<int> recordLines;
        int unterminated = -1;
        const QList<QStringList> records = EmailListParser::parseCsv(text, u',', &recordLines, &unterminated);
        if (unterminated < 0 || unterminated > lines || records.size() != recordLines.size())
            __builtin_trap();
        for (int l : recordLines)
            if (l < 1 || l > lines)
                __builtin_trap();
    }
    if (r.entries.size() > EmailListParser::MaxEntries || (r.tooMany && r.problem.isEmpty()))
        __builtin_trap();
    // Outside CSV mode every line with text (not a # comment) gives an entry,
    // up to the cap.
    if (!r.csv && !r.tooMany) {
        QList<bool> hasEntry(lines, false);
        for (const EmailListParser::Entry &e : r.entries)
            hasEntry[e.line - 1] = true;
        QString body = text;
        if (body.startsWith(QChar(0xfeff)))
            body.remove(0, 1);
        const QStringList raw = body.split(u'\n');
        for (qsizetype i = 0; i < raw.size(); ++i) {
            const QString l = raw[i].trimmed();
            if (!l.isEmpty() && !l.startsWith(u'#') && !hasEntry[i])
                __builtin_trap();
        }
    }
    // A byte-order mark in front changes nothing.
    if (!text.startsWith(QChar(0xfeff)) && !sameEntries(r, EmailListParser::parse(QChar(0xfeff) + text)))
        __builtin_trap();
}

QByteArray encode(const QString &text, QStringConverter::Encoding encoding, bool bom)
{
    QStringEncoder encoder(encoding,
                           bom ? QStringConverter::Flag::WriteBom : QStringConverter::Flag::Default);
    return encoder.encode(text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    switch (data[0] % 3) {
    case 0:
        check(QString::fromUtf8(bytes));
        break;
    case 1:
        check(EmailListParser::textFromFile(bytes));
        break;
    default: {
        // The text a user saved from a spreadsheet in one encoding or another
        // must come back exactly. A list holds no NUL, which is how BOM-less
        // UTF-16 is recognised: texts with one are only checked behind a BOM
        // (and not at all in front, where FF FE 00 00 is UTF-32's BOM).
        const QString text = QString::fromUtf8(bytes);
        if (text.startsWith(QChar(0xfeff)) || text.startsWith(QChar(0)))
            break; // a second BOM is text, not a mark
        const bool noNul = !text.contains(QChar(0));
        const bool asciiStart = !text.isEmpty() && text.at(0).unicode() < 0x80;
        for (auto encoding : {QStringConverter::Utf8, QStringConverter::Utf16LE, QStringConverter::Utf16BE}) {
            for (bool bom : {true, false}) {
                if (!bom && (!noNul || (encoding != QStringConverter::Utf8 && !asciiStart)))
                    continue;
                if (EmailListParser::textFromFile(encode(text, encoding, bom)) != text)
                    __builtin_trap();
            }
        }
        check(text);
        break;
    }
    }
    return 0;
}
