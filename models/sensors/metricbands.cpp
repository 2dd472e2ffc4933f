// The value ranges a chart shades for a metric: frost, drought, fever, low battery.
#include "metricbands.h"

#include "metriccatalogue.h"

#include <limits>

namespace dv {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
const QColor kCold(0x42, 0x85, 0xf4);
const QColor kWarn(0xf9, 0xa8, 0x25);
const QColor kAlarm(0xe5, 0x39, 0x35);
} // namespace

QVector<ThresholdBand> MetricBands::forMetric(int metricId)
{
    const MetricInfo *m = MetricCatalogue::byId(metricId);
    if (!m)
        return {};
    const QLatin1String name(m->name);
    // Spring tea buds are damaged from about 4 °C down and killed below 0 °C.
    if (name == QLatin1String("air_temperature"))
        return { { -kInf, 0, kAlarm, tr("Frost (≤ 0 °C)") },
            { 0, 4, kCold, tr("Frost risk for buds (≤ 4 °C)") },
            { 35, kInf, kWarn, tr("Heat stress (≥ 35 °C)") } };
    // Tea wants moist, well-drained soil: at 20 % VWC (60 % of field capacity) it is dry,
    // above 45 % roots drown; the same numbers as the shipped alert rules.
    if (name == QLatin1String("soil_moisture"))
        return { { -kInf, 20, kWarn, tr("Drought (≤ 20 %)") },
            { 45, kInf, kCold, tr("Waterlogging (> 45 %)") } };
    // Tea grows best in acid soil, pH 4.5 to 5.5.
    if (name == QLatin1String("soil_ph"))
        return { { -kInf, 4.5, kWarn, tr("Too acid (< 4.5)") },
            { 5.5, kInf, kWarn, tr("Not acid enough (> 5.5)") } };
    // Ear tags read below rectal temperature; above 40 °C on the ear is a fever in any sow.
    // Each sow's own baseline is drawn separately.
    if (name == QLatin1String("body_temperature"))
        return { { 40, kInf, kAlarm, tr("Fever (≥ 40 °C)") } };
    if (name == QLatin1String("battery"))
        return { { -kInf, 20, kWarn, tr("Battery low (< 20 %)") } };
    return {};
}

} // namespace dv
