// Which feature, or cluster of sites, lies under a pixel of a map view.
#include "maphittester.h"

#include "maprenderer.h"
#include "mapsettings.h"
#include "siteclusterer.h"

#include <algorithm>
#include <cmath>

namespace dv {

namespace {

bool ringContains(const QPointF *v, int n, const QPointF &p)
{
    bool inside = false;
    for (int i = 0, j = n - 1; i < n; j = i++) {
        if ((v[i].y() > p.y()) != (v[j].y() > p.y())
            && p.x()
                < (v[j].x() - v[i].x()) * (p.y() - v[i].y()) / (v[j].y() - v[i].y()) + v[i].x())
            inside = !inside;
    }
    return inside;
}

double segmentDistance(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

// The feature within radius pixels of pixel whose distance() to the map point is least.
template <typename Distance>
int nearestFeature(const VectorLayer &layer, const MapSettings &s, const QPointF &pixel,
    double radius, Distance distance)
{
    const double r = radius * s.mapUnitsPerPixel();
    const QPointF m = s.toMap(pixel);
    int best = -1;
    double bestD = r;
    const GeometryBuffer &g = layer.projected()->geometry();
    layer.projected()->index().query(QRectF(m.x() - r, m.y() - r, 2 * r, 2 * r), [&](int f) {
        if (!layer.isFeatureVisible(f))
            return;
        for (int part = g.firstPart(f); part < g.endPart(f); ++part) {
            const double d = distance(m, g.partVertices(part), g.partSize(part));
            if (d <= bestD) {
                bestD = d;
                best = f;
            }
        }
    });
    return best;
}

double pointDistance(const QPointF &m, const QPointF *v, int)
{
    return std::hypot(v->x() - m.x(), v->y() - m.y());
}

double lineDistance(const QPointF &m, const QPointF *v, int n)
{
    double best = qInf();
    for (int i = 1; i < n; ++i)
        best = std::min(best, segmentDistance(m, v[i - 1], v[i]));
    return best;
}

} // namespace

int MapHitTester::polygonAt(const VectorLayer &layer, const QPointF &m)
{
    if (!layer.projected() || layer.kind() != GeometryKind::Polygon)
        return -1;
    const GeometryBuffer &g = layer.projected()->geometry();
    int found = -1;
    layer.projected()->index().query(QRectF(m, QSizeF(0, 0)), [&](int f) {
        if (found >= 0 || !layer.isFeatureVisible(f))
            return;
        bool inside = false;
        for (int part = g.firstPart(f); part < g.endPart(f); ++part)
            inside ^= ringContains(g.partVertices(part), g.partSize(part), m);
        if (inside)
            found = f;
    });
    return found;
}

MapHit MapHitTester::hitTest(const MapSettings &s, const QPointF &pixel)
{
    const auto &layers = s.layers();
    for (auto it = layers.rbegin(); it != layers.rend(); ++it) {
        const VectorLayer &layer = *it;
        if (!layer.isVisible() || !layer.projected())
            continue;
        MapHit hit;
        hit.layerId = layer.id();
        switch (layer.kind()) {
        case GeometryKind::Point:
            if (layer.style().clusterPoints) {
                for (const SiteCluster &c :
                    SiteClusterer::cluster(s, layer, MapRenderer::clusterRadius(s))) {
                    const double r = c.isSingle()
                        ? layer.style().pointSize / 2 + 2
                        : SiteClusterer::badgeRadius(static_cast<int>(c.features.size()));
                    const QPointF d = c.position - pixel;
                    if (std::hypot(d.x(), d.y()) > r)
                        continue;
                    if (c.isSingle())
                        hit.feature = c.features.front();
                    else
                        hit.cluster = c.features;
                    return hit;
                }
            } else {
                hit.feature = nearestFeature(
                    layer, s, pixel, layer.style().pointSize / 2 + 3, pointDistance);
            }
            break;
        case GeometryKind::Line:
            hit.feature = nearestFeature(layer, s, pixel, 4, lineDistance);
            break;
        case GeometryKind::Polygon:
            // Prefecture borders are outlines only: clicks go through them to the counties.
            if (layer.style().fillColor.alpha() > 0)
                hit.feature = polygonAt(layer, s.toMap(pixel));
            break;
        }
        if (!hit.isEmpty())
            return hit;
    }
    return {};
}

} // namespace dv
