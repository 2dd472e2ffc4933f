// Where history() cuts [from, to) into buckets: one rule for every store, so they agree.
#pragma once

#include <QtGlobal>

namespace dv {

// Buckets four rollup cells wide or more (40 minutes: a week as hours, a year as 2,000 points)
// have their inner edges on whole 10-minute cells of UTC time, each at most one cell before
// where equal widths would put it, as InfluxDB and TimescaleDB align their buckets. A store
// that keeps a 10-minute rollup then folds whole cells, reading single readings only in the
// cells `from` and `to` cut. Narrower buckets are of exactly equal width. Either way there are
// `buckets` of them, the first starting at `from`; integer arithmetic throughout, so the
// PostgreSQL function (which repeats bucketOf() in SQL) places every reading where this does.
class HistoryGrid {
public:
    static constexpr qint64 kCellMs = 10 * 60 * 1000;

    // from < to and buckets > 0, as history() checks first.
    HistoryGrid(qint64 from, qint64 to, int buckets);

    bool onCells() const { return mOnCells; }
    int count() const { return mCount; }
    // The bucket of a reading time in [from, to).
    int bucketOf(qint64 t) const;
    qint64 startOf(int bucket) const;

    static qint64 cellOf(qint64 t);

private:
    qint64 mFrom;
    qint64 mSpan;
    int mCount;
    double mWidth; // of the equal buckets, when not on cells
    bool mOnCells;
};

} // namespace dv
