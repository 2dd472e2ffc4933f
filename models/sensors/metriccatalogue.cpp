// The one table of sensor metrics: names on the wire, units, physical limits, display labels.
#include "metriccatalogue.h"

namespace dv {

const QVector<MetricInfo> &MetricCatalogue::all()
{
    // Limits are what the physics allows, with margin, not what is normal: a sow's ear tag at
    // 60 °C is a broken sensor, not a fever.
    static const QVector<MetricInfo> metrics = {
        { 1, "air_temperature", "°C", -40, 60, 1 },
        { 2, "relative_humidity", "%", 0, 100, 1 },
        { 3, "soil_moisture", "% VWC", 0, 100, 1 },
        { 4, "soil_temperature", "°C", -20, 60, 1 },
        { 5, "soil_ph", "pH", 0, 14, 2 },
        { 6, "illuminance", "lx", 0, 200000, 0 },
        { 7, "rainfall", "mm", 0, 500, 1 },
        { 8, "body_temperature", "°C", 30, 45, 2 },
        { 9, "battery", "%", 0, 100, 0 },
        { 10, "terminal_online", "0/1", 0, 1, 0 },
        { 11, "consultations", "", 0, 10000, 0 },
    };
    return metrics;
}

const MetricInfo *MetricCatalogue::byName(const QString &name)
{
    for (const MetricInfo &m : all()) {
        if (name == QLatin1String(m.name))
            return &m;
    }
    return nullptr;
}

const MetricInfo *MetricCatalogue::byId(int id)
{
    for (const MetricInfo &m : all()) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

QString MetricCatalogue::label(int id)
{
    switch (id) {
    case 1:
        return tr("Air temperature");
    case 2:
        return tr("Relative humidity");
    case 3:
        return tr("Soil moisture");
    case 4:
        return tr("Soil temperature");
    case 5:
        return tr("Soil pH");
    case 6:
        return tr("Illuminance");
    case 7:
        return tr("Rainfall");
    case 8:
        return tr("Body temperature");
    case 9:
        return tr("Battery");
    case 10:
        return tr("Terminal online");
    case 11:
        return tr("Consultations");
    default:
        return QString::number(id);
    }
}

bool MetricCatalogue::isPhysicallyPossible(const MetricInfo &metric, double value)
{
    return value >= metric.physicalMin && value <= metric.physicalMax;
}

} // namespace dv
