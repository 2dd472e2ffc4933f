// dvdash alerts: the store's alerts as CSV, for scripts and checks.
#pragma once

#include "commandline.h"

#include <QCoreApplication>
#include <QTextStream>

namespace dv {

class AlertsCommand {
    Q_DECLARE_TR_FUNCTIONS(dv::AlertsCommand)
public:
    // 0 on success; 1 when the store cannot be read. Times in China time with their offset.
    static int run(const AlertsOptions &options, QTextStream &out, QTextStream &err);
};

} // namespace dv
