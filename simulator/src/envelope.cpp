#include "envelope.h"

#include "jsonwriter.h"

namespace sim {

QByteArray Envelope::success(const QByteArray &resultJson, const QByteArray &resultInfoJson,
                             const QByteArray &messagesJson)
{
    QByteArray out;
    out.reserve(resultJson.size() + resultInfoJson.size() + 96);
    out += "{\"success\":true,\"errors\":[],\"messages\":";
    out += messagesJson;
    out += ",\"result\":";
    out += resultJson;
    if (!resultInfoJson.isEmpty()) {
        out += ",\"result_info\":";
        out += resultInfoJson;
    }
    out += '}';
    return out;
}

HttpResponse Envelope::error(const ApiError &e)
{
    QByteArray out;
    JsonWriter w(out);
    w.beginObject().field("success", false).key("errors").beginArray().beginObject();
    if (e.code != 0)
        w.field("code", e.code);
    w.field("message", e.message);
    if (!e.pointer.isEmpty())
        w.key("source").beginObject().field("pointer", e.pointer).endObject();
    w.endObject().endArray().key("messages").beginArray().endArray().nullField("result").endObject();
    return HttpResponse::json(e.status, out);
}

HttpResponse Envelope::error(int status, int code, const QString &message)
{
    return error(ApiError{status, code, message, {}});
}

HttpResponse Envelope::auditError(int status, const QString &message)
{
    QByteArray out;
    JsonWriter w(out);
    w.beginObject()
        .field("success", false)
        .key("errors")
        .beginArray()
        .beginObject()
        .field("message", message);
    w.endObject().endArray().key("messages").beginArray().endArray().endObject();
    return HttpResponse::json(status, out);
}

HttpResponse Envelope::usageError(int status, int code, const QString &message)
{
    return error(ApiError{status, code, message, {}});
}

} // namespace sim
