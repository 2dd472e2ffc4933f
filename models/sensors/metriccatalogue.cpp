// The one table of sensor metrics: names on the wire, units, physical limits, display labels.
#include "metriccatalogue.h"

namespace dv {

const QVector<MetricInfo> &MetricCatalogue::all()
{
    // Limits are what the physics allows, with margin, not what is normal: a sow's ear tag at
    // 60 °C is a broken sensor, not a fever.
    static const QVector<MetricInfo> metrics = {
        { 1, "air_temperature", "°C", -40, 60, 1, QT_TR_NOOP("Air temperature") },
        { 2, "relative_humidity", "%", 0, 100, 1, QT_TR_NOOP("Relative humidity") },
        { 3, "soil_moisture", "% VWC", 0, 100, 1, QT_TR_NOOP("Soil moisture") },
        { 4, "soil_temperature", "°C", -20, 60, 1, QT_TR_NOOP("Soil temperature") },
        { 5, "soil_ph", "pH", 0, 14, 2, QT_TR_NOOP("Soil pH") },
        { 6, "illuminance", "lx", 0, 200000, 0, QT_TR_NOOP("Illuminance") },
        { 7, "rainfall", "mm", 0, 500, 1, QT_TR_NOOP("Rainfall") },
        { 8, "body_temperature", "°C", 30, 45, 2, QT_TR_NOOP("Body temperature") },
        { 9, "battery", "%", 0, 100, 0, QT_TR_NOOP("Battery") },
        { 10, "terminal_online", "0/1", 0, 1, 0, QT_TR_NOOP("Terminal online") },
        { 11, "consultations", "", 0, 10000, 0, QT_TR_NOOP("Consultations") },
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
    const MetricInfo *m = byId(id);
    return m ? tr(m->label) : QString::number(id);
}

bool MetricCatalogue::isPhysicallyPossible(const MetricInfo &metric, double value)
{
    return value >= metric.physicalMin && value <= metric.physicalMax;
}

QVector<int> MetricCatalogue::metricsForSiteType(const QString &siteType)
{
    QStringList names;
    if (siteType == QLatin1String("tea_garden"))
        names = { QStringLiteral("air_temperature"), QStringLiteral("relative_humidity"),
            QStringLiteral("soil_moisture"), QStringLiteral("soil_temperature"),
            QStringLiteral("soil_ph"), QStringLiteral("illuminance"), QStringLiteral("rainfall"),
            QStringLiteral("battery") };
    else if (siteType == QLatin1String("pig_farm"))
        names = { QStringLiteral("body_temperature"), QStringLiteral("battery") };
    else if (siteType == QLatin1String("clinic"))
        names = { QStringLiteral("terminal_online"), QStringLiteral("consultations") };
    QVector<int> ids;
    for (const QString &name : names)
        ids << byName(name)->id;
    return ids;
}

} // namespace dv
