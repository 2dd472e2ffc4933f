// Sensor time series painted on any QPainter: a PNG, a PDF report page, a wall screen.
#include "chartpainter.h"

#include "chartpalette.h"
#include "intmath.h"
#include "timeticks.h"
#include "timeunits.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dv {

namespace {

QFont scaledFont(const QFont &base, double factor, bool bold = false)
{
    QFont f = base;
    if (f.pixelSize() > 0)
        f.setPixelSize(std::max(1, int(std::lround(f.pixelSize() * factor))));
    else
        f.setPointSizeF(f.pointSizeF() * factor);
    if (bold)
        f.setWeight(QFont::DemiBold);
    return f;
}

// The font's pixel size on the device, as QPainter will resolve it there.
double fontPixels(const QFont &font, const QPaintDevice *device)
{
    if (font.pixelSize() > 0)
        return font.pixelSize();
    const int dpi = device ? device->logicalDpiY() : 96;
    return font.pointSizeF() * dpi / 72.0;
}

// The three fonts a chart uses and their metrics on the target device.
struct Fonts {
    Fonts(const QFont &base, const QPaintDevice *device)
        : label(base)
        , title(scaledFont(base, 1.2, true))
        , small(scaledFont(base, 0.92))
        , empty(scaledFont(base, 1.15))
        , labelMetrics(label, device)
        , titleMetrics(title, device)
        , smallMetrics(small, device)
    {
    }
    QFont label;
    QFont title;
    QFont small;
    QFont empty;
    QFontMetricsF labelMetrics;
    QFontMetricsF titleMetrics;
    QFontMetricsF smallMetrics;
};

// Crisp grid lines on raster devices: a line of the given width is centred so that it covers
// whole device pixels instead of smearing over two half-lit ones. Harmless on a PDF.
double snapX(const QPainter &painter, double x, double width)
{
    const QTransform t = painter.deviceTransform();
    const double scale = t.m11() != 0 ? t.m11() : 1;
    const int w = std::max(1, int(std::lround(width * scale)));
    const double d = x * scale + t.dx();
    const double snapped = w % 2 ? std::floor(d) + 0.5 : std::round(d);
    return (snapped - t.dx()) / scale;
}

double snapY(const QPainter &painter, double y, double width)
{
    const QTransform t = painter.deviceTransform();
    const double scale = t.m22() != 0 ? t.m22() : 1;
    const int w = std::max(1, int(std::lround(width * scale)));
    const double d = y * scale + t.dy();
    const double snapped = w % 2 ? std::floor(d) + 0.5 : std::round(d);
    return (snapped - t.dy()) / scale;
}

bool hasBucketIn(const ChartSeries &s, qint64 from, qint64 to)
{
    auto it = std::lower_bound(s.buckets.begin(), s.buckets.end(), from,
        [](const HistoryBucket &b, qint64 t) { return b.start < t; });
    return it != s.buckets.end() && it->start <= to;
}

bool spread(const ChartSeries &s, int begin, int end)
{
    return std::any_of(s.buckets.begin() + begin, s.buckets.begin() + end,
        [](const HistoryBucket &b) { return b.count > 1; });
}

} // namespace

double ChartPainter::Layout::xAt(qint64 time) const
{
    return plot.left()
        + double(time - from) / double(std::max<qint64>(1, to - from)) * plot.width();
}

double ChartPainter::Layout::yAt(double value) const
{
    const double span = values.max > values.min ? values.max - values.min : 1;
    return plot.bottom() - (value - values.min) / span * plot.height();
}

qint64 ChartPainter::Layout::timeAt(double x) const
{
    const double fraction = plot.width() > 0 ? (x - plot.left()) / plot.width() : 0;
    return from + qint64(std::llround(fraction * double(to - from)));
}

ChartPainter::ChartPainter() = default;

void ChartPainter::setSeries(const QVector<ChartSeries> &series)
{
    mSeries = series;
    for (ChartSeries &s : mSeries) {
        std::sort(s.buckets.begin(), s.buckets.end(),
            [](const HistoryBucket &a, const HistoryBucket &b) { return a.start < b.start; });
    }
}

void ChartPainter::setTimeRange(qint64 from, qint64 to)
{
    mTimeRange = std::make_pair(from, std::max(to, from + 1));
}

void ChartPainter::setAutoTimeRange()
{
    mTimeRange.reset();
}

qint64 ChartPainter::timeFrom() const
{
    if (mTimeRange)
        return mTimeRange->first;
    qint64 from = std::numeric_limits<qint64>::max();
    qint64 to = std::numeric_limits<qint64>::min();
    for (const ChartSeries &s : mSeries) {
        if (!s.isEmpty()) {
            from = std::min(from, s.buckets.front().start);
            to = std::max(to, s.buckets.back().start);
        }
    }
    if (from > to)
        return 0; // nothing to fit: the range only frames the empty text
    // A single bucket sits in the middle of an hour.
    return from < to ? from : from - kHourMs / 2;
}

qint64 ChartPainter::timeTo() const
{
    if (mTimeRange)
        return mTimeRange->second;
    qint64 to = std::numeric_limits<qint64>::min();
    for (const ChartSeries &s : mSeries) {
        if (!s.isEmpty())
            to = std::max(to, s.buckets.back().start);
    }
    const qint64 from = timeFrom();
    return to > from ? to : from + (to == std::numeric_limits<qint64>::min() ? kDayMs : kHourMs);
}

void ChartPainter::setBaseline(double value, const QString &label)
{
    mBaseline = value;
    mBaselineLabel = label;
}

void ChartPainter::clearBaseline()
{
    mBaseline.reset();
    mBaselineLabel.clear();
}

void ChartPainter::setValueRange(double min, double max)
{
    mFixedValueRange = std::make_pair(std::min(min, max), std::max(min, max));
}

QString ChartPainter::emptyText() const
{
    return mEmptyText.isEmpty() ? tr("No data in this period") : mEmptyText;
}

QString ChartPainter::composedValueTitle() const
{
    QString unit;
    for (const ChartSeries &s : mSeries) {
        if (!s.unit.isEmpty()) {
            unit = s.unit;
            break;
        }
    }
    if (unit.isEmpty())
        return mValueTitle;
    return mValueTitle.isEmpty() ? unit : tr("%1 (%2)").arg(mValueTitle, unit);
}

// What the legend lists: every labelled series, the baseline, the threshold bands the value
// axis shows (a band far off the plot would only puzzle a reader) and each distinct label of
// the alert spans in view.
QVector<ChartPainter::LegendEntry> ChartPainter::legendEntries(
    const ValueScale &values, qint64 from, qint64 to) const
{
    QVector<LegendEntry> out;
    if (!mLegendVisible)
        return out;
    for (int i = 0; i < mSeries.size(); ++i) {
        const ChartSeries &s = mSeries[i];
        if (s.label.isEmpty())
            continue;
        LegendEntry e;
        e.kind = LegendEntry::Line;
        e.colour = ChartPalette::seriesColour(s, i);
        e.withBand = spread(s, 0, int(s.buckets.size()));
        e.text = s.label;
        out << e;
    }
    if (mBaseline) {
        const QString value = mSeries.isEmpty() ? QLocale().toString(*mBaseline)
                                                : mSeries.front().formatValue(*mBaseline);
        LegendEntry e;
        e.kind = LegendEntry::Baseline;
        e.colour = ChartPalette::baseline();
        e.text = mBaselineLabel.isEmpty() ? tr("Baseline %1").arg(value)
                                          : tr("%1 (%2)").arg(mBaselineLabel, value);
        out << e;
    }
    for (const ThresholdBand &b : mBands) {
        const double lo = std::min(b.low, b.high);
        const double hi = std::max(b.low, b.high);
        if (b.label.isEmpty() || hi <= values.min || lo >= values.max)
            continue;
        LegendEntry e;
        e.kind = LegendEntry::Band;
        e.colour = ChartPalette::thresholdColour(b.colour);
        e.text = b.label;
        out << e;
    }
    QStringList spanLabels;
    for (const MarkedSpan &s : mSpans) {
        if (s.label.isEmpty() || s.to <= from || s.from >= to || spanLabels.contains(s.label))
            continue;
        spanLabels << s.label;
        LegendEntry e;
        e.kind = LegendEntry::Span;
        e.colour = s.colour;
        e.text = s.label;
        out << e;
    }
    return out;
}

ChartPainter::Layout ChartPainter::layout(const QRectF &rect, const QPaintDevice *device) const
{
    Layout l;
    l.bounds = rect;
    l.from = timeFrom();
    l.to = std::max(timeTo(), l.from + 1);
    l.em = fontPixels(mFont, device);
    l.unit = l.em / 12;
    l.empty = std::none_of(mSeries.begin(), mSeries.end(),
        [&](const ChartSeries &s) { return hasBucketIn(s, l.from, l.to); });
    l.title = mTitle;
    l.valueTitle = composedValueTitle();
    l.timeTitle = TimeTicks::rangeTitle(l.from, l.to);

    const Fonts f(mFont, device);
    const double em = l.em;
    const double pad = 0.6 * em;
    const QRectF inner = rect.adjusted(pad, pad, -pad, -pad);
    const double labelHeight = f.labelMetrics.height();
    const double smallHeight = f.smallMetrics.height();

    // The bottom, from the edge up: the range title, the tick labels, the ticks.
    const double plotBottom = inner.bottom() - smallHeight - 0.3 * em - labelHeight - 0.5 * em;
    l.timeTitleBox = QRectF(inner.left(), inner.bottom() - smallHeight, inner.width(), smallHeight);

    // The top, from the edge down: title, legend rows, value-axis title. The legend lists the
    // bands the value axis shows, and the axis depends on the height the legend leaves: two
    // rounds settle it (a third would give the second's answer).
    double top = inner.top();
    if (!mTitle.isEmpty()) {
        l.titleBox = QRectF(inner.left(), top, inner.width(), f.titleMetrics.height());
        top += f.titleMetrics.height() + 0.35 * em;
    }
    const double legendTop = top;
    const double swatchWidth = 1.8 * em;
    const double rowHeight = labelHeight + 0.25 * em;
    auto placeLegend = [&](QVector<LegendEntry> &entries) {
        double x = inner.left();
        double y = legendTop;
        for (LegendEntry &e : entries) {
            const double textWidth = std::min(
                f.labelMetrics.horizontalAdvance(e.text), inner.width() - swatchWidth - 0.45 * em);
            const double width = swatchWidth + 0.45 * em + textWidth;
            if (x > inner.left() && x + width > inner.right()) {
                x = inner.left();
                y += rowHeight;
            }
            e.box = QRectF(x, y, width, labelHeight);
            x += width + 1.3 * em;
        }
        return entries.isEmpty() ? 0.0 : y + rowHeight - legendTop + 0.15 * em;
    };
    auto scaleFor = [&](double plotTop) {
        const int ticks = ValueScale::targetTicks(plotBottom - plotTop, 3.5 * em);
        if (mFixedValueRange)
            return ValueScale::fixed(mFixedValueRange->first, mFixedValueRange->second, ticks);
        return ValueScale::fit(
            mSeries, l.from, l.to, mBaseline, mBands, ticks, ValueScale::Bands::Near);
    };
    const double valueTitleHeight = l.valueTitle.isEmpty() ? 0.0 : smallHeight + 0.25 * em;
    const double labelOverhang = labelHeight / 2 + 0.2 * em; // the top value label's upper half
    double plotTop = legendTop + valueTitleHeight + labelOverhang;
    for (int round = 0; round < 2; ++round) {
        l.values = scaleFor(plotTop);
        l.legend = legendEntries(l.values, l.from, l.to);
        plotTop = legendTop + placeLegend(l.legend) + valueTitleHeight + labelOverhang;
    }
    l.values = scaleFor(plotTop);
    if (!l.valueTitle.isEmpty()) {
        l.valueTitleBox = QRectF(
            inner.left(), plotTop - labelOverhang - valueTitleHeight, inner.width(), smallHeight);
    }

    // Left: the widest value label; right: half a time label, centred on the last tick.
    double valueLabels = 0;
    for (double v : l.values.ticks())
        valueLabels = std::max(valueLabels, f.labelMetrics.horizontalAdvance(l.values.label(v)));
    const double plotLeft = inner.left() + valueLabels + 0.6 * em;
    const double plotRight
        = inner.right() - f.labelMetrics.horizontalAdvance(QStringLiteral("00:00")) / 2;
    l.plot = QRectF(QPointF(plotLeft, plotTop), QPointF(plotRight, plotBottom));
    if (l.plot.width() < 1 || l.plot.height() < 1)
        l.plot.setSize(QSizeF(std::max(1.0, l.plot.width()), std::max(1.0, l.plot.height())));

    const double spacing = f.labelMetrics.horizontalAdvance(TimeTicks::widestLabel()) + 1.5 * em;
    l.timeStep = TimeTicks::step(l.to - l.from, l.plot.width(), spacing);
    l.timeTicks = TimeTicks::ticks(l.from, l.to, l.timeStep);
    for (qint64 tick : std::as_const(l.timeTicks)) {
        const QString text = TimeTicks::label(tick, l.timeStep);
        const double half = f.labelMetrics.horizontalAdvance(text) / 2;
        const double x = l.xAt(tick);
        // A label cut by the chart's edge is noise: leave it out.
        l.timeLabels << (x - half >= rect.left() && x + half <= rect.right() ? text : QString());
    }
    return l;
}

void ChartPainter::paint(QPainter &painter, const QRectF &rect) const
{
    const Layout l = layout(rect, painter.device());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setClipRect(rect, Qt::IntersectClip);
    if (mBackground.alpha() > 0)
        painter.fillRect(rect, mBackground);
    paintPlot(painter, l);
    paintSeries(painter, l);
    paintAxes(painter, l);
    paintHeader(painter, l);
    painter.restore();
}

QImage ChartPainter::renderImage(const QSize &size, qreal devicePixelRatio) const
{
    const qreal dpr = devicePixelRatio > 0 ? devicePixelRatio : 1;
    QImage image((QSizeF(size) * dpr).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    paint(painter, QRectF(QPointF(0, 0), QSizeF(size)));
    return image;
}

// Behind the data: grid, threshold bands, alert spans.
void ChartPainter::paintPlot(QPainter &painter, const Layout &l) const
{
    const QRectF plot = l.plot;
    const double hairline = l.unit;
    painter.save();
    painter.setClipRect(plot, Qt::IntersectClip);

    QPen grid(ChartPalette::grid(), hairline);
    grid.setCapStyle(Qt::FlatCap);
    painter.setPen(grid);
    // A value grid with nothing on it would suggest a scale that means nothing.
    if (!l.empty) {
        for (double v : l.values.ticks()) {
            const double y = snapY(painter, l.yAt(v), hairline);
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        }
    }
    for (qint64 tick : l.timeTicks) {
        const double x = snapX(painter, l.xAt(tick), hairline);
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }

    for (const ThresholdBand &b : mBands) {
        const double lo = std::max(std::min(b.low, b.high), l.values.min);
        const double hi = std::min(std::max(b.low, b.high), l.values.max);
        if (!(hi > lo))
            continue;
        const QColor colour = ChartPalette::thresholdColour(b.colour);
        const double y0 = l.yAt(hi);
        const double y1 = l.yAt(lo);
        painter.fillRect(QRectF(plot.left(), y0, plot.width(), y1 - y0),
            ChartPalette::withAlpha(colour, ChartPalette::kThresholdFillAlpha));
        // The edge marks the threshold itself; an open or off-axis edge has none.
        QPen edge(ChartPalette::withAlpha(colour, ChartPalette::kThresholdEdgeAlpha), hairline);
        edge.setCapStyle(Qt::FlatCap);
        painter.setPen(edge);
        for (double v : { b.low, b.high }) {
            if (std::isfinite(v) && v > l.values.min && v < l.values.max) {
                const double y = snapY(painter, l.yAt(v), hairline);
                painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
            }
        }
    }

    for (const MarkedSpan &s : mSpans) {
        if (s.to <= l.from || s.from >= l.to)
            continue;
        const double x0 = l.xAt(std::max(s.from, l.from));
        // At least two pixels: a short alert in a month's view must still be seen.
        const double x1 = std::max(l.xAt(std::min(s.to, l.to)), x0 + 2 * l.unit);
        const QRectF area(x0, plot.top(), x1 - x0, plot.height());
        painter.fillRect(area, ChartPalette::withAlpha(s.colour, ChartPalette::kMarkedSpanAlpha));
        // A strip along the top says where it starts and ends, even over a busy line.
        painter.fillRect(
            QRectF(x0, plot.top(), x1 - x0, 0.3 * l.em), ChartPalette::withAlpha(s.colour, 200));
    }
    painter.restore();
}

// The data: every series' min–max bands, the baseline, then the mean lines on top.
void ChartPainter::paintSeries(QPainter &painter, const Layout &l) const
{
    painter.save();
    painter.setClipRect(l.plot, Qt::IntersectClip);
    // More points than device pixels only cost time: beyond two per pixel column a line keeps
    // each column's extremes and a band each column's outer edges.
    const double deviceWidth = l.plot.width() * std::abs(painter.deviceTransform().m11());
    const qint64 columnMs
        = std::max<qint64>(1, qint64((l.to - l.from) / std::max(1.0, deviceWidth)));

    struct Part {
        int series;
        QPolygonF line;
        QPolygonF band; // upper edge left to right, then lower edge back
    };
    std::vector<Part> parts;
    for (int i = 0; i < mSeries.size(); ++i) {
        const ChartSeries &s = mSeries[i];
        if (s.isEmpty())
            continue;
        // The bucket before and after the range carry the line to the plot's edges.
        auto first = std::lower_bound(s.buckets.begin(), s.buckets.end(), l.from,
            [](const HistoryBucket &b, qint64 t) { return b.start < t; });
        auto last = std::upper_bound(s.buckets.begin(), s.buckets.end(), l.to,
            [](qint64 t, const HistoryBucket &b) { return t < b.start; });
        const int begin = int(std::max<std::ptrdiff_t>(0, first - s.buckets.begin() - 1));
        const int end = int(std::min<std::ptrdiff_t>(
            std::ptrdiff_t(s.buckets.size()), last - s.buckets.begin() + 1));
        for (const ChartSeries::Segment &seg : ChartSeries::segments(s.buckets, s.gapThreshold())) {
            const int b0 = std::max(seg.begin, begin);
            const int b1 = std::min(seg.end, end);
            if (b0 >= b1)
                continue;
            Part part { i, {}, {} };
            const bool thin = b1 - b0 > 2 * deviceWidth;
            const bool withBand = spread(s, b0, b1);
            QPolygonF lower;
            auto point = [&](const HistoryBucket &b, double v) {
                return QPointF(l.xAt(b.start), l.yAt(v));
            };
            if (!thin) {
                for (int b = b0; b < b1; ++b) {
                    const HistoryBucket &bucket = s.buckets[std::size_t(b)];
                    part.line << point(bucket, bucket.mean);
                    if (withBand) {
                        part.band << point(bucket, bucket.max);
                        lower << point(bucket, bucket.min);
                    }
                }
            } else {
                int b = b0;
                while (b < b1) {
                    const qint64 column = floorDiv(s.buckets[std::size_t(b)].start, columnMs);
                    int low = b, high = b;
                    double bandLow = s.buckets[std::size_t(b)].min;
                    double bandHigh = s.buckets[std::size_t(b)].max;
                    const HistoryBucket &head = s.buckets[std::size_t(b)];
                    for (++b;
                         b < b1 && floorDiv(s.buckets[std::size_t(b)].start, columnMs) == column;
                         ++b) {
                        const HistoryBucket &bucket = s.buckets[std::size_t(b)];
                        if (bucket.mean < s.buckets[std::size_t(low)].mean)
                            low = b;
                        if (bucket.mean > s.buckets[std::size_t(high)].mean)
                            high = b;
                        bandLow = std::min(bandLow, bucket.min);
                        bandHigh = std::max(bandHigh, bucket.max);
                    }
                    const HistoryBucket &a = s.buckets[std::size_t(std::min(low, high))];
                    const HistoryBucket &c = s.buckets[std::size_t(std::max(low, high))];
                    part.line << point(a, a.mean);
                    if (low != high)
                        part.line << point(c, c.mean);
                    if (withBand) {
                        part.band << point(head, bandHigh);
                        lower << point(head, bandLow);
                    }
                }
            }
            if (withBand) {
                std::reverse(lower.begin(), lower.end());
                part.band << lower;
            }
            parts.push_back(std::move(part));
        }
    }

    painter.setPen(Qt::NoPen);
    for (const Part &part : parts) {
        if (part.band.size() < 4)
            continue;
        const QColor colour = ChartPalette::seriesColour(mSeries[part.series], part.series);
        painter.setBrush(ChartPalette::withAlpha(colour, ChartPalette::kMinMaxBandAlpha));
        painter.drawPolygon(part.band);
    }
    if (mBaseline) {
        QPen pen(ChartPalette::baseline(), 1.4 * l.unit, Qt::DashLine);
        pen.setCapStyle(Qt::FlatCap);
        painter.setPen(pen);
        const double y = l.yAt(*mBaseline);
        painter.drawLine(QPointF(l.plot.left(), y), QPointF(l.plot.right(), y));
    }
    for (const Part &part : parts) {
        const QColor colour = ChartPalette::seriesColour(mSeries[part.series], part.series);
        if (part.line.size() == 1) {
            // A lone reading between gaps is a dot, or it would not show at all.
            painter.setPen(Qt::NoPen);
            painter.setBrush(colour);
            painter.drawEllipse(part.line.front(), 1.6 * l.unit, 1.6 * l.unit);
            continue;
        }
        QPen pen(colour, 1.8 * l.unit, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter.setPen(pen);
        painter.setBrush(Qt::NoBrush);
        painter.drawPolyline(part.line);
    }
    painter.restore();
}

// The axes: the time axis line with ticks, value and time labels, the range title, and the
// empty text when there is nothing to show.
void ChartPainter::paintAxes(QPainter &painter, const Layout &l) const
{
    const Fonts f(mFont, painter.device());
    const QRectF plot = l.plot;
    const double em = l.em;
    painter.save();

    QPen axis(ChartPalette::axisLine(), l.unit);
    axis.setCapStyle(Qt::FlatCap);
    painter.setPen(axis);
    const double axisY = snapY(painter, plot.bottom(), l.unit);
    painter.drawLine(QPointF(plot.left(), axisY), QPointF(plot.right(), axisY));
    for (qint64 tick : l.timeTicks) {
        const double x = snapX(painter, l.xAt(tick), l.unit);
        painter.drawLine(QPointF(x, axisY), QPointF(x, axisY + 0.35 * em));
    }

    painter.setFont(f.label);
    painter.setPen(ChartPalette::ink());
    const double labelHeight = f.labelMetrics.height();
    for (int i = 0; i < l.timeTicks.size() && i < l.timeLabels.size(); ++i) {
        if (l.timeLabels[i].isEmpty())
            continue;
        const double x = l.xAt(l.timeTicks[i]);
        const double width = f.labelMetrics.horizontalAdvance(l.timeLabels[i]) + em;
        painter.drawText(QRectF(x - width / 2, plot.bottom() + 0.5 * em, width, labelHeight),
            Qt::AlignHCenter | Qt::AlignTop, l.timeLabels[i]);
    }
    if (!l.empty) {
        for (double v : l.values.ticks()) {
            const double y = l.yAt(v);
            const QRectF box(l.bounds.left(), y - labelHeight / 2,
                plot.left() - 0.6 * em - l.bounds.left(), labelHeight);
            painter.drawText(box, Qt::AlignRight | Qt::AlignVCenter, l.values.label(v));
        }
    }

    painter.setFont(f.small);
    painter.setPen(ChartPalette::mutedInk());
    painter.drawText(
        QRectF(plot.left(), l.timeTitleBox.top(), plot.width(), l.timeTitleBox.height()),
        Qt::AlignHCenter | Qt::AlignTop,
        f.smallMetrics.elidedText(l.timeTitle, Qt::ElideRight, l.bounds.width()));
    if (!l.valueTitle.isEmpty()) {
        painter.drawText(l.valueTitleBox, Qt::AlignLeft | Qt::AlignTop,
            f.smallMetrics.elidedText(l.valueTitle, Qt::ElideRight, l.valueTitleBox.width()));
    }

    if (l.empty) {
        painter.setFont(f.empty);
        painter.drawText(plot, Qt::AlignCenter | Qt::TextWordWrap, emptyText());
    }
    painter.restore();
}

// Title and legend above the plot.
void ChartPainter::paintHeader(QPainter &painter, const Layout &l) const
{
    const Fonts f(mFont, painter.device());
    const double em = l.em;
    painter.save();
    if (!l.title.isEmpty()) {
        painter.setFont(f.title);
        painter.setPen(QColor(0x20, 0x24, 0x2a));
        painter.drawText(l.titleBox, Qt::AlignLeft | Qt::AlignTop,
            f.titleMetrics.elidedText(l.title, Qt::ElideRight, l.titleBox.width()));
    }
    painter.setFont(f.label);
    const double swatchWidth = 1.8 * em;
    for (const LegendEntry &e : l.legend) {
        const QRectF swatch(e.box.left(), e.box.center().y() - 0.4 * em, swatchWidth, 0.8 * em);
        const double mid = swatch.center().y();
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::NoBrush);
        switch (e.kind) {
        case LegendEntry::Line: {
            if (e.withBand) {
                painter.fillRect(
                    swatch, ChartPalette::withAlpha(e.colour, ChartPalette::kMinMaxBandAlpha));
            }
            painter.setPen(QPen(e.colour, 1.8 * l.unit, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(QPointF(swatch.left(), mid), QPointF(swatch.right(), mid));
            break;
        }
        case LegendEntry::Baseline: {
            QPen pen(e.colour, 1.4 * l.unit, Qt::DashLine);
            pen.setCapStyle(Qt::FlatCap);
            painter.setPen(pen);
            painter.drawLine(QPointF(swatch.left(), mid), QPointF(swatch.right(), mid));
            break;
        }
        case LegendEntry::Band:
            painter.fillRect(
                swatch, ChartPalette::withAlpha(e.colour, ChartPalette::kThresholdSwatchAlpha));
            painter.setPen(
                QPen(ChartPalette::withAlpha(e.colour, ChartPalette::kThresholdEdgeAlpha), l.unit));
            painter.drawLine(
                QPointF(swatch.left(), swatch.top()), QPointF(swatch.right(), swatch.top()));
            break;
        case LegendEntry::Span:
            painter.fillRect(
                swatch, ChartPalette::withAlpha(e.colour, 2 * ChartPalette::kMarkedSpanAlpha));
            painter.fillRect(QRectF(swatch.left(), swatch.top(), swatch.width(), 0.25 * em),
                ChartPalette::withAlpha(e.colour, 200));
            break;
        }
        painter.setPen(ChartPalette::ink());
        const QRectF text = e.box.adjusted(swatchWidth + 0.45 * em, 0, 0, 0);
        painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter,
            f.labelMetrics.elidedText(e.text, Qt::ElideRight, text.width() + 0.5));
    }
    painter.restore();
}

} // namespace dv
