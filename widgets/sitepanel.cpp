// A site's sensors: live and historical charts; for a pig farm, its sows with their sparklines.
#include "sitepanel.h"

#include "metricbands.h"
#include "metriccatalogue.h"
#include "sensorchart.h"
#include "sowtablemodel.h"
#include "sparklinedelegate.h"
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

namespace dv {

namespace {

constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kDay = 24 * kHour;
// China time is UTC+8 all year (no daylight saving since 1991).
constexpr qint64 kChinaOffsetMs = 8 * kHour;

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

} // namespace

SitePanel::SitePanel(QWidget *parent)
    : QWidget(parent)
    , mTitle(new QLabel(this))
    , mSubtitle(new QLabel(this))
    , mMessage(new QLabel(this))
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
    layout->addLayout(heading);
    layout->addLayout(bar);
    layout->addWidget(mMessage);
    layout->addWidget(splitter, 1);

    connect(mMetricBox, &QComboBox::activated, this,
        [this](int index) { setMetric(mMetricBox->itemData(index).toInt()); });
    connect(mChart, &SensorChart::visibleRangeChanged, this, [this](qint64 from, qint64 to) {
        if (mRange != Range::Live)
            mChart->setSeries(query(currentSources(), from, to, mChart->plotPixelWidth()));
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

void SitePanel::setStore(SensorStore *store)
{
    mStore = store;
    reload();
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
    mDevicePrefix = county + QLatin1Char('/') + mSiteId + QLatin1Char('/');
    mSowTable->setVisible(mSiteType == QLatin1String("pig_farm"));
    reload();
}

void SitePanel::reload()
{
    if (mSiteId.isEmpty() || !mStore)
        return;
    mMessage->hide();
    if (mDevices.empty()) {
        // Devices register as they first report: look again.
        QString error;
        if (auto devices = mStore->devices(mDevicePrefix, &error))
            mDevices = std::move(*devices);
        else
            showError(error);
    }
    if (mSiteType == QLatin1String("pig_farm")) {
        QString error;
        const int keep = mSelectedSow;
        if (!mSows->load(*mStore, mDevices, QDateTime::currentMSecsSinceEpoch(), &error))
            showError(error);
        mSowTable->resizeColumnsToContents();
        if (keep >= 0 && keep < mSows->rowCount())
            mSowTable->selectRow(keep);
    }
    if (mDevices.empty()) {
        mMessage->setText(tr("No devices of this site have reported to the sensor store yet."));
        mMessage->show();
    }
    loadChart();
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
    return device.key.section(QLatin1Char('/'), -1);
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
        return { now - kDay, now };
    case Range::Week:
        return { now - 7 * kDay, now };
    case Range::Month:
        return { now - 30 * kDay, now };
    case Range::Year:
        return { now - 365 * kDay, now };
    case Range::Custom:
        return { mCustomFrom, mCustomTo };
    }
    return { now - kDay, now };
}

QVector<ChartSeries> SitePanel::query(
    const std::vector<SeriesSource> &sources, qint64 from, qint64 to, int buckets)
{
    QVector<ChartSeries> out;
    const MetricInfo *metric = MetricCatalogue::byId(mMetric);
    if (!mStore || !metric)
        return out;
    buckets = std::max(buckets, 50);
    // Sample devices report every minute and the seeded history every 10 minutes (hourly
    // before the last week): a gap is three such steps missing, or three empty buckets.
    const qint64 reportStep = to - from > 8 * kDay ? kHour : 10 * 60 * 1000;
    for (const SeriesSource &s : sources) {
        ChartSeries series;
        series.label = s.label;
        series.unit = QString::fromUtf8(metric->unit);
        series.decimals = metric->decimals;
        series.spacing = std::max((to - from) / buckets, reportStep);
        QString error;
        auto history = mStore->history(s.device, s.metric, from, to, buckets, &error);
        if (!history) {
            showError(error);
            continue;
        }
        series.buckets = std::move(*history);
        out << series;
    }
    return out;
}

void SitePanel::loadChart()
{
    if (mSiteId.isEmpty())
        return;
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
    if (mRange == Range::Live)
        loadLive();
    else {
        const auto [from, to] = rangeBounds();
        loadHistory(from, to);
    }
    markAlerts();
}

void SitePanel::markAlerts()
{
    if (!mAlertSpans) {
        mChart->setMarkedSpans({});
        return;
    }
    QStringList keys;
    for (const SeriesSource &s : currentSources())
        keys << s.key;
    mChart->setMarkedSpans(mAlertSpans(keys, mMetric));
}

void SitePanel::loadHistory(qint64 from, qint64 to)
{
    mLiveSources.clear();
    mChart->setLiveWindow(0);
    mChart->setTimeRange(from, to);
    mChart->setSeries(query(currentSources(), from, to, mChart->plotPixelWidth()));
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
        c.spacing = 60 * 1000;
        series << c;
    }
    mChart->setLiveWindow(kLiveWindowMs);
    mChart->setSeries(series);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (std::size_t i = 0; i < mLiveSources.size(); ++i)
        mLiveNewest[i] = now - kLiveWindowMs;
    mSinceLiveRefresh.invalidate();
    refreshLive();
}

void SitePanel::refreshLive()
{
    if (mRange != Range::Live || !mStore || mLiveSources.empty())
        return;
    // Commits come every 100 ms under load; a second is smooth enough for minute readings.
    if (mSinceLiveRefresh.isValid() && mSinceLiveRefresh.elapsed() < 1000)
        return;
    mSinceLiveRefresh.start();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (std::size_t i = 0; i < mLiveSources.size(); ++i) {
        QString error;
        // Devices may be a little ahead of this clock; the parser allows 5 minutes.
        const auto readings = mStore->readings(mLiveSources[i].device, mLiveSources[i].metric,
            mLiveNewest[i] + 1, now + 5 * 60 * 1000, &error);
        if (!readings) {
            showError(error);
            return;
        }
        for (const Reading &r : *readings) {
            mChart->appendLive(int(i), r.timestamp, r.value);
            mLiveNewest[i] = std::max(mLiveNewest[i], r.timestamp);
        }
    }
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
        e->setDateTime(QDateTime::fromMSecsSinceEpoch(ms + kChinaOffsetMs, Qt::UTC));
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
    setCustomRange(fromEdit->dateTime().toMSecsSinceEpoch() - kChinaOffsetMs,
        toEdit->dateTime().toMSecsSinceEpoch() - kChinaOffsetMs);
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
