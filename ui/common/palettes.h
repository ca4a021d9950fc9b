#pragma once
// Fixed light and dark palettes for `orgscope --palette`, for desktops whose
// platform theme does not hand Qt a dark palette, and for checking both.

#include <QColor>
#include <QPalette>
#include <QString>

namespace ui {

QPalette darkPalette();
QPalette lightPalette();

// Switches the application to the Fusion style and the named palette
// ("light" or "dark"); false for any other name.
bool applyPalette(const QString &name);

// True when the palette draws light text on a dark background.
bool isDark(const QPalette &palette);

// Red for error text that keeps its contrast on the palette's window colour.
QColor errorTextColor(const QPalette &palette);

} // namespace ui
