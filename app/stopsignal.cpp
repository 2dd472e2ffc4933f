// Ctrl+C and the like as a flag that headless commands poll: stop cleanly, never mid-write.
#include "stopsignal.h"

#include <QtGlobal>

#include <atomic>
#include <csignal>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace dv {

namespace {

std::atomic_bool gRequested(false);
std::atomic_bool gInstalled(false); // until the command has finished with its summary

extern "C" void onStopSignal(int)
{
    gRequested = true; // async-signal-safe: the command's loop polls it
}

#ifdef Q_OS_WIN
// Windows has no SIGTERM: Ctrl+C, Ctrl+Break, closing the console window, logging off and
// shutting down arrive here, on a thread of their own.
BOOL WINAPI onConsoleEvent(DWORD event)
{
    switch (event) {
    case CTRL_C_EVENT:
    case CTRL_BREAK_EVENT:
        gRequested = true;
        return TRUE; // handled: the process keeps running until the command has stopped
    case CTRL_CLOSE_EVENT:
    case CTRL_LOGOFF_EVENT:
    case CTRL_SHUTDOWN_EVENT:
        // The process ends when this returns (after about 5 s for a closed console): give the
        // command's loop that time to commit and print its summary.
        gRequested = true;
        for (int i = 0; i < 45 && gInstalled; ++i)
            Sleep(100);
        return TRUE;
    default:
        return FALSE;
    }
}
#endif

} // namespace

StopSignal::StopSignal()
{
    gRequested = false;
    gInstalled = true;
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
#ifdef Q_OS_WIN
    SetConsoleCtrlHandler(onConsoleEvent, TRUE);
#endif
}

StopSignal::~StopSignal()
{
    gInstalled = false;
#ifdef Q_OS_WIN
    SetConsoleCtrlHandler(onConsoleEvent, FALSE);
#endif
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

bool StopSignal::requested() const
{
    return gRequested;
}

} // namespace dv
