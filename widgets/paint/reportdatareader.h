// Reads what a report shows from the stores, in the caller's thread, into a ReportData value.
#pragma once

#include "reportdata.h"

#include <QCoreApplication>

#include <optional>

namespace dv {

class StoreSet;

// A command reads in its own thread, a window's preview through a StoreReader's worker: either
// way the stores are read once, before any page is painted.
class ReportDataReader {
    Q_DECLARE_TR_FUNCTIONS(dv::ReportDataReader)
public:
    // The bundled map and counties, the latest year's indicators (a store that never held any
    // gets the bundled sample, as the window shows it), the period's alerts and sensor history
    // of the county (briefing) or province (atlas). nullopt and *error when a store or the
    // bundled data cannot be read, or the county is not one of the province's.
    static std::optional<ReportData> read(
        StoreSet &stores, const ReportOptions &options, QString *error);
};

} // namespace dv
