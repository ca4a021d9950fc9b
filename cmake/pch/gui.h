// Precompiled header for models (Qt Gui) code. See core.h.
#pragma once
#include "core.h"
#include <QAbstractItemModel>
#include <QAbstractTableModel>
#include <QColor>
#include <QLocale>
