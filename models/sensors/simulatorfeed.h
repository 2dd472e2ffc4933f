// The built-in simulator as a feed: the sample sites' devices, live, after seeding history.
#pragma once

#include "sensorfeed.h"
#include "sensorsimulator.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace dv {

// On by default when no broker is configured, so a fresh install shows a living province.
// Live messages go through the wire format and the parser like a broker's; seeded history
// goes straight to the writer, as fast as the store takes it.
class SimulatorFeed : public SensorFeed {
    Q_OBJECT
public:
    // Seeded history: a reading every 10 minutes for the last week, hourly before, so 90 days
    // for the 1,100 sample devices are about 8 million readings (some 100 MB, seconds to write).
    static constexpr qint64 kSeedStepMs = 10 * 60 * 1000;
    static constexpr qint64 kSeedCoarseStepMs = 60 * 60 * 1000;
    static constexpr qint64 kSeedFineSpanMs = 7 * 24 * 3600 * 1000LL;
    // The last quarter hour a reading a minute, as the devices report: Live 15 min opens full
    // on a fresh start instead of a point or two ten minutes apart.
    static constexpr qint64 kSeedLiveStepMs = 60 * 1000;
    static constexpr qint64 kSeedLiveSpanMs = 15 * 60 * 1000;

    SimulatorFeed(
        std::vector<SimulatedDevice> devices, SensorWriter *writer, QObject *parent = nullptr);
    ~SimulatorFeed() override;

    // Before start(): first write the history from `from` up to the present. 0 (the default)
    // seeds nothing.
    void setSeedFrom(qint64 from) { mSeedFrom = from; }
    // Before start(): how often the live devices report (the tests speed it up).
    void setIntervalMs(int ms) { mIntervalMs = ms; }
    void setSeed(quint32 seed) { mSeed = seed; }

    bool start(QString *error) override;
    void stop() override;
    QString sourceName() const override;

    const std::vector<SimulatedDevice> &devices() const { return mDevices; }

signals:
    // From the simulator's thread: connect queued.
    void seedProgress(int percent);
    // Once the writer has committed the whole seeded history.
    void seedFinished(qint64 readings);

private:
    void run();
    void seed(SensorSimulator &simulator, qint64 to);
    bool waitFor(qint64 ms); // false when stopping

    std::vector<SimulatedDevice> mDevices;
    qint64 mSeedFrom = 0;
    int mIntervalMs = 60000; // as the sample devices report
    quint32 mSeed = 20261122;
    std::thread mThread;
    std::mutex mMutex;
    std::condition_variable mWake;
    bool mStopping = false;
};

} // namespace dv
