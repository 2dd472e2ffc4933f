// A layer's geometry in the display CRS with its spatial index: what rendering reads.
#include "projectedgeometry.h"

#include "coordinatetransform.h"

namespace dv {

ProjectedGeometry::ProjectedGeometry(
    DisplayCrs crs, GeometryBuffer geometry, std::vector<QPointF> anchors)
    : mCrs(std::move(crs))
    , mGeometry(std::move(geometry))
    , mAnchors(std::move(anchors))
{
    mBounds.reserve(mGeometry.featureCount());
    for (int f = 0; f < mGeometry.featureCount(); ++f)
        mBounds.push_back(mGeometry.featureBounds(f));
    mIndex = SpatialIndex(mBounds);
    mExtent = mGeometry.extent();
}

std::shared_ptr<const ProjectedGeometry> ProjectedGeometry::project(const GeometryBuffer &lonLat,
    std::vector<QPointF> anchors, const DisplayCrs &crs, QString *error)
{
    GeometryBuffer out = lonLat;
    if (crs.definition() != DisplayCrs::baseDefinition()) {
        CoordinateTransform transform(DisplayCrs::baseDefinition(), crs.definition());
        if (!transform.isValid()) {
            if (error)
                *error = transform.errorString();
            return nullptr;
        }
        transform.forward(out.vertices().data(), out.vertices().size());
        transform.forward(anchors.data(), anchors.size());
    }
    return std::shared_ptr<const ProjectedGeometry>(
        new ProjectedGeometry(crs, std::move(out), std::move(anchors)));
}

} // namespace dv
