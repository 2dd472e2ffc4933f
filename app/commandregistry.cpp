// Every dvdash command by name: main runs the one the command line names, help lists them.
#include "commandregistry.h"

#include "admincommand.h"
#include "alertscommand.h"
#include "devicescommand.h"
#include "helpcommand.h"
#include "historycommand.h"
#include "indicatorscommand.h"
#include "listencommand.h"
#include "rendermapcommand.h"
#include "reportcommand.h"
#include "simulatecommand.h"
#include "sitescommand.h"
#include "versioncommand.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace dv {

CommandRegistry::CommandRegistry()
{
    // Adding a command is one line here and its own class.
    mCommands.push_back(std::make_unique<RenderMapCommand>());
    mCommands.push_back(std::make_unique<ReportCommand>());
    mCommands.push_back(std::make_unique<IndicatorsCommand>());
    mCommands.push_back(std::make_unique<HistoryCommand>());
    mCommands.push_back(std::make_unique<AlertsCommand>());
    mCommands.push_back(std::make_unique<SitesCommand>());
    mCommands.push_back(std::make_unique<DevicesCommand>());
    mCommands.push_back(std::make_unique<ListenCommand>());
    mCommands.push_back(std::make_unique<SimulateCommand>());
    mCommands.push_back(std::make_unique<AdminCommand>());
    mCommands.push_back(std::make_unique<HelpCommand>(*this));
    mCommands.push_back(std::make_unique<VersionCommand>());
}

CommandRegistry::~CommandRegistry() = default;

std::vector<const Command *> CommandRegistry::commands() const
{
    std::vector<const Command *> all;
    for (const auto &command : mCommands)
        all.push_back(command.get());
    return all;
}

const Command *CommandRegistry::find(const QString &name) const
{
    for (const auto &command : mCommands) {
        if (command->name() == name)
            return command.get();
    }
    return nullptr;
}

CommandRegistry::Selection CommandRegistry::select(const QStringList &arguments) const
{
    Selection selection;
    // --lang may come before the command, as in dvdash --lang en help; it stays in the arguments.
    int first = 1;
    while (first < arguments.size()) {
        if (arguments.at(first) == QLatin1String("--lang"))
            first += 2;
        else if (arguments.at(first).startsWith(QLatin1String("--lang=")))
            first += 1;
        else
            break;
    }
    const QString word = arguments.value(first);
    if (const Command *command = find(word)) {
        selection.command = command;
        selection.arguments = arguments.mid(1);
        selection.arguments.removeAt(first - 1);
        return selection;
    }
    // A mistyped command must not open the window (and seed a fresh store) instead.
    if (looksLikeCommand(word)) {
        selection.command = find(QStringLiteral("help"));
        selection.arguments = QStringList { word };
        return selection;
    }
    selection.window = CommandLine::parse(arguments);
    if (selection.window.error.isEmpty()) {
        if (selection.window.help)
            selection.command = find(QStringLiteral("help"));
        else if (selection.window.version)
            selection.command = find(QStringLiteral("version"));
        for (const QString &file : selection.window.files) {
            if (!selection.command && looksLikeCommand(file)) {
                selection.command = find(QStringLiteral("help"));
                selection.arguments = QStringList { file };
            }
        }
    }
    return selection;
}

QString CommandRegistry::listing() const
{
    int width = 0;
    for (const auto &command : mCommands)
        width = std::max(width, static_cast<int>(command->name().size()));
    QString text = tr("Commands:") + QLatin1Char('\n');
    for (const auto &command : mCommands) {
        text += QStringLiteral("  ") + command->name().leftJustified(width + 2) + command->summary()
            + QLatin1Char('\n');
    }
    return text;
}

QString CommandRegistry::unknownCommandText(const QString &name) const
{
    return tr("dvdash: unknown command \"%1\"").arg(name) + QStringLiteral("\n\n") + listing()
        + QLatin1Char('\n')
        + tr("dvdash help COMMAND shows a command's options; dvdash FILE... opens the window.")
        + QLatin1Char('\n');
}

bool CommandRegistry::looksLikeCommand(const QString &word)
{
    static const QRegularExpression bareWord(QStringLiteral("^[A-Za-z][A-Za-z0-9_-]*$"));
    return bareWord.match(word).hasMatch() && !QFileInfo::exists(word);
}

} // namespace dv
