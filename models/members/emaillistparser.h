#pragma once
// Turns what a user pastes or imports into a list of e-mail candidates: one
// address per line (also "a@x, b@y" and "Name <a@x>"), or a CSV/TSV file
// whose header names an e-mail column. Nothing is dropped silently: every
// token that could have been meant as an address becomes an entry so the
// preview can mark it invalid.

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

class QObject;

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
        // What the user must know about the text, one sentence per line: a CSV
        // header without any e-mail column, a quote never closed (its line),
        // more addresses than MaxEntries.
        QString problem;
        bool tooMany = false; // more than MaxEntries: entries holds the first MaxEntries
    };

    // The most addresses one list may hold: a list is checked and sent as a
    // whole, and beyond this it is more likely a wrong file than a team.
    static constexpr int MaxEntries = 10000;
    // Texts longer than this (in characters) are parsed on a worker thread.
    static constexpr qsizetype BackgroundThreshold = 32 * 1024;

    static Result parse(const QString &text);
    // parse() on a worker thread for a text above BackgroundThreshold, at
    // once below it; `done` runs on context's thread, and not at all once
    // context is gone. Returns true when the text went to a worker.
    static bool parseInBackground(const QString &text, QObject *context,
                                  std::function<void(const Result &)> done);
    // The text of an imported file: a byte-order mark names the encoding
    // (UTF-8, UTF-16, UTF-32: spreadsheets save "Unicode text" as UTF-16),
    // NUL bytes beside ASCII mean BOM-less UTF-16, else UTF-8, and Latin-1
    // when that is not valid UTF-8 (Windows spreadsheet exports).
    static QString textFromFile(const QByteArray &bytes);
    // Pragmatic check of what Cloudflare can deliver an invitation to:
    // local@domain.tld, ASCII, no spaces or quoted parts, at most 254 chars.
    static bool isValidEmail(const QString &email);
    // RFC 4180 records of a CSV text with the given delimiter; each record's
    // first line is stored in `lines` when given. A quote that opens a field
    // and is never closed does not swallow the rest of the text: it is read
    // as an ordinary character and its line goes to `unterminatedLine` (0
    // when every quote closes).
    static QList<QStringList> parseCsv(const QString &text, QChar delimiter, QList<int> *lines = nullptr,
                                       int *unterminatedLine = nullptr);
};

} // namespace models
