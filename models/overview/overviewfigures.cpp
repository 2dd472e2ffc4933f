// The province at a glance: the figures an official asks first, read from the four stores.
#include "overviewfigures.h"

#include "alertstore.h"
#include "chinatime.h"
#include "compositeindex.h"
#include "devicekey.h"
#include "indicatorstore.h"
#include "metriccatalogue.h"
#include "sensorstore.h"
#include "sitestore.h"
#include "storeset.h"
#include "timeunits.h"

#include <QHash>
#include <QMap>
#include <QLocale>
#include <QSet>

#include <algorithm>

namespace dv {

namespace {

// History is asked for in buckets of this width over the last 25 hours: one query per series
// answers "online now", "online this time yesterday" and the readings of both hours.
constexpr qint64 kBucketMs = 5 * kMinuteMs;
constexpr qint64 kSpanMs = 25 * kHourMs;

bool openAt(const AlertRecord &a, qint64 t)
{
    if (a.state == AlertRecord::Pending || a.state == AlertRecord::Cancelled)
        return false;
    return a.activatedAt > 0 && a.activatedAt <= t && (a.resolvedAt == 0 || a.resolvedAt > t);
}

bool inFocus(const QString &county, const QString &focus)
{
    return county.startsWith(focus);
}

} // namespace

int OverviewFigures::Figure::trend() const
{
    if (!available || !previous || !std::isfinite(*previous))
        return 0;
    return value > *previous ? 1 : (value < *previous ? -1 : 0);
}

OverviewFigures::OverviewFigures()
{
    for (Figure &f : mFigures)
        f.reason = tr("Not read yet");
}

void OverviewFigures::setUnavailable(std::initializer_list<Key> keys, const QString &reason)
{
    for (Key key : keys) {
        Figure &f = mFigures[key];
        f = Figure();
        f.reason = reason;
    }
}

void OverviewFigures::set(
    Key key, double value, std::optional<double> previous, int decimals, const QString &unit)
{
    Figure &f = mFigures[key];
    f.available = true;
    f.value = value;
    f.previous = previous;
    f.reason.clear();
    f.decimals = decimals;
    f.unit = unit;
}

OverviewFigures OverviewFigures::compute(StoreSet &stores, const Request &request)
{
    QString sensorError, alertError, indicatorError, siteError;
    SensorStore *sensors = stores.sensors(&sensorError);
    AlertStore *alerts = stores.alerts(&alertError);
    IndicatorStore *indicators = stores.indicators(&indicatorError);
    SiteStore *sites = stores.sites(&siteError);
    QString problem;
    for (const QString &e : { sensorError, alertError, indicatorError, siteError }) {
        if (!e.isEmpty()) {
            problem = e;
            break;
        }
    }
    return compute(sensors, alerts, indicators, sites, request, problem);
}

OverviewFigures OverviewFigures::compute(SensorStore *sensors, AlertStore *alerts,
    IndicatorStore *indicators, SiteStore *sites, const Request &request,
    const QString &storeProblem)
{
    OverviewFigures f;
    f.mComputedAt = request.now;
    f.mFocus = request.focus;
    const QString noStore = storeProblem.isEmpty() ? tr("The store cannot be opened") : storeProblem;
    if (sensors && sites)
        f.computeLive(sensors, sites, request);
    else
        f.setUnavailable({ SitesOnline, SitesSilent, DevicesOnline, DevicesSilent,
                             ReadingsLastHour, SowsMonitored, ClinicTerminalsOnline },
            noStore);
    if (alerts && sites)
        f.computeAlerts(alerts, sites, request);
    else
        f.setUnavailable(
            { CriticalWarnings, Warnings, FeversToday, TeaGardensFrost, TeaGardensDrought },
            noStore);
    if (indicators)
        f.computeIndicators(indicators, request);
    else
        f.setUnavailable(
            { ValueAdded, ValueAddedGrowth, DigitalVillageIndex, DigitalVillageRank }, noStore);
    return f;
}

void OverviewFigures::computeLive(SensorStore *sensors, SiteStore *sites, const Request &request)
{
    const std::initializer_list<Key> live = { SitesOnline, SitesSilent, DevicesOnline,
        DevicesSilent, ReadingsLastHour, SowsMonitored, ClinicTerminalsOnline };
    QString error;
    const auto registry = sites->sites(SiteFilter(), &error);
    if (!registry) {
        setUnavailable(live, tr("Sites cannot be read: %1").arg(error));
        return;
    }
    if (const auto newest = sensors->newestTimestamp(&error))
        mNewestReading = *newest;

    const qint64 now = request.now;
    const qint64 window = std::max(kBucketMs, request.onlineWindowMs);
    const int bucketCount = int(kSpanMs / kBucketMs);
    const qint64 from = now - kSpanMs;
    const qint64 yesterday = now - kDayMs;
    const int terminalMetric = MetricCatalogue::byName(QStringLiteral("terminal_online"))->id;
    const int bodyMetric = MetricCatalogue::byName(QStringLiteral("body_temperature"))->id;

    // The devices: those the store has numbers for (the feed registered them) and those the
    // registry lists that never reported, minus retired ones and those of retired sites.
    struct Device {
        std::optional<quint32> id;
        QStringList metrics; // as the registry knows them
    };
    QHash<QString, const Site *> siteById;
    for (const Site &site : *registry)
        siteById.insert(site.id, &site);
    QMap<QString, Device> devices; // key -> device, sorted so sites group together
    QSet<QString> retired;
    for (const Site &site : *registry) {
        if (!request.visibility.showsSite(site.id))
            continue;
        for (const SiteDevice &device : site.devices) {
            const QString key = DeviceKey::of(site.county, site.id, device.id);
            if (device.isRetired() || !site.isActive())
                retired.insert(key);
            else
                devices[key].metrics = device.metrics;
        }
    }
    if (const auto stored = sensors->devices(QString(), &error)) {
        for (const DeviceEntry &entry : *stored) {
            const Site *site = siteById.value(DeviceKey::site(entry.key));
            if (retired.contains(entry.key) || (site && !site->isActive())
                || !request.visibility.showsDeviceKey(entry.key))
                continue;
            devices[entry.key].id = entry.id;
        }
    } else {
        setUnavailable(live, tr("Devices cannot be read: %1").arg(error));
        return;
    }

    QHash<QString, std::pair<bool, bool>> siteOnline; // "county/site" -> (now, then)
    int devicesNow = 0, devicesThen = 0;
    double readingsNow = 0, readingsThen = 0;
    int sowsNow = 0, sowsThen = 0, terminalsNow = 0, terminalsThen = 0;
    bool anyPigFarm = false, anyClinic = false;
    for (auto it = devices.cbegin(); it != devices.cend(); ++it) {
        const QString siteId = DeviceKey::site(it.key());
        const Site *site = siteById.value(siteId);
        const QString type = site ? site->type
                                  : request.knownSiteTypes.value(siteId, SiteType::unknownId());
        QVector<int> metrics;
        for (const QString &name : it.value().metrics) {
            if (const MetricInfo *m = MetricCatalogue::byName(name))
                metrics << m->id;
        }
        if (metrics.isEmpty())
            metrics = MetricCatalogue::metricsForSiteType(type);
        if (metrics.isEmpty()) {
            for (const MetricInfo &m : MetricCatalogue::all())
                metrics << m.id;
        }
        const bool isTag = type == QLatin1String("pig_farm") && metrics.contains(bodyMetric);
        const bool isTerminal = type == QLatin1String("clinic") && metrics.contains(terminalMetric);
        anyPigFarm |= isTag;
        anyClinic |= isTerminal;
        bool deviceNow = false, deviceThen = false;
        if (it.value().id) {
            for (int metric : metrics) {
                QString historyError;
                const auto buckets
                    = sensors->history(*it.value().id, metric, from, now, bucketCount, &historyError);
                if (!buckets)
                    continue;
                const HistoryBucket *lastNow = nullptr, *lastThen = nullptr;
                for (const HistoryBucket &b : *buckets) {
                    if (b.count <= 0)
                        continue;
                    const qint64 end = b.start + kBucketMs;
                    if (b.start >= now - kHourMs)
                        readingsNow += b.count;
                    if (b.start >= yesterday - kHourMs && end <= yesterday)
                        readingsThen += b.count;
                    if (end > now - window) {
                        deviceNow = true;
                        lastNow = &b;
                    }
                    if (end > yesterday - window && end <= yesterday) {
                        deviceThen = true;
                        lastThen = &b;
                    }
                }
                if (isTerminal && metric == terminalMetric) {
                    terminalsNow += lastNow && lastNow->last >= 0.5;
                    terminalsThen += lastThen && lastThen->last >= 0.5;
                }
            }
        }
        devicesNow += deviceNow;
        devicesThen += deviceThen;
        if (isTag) {
            sowsNow += deviceNow;
            sowsThen += deviceThen;
        }
        auto &online = siteOnline[DeviceKey::siteOf(it.key())];
        online.first |= deviceNow;
        online.second |= deviceThen;
    }
    const int deviceCount = int(devices.size());
    const int siteCount = int(siteOnline.size());
    int sitesNow = 0, sitesThen = 0;
    for (const auto &online : std::as_const(siteOnline)) {
        sitesNow += online.first;
        sitesThen += online.second;
    }
    set(SitesOnline, sitesNow, sitesThen);
    set(SitesSilent, siteCount - sitesNow, siteCount - sitesThen);
    set(DevicesOnline, devicesNow, devicesThen);
    set(DevicesSilent, deviceCount - devicesNow, deviceCount - devicesThen);
    set(ReadingsLastHour, readingsNow, readingsThen);
    if (anyPigFarm)
        set(SowsMonitored, sowsNow, sowsThen);
    else
        setUnavailable({ SowsMonitored }, tr("No pig farm has ear tags"));
    if (anyClinic)
        set(ClinicTerminalsOnline, terminalsNow, terminalsThen);
    else
        setUnavailable({ ClinicTerminalsOnline }, tr("No clinic has a terminal"));
}

void OverviewFigures::computeAlerts(AlertStore *alerts, SiteStore *sites, const Request &request)
{
    const std::initializer_list<Key> keys
        = { CriticalWarnings, Warnings, FeversToday, TeaGardensFrost, TeaGardensDrought };
    QString error;
    AlertFilter filter; // all, resolved too: yesterday's open ones are compared with
    const auto all = alerts->alerts(filter, &error);
    if (!all) {
        setUnavailable(keys, tr("Warnings cannot be read: %1").arg(error));
        return;
    }
    const auto types = sites->siteTypes(&error);
    if (!types) {
        setUnavailable({ TeaGardensFrost, TeaGardensDrought },
            tr("Sites cannot be read: %1").arg(error));
    }
    std::optional<RuleBook> book = alerts->rules(&error);
    if (!book)
        book = RuleBook::defaults();
    // Rule id -> 1 frost, 2 drought: a "below" rule on the metric, whatever the office named it.
    QHash<QString, int> weatherRule;
    for (const AlertRule &rule : book->rules()) {
        if (rule.direction != AlertRule::Below)
            continue;
        if (rule.metric == QLatin1String("air_temperature"))
            weatherRule.insert(rule.id, 1);
        else if (rule.metric == QLatin1String("soil_moisture"))
            weatherRule.insert(rule.id, 2);
    }
    const int bodyMetric = MetricCatalogue::byName(QStringLiteral("body_temperature"))->id;
    const qint64 now = request.now;
    const qint64 then = now - kDayMs;
    const qint64 today = ChinaTime::startOfDay(now);
    int criticalNow = 0, criticalThen = 0, warningNow = 0, warningThen = 0;
    QSet<QString> feversToday, feversYesterday;
    QSet<QString> frostNow, frostThen, droughtNow, droughtThen;
    for (const AlertRecord &a : *all) {
        if (!request.visibility.showsSite(a.siteId()))
            continue;
        const bool isOpen = a.isOpen();
        const bool wasOpen = openAt(a, then);
        if (a.critical) {
            criticalNow += isOpen;
            criticalThen += wasOpen;
        } else {
            warningNow += isOpen;
            warningThen += wasOpen;
        }
        const bool real = a.state != AlertRecord::Pending && a.state != AlertRecord::Cancelled;
        if (real && a.metric == bodyMetric) {
            if (a.raisedAt >= today && a.raisedAt <= now)
                feversToday.insert(a.deviceKey);
            else if (a.raisedAt >= today - kDayMs && a.raisedAt <= then)
                feversYesterday.insert(a.deviceKey);
        }
        const int weather = weatherRule.value(a.ruleId);
        const QString siteType = types && types->contains(a.siteId())
            ? types->value(a.siteId())
            : request.knownSiteTypes.value(a.siteId());
        if (weather && types && siteType == QLatin1String("tea_garden")) {
            const QString site = DeviceKey::siteOf(a.deviceKey);
            if (isOpen)
                (weather == 1 ? frostNow : droughtNow).insert(site);
            if (wasOpen)
                (weather == 1 ? frostThen : droughtThen).insert(site);
        }
    }
    set(CriticalWarnings, criticalNow, criticalThen);
    set(Warnings, warningNow, warningThen);
    set(FeversToday, feversToday.size(), feversYesterday.size());
    if (types) {
        set(TeaGardensFrost, frostNow.size(), frostThen.size());
        set(TeaGardensDrought, droughtNow.size(), droughtThen.size());
    }
}

void OverviewFigures::computeIndicators(IndicatorStore *store, const Request &request)
{
    const std::initializer_list<Key> keys
        = { ValueAdded, ValueAddedGrowth, DigitalVillageIndex, DigitalVillageRank };
    const QString focus = request.focus;
    QString error;
    const auto years = store->years(&error);
    if (!years) {
        setUnavailable(keys, tr("Indicators cannot be read: %1").arg(error));
        return;
    }
    if (years->isEmpty()) {
        setUnavailable(keys, tr("No indicator values are stored"));
        return;
    }
    const int year = years->last();
    mIndicatorYear = year;

    // Value added summed over the focus's counties: by year, and only counties with both years
    // for a growth.
    QHash<int, QHash<QString, double>> added;
    for (int y = year - 2; y <= year; ++y) {
        if (auto v = store->values(QStringLiteral("de_value_added"), y, &error))
            added.insert(y, *v);
    }
    auto sum = [&](int y) -> std::optional<double> {
        double total = 0;
        int n = 0;
        for (auto it = added.value(y).cbegin(); it != added.value(y).cend(); ++it) {
            if (inFocus(it.key(), focus)) {
                total += it.value();
                ++n;
            }
        }
        return n ? std::optional<double>(total) : std::nullopt;
    };
    auto growthOfSums = [&](int y) -> std::optional<double> {
        double now = 0, before = 0;
        const QHash<QString, double> &a = added[y];
        const QHash<QString, double> &b = added[y - 1];
        for (auto it = a.cbegin(); it != a.cend(); ++it) {
            if (inFocus(it.key(), focus) && b.contains(it.key())) {
                now += it.value();
                before += b.value(it.key());
            }
        }
        if (before <= 0)
            return std::nullopt;
        return (now / before - 1) * 100;
    };
    const std::optional<double> va = sum(year);
    if (va)
        set(ValueAdded, *va, sum(year - 1), 2, QStringLiteral("亿元"));
    else
        setUnavailable({ ValueAdded }, tr("No value added for %1 in %2").arg(focus).arg(year));

    const bool county = focus.size() == 6;
    std::optional<double> growth, growthBefore;
    if (county) {
        for (int y : { year, year - 1 }) {
            if (auto v = store->values(QStringLiteral("de_growth"), y, &error);
                v && v->contains(focus))
                (y == year ? growth : growthBefore) = v->value(focus);
        }
    } else {
        growth = growthOfSums(year);
        growthBefore = growthOfSums(year - 1);
    }
    if (growth)
        set(ValueAddedGrowth, *growth, growthBefore, 1, QStringLiteral("%"));
    else
        setUnavailable(
            { ValueAddedGrowth }, tr("No digital-economy growth for %1 in %2").arg(focus).arg(year));

    // Index and rank this year and last.
    struct Standing {
        std::optional<double> index;
        std::optional<double> rank;
        int of = 0;
    };
    auto standing = [&](int y) -> Standing {
        Standing s;
        QString indexError;
        const auto index = CompositeIndex::forYear(*store, y, &indexError);
        if (!index || index->scores().isEmpty())
            return s;
        // Scores of the units ranked: counties, or prefectures by their counties' mean.
        QHash<QString, double> units;
        if (focus.size() == 4 || focus.size() == 2) {
            QHash<QString, std::pair<double, int>> means;
            for (auto it = index->scores().cbegin(); it != index->scores().cend(); ++it) {
                auto &m = means[it.key().left(focus.size() == 4 ? 4 : 2)];
                m.first += it.value();
                ++m.second;
            }
            for (auto it = means.cbegin(); it != means.cend(); ++it)
                units.insert(it.key(), it.value().first / it.value().second);
        } else {
            units = index->scores();
        }
        if (!units.contains(focus))
            return s;
        s.index = units.value(focus);
        if (focus.size() != 2) {
            int better = 0;
            for (double v : std::as_const(units))
                better += v > *s.index;
            s.rank = better + 1;
            s.of = int(units.size());
        }
        return s;
    };
    const Standing now = standing(year);
    const Standing before = standing(year - 1);
    if (now.index)
        set(DigitalVillageIndex, *now.index, before.index, 1);
    else
        setUnavailable({ DigitalVillageIndex },
            tr("No digital-village index for %1 in %2").arg(focus).arg(year));
    if (now.rank)
        set(DigitalVillageRank, *now.rank, before.rank, 0, QStringLiteral("/ %1").arg(now.of));
    else if (focus.size() == 2)
        setUnavailable({ DigitalVillageRank }, tr("The province is not ranked"));
    else
        setUnavailable(
            { DigitalVillageRank }, tr("No rank for %1 in %2").arg(focus).arg(year));
}

QString OverviewFigures::label(Key key)
{
    switch (key) {
    case SitesOnline: return tr("Sites online");
    case SitesSilent: return tr("Sites silent");
    case DevicesOnline: return tr("Devices online");
    case DevicesSilent: return tr("Devices silent");
    case ReadingsLastHour: return tr("Readings in the last hour");
    case CriticalWarnings: return tr("Critical warnings");
    case Warnings: return tr("Warnings");
    case SowsMonitored: return tr("Sows monitored");
    case FeversToday: return tr("Fevers today");
    case TeaGardensFrost: return tr("Tea gardens, frost");
    case TeaGardensDrought: return tr("Tea gardens, drought");
    case ClinicTerminalsOnline: return tr("Clinic terminals online");
    case ValueAdded: return tr("Digital-economy value added");
    case ValueAddedGrowth: return tr("Digital-economy growth");
    case DigitalVillageIndex: return tr("Digital-village index");
    case DigitalVillageRank: return tr("Digital-village rank");
    case KeyCount: break;
    }
    return {};
}

QString OverviewFigures::valueText(Key key) const
{
    const Figure &f = mFigures[key];
    if (!f.available)
        return QStringLiteral("—");
    const QString number = QLocale().toString(f.value, 'f', f.decimals);
    return f.unit.isEmpty() ? number : number + QLatin1Char(' ') + f.unit;
}

QString OverviewFigures::trendText(Key key) const
{
    const Figure &f = mFigures[key];
    if (!f.available || !f.previous || !std::isfinite(*f.previous))
        return {};
    double delta = f.value - *f.previous;
    if (key == DigitalVillageRank)
        delta = -delta; // a smaller number is a better place
    const QString arrow = delta > 0 ? QStringLiteral("▲") : (delta < 0 ? QStringLiteral("▼") : QStringLiteral("＝"));
    const QString amount = QLocale().toString(std::abs(delta), 'f', f.decimals);
    if (isIndicator(key))
        return tr("%1 %2 vs %3").arg(arrow, amount).arg(mIndicatorYear - 1);
    return tr("%1 %2 vs yesterday").arg(arrow, amount);
}

} // namespace dv
