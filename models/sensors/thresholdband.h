// A value range a chart shades across the whole plot, e.g. "fever: 39.5 to 42 °C".
#pragma once

#include <QColor>
#include <QString>

namespace dv {

struct ThresholdBand {
    double low = 0; // either edge may be ±infinity for an open band ("above 39.5 °C")
    double high = 0;
    QColor colour; // drawn translucent; the alpha given here is ignored
    QString label; // legend text, already translated
};

} // namespace dv
