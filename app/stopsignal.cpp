// SIGINT/SIGTERM as a flag that headless commands poll: stop cleanly, never mid-write.
#include "stopsignal.h"

#include <atomic>
#include <csignal>

namespace dv {

namespace {

std::atomic_bool gRequested(false);

extern "C" void onStopSignal(int)
{
    gRequested = true; // async-signal-safe: the command's loop polls it
}

} // namespace

StopSignal::StopSignal()
{
    gRequested = false;
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
}

StopSignal::~StopSignal()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

bool StopSignal::requested() const
{
    return gRequested;
}

} // namespace dv
