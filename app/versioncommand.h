// dvdash version (and dvdash --version): the program's name and version on one line.
#pragma once

#include "command.h"

#include <QCoreApplication>

namespace dv {

class VersionCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(dv::VersionCommand)
public:
    QString name() const override;
    QString summary() const override;

protected:
    void describe(QCommandLineParser &parser) const override;
    int execute(
        const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace dv
