// Sensor time series painted on any QPainter: a PNG, a PDF report page, a wall screen.
#pragma once

#include "chartseries.h"
#include "markedspan.h"
#include "thresholdband.h"
#include "valuescale.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QImage>
#include <QRectF>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

class QPainter;
class QPaintDevice;

namespace dv {

// A value: what to show (series, bands, alert spans, titles), painted into any rectangle of any
// QPainter. Per series a mean line over a translucent min–max band, gaps left open (a step
// longer than ChartSeries::gapThreshold()), threshold bands and alert spans behind, a value
// axis with round ticks and the unit, a time axis at round China times, title and legend.
//
// Every size (margins, line widths, tick lengths) derives from the font, taken in the target
// device's resolution: the same font gives the same picture on a 96 dpi PNG, at device pixel
// ratio 2 and on a 1200 dpi PDF page, where everything stays vector. A wall screen sets a
// larger font. Times are ms UTC; every time shown is China time.
class ChartPainter {
    Q_DECLARE_TR_FUNCTIONS(dv::ChartPainter)
public:
    struct LegendEntry {
        enum Kind { Line, Baseline, Band, Span };
        Kind kind = Line;
        QColor colour;
        bool withBand = false; // a series line with a min–max band: its swatch shows both
        QString text;
        QRectF box; // swatch and text, in painter coordinates
    };

    // Where everything goes for one rectangle on one device; paint() draws exactly this.
    struct Layout {
        QRectF bounds;
        QRectF plot; // inside the axes
        qint64 from = 0; // the time range across the plot, ms UTC
        qint64 to = 1;
        ValueScale values;
        qint64 timeStep = 0;
        QVector<qint64> timeTicks;
        // One per tick, left to right; empty where the label would stick out of bounds.
        QStringList timeLabels;
        QVector<LegendEntry> legend;
        QString title;
        QString valueTitle; // "Air temperature (°C)"; the unit alone without a title
        QString timeTitle; // "2026-11-22, China time (UTC+8)"
        QRectF titleBox;
        QRectF valueTitleBox;
        QRectF timeTitleBox;
        double em = 12; // the font's pixel size on the device: the unit of every spacing
        double unit = 1; // a line width of "1 px" at a 12 px font
        bool empty = true; // no bucket in [from, to]

        double xAt(qint64 time) const;
        double yAt(double value) const;
        qint64 timeAt(double x) const;
    };

    ChartPainter();

    // Buckets are sorted by start here.
    void setSeries(const QVector<ChartSeries> &series);
    const QVector<ChartSeries> &series() const { return mSeries; }
    // The time range shown; by default the data's, first bucket to last.
    void setTimeRange(qint64 from, qint64 to);
    void setAutoTimeRange();
    qint64 timeFrom() const;
    qint64 timeTo() const;

    void setThresholdBands(const QVector<ThresholdBand> &bands) { mBands = bands; }
    // Shaded stretches of time over the whole plot height, e.g. alerts; labelled ones in view
    // get a legend entry per distinct label.
    void setMarkedSpans(const QVector<MarkedSpan> &spans) { mSpans = spans; }
    // A dashed horizontal line, e.g. a sow's own normal temperature. label: translated by the
    // caller; empty gives "Baseline".
    void setBaseline(double value, const QString &label = QString());
    void clearBaseline();

    // A fixed value range; setAutoValueRange() returns to fitting the data with the threshold
    // bands near it in view (ValueScale::fit with Bands::Near).
    void setValueRange(double min, double max);
    void setAutoValueRange() { mFixedValueRange.reset(); }

    void setTitle(const QString &title) { mTitle = title; }
    // The value axis title; the series' unit is added in brackets. Empty: the unit alone.
    void setValueTitle(const QString &title) { mValueTitle = title; }
    void setLegendVisible(bool visible) { mLegendVisible = visible; }
    // Shown in the plot when no bucket lies in the time range; default "No data in this period".
    void setEmptyText(const QString &text) { mEmptyText = text; }
    QString emptyText() const;
    // The labels' font; titles are derived from it. Default: the application font.
    void setFont(const QFont &font) { mFont = font; }
    const QFont &font() const { return mFont; }
    // Filled behind the chart; transparent: nothing (the page shows through).
    void setBackground(const QColor &colour) { mBackground = colour; }
    QColor background() const { return mBackground; }

    // device: what will be painted on (for its resolution); null: the screen's default.
    Layout layout(const QRectF &rect, const QPaintDevice *device = nullptr) const;
    void paint(QPainter &painter, const QRectF &rect) const;
    // size in device-independent pixels; the image has size * devicePixelRatio pixels.
    QImage renderImage(const QSize &size, qreal devicePixelRatio = 1) const;

private:
    QVector<LegendEntry> legendEntries(const ValueScale &values, qint64 from, qint64 to) const;
    QString composedValueTitle() const;
    void paintPlot(QPainter &painter, const Layout &l) const;
    void paintSeries(QPainter &painter, const Layout &l) const;
    void paintAxes(QPainter &painter, const Layout &l) const;
    void paintHeader(QPainter &painter, const Layout &l) const;

    QVector<ChartSeries> mSeries;
    QVector<ThresholdBand> mBands;
    QVector<MarkedSpan> mSpans;
    std::optional<double> mBaseline;
    QString mBaselineLabel;
    std::optional<std::pair<double, double>> mFixedValueRange;
    std::optional<std::pair<qint64, qint64>> mTimeRange;
    QString mTitle;
    QString mValueTitle;
    QString mEmptyText;
    bool mLegendVisible = true;
    QFont mFont;
    QColor mBackground = Qt::white;
};

} // namespace dv
