// Precompiled header for Qt Test executables. See core.h.
#pragma once
#include "widgets.h"
#include <QSignalSpy>
#include <QTest>
