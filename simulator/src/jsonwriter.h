#pragma once
// Writes compact JSON text straight into a byte buffer. The simulator builds
// hundreds of thousands of audit entries at start-up; going through
// QJsonDocument for each one would cost seconds, this costs a memcpy.

#include <QByteArray>
#include <QString>
#include <QVarLengthArray>
#include <string_view>

namespace sim {

class JsonWriter
{
public:
    explicit JsonWriter(QByteArray &out) : m_out(out) {}

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(std::string_view name);

    JsonWriter &value(std::string_view text);
    JsonWriter &value(const char *text) { return value(std::string_view(text)); }
    JsonWriter &value(const QByteArray &text)
    {
        return value(std::string_view(text.constData(), size_t(text.size())));
    }
    JsonWriter &value(const QString &text) { return value(text.toUtf8()); }
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    JsonWriter &value(double number);
    JsonWriter &value(bool flag);
    JsonWriter &null();
    // An RFC 3339 UTC timestamp string, written without temporaries.
    JsonWriter &time(qint64 msecs, bool withMillis = false);
    // Pre-serialized JSON (an object, array or scalar) inserted as one value.
    JsonWriter &raw(const QByteArray &json);

    // Shorthands for "key": value.
    template <typename T> JsonWriter &field(std::string_view name, const T &v) { return key(name).value(v); }
    JsonWriter &nullField(std::string_view name) { return key(name).null(); }

    // A string value made of hex digits of (hi, lo): ids without temporaries.
    JsonWriter &hexValue(quint64 hi, quint64 lo, int digits);

    static void appendEscaped(QByteArray &out, std::string_view text);

private:
    void separator();
    bool takeComma(); // like separator() but reports the comma instead of writing it
    static bool needsEscaping(std::string_view text);

    QByteArray &m_out;
    QVarLengthArray<bool, 16> m_first; // per open container: no element written yet
    bool m_afterKey = false;
};

} // namespace sim
