// A chart's value axis: the range it shows and its round ticks, fitted to data and bands.
#include "valuescale.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace dv {

int ValueScale::tickCount() const
{
    return int(ticks().size());
}

QVector<double> ValueScale::ticks() const
{
    QVector<double> out;
    if (!(step > 0) || !(max > min))
        return { min, max };
    // Multiples of step: a fixed range need not start on one.
    const double first = std::ceil(min / step - 1e-9);
    for (int i = 0; i < 64; ++i) {
        double v = (first + i) * step;
        if (v > max + step * 1e-9)
            break;
        if (std::abs(v) < step * 1e-9)
            v = 0; // no "-0.0"
        out << v;
    }
    return out;
}

QString ValueScale::label(double value) const
{
    return QLocale().toString(value, 'f', decimals);
}

ValueScale ValueScale::fit(const QVector<ChartSeries> &series, qint64 from, qint64 to,
    std::optional<double> baseline, const QVector<ThresholdBand> &bands, int targetTicks,
    Bands reach)
{
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    int decimals = 0;
    for (const ChartSeries &s : series) {
        decimals = std::max(decimals, s.decimals);
        auto it = std::lower_bound(s.buckets.begin(), s.buckets.end(), from,
            [](const HistoryBucket &b, qint64 t) { return b.start < t; });
        // The bucket just before the range still draws the line into it.
        if (it != s.buckets.begin())
            --it;
        for (; it != s.buckets.end(); ++it) {
            lo = std::min(lo, it->min);
            hi = std::max(hi, it->max);
            if (it->start > to)
                break;
        }
    }
    if (baseline) {
        lo = std::min(lo, *baseline);
        hi = std::max(hi, *baseline);
    }
    if (lo > hi) {
        // Nothing to fit: the bands alone, or a neutral 0..1.
        for (const ThresholdBand &b : bands) {
            for (double v : { b.low, b.high }) {
                if (std::isfinite(v)) {
                    lo = std::min(lo, v);
                    hi = std::max(hi, v);
                }
            }
        }
    } else {
        const double span = std::max(hi - lo, std::max(std::abs(hi) * 0.02, 0.5));
        const double dataLo = lo;
        const double dataHi = hi;
        const double near = reach == Bands::All
            ? std::numeric_limits<double>::infinity()
            : std::max(dataHi - dataLo, 0.1 * std::max(std::abs(dataLo), std::abs(dataHi)));
        for (const ThresholdBand &b : bands) {
            const double bandLo = std::min(b.low, b.high);
            const double bandHi = std::max(b.low, b.high);
            if (std::isfinite(bandHi) && bandHi < dataLo && dataLo - bandHi <= near)
                lo = std::min(lo, std::max(bandLo, bandHi - 0.15 * span));
            if (std::isfinite(bandLo) && bandLo > dataHi && bandLo - dataHi <= near)
                hi = std::max(hi, std::min(bandHi, bandLo + 0.15 * span));
        }
    }
    if (lo > hi) {
        lo = 0;
        hi = 1;
    }
    double span = hi - lo;
    if (span <= 0)
        span = std::max(std::abs(hi) * 0.05, std::pow(10.0, -decimals));
    lo -= span * 0.06;
    hi += span * 0.06;

    ValueScale scale;
    scale.step = niceStep(hi - lo, targetTicks);
    scale.min = std::floor(lo / scale.step + 1e-9) * scale.step;
    scale.max = std::ceil(hi / scale.step - 1e-9) * scale.step;
    // Rounding out to a step may add more empty axis than the data fills when the step is
    // coarse (a 0/1 terminal state would show -1..2): then the padded range is kept, and
    // ticks fall on the steps inside it.
    const double padded = hi - lo;
    if (lo - scale.min > 0.5 * padded)
        scale.min = lo;
    if (scale.max - hi > 0.5 * padded)
        scale.max = hi;
    scale.decimals = stepDecimals(scale.step);
    return scale;
}

ValueScale ValueScale::fixed(double min, double max, int targetTicks)
{
    ValueScale scale;
    scale.min = std::min(min, max);
    scale.max = std::max(std::max(min, max), scale.min + 1e-9);
    scale.step = niceStep(scale.max - scale.min, targetTicks);
    scale.decimals = stepDecimals(scale.step);
    return scale;
}

int ValueScale::targetTicks(double plotHeight, double minSpacing)
{
    return std::clamp(int(plotHeight / std::max(1e-9, minSpacing)), 3, 11);
}

double ValueScale::niceStep(double span, int ticks)
{
    const double raw = span / std::max(1, ticks - 1);
    if (!(raw > 0) || !std::isfinite(raw))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : { 1.0, 2.0, 2.5, 5.0 }) {
        if (raw <= m * magnitude * (1 + 1e-9))
            return m * magnitude;
    }
    return 10 * magnitude;
}

int ValueScale::stepDecimals(double step)
{
    int digits = 0;
    while (digits < 6) {
        const double scaled = step * std::pow(10.0, digits);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * scaled)
            break;
        ++digits;
    }
    return digits;
}

} // namespace dv
