// One county indicator: what it measures, its unit, range and which way is better.
#include "indicator.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace dv {

QString Indicator::displayName() const
{
    if (builtIn && !nameEn.isEmpty())
        return QCoreApplication::translate("dv::IndicatorCatalogue", nameEn.toUtf8().constData());
    if (nameEn.isEmpty() || QLocale().language() == QLocale::Chinese)
        return nameZh;
    return nameEn;
}

QString Indicator::labelZh() const
{
    return unit.isEmpty() ? nameZh : QStringLiteral("%1(%2)").arg(nameZh, unit);
}

QString Indicator::rangeText() const
{
    const bool low = std::isfinite(minimum), high = std::isfinite(maximum);
    if (low && high)
        return tr("%1 to %2").arg(minimum).arg(maximum);
    if (low)
        return tr("at least %1").arg(minimum);
    if (high)
        return tr("at most %1").arg(maximum);
    return {};
}

QString Indicator::validate() const
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z][a-z0-9_]{0,63}$"));
    if (!idPattern.match(id).hasMatch())
        return tr("indicator id \"%1\" must be lower-case letters, digits and _, starting with "
                  "a letter")
            .arg(id);
    if (nameZh.trimmed().isEmpty())
        return tr("indicator %1 needs a Chinese name").arg(id);
    if (decimals < 0 || decimals > 6)
        return tr("indicator %1: decimals must be from 0 to 6").arg(id);
    if (std::isnan(minimum) || std::isnan(maximum) || minimum > maximum)
        return tr("indicator %1: the minimum must not exceed the maximum").arg(id);
    return {};
}

QString Indicator::dimensionKey(IndicatorDimension dimension)
{
    switch (dimension) {
    case IndicatorDimension::Infrastructure:
        return QStringLiteral("infrastructure");
    case IndicatorDimension::Economy:
        return QStringLiteral("economy");
    case IndicatorDimension::Governance:
        return QStringLiteral("governance");
    case IndicatorDimension::Life:
        return QStringLiteral("life");
    }
    return {};
}

std::optional<IndicatorDimension> Indicator::dimensionFromKey(const QString &key)
{
    for (IndicatorDimension d : { IndicatorDimension::Infrastructure, IndicatorDimension::Economy,
             IndicatorDimension::Governance, IndicatorDimension::Life }) {
        if (dimensionKey(d) == key)
            return d;
    }
    return std::nullopt;
}

QString Indicator::dimensionName(IndicatorDimension dimension)
{
    switch (dimension) {
    case IndicatorDimension::Infrastructure:
        return tr("Digital infrastructure");
    case IndicatorDimension::Economy:
        return tr("Digital economy");
    case IndicatorDimension::Governance:
        return tr("Digital governance");
    case IndicatorDimension::Life:
        return tr("Digital life");
    }
    return {};
}

} // namespace dv
