#include "ui/common/pluralforms.h"

#include <QCoreApplication>
#include <QTranslator>

namespace ui {

bool installPluralForms(QCoreApplication *application)
{
    static QTranslator *installed = nullptr;
    if (installed)
        return true;
    auto *translator = new QTranslator(application);
    if (!translator->load(QStringLiteral(":/i18n/orgscope_en.qm")) ||
        !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return false;
    }
    installed = translator;
    return true;
}

} // namespace ui
