// Integer division that rounds towards minus infinity, for bucketing times before 1970 too.
#pragma once

#include <QtGlobal>

namespace dv {

// a / b rounded down (C++ rounds towards zero): floorDiv(-1, 10) is -1, not 0.
constexpr qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// The remainder that goes with floorDiv: always in [0, b) for b > 0.
constexpr qint64 floorMod(qint64 a, qint64 b)
{
    return a - floorDiv(a, b) * b;
}

} // namespace dv
