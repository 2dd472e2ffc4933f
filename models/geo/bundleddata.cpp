// The province's own data shipped with the program: counties, prefectures, sample sites.
#include "bundleddata.h"

#include "datapaths.h"
#include "layerloader.h"
#include "vectorlayer.h"

#include <QDir>
#include <QFileInfo>

namespace dv {

QString BundledData::geopackagePath()
{
    // One search for all shipped data (DataPaths); the first candidate names a missing file.
    const QString name = QStringLiteral("guizhou.gpkg");
    const QString dir = DataPaths::find(name);
    return QDir(dir.isEmpty() ? DataPaths::dataDirectories().value(0) : dir).filePath(name);
}

LoadResult BundledData::loadProvince()
{
    if (DataPaths::find(QStringLiteral("guizhou.gpkg")).isEmpty()) {
        LoadResult missing;
        missing.error = DataPaths::missingMessage(QStringLiteral("guizhou.gpkg"));
        return missing;
    }
    LoadResult result = LayerLoader::load(geopackagePath());
    if (!result.error.isEmpty())
        return result;
    std::vector<std::shared_ptr<VectorLayer>> ordered;
    // Drawing order: counties, prefecture borders over them, sites on top.
    const struct {
        const char *table;
        LayerRole role;
        const char *name;
    } wanted[] = {
        { "counties", LayerRole::Counties, QT_TR_NOOP("Counties") },
        { "prefectures", LayerRole::Prefectures, QT_TR_NOOP("Prefecture borders") },
        { "sites", LayerRole::Sites, QT_TR_NOOP("Sites (sample data)") },
    };
    for (const auto &w : wanted) {
        for (const auto &layer : result.layers) {
            if (layer->sourceLayerName() != QLatin1String(w.table))
                continue;
            layer->setId(QString::fromLatin1(w.table));
            layer->setRole(w.role);
            layer->setName(tr(w.name));
            layer->setStyle(w.role == LayerRole::Counties ? LayerStyle::counties()
                    : w.role == LayerRole::Sites          ? LayerStyle::sites()
                                                          : LayerStyle::prefectures());
            ordered.push_back(layer);
        }
    }
    if (ordered.size() != 3) {
        result.error = tr("%1: the bundled data lacks the counties, prefectures or sites layer")
                           .arg(QDir::toNativeSeparators(geopackagePath()));
        result.layers.clear();
        return result;
    }
    result.layers = ordered;
    return result;
}

} // namespace dv
