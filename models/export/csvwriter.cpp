#include "models/export/csvwriter.h"

#include <QIODevice>

namespace models {

namespace {
bool looksNumeric(const QString &value)
{
    bool ok = false;
    value.toDouble(&ok);
    return ok && !value.contains(QLatin1Char(' '));
}
} // namespace

QByteArray CsvWriter::cell(const QString &value, bool numeric)
{
    QString text = value;
    if (!text.isEmpty() && !(numeric && looksNumeric(text))) {
        const QChar first = text.front();
        if (first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-') ||
            first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r'))
            text.prepend(QLatin1Char('\''));
    }
    const bool quote = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
                       text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
    if (!quote)
        return text.toUtf8();
    text.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return '"' + text.toUtf8() + '"';
}

QByteArray CsvWriter::line(const QStringList &cells, const QList<bool> &numeric)
{
    QByteArray out;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out += ',';
        out += cell(cells.at(i), numeric.value(i, false));
    }
    out += "\r\n";
    return out;
}

bool CsvWriter::writeLine(const QStringList &cells, const QList<bool> &numeric)
{
    const QByteArray bytes = line(cells, numeric);
    return m_device && m_device->write(bytes) == bytes.size();
}

} // namespace models
