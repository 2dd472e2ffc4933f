// Measures how late the GUI thread's event loop runs a 5 ms timer: the window's stalls.
#pragma once

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace dvtest {

// A stall is the time a 5 ms timer fired later than due: whatever held the event loop (a
// store query, a layout, a paint) in that time. Header-only: the benchmark and the stall test
// link the whole application, the support library only the models.
class StallMeter {
public:
    static constexpr int kTickMs = 5;
    // Stalls longer than this are kept with the time they began, to find their cause.
    static constexpr double kLongMs = 50;
    struct Stall {
        double at; // ms since start()
        double ms;
    };

    StallMeter()
    {
        mTimer.setTimerType(Qt::PreciseTimer);
        mTimer.setInterval(kTickMs);
        QObject::connect(&mTimer, &QTimer::timeout, [this] {
            const qint64 now = mClock.nsecsElapsed();
            const double late = std::max<qint64>(0, now - mLast - kTickMs * 1000000LL) / 1e6;
            mLateness.push_back(late);
            if (late > kLongMs)
                mLong.push_back({ mLast / 1e6, late });
            mLast = now;
        });
    }

    void start()
    {
        mLateness.clear();
        mLong.clear();
        mClock.start();
        mLast = mClock.nsecsElapsed();
        mTimer.start();
    }
    void stop() { mTimer.stop(); }

    int samples() const { return int(mLateness.size()); }
    double elapsed() const { return mClock.nsecsElapsed() / 1e6; }
    const std::vector<Stall> &longStalls() const { return mLong; }
    // Milliseconds.
    double longest() const
    {
        return mLateness.empty() ? 0 : *std::max_element(mLateness.begin(), mLateness.end());
    }
    double percentile(double p) const
    {
        if (mLateness.empty())
            return 0;
        std::vector<double> sorted = mLateness;
        std::sort(sorted.begin(), sorted.end());
        const std::size_t i
            = std::min(sorted.size() - 1, std::size_t(p / 100.0 * double(sorted.size() - 1) + 0.5));
        return sorted[i];
    }

private:
    QTimer mTimer;
    QElapsedTimer mClock;
    qint64 mLast = 0;
    std::vector<double> mLateness; // ms per tick
    std::vector<Stall> mLong;
};

} // namespace dvtest
