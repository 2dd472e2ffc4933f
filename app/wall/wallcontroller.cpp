// The wall screen's composition: the workspaces' data gathered into a rotating WallView.
#include "wallcontroller.h"

#include "alertmarkers.h"
#include "alertrecord.h"
#include "alerttablemodel.h"
#include "alertworkspace.h"
#include "chinatime.h"
#include "compositeindex.h"
#include "devicekey.h"
#include "indicatorstore.h"
#include "layerstack.h"
#include "mapcanvas.h"
#include "metricbands.h"
#include "metriccatalogue.h"
#include "overviewsource.h"
#include "projectedgeometry.h"
#include "rulenames.h"
#include "sensorstore.h"
#include "sitestore.h"
#include "storereader.h"
#include "storeset.h"
#include "systemscreenprovider.h"
#include "timeunits.h"
#include "vectorlayer.h"
#include "wallrotation.h"
#include "wallview.h"

#include <QDateTime>
#include <QLocale>
#include <QTimer>

#include <algorithm>

namespace dv {

namespace {

constexpr int kChartBuckets = 240; // one per 6 minutes over a day: finer than a wall shows
// The upcoming view is painted this long before its turn: time for the charts' read and the
// worker's paint, short enough that the clock and figures are those of the turn.
constexpr int kPrepareLeadMs = 4000;
constexpr int kPrepareAfterTurnMs = 500; // once the turn's own frame is on the screen

// The last day of one series as a chart, read on the worker.
std::optional<WallContent::Chart> readChart(StoreSet &stores, const QString &deviceKey, int metric,
    qint64 from, qint64 to, const QString &title)
{
    QString error;
    SensorStore *sensors = stores.sensors(&error);
    if (!sensors)
        return std::nullopt;
    const auto id = sensors->findDevice(deviceKey, &error);
    if (!id)
        return std::nullopt;
    const auto buckets = sensors->history(*id, metric, from, to, kChartBuckets, &error);
    if (!buckets)
        return std::nullopt;
    WallContent::Chart chart;
    chart.title = title;
    chart.from = from;
    chart.to = to;
    const MetricInfo *info = MetricCatalogue::byId(metric);
    chart.series.label = title;
    chart.series.unit = info ? QString::fromUtf8(info->unit) : QString();
    chart.series.decimals = info ? info->decimals : 1;
    chart.series.spacing = (to - from) / kChartBuckets;
    chart.series.buckets = *buckets;
    chart.bands = MetricBands::forMetric(metric);
    return chart;
}

} // namespace

WallController::WallController(const WallSettings &settings, const QString &storeSpec,
    LayerStack *layers, MapCanvas *canvas, ScreenProvider *screens, QObject *parent)
    : QObject(parent)
    , mSettings(settings)
    , mLayers(layers)
    , mCanvas(canvas)
    , mOverview(new OverviewSource(storeSpec, this))
    , mRotation(new WallRotation(this))
    , mView(new WallView(layers))
    , mScreens(screens)
    , mTick(new QTimer(this))
    , mSlowTimer(new QTimer(this))
    , mPrepareTimer(new QTimer(this))
    , mClock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    if (!mScreens) {
        mOwnScreens = std::make_unique<SystemScreenProvider>();
        mScreens = mOwnScreens.get();
    }
    if (auto counties = mLayers->layer(QStringLiteral("counties"))) {
        for (int f = 0; f < counties->featureCount(); ++f)
            mCountyNames.insert(counties->table().text(f, QStringLiteral("code")),
                counties->table().text(f, QStringLiteral("name")));
    }
    if (auto sites = mLayers->layer(QStringLiteral("sites"))) {
        for (int f = 0; f < sites->featureCount(); ++f) {
            const QString id = sites->table().text(f, QStringLiteral("site_id"));
            mSiteNames.insert(id, sites->table().text(f, QStringLiteral("name")));
            mSiteFeatures.insert(id, f);
        }
    }
    mOverview->setSiteTypes(
        OverviewSource::siteTypesOf(mLayers->layer(QStringLiteral("sites")).get()));
    mOverview->setFocus(mSettings.focus);
    connect(mOverview, &OverviewSource::figuresChanged, this, &WallController::rebuild);

    mRotation->setViews(mSettings.views);
    mRotation->setInterval(mSettings.rotateSeconds * 1000);
    mRotation->setInterruptTimeout(mSettings.interruptSeconds * 1000);
    connect(mRotation, &WallRotation::currentChanged, this, [this](const QString &view) {
        if (view != QLatin1String("interrupt"))
            mView->setInterruptSite(std::nullopt);
        // The last minute's readings, unless read for this turn already.
        if (view == QLatin1String("charts") && mClock() - mChartsReadAt > kPrepareLeadMs * 3)
            refreshCharts();
        rebuild();
        schedulePrepare();
    });
    mPrepareTimer->setSingleShot(true);
    connect(mPrepareTimer, &QTimer::timeout, this, &WallController::prepareUpcoming);

    mView->setCursorHideDelay(mSettings.cursorHideSeconds * 1000);
    connect(mView, &WallView::nextRequested, mRotation, &WallRotation::next);
    connect(mView, &WallView::previousRequested, mRotation, &WallRotation::previous);
    connect(mView, &WallView::leaveRequested, this, [this] {
        mView->hide();
        emit left();
        deleteLater();
    });
    if (mCanvas) {
        mView->setMapLook(mCanvas->currentSettings());
        mLastChoropleth = mCanvas->currentSettings().choropleth();
        // The desk's choropleth follows to the wall; panning the desk map does not.
        connect(mCanvas, &MapCanvas::frameRendered, this, [this] {
            const MapSettings look = mCanvas->currentSettings();
            if (look.choropleth() != mLastChoropleth) {
                mLastChoropleth = look.choropleth();
                mView->setMapLook(look);
            }
        });
    }

    // The clock shows minutes and the interrupt counts down seconds: a tick a second, and a
    // repaint only when a text changes.
    mTick->setInterval(1000);
    connect(mTick, &QTimer::timeout, this, [this] {
        const QString text = ChinaTime::dateTime(mClock()).toString(QStringLiteral("HH:mm"));
        if (text != mClockText || mRotation->isInterrupted())
            rebuild();
    });
    mSlowTimer->setInterval(60 * 1000);
    connect(mSlowTimer, &QTimer::timeout, this, [this] {
        refreshCharts();
        refreshRanking();
    });
    rebuild();
    refreshCharts();
    refreshRanking();
}

WallController::~WallController()
{
    delete mView;
}

void WallController::setClock(std::function<qint64()> clock)
{
    mClock = clock;
    mOverview->setClock(std::move(clock));
    rebuild();
}

void WallController::show()
{
    mView->placeOn(mScreens, mSettings.screen);
    mView->activateWindow();
    mView->setFocus();
    mRotation->start();
    schedulePrepare();
    mTick->start();
    mSlowTimer->start();
}

void WallController::setAlerts(AlertWorkspace *alerts)
{
    if (!alerts || alerts == mAlerts)
        return;
    mAlerts = alerts;
    connect(alerts, &AlertWorkspace::reloaded, this,
        [this] { showAlerts(mAlerts->model()->alerts()); });
    if (alerts->hasLoaded())
        showAlerts(alerts->model()->alerts());
}

QString WallController::placeName(const QString &deviceKey) const
{
    const QString county = DeviceKey::county(deviceKey);
    const QString site = DeviceKey::site(deviceKey);
    return QStringLiteral("%1 · %2").arg(
        mCountyNames.value(county, county), mSiteNames.value(site, site));
}

void WallController::showAlerts(const std::vector<AlertRecord> &alerts)
{
    mOpen.clear();
    for (const AlertRecord &a : alerts) {
        if (a.isOpen())
            mOpen.push_back(a);
    }
    std::sort(mOpen.begin(), mOpen.end(), [](const AlertRecord &a, const AlertRecord &b) {
        return std::max(a.activatedAt, a.raisedAt) > std::max(b.activatedAt, b.raisedAt);
    });
    // A critical alert not open at the last read interrupts (not those open at the first read:
    // starting the wall is not news).
    const AlertRecord *fresh = nullptr;
    const qint64 now = mClock();
    for (const AlertRecord &a : mOpen) {
        if (!a.critical || a.state != AlertRecord::Active || mSeenCritical.contains(a.episode))
            continue;
        mSeenCritical.insert(a.episode);
        // News only: one that became an alert within the interrupt's time (a feed catching up
        // on yesterday is not).
        const bool recent = now - a.activatedAt <= qint64(mSettings.interruptSeconds) * 1000;
        if (mAlertsRead && !fresh && recent)
            fresh = &a;
    }
    mAlertsRead = true;
    if (mRotation->isInterrupted()) {
        const quint64 episode = mRotation->interruptEpisode();
        const auto it = std::find_if(mOpen.begin(), mOpen.end(),
            [episode](const AlertRecord &a) { return a.episode == episode; });
        if (it == mOpen.end() || it->state != AlertRecord::Active)
            mRotation->acknowledged(episode); // seen at a desk, or over
    }
    mView->setMarkers(AlertMarkers::fromAlerts(mOpen,
        mLayers->layer(QStringLiteral("sites")).get(),
        mLayers->layer(QStringLiteral("counties")).get()));
    if (fresh) {
        const AlertRecord alert = *fresh;
        mInterruptStarted = mClock();
        const int feature = mSiteFeatures.value(alert.siteId(), -1);
        const auto sites = mLayers->layer(QStringLiteral("sites"));
        std::optional<QPointF> at;
        if (sites && sites->projected() && feature >= 0 && feature < sites->featureCount())
            at = sites->projected()->anchor(feature);
        mView->setInterruptSite(at);
        mContent.interruptChart = WallContent::Chart();
        mRotation->interrupt(alert.episode);
        readInterruptChart(alert);
    }
    rebuild();
}

void WallController::rebuild()
{
    mContent = compose(mRotation->current(), mRotation->index(), mClock());
    mClockText = ChinaTime::dateTime(mContent.now).toString(QStringLiteral("HH:mm"));
    mView->setContent(mContent);
    // New content in the last seconds before a turn: the prepared frame follows it.
    const int remaining = mRotation->remainingMs();
    if (!mPrepareTimer->isActive() && remaining >= 0 && remaining <= kPrepareLeadMs)
        prepareUpcoming();
}

void WallController::schedulePrepare()
{
    mPrepareTimer->start(kPrepareAfterTurnMs);
}

void WallController::prepareUpcoming()
{
    const int remaining = mRotation->remainingMs();
    const QString view = mRotation->upcoming();
    if (view.isEmpty())
        return;
    const bool charts = view == QLatin1String("charts");
    if (charts && remaining >= 0 && remaining <= 2 * kPrepareLeadMs
        && mClock() - mChartsReadAt > 2 * kPrepareLeadMs) {
        // Read before the frame is painted ahead, so the paint has the lead's seconds.
        refreshCharts();
    }
    if (remaining > kPrepareLeadMs) {
        // Again closer to the turn, with the figures and clock of then (the charts' read first).
        const int next = remaining - (charts && remaining > 2 * kPrepareLeadMs ? 2 : 1) * kPrepareLeadMs;
        mPrepareTimer->start(std::max(kPrepareAfterTurnMs, next));
    }
    // Soon after a turn a presenter may press next at any moment: the clock of now. Before the
    // timer's turn: the clock of the turn.
    const qint64 at = mClock() + (remaining > kPrepareLeadMs ? 0 : std::max(0, remaining));
    mView->prepare(compose(view, mRotation->upcomingIndex(), at));
}

WallContent WallController::compose(const QString &view, int index, qint64 now) const
{
    WallContent c = mContent;
    c.view = view;
    if (c.view.isEmpty())
        c.view = QStringLiteral("overview");
    c.page = index + 1;
    c.pages = int(mRotation->views().size());
    c.title = tr("Guizhou Digital Village");
    c.now = now;
    c.figures = mOverview->figures();
    c.focusName = mOverview->focusName();
    c.newestReading = c.figures.newestReading();
    c.staleAfterMs = qint64(mSettings.staleFeedMinutes) * kMinuteMs;
    c.warnings.clear();
    c.interrupt = WallContent::Warning();
    const qint64 today = ChinaTime::startOfDay(c.now);
    for (const AlertRecord &a : mOpen) {
        WallContent::Warning w;
        w.episode = a.episode;
        const qint64 at = a.activatedAt ? a.activatedAt : a.raisedAt;
        w.time = ChinaTime::dateTime(at).toString(
            at >= today ? QStringLiteral("HH:mm") : QStringLiteral("MM-dd HH:mm"));
        w.place = placeName(a.deviceKey);
        w.rule = RuleNames::display(a);
        const MetricInfo *info = MetricCatalogue::byId(a.metric);
        w.value = info ? QStringLiteral("%1 %2").arg(QLocale().toString(a.value, 'f', info->decimals),
                             QString::fromUtf8(info->unit))
                       : QLocale().toString(a.value, 'f', 0);
        w.critical = a.critical;
        w.acknowledged = a.state == AlertRecord::Acknowledged;
        if (c.view == QLatin1String("interrupt") && a.episode == mRotation->interruptEpisode())
            c.interrupt = w;
        c.warnings.push_back(w);
    }
    c.interruptRemainingMs
        = std::max<qint64>(0, mRotation->interruptTimeout() - (c.now - mInterruptStarted));
    return c;
}

void WallController::refreshCharts()
{
    QStringList ids = mSettings.chartSites;
    if (ids.isEmpty()) {
        for (const AlertRecord &a : mOpen) {
            if (!ids.contains(a.siteId()))
                ids << a.siteId();
            if (ids.size() == 4)
                break;
        }
    }
    // Where each site is and what it is, from the map's sites layer (the registry may not hold
    // the sample's sites); without a choice, the first sites of the layer that have data.
    struct Candidate {
        QString id, county, type, name;
    };
    std::vector<Candidate> candidates;
    if (auto sites = mLayers->layer(QStringLiteral("sites"))) {
        QHash<QString, int> byId;
        for (int f = 0; f < sites->featureCount(); ++f)
            byId.insert(sites->table().text(f, QStringLiteral("site_id")), f);
        const QStringList chosen = ids.isEmpty() ? QStringList() : ids;
        auto add = [&](int f) {
            candidates.push_back({ sites->table().text(f, QStringLiteral("site_id")),
                sites->table().text(f, QStringLiteral("county_code")),
                sites->table().text(f, QStringLiteral("type")),
                sites->table().text(f, QStringLiteral("name")) });
        };
        if (!chosen.isEmpty()) {
            for (const QString &id : chosen) {
                if (byId.contains(id))
                    add(byId.value(id));
                else
                    candidates.push_back({ id, {}, {}, id });
            }
        } else {
            for (int f = 0; f < sites->featureCount() && candidates.size() < 8; ++f)
                add(f);
        }
    } else {
        for (const QString &id : ids)
            candidates.push_back({ id, {}, {}, id });
    }
    const qint64 to = mClock();
    const qint64 from = to - kDayMs;
    const bool chosen = !ids.isEmpty();
    mChartsReadAt = to;
    mOverview->reader()->request(
        QStringLiteral("wall-charts"), this,
        [candidates, chosen, from, to](StoreSet &stores) {
            std::vector<WallContent::Chart> charts;
            QString error;
            SiteStore *sites = stores.sites(&error);
            for (const Candidate &c : candidates) {
                if (charts.size() >= 4)
                    break;
                // The registry's word where it has the site.
                Site s;
                s.id = c.id;
                s.county = c.county;
                s.type = c.type;
                s.name = c.name;
                if (sites) {
                    if (const auto found = sites->site(c.id, &error); found && *found)
                        s = **found;
                }
                if (s.county.isEmpty())
                    continue;
                const QString prefix = DeviceKey::sitePrefix(s.county, s.id);
                // The registry's devices, or those the feed registered for the site.
                QStringList keys;
                QStringList metricNames;
                for (const SiteDevice &device : s.devices) {
                    if (!device.isRetired()) {
                        keys << prefix + device.id;
                        metricNames = device.metrics;
                        break;
                    }
                }
                if (keys.isEmpty()) {
                    if (SensorStore *sensors = stores.sensors(&error)) {
                        if (const auto found = sensors->devices(prefix, &error); found && !found->empty())
                            keys << found->front().key;
                    }
                }
                if (keys.isEmpty())
                    continue;
                QVector<int> metrics;
                for (const QString &name : metricNames) {
                    if (const MetricInfo *m = MetricCatalogue::byName(name))
                        metrics << m->id;
                }
                metrics += MetricCatalogue::metricsForSiteType(s.type);
                if (metrics.isEmpty())
                    continue;
                const int metric = metrics.first();
                const QString title = QStringLiteral("%1 · %2").arg(
                    s.name.isEmpty() ? s.id : s.name, MetricCatalogue::label(metric));
                auto chart = readChart(stores, keys.first(), metric, from, to, title);
                if (chart && (chosen || !chart->series.buckets.empty()))
                    charts.push_back(*chart);
            }
            return charts;
        },
        [this](const std::vector<WallContent::Chart> &charts) {
            mContent.charts = charts;
            rebuild();
        });
}

void WallController::refreshRanking()
{
    const QString focus = mSettings.focus;
    mOverview->reader()->request(
        QStringLiteral("wall-ranking"), this,
        [](StoreSet &stores) {
            std::pair<int, std::vector<std::pair<QString, double>>> out;
            QString error;
            IndicatorStore *store = stores.indicators(&error);
            if (!store)
                return out;
            const auto years = store->years(&error);
            if (!years || years->isEmpty())
                return out;
            const auto index = CompositeIndex::forYear(*store, years->last(), &error);
            if (!index)
                return out;
            out.first = years->last();
            for (auto it = index->scores().cbegin(); it != index->scores().cend(); ++it)
                out.second.emplace_back(it.key(), it.value());
            std::sort(out.second.begin(), out.second.end(),
                [](const auto &a, const auto &b) { return a.second > b.second; });
            return out;
        },
        [this, focus](const std::pair<int, std::vector<std::pair<QString, double>>> &ranked) {
            mContent.rankingYear = ranked.first;
            mContent.ranking.clear();
            int rank = 0;
            for (const auto &[code, score] : ranked.second) {
                WallContent::Rank r;
                r.rank = ++rank;
                r.name = mCountyNames.value(code, code);
                r.score = score;
                r.focus = focus.size() > 2 && code.startsWith(focus);
                mContent.ranking.push_back(r);
            }
            rebuild();
        });
}

void WallController::readInterruptChart(const AlertRecord &alert)
{
    const qint64 to = mClock();
    const qint64 from = std::min(alert.raisedAt - 6 * kHourMs, to - 12 * kHourMs);
    const QString key = alert.deviceKey;
    const int metric = alert.metric;
    const QString title = QStringLiteral("%1 · %2").arg(
        placeName(key), metric ? MetricCatalogue::label(metric) : RuleNames::display(alert));
    if (!metric)
        return; // a stale alert: no series to show, the map says where
    mOverview->reader()->request(
        QStringLiteral("wall-interrupt"), this,
        [key, metric, from, to, title](StoreSet &stores) {
            return readChart(stores, key, metric, from, to, title);
        },
        [this](const std::optional<WallContent::Chart> &chart) {
            if (chart)
                mContent.interruptChart = *chart;
            rebuild();
        });
}

} // namespace dv
