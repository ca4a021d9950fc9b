#include "models/members/emaillistparser.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace models {

namespace {

bool isEmailHeader(const QString &field)
{
    QString h = field.trimmed().toCaseFolded();
    h.remove(u' ').remove(u'_').remove(u'-').remove(u'.');
    return h == QLatin1String("email") || h == QLatin1String("emailaddress") || h == QLatin1String("mail") ||
           h == QLatin1String("useremail") || h == QLatin1String("memberemail") ||
           h == QLatin1String("memberuseremail");
}

void addProblem(EmailListParser::Result *result, const QString &text)
{
    if (!result->problem.isEmpty())
        result->problem += u'\n';
    result->problem += text;
}

// False once the list is over the cap (the entry is not kept).
bool append(EmailListParser::Result *result, const EmailListParser::Entry &entry)
{
    if (result->entries.size() >= EmailListParser::MaxEntries) {
        result->tooMany = true;
        addProblem(result, QObject::tr("Line %1: the list holds more than %L2 addresses, the most one "
                                       "invitation list may hold. Split it and invite each part on its own.")
                               .arg(entry.line)
                               .arg(EmailListParser::MaxEntries));
        return false;
    }
    result->entries.append(entry);
    return true;
}

QChar guessDelimiter(const QString &line)
{
    const qsizetype commas = line.count(u',');
    const qsizetype semicolons = line.count(u';');
    const qsizetype tabs = line.count(u'\t');
    if (tabs > commas && tabs > semicolons)
        return u'\t';
    if (semicolons > commas)
        return u';';
    return u',';
}

} // namespace

QList<QStringList> EmailListParser::parseCsv(const QString &text, QChar delimiter, QList<int> *lines,
                                             int *unterminatedLine)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int recordLine = 1;
    if (unterminatedLine)
        *unterminatedLine = 0;
    // Where the open quoted field began, to parse again from there when the
    // text ends inside it. Each retry starts at a later quote; a text made to
    // need more retries than this keeps its last quote open (as RFC 4180 reads it).
    struct Open
    {
        qsizetype at = 0;
        qsizetype records = 0;
        qsizetype lines = 0;
        QStringList record;
        QString field;
        int line = 0;
        int recordLine = 0;
    };
    std::optional<Open> open;
    qsizetype literalQuote = -1;
    int retries = 0;
    constexpr int kMaxRetries = 64;
    auto endField = [&] {
        record.append(field);
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        const bool blank = record.size() == 1 && record.first().trimmed().isEmpty();
        if (!blank) {
            records.append(record);
            if (lines)
                lines->append(recordLine);
        }
        record.clear();
    };
    for (qsizetype i = 0;; ++i) {
        if (i == text.size()) {
            if (!quoted || !open || retries == kMaxRetries)
                break;
            if (unterminatedLine && *unterminatedLine == 0)
                *unterminatedLine = open->line;
            records.resize(open->records);
            if (lines)
                lines->resize(open->lines);
            record = open->record;
            field = open->field;
            line = open->line;
            recordLine = open->recordLine;
            quoted = false;
            fieldStarted = false;
            literalQuote = open->at;
            i = open->at;
            open.reset();
            ++retries;
        }
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    quoted = false;
                    open.reset();
                }
            } else {
                if (c == u'\n')
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == u'"' && !fieldStarted && i != literalQuote) {
            open = Open{i, records.size(), lines ? lines->size() : 0, record, field, line, recordLine};
            quoted = true;
            fieldStarted = true;
        } else if (c == delimiter) {
            endField();
        } else if (c == u'\r') {
            continue;
        } else if (c == u'\n') {
            endRecord();
            ++line;
            recordLine = line;
        } else {
            field.append(c);
            fieldStarted = true;
        }
    }
    if (fieldStarted || !field.isEmpty() || !record.isEmpty())
        endRecord();
    return records;
}

QString EmailListParser::textFromFile(const QByteArray &bytes)
{
    std::optional<QStringConverter::Encoding> encoding = QStringConverter::encodingForData(bytes);
    if (!encoding && bytes.size() >= 2 && bytes.contains('\0')) {
        // No BOM, but a list of addresses holds no NUL: ASCII as UTF-16.
        if (bytes.at(0) != '\0' && bytes.at(1) == '\0')
            encoding = QStringConverter::Utf16LE;
        else if (bytes.at(0) == '\0' && bytes.at(1) != '\0')
            encoding = QStringConverter::Utf16BE;
    }
    if (encoding && *encoding != QStringConverter::Utf8) {
        QStringDecoder decoder(*encoding);
        const QString text = decoder.decode(bytes);
        if (!decoder.hasError())
            return text;
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8.decode(bytes);
    // Spreadsheet exports are often Latin-1 / Windows-1252: fall back rather than show U+FFFD.
    return utf8.hasError() ? QString::fromLatin1(bytes) : text;
}

EmailListParser::Result EmailListParser::parse(const QString &input)
{
    Result result;
    QString text = input;
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);

    // A header naming an e-mail column makes it a CSV file.
    const QStringList rawLines = text.split(u'\n');
    int headerLine = -1;
    for (int i = 0; i < rawLines.size(); ++i) {
        const QString l = rawLines.at(i).trimmed();
        if (!l.isEmpty() && !l.startsWith(u'#')) {
            headerLine = i;
            break;
        }
    }
    if (headerLine >= 0 && !rawLines.at(headerLine).contains(u'@')) {
        const QString header = rawLines.at(headerLine);
        const QChar delimiter = guessDelimiter(header);
        QList<int> lines;
        int unterminated = 0;
        const QList<QStringList> records =
            parseCsv(rawLines.mid(headerLine).join(u'\n'), delimiter, &lines, &unterminated);
        int column = -1;
        if (!records.isEmpty()) {
            const QStringList &h = records.first();
            for (int c = 0; c < h.size(); ++c) {
                if (isEmailHeader(h.at(c))) {
                    column = c;
                    break;
                }
            }
        }
        if (column >= 0) {
            result.csv = true;
            result.column = records.first().at(column).trimmed();
            if (unterminated > 0)
                addProblem(&result,
                           QObject::tr("Line %1: a quotation mark opens a field that is never closed; "
                                       "it was read as an ordinary character.")
                               .arg(unterminated + headerLine));
            for (int r = 1; r < records.size(); ++r) {
                const QStringList &rec = records.at(r);
                const QString value = column < rec.size() ? rec.at(column).trimmed() : QString();
                // A row without a value is still a row the user expects to see.
                if (!append(&result, {value, lines.at(r) + headerLine}))
                    break;
            }
            return result;
        }
        if (records.size() > 1 && records.first().size() > 1)
            addProblem(&result,
                       QObject::tr("The first line looks like a CSV header but names no e-mail column; "
                                   "each line was read as addresses instead."));
    }

    static const QRegularExpression angle(QStringLiteral("<([^<>]+)>"));
    // Unicode spaces separate too (a no-break space pasted from a web page or a
    // mail client, U+0085 from a Latin-1 file): entries are trimmed as
    // QString::trimmed() sees it.
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"),
                                               QRegularExpression::UseUnicodePropertiesOption);
    for (int i = 0; i < rawLines.size(); ++i) {
        const QString l = rawLines.at(i).trimmed();
        if (l.isEmpty() || l.startsWith(u'#'))
            continue;
        QStringList tokens;
        auto it = angle.globalMatch(l);
        while (it.hasNext())
            tokens.append(it.next().captured(1).trimmed());
        if (tokens.isEmpty()) {
            const QStringList parts = l.split(separators, Qt::SkipEmptyParts);
            QStringList withAt;
            for (const QString &p : parts) {
                QString t = p;
                if (t.size() >= 2 && t.startsWith(u'"') && t.endsWith(u'"'))
                    t = t.mid(1, t.size() - 2).trimmed();
                if (t.contains(u'@'))
                    withAt.append(t);
                tokens.append(t);
            }
            // "Alice Smith alice@x.example": keep the address, not the name words.
            if (!withAt.isEmpty())
                tokens = withAt;
            else
                tokens = QStringList{l};
        }
        for (const QString &t : std::as_const(tokens)) {
            if (!append(&result, {t, i + 1}))
                return result;
        }
    }
    return result;
}

bool EmailListParser::parseInBackground(const QString &text, QObject *context,
                                        std::function<void(const Result &)> done)
{
    if (text.size() <= BackgroundThreshold) {
        done(parse(text));
        return false;
    }
    // The watcher belongs to the context: gone with it, the result goes nowhere.
    auto *watcher = new QFutureWatcher<Result>(context);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, watcher, [watcher, done] {
        const Result result = watcher->result();
        watcher->deleteLater();
        done(result);
    });
    watcher->setFuture(QtConcurrent::run([text] { return parse(text); }));
    return true;
}

bool EmailListParser::isValidEmail(const QString &email)
{
    if (email.isEmpty() || email.size() > 254)
        return false;
    static const QRegularExpression re(QStringLiteral(
        "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
        "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$"));
    if (!re.match(email).hasMatch())
        return false;
    return email.indexOf(u'@') <= 64;
}

} // namespace models
