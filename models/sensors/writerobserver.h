// What runs in the writer thread beside the store: told of every commit, and of idle time.
#pragma once

#include "reading.h"

#include <vector>

namespace dv {

class SensorStore;

// The alert engine watches the readings this way: in the writer thread, after the commit, so
// it sees each reading once and never holds up a producer. Implementations must be quick;
// anything slow belongs on another thread.
class WriterObserver {
public:
    virtual ~WriterObserver() = default;
    // The writer's store is open; called once, in the writer thread, before any commit.
    virtual void storeOpened(SensorStore &store) = 0;
    // readings were committed (duplicates dropped by the store are included).
    virtual void committed(SensorStore &store, const std::vector<Reading> &readings) = 0;
    // About once a second, and once more before the writer ends (stopping = true).
    virtual void tick(qint64 now, bool stopping) = 0;
};

} // namespace dv
