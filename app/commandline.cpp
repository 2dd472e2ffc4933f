// Parses the command line: the window (optionally with files), or a headless command.
#include "commandline.h"

#include <QCommandLineParser>
#include <QRegularExpression>

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

bool CommandLine::isHeadless(int argc, char **argv)
{
    return argc > 1 && std::strcmp(argv[1], "render-map") == 0;
}

CommandLine CommandLine::parse(const QStringList &arguments)
{
    CommandLine cl;
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Guizhou Digital Village Dashboard"));
    const QCommandLineOption lang(QStringLiteral("lang"), tr("Interface language: zh_CN or en."),
                                  QStringLiteral("language"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version."));
    parser.addOption(lang);
    parser.addOption(help);
    parser.addOption(version);

    const bool renderMap = arguments.size() > 1 && arguments.at(1) == QLatin1String("render-map");
    const QCommandLineOption out(QStringLiteral("out"), tr("PNG file to write."), QStringLiteral("file"));
    const QCommandLineOption size(QStringLiteral("size"), tr("Image size in pixels, e.g. 1920x1080."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption layer(QStringLiteral("layer"),
                                   tr("Extra layer to draw (GeoPackage, Shapefile, GeoJSON, KML, "
                                      "CSV); may be repeated."),
                                   QStringLiteral("path"));
    QCommandLineOption firstFrame(QStringLiteral("exit-after-first-frame"));
    firstFrame.setFlags(QCommandLineOption::HiddenFromHelp);
    if (renderMap) {
        parser.addPositionalArgument(QStringLiteral("render-map"),
                                     tr("Render the province map to a PNG file and exit."));
        parser.addOption(out);
        parser.addOption(size);
        parser.addOption(layer);
    } else {
        parser.addPositionalArgument(QStringLiteral("files"), tr("Layers to open."),
                                     QStringLiteral("[files...]"));
        parser.addOption(firstFrame);
    }
    if (!parser.parse(arguments)) {
        cl.error = parser.errorText();
        return cl;
    }
    cl.helpText = parser.helpText();
    cl.language = parser.value(lang);
    if (!cl.language.isEmpty() && cl.language != QLatin1String("zh_CN")
        && cl.language != QLatin1String("en")) {
        cl.error = tr("--lang must be zh_CN or en, not %1").arg(cl.language);
        return cl;
    }
    if (parser.isSet(help)) {
        cl.command = Command::Help;
        return cl;
    }
    if (parser.isSet(version)) {
        cl.command = Command::Version;
        return cl;
    }
    if (!renderMap) {
        cl.files = parser.positionalArguments();
        cl.exitAfterFirstFrame = parser.isSet(firstFrame);
        return cl;
    }
    cl.command = Command::RenderMap;
    if (parser.positionalArguments().size() > 1) {
        cl.error = tr("render-map takes no file arguments; use --layer PATH for extra layers");
        return cl;
    }
    cl.renderMap.out = parser.value(out);
    if (cl.renderMap.out.isEmpty()) {
        cl.error = tr("render-map needs --out FILE.png");
        return cl;
    }
    if (parser.isSet(size)) {
        static const QRegularExpression re(QStringLiteral("^(\\d{2,5})[xX](\\d{2,5})$"));
        const auto m = re.match(parser.value(size));
        const int w = m.hasMatch() ? m.captured(1).toInt() : 0;
        const int h = m.hasMatch() ? m.captured(2).toInt() : 0;
        if (w < 64 || h < 64 || w > 16384 || h > 16384) {
            cl.error = tr("--size must be WIDTHxHEIGHT between 64 and 16384 pixels, not %1")
                           .arg(parser.value(size));
            return cl;
        }
        cl.renderMap.size = QSize(w, h);
    }
    cl.renderMap.layers = parser.values(layer);
    return cl;
}

} // namespace dv
