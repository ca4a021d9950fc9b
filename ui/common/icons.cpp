#include "ui/common/icons.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace ui {

namespace {

const QString kActionsDir = QStringLiteral(":/orgscope/icons/actions/");

// The bundled SVGs draw in `currentColor`; this engine substitutes the palette
// colour for the requested mode at paint time, so an icon created before a
// palette change repaints in the new colours.
class PaletteSvgIconEngine : public QIconEngine
{
public:
    PaletteSvgIconEngine(const QString &name, const QByteArray &svg) : m_name(name), m_svg(svg) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, dpr));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        const QColor color = colorFor(mode);
        const QSize pixels = size * scale;
        const QString key = QStringLiteral("orgscope-icon/") % m_name % u'/' %
                            QString::number(pixels.width()) % u'x' % QString::number(pixels.height()) % u'/' %
                            color.name(QColor::HexArgb);
        QPixmap pm;
        if (QPixmapCache::find(key, &pm))
            return pm;
        QByteArray svg = m_svg;
        svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
        QSvgRenderer renderer(svg);
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter p(&image);
            p.setOpacity(color.alphaF());
            renderer.render(&p, QRectF(QPointF(0, 0), QSizeF(pixels)));
        }
        pm = QPixmap::fromImage(std::move(image));
        pm.setDevicePixelRatio(scale);
        QPixmapCache::insert(key, pm);
        return pm;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QString iconName() override { return m_name; }
    QString key() const override { return QStringLiteral("orgscope-palette-svg"); }
    QIconEngine *clone() const override { return new PaletteSvgIconEngine(m_name, m_svg); }
    bool isNull() override { return m_svg.isEmpty(); }

    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        return {QSize(16, 16), QSize(22, 22), QSize(24, 24), QSize(32, 32), QSize(48, 48)};
    }

private:
    static QColor colorFor(QIcon::Mode mode)
    {
        const QPalette palette = QGuiApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        case QIcon::Selected:
            return palette.color(QPalette::Active, QPalette::HighlightedText);
        case QIcon::Normal:
        case QIcon::Active:
            break;
        }
        return palette.color(QPalette::Active, QPalette::WindowText);
    }

    QString m_name;
    QByteArray m_svg;
};

} // namespace

QIcon bundledIcon(const QString &name)
{
    QFile file(kActionsDir + name + QStringLiteral(".svg"));
    if (name.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return QIcon(new PaletteSvgIconEngine(name, file.readAll()));
}

QIcon icon(const QString &name)
{
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    return bundledIcon(name);
}

QStringList bundledIconNames()
{
    QStringList names;
    const QStringList files = QDir(kActionsDir).entryList({QStringLiteral("*.svg")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        names << file.chopped(4);
    return names;
}

} // namespace ui
