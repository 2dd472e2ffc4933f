// dvdash render-map: the province map as a PNG, headless, exactly as the window draws it.
#include "rendermapcommand.h"

#include "appsettings.h"
#include "bundleddata.h"
#include "choroplethstyle.h"
#include "countydirectory.h"
#include "indicatormap.h"
#include "indicatorstore.h"
#include "layerloader.h"
#include "layerstack.h"
#include "maprenderer.h"
#include "mapsettings.h"

#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QSaveFile>

namespace dv {

int RenderMapCommand::run(const RenderMapOptions &options, QTextStream &out, QTextStream &err)
{
    if (options.indicator.isEmpty())
        return render(options, nullptr, out, err);
    // The indicator map: a fresh store gets the bundled sample, as the window would show it.
    const QString spec = options.store.isEmpty() ? AppSettings::defaultStoreSpec() : options.store;
    QString error;
    std::unique_ptr<IndicatorStore> store = IndicatorStore::create(spec, &error);
    const auto counties = store ? CountyDirectory::loadBundled(&error) : std::nullopt;
    if (!store || !counties || !store->ensureSampleData(&error)) {
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
    for (auto &layer : province.layers)
        stack.addLayer(layer);

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
    const QImage image = MapRenderer::renderImage(settings);

    // QSaveFile writes beside the target and renames at the end: no half-written PNG.
    QSaveFile file(options.out);
    if (!file.open(QIODevice::WriteOnly)) {
        err << tr("%1: cannot write (%2)")
                   .arg(QDir::toNativeSeparators(options.out), file.errorString())
            << Qt::endl;
        return 1;
    }
    QImageWriter writer(&file, "png");
    if (!writer.write(image) || !file.commit()) {
        file.cancelWriting();
        err << tr("%1: cannot write (%2)")
                   .arg(QDir::toNativeSeparators(options.out), writer.errorString())
            << Qt::endl;
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
