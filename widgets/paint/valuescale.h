// A chart's value axis: the range it shows and its round ticks, fitted to data and bands.
#pragma once

#include "chartseries.h"
#include "thresholdband.h"

#include <QString>
#include <QVector>

#include <optional>

namespace dv {

// A value: the window's chart and ChartPainter fit the same range to the same data, so a
// report shows what the screen showed.
class ValueScale {
public:
    double min = 0;
    double max = 1;
    double step = 0.25; // between ticks
    int decimals = 2; // what step needs: 2.5 shows one, 0.25 two

    // The multiples of step in [min, max].
    int tickCount() const;
    QVector<double> ticks() const;
    // The tick label in the user's locale at the step's precision.
    QString label(double value) const;

    // Which threshold bands beyond the data fit() brings into view.
    enum class Bands {
        All, // every one, however far from the data
        Near, // those within the data's span (or a tenth of its magnitude) of it: the window's
              // chart and a report on a mild day need not shrink the line to show heat
              // stress at 35 °C
    };
    // Fits the buckets of series in [from, to] (and the one before from, which draws the line
    // into view) and the baseline; shows the near edge of threshold bands beyond the data (and
    // 15 % of the data's span into them); pads by 6 % and rounds outwards to a step for about
    // targetTicks ticks, unless that adds more than half the padded range on a side (then the
    // padded edge stays). Without data: the bands' finite edges, else 0..1.
    static ValueScale fit(const QVector<ChartSeries> &series, qint64 from, qint64 to,
        std::optional<double> baseline, const QVector<ThresholdBand> &bands, int targetTicks,
        Bands reach = Bands::All);
    // Exactly [min, max], with a round step for about targetTicks ticks.
    static ValueScale fixed(double min, double max, int targetTicks);
    // How many ticks a plot height holds at one every minSpacing: 3 to 11.
    static int targetTicks(double plotHeight, double minSpacing);
    // A round step for about `ticks` ticks over span: 1, 2, 2.5 or 5 times a power of ten.
    static double niceStep(double span, int ticks);
    static int stepDecimals(double step);
};

} // namespace dv
