// dvdash listen: a headless collector for a station PC, MQTT broker to store.
#pragma once

#include "commandline.h"

#include <QCoreApplication>
#include <QTextStream>

namespace dv {

class ListenCommand {
    Q_DECLARE_TR_FUNCTIONS(dv::ListenCommand)
public:
    // Runs until SIGINT/SIGTERM or --for; then stops receiving, commits everything received
    // and prints a summary. 0 on a clean stop; 1 when the store or the broker cannot be used.
    static int run(const ListenOptions &options, QTextStream &out, QTextStream &err);
};

} // namespace dv
