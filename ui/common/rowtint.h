#pragma once
// The tint of rows that report a failure (failed audit entries), chosen per
// palette: a translucent red in light and dark, and in high contrast an
// opaque light red under black text, which a black base would otherwise
// swallow (at least 3:1 against the base, 7:1 for the text on it).

#include <QColor>
#include <QPalette>

namespace ui {

// WCAG 2 contrast ratio of two opaque colours, 1 to 21.
double contrastRatio(const QColor &a, const QColor &b);

struct RowTint
{
    QColor background; // may be translucent: painted over the row's base
    QColor text;       // invalid: keep the model's
};
RowTint failedRowTint(const QPalette &palette);

} // namespace ui
