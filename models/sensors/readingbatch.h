// A batch of readings in the order both stores write it: series by series, each in time order.
#pragma once

#include "reading.h"

#include <vector>

namespace dv {

class ReadingBatch {
public:
    // One number per series, in (device, metric) order: the stores' key for a series' state.
    static quint64 seriesKey(quint32 device, int metric);
    // Orders readings by device, metric, then device time, and drops a reading whose device,
    // metric and time an earlier one in the batch has (a QoS 1 redelivery): the first to
    // arrive is kept. Returns how many were dropped.
    static int sortAndDeduplicate(std::vector<Reading> &readings);
};

} // namespace dv
