#pragma once
// Turns what a user pastes or imports into a list of e-mail candidates: one
// address per line (also "a@x, b@y" and "Name <a@x>"), or a CSV/TSV file
// whose header names an e-mail column. Nothing is dropped silently: every
// token that could have been meant as an address becomes an entry so the
// preview can mark it invalid.

#include <QList>
#include <QString>
#include <QStringList>

namespace models {

class EmailListParser
{
public:
    struct Entry
    {
        QString email; // trimmed, as written
        int line = 0;  // 1-based line of the source text
    };
    struct Result
    {
        QList<Entry> entries;
        bool csv = false; // a header with an e-mail column was found
        QString column;   // that header's name
        QString problem;  // a CSV header without any e-mail column, …
    };

    static Result parse(const QString &text);
    // The text of an imported file: a byte-order mark names the encoding
    // (UTF-8, UTF-16, UTF-32: spreadsheets save "Unicode text" as UTF-16),
    // NUL bytes beside ASCII mean BOM-less UTF-16, else UTF-8, and Latin-1
    // when that is not valid UTF-8 (Windows spreadsheet exports).
    static QString textFromFile(const QByteArray &bytes);
    // Pragmatic check of what Cloudflare can deliver an invitation to:
    // local@domain.tld, ASCII, no spaces or quoted parts, at most 254 chars.
    static bool isValidEmail(const QString &email);
    // RFC 4180 records of a CSV text with the given delimiter; each record's
    // first line is stored in `lines` when given.
    static QList<QStringList> parseCsv(const QString &text, QChar delimiter, QList<int> *lines = nullptr);
};

} // namespace models
