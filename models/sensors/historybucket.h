// One time bucket of a history query: what a chart needs to draw a pixel column.
#pragma once

#include <QtGlobal>

namespace dv {

struct HistoryBucket {
    qint64 start = 0; // ms UTC, bucket start
    double min = 0;
    double max = 0;
    double first = 0;
    double last = 0;
    double mean = 0;
    int count = 0; // readings in the bucket; empty buckets are not returned (gaps stay gaps)
};

} // namespace dv
