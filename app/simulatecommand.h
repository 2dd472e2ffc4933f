// dvdash simulate: the sample sites' simulated devices publishing to a broker, for demos and load.
#pragma once

#include "command.h"

#include <QCoreApplication>
#include <QTextStream>

#include <optional>

namespace dv {

struct SimulateOptions {
    std::optional<bool> sample; // --sample on|off; nullopt: as Settings › Sample data says
    QString broker;
    int rate = 100; // messages per second at most
    int forSeconds = 0; // 0: until SIGINT/SIGTERM
};

class SimulateCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(dv::SimulateCommand)
public:
    using Command::run;
    QString name() const override;
    QString summary() const override;

    // Every device reports once a minute of real time, at most options.rate messages a second;
    // 0 after SIGINT/SIGTERM or --for, 1 when the data or the broker cannot be used.
    static int run(const SimulateOptions &options, QTextStream &out, QTextStream &err);

protected:
    void describe(QCommandLineParser &parser) const override;
    int execute(
        const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace dv
