// Groups point features that would crowd each other on screen into counted clusters.
#pragma once

#include <QPointF>
#include <QVector>

#include <array>
#include <vector>

namespace dv {

class MapSettings;
class VectorLayer;

struct SiteCluster {
    QPointF position; // logical pixels
    std::vector<int> features;
    std::array<int, 4> categoryCounts {}; // per style category (first three), last: other
    bool isSingle() const { return features.size() == 1; }
};

// Greedy distance clustering (each unclaimed point claims its neighbours within the radius),
// the approach of map clusterers such as supercluster; deterministic for a given view, so the
// canvas can repeat it for hit testing and get what was painted.
class SiteClusterer {
public:
    static QVector<SiteCluster> cluster(
        const MapSettings &settings, const VectorLayer &layer, double radius);
    // Radius in logical pixels of the badge that stands for `count` sites.
    static double badgeRadius(int count);
};

} // namespace dv
