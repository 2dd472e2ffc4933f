// Reads a vector file through GDAL/OGR into lon/lat layers, refusing bad input with a reason.
#pragma once

#include "loadresult.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>

namespace dv {

// Lets a worker thread report progress and notice a cancel request between features.
struct LoadControl {
    const std::atomic_bool *cancel = nullptr;
    // fraction in [0, 1], or < 0 when the total is unknown; features read so far
    std::function<void(double fraction, qint64 features)> progress;
};

// Thread-safe: each call opens its own GDAL dataset, so files load on a worker thread.
class LayerLoader {
    Q_DECLARE_TR_FUNCTIONS(dv::LayerLoader)
public:
    static LoadResult load(const QString &path, const LoadControl &control = {});
    static QStringList fileDialogFilters();
    static bool looksSupported(const QString &path);

    // Beyond this a file belongs in a database with spatial filtering, not in memory: two
    // million points already take about 400 MB here.
    static constexpr qint64 kMaxFeatures = 2000000;
};

} // namespace dv
