#pragma once
// Fixed light, dark and high-contrast palettes for `orgscope --palette` and View › Theme,
// for desktops whose platform theme does not hand Qt a dark palette, and for
// checking both. "System" is the style and palette the application started with.

#include <QColor>
#include <QPalette>
#include <QString>
#include <optional>

namespace ui {

QPalette darkPalette();
QPalette lightPalette();
// White on black, yellow selection and links (WCAG AAA contrast everywhere,
// disabled text still above 4.5:1); the focus frame is the highlight colour.
QPalette highContrastPalette();

enum class Theme { System, Light, Dark, HighContrast };

// Switches the application to the Fusion style and the named palette
// ("light", "dark" or "high-contrast"); false for any other name.
bool applyPalette(const QString &name);
// Applies a theme to every open window at once; System puts back the
// desktop's style and palette as they were before the first change.
void applyTheme(Theme theme);
// The theme applied last (System until something else is applied).
Theme currentTheme();
// "system", "light", "dark", "high-contrast" (the settings value), and back; nullopt for others.
QString themeName(Theme theme);
std::optional<Theme> themeFromName(const QString &name);

// True when the palette draws light text on a dark background.
bool isDark(const QPalette &palette);

// Red for error text that keeps its contrast on the palette's window colour.
QColor errorTextColor(const QPalette &palette);

} // namespace ui
