#include "jsonwriter.h"

#include "random.h"
#include "timeutil.h"

#include <cstring>

#include <charconv>
#include <cmath>

namespace sim {

void JsonWriter::separator()
{
    if (takeComma())
        m_out.append(',');
}

bool JsonWriter::takeComma()
{
    if (m_afterKey) {
        m_afterKey = false;
        return false;
    }
    if (m_first.isEmpty())
        return false;
    if (m_first.last()) {
        m_first.last() = false;
        return false;
    }
    return true;
}

bool JsonWriter::needsEscaping(std::string_view text)
{
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == '"' || c == '\\')
            return true;
    }
    return false;
}

JsonWriter &JsonWriter::hexValue(quint64 hi, quint64 lo, int digits)
{
    char buf[40];
    int n = 0;
    if (takeComma())
        buf[n++] = ',';
    buf[n++] = '"';
    if (digits > 16) {
        Random::writeHex(buf + n, hi, digits - 16);
        n += digits - 16;
        Random::writeHex(buf + n, lo, 16);
        n += 16;
    } else {
        Random::writeHex(buf + n, lo, digits);
        n += digits;
    }
    buf[n++] = '"';
    m_out.append(buf, n);
    return *this;
}

JsonWriter &JsonWriter::beginObject()
{
    separator();
    m_out.append('{');
    m_first.append(true);
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    m_first.removeLast();
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separator();
    m_out.append('[');
    m_first.append(true);
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.append(']');
    m_first.removeLast();
    return *this;
}

JsonWriter &JsonWriter::key(std::string_view name)
{
    // Hot path of start-up: one append per key.
    if (name.size() < 120 && !needsEscaping(name)) {
        char buf[128];
        int n = 0;
        if (takeComma())
            buf[n++] = ',';
        buf[n++] = '"';
        std::memcpy(buf + n, name.data(), name.size());
        n += int(name.size());
        buf[n++] = '"';
        buf[n++] = ':';
        m_out.append(buf, n);
    } else {
        separator();
        appendEscaped(m_out, name);
        m_out.append(':');
    }
    m_afterKey = true;
    return *this;
}

JsonWriter &JsonWriter::value(std::string_view text)
{
    if (text.size() < 250 && !needsEscaping(text)) {
        char buf[256];
        int n = 0;
        if (takeComma())
            buf[n++] = ',';
        buf[n++] = '"';
        std::memcpy(buf + n, text.data(), text.size());
        n += int(text.size());
        buf[n++] = '"';
        m_out.append(buf, n);
        return *this;
    }
    separator();
    appendEscaped(m_out, text);
    return *this;
}

JsonWriter &JsonWriter::value(qint64 number)
{
    separator();
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, number);
    m_out.append(buf, int(res.ptr - buf));
    return *this;
}

JsonWriter &JsonWriter::value(double number)
{
    separator();
    if (!std::isfinite(number)) {
        m_out.append("null");
        return *this;
    }
    char buf[40];
    const auto res = std::to_chars(buf, buf + sizeof buf, number);
    m_out.append(buf, int(res.ptr - buf));
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separator();
    m_out.append(flag ? "true" : "false");
    return *this;
}

JsonWriter &JsonWriter::null()
{
    separator();
    m_out.append("null");
    return *this;
}

JsonWriter &JsonWriter::time(qint64 msecs, bool withMillis)
{
    separator();
    m_out.append('"');
    TimeUtil::appendRfc3339(m_out, msecs, withMillis);
    m_out.append('"');
    return *this;
}

JsonWriter &JsonWriter::raw(const QByteArray &json)
{
    separator();
    m_out.append(json);
    return *this;
}

void JsonWriter::appendEscaped(QByteArray &out, std::string_view text)
{
    static const char hexDigits[] = "0123456789abcdef";
    out.append('"');
    const char *begin = text.data();
    const char *end = begin + text.size();
    const char *run = begin;
    for (const char *p = begin; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, int(p - run));
        run = p + 1;
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        case '\b':
            out.append("\\b");
            break;
        case '\f':
            out.append("\\f");
            break;
        default: {
            const char esc[] = {'\\', 'u', '0', '0', hexDigits[c >> 4], hexDigits[c & 0xf]};
            out.append(esc, 6);
        }
        }
    }
    out.append(run, int(end - run));
    out.append('"');
}

} // namespace sim
