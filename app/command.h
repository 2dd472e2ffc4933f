// A dvdash command run from the command line: its name, summary, options, help and run.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QCommandLineOption;
class QCommandLineParser;
class QTextStream;

namespace dv {

// One per command, registered in CommandRegistry. A command declares its options once, in
// describe(); parsing, --help and dvdash help COMMAND all read that one declaration.
class Command {
    Q_DECLARE_TR_FUNCTIONS(dv::Command)
public:
    virtual ~Command();

    // What the user types after dvdash, e.g. render-map.
    virtual QString name() const = 0;
    // One line for dvdash help.
    virtual QString summary() const = 0;
    // QApplication on the real screen instead of QGuiApplication offscreen, for a command that
    // shows widgets. None does yet: the window is what dvdash opens without a command.
    virtual bool needsWidgets() const { return false; }

    // arguments: what follows the command's name on the command line. --help prints helpText()
    // and returns 0; a usage problem (unknown option, missing value, bad --lang, a value the
    // command refuses) is one line on err naming the option, and 2.
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err) const;
    // Usage line, summary, options and arguments, as --help and dvdash help COMMAND print them.
    QString helpText() const;

    // --lang and --help, which every command and the window take.
    static void addCommonOptions(QCommandLineParser &parser);
    // --store: a SQLite file or a shared server, the same words in every command.
    static QCommandLineOption storeOption();
    // Empty, or one line saying what is wrong with --lang.
    static QString checkCommonOptions(const QCommandLineParser &parser);

protected:
    // Declares the options and positional arguments; parsing and help both call it.
    virtual void describe(QCommandLineParser &parser) const = 0;
    // Whether the command reads positional arguments itself; otherwise any is refused.
    virtual bool takesArguments() const { return false; }
    // Runs once the arguments are parsed and --help and --lang are dealt with. The parser's
    // positional arguments are what follows the command's name.
    virtual int execute(
        const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const = 0;

private:
    void prepare(QCommandLineParser &parser) const;
};

} // namespace dv
