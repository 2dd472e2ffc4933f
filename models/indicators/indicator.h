// One county indicator: what it measures, its unit, range and which way is better.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <limits>
#include <optional>

namespace dv {

// The four dimensions of the digital-village framework the composite index averages over.
enum class IndicatorDimension { Infrastructure, Economy, Governance, Life };

// A value class. Built-in indicators come from IndicatorCatalogue; an office adds its own
// through the store, so nothing here assumes a fixed list.
class Indicator {
    Q_DECLARE_TR_FUNCTIONS(dv::Indicator)
public:
    QString id; // stable key in files and the store, e.g. "internet_penetration"
    QString nameZh; // 农村互联网普及率: data, shown as it is
    QString nameEn; // English source text; a built-in's is translated by displayName()
    QString unit; // "%", "亿元", "万元", "亩"
    int decimals = 1;
    bool higherIsBetter = true;
    IndicatorDimension dimension = IndicatorDimension::Economy;
    QString source; // where the figures come from and what they mean
    // Values outside [minimum, maximum] are refused on import (a share above 100 %, a negative
    // amount). Infinite bounds: no limit on that side.
    double minimum = -std::numeric_limits<double>::infinity();
    double maximum = std::numeric_limits<double>::infinity();
    bool inIndex = true; // counts towards the composite digital-village index
    bool builtIn = false;

    // The name in the user's language: a built-in's English name through the translations
    // (which give the Chinese name in zh_CN); an office's own indicator by its Chinese name
    // when the interface is Chinese or it has no English name.
    QString displayName() const;
    // "农村互联网普及率 (%)", as export headers and messages use it.
    QString labelZh() const;
    bool accepts(double value) const { return value >= minimum && value <= maximum; }
    // "0–100", "≥ 0", or empty when unbounded; for messages.
    QString rangeText() const;
    // Empty when the definition is usable, else the reason (for addIndicator()).
    QString validate() const;

    // "infrastructure", "economy", "governance", "life": the store's and files' spelling.
    static QString dimensionKey(IndicatorDimension dimension);
    static std::optional<IndicatorDimension> dimensionFromKey(const QString &key);
    // In the user's language.
    static QString dimensionName(IndicatorDimension dimension);
};

} // namespace dv
