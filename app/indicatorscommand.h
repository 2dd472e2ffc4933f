// dvdash indicators import / export: county indicator tables in and out of the store.
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
    static int run(const IndicatorsOptions &options, QTextStream &out, QTextStream &err);

private:
    static int runImport(const IndicatorsOptions &options, QTextStream &out, QTextStream &err);
    static int runExport(const IndicatorsOptions &options, QTextStream &out, QTextStream &err);
};

} // namespace dv
