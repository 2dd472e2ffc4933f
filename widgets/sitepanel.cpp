// A site's sensors: live and historical charts; for a pig farm, its sows with their sparklines.
#include "sitepanel.h"

#include "alertstore.h"
#include "alerttablemodel.h"
#include "chinatime.h"
#include "devicekey.h"
#include "metricbands.h"
#include "metriccatalogue.h"
#include "rulenames.h"
#include "sensorchart.h"
#include "sowtablemodel.h"
#include "sparklinedelegate.h"
#include "storereader.h"
#include "timeunits.h"
#include "vectorlayer.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <map>
#include <tuple>

namespace dv {

namespace {

QString siteTypeLabel(const QString &type)
{
    if (type == QLatin1String("tea_garden"))
        return SitePanel::tr("Tea garden");
    if (type == QLatin1String("pig_farm"))
        return SitePanel::tr("Pig farm");
    if (type == QLatin1String("clinic"))
        return SitePanel::tr("Village clinic");
    return type;
}

// What SowTableModel::load read from the store, so the GUI thread's model can load the same
// figures from memory: the figures are fetched on the reader's worker, the model stays the
// GUI's (it cannot be filled any other way without a store).
struct RecordedAnswers {
    std::map<std::tuple<quint32, int, qint64, qint64>, std::vector<Reading>> readings;
    std::map<std::tuple<quint32, int, qint64, qint64, int>, std::vector<HistoryBucket>> history;
};

// Records the answers of an inner store (on the worker), or replays them (inner nullptr).
class RecordedSensorStore : public SensorStore {
public:
    RecordedSensorStore(SensorStore *inner, RecordedAnswers *answers)
        : mInner(inner)
        , mAnswers(answers)
    {
    }

    bool open(QString *) override { return true; }
    std::optional<quint32> deviceId(const QString &, QString *error) override
    {
        return refuse<quint32>(error);
    }
    std::optional<quint32> findDevice(const QString &, QString *error) override
    {
        return refuse<quint32>(error);
    }
    std::optional<quint32> routeDevice(const QString &, const QString &, QString *error) override
    {
        return refuse<quint32>(error);
    }
    std::optional<std::vector<DeviceEntry>> devices(const QString &, QString *error) override
    {
        return refuse<std::vector<DeviceEntry>>(error);
    }
    std::optional<qint64> newestTimestamp(QString *error) override { return refuse<qint64>(error); }
    std::optional<WriteStats> write(std::vector<Reading>, QString *error) override
    {
        return refuse<WriteStats>(error);
    }
    std::optional<int> compact(qint64, QString *error) override { return refuse<int>(error); }

    std::optional<std::vector<Reading>> readings(
        quint32 device, int metric, qint64 from, qint64 to, QString *error) override
    {
        const auto key = std::make_tuple(device, metric, from, to);
        if (mInner) {
            auto answer = mInner->readings(device, metric, from, to, error);
            if (answer)
                mAnswers->readings[key] = *answer;
            return answer;
        }
        const auto it = mAnswers->readings.find(key);
        if (it == mAnswers->readings.end())
            return refuse<std::vector<Reading>>(error);
        return it->second;
    }
    std::optional<std::vector<HistoryBucket>> history(
        quint32 device, int metric, qint64 from, qint64 to, int buckets, QString *error) override
    {
        const auto key = std::make_tuple(device, metric, from, to, buckets);
        if (mInner) {
            auto answer = mInner->history(device, metric, from, to, buckets, error);
            if (answer)
                mAnswers->history[key] = *answer;
            return answer;
        }
        const auto it = mAnswers->history.find(key);
        if (it == mAnswers->history.end())
            return refuse<std::vector<HistoryBucket>>(error);
        return it->second;
    }

private:
    template <typename T> static std::optional<T> refuse(QString *error)
    {
        *error = SitePanel::tr("The sow figures changed while they were read; select the farm "
                               "again.");
        return std::nullopt;
    }

    SensorStore *mInner;
    RecordedAnswers *mAnswers;
};

// A site's devices and, for a farm, its sows' figures, as read on the worker.
struct SiteAnswer {
    std::optional<std::vector<DeviceEntry>> devices; // nullopt: the known ones stay
    RecordedAnswers sows;
    bool sowsRead = false;
    std::vector<AlertRecord> openAlerts; // on the farm's sows, so the table agrees with the list
    QString error;
};

struct SeriesAnswer {
    QVector<ChartSeries> series;
    QString error;
};

struct LiveAnswer {
    std::vector<std::vector<Reading>> readings; // per live series
    QString error;
};

struct AlertsAnswer {
    std::optional<std::vector<AlertRecord>> alerts;
    QString error;
};

// One query per series, each folded by the store into at most `buckets` buckets.
SeriesAnswer readSeries(StoreSet &stores, const std::vector<quint32> &devices, int metricId,
    const QStringList &labels, qint64 from, qint64 to, int buckets)
{
    SeriesAnswer out;
    const MetricInfo *metric = MetricCatalogue::byId(metricId);
    SensorStore *store = metric ? stores.sensors(&out.error) : nullptr;
    if (!store)
        return out;
    buckets = std::max(buckets, 50);
    // Sample devices report every minute and the seeded history every 10 minutes (hourly
    // before the last week): a gap is three such steps missing, or three empty buckets.
    const qint64 reportStep = to - from > 8 * kDayMs ? kHourMs : 10 * kMinuteMs;
    for (std::size_t i = 0; i < devices.size(); ++i) {
        ChartSeries series;
        series.label = labels.value(int(i));
        series.unit = QString::fromUtf8(metric->unit);
        series.decimals = metric->decimals;
        series.spacing = std::max((to - from) / buckets, reportStep);
        QString error;
        auto history = store->history(devices[i], metricId, from, to, buckets, &error);
        if (!history) {
            out.error = error;
            continue;
        }
        series.buckets = std::move(*history);
        out.series << series;
    }
    return out;
}

} // namespace

SitePanel::SitePanel(QWidget *parent)
    : QWidget(parent)
    , mTitle(new QLabel(this))
    , mSubtitle(new QLabel(this))
    , mMessage(new QLabel(this))
    , mLoading(new QLabel(this))
    , mMetricBox(new QComboBox(this))
    , mRangeGroup(new QButtonGroup(this))
    , mPinButton(new QToolButton(this))
    , mSowTable(new QTableView(this))
    , mSows(new SowTableModel(this))
    , mChart(new SensorChart(this))
{
    QFont titleFont = mTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    mTitle->setFont(titleFont);
    mSubtitle->setStyleSheet(QStringLiteral("color: palette(mid)"));
    mMessage->setWordWrap(true);
    mMessage->hide();
    mLoading->setText(tr("Loading…"));
    mLoading->setStyleSheet(QStringLiteral("color: palette(mid)"));
    mLoading->hide();

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Metric:"), this));
    bar->addWidget(mMetricBox);
    bar->addSpacing(12);
    buildRangeButtons(bar);
    bar->addStretch(1);

    mPinButton->setText(tr("Compare"));
    mPinButton->setToolTip(tr("Keep these series on the chart and add the next sites you select"));
    mPinButton->setPopupMode(QToolButton::InstantPopup);
    auto *pinMenu = new QMenu(mPinButton);
    pinMenu->addAction(tr("Pin the series shown"), this, &SitePanel::pinCurrentSeries);
    pinMenu->addAction(tr("Clear pinned series"), this, &SitePanel::clearPinned);
    mPinButton->setMenu(pinMenu);
    bar->addWidget(mPinButton);

    auto *reset = new QToolButton(this);
    reset->setText(tr("Reset zoom"));
    connect(reset, &QToolButton::clicked, mChart, &SensorChart::resetZoom);
    bar->addWidget(reset);
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(tr("Chart as PNG image…"), this, &SitePanel::exportPng);
    exportMenu->addAction(tr("Data as CSV…"), this, &SitePanel::exportCsv);
    exportButton->setMenu(exportMenu);
    bar->addWidget(exportButton);

    mSowTable->setModel(mSows);
    mSowTable->setItemDelegateForColumn(
        SowTableModel::LastDay, new SparklineDelegate(SowTableModel::SparklineRole, this));
    mSowTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mSowTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mSowTable->verticalHeader()->hide();
    mSowTable->horizontalHeader()->setStretchLastSection(true);
    mSowTable->setSortingEnabled(false);
    mSowTable->hide();
    connect(mSowTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { selectSow(current.isValid() ? current.row() : -1); });

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(mSowTable);
    splitter->addWidget(mChart);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 470, 800 });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    auto *heading = new QHBoxLayout;
    heading->addWidget(mTitle);
    heading->addWidget(mSubtitle, 1);
    heading->addWidget(mLoading);
    layout->addLayout(heading);
    layout->addLayout(bar);
    layout->addWidget(mMessage);
    layout->addWidget(splitter, 1);

    connect(mMetricBox, &QComboBox::activated, this,
        [this](int index) { setMetric(mMetricBox->itemData(index).toInt()); });
    connect(mChart, &SensorChart::visibleRangeChanged, this, [this](qint64 from, qint64 to) {
        if (mRange != Range::Live)
            requestSeries(from, to);
    });
    connect(mChart, &SensorChart::resetRequested, this, [this] {
        if (mRange != Range::Live)
            loadChart();
    });
    mSinceLiveRefresh.start();
    clear();
}

SitePanel::~SitePanel() = default;

void SitePanel::buildRangeButtons(QLayout *bar)
{
    const std::pair<Range, QString> ranges[] = {
        { Range::Live, tr("Live 15 min") },
        { Range::Day, tr("24 h") },
        { Range::Week, tr("7 d") },
        { Range::Month, tr("30 d") },
        { Range::Year, tr("1 y") },
        { Range::Custom, tr("Custom…") },
    };
    for (const auto &[range, text] : ranges) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setCheckable(range != Range::Custom);
        b->setAutoRaise(true);
        mRangeGroup->addButton(b, int(range));
        bar->addWidget(b);
    }
    connect(mRangeGroup, &QButtonGroup::idClicked, this, [this](int id) {
        if (Range(id) == Range::Custom)
            chooseCustomRange();
        else
            setRange(Range(id));
    });
    mRangeGroup->button(int(mRange))->setChecked(true);
}

void SitePanel::setReader(StoreReader *reader)
{
    mReader = reader;
    mLiveBusy = false;
    reload();
}

QString SitePanel::channel(const char *name) const
{
    return QStringLiteral("site-panel-%1/%2").arg(quintptr(this), 0, 16).arg(QLatin1String(name));
}

bool SitePanel::isLoading() const
{
    return mSitePending || mChartPending;
}

void SitePanel::setLoading(bool site, bool chart)
{
    mSitePending = site;
    mChartPending = chart;
    mLoading->setVisible(isLoading());
}

void SitePanel::clear()
{
    mSiteId.clear();
    mSiteType.clear();
    mDevices.clear();
    mTitle->setText(tr("No site selected"));
    mSubtitle->setText(tr("Click a tea garden, pig farm or clinic on the map"));
    mMetricBox->clear();
    mSows->clear();
    mSowTable->hide();
    mChart->clear();
    mLiveSources.clear();
    ++mEpoch; // answers still coming are for what was shown before
    setLoading(false, false);
}

void SitePanel::showSite(const VectorLayer &sites, int feature)
{
    const FeatureTable &t = sites.table();
    mSiteId = t.text(feature, QStringLiteral("site_id"));
    mSiteType = t.text(feature, QStringLiteral("type"));
    mSiteName = t.text(feature, QStringLiteral("name"));
    const QString county = t.text(feature, QStringLiteral("county_code"));
    mTitle->setText(mSiteName);
    mSubtitle->setText(QStringLiteral("%1 · %2 · %3")
                           .arg(siteTypeLabel(mSiteType),
                               t.text(feature, QStringLiteral("county_name")), mSiteId));
    mMetricBox->clear();
    for (int id : MetricCatalogue::metricsForSiteType(mSiteType))
        mMetricBox->addItem(MetricCatalogue::label(id), id);
    mMetric = mMetricBox->count() > 0 ? mMetricBox->itemData(0).toInt() : 0;
    mSelectedSow = -1;
    mDevices.clear();
    mDevicePrefix = DeviceKey::sitePrefix(county, mSiteId);
    mSowTable->setVisible(mSiteType == QLatin1String("pig_farm"));
    // Another site's curves and sows would be read as this one's while its own are on the way.
    mSows->clear();
    mChart->clear();
    mLiveSources.clear();
    ++mEpoch;
    reload();
}

void SitePanel::reload()
{
    if (mSiteId.isEmpty() || !mReader)
        return;
    mMessage->hide();
    setLoading(true, mChartPending);
    // Devices register as they first report: with none known yet, look again.
    const std::vector<DeviceEntry> known = mDevices;
    const QString prefix = mDevicePrefix;
    const QString siteId = mSiteId;
    const bool farm = mSiteType == QLatin1String("pig_farm");
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    mReader->request(
        channel("site"), this,
        [known, prefix, farm, now](StoreSet &stores) {
            SiteAnswer answer;
            SensorStore *store = stores.sensors(&answer.error);
            if (!store)
                return answer;
            std::vector<DeviceEntry> devices = known;
            if (devices.empty()) {
                answer.devices = store->devices(prefix, &answer.error);
                if (!answer.devices)
                    return answer;
                devices = *answer.devices;
            }
            if (farm) {
                RecordedSensorStore recording(store, &answer.sows);
                SowTableModel sows; // this thread's own, only to read what the model reads
                answer.sowsRead = sows.load(recording, devices, now, &answer.error);
                AlertFilter filter;
                filter.openOnly = true;
                for (const DeviceEntry &d : devices)
                    filter.deviceKeys << d.key;
                QString ignored; // without alert tables the sows are judged by readings alone
                if (AlertStore *alerts = answer.sowsRead ? stores.alerts(&ignored) : nullptr) {
                    if (auto open = alerts->alerts(filter, &ignored))
                        answer.openAlerts = std::move(*open);
                }
            }
            return answer;
        },
        [this, siteId, now](SiteAnswer &answer) {
            if (siteId != mSiteId)
                return;
            setLoading(false, mChartPending);
            if (answer.devices)
                mDevices = std::move(*answer.devices);
            if (!answer.error.isEmpty())
                showError(answer.error);
            if (answer.sowsRead) {
                const int keep = mSelectedSow;
                RecordedSensorStore replay(nullptr, &answer.sows);
                QString error;
                if (!mSows->load(replay, mDevices, now, &error))
                    showError(error);
                mSows->setOpenAlerts(answer.openAlerts);
                mSowTable->resizeColumnsToContents();
                if (keep >= 0 && keep < mSows->rowCount())
                    mSowTable->selectRow(keep);
            }
            if (mDevices.empty() && answer.error.isEmpty()) {
                mMessage->setText(
                    tr("No devices of this site have reported to the sensor store yet."));
                mMessage->show();
            }
            loadChart();
        });
}

void SitePanel::setRange(Range range)
{
    mRange = range;
    if (QAbstractButton *b = mRangeGroup->button(int(range)))
        b->setChecked(true);
    loadChart();
}

void SitePanel::setCustomRange(qint64 from, qint64 to)
{
    mCustomFrom = from;
    mCustomTo = to;
    mRange = Range::Custom;
    // No quick-range button stays lit for a custom range.
    mRangeGroup->setExclusive(false);
    for (QAbstractButton *b : mRangeGroup->buttons())
        b->setChecked(false);
    mRangeGroup->setExclusive(true);
    loadChart();
}

void SitePanel::setMetric(int metricId)
{
    mMetric = metricId;
    const int index = mMetricBox->findData(metricId);
    if (index >= 0)
        mMetricBox->setCurrentIndex(index);
    loadChart();
}

void SitePanel::selectSow(int row)
{
    mSelectedSow = row;
    loadChart();
}

void SitePanel::pinCurrentSeries()
{
    for (const SeriesSource &s : currentSources()) {
        const bool pinned = std::any_of(mPinned.begin(), mPinned.end(),
            [&](const SeriesSource &p) { return p.device == s.device && p.metric == s.metric; });
        if (pinned)
            continue;
        SeriesSource p = s;
        // Beside other sites' series the label needs the site too.
        if (p.label != mSiteName)
            p.label = QStringLiteral("%1 %2").arg(mSiteName, s.label);
        mPinned.push_back(p);
    }
    mPinButton->setText(tr("Compare (%1)").arg(mPinned.size()));
}

void SitePanel::clearPinned()
{
    mPinned.clear();
    mPinButton->setText(tr("Compare"));
    loadChart();
}

QString SitePanel::deviceLabel(const DeviceEntry &device) const
{
    // One device per site reads as the site; a farm's tags by their ear tag (the panel's
    // title names the farm).
    if (mDevices.size() == 1)
        return mSiteName;
    return DeviceKey::device(device.key);
}

std::vector<SitePanel::SeriesSource> SitePanel::currentSources() const
{
    std::vector<SeriesSource> out;
    if (mSelectedSow >= 0 && mSelectedSow < int(mSows->sows().size())) {
        const auto &sow = mSows->sows()[std::size_t(mSelectedSow)];
        out.push_back({ sow.device.id, mMetric, deviceLabel(sow.device), sow.device.key });
    } else {
        for (const DeviceEntry &d : mDevices)
            out.push_back({ d.id, mMetric, deviceLabel(d), d.key });
    }
    for (const SeriesSource &p : mPinned) {
        const bool shown = std::any_of(
            out.begin(), out.end(), [&](const SeriesSource &s) { return s.device == p.device; });
        if (p.metric == mMetric && !shown)
            out.push_back(p);
    }
    return out;
}

std::pair<qint64, qint64> SitePanel::rangeBounds() const
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    switch (mRange) {
    case Range::Live:
        return { now - kLiveWindowMs, now };
    case Range::Day:
        return { now - kDayMs, now };
    case Range::Week:
        return { now - 7 * kDayMs, now };
    case Range::Month:
        return { now - 30 * kDayMs, now };
    case Range::Year:
        return { now - 365 * kDayMs, now };
    case Range::Custom:
        return { mCustomFrom, mCustomTo };
    }
    return { now - kDayMs, now };
}

void SitePanel::loadChart()
{
    if (mSiteId.isEmpty())
        return;
    ++mEpoch;
    if (mRange == Range::Live)
        loadLive();
    else {
        const auto [from, to] = rangeBounds();
        loadHistory(from, to);
    }
    markAlerts();
}

// Bands, title and baseline of the metric and sow now chosen: set with their data, so the old
// curve is never drawn against the new metric's bands.
void SitePanel::applyChartFrame()
{
    const MetricInfo *metric = MetricCatalogue::byId(mMetric);
    mChart->setThresholdBands(MetricBands::forMetric(mMetric));
    mChart->setValueTitle(MetricCatalogue::label(mMetric));
    const bool sowChart = mSelectedSow >= 0 && mSelectedSow < int(mSows->sows().size()) && metric
        && QLatin1String(metric->name) == QLatin1String("body_temperature");
    if (sowChart && !std::isnan(mSows->sows()[std::size_t(mSelectedSow)].baseline))
        mChart->setBaseline(
            mSows->sows()[std::size_t(mSelectedSow)].baseline, tr("Her own normal (7-day median)"));
    else
        mChart->clearBaseline();
}

QVector<MarkedSpan> SitePanel::alertSpans(
    const std::vector<AlertRecord> &alerts, int metricId, qint64 now)
{
    QVector<MarkedSpan> spans;
    for (const AlertRecord &a : alerts) {
        if (a.metric != metricId && a.metric != 0)
            continue;
        spans.append({ a.raisedAt, a.resolvedAt > 0 ? a.resolvedAt : now,
            a.critical ? QColor(0xd3, 0x2f, 0x2f) : QColor(0xef, 0x6c, 0x00),
            QStringLiteral("%1 · %2").arg(
                RuleNames::display(a), AlertTableModel::stateText(a.state)) });
    }
    return spans;
}

void SitePanel::markAlerts()
{
    AlertFilter filter;
    for (const SeriesSource &s : currentSources())
        filter.deviceKeys << s.key; // the shown devices' alerts, not the province's
    if (!mReader || filter.deviceKeys.isEmpty()) {
        mChart->setMarkedSpans({});
        return;
    }
    const quint64 epoch = mEpoch;
    const int metric = mMetric;
    mReader->request(
        channel("alerts"), this,
        [filter](StoreSet &stores) {
            AlertsAnswer answer;
            if (AlertStore *store = stores.alerts(&answer.error))
                answer.alerts = store->alerts(filter, &answer.error);
            return answer;
        },
        [this, epoch, metric](const AlertsAnswer &answer) {
            if (epoch != mEpoch)
                return;
            // No alert tables (a store without them): the chart just has no shading.
            mChart->setMarkedSpans(answer.alerts
                    ? alertSpans(*answer.alerts, metric, QDateTime::currentMSecsSinceEpoch())
                    : QVector<MarkedSpan>());
        });
}

void SitePanel::loadHistory(qint64 from, qint64 to)
{
    mLiveSources.clear();
    if (!mReader)
        return;
    std::vector<quint32> devices;
    QStringList labels;
    for (const SeriesSource &s : currentSources()) {
        devices.push_back(s.device);
        labels << s.label;
    }
    const quint64 epoch = mEpoch;
    const int metric = mMetric;
    const int buckets = mChart->plotPixelWidth();
    setLoading(mSitePending, true);
    mReader->request(
        channel("chart"), this,
        [devices, metric, labels, from, to, buckets](StoreSet &stores) {
            return readSeries(stores, devices, metric, labels, from, to, buckets);
        },
        [this, epoch, from, to](const SeriesAnswer &answer) {
            if (epoch != mEpoch)
                return;
            setLoading(mSitePending, false);
            applyChartFrame();
            mChart->setLiveWindow(0);
            mChart->setTimeRange(from, to);
            mChart->setSeries(answer.series);
            if (!answer.error.isEmpty())
                showError(answer.error);
        });
}

void SitePanel::requestSeries(qint64 from, qint64 to)
{
    if (!mReader)
        return;
    std::vector<quint32> devices;
    QStringList labels;
    for (const SeriesSource &s : currentSources()) {
        devices.push_back(s.device);
        labels << s.label;
    }
    const quint64 epoch = mEpoch;
    const int metric = mMetric;
    const int buckets = mChart->plotPixelWidth();
    mReader->request(
        channel("zoom"), this,
        [devices, metric, labels, from, to, buckets](StoreSet &stores) {
            return readSeries(stores, devices, metric, labels, from, to, buckets);
        },
        [this, epoch](const SeriesAnswer &answer) {
            if (epoch != mEpoch)
                return;
            mChart->setSeries(answer.series);
            if (!answer.error.isEmpty())
                showError(answer.error);
        });
}

void SitePanel::loadLive()
{
    mLiveSources = currentSources();
    mLiveNewest.assign(mLiveSources.size(), 0);
    const MetricInfo *metric = MetricCatalogue::byId(mMetric);
    QVector<ChartSeries> series;
    for (const SeriesSource &s : mLiveSources) {
        ChartSeries c;
        c.label = s.label;
        c.unit = metric ? QString::fromUtf8(metric->unit) : QString();
        c.decimals = metric ? metric->decimals : 1;
        c.spacing = kMinuteMs;
        series << c;
    }
    // Nothing to wait for: the live window starts empty and fills as the readings come.
    setLoading(mSitePending, false);
    applyChartFrame();
    mChart->setLiveWindow(kLiveWindowMs);
    mChart->setSeries(series);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (std::size_t i = 0; i < mLiveSources.size(); ++i)
        mLiveNewest[i] = now - kLiveWindowMs;
    requestLive();
}

void SitePanel::refreshLive()
{
    if (mRange != Range::Live || !mReader || mLiveSources.empty())
        return;
    // Commits come every 100 ms under load; a second is smooth enough for minute readings. One
    // request at a time: on a slow store a newer one would supersede each before its answer.
    if (mLiveBusy || (mSinceLiveRefresh.isValid() && mSinceLiveRefresh.elapsed() < 1000))
        return;
    requestLive();
}

void SitePanel::requestLive()
{
    if (!mReader || mLiveSources.empty())
        return;
    mSinceLiveRefresh.start();
    mLiveBusy = true;
    std::vector<std::pair<quint32, int>> series;
    for (const SeriesSource &s : mLiveSources)
        series.emplace_back(s.device, s.metric);
    const std::vector<qint64> newest = mLiveNewest;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const quint64 epoch = mEpoch;
    mReader->request(
        channel("live"), this,
        [series, newest, now](StoreSet &stores) {
            LiveAnswer answer;
            SensorStore *store = stores.sensors(&answer.error);
            if (!store)
                return answer;
            for (std::size_t i = 0; i < series.size(); ++i) {
                // Devices may be a little ahead of this clock; the parser allows 5 minutes.
                auto readings = store->readings(series[i].first, series[i].second, newest[i] + 1,
                    now + 5 * kMinuteMs, &answer.error);
                if (!readings)
                    break;
                answer.readings.push_back(std::move(*readings));
            }
            return answer;
        },
        [this, epoch](const LiveAnswer &answer) {
            mLiveBusy = false;
            if (epoch != mEpoch || mRange != Range::Live)
                return;
            if (!answer.error.isEmpty())
                showError(answer.error);
            for (std::size_t i = 0; i < answer.readings.size() && i < mLiveNewest.size(); ++i) {
                for (const Reading &r : answer.readings[i]) {
                    mChart->appendLive(int(i), r.timestamp, r.value);
                    mLiveNewest[i] = std::max(mLiveNewest[i], r.timestamp);
                }
            }
        });
}

void SitePanel::chooseCustomRange()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Custom range"));
    auto *form = new QFormLayout(&dialog);
    // The edits show China wall-clock time whatever the machine's zone: they hold UTC values
    // shifted by eight hours.
    const auto [from, to] = rangeBounds();
    auto makeEdit = [&dialog](qint64 ms) {
        auto *e = new QDateTimeEdit(&dialog);
        e->setTimeSpec(Qt::UTC);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        e->setCalendarPopup(true);
        e->setDateTime(QDateTime::fromMSecsSinceEpoch(ms + ChinaTime::kOffsetMs, Qt::UTC));
        return e;
    };
    QDateTimeEdit *fromEdit = makeEdit(from);
    QDateTimeEdit *toEdit = makeEdit(to);
    form->addRow(tr("From (China time):"), fromEdit);
    form->addRow(tr("To (China time):"), toEdit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *problem = new QLabel(&dialog);
    problem->setStyleSheet(QStringLiteral("color: #c62828"));
    form->addRow(problem);
    form->addRow(buttons);
    auto validate = [=] {
        const bool ok = toEdit->dateTime() > fromEdit->dateTime();
        problem->setText(ok ? QString() : tr("The end must be after the start."));
        buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
    };
    connect(fromEdit, &QDateTimeEdit::dateTimeChanged, &dialog, validate);
    connect(toEdit, &QDateTimeEdit::dateTimeChanged, &dialog, validate);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    validate();
    if (dialog.exec() != QDialog::Accepted) {
        setRange(mRange); // relight the previous range's button
        return;
    }
    setCustomRange(fromEdit->dateTime().toMSecsSinceEpoch() - ChinaTime::kOffsetMs,
        toEdit->dateTime().toMSecsSinceEpoch() - ChinaTime::kOffsetMs);
}

void SitePanel::exportPng()
{
    const QString suggested
        = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
              .filePath(mSiteId + QStringLiteral(".png"));
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export chart"), suggested, tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".png");
    QString error;
    if (!mChart->exportPng(path, &error))
        showError(error);
}

void SitePanel::exportCsv()
{
    const QString suggested
        = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
              .filePath(mSiteId + QStringLiteral(".csv"));
    QString path
        = QFileDialog::getSaveFileName(this, tr("Export data"), suggested, tr("CSV file (*.csv)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".csv");
    QString error;
    if (!mChart->exportCsv(path, &error))
        showError(error);
}

void SitePanel::showError(const QString &message)
{
    mMessage->setText(
        QStringLiteral("<span style=\"color:#c62828\">%1</span>").arg(message.toHtmlEscaped()));
    mMessage->show();
}

} // namespace dv
