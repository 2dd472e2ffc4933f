// The colours every sensor chart uses, on screen, on a wall or in a PDF: one palette, one look.
#include "chartpalette.h"

#include "chartseries.h"

#include <algorithm>
#include <iterator>

namespace dv {

namespace {

const QColor kPalette[] = { QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
    QColor(0x2c, 0xa0, 0x2c), QColor(0x94, 0x67, 0xbd), QColor(0x17, 0xbe, 0xcf),
    QColor(0x8c, 0x56, 0x4b), QColor(0xe3, 0x77, 0xc2), QColor(0xbc, 0xbd, 0x22),
    QColor(0x7f, 0x7f, 0x7f), QColor(0xd6, 0x27, 0x28) };

} // namespace

QColor ChartPalette::seriesColour(int index)
{
    return kPalette[std::size_t(std::max(0, index)) % std::size(kPalette)];
}

QColor ChartPalette::seriesColour(const ChartSeries &series, int index)
{
    return series.colour.isValid() ? series.colour : seriesColour(index);
}

} // namespace dv
