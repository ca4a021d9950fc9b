#pragma once
// What the local filter and sort of the audit table ask for. Plain values so
// a copy can travel to a worker thread with a snapshot.

#include "models/audit/auditenums.h"

#include <QSet>
#include <QString>
#include <QtCore/qnamespace.h>
#include <array>
#include <limits>

namespace models {

struct AuditFilterSpec
{
    // Values as AuditSnapshot::filterValue() gives them. A non-empty include
    // set keeps only those values; the exclude set drops its values.
    struct ValueSet
    {
        QSet<QString> include;
        QSet<QString> exclude;
        bool isEmpty() const { return include.isEmpty() && exclude.isEmpty(); }
        friend bool operator==(const ValueSet &, const ValueSet &) = default;
    };

    static constexpr qint64 kNoLimit = std::numeric_limits<qint64>::max();

    // Case-insensitive substring of any column except Time, or of the entry
    // id, Ray ID, actor e-mail / id or token name.
    QString text;
    // Time range [fromMs, toMs).
    qint64 fromMs = -kNoLimit;
    qint64 toMs = kNoLimit;
    std::array<ValueSet, kAuditColumnCount> columns;

    bool hasTimeRange() const { return fromMs != -kNoLimit || toMs != kNoLimit; }
    bool isEmpty() const
    {
        for (const ValueSet &v : columns)
            if (!v.isEmpty())
                return false;
        return text.trimmed().isEmpty() && !hasTimeRange();
    }
    friend bool operator==(const AuditFilterSpec &, const AuditFilterSpec &) = default;
};

struct AuditSortSpec
{
    int column = -1; // -1: arrival order
    Qt::SortOrder order = Qt::AscendingOrder;
    bool isNatural() const { return column < 0 || column >= kAuditColumnCount; }
    friend bool operator==(const AuditSortSpec &, const AuditSortSpec &) = default;
};

} // namespace models
