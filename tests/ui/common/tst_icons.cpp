// ui::icon() without a system icon theme: every name the sources ask for has a
// bundled SVG, and the bundled icons follow the palette (light, dark, disabled).

#include "ui/common/icons.h"
#include "ui/common/palettes.h"

#include <QApplication>
#include <QDirIterator>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QPixmap>
#include <QRegularExpression>
#include <QSet>
#include <QStyle>
#include <QSvgRenderer>
#include <QTest>

namespace {

QStringList sourceFiles()
{
    QStringList files;
    for (const char *dir : {"ui", "app"}) {
        QDirIterator it(QStringLiteral(ORGSCOPE_SOURCE_DIR "/") + QLatin1String(dir),
                        {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    files.sort();
    return files;
}

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

// The argument text of the call whose opening parenthesis is at `open`.
QString callArgument(const QString &text, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < text.size(); ++i) {
        if (text.at(i) == u'(')
            ++depth;
        else if (text.at(i) == u')' && --depth == 0)
            return text.mid(open + 1, i - open - 1);
    }
    return {};
}

// Every literal icon name handed to ui::icon(), directly, through a variable
// called iconName, or through Page::iconName().
QSet<QString> namesUsedBySources()
{
    static const QRegularExpression call(QStringLiteral(R"((?<![\w.>:])(?:ui::)?icon\()"));
    static const QRegularExpression literal(QStringLiteral(R"|(QStringLiteral\("([^"]+)"\))|"));
    static const QRegularExpression named(
        QStringLiteral(R"|(iconName(?:\(\) const override \{ return| =) QStringLiteral\("([^"]+)"\))|"));
    QSet<QString> names;
    for (const QString &file : sourceFiles()) {
        if (file.endsWith(QLatin1String("/ui/common/icons.cpp")))
            continue;
        const QString text = readAll(file);
        for (auto m = call.globalMatch(text); m.hasNext();) {
            const QString arg = callArgument(text, m.next().capturedEnd() - 1);
            for (auto l = literal.globalMatch(arg); l.hasNext();)
                names.insert(l.next().captured(1));
        }
        for (auto m = named.globalMatch(text); m.hasNext();)
            names.insert(m.next().captured(1));
    }
    return names;
}

// Colour of the most opaque pixel: the icon's stroke colour.
QColor strokeColor(const QPixmap &pixmap)
{
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    QColor best(Qt::transparent);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.alpha() > best.alpha())
                best = c;
        }
    return best;
}

int opaquePixels(const QPixmap &pixmap)
{
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += qAlpha(image.pixel(x, y)) > 128;
    return n;
}

} // namespace

class TestIcons : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // As on a machine without any icon theme: only the bundled set can answer.
        QIcon::setThemeSearchPaths({});
        QIcon::setFallbackSearchPaths({});
        QIcon::setThemeName(QStringLiteral("orgscope-no-such-theme"));
        QVERIFY(!QIcon::hasThemeIcon(QStringLiteral("edit-copy")));
    }

    void cleanup() { QApplication::setPalette(ui::lightPalette()); }

    void sourcesUseOnlyTheHelper()
    {
        static const QRegularExpression direct(QStringLiteral(R"(QIcon::fromTheme\(|standardIcon\()"));
        QStringList offenders;
        for (const QString &file : sourceFiles())
            if (!file.endsWith(QLatin1String("/ui/common/icons.cpp")) && readAll(file).contains(direct))
                offenders << file;
        QVERIFY2(offenders.isEmpty(),
                 qPrintable(QStringLiteral("use ui::icon() instead in: ") + offenders.join(u' ')));
    }

    void everyUsedNameResolvesWithoutATheme()
    {
        const QSet<QString> used = namesUsedBySources();
        // The scan itself must keep finding the calls it is meant to check.
        for (const char *known :
             {"edit-copy", "view-refresh", "document-export", "list-add-user", "folder", "system-users",
              "document-open-recent", "office-chart-bar", "dialog-warning", "object-select", "window-close"})
            QVERIFY2(used.contains(QLatin1String(known)), known);
        QVERIFY(used.size() >= 25);

        const QStringList bundled = ui::bundledIconNames();
        for (const QString &name : used) {
            QVERIFY2(bundled.contains(name), qPrintable(QStringLiteral("no SVG for ") + name));
            const QIcon icon = ui::icon(name);
            QVERIFY2(!icon.isNull(), qPrintable(name));
            QVERIFY2(opaquePixels(icon.pixmap(16, 16)) > 8, qPrintable(QStringLiteral("blank: ") + name));
        }
        QVERIFY(ui::icon(QStringLiteral("orgscope-no-such-icon")).isNull());
        QVERIFY(ui::icon(QString()).isNull());
    }

    void bundledSvgsAreSixteenPixelLineIcons()
    {
        const QStringList names = ui::bundledIconNames();
        QVERIFY(names.size() >= 25);
        for (const QString &name : names) {
            QFile file(QStringLiteral(":/orgscope/icons/actions/") + name + QStringLiteral(".svg"));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray svg = file.readAll();
            QSvgRenderer renderer(svg);
            QVERIFY2(renderer.isValid(), qPrintable(name));
            QCOMPARE(renderer.viewBoxF(), QRectF(0, 0, 16, 16));
            // Status icons carry their own colours; every other one follows the palette.
            if (!name.startsWith(QLatin1String("dialog-")) || name == QLatin1String("dialog-cancel") ||
                name == QLatin1String("dialog-question"))
                QVERIFY2(svg.contains("stroke=\"currentColor\"") && svg.contains("stroke-width=\"1.5\""),
                         qPrintable(name));
        }
    }

    void followsLightAndDarkPalettes()
    {
        // One icon object across a palette switch: colours are chosen when drawn.
        QApplication::setPalette(ui::lightPalette());
        const QIcon icon = ui::icon(QStringLiteral("edit-copy"));
        const QColor onLight = strokeColor(icon.pixmap(32, 32));
        QVERIFY2(onLight.lightness() < 80, qPrintable(onLight.name()));

        QApplication::setPalette(ui::darkPalette());
        const QColor onDark = strokeColor(icon.pixmap(32, 32));
        QVERIFY2(onDark.lightness() > 180, qPrintable(onDark.name()));
        QCOMPARE(onDark.rgb(), ui::darkPalette().color(QPalette::WindowText).rgb());

        const QColor disabled = strokeColor(icon.pixmap(32, 32, QIcon::Disabled));
        QCOMPARE(disabled.rgb(), ui::darkPalette().color(QPalette::Disabled, QPalette::WindowText).rgb());
        QVERIFY(disabled.lightness() < onDark.lightness() - 40);

        const QColor selected = strokeColor(icon.pixmap(32, 32, QIcon::Selected));
        QCOMPARE(selected.rgb(), ui::darkPalette().color(QPalette::HighlightedText).rgb());
    }

    void statusIconsKeepTheirColours()
    {
        QApplication::setPalette(ui::darkPalette());
        const QColor error = strokeColor(ui::icon(QStringLiteral("dialog-error")).pixmap(32, 32));
        QVERIFY2(error.red() > 150 && error.green() < 100, qPrintable(error.name()));
    }

    void paletteOption()
    {
        QVERIFY(!ui::applyPalette(QStringLiteral("blue")));
        QVERIFY(ui::applyPalette(QStringLiteral("dark")));
        QCOMPARE(QApplication::style()->name(), QStringLiteral("fusion"));
        QVERIFY(ui::isDark(QApplication::palette()));
        QVERIFY(ui::errorTextColor(QApplication::palette()).lightness() > 150);
        QVERIFY(ui::applyPalette(QStringLiteral("Light")));
        QVERIFY(!ui::isDark(QApplication::palette()));
        QVERIFY(ui::errorTextColor(QApplication::palette()).lightness() < 110);
    }
};

QTEST_MAIN(TestIcons)
#include "tst_icons.moc"
