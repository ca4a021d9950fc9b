#pragma once
// How far a controller's long operation got, as a value a page can show and
// a QSignalSpy can read (entries and pages of an audit load, usage windows,
// exported rows).

#include <QMetaType>
#include <QObject>

namespace models {

struct Progress
{
    Q_GADGET
    Q_PROPERTY(qint64 done MEMBER done)
    Q_PROPERTY(qint64 total MEMBER total)
public:
    qint64 done = 0;
    qint64 total = -1; // -1: unknown

    friend bool operator==(const Progress &, const Progress &) = default;
};

} // namespace models

Q_DECLARE_METATYPE(models::Progress)
