// Ctrl+C and the like as a flag that headless commands poll: stop cleanly, never mid-write.
#pragma once

namespace dv {

class StopSignal {
public:
    // Installs the handlers for the object's lifetime: SIGINT and SIGTERM; on Windows also
    // Ctrl+Break and closing the console (SetConsoleCtrlHandler).
    StopSignal();
    ~StopSignal();
    StopSignal(const StopSignal &) = delete;
    StopSignal &operator=(const StopSignal &) = delete;

    bool requested() const;
};

} // namespace dv
