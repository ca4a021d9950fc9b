#include "ui/common/palettes.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace ui {

QPalette darkPalette()
{
    QPalette p;
    const QColor text(0xe4, 0xe6, 0xea);
    const QColor disabledText(0x7c, 0x80, 0x86);
    p.setColor(QPalette::Window, QColor(0x2a, 0x2c, 0x30));
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8e, 0x92, 0x99));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x70, 0x66));
    p.setColor(QPalette::Light, QColor(0x4b, 0x4f, 0x55));
    p.setColor(QPalette::Midlight, QColor(0x3f, 0x42, 0x48));
    p.setColor(QPalette::Mid, QColor(0x30, 0x32, 0x36));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1e));
    p.setColor(QPalette::Shadow, QColor(0x0b, 0x0b, 0x0c));
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xd4));
    p.setColor(QPalette::HighlightedText, QColor(0xff, 0xff, 0xff));
    p.setColor(QPalette::Link, QColor(0x7e, 0xb2, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb8, 0x9c, 0xf0));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x45, 0x48, 0x4e));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Base, QColor(0x25, 0x27, 0x2a));
    return p;
}

QPalette highContrastPalette()
{
    QPalette p;
    const QColor black(Qt::black);
    const QColor white(Qt::white);
    const QColor yellow(0xff, 0xff, 0x00);
    for (QPalette::ColorRole role :
         {QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::Button, QPalette::ToolTipBase,
          QPalette::Mid, QPalette::Dark, QPalette::Shadow})
        p.setColor(role, black);
    for (QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText,
          QPalette::BrightText, QPalette::Light, QPalette::Midlight})
        p.setColor(role, white);
    p.setColor(QPalette::AlternateBase, QColor(0x1a, 0x1a, 0x1a));
    p.setColor(QPalette::PlaceholderText, QColor(0xc8, 0xc8, 0xc8));
    p.setColor(QPalette::Highlight, yellow);
    p.setColor(QPalette::HighlightedText, black);
    p.setColor(QPalette::Link, QColor(0x80, 0xd8, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xff, 0xa8, 0xff));
    const QColor disabled(0xa0, 0xa0, 0xa0);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x60, 0x60, 0x60));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, white);
    return p;
}

QPalette lightPalette()
{
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    const QPalette p = fusion ? fusion->standardPalette() : QPalette();
    delete fusion;
    return p;
}

namespace {

struct SystemTheme
{
    bool captured = false;
    QString style;
    QPalette palette;
};

SystemTheme &systemTheme()
{
    static SystemTheme theme;
    return theme;
}

Theme &appliedTheme()
{
    static Theme theme = Theme::System;
    return theme;
}

} // namespace

bool applyPalette(const QString &name)
{
    const std::optional<Theme> theme = themeFromName(name);
    if (!theme || *theme == Theme::System)
        return false;
    applyTheme(*theme);
    return true;
}

void applyTheme(Theme theme)
{
    SystemTheme &system = systemTheme();
    if (!system.captured) {
        system.captured = true;
        system.style = QApplication::style()->name();
        system.palette = QApplication::palette();
    }
    appliedTheme() = theme;
    if (theme == Theme::System) {
        QApplication::setStyle(system.style);
        QApplication::setPalette(system.palette);
        return;
    }
    // The native styles draw parts of their controls from the desktop theme,
    // not from the palette; Fusion draws everything from the palette.
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(theme == Theme::Dark           ? darkPalette()
                             : theme == Theme::HighContrast ? highContrastPalette()
                                                            : lightPalette());
}

Theme currentTheme()
{
    return appliedTheme();
}

QString themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::HighContrast:
        return QStringLiteral("high-contrast");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<Theme> themeFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("light"))
        return Theme::Light;
    if (n == QLatin1String("dark"))
        return Theme::Dark;
    if (n == QLatin1String("high-contrast") || n == QLatin1String("highcontrast"))
        return Theme::HighContrast;
    if (n == QLatin1String("system"))
        return Theme::System;
    return std::nullopt;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor errorTextColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1c, 0x1c);
}

} // namespace ui
