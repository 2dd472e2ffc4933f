// A choropleth of one indicator and year, built from the store: for the window and render-map.
#include "indicatormap.h"

#include <QStringList>

namespace dv {

std::optional<ChoroplethStyle> IndicatorMap::build(IndicatorStore &store,
    const QString &indicatorId, int year, const QStringList &countyCodes, QString *error)
{
    const auto indicators = store.indicators(error);
    if (!indicators)
        return std::nullopt;
    const Indicator *indicator = nullptr;
    QStringList ids;
    for (const Indicator &i : *indicators) {
        ids << i.id;
        if (i.id == indicatorId || i.nameZh == indicatorId)
            indicator = &i;
    }
    if (!indicator) {
        *error = tr("no indicator %1; known: %2").arg(indicatorId, ids.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    const auto years = store.years(error);
    if (!years)
        return std::nullopt;
    if (!years->contains(year)) {
        QStringList known;
        for (int y : *years)
            known << QString::number(y);
        *error = tr("no indicator values for %1; the store has %2")
                     .arg(year)
                     .arg(known.isEmpty() ? tr("none") : known.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    const auto values = store.values(indicator->id, year, error);
    const auto sample = store.hasSampleValues(year, error);
    if (!values || !sample)
        return std::nullopt;
    ChoroplethStyle style;
    style.setTitle(indicator->displayName());
    style.setIndicatorId(indicator->id);
    style.setUnit(indicator->unit);
    style.setDecimals(indicator->decimals);
    style.setYear(year);
    if (*sample)
        style.setSource(tr("Sample data (示例数据)"));
    style.setCountyCodes(countyCodes);
    style.setMethod(ClassBreaks::Method::NaturalBreaks);
    style.setClassCount(5);
    style.setPaletteId(QStringLiteral("YlGnBu"));
    style.setReversed(!indicator->higherIsBetter);
    style.setValues(*values);
    return style;
}

} // namespace dv
