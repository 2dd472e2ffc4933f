// The window's command line: files to open as layers and the window's options.
#include "commandline.h"

#include "command.h"

#include <QCommandLineParser>

#include <cstring>

namespace dv {

QString CommandLine::languageArgument(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (std::strncmp(argv[i], "--lang=", 7) == 0)
            return QString::fromLocal8Bit(argv[i] + 7);
    }
    return {};
}

void CommandLine::describe(QCommandLineParser &parser)
{
    parser.addPositionalArgument(
        QStringLiteral("files"), tr("Layers to open."), QStringLiteral("[files...]"));
    parser.addOption(QCommandLineOption(QStringLiteral("store"),
        tr("Sensor store, sqlite:PATH (default: your own store)."), QStringLiteral("store")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("no-sensors"), tr("Show the map only: no sensor feed, no simulator.")));
    QCommandLineOption firstFrame(QStringLiteral("exit-after-first-frame"));
    firstFrame.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(firstFrame);
    Command::addCommonOptions(parser);
    parser.addOption(QCommandLineOption(QStringLiteral("version"), tr("Show the version.")));
}

CommandLine CommandLine::parse(const QStringList &arguments)
{
    CommandLine cl;
    QCommandLineParser parser;
    describe(parser);
    if (!parser.parse(arguments)) {
        cl.error = tr("%1 (dvdash help lists the options)").arg(parser.errorText());
        return cl;
    }
    cl.error = Command::checkCommonOptions(parser);
    cl.help = parser.isSet(QStringLiteral("help"));
    cl.version = parser.isSet(QStringLiteral("version"));
    cl.files = parser.positionalArguments();
    cl.store = parser.value(QStringLiteral("store"));
    cl.sensors = !parser.isSet(QStringLiteral("no-sensors"));
    cl.exitAfterFirstFrame = parser.isSet(QStringLiteral("exit-after-first-frame"));
    return cl;
}

QString CommandLine::optionsText()
{
    QCommandLineParser parser;
    describe(parser);
    // Qt's help starts with a usage line and a blank line (no description is set).
    const QString text = parser.helpText();
    return text.mid(text.indexOf(QLatin1String("\n\n")) + 2);
}

} // namespace dv
