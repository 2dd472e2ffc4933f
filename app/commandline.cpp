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
    parser.addOption(Command::storeOption());
    parser.addOption(QCommandLineOption(
        QStringLiteral("no-sensors"), tr("Show the map only: no sensor feed, no simulator.")));
    parser.addOption(QCommandLineOption(QStringLiteral("wall"),
        tr("Show the wall screen: full screen, rotating views, for a hall's big screen.")));
    parser.addOption(QCommandLineOption(QStringLiteral("screen"),
        tr("The wall's screen, 1 for the first (default: the second when there are two)."),
        QStringLiteral("N")));
    parser.addOption(QCommandLineOption(QStringLiteral("focus"),
        tr("The wall's area: 52 the province, a prefecture (5203) or county code (520328)."),
        QStringLiteral("code")));
    parser.addOption(QCommandLineOption(QStringLiteral("rotate"),
        tr("Seconds each wall view shows (5 to 3600)."), QStringLiteral("seconds")));
    parser.addOption(QCommandLineOption(QStringLiteral("wall-config"),
        tr("Wall settings to use and keep, a JSON (.json) or INI file."), QStringLiteral("file")));
    parser.addOption(QCommandLineOption(QStringLiteral("write-wall-config"),
        tr("Write the wall settings (saved, with the options given) to a JSON or INI file and "
           "exit."),
        QStringLiteral("file")));
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
    cl.wall = parser.isSet(QStringLiteral("wall"));
    cl.wallConfig = parser.value(QStringLiteral("wall-config"));
    cl.writeWallConfig = parser.value(QStringLiteral("write-wall-config"));
    cl.focus = parser.value(QStringLiteral("focus"));
    auto number = [&](const char *name, int *out) {
        const QString key = QString::fromLatin1(name);
        if (!parser.isSet(key))
            return;
        bool ok = false;
        *out = parser.value(key).toInt(&ok);
        if (!ok && cl.error.isEmpty())
            cl.error = tr("--%1: \"%2\" is not a whole number").arg(key, parser.value(key));
    };
    number("screen", &cl.screen);
    number("rotate", &cl.rotateSeconds);
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
