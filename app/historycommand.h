// dvdash history: one sensor series as CSV, for scripts and checks.
#pragma once

#include "commandline.h"

#include <QCoreApplication>
#include <QTextStream>

namespace dv {

class HistoryCommand {
    Q_DECLARE_TR_FUNCTIONS(dv::HistoryCommand)
public:
    // 0 on success; 1 when the store or device cannot be read; 2 for a bad metric or time.
    // Times are printed in China time with their offset; the store keeps UTC.
    static int run(const HistoryOptions &options, QTextStream &out, QTextStream &err);
};

} // namespace dv
