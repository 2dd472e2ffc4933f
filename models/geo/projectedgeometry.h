// A layer's geometry in the display CRS with its spatial index: what rendering reads.
#pragma once

#include "displaycrs.h"
#include "geometrybuffer.h"
#include "spatialindex.h"

#include <memory>
#include <vector>

namespace dv {

// Immutable once built and shared between the GUI thread and render jobs.
class ProjectedGeometry {
public:
    // Projects lon/lat (EPSG:4490) geometry; nullptr and *error set if PROJ cannot.
    // anchors: one lon/lat label point per feature, projected along with the geometry.
    static std::shared_ptr<const ProjectedGeometry> project(const GeometryBuffer &lonLat,
        std::vector<QPointF> anchors, const DisplayCrs &crs, QString *error = nullptr);

    const DisplayCrs &crs() const { return mCrs; }
    const GeometryBuffer &geometry() const { return mGeometry; }
    const SpatialIndex &index() const { return mIndex; }
    const QRectF &bounds(int feature) const { return mBounds[feature]; }
    QRectF extent() const { return mExtent; }
    // Where a feature's label and marker go (a county's own label point, a polygon's centre).
    QPointF anchor(int feature) const { return mAnchors[feature]; }

private:
    ProjectedGeometry(DisplayCrs crs, GeometryBuffer geometry, std::vector<QPointF> anchors);

    DisplayCrs mCrs;
    GeometryBuffer mGeometry;
    std::vector<QRectF> mBounds;
    std::vector<QPointF> mAnchors;
    SpatialIndex mIndex;
    QRectF mExtent;
};

} // namespace dv
