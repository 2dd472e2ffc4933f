// dvdash devices: the sensors on the office's sites; accept a new one, retire an old one.
#pragma once

#include "command.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace dv {

struct DevicesOptions {
    enum class Action { List, Accept, Retire };
    Action action = Action::List;
    QString store; // empty: the user's own store
    QString site; // list: only this site; accept: into this registered site
    QStringList keys; // accept, retire: county/site/device
};

class DevicesCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(dv::DevicesCommand)
public:
    using Command::run;
    QString name() const override;
    QString summary() const override;

    // 0 on success; 1 when a device cannot be accepted or retired (one line each) or the store
    // cannot be read.
    static int run(const DevicesOptions &options, QTextStream &out, QTextStream &err);

protected:
    void describe(QCommandLineParser &parser) const override;
    bool takesArguments() const override { return true; }
    int execute(
        const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace dv
