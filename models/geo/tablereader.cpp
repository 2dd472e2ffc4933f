// Reads a table file through GDAL (CSV in UTF-8 or GBK, XLSX, ODS, and spatial formats) as text.
#include "tablereader.h"

#include "quietgdalerrors.h"

#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStringDecoder>
#include <QUuid>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <mutex>

namespace dv {

namespace {

// Sets a GDAL configuration option for this thread while it lives.
class ScopedConfig {
public:
    ScopedConfig(const char *key, const char *value)
        : mKey(key)
    {
        const char *old = CPLGetThreadLocalConfigOption(key, nullptr);
        mHadOld = old != nullptr;
        if (old)
            mOld = old;
        CPLSetThreadLocalConfigOption(key, value);
    }
    ~ScopedConfig() { CPLSetThreadLocalConfigOption(mKey, mHadOld ? mOld.constData() : nullptr); }

private:
    const char *mKey;
    QByteArray mOld;
    bool mHadOld = false;
};

QString crsName(const OGRSpatialReference &srs)
{
    const char *auth = srs.GetAuthorityName(nullptr);
    const char *code = srs.GetAuthorityCode(nullptr);
    if (auth && code)
        return QStringLiteral("%1:%2").arg(QString::fromUtf8(auth), QString::fromUtf8(code));
    const char *name = srs.GetName();
    return name ? QString::fromUtf8(name) : QStringLiteral("?");
}

} // namespace

TableReader::Table TableReader::read(const QString &path, Formats formats, int maxRows)
{
    Table table;
    const QFileInfo info(path);
    if (!info.isFile()) {
        table.error = tr("the file does not exist");
        return table;
    }
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
    QuietGdalErrors quiet;
    const QString suffix = info.suffix().toLower();
    const bool layers = formats == Formats::SpreadsheetsAndLayers;
    QByteArray csv; // must outlive the /vsimem/ file that points into it
    QString openPath = path;
    CPLStringList openOptions;
    const char *drivers[] = { nullptr, nullptr };
    std::unique_ptr<ScopedConfig> headers, types;
    if (suffix == QLatin1String("csv") || suffix == QLatin1String("txt")
        || suffix == QLatin1String("tsv")) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            table.error = tr("the file cannot be read (%1)").arg(f.errorString());
            return table;
        }
        csv = f.readAll();
        // Decide the encoding once for the whole file, as AttributeTextDecoder does per value:
        // valid UTF-8 is UTF-8, anything else is taken as GBK (code page 936).
        table.encoding = QStringLiteral("UTF-8");
        if (csv.startsWith("\xEF\xBB\xBF")) {
            csv.remove(0, 3);
            table.encoding = tr("UTF-8 with BOM");
        } else {
            QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString decoded = utf8.decode(csv); // EncodedData: decodes on conversion
            if (utf8.hasError()) {
                char *recoded = CPLRecode(csv.constData(), "CP936", CPL_ENC_UTF8);
                csv = QByteArray(recoded);
                CPLFree(recoded);
                table.encoding = QStringLiteral("GBK");
            }
        }
        // GDAL's CSV driver finds the separator (comma, semicolon or tab) on the header line;
        // HEADERS=YES so a header of numbers is still a header. All cells stay text.
        openPath = QStringLiteral("/vsimem/dvdash-import-%1.csv")
                       .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        VSILFILE *mem = VSIFileFromMemBuffer(openPath.toUtf8().constData(),
            reinterpret_cast<GByte *>(csv.data()), vsi_l_offset(csv.size()), FALSE);
        if (!mem) {
            table.error = tr("the file cannot be read");
            return table;
        }
        VSIFCloseL(mem);
        openOptions.AddNameValue("HEADERS", "YES");
        drivers[0] = "CSV";
    } else if (suffix == QLatin1String("xlsx")) {
        table.encoding = QStringLiteral("XLSX");
        headers = std::make_unique<ScopedConfig>("OGR_XLSX_HEADERS", "FORCE");
        types = std::make_unique<ScopedConfig>("OGR_XLSX_FIELD_TYPES", "STRING");
        drivers[0] = "XLSX";
    } else if (suffix == QLatin1String("ods")) {
        table.encoding = QStringLiteral("ODS");
        headers = std::make_unique<ScopedConfig>("OGR_ODS_HEADERS", "FORCE");
        types = std::make_unique<ScopedConfig>("OGR_ODS_FIELD_TYPES", "STRING");
        drivers[0] = "ODS";
    } else if (layers
        && (suffix == QLatin1String("gpkg") || suffix == QLatin1String("shp")
            || suffix == QLatin1String("geojson") || suffix == QLatin1String("json")
            || suffix == QLatin1String("kml"))) {
        table.encoding = suffix.toUpper();
    } else {
        table.error = layers
            ? tr("not a CSV, XLSX, ODS, GeoPackage, Shapefile, GeoJSON or KML file")
            : tr("not a CSV, XLSX or ODS file");
        return table;
    }
    {
        QuietGdalErrors::Dataset ds(
            GDALDataset::Open(openPath.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                drivers[0] ? drivers : nullptr, openOptions.List(), nullptr));
        OGRLayer *layer = ds && ds->GetLayerCount() > 0 ? ds->GetLayer(0) : nullptr;
        if (!layer) {
            const QString gdal = QuietGdalErrors::last();
            table.error = gdal.isEmpty() ? tr("the file is damaged or empty")
                                         : tr("the file is damaged or empty (%1)").arg(gdal);
        } else if (maxRows > 0 && layer->GetFeatureCount(TRUE) > maxRows) {
            table.error = tr("the file has %1 rows; at most %2 can be imported at once")
                              .arg(QLocale().toString(qint64(layer->GetFeatureCount(TRUE))),
                                  QLocale().toString(maxRows));
        } else {
            OGRFeatureDefn *defn = layer->GetLayerDefn();
            for (int i = 0; i < defn->GetFieldCount(); ++i)
                table.header << QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef());
            // Spreadsheets carry no geometry (GDAL may still report an unknown geometry type).
            table.hasGeometry
                = layers && csv.isNull() && drivers[0] == nullptr && defn->GetGeomFieldCount() > 0;
            std::unique_ptr<OGRCoordinateTransformation> toLonLat;
            if (table.hasGeometry) {
                const OGRSpatialReference *srs = layer->GetSpatialRef();
                if (srs) {
                    table.crs = crsName(*srs);
                    OGRSpatialReference source(*srs);
                    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
                    OGRSpatialReference target;
                    target.importFromEPSG(4490);
                    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
                    toLonLat.reset(OGRCreateCoordinateTransformation(&source, &target));
                    if (!toLonLat)
                        table.error = tr("the layer's CRS %1 cannot be converted to longitude "
                                         "and latitude")
                                          .arg(table.crs);
                }
            }
            int ordinal = 1;
            for (auto &f : *layer) {
                if (!table.error.isEmpty())
                    break;
                ++ordinal;
                QStringList cells;
                for (int i = 0; i < defn->GetFieldCount(); ++i)
                    cells << (f->IsFieldSetAndNotNull(i) ? QString::fromUtf8(f->GetFieldAsString(i))
                                                         : QString());
                // The CSV driver numbers records from 1 after the header (row FID + 1); the
                // XLSX and ODS drivers use the sheet's own row number; layers count features.
                const GIntBig fid = f->GetFID();
                const int row = fid < 1 || table.hasGeometry ? ordinal
                    : csv.isNull()                           ? int(fid)
                                                             : int(fid + 1);
                table.rows.emplace_back(row, cells);
                if (!table.hasGeometry)
                    continue;
                std::optional<QPointF> point;
                const OGRGeometry *g = f->GetGeometryRef();
                if (g && !g->IsEmpty()) {
                    OGRPoint p;
                    if (wkbFlatten(g->getGeometryType()) == wkbPoint)
                        p = *g->toPoint();
                    else
                        g->Centroid(&p);
                    double x = p.getX(), y = p.getY();
                    if (!toLonLat || toLonLat->Transform(1, &x, &y))
                        point = QPointF(x, y);
                }
                table.points.push_back(point);
            }
        }
    }
    if (!csv.isNull())
        VSIUnlink(openPath.toUtf8().constData());
    return table;
}

} // namespace dv
