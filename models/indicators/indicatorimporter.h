// Reads county indicator tables (CSV, XLSX, ODS through GDAL) into a preview, then commits it.
#pragma once

#include "countydirectory.h"
#include "importpreview.h"
#include "indicator.h"
#include "tablereader.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QStringList>

#include <optional>
#include <vector>

namespace dv {

class IndicatorStore;

// Two layouts, told apart by their headers:
// - long: columns county, indicator, year, value (one value per row);
// - wide: a county column and one column per indicator; the year comes from a year column
//   (so one file may hold several years, a row per county and year) or, when the file has
//   none, from the year given to preview() (the CLI's --year).
// Counties match by code, current or former name; indicator columns and cells by id, Chinese
// or English name, ignoring a unit in brackets ("农村互联网普及率(%)"). Rows of the province or a
// prefecture (by code 520000 / 520100 or name) and the digital-village index column, which an
// export of the window's table holds, are skipped: importing such an export changes nothing.
// Empty cells and the
// no-data marks - — / NA are skipped. CSV may be UTF-8 (with or without BOM) or GBK, separated
// by comma, semicolon or tab.
class IndicatorImporter {
    Q_DECLARE_TR_FUNCTIONS(dv::IndicatorImporter)
public:
    IndicatorImporter(CountyDirectory counties, std::vector<Indicator> indicators);

    // Reads the whole file and checks every cell; writes nothing. year: the year of a wide
    // file without a year column, 0 for none.
    ImportPreview preview(const QString &path, int year = 0) const;
    // Writes a preview without problems as one revision (all or nothing) and returns its id;
    // refuses a preview with problems, writing nothing.
    static std::optional<qint64> commit(
        const ImportPreview &preview, IndicatorStore &store, QString *error);

private:
    using Table = TableReader::Table;
    Table readTable(const QString &path) const;
    const Indicator *matchIndicator(const QString &text) const;

    CountyDirectory mCounties;
    std::vector<Indicator> mIndicators;
    QHash<QString, int> mByKey; // id, Chinese or English name as key() spells it -> index
    QSet<QString> mAggregateKeys; // codes and names of the province and prefectures, as key()
};

} // namespace dv
