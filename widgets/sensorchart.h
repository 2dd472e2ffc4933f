// Sensor history and live readings as a chart: our own API, with Qt Charts kept in the .cpp.
#pragma once

#include "chartseries.h"
#include "markedspan.h"
#include "thresholdband.h"

#include <QElapsedTimer>
#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QStringList>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace dv {

// Draws one or more series over time: a mean line per series with a translucent min–max band
// where buckets hold several readings, gaps left open, threshold bands and a baseline behind.
// Times are ms UTC in and out; every time shown is China time (Asia/Shanghai), whatever the
// machine's zone. The chart library is an implementation detail: nothing of it appears here.
// Colours, tick maths and time labels are the painting library's (ChartPalette, TimeTicks,
// ValueScale), shared with ChartPainter, which paints the same chart into reports and PNGs.
class SensorChart : public QWidget {
    Q_OBJECT
public:
    explicit SensorChart(QWidget *parent = nullptr);
    ~SensorChart() override;

    // Replaces all series. The visible time range stays (an owner re-querying after a zoom
    // hands the new buckets in here); only a chart that never had a range fits it to the data.
    void setSeries(const QVector<ChartSeries> &series);
    void clear();
    const QVector<ChartSeries> &series() const { return mSeries; }

    // The range reset returns to; also shows it now.
    void setTimeRange(qint64 from, qint64 to);
    qint64 visibleFrom() const;
    qint64 visibleTo() const;

    // windowMs > 0: live mode. The time axis shows [now - window, now] and follows the clock,
    // checked 10 times a second and moved whenever now has gone on by a pixel's worth; readings
    // older than the window are dropped. 0 ends live mode (data stay). No zoom or pan while live.
    void setLiveWindow(qint64 windowMs);
    qint64 liveWindow() const { return mLiveWindow; }
    bool isLive() const { return mLiveWindow > 0; }
    // One reading of series seriesIndex (as passed to setSeries). Live, it is drawn within a
    // second (sooner when the axis moves a pixel); otherwise at once.
    void appendLive(int seriesIndex, qint64 timestamp, double value);
    // ms UTC "now" for live mode; tests inject their own. Default: the system clock.
    void setClock(std::function<qint64()> clock);

    void setThresholdBands(const QVector<ThresholdBand> &bands);
    // Shaded stretches of time over the whole plot height, e.g. a site's alerts.
    void setMarkedSpans(const QVector<MarkedSpan> &spans);
    const QVector<MarkedSpan> &markedSpans() const { return mSpans; }
    // For tests: the spans' rectangles in chart coordinates, only those in view.
    QVector<QRectF> markedSpanRects() const;
    // A dashed horizontal line, e.g. a sow's own normal temperature. label: legend text
    // (translated by the caller); empty gives "Baseline".
    void setBaseline(double value, const QString &label = QString());
    void clearBaseline();

    // Value axis title; the unit of the series is added in brackets. Empty: the unit alone.
    void setValueTitle(const QString &title);
    // A fixed value range; setAutoValueRange() returns to fitting the visible data, bands and
    // baseline with some padding (the default).
    void setValueRange(double min, double max);
    void setAutoValueRange();
    double valueMin() const;
    double valueMax() const;

    // Back to the range of setTimeRange() (or the data's); emits visibleRangeChanged with it
    // when that changes the view, then resetRequested.
    void resetZoom();
    // Width of the plot area in device-independent pixels: the bucket count worth querying.
    int plotPixelWidth() const;
    // The plot area (inside the axes) in this widget's coordinates.
    QRectF plotArea() const;

    // The hover label at time: China time, then each series' value at its nearest bucket.
    QString crosshairText(qint64 time) const;
    // The chart as shown, at twice its size in pixels (device pixel ratio 2).
    QImage renderImage() const;
    bool exportPng(const QString &path, QString *error) const;
    bool exportCsv(const QString &path, QString *error) const;

    // The "no readings" text when no series has data, else empty.
    QString emptyStateText() const;

    // For tests: what is drawn for series index.
    int segmentCount(int series) const;
    QVector<QPointF> meanPoints(int series, int segment) const;
    // Upper and lower edge of the min–max band; empty when the segment has no band.
    QVector<QPointF> bandUpper(int series, int segment) const;
    QVector<QPointF> bandLower(int series, int segment) const;
    // The time-axis labels shown, left to right.
    QStringList timeLabels() const;

signals:
    // After a zoom or pan by the user (not after setTimeRange or a live frame): re-query the
    // store for [from, to) with plotPixelWidth() buckets and call setSeries.
    void visibleRangeChanged(qint64 from, qint64 to);
    void resetRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Plot; // the Qt Charts objects: the one place that knows the chart library

    void rebuildPlot();
    void updateSeriesItems(int index, bool beforeRangeChange = false);
    void applyTimeRange(qint64 from, qint64 to);
    void updateValueRange();
    void updateTimeLabels();
    void updateTickStep(qint64 span);
    void updateHorizontals();
    void updateSpans();
    void updateEmptyState();
    void updateValueTitle();
    void liveFrame();
    void dropExpired(qint64 before);
    QColor seriesColour(int index) const;
    // Upper and lower edge of a segment's visible min-max band; empty when there is none.
    std::pair<QVector<QPointF>, QVector<QPointF>> bandEdges(int series, int segment) const;
    QStringList crosshairLines(qint64 time, bool html) const;

    // Interaction, in viewport pixels.
    bool handleMouse(QEvent *event);
    bool inPlot(const QPointF &viewportPos) const;
    qint64 timeAt(const QPointF &viewportPos) const;
    void zoomAround(qint64 anchor, double factor);
    void panByFraction(double fraction);
    void setUserRange(qint64 from, qint64 to);
    void showCrosshair(const QPointF &viewportPos);
    void hideCrosshair();

    std::unique_ptr<Plot> mPlot;
    QVector<ChartSeries> mSeries;
    std::vector<ChartSeries::Segment> mScratchSegments; // reused by every live frame
    QVector<ThresholdBand> mBands;
    QVector<MarkedSpan> mSpans;
    std::optional<double> mBaseline;
    QString mBaselineLabel;
    QString mValueTitle;
    std::optional<std::pair<double, double>> mFixedValueRange;

    bool mHasRange = false; // setTimeRange called, or fitted to data once
    qint64 mHomeFrom = 0;
    qint64 mHomeTo = 0;

    qint64 mLiveWindow = 0;
    qint64 mLiveShownAt = 0; // the "now" at the axis's right edge
    QElapsedTimer mLiveWork; // since the last frame that did anything
    bool mLiveForce = false;
    QTimer mLiveTimer;
    std::function<qint64()> mClock;

    enum class Drag { None, Zoom, Pan };
    Drag mDrag = Drag::None;
    QPointF mPressPos;
    qint64 mPressFrom = 0;
    qint64 mPressTo = 0;
};

} // namespace dv
