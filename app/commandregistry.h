// Every dvdash command by name: main runs the one the command line names, help lists them.
#pragma once

#include "commandline.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <vector>

namespace dv {

class Command;

class CommandRegistry {
    Q_DECLARE_TR_FUNCTIONS(dv::CommandRegistry)
public:
    // What a command line asks for.
    struct Selection {
        const Command *command = nullptr; // nullptr: the window
        QStringList arguments; // for command->run(): what follows the command's name
        CommandLine window; // without a command: the window's files and options, or its error
    };

    CommandRegistry();
    ~CommandRegistry();
    CommandRegistry(const CommandRegistry &) = delete;
    CommandRegistry &operator=(const CommandRegistry &) = delete;

    // In the order dvdash help lists them.
    std::vector<const Command *> commands() const;
    const Command *find(const QString &name) const;

    // arguments: as QCoreApplication::arguments(), the program first. The command is the first
    // argument (after --lang, which may come first); dvdash help for -h/--help and a mistyped
    // command, dvdash version for --version; else the window. Needs no application, so main
    // can choose between QApplication and QGuiApplication with it.
    Selection select(const QStringList &arguments) const;

    // "Commands:" and one line for each, name and summary.
    QString listing() const;
    // What dvdash says about a command it does not know, with the list of those it knows.
    QString unknownCommandText(const QString &name) const;

    // Whether word, where a file to open would be, is rather a mistyped command: a bare word
    // such as "sites" (letters, digits, - and _, no path separator, no extension) that names no
    // existing file. A file name with an extension ("map.geojson") or a path is a file to open,
    // and the window says so when it cannot be read.
    static bool looksLikeCommand(const QString &word);

private:
    std::vector<std::unique_ptr<Command>> mCommands;
};

} // namespace dv
