#include "models/export/recordexporter.h"

#include <QIODevice>

namespace models {

bool RecordExporter::write(const QByteArray &bytes)
{
    if (m_ok && (!m_device || m_device->write(bytes) != bytes.size()))
        m_ok = false;
    return m_ok;
}

bool RecordExporter::begin(const QStringList &headers)
{
    if (m_format == Format::Json)
        return write("[");
    return write(CsvWriter::line(headers));
}

bool RecordExporter::addRow(const QStringList &cells, const QList<bool> &numeric, const QByteArray &rawJson)
{
    ++m_rows;
    if (m_format == Format::Json)
        return write((m_rows > 1 ? ",\n" : "\n") + (rawJson.isEmpty() ? QByteArray("{}") : rawJson));
    return write(CsvWriter::line(cells, numeric));
}

bool RecordExporter::finish()
{
    if (m_format == Format::Json)
        write(m_rows > 0 ? "\n]\n" : "]\n");
    return m_ok;
}

} // namespace models
