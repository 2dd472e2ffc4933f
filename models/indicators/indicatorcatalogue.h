// The built-in rural digital-economy indicators, with their units, ranges and sources.
#pragma once

#include "indicator.h"

#include <QCoreApplication>

#include <vector>

namespace dv {

// What a new store starts with. The store keeps its own copy, so an office adds indicators
// without code; this list only seeds it (and adds built-ins a newer dvdash knows).
class IndicatorCatalogue {
    Q_DECLARE_TR_FUNCTIONS(dv::IndicatorCatalogue)
public:
    static const std::vector<Indicator> &builtIns();
    static const Indicator *builtIn(const QString &id);
};

} // namespace dv
