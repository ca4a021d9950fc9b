#pragma once
// `orgscope export audit|usage --view NAME|FILE`: the saved view becomes the
// export options it stands for (range, server filters, organization), put
// before the options given, so an option given by hand still wins and
// filters given by hand are added.

#include <QString>
#include <QStringList>

namespace models {
class AppSettings;
}

struct ExportViewExpansion
{
    QStringList arguments; // without --view, with the view's options first
    QStringList notes;     // what of the view an export cannot do, what the file had that was ignored
    QString error;         // one line; the command ends with exit 2
    bool used = false;     // --view was given
};

// FILE when such a file exists, else the name of a view saved in the
// settings (any connection profile; ambiguous names are refused). nowMs and
// today: the moment a preset is counted from.
ExportViewExpansion expandExportView(const QStringList &arguments, models::AppSettings &settings,
                                     qint64 nowMs);
