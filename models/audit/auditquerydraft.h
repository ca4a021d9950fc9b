#pragma once
// The server side of the next audit query as the query bar shows it: a time
// range (a preset, or a custom from/to) and filter rows, each "is" or "is
// not" with one or more values. It lives below the widgets so the
// controller can change it ("show this member's activity", "filter to this
// value") and the bar only renders it.

#include "api/auditquery.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <utility>

namespace models {

struct AuditQueryDraft
{
    Q_GADGET
public:
    enum class Preset { LastHour, Last24Hours, Last7Days, Last30Days, Last90Days, Last18Months, Custom };
    Q_ENUM(Preset)

    struct Filter
    {
        QString wireKey; // api::AuditQuery::fields()
        QStringList values;
        bool exclude = false;
        bool pending = true; // added or changed since the last Run
        friend bool operator==(const Filter &, const Filter &) = default;
    };

    Preset preset = Preset::Last30Days;
    qint64 fromMs = 0; // the custom range, [fromMs, toMs)
    qint64 toMs = 0;
    QList<Filter> filters;

    friend bool operator==(const AuditQueryDraft &, const AuditQueryDraft &) = default;

    // A preset range ends "now": a Refresh can extend what it loaded.
    bool isLive() const { return preset != Preset::Custom; }
    // [from, to) at nowMs.
    std::pair<qint64, qint64> range(qint64 nowMs) const;
    // The query for a Run at nowMs: since/before from the range, every filter row.
    api::AuditQuery query(qint64 nowMs) const;

    void setCustomRange(qint64 from, qint64 to);
    // Adds a value to the row for key and mode (creating it) and marks the row pending.
    void addFilter(const QString &wireKey, const QString &value, bool exclude);
    // Marks every row as used by the query that just started.
    void markApplied();

    static qint64 presetSpanMs(Preset preset);
    // Entries logged while a query runs still count as "now".
    static constexpr qint64 kBeforeSlackMs = 60 * 1000;
};

} // namespace models

Q_DECLARE_METATYPE(models::AuditQueryDraft)
