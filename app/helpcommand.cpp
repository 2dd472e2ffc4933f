// dvdash help: the commands, one line each, and the window's options; or one command's options.
#include "helpcommand.h"

#include "commandline.h"
#include "commandregistry.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace dv {

HelpCommand::HelpCommand(const CommandRegistry &registry)
    : mRegistry(registry)
{
}

QString HelpCommand::name() const
{
    return QStringLiteral("help");
}

QString HelpCommand::summary() const
{
    return tr("List the commands, or show one command's options.");
}

void HelpCommand::describe(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("command"),
        tr("The command whose options to show; without it, every command."),
        QStringLiteral("[command]"));
}

QString HelpCommand::overview() const
{
    const QChar nl = QLatin1Char('\n');
    return tr("Guizhou Digital Village Dashboard") + nl + nl + tr("Usage: dvdash COMMAND [options]")
        + nl + tr("       dvdash [options] [files...]") + nl + nl + mRegistry.listing() + nl
        + tr("dvdash help COMMAND or dvdash COMMAND --help shows a command's options.") + nl + nl
        + tr("Without a command, dvdash opens the window, with the files as extra layers.") + nl
        + CommandLine::optionsText();
}

int HelpCommand::execute(const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    const QStringList topics = parser.positionalArguments();
    if (topics.size() > 1) {
        err << tr("help takes one COMMAND, not %1").arg(topics.join(QLatin1Char(' '))) << Qt::endl;
        return 2;
    }
    if (topics.isEmpty()) {
        out << overview();
    } else if (const Command *command = mRegistry.find(topics.constFirst())) {
        out << command->helpText();
    } else {
        err << mRegistry.unknownCommandText(topics.constFirst());
        err.flush();
        return 2;
    }
    out.flush();
    return 0;
}

} // namespace dv
