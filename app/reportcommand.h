// dvdash report: a county briefing or the province atlas as a PDF, headless.
#pragma once

#include "command.h"

#include <QCoreApplication>

namespace dv {

class ReportCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(dv::ReportCommand)
public:
    QString name() const override;
    QString summary() const override;

protected:
    void describe(QCommandLineParser &parser) const override;
    // 0 when the report is written; 2 for a usage error, a county outside Guizhou or a period
    // without data (unless --allow-empty); 1 when a store cannot be read or the file written.
    int execute(
        const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;
};

} // namespace dv
