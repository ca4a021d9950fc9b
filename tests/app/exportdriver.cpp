// Stand-in for `orgscope export …` so the command is tested end to end
// without the GUI executable: argv after the program name are the arguments
// that follow the word "export".
#include "app/exportcommand.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // main.cpp's names: `--view NAME` reads the views the GUI saved.
    QCoreApplication::setOrganizationName(QStringLiteral("Orgscope"));
    QCoreApplication::setApplicationName(QStringLiteral("orgscope"));
    return runExportCommand(app.arguments().mid(1));
}
