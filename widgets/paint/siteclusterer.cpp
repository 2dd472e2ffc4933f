// Groups point features that would crowd each other on screen into counted clusters.
#include "siteclusterer.h"

#include "mapsettings.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace dv {

double SiteClusterer::badgeRadius(int count)
{
    return 12 + 6 * std::log10(double(std::max(count, 1)));
}

QVector<SiteCluster> SiteClusterer::cluster(
    const MapSettings &settings, const VectorLayer &layer, double radius)
{
    QVector<SiteCluster> clusters;
    const ProjectedGeometry *geo = layer.projected();
    if (!geo)
        return clusters;
    const QRectF view = settings.visibleExtent();
    const double margin = radius * settings.mapUnitsPerPixel();
    std::vector<int> visible;
    geo->index().query(view.adjusted(-margin, -margin, margin, margin), [&](int f) {
        if (layer.isFeatureVisible(f))
            visible.push_back(f);
    });
    std::sort(visible.begin(), visible.end());

    // Grid of radius-sized cells: neighbours are in the 3 x 3 cells around a point.
    std::vector<QPointF> px(visible.size());
    std::unordered_map<long long, std::vector<int>> grid;
    auto key = [](long long cx, long long cy) { return (cx << 32) ^ (cy & 0xffffffff); };
    for (std::size_t i = 0; i < visible.size(); ++i) {
        px[i] = settings.toPixel(geo->geometry().firstVertex(visible[i]));
        grid[key(std::llround(std::floor(px[i].x() / radius)),
                 std::llround(std::floor(px[i].y() / radius)))]
            .push_back(static_cast<int>(i));
    }
    std::vector<bool> claimed(visible.size(), false);
    for (std::size_t i = 0; i < visible.size(); ++i) {
        if (claimed[i])
            continue;
        SiteCluster c;
        QPointF sum;
        const long long cx = std::llround(std::floor(px[i].x() / radius));
        const long long cy = std::llround(std::floor(px[i].y() / radius));
        for (long long dy = -1; dy <= 1; ++dy) {
            for (long long dx = -1; dx <= 1; ++dx) {
                const auto it = grid.find(key(cx + dx, cy + dy));
                if (it == grid.end())
                    continue;
                for (int j : it->second) {
                    if (claimed[j])
                        continue;
                    const QPointF d = px[j] - px[i];
                    if (d.x() * d.x() + d.y() * d.y() > radius * radius)
                        continue;
                    claimed[j] = true;
                    c.features.push_back(visible[j]);
                    sum += px[j];
                    const int cat = layer.featureCategory(visible[j]);
                    ++c.categoryCounts[cat >= 0 && cat < 3 ? cat : 3];
                }
            }
        }
        c.position = sum / static_cast<double>(c.features.size());
        clusters.push_back(std::move(c));
    }
    return clusters;
}

} // namespace dv
