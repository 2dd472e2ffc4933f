// The one table of sensor metrics: names on the wire, units, physical limits, display labels.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVector>

namespace dv {

struct MetricInfo {
    int id; // stable small number used in the store; never reuse one
    const char *name; // as in the MQTT payload, e.g. "air_temperature"
    const char *unit; // e.g. "°C"
    // Outside these a value is physically impossible: a sensor fault, never an alarm.
    double physicalMin;
    double physicalMax;
    int decimals;
    const char *label; // English source of the display label, translated by label()
};

class MetricCatalogue {
    Q_DECLARE_TR_FUNCTIONS(dv::MetricCatalogue)
public:
    static const QVector<MetricInfo> &all();
    static const MetricInfo *byName(const QString &name);
    static const MetricInfo *byId(int id);
    // "Air temperature" / "气温", for charts and tables.
    static QString label(int id);
    static bool isPhysicallyPossible(const MetricInfo &metric, double value);
    // What the sample devices of a site type ("tea_garden", "pig_farm", "clinic") report, in
    // the order a panel lists them.
    static QVector<int> metricsForSiteType(const QString &siteType);
};

} // namespace dv
