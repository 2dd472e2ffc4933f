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
    // A stored unit ("亿元", "万元", "亩", "%") as the user reads it: unchanged in Chinese, in
    // English for the units offices use; an office's own unknown unit stays as it was entered.
    // The store and files keep the Chinese unit: this is for display only.
    static QString displayUnit(const QString &unit);
    // The same in a language chosen by the caller (a report's), not the interface's.
    static QString displayUnit(const QString &unit, bool chinese);
};

} // namespace dv
