// What an indicator import is refused for before anything is written, on either backend.
#include "indicatorimportcheck.h"

#include <QSet>

#include <cmath>

namespace dv {

QString IndicatorImportCheck::refusal(
    const std::vector<IndicatorValue> &values, const std::vector<Indicator> &known)
{
    QSet<QString> ids;
    for (const Indicator &i : known)
        ids.insert(i.id);
    QSet<QString> seen;
    for (const IndicatorValue &v : values) {
        if (!ids.contains(v.indicator))
            return tr("unknown indicator %1").arg(v.indicator);
        if (!std::isfinite(v.value) || v.year < 1900 || v.year > 2100 || v.county.isEmpty())
            return tr("invalid value for %1, %2, %3").arg(v.county, v.indicator).arg(v.year);
        const QString cell = v.county + QLatin1Char('\x1f') + v.indicator + QLatin1Char('\x1f')
            + QString::number(v.year);
        if (seen.contains(cell))
            return tr("%1, %2, %3 is given twice").arg(v.county, v.indicator).arg(v.year);
        seen.insert(cell);
    }
    return {};
}

} // namespace dv
