#include "ui/common/rowtint.h"

#include <algorithm>
#include <cmath>

namespace ui {

namespace {
double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
} // namespace

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

RowTint failedRowTint(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    // A high-contrast palette: a faint tint would vanish into its base.
    if (contrastRatio(base, text) >= 15) {
        const bool darkBase = base.lightness() < 128;
        return darkBase ? RowTint{QColor(0xff, 0x9e, 0x94), QColor(Qt::black)}
                        : RowTint{QColor(0xa3, 0x00, 0x00), QColor(Qt::white)};
    }
    QColor tint(0xe0, 0x40, 0x30);
    const bool dark = base.lightness() < 128;
    tint.setAlphaF(dark ? 0.28f : 0.13f);
    // The model's dark red is hard to read on a dark base.
    return {tint, dark ? QColor(0xff, 0x8a, 0x80) : QColor()};
}

} // namespace ui
