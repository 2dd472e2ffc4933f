// Flat storage of many features' geometries: one vertex array, parts and features as offsets.
#include "geometrybuffer.h"

#include <algorithm>
#include <cmath>

namespace dv {

GeometryBuffer::GeometryBuffer(GeometryKind kind)
    : mKind(kind)
{
}

void GeometryBuffer::beginFeature()
{
    mFeatureFirstPart.push_back(static_cast<std::uint32_t>(mPartFirstVertex.size()));
}

void GeometryBuffer::addPart(const QPointF *vertices, std::size_t count)
{
    mPartFirstVertex.push_back(static_cast<std::uint32_t>(mVertices.size()));
    mVertices.insert(mVertices.end(), vertices, vertices + count);
}

void GeometryBuffer::reserve(std::size_t features, std::size_t vertices)
{
    mFeatureFirstPart.reserve(features);
    mVertices.reserve(vertices);
}

int GeometryBuffer::endPart(int feature) const
{
    return feature + 1 < featureCount() ? static_cast<int>(mFeatureFirstPart[feature + 1])
                                        : partCount();
}

int GeometryBuffer::partSize(int part) const
{
    const std::size_t end = part + 1 < partCount() ? mPartFirstVertex[part + 1] : mVertices.size();
    return static_cast<int>(end - mPartFirstVertex[part]);
}

QRectF GeometryBuffer::featureBounds(int feature) const
{
    double minX = qInf(), minY = qInf(), maxX = -qInf(), maxY = -qInf();
    for (int part = firstPart(feature), end = endPart(feature); part < end; ++part) {
        const QPointF *v = partVertices(part);
        for (int i = 0, n = partSize(part); i < n; ++i) {
            minX = std::min(minX, v[i].x());
            maxX = std::max(maxX, v[i].x());
            minY = std::min(minY, v[i].y());
            maxY = std::max(maxY, v[i].y());
        }
    }
    if (minX > maxX)
        return QRectF(qQNaN(), qQNaN(), 0, 0);
    return QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
}

QRectF GeometryBuffer::extent() const
{
    double minX = qInf(), minY = qInf(), maxX = -qInf(), maxY = -qInf();
    for (const QPointF &p : mVertices) {
        if (!std::isfinite(p.x()) || !std::isfinite(p.y()))
            continue;
        minX = std::min(minX, p.x());
        maxX = std::max(maxX, p.x());
        minY = std::min(minY, p.y());
        maxY = std::max(maxY, p.y());
    }
    if (minX > maxX)
        return {};
    return QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
}

} // namespace dv
