// dvdash indicators: county indicator tables in and out of the store, its revisions, restores
// and an office's own indicators.
#pragma once

#include "command.h"
#include "indicator.h"

#include <QCoreApplication>
#include <QTextStream>

namespace dv {

struct IndicatorsOptions {
    enum class Action { Import, Export, Revisions, Restore, Define };
    Action action = Action::Import;
    QString store; // empty: the user's own store
    QString file; // import: the table to read; export: --out
    int year = 0; // export: the year; import: the year of a wide table without a year column
    bool dryRun = false; // import: check and summarise, write nothing
    qint64 revision = 0; // restore: the revision whose state to bring back
    Indicator definition; // define: the office's own indicator, already validated
};

class IndicatorsCommand : public Command {
    Q_DECLARE_TR_FUNCTIONS(dv::IndicatorsCommand)
public:
    using Command::run;
    QString name() const override;
    QString summary() const override;

    // import: 0 when written; 1 when the file has problems (one line each on err, naming row
    // and column; nothing written) or the store fails. export: 0 when written, 1 on failure.
    // revisions: CSV on out, newest first. restore: the new revision's id on out; 1 with one
    // line when the revision or the store does not exist. define: 0 when added; 1 when the
    // store refuses it (a taken id). A missing named store is never created, except by import
    // and define, which write.
    static int run(const IndicatorsOptions &options, QTextStream &out, QTextStream &err);

protected:
    void describe(QCommandLineParser &parser) const override;
    bool takesArguments() const override { return true; }
    int execute(
        const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const override;

private:
    // Reads define's options into definition; empty, or one line naming the option at fault.
    static QString readDefinition(const QCommandLineParser &parser, Indicator &definition);
    static int runImport(const IndicatorsOptions &options, QTextStream &out, QTextStream &err);
    static int runExport(const IndicatorsOptions &options, QTextStream &out, QTextStream &err);
    static int runRevisions(const IndicatorsOptions &options, QTextStream &out, QTextStream &err);
    static int runRestore(const IndicatorsOptions &options, QTextStream &out, QTextStream &err);
    static int runDefine(const IndicatorsOptions &options, QTextStream &out, QTextStream &err);
};

} // namespace dv
