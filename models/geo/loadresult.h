// What loading a file gave: its layers, or one message naming the file and the reason.
#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace dv {

class VectorLayer;

struct LoadResult {
    std::vector<std::shared_ptr<VectorLayer>> layers;
    QString error; // one line: the file and the reason; empty on success
    QStringList notices;
    int skippedFeatures = 0;
    bool cancelled = false;

    bool ok() const { return error.isEmpty() && !cancelled && !layers.empty(); }
    int featureCount() const;
};

} // namespace dv
