// Parses the command line: the window (optionally with files), or a headless command.
#include "commandline.h"

#include <QCommandLineParser>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
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
    return argc > 1
        && (std::strcmp(argv[1], "render-map") == 0 || std::strcmp(argv[1], "history") == 0
            || std::strcmp(argv[1], "listen") == 0 || std::strcmp(argv[1], "simulate") == 0
            || std::strcmp(argv[1], "alerts") == 0 || std::strcmp(argv[1], "indicators") == 0);
}

CommandLine CommandLine::parse(const QStringList &arguments)
{
    CommandLine cl;
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Guizhou Digital Village Dashboard"));
    const QCommandLineOption lang(
        QStringLiteral("lang"), tr("Interface language: zh_CN or en."), QStringLiteral("language"));
    const QCommandLineOption help(
        { QStringLiteral("h"), QStringLiteral("help") }, tr("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version."));
    parser.addOption(lang);
    parser.addOption(help);
    parser.addOption(version);

    const bool renderMap = arguments.size() > 1 && arguments.at(1) == QLatin1String("render-map");
    const bool history = arguments.size() > 1 && arguments.at(1) == QLatin1String("history");
    const QCommandLineOption store(QStringLiteral("store"),
        tr("Sensor store, sqlite:PATH (default: your own store)."), QStringLiteral("store"));
    const QCommandLineOption device(QStringLiteral("device"),
        tr("Device: county/site/device, or the device ID alone if unique."), QStringLiteral("id"));
    const QCommandLineOption metric(QStringLiteral("metric"),
        tr("Metric name, e.g. body_temperature."), QStringLiteral("name"));
    const QCommandLineOption from(QStringLiteral("from"),
        tr("Start, ISO 8601 (China time when no offset is given)."), QStringLiteral("time"));
    const QCommandLineOption to(
        QStringLiteral("to"), tr("End (exclusive), ISO 8601."), QStringLiteral("time"));
    const QCommandLineOption buckets(QStringLiteral("buckets"),
        tr("Fold into N buckets (min, max, mean); without it, every reading."),
        QStringLiteral("N"));
    const QCommandLineOption out(
        QStringLiteral("out"), tr("PNG file to write."), QStringLiteral("file"));
    const QCommandLineOption size(
        QStringLiteral("size"), tr("Image size in pixels, e.g. 1920x1080."), QStringLiteral("WxH"));
    const QCommandLineOption layer(QStringLiteral("layer"),
        tr("Extra layer to draw (GeoPackage, Shapefile, GeoJSON, KML, "
           "CSV); may be repeated."),
        QStringLiteral("path"));
    QCommandLineOption firstFrame(QStringLiteral("exit-after-first-frame"));
    firstFrame.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption noSensors(
        QStringLiteral("no-sensors"), tr("Show the map only: no sensor feed, no simulator."));
    const bool listen = arguments.size() > 1 && arguments.at(1) == QLatin1String("listen");
    const QCommandLineOption broker(QStringLiteral("broker"),
        tr("MQTT broker, tcp://host:1883 or ssl://host:8883."), QStringLiteral("url"));
    const QCommandLineOption forTime(
        QStringLiteral("for"), tr("Stop after this many seconds."), QStringLiteral("seconds"));
    const QCommandLineOption acceptNew(QStringLiteral("accept-new-devices"),
        tr("Register devices not yet known (commissioning) instead of quarantining them."));
    const QCommandLineOption clientId(QStringLiteral("client-id"),
        tr("MQTT client id; the broker keeps this client's session."), QStringLiteral("id"));
    const QCommandLineOption username(
        QStringLiteral("username"), tr("MQTT user name."), QStringLiteral("name"));
    const QCommandLineOption password(
        QStringLiteral("password"), tr("MQTT password."), QStringLiteral("password"));
    const bool simulate = arguments.size() > 1 && arguments.at(1) == QLatin1String("simulate");
    const bool alerts = arguments.size() > 1 && arguments.at(1) == QLatin1String("alerts");
    const QCommandLineOption activeOnly(
        QStringLiteral("active"), tr("Only open alerts (active or acknowledged)."));
    const QCommandLineOption county(QStringLiteral("county"),
        tr("Only alerts of this county (six-digit division code)."), QStringLiteral("code"));
    const QCommandLineOption rate(QStringLiteral("rate"),
        tr("Messages per second at most (default 100)."), QStringLiteral("N"));
    const bool indicators = arguments.size() > 1 && arguments.at(1) == QLatin1String("indicators");
    const QCommandLineOption mapIndicator(QStringLiteral("indicator"),
        tr("Colour the counties by this indicator (id or Chinese name)."), QStringLiteral("id"));
    const QCommandLineOption mapYear(QStringLiteral("year"),
        tr("The year of the indicator map (default: the latest in the store)."),
        QStringLiteral("year"));
    const QCommandLineOption year(QStringLiteral("year"),
        tr("Export: the year to write. Import: the year of a wide table without a year column."),
        QStringLiteral("year"));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"), tr("Check the file and report, writing nothing."));
    const QCommandLineOption tableOut(
        QStringLiteral("out"), tr("CSV or XLSX file to write."), QStringLiteral("file"));
    const QCommandLineOption defineId(QStringLiteral("id"),
        tr("Define: the new indicator's id (lower-case letters, digits and _)."),
        QStringLiteral("id"));
    const QCommandLineOption defineNameZh(
        QStringLiteral("name-zh"), tr("Define: the Chinese name."), QStringLiteral("name"));
    const QCommandLineOption defineNameEn(
        QStringLiteral("name-en"), tr("Define: the English name."), QStringLiteral("name"));
    const QCommandLineOption defineUnit(QStringLiteral("unit"),
        tr("Define: the unit shown after the name, e.g. %."), QStringLiteral("unit"));
    const QCommandLineOption defineDecimals(QStringLiteral("decimals"),
        tr("Define: decimals shown, 0 to 6 (default 1)."), QStringLiteral("N"));
    const QCommandLineOption defineLowerBetter(
        QStringLiteral("lower-is-better"), tr("Define: lower values are better."));
    const QCommandLineOption defineDimension(QStringLiteral("dimension"),
        tr("Define: infrastructure, economy (default), governance or life."),
        QStringLiteral("dimension"));
    const QCommandLineOption defineMin(QStringLiteral("min"),
        tr("Define: the smallest value an import accepts."), QStringLiteral("X"));
    const QCommandLineOption defineMax(QStringLiteral("max"),
        tr("Define: the largest value an import accepts."), QStringLiteral("Y"));
    const QCommandLineOption defineNotInIndex(QStringLiteral("not-in-index"),
        tr("Define: leave the indicator out of the digital-village index."));
    const QCommandLineOption defineSource(QStringLiteral("source"),
        tr("Define: where the figures come from and what they mean."), QStringLiteral("text"));
    if (indicators) {
        parser.addPositionalArgument(QStringLiteral("indicators"),
            tr("County indicators: indicators import FILE; indicators export --year Y --out "
               "FILE; indicators revisions; indicators restore REVISION; indicators define --id "
               "ID --name-zh NAME --unit UNIT."),
            QStringLiteral("indicators import|export|revisions|restore|define [FILE|REVISION]"));
        parser.addOptions({ store, year, dryRun, tableOut, defineId, defineNameZh, defineNameEn,
            defineUnit, defineDecimals, defineLowerBetter, defineDimension, defineMin, defineMax,
            defineNotInIndex, defineSource });
    } else if (alerts) {
        parser.addPositionalArgument(QStringLiteral("alerts"),
            tr("Print the store's early-warning alerts as CSV and exit."));
        parser.addOptions({ store, activeOnly, county });
    } else if (simulate) {
        parser.addPositionalArgument(QStringLiteral("simulate"),
            tr("Publish simulated data of the sample sites to an MQTT broker."));
        parser.addOptions({ broker, rate, forTime });
    } else if (listen) {
        parser.addPositionalArgument(QStringLiteral("listen"),
            tr("Collect sensor data from an MQTT broker into the store."));
        parser.addOptions({ broker, store, forTime, acceptNew, clientId, username, password });
    } else if (history) {
        parser.addPositionalArgument(
            QStringLiteral("history"), tr("Print one sensor series as CSV and exit."));
        parser.addOptions({ store, device, metric, from, to, buckets });
    } else if (renderMap) {
        parser.addPositionalArgument(
            QStringLiteral("render-map"), tr("Render the province map to a PNG file and exit."));
        parser.addOption(out);
        parser.addOption(size);
        parser.addOption(layer);
        parser.addOptions({ mapIndicator, mapYear, store });
    } else {
        parser.addPositionalArgument(
            QStringLiteral("files"), tr("Layers to open."), QStringLiteral("[files...]"));
        parser.addOption(firstFrame);
        parser.addOption(store);
        parser.addOption(noSensors);
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
    // --for of listen and simulate; sets cl.error when it is not a positive number.
    auto readSeconds = [&](int &seconds) {
        if (!parser.isSet(forTime))
            return;
        bool ok = false;
        seconds = parser.value(forTime).toInt(&ok);
        if (!ok || seconds < 1)
            cl.error = tr("--for must be a positive number of seconds, not %1")
                           .arg(parser.value(forTime));
    };
    if (alerts) {
        cl.command = Command::Alerts;
        cl.alerts = { parser.value(store), parser.isSet(activeOnly), parser.value(county) };
        if (!cl.alerts.county.isEmpty()
            && (cl.alerts.county.size() != 6
                || !std::all_of(cl.alerts.county.begin(), cl.alerts.county.end(),
                    [](QChar c) { return c.isDigit(); }))) {
            cl.error
                = tr("--county must be a six-digit division code, not %1").arg(cl.alerts.county);
            return cl;
        }
        return cl;
    }
    if (indicators) {
        cl.command = Command::Indicators;
        const QStringList args = parser.positionalArguments();
        const QString action = args.value(1);
        cl.indicators.store = parser.value(store);
        if (parser.isSet(year)) {
            bool ok = false;
            cl.indicators.year = parser.value(year).toInt(&ok);
            if (!ok || cl.indicators.year < 1900 || cl.indicators.year > 2100) {
                cl.error
                    = tr("--year must be a year from 1900 to 2100, not %1").arg(parser.value(year));
                return cl;
            }
        }
        if (action == QLatin1String("import")) {
            cl.indicators.action = IndicatorsOptions::Action::Import;
            if (args.size() != 3) {
                cl.error = tr("indicators import needs exactly one FILE (CSV, XLSX or ODS)");
                return cl;
            }
            cl.indicators.file = args.at(2);
            cl.indicators.dryRun = parser.isSet(dryRun);
        } else if (action == QLatin1String("export")) {
            cl.indicators.action = IndicatorsOptions::Action::Export;
            cl.indicators.file = parser.value(tableOut);
            if (args.size() != 2 || cl.indicators.file.isEmpty() || !parser.isSet(year)) {
                cl.error = tr("indicators export needs --year Y and --out FILE.csv or FILE.xlsx");
                return cl;
            }
        } else if (action == QLatin1String("revisions")) {
            cl.indicators.action = IndicatorsOptions::Action::Revisions;
            if (args.size() != 2) {
                cl.error = tr("indicators revisions takes no arguments");
                return cl;
            }
        } else if (action == QLatin1String("restore")) {
            cl.indicators.action = IndicatorsOptions::Action::Restore;
            bool ok = false;
            cl.indicators.revision = args.value(2).toLongLong(&ok);
            if (args.size() != 3) {
                cl.error = tr("indicators restore needs one REVISION number");
                return cl;
            }
            if (!ok || cl.indicators.revision < 1) {
                cl.error = tr("indicators restore needs a REVISION number, not %1").arg(args.at(2));
                return cl;
            }
        } else if (action == QLatin1String("define")) {
            cl.indicators.action = IndicatorsOptions::Action::Define;
            if (args.size() != 2) {
                cl.error = tr("indicators define takes options only, not %1")
                               .arg(args.mid(2).join(QLatin1Char(' ')));
                return cl;
            }
            // --unit "" is allowed: an index or a score may have none.
            for (const auto &[option, name] : { std::pair { &defineId, "--id" },
                     { &defineNameZh, "--name-zh" }, { &defineUnit, "--unit" } }) {
                if (!parser.isSet(*option)
                    || (option != &defineUnit && parser.value(*option).trimmed().isEmpty())) {
                    cl.error = tr("indicators define needs %1").arg(QLatin1String(name));
                    return cl;
                }
            }
            Indicator &d = cl.indicators.definition;
            d.id = parser.value(defineId);
            d.nameZh = parser.value(defineNameZh).trimmed();
            d.nameEn = parser.value(defineNameEn).trimmed();
            d.unit = parser.value(defineUnit).trimmed();
            d.source = parser.value(defineSource);
            d.higherIsBetter = !parser.isSet(defineLowerBetter);
            d.inIndex = !parser.isSet(defineNotInIndex);
            if (parser.isSet(defineDecimals)) {
                bool ok = false;
                d.decimals = parser.value(defineDecimals).toInt(&ok);
                if (!ok || d.decimals < 0 || d.decimals > 6) {
                    cl.error = tr("--decimals must be a whole number from 0 to 6, not %1")
                                   .arg(parser.value(defineDecimals));
                    return cl;
                }
            }
            if (parser.isSet(defineDimension)) {
                const auto dimension = Indicator::dimensionFromKey(parser.value(defineDimension));
                if (!dimension) {
                    cl.error = tr("--dimension must be infrastructure, economy, governance or "
                                  "life, not %1")
                                   .arg(parser.value(defineDimension));
                    return cl;
                }
                d.dimension = *dimension;
            }
            for (const auto &[option, bound] :
                { std::pair { &defineMin, &d.minimum }, { &defineMax, &d.maximum } }) {
                if (!parser.isSet(*option))
                    continue;
                bool ok = false;
                *bound = parser.value(*option).toDouble(&ok);
                if (!ok || !std::isfinite(*bound)) {
                    cl.error = tr("--%1 must be a number, not %2")
                                   .arg(option->names().constFirst(), parser.value(*option));
                    return cl;
                }
            }
            // The store checks again; here a bad definition is a usage error naming the option.
            if (!(d.minimum <= d.maximum)) {
                cl.error = tr("--min must not exceed --max");
                return cl;
            }
            // What is left for validate() to refuse is the id's spelling.
            const QString invalid = d.validate();
            if (!invalid.isEmpty()) {
                cl.error = QStringLiteral("--id: ") + invalid;
                return cl;
            }
        } else {
            cl.error = tr("indicators needs import FILE, export --year Y --out FILE, revisions, "
                          "restore REVISION or define --id ID");
        }
        return cl;
    }
    if (simulate) {
        cl.command = Command::Simulate;
        cl.simulate.broker = parser.value(broker);
        if (cl.simulate.broker.isEmpty()) {
            cl.error = tr("simulate needs --broker URL");
            return cl;
        }
        bool ok = true;
        if (parser.isSet(rate))
            cl.simulate.rate = parser.value(rate).toInt(&ok);
        if (!ok || cl.simulate.rate < 1) {
            cl.error = tr("--rate must be a positive number of messages per second, not %1")
                           .arg(parser.value(rate));
            return cl;
        }
        readSeconds(cl.simulate.forSeconds);
        return cl;
    }
    if (listen) {
        cl.command = Command::Listen;
        cl.listen.broker = parser.value(broker);
        if (cl.listen.broker.isEmpty()) {
            cl.error = tr("listen needs --broker URL");
            return cl;
        }
        cl.listen.store = parser.value(store);
        cl.listen.acceptNewDevices = parser.isSet(acceptNew);
        if (parser.isSet(clientId))
            cl.listen.clientId = parser.value(clientId);
        cl.listen.username = parser.value(username);
        cl.listen.password = parser.value(password);
        readSeconds(cl.listen.forSeconds);
        return cl;
    }
    if (history) {
        cl.command = Command::History;
        for (const auto &[option, name] : { std::pair { &device, "--device" },
                 { &metric, "--metric" }, { &from, "--from" }, { &to, "--to" } }) {
            if (parser.value(*option).isEmpty()) {
                cl.error = tr("history needs %1").arg(QLatin1String(name));
                return cl;
            }
        }
        cl.history = { parser.value(store), parser.value(device), parser.value(metric),
            parser.value(from), parser.value(to), 0 };
        if (parser.isSet(buckets)) {
            bool ok = false;
            cl.history.buckets = parser.value(buckets).toInt(&ok);
            if (!ok || cl.history.buckets < 1 || cl.history.buckets > 100000) {
                cl.error = tr("--buckets must be a whole number from 1 to 100000, not %1")
                               .arg(parser.value(buckets));
                return cl;
            }
        }
        return cl;
    }
    if (!renderMap) {
        cl.files = parser.positionalArguments();
        cl.exitAfterFirstFrame = parser.isSet(firstFrame);
        cl.store = parser.value(store);
        cl.sensors = !parser.isSet(noSensors);
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
    cl.renderMap.indicator = parser.value(mapIndicator);
    cl.renderMap.store = parser.value(store);
    if (parser.isSet(mapYear)) {
        bool ok = false;
        cl.renderMap.year = parser.value(mapYear).toInt(&ok);
        if (!ok || cl.renderMap.year < 1900 || cl.renderMap.year > 2100) {
            cl.error
                = tr("--year must be a year from 1900 to 2100, not %1").arg(parser.value(mapYear));
            return cl;
        }
        if (cl.renderMap.indicator.isEmpty()) {
            cl.error = tr("--year needs --indicator ID");
            return cl;
        }
    }
    return cl;
}

} // namespace dv
