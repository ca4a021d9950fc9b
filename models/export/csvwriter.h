#pragma once
// RFC 4180 CSV (comma separator, CRLF line ends, fields with a comma, quote
// or line break quoted, quotes doubled) that is safe to open in a
// spreadsheet: a text cell starting with = + - @ tab or CR gets a leading
// apostrophe so it is never evaluated as a formula. Cells marked numeric are
// written as-is when they really are numbers.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace models {

class CsvWriter
{
public:
    explicit CsvWriter(QIODevice *device) : m_device(device) {}

    // One escaped cell (without separator).
    static QByteArray cell(const QString &value, bool numeric = false);
    // One CRLF-terminated line. numeric may be shorter than cells (missing = text).
    static QByteArray line(const QStringList &cells, const QList<bool> &numeric = {});

    bool writeLine(const QStringList &cells, const QList<bool> &numeric = {});

private:
    QIODevice *m_device;
};

} // namespace models
