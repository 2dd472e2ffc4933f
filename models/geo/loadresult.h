// What loading a file gave: its layers, or one message naming the file and the reason.
#pragma once

#include "featuresearch.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace dv {

class DisplayCrs;
class VectorLayer;

struct LoadResult {
    std::vector<std::shared_ptr<VectorLayer>> layers;
    // One per layer once prepareForDisplay() ran; else empty.
    std::vector<std::shared_ptr<const FeatureSearch::LayerIndex>> searchIndexes;
    QString error; // one line: the file and the reason; empty on success
    QStringList notices;
    int skippedFeatures = 0;
    bool cancelled = false;

    bool ok() const { return error.isEmpty() && !cancelled && !layers.empty(); }
    int featureCount() const;
    // Projects every layer and builds its search index, on the loading thread, so adding the
    // layers to the map costs the GUI thread next to nothing; on failure error says why.
    void prepareForDisplay(const DisplayCrs &crs);
};

} // namespace dv
