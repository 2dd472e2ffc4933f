// The built-in simulator as a feed: the sample sites' devices, live, after seeding history.
#include "simulatorfeed.h"

#include "sensorwriter.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QStringList>

#include <chrono>

Q_LOGGING_CATEGORY(lcSimulator, "dv.sensors.simulator", QtInfoMsg)

namespace dv {

namespace {

// Seeding stays this far ahead of the writer at most: bounded memory, the store at full speed.
constexpr qint64 kMaxQueuedReadings = 500000;

} // namespace

SimulatorFeed::SimulatorFeed(
    std::vector<SimulatedDevice> devices, SensorWriter *writer, QObject *parent)
    : SensorFeed(writer, parent)
    , mDevices(std::move(devices))
{
}

SimulatorFeed::~SimulatorFeed()
{
    stop();
}

QString SimulatorFeed::sourceName() const
{
    return tr("Built-in simulator");
}

bool SimulatorFeed::start(QString *error)
{
    if (mDevices.empty()) {
        *error = tr("The simulator has no devices: the sample sites are not loaded.");
        return false;
    }
    // The simulator's devices are the dashboard's own: never quarantined.
    QStringList keys;
    keys.reserve(static_cast<int>(mDevices.size()));
    for (const SimulatedDevice &d : mDevices)
        keys << d.key;
    mWriter->acceptDevices(keys);
    mStopping = false;
    mThread = std::thread(&SimulatorFeed::run, this);
    setState(State::Simulating);
    return true;
}

void SimulatorFeed::stop()
{
    {
        std::lock_guard<std::mutex> lock(mMutex);
        mStopping = true;
    }
    mWake.notify_all();
    if (mThread.joinable())
        mThread.join();
    setState(State::Stopped);
}

bool SimulatorFeed::waitFor(qint64 ms)
{
    std::unique_lock<std::mutex> lock(mMutex);
    return !mWake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return mStopping; });
}

void SimulatorFeed::run()
{
    SensorSimulator simulator(mDevices, mSeed);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (mSeedFrom > 0 && mSeedFrom < now)
        seed(simulator, now);
    for (;;) {
        const qint64 t = QDateTime::currentMSecsSinceEpoch();
        for (const SensorSimulator::Message &m : simulator.tick(t))
            deliver(SensorSimulator::topic(m), SensorSimulator::payload(m, t), t);
        // Report on the interval's boundaries, as devices with synchronised clocks do.
        const qint64 next = (QDateTime::currentMSecsSinceEpoch() / mIntervalMs + 1) * mIntervalMs;
        if (!waitFor(next - QDateTime::currentMSecsSinceEpoch()))
            return;
    }
}

void SimulatorFeed::seed(SensorSimulator &simulator, qint64 to)
{
    // Aligned steps: a second seeding of the same hours (after an interrupted first start)
    // repeats timestamps, which the store drops as duplicates.
    const qint64 from = (mSeedFrom / kSeedStepMs + 1) * kSeedStepMs;
    const qint64 fineFrom = to - kSeedFineSpanMs;
    const qint64 liveFrom = to - kSeedLiveSpanMs;
    const auto stepAfter = [&](qint64 t) {
        if (t + kSeedCoarseStepMs <= fineFrom)
            return kSeedCoarseStepMs;
        return t + kSeedStepMs <= liveFrom ? kSeedStepMs : kSeedLiveStepMs;
    };
    qint64 readings = 0;
    int reported = -1;
    for (qint64 t = from; t < to; t += stepAfter(t)) {
        for (SensorSimulator::Message &m : simulator.tick(t)) {
            readings += static_cast<qint64>(m.readings.size());
            mWriter->submit(m.deviceKey, std::move(m.readings), t + 2000);
        }
        const int percent = static_cast<int>(100 * (t - from) / std::max<qint64>(1, to - from));
        if (percent != reported)
            emit seedProgress(reported = percent);
        while (mWriter->queuedReadings() > kMaxQueuedReadings) {
            if (!waitFor(20))
                return;
        }
        {
            std::lock_guard<std::mutex> lock(mMutex);
            if (mStopping)
                return;
        }
    }
    // Finished means stored: whoever reloads on the signal sees the whole history.
    while (mWriter->queuedReadings() > 0) {
        if (!waitFor(20))
            return;
    }
    qCInfo(lcSimulator) << "seeded" << readings << "readings of history";
    emit seedFinished(readings);
}

} // namespace dv
