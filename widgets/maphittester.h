// Which feature, or cluster of sites, lies under a pixel of a map view.
#pragma once

#include <QPointF>
#include <QString>

#include <vector>

namespace dv {

class MapSettings;
class VectorLayer;

struct MapHit {
    QString layerId;
    int feature = -1;
    std::vector<int> cluster; // several sites drawn as one badge
    bool isEmpty() const { return feature < 0 && cluster.empty(); }
    bool isCluster() const { return cluster.size() > 1; }
};

// Looks at layers top-down, as the user sees them: sites, then user layers, then counties.
class MapHitTester {
public:
    static MapHit hitTest(const MapSettings &settings, const QPointF &pixel);
    // Only polygons of the given layer: double-click zooms to the county under the cursor.
    static int polygonAt(const VectorLayer &layer, const QPointF &mapPoint);
};

} // namespace dv
