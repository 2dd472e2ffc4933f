// What loading a file gave: its layers, or one message naming the file and the reason.
#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace dv {

class DisplayCrs;
class VectorLayer;

struct LoadResult {
    std::vector<std::shared_ptr<VectorLayer>> layers;
    QString error; // one line: the file and the reason; empty on success
    QStringList notices;
    int skippedFeatures = 0;
    bool cancelled = false;

    bool ok() const { return error.isEmpty() && !cancelled && !layers.empty(); }
    int featureCount() const;
    // Projects every layer for display, so adding them later costs the GUI thread nothing;
    // on failure error says which file and why.
    void projectTo(const DisplayCrs &crs);
};

} // namespace dv
