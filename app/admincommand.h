// dvdash admin: a data centre sets up the shared PostgreSQL store and gives roles their areas.
#pragma once

#include "command.h"

#include <QCoreApplication>
#include <QTextStream>

namespace dv {

class AdminCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(dv::AdminCommand)
public:
    using Command::run;
    QString name() const override;
    QString summary() const override;

    // init-postgres: schema, group roles, policies and the county list, idempotently; prints
    // each part's version before and after. 0 done, 1 the server refused or is unreachable.
    static int initPostgres(const QString &spec, QTextStream &out, QTextStream &err);

protected:
    void describe(QCommandLineParser &parser) const override;
    bool takesArguments() const override { return true; }
    int execute(
        const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace dv
