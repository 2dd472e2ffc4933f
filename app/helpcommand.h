// dvdash help: the commands, one line each, and the window's options; or one command's options.
#pragma once

#include "command.h"

#include <QCoreApplication>

namespace dv {

class CommandRegistry;

class HelpCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(dv::HelpCommand)
public:
    explicit HelpCommand(const CommandRegistry &registry);

    QString name() const override;
    QString summary() const override;
    // What dvdash help and dvdash --help print.
    QString overview() const;

protected:
    void describe(QCommandLineParser &parser) const override;
    bool takesArguments() const override { return true; }
    // 0 with the help on out; 2 with the list of commands on err for a command it does not know.
    int execute(
        const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;

private:
    const CommandRegistry &mRegistry;
};

} // namespace dv
