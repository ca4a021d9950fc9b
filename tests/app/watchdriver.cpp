// Stand-in for `orgscope watch …` so the command is tested end to end
// without the GUI executable: argv after the program name are the arguments
// that follow the word "watch".
#include "app/watchcommand.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    return runWatchCommand(app.arguments().mid(1));
}
