// Where history() cuts [from, to) into buckets: one rule for every store, so they agree.
#pragma once

#include <QtGlobal>

namespace dv {

// Buckets four rollup steps wide or more have their inner edges on whole steps of UTC time,
// each at most one step before where equal widths would put it, as InfluxDB and TimescaleDB
// align their buckets: 10-minute steps from 40-minute buckets on (a week as hours), hours from
// 4-hour buckets on (a year as 2,000 points). A store that keeps 10-minute and hourly rollups
// then folds whole cells and hours, reading single readings only in the cells `from` and `to`
// cut. Narrower buckets are of exactly equal width. Either way there are `buckets` of them, the
// first starting at `from`; integer arithmetic throughout, so the PostgreSQL function (which
// repeats bucketOf() in SQL) places every reading where this does.
class HistoryGrid {
public:
    static constexpr qint64 kCellMs = 10 * 60 * 1000;
    static constexpr qint64 kHourMs = 60 * 60 * 1000;

    // from < to and buckets > 0, as history() checks first.
    HistoryGrid(qint64 from, qint64 to, int buckets);

    bool onCells() const { return mStep > 0; }
    // The inner edges' step: kCellMs or kHourMs; 0 for equal widths.
    qint64 step() const { return mStep; }
    int count() const { return mCount; }
    // The bucket of a reading time in [from, to).
    int bucketOf(qint64 t) const;
    qint64 startOf(int bucket) const;

    // The start of the step t falls in.
    static qint64 floorTo(qint64 t, qint64 step);

private:
    qint64 mFrom;
    qint64 mSpan;
    int mCount;
    double mWidth; // of the equal buckets, when not on steps
    qint64 mStep;
};

} // namespace dv
