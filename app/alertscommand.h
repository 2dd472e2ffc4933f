// dvdash alerts: the store's alerts as CSV, for scripts and checks.
#pragma once

#include "command.h"

#include <QCoreApplication>
#include <QTextStream>

#include <optional>

namespace dv {

struct AlertsOptions {
    QString store; // empty: the user's own store
    bool activeOnly = false;
    QString county; // empty: every county
    std::optional<bool> sample; // --sample on|off; nullopt: as Settings › Sample data says
};

class AlertsCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(dv::AlertsCommand)
public:
    using Command::run;
    QString name() const override;
    QString summary() const override;

    // 0 on success; 1 when the store cannot be read. Times in China time with their offset.
    static int run(const AlertsOptions &options, QTextStream &out, QTextStream &err);

protected:
    void describe(QCommandLineParser &parser) const override;
    int execute(
        const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace dv
