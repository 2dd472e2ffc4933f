// Sensor history and live readings as a chart: our own API, with Qt Charts kept in the .cpp.
#include "sensorchart.h"

#include "chartpalette.h"
#include "chinatime.h"
#include "intmath.h"
#include "timeticks.h"
#include "timeunits.h"
#include "valuescale.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDir>
#include <QGraphicsLayout>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QKeyEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLoggingCategory>
#include <QMouseEvent>
#include <QPainter>
#include <QSaveFile>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dv {

Q_LOGGING_CATEGORY(lcCharts, "dv.charts", QtInfoMsg)

namespace {

constexpr qint64 kMinimumSpan = 10 * kSecondMs; // zooming further shows nothing new
constexpr int kLiveFrameMs = 100; // 10 frames/s: smooth enough for an axis moving ~1 px/s
constexpr double kWheelStep = 0.8; // range factor per wheel notch

void hideFromLegend(QChart *chart, QAbstractSeries *series)
{
    const auto markers = chart->legend()->markers(series);
    for (QLegendMarker *marker : markers)
        marker->setVisible(false);
}

// One gap-free stretch of a series: a mean line and, where buckets hold several readings, a
// min–max band under it. Slots are reused frame after frame; slot 0 carries the legend entry.
struct SegmentItems {
    QLineSeries *mean = nullptr;
    QAreaSeries *band = nullptr; // made when a segment first needs one
    // The series holds one buffer while the other is refilled: no allocation per live frame.
    QList<QPointF> buffers[2];
    int front = 0;
    // What the line shows now, to skip segments a live frame did not change.
    qint64 firstStart = -1;
    qint64 lastStart = -1;
    int count = -1;
    qint64 thin = 0; // pixel width in ms the line was thinned to; 0: every point
};

struct SeriesItems {
    std::vector<SegmentItems> parts;
    bool dirty = false;
};

} // namespace

struct SensorChart::Plot {
    QChartView *view = nullptr;
    QChart *chart = nullptr;
    QValueAxis *timeAxis = nullptr;
    QValueAxis *valueAxis = nullptr;
    std::vector<SeriesItems> series;
    std::vector<QAreaSeries *> bands;
    QLineSeries *baseline = nullptr;
    std::vector<QXYSeries *> deferred; // lines given points without telling Qt Charts yet

    // Time-axis labels are ours (China time); Qt's own are drawn transparent to keep their space.
    std::vector<QGraphicsSimpleTextItem *> timeLabels;
    std::vector<QGraphicsRectItem *> spans;
    std::vector<qint64> labelTicks; // the tick each label shows, to skip re-formatting
    int labelsShown = 0;
    qint64 tickStep = 0;
    QString timeTitle;

    QGraphicsLineItem *crosshair = nullptr;
    QGraphicsRectItem *crosshairBox = nullptr;
    QGraphicsTextItem *crosshairLabel = nullptr;
    QGraphicsRectItem *rubberBand = nullptr;
    QGraphicsSimpleTextItem *emptyText = nullptr;

    // The name is set before the series joins the chart: a legend marker sizes itself then.
    QLineSeries *newLine(const QPen &pen, const QString &name = QString())
    {
        auto *line = new QLineSeries(chart);
        line->setName(name);
        line->setPen(pen);
        chart->addSeries(line);
        line->attachAxis(timeAxis);
        line->attachAxis(valueAxis);
        return line;
    }

    QAreaSeries *newArea(
        const QColor &fill, const QPen &pen = Qt::NoPen, const QString &name = QString())
    {
        auto *area = new QAreaSeries(chart);
        area->setName(name);
        auto *upper = new QLineSeries(area);
        auto *lower = new QLineSeries(area);
        area->setUpperSeries(upper);
        area->setLowerSeries(lower);
        area->setPen(pen);
        area->setBrush(fill);
        chart->addSeries(area);
        area->attachAxis(timeAxis);
        area->attachAxis(valueAxis);
        return area;
    }
};

SensorChart::SensorChart(QWidget *parent)
    : QWidget(parent)
    , mPlot(std::make_unique<Plot>())
    , mClock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    Plot &p = *mPlot;
    p.chart = new QChart;
    p.chart->setAnimationOptions(QChart::NoAnimation);
    p.chart->setBackgroundRoundness(0);
    p.chart->setMargins(QMargins(4, 4, 12, 4));
    p.chart->layout()->setContentsMargins(0, 0, 0, 0);
    p.chart->legend()->setAlignment(Qt::AlignTop);
    p.chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    p.chart->legend()->setFont(font());

    const QColor text = ChartPalette::ink();
    const QColor grid = ChartPalette::grid();
    QFont labelFont = font();
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 0.92);

    p.timeAxis = new QValueAxis;
    p.timeAxis->setTickType(QValueAxis::TicksDynamic);
    p.timeAxis->setTickAnchor(double(TimeTicks::anchor()));
    p.timeAxis->setTickInterval(double(kHourMs));
    p.timeAxis->setMinorTickCount(0);
    p.timeAxis->setLabelsFont(labelFont);
    p.timeAxis->setLabelsBrush(Qt::transparent);
    // Qt's labels only hold the space for ours; short ones ("2e+12") leave no overhang margin.
    p.timeAxis->setLabelFormat(QStringLiteral("%.0e"));
    p.timeAxis->setGridLineColor(grid);
    p.timeAxis->setTitleFont(titleFont);
    p.timeAxis->setTitleBrush(text);
    p.chart->addAxis(p.timeAxis, Qt::AlignBottom);

    p.valueAxis = new QValueAxis;
    p.valueAxis->setMinorTickCount(0);
    p.valueAxis->setLabelsFont(labelFont);
    p.valueAxis->setLabelsBrush(text);
    p.valueAxis->setGridLineColor(grid);
    p.valueAxis->setTitleFont(titleFont);
    p.valueAxis->setTitleBrush(text);
    p.chart->addAxis(p.valueAxis, Qt::AlignLeft);
    p.chart->legend()->setLabelColor(text);

    p.view = new QChartView(p.chart, this);
    p.view->setRenderHint(QPainter::Antialiasing);
    p.view->setFrameShape(QFrame::NoFrame);
    p.view->setFocusPolicy(Qt::NoFocus);
    p.view->setMouseTracking(true);
    p.view->viewport()->setMouseTracking(true);
    p.view->viewport()->installEventFilter(this);
    setFocusPolicy(Qt::StrongFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(p.view);

    // Overlay items live in the chart's scene above the series; hidden until needed.
    p.rubberBand = new QGraphicsRectItem(p.chart);
    p.rubberBand->setPen(QPen(QColor(0x33, 0x66, 0x99), 1));
    p.rubberBand->setBrush(QColor(0x33, 0x66, 0x99, 40));
    p.rubberBand->setZValue(100);
    p.rubberBand->hide();

    p.crosshair = new QGraphicsLineItem(p.chart);
    p.crosshair->setPen(QPen(QColor(0x55, 0x5b, 0x66), 1, Qt::SolidLine));
    p.crosshair->setZValue(100);
    p.crosshair->hide();
    p.crosshairBox = new QGraphicsRectItem(p.chart);
    p.crosshairBox->setPen(QPen(QColor(0xc8, 0xcd, 0xd3), 1));
    p.crosshairBox->setBrush(QColor(255, 255, 255, 235));
    p.crosshairBox->setZValue(101);
    p.crosshairBox->hide();
    p.crosshairLabel = new QGraphicsTextItem(p.chart);
    p.crosshairLabel->setFont(labelFont);
    p.crosshairLabel->setZValue(102);
    p.crosshairLabel->hide();

    p.emptyText = new QGraphicsSimpleTextItem(tr("No readings in this range"), p.chart);
    QFont emptyFont = font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.15);
    p.emptyText->setFont(emptyFont);
    p.emptyText->setBrush(ChartPalette::mutedInk());
    p.emptyText->setZValue(50);

    connect(p.chart, &QChart::plotAreaChanged, this, [this] {
        updateTimeLabels();
        updateSpans();
        updateEmptyState();
        updateValueRange();
    });
    mLiveTimer.setInterval(kLiveFrameMs);
    connect(&mLiveTimer, &QTimer::timeout, this, &SensorChart::liveFrame);

    const qint64 now = mClock();
    applyTimeRange(now - kDayMs, now);
    rebuildPlot();
}

SensorChart::~SensorChart()
{
    // The view (and with it the chart) goes first, while mPlot still describes it: deleting
    // widgets sends events, and this object filters the viewport's.
    mLiveTimer.stop();
    mPlot->view->viewport()->removeEventFilter(this);
    delete mPlot->view;
}

void SensorChart::setSeries(const QVector<ChartSeries> &series)
{
    mSeries = series;
    for (ChartSeries &s : mSeries) {
        std::sort(s.buckets.begin(), s.buckets.end(),
            [](const HistoryBucket &a, const HistoryBucket &b) { return a.start < b.start; });
    }
    if (!mHasRange && !isLive()) {
        qint64 from = std::numeric_limits<qint64>::max();
        qint64 to = std::numeric_limits<qint64>::min();
        for (const ChartSeries &s : std::as_const(mSeries)) {
            if (!s.isEmpty()) {
                from = std::min(from, s.buckets.front().start);
                to = std::max(to, s.buckets.back().start);
            }
        }
        if (from < to) {
            mHasRange = true;
            mHomeFrom = from;
            mHomeTo = to;
            applyTimeRange(from, to);
        }
    }
    rebuildPlot();
}

void SensorChart::clear()
{
    setSeries({});
}

void SensorChart::setTimeRange(qint64 from, qint64 to)
{
    mHasRange = true;
    mHomeFrom = from;
    mHomeTo = std::max(to, from + 1);
    applyTimeRange(mHomeFrom, mHomeTo);
}

qint64 SensorChart::visibleFrom() const
{
    return qint64(std::llround(mPlot->timeAxis->min()));
}

qint64 SensorChart::visibleTo() const
{
    return qint64(std::llround(mPlot->timeAxis->max()));
}

void SensorChart::setLiveWindow(qint64 windowMs)
{
    mLiveWindow = std::max<qint64>(0, windowMs);
    hideCrosshair();
    mPlot->rubberBand->hide();
    mDrag = Drag::None;
    if (isLive()) {
        mLiveForce = true;
        mLiveShownAt = std::numeric_limits<qint64>::min() / 2;
        liveFrame();
        mLiveTimer.start();
    } else {
        mLiveTimer.stop();
    }
}

void SensorChart::appendLive(int seriesIndex, qint64 timestamp, double value)
{
    if (seriesIndex < 0 || seriesIndex >= mSeries.size()) {
        qCWarning(lcCharts) << "live reading for series" << seriesIndex << "of" << mSeries.size();
        return;
    }
    std::vector<HistoryBucket> &buckets = mSeries[seriesIndex].buckets;
    HistoryBucket b;
    b.start = timestamp;
    b.min = b.max = b.first = b.last = b.mean = value;
    b.count = 1;
    if (buckets.empty() || buckets.back().start < timestamp) {
        buckets.push_back(b);
    } else {
        // Late or repeated readings (a QoS 1 redelivery) keep the order; a repeat replaces.
        auto at = std::lower_bound(buckets.begin(), buckets.end(), timestamp,
            [](const HistoryBucket &x, qint64 t) { return x.start < t; });
        if (at != buckets.end() && at->start == timestamp)
            *at = b;
        else
            buckets.insert(at, b);
    }
    mPlot->series[std::size_t(seriesIndex)].dirty = true;
    if (!isLive()) {
        updateSeriesItems(seriesIndex);
        updateValueRange();
        updateEmptyState();
    }
}

void SensorChart::setClock(std::function<qint64()> clock)
{
    mClock = clock ? std::move(clock) : [] { return QDateTime::currentMSecsSinceEpoch(); };
}

void SensorChart::setThresholdBands(const QVector<ThresholdBand> &bands)
{
    mBands = bands;
    rebuildPlot();
}

void SensorChart::setBaseline(double value, const QString &label)
{
    mBaseline = value;
    mBaselineLabel = label;
    rebuildPlot();
}

void SensorChart::clearBaseline()
{
    mBaseline.reset();
    mBaselineLabel.clear();
    rebuildPlot();
}

void SensorChart::setValueTitle(const QString &title)
{
    mValueTitle = title;
    updateValueTitle();
}

void SensorChart::setValueRange(double min, double max)
{
    mFixedValueRange = std::make_pair(std::min(min, max), std::max(min, max));
    updateValueRange();
}

void SensorChart::setAutoValueRange()
{
    mFixedValueRange.reset();
    updateValueRange();
}

double SensorChart::valueMin() const
{
    return mPlot->valueAxis->min();
}

double SensorChart::valueMax() const
{
    return mPlot->valueAxis->max();
}

void SensorChart::resetZoom()
{
    if (isLive())
        return;
    if (mHasRange && (visibleFrom() != mHomeFrom || visibleTo() != mHomeTo)) {
        applyTimeRange(mHomeFrom, mHomeTo);
        emit visibleRangeChanged(mHomeFrom, mHomeTo);
    }
    emit resetRequested();
}

int SensorChart::plotPixelWidth() const
{
    return std::max(1, int(mPlot->chart->plotArea().width()));
}

QRectF SensorChart::plotArea() const
{
    const QRectF scene = mPlot->chart->mapRectToScene(mPlot->chart->plotArea());
    const QRect inView = mPlot->view->mapFromScene(scene).boundingRect();
    return QRectF(mPlot->view->mapTo(this, inView.topLeft()), QSizeF(inView.size()));
}

QStringList SensorChart::crosshairLines(qint64 time, bool html) const
{
    QStringList lines;
    const QString when = ChinaTime::dateTime(time).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    lines << (html ? QStringLiteral("<b>%1</b>").arg(when) : when);
    for (int i = 0; i < mSeries.size(); ++i) {
        const ChartSeries &s = mSeries[i];
        const int at = s.nearestBucket(time);
        const qint64 reach = s.expectedSpacing();
        QString value;
        if (at < 0 || (reach > 0 && std::abs(s.buckets[std::size_t(at)].start - time) > reach)) {
            value = tr("no reading");
        } else {
            const HistoryBucket &b = s.buckets[std::size_t(at)];
            value = s.formatValue(b.mean);
            if (b.count > 1 && b.max > b.min) {
                value = tr("%1 (%2 to %3)")
                            .arg(value, QLocale().toString(b.min, 'f', s.decimals),
                                QLocale().toString(b.max, 'f', s.decimals));
            }
        }
        const QString label = html ? s.label.toHtmlEscaped() : s.label;
        QString line = tr("%1: %2").arg(label, html ? value.toHtmlEscaped() : value);
        if (html) {
            line = QStringLiteral("<span style=\"color:%1\">&#9632;</span> %2")
                       .arg(seriesColour(i).name(), line);
        }
        lines << line;
    }
    return lines;
}

QString SensorChart::crosshairText(qint64 time) const
{
    return crosshairLines(time, false).join(QLatin1Char('\n'));
}

QImage SensorChart::renderImage() const
{
    const Plot &p = *mPlot;
    // Changes since the last event loop turn may not be laid out yet.
    p.chart->layout()->activate();
    const QSize size = p.view->size();
    QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(Qt::white);
    // The export is the chart, not the mouse: hover and drag marks stay out of it.
    const bool crosshair = p.crosshair->isVisible();
    const bool rubberBand = p.rubberBand->isVisible();
    p.crosshair->hide();
    p.crosshairBox->hide();
    p.crosshairLabel->hide();
    p.rubberBand->hide();
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        p.view->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), QRect(QPoint(0, 0), size));
    }
    p.crosshair->setVisible(crosshair);
    p.crosshairBox->setVisible(crosshair);
    p.crosshairLabel->setVisible(crosshair);
    p.rubberBand->setVisible(rubberBand);
    return image;
}

bool SensorChart::exportPng(const QString &path, QString *error) const
{
    const QString shown = QDir::toNativeSeparators(path);
    const QImage image = renderImage();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(shown, file.errorString());
        return false;
    }
    if (!image.save(&file, "PNG") || !file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(shown, file.errorString());
        return false;
    }
    return true;
}

bool SensorChart::exportCsv(const QString &path, QString *error) const
{
    return ChartSeries::writeCsv(path, mSeries, error);
}

QString SensorChart::emptyStateText() const
{
    return mPlot->emptyText->isVisible() ? mPlot->emptyText->text() : QString();
}

int SensorChart::segmentCount(int series) const
{
    if (series < 0 || std::size_t(series) >= mPlot->series.size())
        return 0;
    int n = 0;
    for (const SegmentItems &slot : mPlot->series[std::size_t(series)].parts)
        n += slot.mean->count() > 0 ? 1 : 0;
    return n;
}

QVector<QPointF> SensorChart::meanPoints(int series, int segment) const
{
    if (series < 0 || std::size_t(series) >= mPlot->series.size())
        return {};
    const auto &parts = mPlot->series[std::size_t(series)].parts;
    if (segment < 0 || std::size_t(segment) >= parts.size())
        return {};
    return parts[std::size_t(segment)].mean->points();
}

std::pair<QVector<QPointF>, QVector<QPointF>> SensorChart::bandEdges(int series, int segment) const
{
    if (series < 0 || std::size_t(series) >= mPlot->series.size())
        return {};
    const auto &parts = mPlot->series[std::size_t(series)].parts;
    if (segment < 0 || std::size_t(segment) >= parts.size())
        return {};
    const QAreaSeries *band = parts[std::size_t(segment)].band;
    if (!band || !band->isVisible())
        return {};
    return { band->upperSeries()->points(), band->lowerSeries()->points() };
}

QVector<QPointF> SensorChart::bandUpper(int series, int segment) const
{
    return bandEdges(series, segment).first;
}

QVector<QPointF> SensorChart::bandLower(int series, int segment) const
{
    return bandEdges(series, segment).second;
}

QStringList SensorChart::timeLabels() const
{
    QStringList out;
    for (int i = 0; i < mPlot->labelsShown; ++i)
        out << mPlot->timeLabels[std::size_t(i)]->text();
    return out;
}

QColor SensorChart::seriesColour(int index) const
{
    if (index >= 0 && index < mSeries.size())
        return ChartPalette::seriesColour(mSeries[index], index);
    return ChartPalette::seriesColour(index);
}

// Everything drawn is made again, in painting order: threshold bands at the back, then the
// baseline, then every series' min–max bands, then the mean lines on top.
void SensorChart::rebuildPlot()
{
    Plot &p = *mPlot;
    // Attaching series may move the axes: the range is put back at the end.
    const qint64 from = visibleFrom();
    const qint64 to = visibleTo();
    p.chart->removeAllSeries(); // deletes them
    p.series.clear();
    p.bands.clear();
    p.baseline = nullptr;

    for (const ThresholdBand &band : std::as_const(mBands)) {
        const QColor colour = ChartPalette::thresholdColour(band.colour);
        const QColor fill = ChartPalette::withAlpha(colour, ChartPalette::kThresholdFillAlpha);
        const QColor edge = ChartPalette::withAlpha(colour, ChartPalette::kThresholdEdgeAlpha);
        // The edge marks the threshold itself; open edges lie beyond the axis and stay unseen.
        QPen pen(edge, 1);
        pen.setCosmetic(true);
        QAreaSeries *area = p.newArea(fill, pen, band.label);
        if (band.label.isEmpty()) {
            hideFromLegend(p.chart, area);
        } else {
            // A swatch a little stronger than the band, or it reads as empty. Rectangle, because
            // Qt Charts 6.4 draws an area's "from series" marker hollow and cuts its label.
            const QColor swatch
                = ChartPalette::withAlpha(colour, ChartPalette::kThresholdSwatchAlpha);
            for (QLegendMarker *marker : p.chart->legend()->markers(area)) {
                marker->setShape(QLegend::MarkerShapeRectangle);
                marker->setBrush(swatch);
            }
        }
        p.bands.push_back(area);
    }
    if (mBaseline) {
        QPen pen(ChartPalette::baseline(), 1.4, Qt::DashLine);
        pen.setCosmetic(true);
        const QString value = mSeries.isEmpty() ? QLocale().toString(*mBaseline)
                                                : mSeries.front().formatValue(*mBaseline);
        p.baseline = p.newLine(pen,
            mBaselineLabel.isEmpty() ? tr("Baseline %1").arg(value)
                                     : tr("%1 (%2)").arg(mBaselineLabel, value));
    }

    p.series.resize(std::size_t(mSeries.size()));
    std::vector<std::vector<ChartSeries::Segment>> segments(std::size_t(mSeries.size()));
    for (int i = 0; i < mSeries.size(); ++i) {
        const ChartSeries &s = mSeries[i];
        segments[std::size_t(i)] = ChartSeries::segments(s.buckets, s.gapThreshold());
        auto &parts = p.series[std::size_t(i)].parts;
        parts.resize(std::max<std::size_t>(1, segments[std::size_t(i)].size()));
        const QColor fill
            = ChartPalette::withAlpha(seriesColour(i), ChartPalette::kMinMaxBandAlpha);
        for (std::size_t k = 0; k < segments[std::size_t(i)].size(); ++k) {
            const ChartSeries::Segment seg = segments[std::size_t(i)][k];
            const bool spread = std::any_of(s.buckets.begin() + seg.begin,
                s.buckets.begin() + seg.end, [](const HistoryBucket &b) { return b.count > 1; });
            if (spread) {
                parts[k].band = p.newArea(fill);
                hideFromLegend(p.chart, parts[k].band);
            }
        }
    }
    for (int i = 0; i < mSeries.size(); ++i) {
        QPen pen(seriesColour(i), 1.8);
        pen.setCosmetic(true);
        auto &parts = p.series[std::size_t(i)].parts;
        for (std::size_t k = 0; k < parts.size(); ++k) {
            parts[k].mean = p.newLine(pen, k == 0 ? mSeries[i].label : QString());
            if (k > 0)
                hideFromLegend(p.chart, parts[k].mean);
        }
        p.series[std::size_t(i)].dirty = true;
        updateSeriesItems(i);
    }
    p.chart->legend()->setVisible(!mSeries.isEmpty() || !mBands.isEmpty() || mBaseline);

    updateValueTitle();
    applyTimeRange(from, to);
    updateEmptyState();
}

// Points of series `index` into its parts; in live mode only the segments that changed.
void SensorChart::updateSeriesItems(int index, bool beforeRangeChange)
{
    Plot &p = *mPlot;
    SeriesItems &items = p.series[std::size_t(index)];
    if (!items.dirty)
        return;
    items.dirty = false;
    const ChartSeries &s = mSeries[index];
    ChartSeries::segments(s.buckets, s.gapThreshold(), mScratchSegments);
    auto &parts = items.parts;
    const int width = plotPixelWidth();
    const qint64 pixelMs = std::max<qint64>(1, (visibleTo() - visibleFrom()) / width);
    const bool laidOut = width >= 10; // before the first layout, pixels mean nothing yet

    // Slot 0 always stays: it carries the legend entry. Slots beyond are added or dropped.
    const std::size_t wanted = std::max<std::size_t>(1, mScratchSegments.size());
    while (parts.size() > wanted) {
        delete parts.back().band;
        delete parts.back().mean;
        parts.pop_back();
    }
    while (parts.size() < wanted) {
        SegmentItems slot;
        slot.mean = p.newLine(parts.front().mean->pen());
        hideFromLegend(p.chart, slot.mean);
        parts.push_back(std::move(slot));
    }

    for (std::size_t k = 0; k < parts.size(); ++k) {
        SegmentItems &slot = parts[k];
        if (k >= mScratchSegments.size()) {
            slot.mean->clear();
            if (slot.band)
                slot.band->hide();
            slot.count = 0;
            continue;
        }
        const ChartSeries::Segment seg = mScratchSegments[k];
        const qint64 first = s.buckets[std::size_t(seg.begin)].start;
        const qint64 last = s.buckets[std::size_t(seg.end - 1)].start;
        const int count = seg.end - seg.begin;
        // More points than pixels only cost time (Qt Charts strokes every point on each
        // change): beyond two per pixel column the line keeps each column's extremes.
        const qint64 thin = laidOut && count > 2 * width ? pixelMs : 0;
        if (first == slot.firstStart && last == slot.lastStart && count == slot.count
            && thin == slot.thin)
            continue;
        slot.firstStart = first;
        slot.lastStart = last;
        slot.count = count;
        slot.thin = thin;

        slot.front ^= 1;
        QList<QPointF> &points = slot.buffers[slot.front];
        points.clear();
        points.reserve(thin ? 2 * width + 4 : count);
        bool spread = false;
        auto point = [&](int b) {
            const HistoryBucket &bucket = s.buckets[std::size_t(b)];
            return QPointF(double(bucket.start), bucket.mean);
        };
        if (!thin) {
            for (int b = seg.begin; b < seg.end; ++b) {
                points.append(point(b));
                spread = spread || s.buckets[std::size_t(b)].count > 1;
            }
        } else {
            int low = seg.begin;
            int high = seg.begin;
            qint64 column = floorDiv(s.buckets[std::size_t(seg.begin)].start, thin);
            auto flush = [&] {
                points.append(point(std::min(low, high)));
                if (low != high)
                    points.append(point(std::max(low, high)));
            };
            for (int b = seg.begin; b < seg.end; ++b) {
                const HistoryBucket &bucket = s.buckets[std::size_t(b)];
                spread = spread || bucket.count > 1;
                const qint64 c = floorDiv(bucket.start, thin);
                if (c != column) {
                    flush();
                    column = c;
                    low = high = b;
                } else if (bucket.mean < s.buckets[std::size_t(low)].mean) {
                    low = b;
                } else if (bucket.mean > s.buckets[std::size_t(high)].mean) {
                    high = b;
                }
            }
            flush();
        }
        if (beforeRangeChange && !points.isEmpty()) {
            // The coming range change recomputes the line from the series' points anyway: one
            // geometry update instead of two (each strokes every point in Qt Charts).
            slot.mean->blockSignals(true);
            slot.mean->replace(points);
            slot.mean->blockSignals(false);
            mPlot->deferred.push_back(slot.mean);
        } else {
            slot.mean->replace(points);
        }

        if (spread) {
            if (!slot.band) {
                const QColor fill
                    = ChartPalette::withAlpha(seriesColour(index), ChartPalette::kMinMaxBandAlpha);
                slot.band = p.newArea(fill);
                hideFromLegend(p.chart, slot.band);
            }
            QList<QPointF> upper, lower;
            upper.reserve(count);
            lower.reserve(count);
            for (int b = seg.begin; b < seg.end; ++b) {
                const HistoryBucket &bucket = s.buckets[std::size_t(b)];
                upper.append(QPointF(double(bucket.start), bucket.max));
                lower.append(QPointF(double(bucket.start), bucket.min));
            }
            slot.band->upperSeries()->replace(upper);
            slot.band->lowerSeries()->replace(lower);
            slot.band->show();
        } else if (slot.band) {
            slot.band->hide();
        }
    }
}

void SensorChart::applyTimeRange(qint64 from, qint64 to)
{
    if (to <= from)
        to = from + 1;
    // The tick step first: a changed step alone is only laid out on the next event loop turn.
    updateTickStep(to - from);
    mPlot->timeAxis->setRange(double(from), double(to));
    updateHorizontals();
    updateTimeLabels();
    updateSpans();
    updateValueRange();
}

void SensorChart::setMarkedSpans(const QVector<MarkedSpan> &spans)
{
    mSpans = spans;
    Plot &p = *mPlot;
    while (p.spans.size() < std::size_t(spans.size())) {
        auto *item = new QGraphicsRectItem(p.chart);
        item->setPen(Qt::NoPen);
        item->setZValue(40); // over the plot, under the crosshair and its label
        p.spans.push_back(item);
    }
    for (std::size_t i = 0; i < p.spans.size(); ++i) {
        const bool used = i < std::size_t(spans.size());
        p.spans[i]->setVisible(used);
        if (!used)
            continue;
        p.spans[i]->setBrush(
            ChartPalette::withAlpha(spans[int(i)].colour, ChartPalette::kMarkedSpanAlpha));
        p.spans[i]->setToolTip(spans[int(i)].label);
    }
    updateSpans();
}

void SensorChart::updateSpans()
{
    Plot &p = *mPlot;
    const QRectF plot = p.chart->plotArea();
    const qint64 from = visibleFrom();
    const qint64 to = visibleTo();
    for (std::size_t i = 0; i < p.spans.size() && i < std::size_t(mSpans.size()); ++i) {
        const MarkedSpan &s = mSpans[int(i)];
        if (to <= from || s.to <= from || s.from >= to || plot.width() < 1) {
            p.spans[i]->setRect(QRectF());
            continue;
        }
        const double scale = plot.width() / double(to - from);
        const double x0 = plot.left() + double(std::max(s.from, from) - from) * scale;
        const double x1 = plot.left() + double(std::min(s.to, to) - from) * scale;
        // At least two pixels: a short alert in a year's view must still be seen.
        p.spans[i]->setRect(QRectF(x0, plot.top(), std::max(2.0, x1 - x0), plot.height()));
    }
}

QVector<QRectF> SensorChart::markedSpanRects() const
{
    QVector<QRectF> out;
    for (std::size_t i = 0; i < mPlot->spans.size() && i < std::size_t(mSpans.size()); ++i) {
        if (!mPlot->spans[i]->rect().isEmpty())
            out << mPlot->spans[i]->rect();
    }
    return out;
}

// Fits the value axis to the visible data and the baseline, shows the near edge of threshold
// bands close to the data, pads, and rounds to tick steps that read well (ValueScale: the same
// range a report's ChartPainter shows). Bands far away stay out: a 4-12 °C day must not be
// flattened to make room for heat stress at 35 °C.
void SensorChart::updateValueRange()
{
    Plot &p = *mPlot;
    const int ticks = ValueScale::targetTicks(p.chart->plotArea().height(), 45);
    const ValueScale scale = mFixedValueRange
        ? ValueScale::fixed(mFixedValueRange->first, mFixedValueRange->second, ticks)
        : ValueScale::fit(mSeries, visibleFrom(), visibleTo(), mBaseline, mBands, ticks,
            ValueScale::Bands::Near);
    // QValueAxis spreads its ticks evenly from min to max: a count, not a step.
    const int tickCount = std::max(2, int(std::lround((scale.max - scale.min) / scale.step)) + 1);
    const QString format = QStringLiteral("%.%1f").arg(scale.decimals);
    if (p.valueAxis->labelFormat() != format)
        p.valueAxis->setLabelFormat(format);
    if (p.valueAxis->tickCount() != tickCount)
        p.valueAxis->setTickCount(tickCount);
    if (p.valueAxis->min() != scale.min || p.valueAxis->max() != scale.max) {
        p.valueAxis->setRange(scale.min, scale.max);
        updateHorizontals();
    }
}

void SensorChart::updateValueTitle()
{
    QString unit;
    for (const ChartSeries &s : std::as_const(mSeries)) {
        if (!s.unit.isEmpty()) {
            unit = s.unit;
            break;
        }
    }
    QString title = mValueTitle;
    if (!unit.isEmpty())
        title = title.isEmpty() ? unit : tr("%1 (%2)").arg(title, unit);
    mPlot->valueAxis->setTitleText(title);
    mPlot->valueAxis->setTitleVisible(!title.isEmpty());
}

// Threshold bands and the baseline span the visible time range; open band edges stop a little
// beyond the value axis.
void SensorChart::updateHorizontals()
{
    Plot &p = *mPlot;
    const double x0 = p.timeAxis->min();
    const double x1 = p.timeAxis->max();
    const double vmin = p.valueAxis->min();
    const double vmax = p.valueAxis->max();
    const double reach = std::max(vmax - vmin, 1.0);
    for (std::size_t i = 0; i < p.bands.size() && i < std::size_t(mBands.size()); ++i) {
        const ThresholdBand &b = mBands[int(i)];
        const double lo = std::clamp(std::min(b.low, b.high), vmin - reach, vmax + reach);
        const double hi = std::clamp(std::max(b.low, b.high), vmin - reach, vmax + reach);
        p.bands[i]->upperSeries()->replace(QList<QPointF> { { x0, hi }, { x1, hi } });
        p.bands[i]->lowerSeries()->replace(QList<QPointF> { { x0, lo }, { x1, lo } });
    }
    if (p.baseline)
        p.baseline->replace(QList<QPointF> { { x0, *mBaseline }, { x1, *mBaseline } });
}

// Our own labels under Qt's (transparent) ones, at TimeTicks' round China times: QValueAxis
// would print the milliseconds, and QDateTimeAxis prints the process's local time at evenly
// split, unround positions.
void SensorChart::updateTimeLabels()
{
    Plot &p = *mPlot;
    const QRectF plot = p.chart->plotArea();
    const qint64 from = visibleFrom();
    const qint64 to = visibleTo();
    if (plot.width() < 10 || to <= from) {
        for (auto *label : p.timeLabels)
            label->hide();
        p.labelsShown = 0;
        return;
    }

    const qint64 span = to - from;
    updateTickStep(span);
    const qint64 step = std::max<qint64>(p.tickStep, 1000);

    qint64 tick = TimeTicks::firstTick(from, step);
    int n = 0;
    const double scale = plot.width() / double(span);
    const double y = plot.bottom() + 6;
    for (; tick <= to && n < 64; tick += step, ++n) {
        if (std::size_t(n) >= p.timeLabels.size()) {
            auto *label = new QGraphicsSimpleTextItem(p.chart);
            label->setFont(p.timeAxis->labelsFont());
            label->setBrush(ChartPalette::ink());
            label->setZValue(10);
            p.timeLabels.push_back(label);
            p.labelTicks.push_back(-1);
        }
        QGraphicsSimpleTextItem *label = p.timeLabels[std::size_t(n)];
        if (p.labelTicks[std::size_t(n)] != tick) {
            p.labelTicks[std::size_t(n)] = tick;
            label->setText(TimeTicks::label(tick, step));
        }
        const QRectF box = label->boundingRect();
        const double x = plot.left() + double(tick - from) * scale - box.width() / 2;
        label->setPos(x, y);
        // A label cut by the chart's edge is noise: leave it out.
        label->setVisible(x >= 0 && x + box.width() <= p.chart->size().width());
    }
    p.labelsShown = n;
    for (std::size_t i = std::size_t(n); i < p.timeLabels.size(); ++i)
        p.timeLabels[i]->hide();

    const QString title = TimeTicks::rangeTitle(from, to);
    if (title != p.timeTitle) {
        p.timeTitle = title;
        p.timeAxis->setTitleText(title);
    }
}

void SensorChart::updateTickStep(qint64 span)
{
    Plot &p = *mPlot;
    const double width = p.chart->plotArea().width();
    if (width < 10 || span <= 0)
        return;
    const QFontMetricsF metrics(p.timeAxis->labelsFont());
    const double spacing = metrics.horizontalAdvance(TimeTicks::widestLabel()) + 28;
    const qint64 step = TimeTicks::step(span, width, spacing);
    if (step != p.tickStep) {
        p.tickStep = step;
        p.timeAxis->setTickInterval(double(step));
        std::fill(p.labelTicks.begin(), p.labelTicks.end(), -1);
    }
}

void SensorChart::updateEmptyState()
{
    Plot &p = *mPlot;
    const bool empty = std::all_of(
        mSeries.begin(), mSeries.end(), [](const ChartSeries &s) { return s.isEmpty(); });
    p.emptyText->setVisible(empty);
    // Numbers on an axis with nothing on it would only suggest a scale that means nothing.
    // Transparent rather than hidden: the axis keeps its width and its title stays whole.
    const QBrush labels = empty ? QBrush(Qt::transparent) : QBrush(ChartPalette::ink());
    if (p.valueAxis->labelsBrush() != labels)
        p.valueAxis->setLabelsBrush(labels);
    if (empty) {
        const QRectF plot = p.chart->plotArea();
        const QRectF box = p.emptyText->boundingRect();
        p.emptyText->setPos(plot.center() - box.center());
    }
}

// Called at 10 Hz. Work is done only when it shows: when the axis has a pixel to move, or when
// readings wait and the last update is a second old (real time). A 15-minute window on 900 pixels
// thus redraws about once a second, and its axis still moves in single-pixel steps.
void SensorChart::liveFrame()
{
    const qint64 now = mClock();
    const qint64 pixelMs = std::max<qint64>(1, mLiveWindow / plotPixelWidth());
    const bool waiting = std::any_of(
        mPlot->series.begin(), mPlot->series.end(), [](const auto &items) { return items.dirty; });
    const bool move = std::abs(now - mLiveShownAt) >= pixelMs;
    // Latency is measured on the real clock: an injected one may stand still.
    if (!mLiveForce && !move && !(waiting && mLiveWork.elapsed() >= 1000))
        return;
    mLiveForce = false;
    mLiveWork.start();
    if (move)
        mLiveShownAt = now;
    dropExpired(mLiveShownAt - mLiveWindow);
    mPlot->deferred.clear();
    for (int i = 0; i < mSeries.size(); ++i)
        updateSeriesItems(i, move);
    if (move) {
        const double before = mPlot->timeAxis->max();
        applyTimeRange(mLiveShownAt - mLiveWindow, mLiveShownAt);
        // Qt Charts ignores a change below its fuzzy compare: then the lines need telling.
        if (mPlot->timeAxis->max() == before) {
            for (QXYSeries *line : mPlot->deferred)
                line->replace(line->points());
        }
    } else if (waiting) {
        updateValueRange();
    }
    mPlot->deferred.clear();
    updateEmptyState();
}

void SensorChart::dropExpired(qint64 before)
{
    for (int i = 0; i < mSeries.size(); ++i) {
        std::vector<HistoryBucket> &buckets = mSeries[i].buckets;
        const auto keep = std::lower_bound(buckets.begin(), buckets.end(), before,
            [](const HistoryBucket &b, qint64 t) { return b.start < t; });
        if (keep != buckets.begin()) {
            buckets.erase(buckets.begin(), keep);
            mPlot->series[std::size_t(i)].dirty = true;
        }
    }
}

// ---- interaction ----

bool SensorChart::inPlot(const QPointF &viewportPos) const
{
    const QPointF scenePos = mPlot->view->mapToScene(viewportPos.toPoint());
    return mPlot->chart->plotArea().contains(mPlot->chart->mapFromScene(scenePos));
}

qint64 SensorChart::timeAt(const QPointF &viewportPos) const
{
    const QRectF plot = mPlot->chart->plotArea();
    const QPointF pos = mPlot->chart->mapFromScene(mPlot->view->mapToScene(viewportPos.toPoint()));
    const double fraction = std::clamp((pos.x() - plot.left()) / plot.width(), 0.0, 1.0);
    return visibleFrom() + qint64(std::llround(fraction * double(visibleTo() - visibleFrom())));
}

void SensorChart::setUserRange(qint64 from, qint64 to)
{
    if (to - from < kMinimumSpan) {
        const qint64 centre = from + (to - from) / 2;
        from = centre - kMinimumSpan / 2;
        to = from + kMinimumSpan;
    }
    applyTimeRange(from, to);
    emit visibleRangeChanged(from, to);
}

void SensorChart::zoomAround(qint64 anchor, double factor)
{
    const qint64 from = visibleFrom();
    const qint64 to = visibleTo();
    setUserRange(anchor - qint64(std::llround(double(anchor - from) * factor)),
        anchor + qint64(std::llround(double(to - anchor) * factor)));
}

void SensorChart::panByFraction(double fraction)
{
    const qint64 from = visibleFrom();
    const qint64 to = visibleTo();
    const qint64 shift = qint64(std::llround(double(to - from) * fraction));
    setUserRange(from + shift, to + shift);
}

void SensorChart::showCrosshair(const QPointF &viewportPos)
{
    Plot &p = *mPlot;
    const QRectF plot = p.chart->plotArea();
    const qint64 time = timeAt(viewportPos);
    const double x = plot.left()
        + double(time - visibleFrom()) / double(visibleTo() - visibleFrom()) * plot.width();
    p.crosshair->setLine(x, plot.top(), x, plot.bottom());
    p.crosshairLabel->setHtml(crosshairLines(time, true).join(QStringLiteral("<br>")));
    const QRectF text = p.crosshairLabel->boundingRect();
    double left = x + 10;
    if (left + text.width() > plot.right())
        left = x - 10 - text.width();
    p.crosshairLabel->setPos(left, plot.top() + 6);
    p.crosshairBox->setRect(QRectF(p.crosshairLabel->pos(), text.size()).adjusted(0, 0, 0, 0));
    p.crosshair->show();
    p.crosshairBox->show();
    p.crosshairLabel->show();
}

void SensorChart::hideCrosshair()
{
    mPlot->crosshair->hide();
    mPlot->crosshairBox->hide();
    mPlot->crosshairLabel->hide();
}

bool SensorChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == mPlot->view->viewport() && handleMouse(event))
        return true;
    return QWidget::eventFilter(watched, event);
}

bool SensorChart::handleMouse(QEvent *event)
{
    Plot &p = *mPlot;
    const QRectF plot = p.chart->plotArea();
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *e = static_cast<QMouseEvent *>(event);
        setFocus(Qt::MouseFocusReason);
        if (isLive() || !inPlot(e->position()))
            return true;
        mPressPos = e->position();
        mPressFrom = visibleFrom();
        mPressTo = visibleTo();
        const bool pan = e->button() == Qt::RightButton
            || (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ShiftModifier));
        if (pan) {
            mDrag = Drag::Pan;
            p.view->viewport()->setCursor(Qt::ClosedHandCursor);
        } else if (e->button() == Qt::LeftButton) {
            mDrag = Drag::Zoom;
        }
        return true;
    }
    case QEvent::MouseMove: {
        auto *e = static_cast<QMouseEvent *>(event);
        const QPointF pos = e->position();
        if (mDrag == Drag::Pan) {
            const double msPerPixel = double(mPressTo - mPressFrom) / plot.width();
            const qint64 shift = qint64(std::llround((mPressPos.x() - pos.x()) * msPerPixel));
            applyTimeRange(mPressFrom + shift, mPressTo + shift);
        } else if (mDrag == Drag::Zoom) {
            const QPointF a = p.chart->mapFromScene(p.view->mapToScene(mPressPos.toPoint()));
            const QPointF b = p.chart->mapFromScene(p.view->mapToScene(pos.toPoint()));
            const double left = std::clamp(std::min(a.x(), b.x()), plot.left(), plot.right());
            const double right = std::clamp(std::max(a.x(), b.x()), plot.left(), plot.right());
            p.rubberBand->setRect(QRectF(left, plot.top(), right - left, plot.height()));
            p.rubberBand->show();
        }
        if (inPlot(pos) && mDrag != Drag::Pan)
            showCrosshair(pos);
        else
            hideCrosshair();
        return true;
    }
    case QEvent::MouseButtonRelease: {
        auto *e = static_cast<QMouseEvent *>(event);
        const Drag drag = mDrag;
        mDrag = Drag::None;
        p.rubberBand->hide();
        p.view->viewport()->unsetCursor();
        if (drag == Drag::Zoom && std::abs(e->position().x() - mPressPos.x()) >= 5) {
            const qint64 a = timeAt(mPressPos);
            const qint64 b = timeAt(e->position());
            setUserRange(std::min(a, b), std::max(a, b));
        } else if (drag == Drag::Pan && (visibleFrom() != mPressFrom)) {
            emit visibleRangeChanged(visibleFrom(), visibleTo());
        }
        if (inPlot(e->position()))
            showCrosshair(e->position());
        return true;
    }
    case QEvent::MouseButtonDblClick:
        mDrag = Drag::None;
        p.rubberBand->hide();
        resetZoom();
        return true;
    case QEvent::Wheel: {
        auto *e = static_cast<QWheelEvent *>(event);
        const int delta = e->angleDelta().y();
        if (isLive() || delta == 0 || !inPlot(e->position()))
            return true;
        zoomAround(timeAt(e->position()), std::pow(kWheelStep, delta / 120.0));
        showCrosshair(e->position());
        return true;
    }
    case QEvent::Leave:
        hideCrosshair();
        return false;
    default:
        return false;
    }
}

void SensorChart::keyPressEvent(QKeyEvent *event)
{
    if (isLive()) {
        QWidget::keyPressEvent(event);
        return;
    }
    const qint64 centre = visibleFrom() + (visibleTo() - visibleFrom()) / 2;
    switch (event->key()) {
    case Qt::Key_Left:
        panByFraction(-0.1);
        break;
    case Qt::Key_Right:
        panByFraction(0.1);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomAround(centre, kWheelStep);
        break;
    case Qt::Key_Minus:
        zoomAround(centre, 1 / kWheelStep);
        break;
    case Qt::Key_Escape:
    case Qt::Key_Home:
        resetZoom();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace dv
