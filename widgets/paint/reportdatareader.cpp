// Reads what a report shows from the stores, in the caller's thread, into a ReportData value.
#include "reportdatareader.h"

#include "alertstore.h"
#include "bundleddata.h"
#include "compositeindex.h"
#include "devicekey.h"
#include "indicatorstore.h"
#include "layerstack.h"
#include "metriccatalogue.h"
#include "reportlanguage.h"
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

// The bundled sites layer: site_id -> type, and which sites are sample data (示例数据).
struct SiteIndex {
    QHash<QString, QString> types;
    QSet<QString> sample;
};

SiteIndex indexSites(const MapSettings &map)
{
    SiteIndex index;
    const VectorLayer *sites = map.layer(QStringLiteral("sites"));
    if (!sites)
        return index;
    for (int f = 0; f < sites->featureCount(); ++f) {
        const QString id = sites->table().text(f, QStringLiteral("site_id"));
        index.types.insert(id, sites->table().text(f, QStringLiteral("type")));
        if (sites->table().text(f, QStringLiteral("sample")) == QLatin1String("1"))
            index.sample.insert(id);
    }
    return index;
}

// The sites of the report's area on its map; sample sites only when the report includes them,
// as the window shows them only while the sample data setting is on.
void countSites(ReportData &data, const SiteIndex &index)
{
    const bool briefing = data.options.kind == ReportOptions::Kind::CountyBriefing;
    if (!data.options.sampleSites && !index.sample.isEmpty()) {
        // The bundled layer holds the sample sites only: hidden as a whole, as in the window.
        std::vector<VectorLayer> layers = data.map.layers();
        for (VectorLayer &layer : layers) {
            if (layer.id() == QLatin1String("sites"))
                layer.setVisible(false);
        }
        data.map.setLayers(std::move(layers));
    }
    const VectorLayer *sites = data.map.layer(QStringLiteral("sites"));
    if (!sites || !sites->isVisible())
        return;
    for (int f = 0; f < sites->featureCount(); ++f) {
        if (briefing
            && sites->table().text(f, QStringLiteral("county_code")) != data.options.county)
            continue;
        ++data.sites;
        if (index.sample.contains(sites->table().text(f, QStringLiteral("site_id"))))
            ++data.sampleSiteCount;
    }
}

// Whether a store's record of this site is left out: a sample site the report does not show.
bool excluded(const ReportData &data, const SiteIndex &index, const QString &site)
{
    return !data.options.sampleSites && index.sample.contains(site);
}

bool readIndicators(IndicatorStore &store, const QString &spec, ReportData &data, QString *error)
{
    if (!IndicatorStore::ensureSampleDataIfOwn(store, spec, error))
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

// One sow's tag (a pig farm's body temperature): whether it reported on the period's first and
// last day. One bucket per day: the store counts, nothing more is read.
bool readSow(SensorStore &store, qint64 device, int metric, ReportData &data, QString *error)
{
    constexpr qint64 kDay = 24 * 3600 * 1000LL;
    const auto first = store.history(device, metric, data.options.from,
        std::min(data.options.to, data.options.from + kDay), 1, error);
    const auto last = first
        ? store.history(device, metric, std::max(data.options.from, data.options.to - kDay),
            data.options.to, 1, error)
        : std::nullopt;
    if (!last)
        return false;
    const bool onFirst = !first->empty() && first->front().count > 0;
    const bool onLast = !last->empty() && last->front().count > 0;
    data.sowsFirstDay += onFirst ? 1 : 0;
    data.sowsBothDays += onFirst && onLast ? 1 : 0;
    return true;
}

bool readSensors(SensorStore &store, const SiteIndex &index, ReportData &data, QString *error)
{
    const QHash<QString, QString> &types = index.types;
    const MetricInfo *bodyTemperature = MetricCatalogue::byName(QStringLiteral("body_temperature"));
    const bool briefing = data.options.kind == ReportOptions::Kind::CountyBriefing;
    const QString prefix = briefing ? data.options.county + QLatin1Char('/') : QString();
    const auto devices = store.devices(prefix, error);
    if (!devices)
        return false;
    QHash<int, int> chartOfMetric;
    for (const DeviceEntry &device : *devices) {
        const QString site = DeviceKey::site(device.key);
        if (excluded(data, index, site))
            continue;
        ++data.devices;
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
            if (briefing && bodyTemperature && metric == bodyTemperature->id
                && types.value(site) == QLatin1String("pig_farm")) {
                ++data.sowsMonitored;
                if (!readSow(store, device.id, metric, data, error))
                    return false;
            }
            if (!briefing)
                continue;
            int chart = chartOfMetric.value(metric, -1);
            if (chart < 0) {
                if (int(data.charts.size()) >= kMaxCharts)
                    continue;
                chart = int(data.charts.size());
                chartOfMetric.insert(metric, chart);
                ReportChart c;
                const ReportLanguage::Scope language(data.options.language);
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

bool readAlerts(AlertStore &store, const SiteIndex &index, ReportData &data, QString *error)
{
    AlertFilter filter;
    if (data.options.kind == ReportOptions::Kind::CountyBriefing)
        filter.countyCode = data.options.county;
    const auto alerts = store.alerts(filter, error);
    if (!alerts)
        return false;
    for (const AlertRecord &a : *alerts) {
        if (a.raisedAt >= data.options.from && a.raisedAt < data.options.to
            && !excluded(data, index, a.siteId()))
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
    {
        // The site types of the map's legend are named as the layers load, the map note here:
        // in the report's language.
        const ReportLanguage::Scope language(options.language);
        LoadResult province = BundledData::loadProvince();
        if (!province.ok()) {
            *error = province.error;
            return std::nullopt;
        }
        LayerStack stack;
        for (auto &layer : province.layers)
            stack.addLayer(layer);
        data.map = MapSettings::home(stack, QSize(800, 800), 1.0, options.mapNote());
    }
    const SiteIndex sites = indexSites(data.map);
    countSites(data, sites);
    data.sampleSites = data.sampleSiteCount > 0;

    IndicatorStore *indicators = stores.indicators(error);
    if (!indicators || !readIndicators(*indicators, stores.spec(), data, error))
        return std::nullopt;
    SensorStore *sensors = stores.sensors(error);
    if (!sensors || !readSensors(*sensors, sites, data, error))
        return std::nullopt;
    AlertStore *alerts = stores.alerts(error);
    if (!alerts || !readAlerts(*alerts, sites, data, error))
        return std::nullopt;
    return data;
}

} // namespace dv
