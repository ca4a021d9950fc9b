#pragma once
// RFC 4180 CSV text (CRLF line ends, fields quoted when needed) with a guard
// against formula injection: a cell that a spreadsheet would run as a
// formula (= + - @ tab CR at its start) is prefixed with a single quote.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace models {

class CsvWriter
{
public:
    void addRow(const QStringList &fields);
    QByteArray data() const { return m_data; } // UTF-8
    int rowCount() const { return m_rows; }

    static QString field(const QString &value);

private:
    QByteArray m_data;
    int m_rows = 0;
};

} // namespace models
