// Reads a table file through GDAL (CSV in UTF-8 or GBK, XLSX, ODS, and spatial formats) as text.
#pragma once

#include <QCoreApplication>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

namespace dv {

// Shared by the importers (indicators, sites): every cell as text, rows numbered as a
// spreadsheet shows them (header = row 1), so a problem can name the row a user sees.
class TableReader {
    Q_DECLARE_TR_FUNCTIONS(dv::TableReader)
public:
    enum class Formats {
        Spreadsheets, // CSV, TXT, TSV, XLSX, ODS
        SpreadsheetsAndLayers, // also GeoPackage, Shapefile, GeoJSON, KML: one point per row
    };

    struct Table {
        QStringList header;
        std::vector<std::pair<int, QStringList>> rows; // spreadsheet row number, cells
        // Layers only, one per row: the feature's point (a centroid for lines and polygons)
        // as longitude/latitude in CGCS2000 (EPSG:4490); nullopt for a row without geometry.
        std::vector<std::optional<QPointF>> points;
        bool hasGeometry = false;
        QString crs; // the layer's CRS as read ("EPSG:32648"); empty when it names none
        QString encoding; // "UTF-8", "UTF-8 with BOM", "GBK", or the format
        QString error; // translated; the table is unusable when set
    };

    // A cell holds at most this many bytes of UTF-8 text (64 KB; an address or a note needs a
    // few hundred); a file with a longer cell is refused whole, naming where it is.
    static constexpr qint64 kMaxCellBytes = 64 * 1024;
    // A CSV file, or one part of an XLSX/ODS once unpacked, holds at most this much: far more
    // than a province's tables, and little enough to refuse a zip bomb before GDAL inflates it.
    static constexpr qint64 kMaxTableBytes = 64 * 1024 * 1024;

    // maxRows > 0: a larger file is refused before its rows are read (error names the limit).
    // CSV cells written neutralised by CsvText ("'=x") read back as their text ("=x").
    static Table read(const QString &path, Formats formats, int maxRows = 0);
};

} // namespace dv
