#include "historygrid.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dv {

HistoryGrid::HistoryGrid(qint64 from, qint64 to, int buckets)
    : mFrom(from)
    , mSpan(to - from)
    , mCount(buckets)
    , mWidth(double(to - from) / buckets)
    , mStep(0)
{
    // bucketOf() multiplies the span by the count: spans of millennia stay equal-width.
    if (mSpan >= std::numeric_limits<qint64>::max() / 2 / buckets)
        return;
    if (mSpan >= 4 * kHourMs * qint64(buckets))
        mStep = kHourMs;
    else if (mSpan >= 4 * kCellMs * qint64(buckets))
        mStep = kCellMs;
}

qint64 HistoryGrid::floorTo(qint64 t, qint64 step)
{
    return t - ((t % step) + step) % step;
}

// Inner edge i (1 <= i < count) is floorTo(from + i * span / count). It lies at or before a time
// t exactly when i * span < d * count, d being how far the end of t's step lies past from; the
// bucket is the number of such edges.
int HistoryGrid::bucketOf(qint64 t) const
{
    if (!onCells())
        return std::min(mCount - 1, int(std::floor((t - mFrom) / mWidth)));
    const qint64 d = floorTo(t, mStep) + mStep - mFrom;
    return int(std::clamp<qint64>((d * mCount - 1) / mSpan, 0, mCount - 1));
}

qint64 HistoryGrid::startOf(int bucket) const
{
    if (bucket <= 0)
        return mFrom;
    if (!onCells()) {
        // The first millisecond bucketOf() gives this bucket, floating rounding included.
        qint64 start = mFrom + qint64(std::ceil(bucket * mWidth));
        while (bucketOf(start) >= bucket && bucketOf(start - 1) >= bucket)
            --start;
        while (bucketOf(start) < bucket)
            ++start;
        return start;
    }
    return floorTo(mFrom + bucket * mSpan / mCount, mStep);
}

} // namespace dv
