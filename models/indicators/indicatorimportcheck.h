// What an indicator import is refused for before anything is written, on either backend.
#pragma once

#include "indicatorstore.h"

#include <QCoreApplication>

namespace dv {

// SqliteIndicatorStore and PostgresIndicatorStore refuse the same file with the same words:
// the checks IndicatorStore::importValues() promises live here once.
class IndicatorImportCheck {
    Q_DECLARE_TR_FUNCTIONS(dv::IndicatorImportCheck)
public:
    // Why values cannot be imported, naming the first row at fault: an indicator not among
    // known, a non-finite value, a year outside 1900–2100 or no county, a cell given twice.
    // Empty when every value may be written.
    static QString refusal(
        const std::vector<IndicatorValue> &values, const std::vector<Indicator> &known);
};

} // namespace dv
