#include "ui/common/thememenu.h"

#include "models/settings/appsettings.h"
#include "ui/common/palettes.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>

namespace ui {

namespace {
const QString kThemeKey = QStringLiteral("view/theme");

// The texts keep the main window's translation context.
QString tr(const char *text)
{
    return QCoreApplication::translate("ui::MainWindow", text);
}
} // namespace

QMenu *addThemeMenu(QMenu *viewMenu, models::AppSettings *settings)
{
    QMenu *theme = viewMenu->addMenu(tr("&Theme"));
    theme->setObjectName(QStringLiteral("menuTheme"));
    auto *group = new QActionGroup(theme);
    group->setExclusive(true);
    const struct
    {
        Theme theme;
        QString text;
        const char *name;
    } choices[] = {{Theme::System, tr("&System"), "actionThemeSystem"},
                   {Theme::Light, tr("&Light"), "actionThemeLight"},
                   {Theme::Dark, tr("&Dark"), "actionThemeDark"},
                   {Theme::HighContrast, tr("&High contrast"), "actionThemeHighContrast"}};
    // --palette on the command line wins for this session; otherwise the remembered choice applies.
    if (currentTheme() == Theme::System) {
        const std::optional<Theme> saved = themeFromName(settings->value(kThemeKey).toString());
        if (saved && *saved != Theme::System)
            applyTheme(*saved);
    }
    for (const auto &choice : choices) {
        QAction *a = theme->addAction(choice.text);
        a->setObjectName(QString::fromLatin1(choice.name));
        a->setCheckable(true);
        a->setChecked(currentTheme() == choice.theme);
        group->addAction(a);
        const Theme t = choice.theme;
        QObject::connect(a, &QAction::triggered, theme, [settings, t] {
            applyTheme(t);
            settings->setValue(kThemeKey, themeName(t));
        });
    }
    theme->actions().first()->setToolTip(tr("The desktop's style and colours"));
    return theme;
}

} // namespace ui
