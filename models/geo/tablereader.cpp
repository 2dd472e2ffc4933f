// Reads a table file through GDAL (CSV in UTF-8 or GBK, XLSX, ODS, and spatial formats) as text.
#include "tablereader.h"

#include "csvtext.h"
#include "importpreview.h"
#include "quietgdalerrors.h"
#include "quotedtext.h"

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

#include <cstring>
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

QString megabytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / (1024.0 * 1024.0), 'f', bytes < 1024 * 1024 ? 2 : 0);
}

QString cellTooLong(int row, int column, const QString &columnName)
{
    const QString where = columnName.isEmpty()
        ? TableReader::tr("row %1, column %2").arg(row).arg(ImportProblem::columnLetter(column))
        : TableReader::tr("row %1, column %2 (%3)")
              .arg(row)
              .arg(ImportProblem::columnLetter(column), QuotedText::excerpt(columnName));
    return TableReader::tr("%1: the cell holds more than %2 KB of text; at most %2 KB fit in a "
                           "cell")
        .arg(where)
        .arg(TableReader::kMaxCellBytes / 1024);
}

// The first CSV field longer than the cap, found in one pass over the bytes before GDAL
// parses them: quotes toggle as in GDAL's CSV reader, and comma, semicolon and tab all end a
// field (whichever the file uses, a real cell is never longer than this measures).
std::optional<std::pair<int, int>> longCsvField(const QByteArray &csv)
{
    int row = 1, column = 1;
    qint64 length = 0;
    bool quoted = false;
    const char *data = csv.constData();
    const qsizetype size = csv.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = data[i];
        if (c == '"') {
            quoted = !quoted;
            continue;
        }
        if (!quoted && (c == ',' || c == ';' || c == '\t')) {
            ++column;
            length = 0;
            continue;
        }
        if (!quoted && c == '\n') {
            ++row;
            column = 1;
            length = 0;
            continue;
        }
        if (++length > TableReader::kMaxCellBytes)
            return std::pair { row, column };
    }
    return std::nullopt;
}

// An XLSX or ODS is a zip: its central directory says what each part unpacks to, and the parts
// holding cells are read as a stream, so a 300 KB file hiding a 300 MB cell is refused before
// GDAL inflates anything. Empty when the file is fine (or no zip: GDAL then says it is damaged).
QString zipProblem(const QString &path)
{
    const QByteArray root = "/vsizip/" + path.toUtf8();
    const CPLStringList entries(VSIReadDirRecursive(root.constData()));
    for (int i = 0; i < entries.size(); ++i) {
        const QByteArray entry(entries[i]);
        if (!entry.endsWith(".xml"))
            continue;
        const QByteArray part = root + '/' + entry;
        VSIStatBufL stat;
        if (VSIStatL(part.constData(), &stat) != 0)
            continue;
        if (qint64(stat.st_size) > TableReader::kMaxTableBytes)
            return TableReader::tr("its part %1 unpacks to %2 MB; at most %3 MB can be read")
                .arg(QString::fromUtf8(entry), megabytes(qint64(stat.st_size)),
                    megabytes(TableReader::kMaxTableBytes));
        const bool cells = entry == "xl/sharedStrings.xml" || entry.startsWith("xl/worksheets/")
            || entry == "content.xml";
        if (!cells)
            continue;
        // Text between two tags is a cell's text (tags and attributes are short): a run without
        // '<' longer than the cap is a cell longer than the cap.
        VSILFILE *f = VSIFOpenL(part.constData(), "rb");
        if (!f)
            continue;
        qint64 run = 0;
        bool tooLong = false;
        std::vector<char> buffer(256 * 1024);
        size_t n = 0;
        while (!tooLong && (n = VSIFReadL(buffer.data(), 1, buffer.size(), f)) > 0) {
            for (size_t k = 0; k < n; ++k) {
                run = buffer[k] == '<' ? 0 : run + 1;
                if (run > TableReader::kMaxCellBytes) {
                    tooLong = true;
                    break;
                }
            }
        }
        VSIFCloseL(f);
        if (tooLong)
            return TableReader::tr("a cell holds more than %1 KB of text (in %2); at most %1 KB "
                                   "fit in a cell")
                .arg(TableReader::kMaxCellBytes / 1024)
                .arg(QString::fromUtf8(entry));
    }
    return {};
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
        if (f.size() > kMaxTableBytes) {
            table.error = tr("the file holds %1 MB; at most %2 MB can be read")
                              .arg(megabytes(f.size()), megabytes(kMaxTableBytes));
            return table;
        }
        csv = f.readAll();
        if (const auto at = longCsvField(csv)) {
            table.error = cellTooLong(at->first, at->second, {});
            return table;
        }
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
        table.error = zipProblem(path);
        if (!table.error.isEmpty())
            return table;
        headers = std::make_unique<ScopedConfig>("OGR_XLSX_HEADERS", "FORCE");
        types = std::make_unique<ScopedConfig>("OGR_XLSX_FIELD_TYPES", "STRING");
        drivers[0] = "XLSX";
    } else if (suffix == QLatin1String("ods")) {
        table.encoding = QStringLiteral("ODS");
        table.error = zipProblem(path);
        if (!table.error.isEmpty())
            return table;
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
            const char *message = CPLGetLastErrorMsg();
            const QString gdal = QuotedText::excerpt(
                message, qsizetype(std::strlen(message)), 4 * QuotedText::kMaxChars);
            table.error = gdal.isEmpty() ? tr("the file is damaged or empty")
                                         : tr("the file is damaged or empty (%1)").arg(gdal);
        } else if (maxRows > 0 && layer->GetFeatureCount(TRUE) > maxRows) {
            table.error = tr("the file has %1 rows; at most %2 can be imported at once")
                              .arg(QLocale().toString(qint64(layer->GetFeatureCount(TRUE))),
                                  QLocale().toString(maxRows));
        } else {
            OGRFeatureDefn *defn = layer->GetLayerDefn();
            for (int i = 0; i < defn->GetFieldCount() && table.error.isEmpty(); ++i) {
                const char *name = defn->GetFieldDefn(i)->GetNameRef();
                if (qint64(std::strlen(name)) > kMaxCellBytes)
                    table.error = cellTooLong(1, i + 1, {});
                else
                    table.header << QString::fromUtf8(name);
            }
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
                int longCell = 0;
                for (int i = 0; i < defn->GetFieldCount(); ++i) {
                    if (!f->IsFieldSetAndNotNull(i)) {
                        cells << QString();
                        continue;
                    }
                    const char *text = f->GetFieldAsString(i);
                    const qsizetype length = qsizetype(std::strlen(text));
                    if (length > kMaxCellBytes) {
                        longCell = i + 1;
                        break;
                    }
                    const QString cell = QString::fromUtf8(text, length);
                    cells << (csv.isNull() ? cell : CsvText::unneutralised(cell));
                }
                // The CSV driver numbers records from 1 after the header (row FID + 1); the
                // XLSX and ODS drivers use the sheet's own row number; layers count features.
                const GIntBig fid = f->GetFID();
                const int row = fid < 1 || table.hasGeometry ? ordinal
                    : csv.isNull()                           ? int(fid)
                                                             : int(fid + 1);
                if (longCell > 0) {
                    table.error = cellTooLong(row, longCell, table.header.value(longCell - 1));
                    table.rows.clear();
                    table.points.clear();
                    break;
                }
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
