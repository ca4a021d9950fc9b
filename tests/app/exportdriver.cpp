// Stand-in for `orgscope export …` so the command is tested end to end
// without the GUI executable: argv after the program name are the arguments
// that follow the word "export".
#include "app/exportcommand.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return runExportCommand(app.arguments().mid(1));
}
