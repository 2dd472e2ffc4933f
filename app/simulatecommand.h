// dvdash simulate: the sample sites' simulated devices publishing to a broker, for demos and load.
#pragma once

#include "commandline.h"

#include <QCoreApplication>
#include <QTextStream>

namespace dv {

class SimulateCommand {
    Q_DECLARE_TR_FUNCTIONS(dv::SimulateCommand)
public:
    // Every device reports once a minute of real time, at most options.rate messages a second;
    // 0 after SIGINT/SIGTERM or --for, 1 when the data or the broker cannot be used.
    static int run(const SimulateOptions &options, QTextStream &out, QTextStream &err);
};

} // namespace dv
