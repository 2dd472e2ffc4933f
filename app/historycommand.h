// dvdash history: one sensor series as CSV, for scripts and checks.
#pragma once

#include "command.h"

#include <QCoreApplication>
#include <QTextStream>

namespace dv {

struct HistoryOptions {
    QString store; // empty: the user's own store
    QString device;
    QString metric;
    QString from;
    QString to;
    int buckets = 0; // 0: every reading
};

class HistoryCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(dv::HistoryCommand)
public:
    using Command::run;
    QString name() const override;
    QString summary() const override;

    // 0 on success; 1 when the store or device cannot be read; 2 for a bad metric or time.
    // Times are printed in China time with their offset; the store keeps UTC.
    static int run(const HistoryOptions &options, QTextStream &out, QTextStream &err);

protected:
    void describe(QCommandLineParser &parser) const override;
    int execute(
        const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace dv
