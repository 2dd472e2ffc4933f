// A dvdash command run from the command line: its name, summary, options, help and run.
#include "command.h"

#include "translationloader.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace dv {

Command::~Command() = default;

void Command::prepare(QCommandLineParser &parser) const
{
    parser.setApplicationDescription(summary());
    describe(parser);
    addCommonOptions(parser);
}

int Command::run(const QStringList &arguments, QTextStream &out, QTextStream &err) const
{
    QCommandLineParser parser;
    prepare(parser);
    // QCommandLineParser skips the first argument as the program's; here it is the command.
    if (!parser.parse(QStringList { name() } + arguments)) {
        err << tr("%1 (dvdash %2 --help lists the options)").arg(parser.errorText(), name())
            << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << helpText();
        out.flush();
        return 0;
    }
    QString error = checkCommonOptions(parser);
    if (error.isEmpty() && !takesArguments() && !parser.positionalArguments().isEmpty()) {
        error = tr("%1 takes no arguments, only options, not %2")
                    .arg(name(), parser.positionalArguments().join(QLatin1Char(' ')));
    }
    if (!error.isEmpty()) {
        err << error << Qt::endl;
        return 2;
    }
    return execute(parser, out, err);
}

QString Command::helpText() const
{
    QCommandLineParser parser;
    prepare(parser);
    QString text = parser.helpText();
    // Qt's usage line names the program by the path it was started with, and knows nothing of
    // commands: make it what the user types.
    const QString path = QCoreApplication::arguments().value(0);
    const int at = path.isEmpty() ? -1 : text.lastIndexOf(path, text.indexOf(QLatin1Char('\n')));
    if (at >= 0)
        text.replace(at, path.size(), QStringLiteral("dvdash ") + name());
    return text;
}

void Command::addCommonOptions(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(QStringLiteral("lang"),
        tr("Interface language: zh_CN or en."), QStringLiteral("language")));
    parser.addOption(
        QCommandLineOption({ QStringLiteral("h"), QStringLiteral("help") }, tr("Show this help.")));
}

QCommandLineOption Command::storeOption()
{
    return QCommandLineOption(QStringLiteral("store"),
        tr("Store: sqlite:PATH, or a shared server as postgresql://USER@HOST:PORT/DATABASE "
           "(default: your own store)."),
        QStringLiteral("store"));
}

QString Command::checkCommonOptions(const QCommandLineParser &parser)
{
    const QString language = parser.value(QStringLiteral("lang"));
    if (parser.isSet(QStringLiteral("lang")) && !TranslationLoader::isSupported(language))
        return tr("--lang must be zh_CN or en, not %1").arg(language);
    return {};
}

} // namespace dv
