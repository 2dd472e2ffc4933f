// Reads what a report shows from the stores, in the caller's thread, into a ReportData value.
#include "reportdatareader.h"

#include "alertstore.h"
#include "bundleddata.h"
#include "compositeindex.h"
#include "indicatorstore.h"
#include "layerstack.h"
#include "metriccatalogue.h"
#include "sensorstore.h"
#include "storeset.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace dv {

namespace {

constexpr int kChartBuckets = 240;
constexpr int kMaxCharts = 4;
constexpr int kMaxSeriesPerChart = 6;

// site_id -> type, from the bundled sites layer.
QHash<QString, QString> siteTypes(const MapSettings &map, bool *sample)
{
    QHash<QString, QString> types;
    const VectorLayer *sites = map.layer(QStringLiteral("sites"));
    if (!sites)
        return types;
    for (int f = 0; f < sites->featureCount(); ++f) {
        types.insert(sites->table().text(f, QStringLiteral("site_id")),
            sites->table().text(f, QStringLiteral("type")));
        if (sites->table().text(f, QStringLiteral("sample")) == QLatin1String("1"))
            *sample = true;
    }
    return types;
}

bool readIndicators(IndicatorStore &store, ReportData &data, QString *error)
{
    if (!store.ensureSampleData(error))
        return false;
    const auto years = store.years(error);
    if (!years)
        return false;
    if (years->isEmpty())
        return true;
    data.year = years->last();
    const auto sample = store.hasSampleValues(data.year, error);
    const auto indicators = store.indicators(error);
    if (!sample || !indicators)
        return false;
    data.sampleIndicators = *sample;
    for (const Indicator &indicator : *indicators) {
        ReportIndicator ri;
        ri.indicator = indicator;
        const auto now = store.values(indicator.id, data.year, error);
        const auto before = store.values(indicator.id, data.year - 1, error);
        if (!now || !before)
            return false;
        if (now->isEmpty())
            continue;
        ri.values = *now;
        ri.previous = *before;
        data.indicators.push_back(std::move(ri));
    }
    const auto index = CompositeIndex::forYear(store, data.year, error);
    if (!index)
        return false;
    data.index = index->scores();
    if (years->contains(data.year - 1)) {
        const auto previous = CompositeIndex::forYear(store, data.year - 1, error);
        if (!previous)
            return false;
        data.previousIndex = previous->scores();
    }
    return true;
}

bool readSensors(
    SensorStore &store, const QHash<QString, QString> &types, ReportData &data, QString *error)
{
    const bool briefing = data.options.kind == ReportOptions::Kind::CountyBriefing;
    const QString prefix = briefing ? data.options.county + QLatin1Char('/') : QString();
    const auto devices = store.devices(prefix, error);
    if (!devices)
        return false;
    data.devices = int(devices->size());
    QHash<int, int> chartOfMetric;
    for (const DeviceEntry &device : *devices) {
        const QString site = device.key.section(QLatin1Char('/'), 1, 1);
        bool reporting = false;
        for (int metric : MetricCatalogue::metricsForSiteType(types.value(site))) {
            // The whole province needs counts only: one bucket per series.
            const auto buckets = store.history(device.id, metric, data.options.from,
                data.options.to, briefing ? kChartBuckets : 1, error);
            if (!buckets)
                return false;
            if (buckets->empty())
                continue;
            reporting = true;
            for (const HistoryBucket &b : *buckets)
                data.readings += b.count;
            if (!briefing)
                continue;
            int chart = chartOfMetric.value(metric, -1);
            if (chart < 0) {
                if (int(data.charts.size()) >= kMaxCharts)
                    continue;
                chart = int(data.charts.size());
                chartOfMetric.insert(metric, chart);
                ReportChart c;
                c.title = MetricCatalogue::label(metric);
                data.charts.push_back(c);
            }
            ReportChart &c = data.charts[chart];
            if (c.series.size() >= kMaxSeriesPerChart)
                continue;
            const MetricInfo *info = MetricCatalogue::byId(metric);
            ChartSeries series;
            series.label = device.key.section(QLatin1Char('/'), 1);
            series.unit = info ? QString::fromUtf8(info->unit) : QString();
            series.decimals = info ? info->decimals : 1;
            series.spacing = (data.options.to - data.options.from) / kChartBuckets;
            series.buckets = *buckets;
            c.series.append(series);
        }
        data.devicesReporting += reporting ? 1 : 0;
    }
    return true;
}

bool readAlerts(AlertStore &store, ReportData &data, QString *error)
{
    AlertFilter filter;
    if (data.options.kind == ReportOptions::Kind::CountyBriefing)
        filter.countyCode = data.options.county;
    const auto alerts = store.alerts(filter, error);
    if (!alerts)
        return false;
    for (const AlertRecord &a : *alerts) {
        if (a.raisedAt >= data.options.from && a.raisedAt < data.options.to)
            data.alerts.push_back(a);
    }
    return true;
}

} // namespace

std::optional<ReportData> ReportDataReader::read(
    StoreSet &stores, const ReportOptions &options, QString *error)
{
    ReportData data;
    data.options = options;
    const auto directory = CountyDirectory::loadBundled(error);
    if (!directory)
        return std::nullopt;
    data.counties = directory->counties();
    if (options.kind == ReportOptions::Kind::CountyBriefing && !data.county(options.county)) {
        *error = tr("%1 is not one of Guizhou's 88 counties").arg(options.county);
        return std::nullopt;
    }
    LoadResult province = BundledData::loadProvince();
    if (!province.ok()) {
        *error = province.error;
        return std::nullopt;
    }
    LayerStack stack;
    for (auto &layer : province.layers)
        stack.addLayer(layer);
    data.map = MapSettings::home(stack, QSize(800, 800), 1.0, options.mapNote);
    const QHash<QString, QString> types = siteTypes(data.map, &data.sampleSites);

    IndicatorStore *indicators = stores.indicators(error);
    if (!indicators || !readIndicators(*indicators, data, error))
        return std::nullopt;
    SensorStore *sensors = stores.sensors(error);
    if (!sensors || !readSensors(*sensors, types, data, error))
        return std::nullopt;
    AlertStore *alerts = stores.alerts(error);
    if (!alerts || !readAlerts(*alerts, data, error))
        return std::nullopt;
    return data;
}

} // namespace dv
