// Writes one year's county indicator table as CSV (UTF-8 with BOM) or XLSX through GDAL.
#pragma once

#include "countydirectory.h"
#include "indicator.h"
#include "indicatorstore.h"

#include <QCoreApplication>

#include <vector>

namespace dv {

// Columns: 区县代码, 区县名称, 市州, 年份, then one column per indicator headed by its Chinese
// name and unit ("农村互联网普及率(%)"), rounded to its decimals; a county without a value has
// an empty cell. When any value is sample data a last column 数据说明 says 示例数据 on every row.
// The file reads back through IndicatorImporter unchanged.
class IndicatorExporter {
    Q_DECLARE_TR_FUNCTIONS(dv::IndicatorExporter)
public:
    // The format follows the suffix: .csv or .xlsx. The file is written beside the target and
    // renamed over it, so a failed export leaves any earlier file as it was.
    static bool write(const QString &path, int year, const std::vector<Indicator> &indicators,
        const std::vector<IndicatorValue> &values, const CountyDirectory &counties, bool sample,
        QString *error);
    // Reads the year's table, indicators and sample flag from the store.
    static bool exportYear(IndicatorStore &store, const CountyDirectory &counties, int year,
        const QString &path, QString *error);
};

} // namespace dv
