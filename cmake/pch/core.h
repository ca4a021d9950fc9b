// Precompiled header for Qt Core + Network code: the headers nearly every
// translation unit includes. Only speeds up the build; never relied upon for
// correctness (each file includes what it uses).
#pragma once
#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QVariant>
#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <vector>
