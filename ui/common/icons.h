#pragma once
// Action and navigation icons by freedesktop name. The system icon theme wins
// where it has the name; otherwise the bundled line icon from
// resources/icons/actions/ is drawn in the current palette's text colour, so
// it stays visible in light and dark palettes and greys out when disabled.

#include <QIcon>
#include <QStringList>

namespace ui {

QIcon icon(const QString &name);

// The bundled icon alone, ignoring the system theme (null if not bundled).
QIcon bundledIcon(const QString &name);

// Names of every bundled icon, sorted.
QStringList bundledIconNames();

} // namespace ui
