// The colours every sensor chart uses, on screen, on a wall or in a PDF: one palette, one look.
#pragma once

#include <QColor>

namespace dv {

struct ChartSeries;

// Colours and the opacities that go with them. A translucent fill takes its hue from what it
// marks and the alpha from here, so a band means the same in the window and in a report.
class ChartPalette {
public:
    // Tableau 10 with red moved last: on a dashboard red reads as an alarm, not as "series 2".
    static QColor seriesColour(int index);
    // The series' own colour when it has one, else seriesColour(index).
    static QColor seriesColour(const ChartSeries &series, int index);

    static QColor ink() { return QColor(0x3c, 0x40, 0x46); } // axes, labels: softer than black
    static QColor mutedInk() { return QColor(0x80, 0x86, 0x8f); } // empty text, axis titles
    static QColor grid() { return QColor(0xe3, 0xe6, 0xea); }
    static QColor axisLine() { return QColor(0xb4, 0xb9, 0xc0); }
    static QColor baseline() { return QColor(0x4a, 0x50, 0x58); }
    static QColor thresholdDefault() { return QColor(0xe0, 0x60, 0x40); }

    // Alphas (0..255) for what is drawn over the plot.
    static constexpr int kMinMaxBandAlpha = 56; // a series' min–max band
    static constexpr int kThresholdFillAlpha = 30; // a threshold band's fill
    static constexpr int kThresholdEdgeAlpha = 150; // the threshold itself
    static constexpr int kThresholdSwatchAlpha = 90; // its legend swatch: a bare fill reads empty
    static constexpr int kMarkedSpanAlpha = 45; // an alert's stretch of time

    static QColor withAlpha(QColor colour, int alpha)
    {
        colour.setAlpha(alpha);
        return colour;
    }
    // A threshold band's colour, or the default for a band given none.
    static QColor thresholdColour(const QColor &given)
    {
        return given.isValid() ? given : thresholdDefault();
    }
};

} // namespace dv
