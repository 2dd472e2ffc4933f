// Writes county indicator tables as CSV (UTF-8 with BOM) or XLSX through GDAL.
#pragma once

#include "countydirectory.h"
#include "indicator.h"
#include "indicatorstore.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <vector>

namespace dv {

class IndicatorTableModel;

// Two tables: the table a user sees (tableOf(): what the window exports) and the store's plain
// county table (exportYear(): what `dvdash indicators export` writes for scripts and offices).
// Both read back through IndicatorImporter, which skips the aggregate rows and the index column
// of the first, so importing an export changes nothing.
class IndicatorExporter {
    Q_DECLARE_TR_FUNCTIONS(dv::IndicatorExporter)
public:
    // A sheet ready to write: made on the thread that owns the model, written on any.
    struct Table {
        struct Column {
            QString title;
            // -1: text, written as a string in XLSX (codes keep their digits) and through
            // CsvText::field in CSV; otherwise a number with this many decimals.
            int decimals = -1;
        };
        QString sheet; // the XLSX sheet's name
        std::vector<Column> columns;
        // One QVariant per column: a QString for text columns, a double for numbers (NaN or an
        // invalid QVariant: an empty cell).
        std::vector<std::vector<QVariant>> rows;
    };

    // The table as the indicator table shows it: its year, the province and prefecture rows,
    // the digital-village index, the same column titles as its header, every value rounded to
    // its indicator's decimals. A code column (520000 for the province, a prefecture's code
    // padded to six digits) and a year column come first so the file reads back; a note column
    // says sample data when it is. Empty when the model has no rows.
    // prefectureFilter: the table's prefecture filter ("5203"; empty for all): only the province
    // row, that prefecture's row and its counties, as the table shows them; the note column
    // then names the filter on every row and the XLSX sheet is named after the prefecture.
    static Table tableOf(
        const IndicatorTableModel &model, const QString &prefectureFilter = QString());
    // "Prefecture filter: 遵义市": what an export filtered to the prefecture notes on its rows.
    static QString filterNote(const QString &prefectureName);
    // The store's counties with a value in year: 区县代码, 区县名称, 市州, 年份, then one column
    // per indicator with a value, headed by its Chinese name and unit ("农村互联网普及率(%)"); a
    // last column 数据说明 says 示例数据 on every row when any value is sample data.
    static Table countyTable(int year, const std::vector<Indicator> &indicators,
        const std::vector<IndicatorValue> &values, const CountyDirectory &counties, bool sample);

    // The format follows the suffix: .csv or .xlsx. The file is written beside the target and
    // renamed over it, so a failed export leaves any earlier file as it was.
    static bool write(const Table &table, const QString &path, QString *error);
    static bool write(const QString &path, int year, const std::vector<Indicator> &indicators,
        const std::vector<IndicatorValue> &values, const CountyDirectory &counties, bool sample,
        QString *error);
    // Reads the year's table, indicators and sample flag from the store and writes countyTable().
    static bool exportYear(IndicatorStore &store, const CountyDirectory &counties, int year,
        const QString &path, QString *error);

    // The titles tableOf() gives the columns the table has not, in the user's language; the
    // importer knows them in either language.
    static QString codeTitle();
    static QString yearTitle();
    static QString noteTitle();
    // The code an aggregate row is exported with: "520000" for the province, the prefecture's
    // six-digit code ("5203" or "520300" → "520300").
    static QString provinceCode();
    static QString prefectureCode(const QString &code);
    // The rounded value as a spreadsheet's cell text: plain digits, '.' decimal point.
    static QString numberText(double value, int decimals);
};

} // namespace dv
