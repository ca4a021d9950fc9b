#pragma once
// How far a controller's running operation has come, as one value a
// Q_PROPERTY can carry (QSignalSpy reads it through the metatype).

#include <QMetaType>
#include <QtGlobal>

namespace models {

struct Progress
{
    Q_GADGET
    Q_PROPERTY(qint64 done MEMBER done)
    Q_PROPERTY(qint64 total MEMBER total)
public:
    qint64 done = 0;
    qint64 total = -1; // -1: unknown

    bool operator==(const Progress &other) const = default;
};

} // namespace models

Q_DECLARE_METATYPE(models::Progress)
