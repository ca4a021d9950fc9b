// The CSV writer on arbitrary cells: every line parses back (RFC 4180) to
// the same number of cells with the same text, and no text cell can start a
// spreadsheet formula.

#include "models/export/csvwriter.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

// Minimal RFC 4180 reader for one CRLF-terminated line written by CsvWriter.
QList<QByteArray> parseLine(const QByteArray &line)
{
    QList<QByteArray> cells;
    QByteArray current;
    bool quoted = false;
    qsizetype i = 0;
    const qsizetype end = line.size() - 2; // without CRLF
    while (i < end) {
        const char c = line.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < end && line.at(i + 1) == '"') {
                current += '"';
                i += 2;
                continue;
            }
            if (c == '"') {
                quoted = false;
                ++i;
                continue;
            }
            current += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            cells.append(current);
            current.clear();
        } else {
            current += c;
        }
        ++i;
    }
    cells.append(current);
    return cells;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QStringList cells = input.split(QChar(0x1f));
    QList<bool> numeric;
    for (const QString &c : cells)
        numeric.append(!c.isEmpty() && c.at(0) == u'1');
    const QByteArray line = models::CsvWriter::line(cells, numeric);
    if (!line.endsWith("\r\n"))
        std::abort();
    const QList<QByteArray> back = parseLine(line);
    if (back.size() != cells.size())
        std::abort();
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const QByteArray original = cells.at(i).toUtf8();
        const QByteArray &written = back.at(i);
        // Either the text as given, or the text behind the formula guard.
        if (written != original && written != "'" + original)
            std::abort();
        if (!numeric.at(i) && !written.isEmpty() && QByteArrayView("=+-@\t\r").contains(written.at(0)))
            std::abort();
    }
    return 0;
}
