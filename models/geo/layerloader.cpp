// Reads a vector file through GDAL/OGR into lon/lat layers, refusing bad input with a reason.
#include "layerloader.h"

#include "attributetextdecoder.h"
#include "coordinatetransform.h"
#include "displaycrs.h"
#include "layerstyle.h"
#include "quietgdalerrors.h"
#include "vectorlayer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <cpl_error.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <mutex>
#include <optional>

Q_LOGGING_CATEGORY(lcLoader, "dv.map.loader", QtInfoMsg)

namespace dv {

namespace {

std::once_flag gdalInit;

struct FeatureDeleter {
    void operator()(OGRFeature *f) const { OGRFeature::DestroyFeature(f); }
};

bool hasSibling(const QFileInfo &fi, const QString &suffix)
{
    const QDir dir = fi.absoluteDir();
    for (const QString &s : { suffix.toLower(), suffix.toUpper() }) {
        if (dir.exists(fi.completeBaseName() + QLatin1Char('.') + s))
            return true;
    }
    return false;
}

bool isLonLatRange(const QRectF &r)
{
    return r.left() >= -180.0 && r.right() <= 180.0 && r.top() >= -90.0 && r.bottom() <= 90.0;
}

// Appends one simple geometry's parts; false when a coordinate is NaN or infinite.
bool appendParts(const OGRGeometry *g, std::vector<std::vector<QPointF>> &parts)
{
    const OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
    auto addCurve = [&](const OGRSimpleCurve *curve) {
        std::vector<QPointF> pts(curve->getNumPoints());
        for (int i = 0; i < curve->getNumPoints(); ++i) {
            pts[i] = QPointF(curve->getX(i), curve->getY(i));
            if (!std::isfinite(pts[i].x()) || !std::isfinite(pts[i].y()))
                return false;
        }
        if (!pts.empty())
            parts.push_back(std::move(pts));
        return true;
    };
    switch (type) {
    case wkbPoint: {
        auto *p = g->toPoint();
        if (!std::isfinite(p->getX()) || !std::isfinite(p->getY()))
            return false;
        parts.push_back({ QPointF(p->getX(), p->getY()) });
        return true;
    }
    case wkbLineString:
        return addCurve(g->toLineString());
    case wkbPolygon: {
        for (const OGRLinearRing *ring : *g->toPolygon()) {
            if (!addCurve(ring))
                return false;
        }
        return true;
    }
    default: {
        const auto *collection = dynamic_cast<const OGRGeometryCollection *>(g);
        if (!collection)
            return false;
        for (const OGRGeometry *member : *collection) {
            if (!appendParts(member, parts))
                return false;
        }
        return true;
    }
    }
}

std::optional<GeometryKind> kindOf(const OGRGeometry *g)
{
    switch (wkbFlatten(g->getGeometryType())) {
    case wkbPoint:
    case wkbMultiPoint:
        return GeometryKind::Point;
    case wkbLineString:
    case wkbMultiLineString:
        return GeometryKind::Line;
    case wkbPolygon:
    case wkbMultiPolygon:
        return GeometryKind::Polygon;
    default:
        return std::nullopt;
    }
}

QVariant fieldValue(const OGRFeature &feature, int i, OGRFieldType type)
{
    if (!feature.IsFieldSetAndNotNull(i))
        return {};
    switch (type) {
    case OFTInteger:
        return feature.GetFieldAsInteger(i);
    case OFTInteger64:
        return static_cast<qlonglong>(feature.GetFieldAsInteger64(i));
    case OFTReal:
        return feature.GetFieldAsDouble(i);
    default:
        return AttributeTextDecoder::decode(feature.GetFieldAsString(i));
    }
}

bool isLonLatAuthority(const OGRSpatialReference &srs)
{
    const char *auth = srs.GetAuthorityName(nullptr);
    const char *code = srs.GetAuthorityCode(nullptr);
    if (!auth || !code)
        return false;
    const QByteArray c(code);
    return qstrcmp(auth, "EPSG") == 0 && (c == "4326" || c == "4490");
}

class FileReader {
    Q_DECLARE_TR_FUNCTIONS(dv::LayerLoader)
public:
    FileReader(const QString &path, const LoadControl &control)
        : mPath(path)
        , mInfo(path)
        , mControl(control)
    {
    }

    LoadResult read();

private:
    QString fail(const QString &reason) const
    {
        return tr("%1: %2").arg(QDir::toNativeSeparators(mPath), reason);
    }
    QString precheck() const;
    std::vector<std::shared_ptr<VectorLayer>> readLayer(
        OGRLayer *layer, bool onlyLayer, LoadResult &result, QString &error);
    bool cancelled() const { return mControl.cancel && mControl.cancel->load(); }

    QString mPath;
    QFileInfo mInfo;
    const LoadControl &mControl;
    qint64 mFeaturesRead = 0;
};

QString FileReader::precheck() const
{
    if (mInfo.isDir())
        return fail(tr("this is a folder, not a file; choose the .shp, .gpkg, .geojson, .kml or "
                       ".csv file inside it"));
    if (!mInfo.exists())
        return fail(tr("the file does not exist"));
    QFile probe(mPath);
    if (!probe.open(QIODevice::ReadOnly))
        return fail(tr("the file cannot be read (%1)").arg(probe.errorString()));
    if (probe.size() == 0)
        return fail(tr("the file is empty"));
    const QString suffix = mInfo.suffix().toLower();
    if (suffix == QLatin1String("shp")) {
        if (!hasSibling(mInfo, QStringLiteral("shx")))
            return fail(tr("the Shapefile's index file %1.shx is missing; copy it next to the "
                           ".shp file")
                            .arg(mInfo.completeBaseName()));
        if (!hasSibling(mInfo, QStringLiteral("dbf")))
            return fail(tr("the Shapefile's attribute file %1.dbf is missing; copy it next to the "
                           ".shp file")
                            .arg(mInfo.completeBaseName()));
    }
    return {};
}

LoadResult FileReader::read()
{
    LoadResult result;
    result.error = precheck();
    if (!result.error.isEmpty())
        return result;

    QuietGdalErrors quiet;
    const QString suffix = mInfo.suffix().toLower();
    CPLStringList options;
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("txt")) {
        options.AddNameValue(
            "X_POSSIBLE_NAMES", "lon,lng,long,longitude,x,经度,东经,lon_*,*_lon,*longitude*");
        options.AddNameValue("Y_POSSIBLE_NAMES", "lat,latitude,y,纬度,北纬,lat_*,*_lat,*latitude*");
        options.AddNameValue("KEEP_GEOM_COLUMNS", "YES");
        options.AddNameValue("AUTODETECT_TYPE", "YES");
        options.AddNameValue("EMPTY_STRING_AS_NULL", "YES");
    }
    if (suffix == QLatin1String("shp") && !hasSibling(mInfo, QStringLiteral("cpg"))) {
        // No .cpg: take the bytes as they are and decide between UTF-8 and GBK ourselves,
        // instead of GDAL's ISO-8859-1 default that garbles Chinese.
        options.AddNameValue("ENCODING", "");
    }
    const char *const drivers[]
        = { "GPKG", "ESRI Shapefile", "GeoJSON", "GeoJSONSeq", "KML", "LIBKML", "CSV", nullptr };
    QuietGdalErrors::Dataset ds(GDALDataset::Open(mPath.toUtf8().constData(),
        GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, drivers, options.List(),
        nullptr));
    if (!ds) {
        const QString gdal = QuietGdalErrors::last();
        result.error = fail(gdal.isEmpty()
                ? tr("not a readable GeoPackage, Shapefile, GeoJSON, KML or CSV file")
                : tr("the file is damaged or not in a supported format (%1)").arg(gdal));
        return result;
    }

    std::vector<OGRLayer *> spatial;
    for (OGRLayer *layer : ds->GetLayers()) {
        if (layer->GetLayerDefn()->GetGeomFieldCount() > 0)
            spatial.push_back(layer);
    }
    if (spatial.empty()) {
        if (ds->GetLayerCount() > 0
            && (suffix == QLatin1String("csv") || suffix == QLatin1String("txt"))) {
            QStringList columns;
            OGRFeatureDefn *defn = ds->GetLayer(0)->GetLayerDefn();
            for (int i = 0; i < defn->GetFieldCount(); ++i)
                columns << AttributeTextDecoder::decode(defn->GetFieldDefn(i)->GetNameRef());
            result.error
                = fail(tr("no longitude/latitude columns found among %1; name them lon and "
                          "lat, longitude and latitude, or 经度 and 纬度")
                           .arg(columns.join(QStringLiteral(", "))));
        } else {
            result.error = fail(tr("the file has no layer with geometries"));
        }
        return result;
    }

    QString firstError;
    for (OGRLayer *layer : spatial) {
        QString error;
        auto layers = readLayer(layer, spatial.size() == 1, result, error);
        if (cancelled()) {
            result.cancelled = true;
            result.layers.clear();
            return result;
        }
        if (!layers.empty())
            result.layers.insert(result.layers.end(), layers.begin(), layers.end());
        else if (firstError.isEmpty())
            firstError = error;
    }
    if (result.layers.empty())
        result.error = firstError;
    else if (!firstError.isEmpty())
        result.notices << firstError;
    return result;
}

std::vector<std::shared_ptr<VectorLayer>> FileReader::readLayer(
    OGRLayer *layer, bool onlyLayer, LoadResult &result, QString &error)
{
    OGRFeatureDefn *defn = layer->GetLayerDefn();
    QStringList fieldNames;
    std::vector<OGRFieldType> fieldTypes;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        fieldNames << AttributeTextDecoder::decode(defn->GetFieldDefn(i)->GetNameRef());
        fieldTypes.push_back(defn->GetFieldDefn(i)->GetType());
    }
    // GeoJSON and KML often mix points, lines and polygons: each kind becomes its own layer,
    // as in QGIS, instead of dropping all but the first kind.
    struct Bucket {
        std::unique_ptr<GeometryBuffer> geometry;
        std::shared_ptr<FeatureTable> table;
    };
    std::array<Bucket, 3> buckets; // indexed by GeometryKind
    int nullOrEmpty = 0, badCoordinates = 0, unsupported = 0, selfIntersecting = 0;
    // Only a count the driver knows: the CSV driver counts every row even when not forced,
    // 13 s for a 1 GB file, during which Cancel could not be honoured.
    const GIntBig total
        = layer->TestCapability(OLCFastFeatureCount) ? layer->GetFeatureCount(FALSE) : -1;
    std::vector<std::vector<QPointF>> parts;
    std::vector<QVariant> row(fieldNames.size());

    layer->ResetReading();
    for (;;) {
        std::unique_ptr<OGRFeature, FeatureDeleter> feature(layer->GetNextFeature());
        if (!feature)
            break;
        ++mFeaturesRead;
        if ((mFeaturesRead & 1023) == 0) {
            if (cancelled())
                return {};
            if (mControl.progress)
                mControl.progress(
                    total > 0 ? double(mFeaturesRead) / double(total) : -1.0, mFeaturesRead);
        }
        if (mFeaturesRead > LayerLoader::kMaxFeatures) {
            error = fail(tr("more than %L1 features; split the file or load it into a database")
                             .arg(LayerLoader::kMaxFeatures));
            return {};
        }
        const OGRGeometry *g = feature->GetGeometryRef();
        if (!g || g->IsEmpty()) {
            ++nullOrEmpty;
            continue;
        }
        std::unique_ptr<OGRGeometry> linear;
        if (OGR_GT_IsNonLinear(g->getGeometryType())) {
            linear.reset(g->getLinearGeometry());
            g = linear.get();
        }
        const auto k = kindOf(g);
        if (!k) {
            ++unsupported;
            continue;
        }
        parts.clear();
        if (!appendParts(g, parts) || parts.empty()) {
            ++badCoordinates;
            continue;
        }
        if (*k == GeometryKind::Polygon && !g->IsValid())
            ++selfIntersecting;
        Bucket &bucket = buckets[static_cast<int>(*k)];
        if (!bucket.geometry) {
            bucket.geometry = std::make_unique<GeometryBuffer>(*k);
            bucket.table = std::make_shared<FeatureTable>(fieldNames);
            if (total > 0)
                bucket.geometry->reserve(static_cast<std::size_t>(total), 0);
        }
        bucket.geometry->beginFeature();
        for (const auto &part : parts)
            bucket.geometry->addPart(part.data(), part.size());
        for (int i = 0; i < static_cast<int>(fieldTypes.size()); ++i)
            row[i] = fieldValue(*feature, i, fieldTypes[i]);
        bucket.table->appendRow(row.data(), static_cast<int>(row.size()));
    }

    const int skipped = nullOrEmpty + badCoordinates + unsupported;
    QRectF extent;
    int kinds = 0;
    for (const Bucket &b : buckets) {
        if (!b.geometry)
            continue;
        ++kinds;
        const QRectF e = b.geometry->extent();
        extent = extent.isNull() ? e : extent.united(e);
    }
    if (kinds == 0) {
        error = skipped > 0
            ? fail(tr("none of its %n feature(s) has a usable geometry", "", skipped))
            : fail(tr("the file contains no features"));
        return {};
    }

    // Decide the CRS from the file, and refuse coordinates that contradict it.
    const OGRSpatialReference *srs = layer->GetSpatialRef();
    const auto fmt = [](double v) { return QString::number(v, 'f', 1); };
    const QString range = tr("x %1 to %2, y %3 to %4")
                              .arg(fmt(extent.left()), fmt(extent.right()), fmt(extent.top()),
                                  fmt(extent.bottom()));
    QStringList notices;
    if (!srs) {
        if (!isLonLatRange(extent)) {
            error = fail(tr("no coordinate reference system is given (is the .prj file missing?) "
                            "and the coordinates (%1) are not longitude/latitude")
                             .arg(range));
            return {};
        }
        notices << tr("%1 names no coordinate reference system; its longitude/latitude is taken "
                      "as CGCS2000 (EPSG:4490)")
                       .arg(mInfo.fileName());
    } else if (srs->IsGeographic()) {
        if (!isLonLatRange(extent)) {
            error = fail(tr("the file says its coordinates are longitude/latitude in degrees, but "
                            "they run %1, which are plainly metres (often EPSG:3857 labelled "
                            "EPSG:4326); correct the file's coordinate reference system")
                             .arg(range));
            return {};
        }
    }
    if (srs && !(srs->IsGeographic() && isLonLatAuthority(*srs))) {
        char *wkt = nullptr;
        const char *const wktOptions[] = { "FORMAT=WKT2_2019", nullptr };
        srs->exportToWkt(&wkt, wktOptions);
        CoordinateTransform toLonLat(QString::fromUtf8(wkt), DisplayCrs::baseDefinition());
        CPLFree(wkt);
        if (!toLonLat.isValid()) {
            error = fail(tr("its coordinate reference system cannot be converted to CGCS2000 (%1)")
                             .arg(toLonLat.errorString()));
            return {};
        }
        for (Bucket &b : buckets) {
            if (!b.geometry)
                continue;
            auto &v = b.geometry->vertices();
            toLonLat.forward(v.data(), v.size());
            if (std::none_of(
                    v.begin(), v.end(), [](const QPointF &p) { return std::isfinite(p.x()); })) {
                error = fail(tr("its coordinates cannot be converted to longitude/latitude"));
                return {};
            }
        }
    }

    if (nullOrEmpty > 0)
        notices << tr("%n feature(s) without geometry (null or empty) skipped", "", nullOrEmpty);
    if (badCoordinates > 0)
        notices << tr("%n feature(s) with NaN or infinite coordinates skipped", "", badCoordinates);
    if (unsupported > 0)
        notices << tr("%n feature(s) with an unsupported geometry (such as a mixed collection) "
                      "skipped",
            "", unsupported);
    if (selfIntersecting > 0)
        notices << tr(
            "%n polygon(s) intersect themselves; they are drawn as they are", "", selfIntersecting);
    result.skippedFeatures += skipped;
    result.notices << notices;

    const QString layerName = AttributeTextDecoder::decode(layer->GetName());
    const QString title = onlyLayer
        ? mInfo.completeBaseName()
        : QStringLiteral("%1 · %2").arg(mInfo.completeBaseName(), layerName);
    const QString kindTitles[] = { tr("%1 (points)"), tr("%1 (lines)"), tr("%1 (polygons)") };
    std::vector<std::shared_ptr<VectorLayer>> layers;
    // Polygons first: they are drawn lowest, so points and lines stay visible on top.
    for (int k : { 2, 1, 0 }) {
        Bucket &b = buckets[k];
        if (!b.geometry)
            continue;
        auto vl = std::make_shared<VectorLayer>(kinds > 1 ? kindTitles[k].arg(title) : title,
            std::move(b.table), std::shared_ptr<const GeometryBuffer>(std::move(b.geometry)));
        vl->setSourcePath(mInfo.absoluteFilePath());
        vl->setSourceLayerName(layerName);
        vl->setNotices(notices);
        qCDebug(lcLoader) << "loaded" << mPath << layerName << vl->featureCount() << "features";
        layers.push_back(std::move(vl));
    }
    return layers;
}

} // namespace

LoadResult LayerLoader::load(const QString &path, const LoadControl &control)
{
    std::call_once(gdalInit, [] { GDALAllRegister(); });
    FileReader reader(path, control);
    return reader.read();
}

QStringList LayerLoader::fileDialogFilters()
{
    return { tr("Vector data (*.gpkg *.shp *.geojson *.json *.kml *.csv)"),
        tr("GeoPackage (*.gpkg)"), tr("Shapefile (*.shp)"), tr("GeoJSON (*.geojson *.json)"),
        tr("KML (*.kml)"), tr("CSV with longitude/latitude columns (*.csv)") };
}

bool LayerLoader::looksSupported(const QString &path)
{
    static const QStringList suffixes
        = { QStringLiteral("gpkg"), QStringLiteral("shp"), QStringLiteral("geojson"),
              QStringLiteral("json"), QStringLiteral("kml"), QStringLiteral("csv") };
    return suffixes.contains(QFileInfo(path).suffix().toLower());
}

} // namespace dv
