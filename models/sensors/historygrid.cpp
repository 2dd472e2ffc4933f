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
    // bucketOf() multiplies the span by the count: spans of millennia stay equal-width.
    , mOnCells(to - from >= 4 * kCellMs * qint64(buckets)
          && to - from < std::numeric_limits<qint64>::max() / 2 / buckets)
{
}

qint64 HistoryGrid::cellOf(qint64 t)
{
    return t - ((t % kCellMs) + kCellMs) % kCellMs;
}

// Inner edge i (1 <= i < count) is cellOf(from + i * span / count). It lies at or before a time
// t exactly when i * span < d * count, d being how far the end of t's cell lies past from; the
// bucket is the number of such edges.
int HistoryGrid::bucketOf(qint64 t) const
{
    if (!mOnCells)
        return std::min(mCount - 1, int(std::floor((t - mFrom) / mWidth)));
    const qint64 d = cellOf(t) + kCellMs - mFrom;
    return int(std::clamp<qint64>((d * mCount - 1) / mSpan, 0, mCount - 1));
}

qint64 HistoryGrid::startOf(int bucket) const
{
    if (bucket <= 0)
        return mFrom;
    if (!mOnCells) {
        // The first millisecond bucketOf() gives this bucket, floating rounding included.
        qint64 start = mFrom + qint64(std::ceil(bucket * mWidth));
        while (bucketOf(start) >= bucket && bucketOf(start - 1) >= bucket)
            --start;
        while (bucketOf(start) < bucket)
            ++start;
        return start;
    }
    return cellOf(mFrom + bucket * mSpan / mCount);
}

} // namespace dv
