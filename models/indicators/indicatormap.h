// A choropleth of one indicator and year, built from the store: for the window and render-map.
#pragma once

#include "choroplethstyle.h"
#include "indicatorstore.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace dv {

class IndicatorMap {
    Q_DECLARE_TR_FUNCTIONS(dv::IndicatorMap)
public:
    // Natural breaks in 5 classes of YlGnBu, reversed where lower is better, with the
    // indicator's name, unit and decimals, and "sample data" as the source when it is. An
    // unknown indicator or a year without values is an error naming what exists.
    static std::optional<ChoroplethStyle> build(IndicatorStore &store, const QString &indicatorId,
        int year, const QStringList &countyCodes, QString *error);
};

} // namespace dv
