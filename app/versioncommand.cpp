// dvdash version (and dvdash --version): the program's name and version on one line.
#include "versioncommand.h"

#include <QTextStream>

namespace dv {

QString VersionCommand::name() const
{
    return QStringLiteral("version");
}

QString VersionCommand::summary() const
{
    return tr("Show the version.");
}

void VersionCommand::describe(QCommandLineParser &) const
{
}

int VersionCommand::execute(const QCommandLineParser &, QTextStream &out, QTextStream &) const
{
    // main sets both from the build before any command runs.
    out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
        << Qt::endl;
    return 0;
}

} // namespace dv
