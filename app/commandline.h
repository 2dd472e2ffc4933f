// The window's command line: files to open as layers and the window's options.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;

namespace dv {

// What dvdash takes without a command. Commands parse their own options (Command);
// CommandRegistry decides between a command and the window.
class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(dv::CommandLine)
public:
    // Reads --lang only, before the translators exist, so later messages are translated.
    static QString languageArgument(int argc, char **argv);

    // arguments: as QCoreApplication::arguments(), the program first.
    static CommandLine parse(const QStringList &arguments);
    // The window's options and arguments for dvdash help, which has its own usage lines.
    static QString optionsText();

    QStringList files; // opened as layers in the window
    QString store; // the window's sensor store; empty: the user's own
    bool sensors = true; // the window's live feed (broker or simulator)
    bool exitAfterFirstFrame = false; // for the start-up benchmark
    // The wall screen (--wall): options override the saved wall settings or --wall-config's.
    bool wall = false;
    QString wallConfig; // a JSON or INI file of wall settings to use (and save)
    QString writeWallConfig; // write the effective wall settings here and exit
    int screen = -1; // 1-based; -1: not given
    QString focus; // empty: not given
    int rotateSeconds = 0; // 0: not given
    bool help = false;
    bool version = false;
    QString error; // usage problems, one line

private:
    static void describe(QCommandLineParser &parser);
};

} // namespace dv
