// dvdash render-map: the province map as a PNG, headless, exactly as the window draws it.
#include "rendermapcommand.h"

#include "alertmarkers.h"
#include "alertstore.h"
#include "appsettings.h"
#include "bundleddata.h"
#include "choroplethstyle.h"
#include "countydirectory.h"
#include "imagefile.h"
#include "indicatormap.h"
#include "indicatorstore.h"
#include "layerloader.h"
#include "layerstack.h"
#include "maprenderer.h"
#include "mapsettings.h"
#include "sampledataoption.h"
#include "samplesites.h"
#include "sitelayerbuilder.h"
#include "sitestore.h"
#include "storeregistry.h"
#include "storespec.h"
#include "vectorlayer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QRegularExpression>

#include <algorithm>

namespace dv {

namespace {

// The open alerts of the store --store names, else of the user's own store, as the window marks
// them. A store without alerts (or alert tables) gives none, and so does the user's own store
// before it exists: a map never creates one. A store named on the command line that does not
// exist or cannot be read is an error.
std::optional<AlertMarkers> openAlerts(const QString &storeOption, const MapSettings &settings,
    const SiteVisibility &visibility, QString *error)
{
    const QString spec = storeOption.isEmpty() ? AppSettings::defaultStoreSpec() : storeOption;
    if (StoreRegistry::schemeOf(spec) == QLatin1String("sqlite")
        && StoreSpec::existingSqlitePath(spec, error).isEmpty()) {
        return storeOption.isEmpty() ? std::optional<AlertMarkers>(AlertMarkers()) : std::nullopt;
    }
    const std::unique_ptr<AlertStore> store = AlertStore::create(StoreSpec::readOnly(spec), error);
    if (!store)
        return std::nullopt;
    AlertFilter filter;
    filter.openOnly = true;
    auto alerts = store->alerts(filter, error);
    if (!alerts)
        return std::nullopt;
    // A hidden sample site's alert must not ring its county either.
    alerts->erase(std::remove_if(alerts->begin(), alerts->end(),
                      [&visibility](const AlertRecord &a) {
                          return !visibility.showsDeviceKey(a.deviceKey);
                      }),
        alerts->end());
    return AlertMarkers::fromAlerts(*alerts, settings.layer(QStringLiteral("sites")),
        settings.layer(QStringLiteral("counties")));
}

// The window's sites layer for the store --store names (else the user's own): the office's
// active registered sites, plus the sample sites while shown, built by SiteLayerBuilder as the
// window builds it. A null layer when the registry has no site to draw (no store yet, or no
// active site with a location): the bundled layer then stands for the samples, as in the window.
std::optional<std::shared_ptr<VectorLayer>> registeredSites(
    const QString &storeOption, const SiteVisibility &visibility, QString *error)
{
    const QString spec = storeOption.isEmpty() ? AppSettings::defaultStoreSpec() : storeOption;
    QString pathError;
    if (StoreRegistry::schemeOf(spec) == QLatin1String("sqlite")
        && !QFileInfo(StoreSpec::sqlitePath(spec, &pathError)).isFile()) {
        return std::shared_ptr<VectorLayer>(); // a missing --store is openAlerts' error to name
    }
    const std::unique_ptr<SiteStore> store = SiteStore::create(StoreSpec::readOnly(spec), error);
    const auto registered = store ? store->sites(SiteFilter(), error) : std::nullopt;
    if (!registered)
        return std::nullopt;
    if (std::none_of(registered->begin(), registered->end(),
            [](const Site &s) { return s.isActive() && s.hasLocation(); })) {
        return std::shared_ptr<VectorLayer>();
    }
    std::vector<Site> samples;
    if (visibility.samplesShown()) {
        auto loaded = SampleSites::loadBundled(error);
        if (!loaded)
            return std::nullopt;
        samples = std::move(*loaded);
    }
    const auto directory = CountyDirectory::loadBundled(error);
    if (!directory)
        return std::nullopt;
    QHash<QString, QString> countyNames;
    for (const County &c : directory->counties())
        countyNames.insert(c.code, c.name);
    return SiteLayerBuilder::build(
        SiteLayerBuilder::visibleSites(*registered, samples, visibility.samplesShown()),
        countyNames);
}

} // namespace

QString RenderMapCommand::name() const
{
    return QStringLiteral("render-map");
}

QString RenderMapCommand::summary() const
{
    return tr("Render the province map to a PNG file and exit.");
}

void RenderMapCommand::describe(QCommandLineParser &parser) const
{
    parser.addOption(QCommandLineOption(
        QStringLiteral("out"), tr("PNG file to write."), QStringLiteral("file")));
    parser.addOption(QCommandLineOption(QStringLiteral("size"),
        tr("Image size in pixels, e.g. 1920x1080."), QStringLiteral("WxH")));
    parser.addOption(QCommandLineOption(QStringLiteral("layer"),
        tr("Extra layer to draw (GeoPackage, Shapefile, GeoJSON, KML, "
           "CSV); may be repeated."),
        QStringLiteral("path")));
    parser.addOption(QCommandLineOption(QStringLiteral("indicator"),
        tr("Colour the counties by this indicator (id or Chinese name)."), QStringLiteral("id")));
    parser.addOption(QCommandLineOption(QStringLiteral("year"),
        tr("The year of the indicator map (default: the latest in the store)."),
        QStringLiteral("year")));
    parser.addOption(storeOption());
    parser.addOption(SampleDataOption::option());
}

int RenderMapCommand::execute(
    const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    // One line naming the problem on err, and 2: a usage error.
    auto refuse = [&err](const QString &message) {
        err << message << Qt::endl;
        return 2;
    };
    if (!parser.positionalArguments().isEmpty())
        return refuse(tr("render-map takes no file arguments; use --layer PATH for extra layers"));
    RenderMapOptions options;
    options.out = parser.value(QStringLiteral("out"));
    if (options.out.isEmpty())
        return refuse(tr("render-map needs --out FILE.png"));
    if (parser.isSet(QStringLiteral("size"))) {
        const QString size = parser.value(QStringLiteral("size"));
        static const QRegularExpression re(QStringLiteral("^(\\d{2,5})[xX](\\d{2,5})$"));
        const auto m = re.match(size);
        const int w = m.hasMatch() ? m.captured(1).toInt() : 0;
        const int h = m.hasMatch() ? m.captured(2).toInt() : 0;
        if (w < 64 || h < 64 || w > 16384 || h > 16384)
            return refuse(
                tr("--size must be WIDTHxHEIGHT between 64 and 16384 pixels, not %1").arg(size));
        options.size = QSize(w, h);
    }
    options.layers = parser.values(QStringLiteral("layer"));
    options.indicator = parser.value(QStringLiteral("indicator"));
    options.store = parser.value(QStringLiteral("store"));
    if (QString error; !SampleDataOption::parse(parser, &options.sample, &error))
        return refuse(error);
    if (parser.isSet(QStringLiteral("year"))) {
        const QString year = parser.value(QStringLiteral("year"));
        bool ok = false;
        options.year = year.toInt(&ok);
        if (!ok || options.year < 1900 || options.year > 2100)
            return refuse(tr("--year must be a year from 1900 to 2100, not %1").arg(year));
        if (options.indicator.isEmpty())
            return refuse(tr("--year needs --indicator ID"));
    }
    return run(options, out, err);
}

int RenderMapCommand::run(const RenderMapOptions &options, QTextStream &out, QTextStream &err)
{
    if (options.indicator.isEmpty())
        return render(options, nullptr, out, err);
    // The indicator map: a fresh store gets the bundled sample, as the window would show it.
    const QString spec = options.store.isEmpty() ? AppSettings::defaultStoreSpec() : options.store;
    QString error;
    std::unique_ptr<IndicatorStore> store = IndicatorStore::create(spec, &error);
    const auto counties = store ? CountyDirectory::loadBundled(&error) : std::nullopt;
    if (!store || !counties || !IndicatorStore::ensureSampleDataIfOwn(*store, spec, &error)) {
        err << error << Qt::endl;
        return 1;
    }
    int year = options.year;
    if (year == 0) {
        const auto years = store->years(&error);
        if (!years) {
            err << error << Qt::endl;
            return 1;
        }
        year = years->isEmpty() ? 0 : years->last();
    }
    QStringList codes;
    for (const County &c : counties->counties())
        codes << c.code;
    const auto style = IndicatorMap::build(*store, options.indicator, year, codes, &error);
    if (!style) {
        err << error << Qt::endl;
        return 2;
    }
    return render(options, &*style, out, err);
}

int RenderMapCommand::renderChoropleth(const RenderMapOptions &options,
    const ChoroplethStyle &style, QTextStream &out, QTextStream &err)
{
    return render(options, &style, out, err);
}

int RenderMapCommand::render(const RenderMapOptions &options, const ChoroplethStyle *style,
    QTextStream &out, QTextStream &err)
{
    LayerStack stack;
    if (const DisplayCrs crs = DisplayCrs::byId(AppSettings::displayCrsId()); crs.isValid())
        stack.setDisplayCrs(crs);
    LoadResult province = BundledData::loadProvince();
    if (!province.ok()) {
        err << province.error << Qt::endl;
        return 1;
    }
    QString visibilityError;
    const auto visibility
        = SampleDataOption::visibility(options.sample, options.store, &visibilityError);
    if (!visibility) {
        err << visibilityError << Qt::endl;
        return 1;
    }
    QString sitesError;
    const auto sites = registeredSites(options.store, *visibility, &sitesError);
    if (!sites) {
        err << sitesError << Qt::endl;
        return 1;
    }
    // The bundled sites layer is the sample sites (示例数据): replaced by the registry's layer
    // when the office has sites of its own, else drawn only while the samples are shown.
    for (auto &layer : province.layers) {
        if (layer->role() != LayerRole::Sites) {
            stack.addLayer(layer);
        } else if (*sites) {
            (*sites)->setStyle(layer->style());
            stack.addLayer(*sites);
        } else if (visibility->samplesShown()) {
            stack.addLayer(layer);
        }
    }

    // Every layer is read before anything is written: one bad file, no output at all.
    for (const QString &path : options.layers) {
        LoadResult result = LayerLoader::load(path);
        if (!result.ok()) {
            err << result.error << Qt::endl;
            return 1;
        }
        for (const QString &notice : result.notices)
            err << tr("notice: %1").arg(notice) << Qt::endl;
        for (auto &layer : result.layers) {
            layer->setStyle(LayerStyle::userLayer(stack.userLayerCount(), layer->kind()));
            QString error;
            if (!stack.addLayer(layer, &error)) {
                err << tr("%1: %2").arg(QDir::toNativeSeparators(path), error) << Qt::endl;
                return 1;
            }
        }
    }

    MapSettings settings = MapSettings::home(stack, options.size, 1.0, AppSettings::mapNote());
    settings.setLabelsEnabled(AppSettings::labelsEnabled());
    if (style) {
        // Counties missing from the values are "no data", so the style must know them all.
        ChoroplethStyle complete = *style;
        for (const VectorLayer &layer : settings.layers()) {
            if (layer.role() == LayerRole::Counties) {
                complete.setCountyCodes(ChoroplethStyle::codesOf(layer));
                break;
            }
        }
        settings.setChoropleth(complete);
    }
    QString alertError;
    const std::optional<AlertMarkers> alerts
        = openAlerts(options.store, settings, *visibility, &alertError);
    if (!alerts) {
        err << alertError << Qt::endl;
        return 1;
    }
    settings.setAlertMarkers(*alerts);
    const QImage image = MapRenderer::renderImage(settings);

    QString writeError;
    if (!ImageFile::write(image, options.out, "png", &writeError)) {
        err << writeError << Qt::endl;
        return 1;
    }
    out << tr("Map written to %1 (%2 x %3 pixels)")
               .arg(QDir::toNativeSeparators(QFileInfo(options.out).absoluteFilePath()))
               .arg(image.width())
               .arg(image.height())
        << Qt::endl;
    return 0;
}

} // namespace dv
