// dvdash indicators: county indicator tables in and out of the store, its revisions, restores
// and an office's own indicators.
#pragma once

#include "commandline.h"

#include <QCoreApplication>
#include <QTextStream>

namespace dv {

class IndicatorsCommand {
    Q_DECLARE_TR_FUNCTIONS(dv::IndicatorsCommand)
public:
    // import: 0 when written; 1 when the file has problems (one line each on err, naming row
    // and column; nothing written) or the store fails. export: 0 when written, 1 on failure.
    // revisions: CSV on out, newest first. restore: the new revision's id on out; 1 with one
    // line when the revision or the store does not exist. define: 0 when added; 1 when the
    // store refuses it (a taken id). A missing named store is never created, except by import
    // and define, which write.
    static int run(const IndicatorsOptions &options, QTextStream &out, QTextStream &err);

private:
    static int runImport(const IndicatorsOptions &options, QTextStream &out, QTextStream &err);
    static int runExport(const IndicatorsOptions &options, QTextStream &out, QTextStream &err);
    static int runRevisions(const IndicatorsOptions &options, QTextStream &out, QTextStream &err);
    static int runRestore(const IndicatorsOptions &options, QTextStream &out, QTextStream &err);
    static int runDefine(const IndicatorsOptions &options, QTextStream &out, QTextStream &err);
};

} // namespace dv
