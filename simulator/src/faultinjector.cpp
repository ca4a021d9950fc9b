#include "faultinjector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace sim {

namespace {
struct KindName
{
    const char *name;
    FaultKind kind;
};
constexpr KindName kindNames[] = {
    {"429", FaultKind::TooManyRequests}, {"500", FaultKind::InternalError},
    {"502", FaultKind::BadGateway},      {"503", FaultKind::Unavailable},
    {"reset", FaultKind::Reset},         {"reset-after-write", FaultKind::ResetAfterWrite},
    {"truncate", FaultKind::Truncate},   {"nonjson", FaultKind::NonJson},
    {"stall", FaultKind::Stall},         {"408", FaultKind::RequestTimeout},
    {"409", FaultKind::Conflict},        {"malformed", FaultKind::Malformed},
};
} // namespace

const char *FaultInjector::name(FaultKind kind)
{
    for (const auto &k : kindNames) {
        if (k.kind == kind)
            return k.name;
    }
    return "none";
}

bool FaultInjector::parseInto(const QString &spec, QList<Rate> &rates, int &latencyMs, QString &error)
{
    double total = 0;
    for (const QString &rawItem : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString item = rawItem.trimmed();
        const qsizetype colon = item.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            error = QStringLiteral("expected KIND:VALUE, got '%1'").arg(item);
            return false;
        }
        const QString kind = item.left(colon);
        const QString value = item.mid(colon + 1);
        if (kind == QLatin1String("latency")) {
            static const QRegularExpression re(QStringLiteral("^(\\d+(?:\\.\\d+)?)(ms|s)?$"));
            const auto m = re.match(value);
            if (!m.hasMatch()) {
                error = QStringLiteral("latency: expected e.g. 50ms or 0.2s, got '%1'").arg(value);
                return false;
            }
            const double n = m.captured(1).toDouble();
            latencyMs = int(m.captured(2) == QLatin1String("s") ? n * 1000.0 : n);
            continue;
        }
        FaultKind found = FaultKind::None;
        for (const auto &k : kindNames) {
            if (kind == QLatin1String(k.name))
                found = k.kind;
        }
        if (found == FaultKind::None) {
            error =
                QStringLiteral(
                    "unknown fault kind '%1' (known: 408, 409, 429, 500, 502, 503, reset, reset-after-write, "
                    "truncate, nonjson, malformed, stall, latency)")
                    .arg(kind);
            return false;
        }
        bool ok = false;
        const double p = value.toDouble(&ok);
        if (!ok || p < 0.0 || p > 1.0) {
            error = QStringLiteral("%1: rate must be a number in 0..1, got '%2'").arg(kind, value);
            return false;
        }
        total += p;
        rates.append({found, p});
    }
    if (total > 1.0 + 1e-9) {
        error = QStringLiteral("the fault rates add up to more than 1");
        return false;
    }
    return true;
}

bool FaultInjector::parseSpec(const QString &spec, QString &error)
{
    QList<Rate> rates;
    int latency = 0;
    return parseInto(spec, rates, latency, error);
}

bool FaultInjector::configure(const QString &spec, quint64 seed, QString &error)
{
    m_rates.clear();
    m_latencyMs = 0;
    m_dice = Random(seed);
    return parseInto(spec, m_rates, m_latencyMs, error);
}

bool FaultInjector::isWrite(const QByteArray &method)
{
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

FaultKind FaultInjector::roll(const QByteArray &method)
{
    if (m_rates.isEmpty())
        return FaultKind::None;
    const double u = m_dice.uniform();
    double acc = 0;
    for (const Rate &r : m_rates) {
        acc += r.probability;
        if (u < acc)
            return r.kind == FaultKind::ResetAfterWrite && !isWrite(method) ? FaultKind::None : r.kind;
    }
    return FaultKind::None;
}

OpaqueErrorCodes::OpaqueErrorCodes(quint64 seed) : m_dice(seed) {}

bool OpaqueErrorCodes::isInvented(int code)
{
    // REFERENCE §8.3 (1001-1010) and the simulated faults (1100-1105).
    return (code >= 1001 && code <= 1010) || (code >= 1100 && code <= 1105);
}

int OpaqueErrorCodes::codeFor(int code)
{
    if (!isInvented(code))
        return code;
    const auto it = m_codes.constFind(code);
    if (it != m_codes.cend())
        return *it;
    int scrambled = 0;
    do {
        scrambled = 20000 + int(m_dice.uniform() * 70000.0);
    } while (m_used.contains(scrambled) || isInvented(scrambled));
    m_used.insert(scrambled);
    m_codes.insert(code, scrambled);
    return scrambled;
}

QByteArray OpaqueErrorCodes::rewrite(const QByteArray &body)
{
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return body;
    QJsonObject root = doc.object();
    const QJsonValue errorsValue = root.value(QStringLiteral("errors"));
    if (!errorsValue.isArray())
        return body;
    QJsonArray errors = errorsValue.toArray();
    bool changed = false;
    for (qsizetype i = 0; i < errors.size(); ++i) {
        QJsonObject item = errors.at(i).toObject();
        const int code = item.value(QStringLiteral("code")).toInt();
        if (!isInvented(code))
            continue;
        const int scrambled = codeFor(code);
        item.insert(QStringLiteral("code"), scrambled);
        // Reworded so that no client keys on the text either; a field path stays in source.pointer.
        item.insert(
            QStringLiteral("message"),
            QStringLiteral("The request could not be completed (simulator reference %1)").arg(scrambled));
        errors.replace(i, item);
        changed = true;
    }
    if (!changed)
        return body;
    root.insert(QStringLiteral("errors"), errors);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

} // namespace sim
