// Flat storage of many features' geometries: one vertex array, parts and features as offsets.
#pragma once

#include <QPointF>
#include <QRectF>

#include <cstdint>
#include <vector>

namespace dv {

enum class GeometryKind { Point, Line, Polygon };

// Struct-of-arrays keeps 100,000 points at ~40 bytes each instead of one heap object per feature.
// A polygon part is a ring (outer or hole: rendering uses the odd-even rule), a line part a
// linestring, a point part a single vertex.
class GeometryBuffer {
public:
    explicit GeometryBuffer(GeometryKind kind = GeometryKind::Point);

    GeometryKind kind() const { return mKind; }
    int featureCount() const { return static_cast<int>(mFeatureFirstPart.size()); }
    int partCount() const { return static_cast<int>(mPartFirstVertex.size()); }
    std::size_t vertexCount() const { return mVertices.size(); }

    void beginFeature();
    void addPart(const QPointF *vertices, std::size_t count);
    void reserve(std::size_t features, std::size_t vertices);

    int firstPart(int feature) const { return static_cast<int>(mFeatureFirstPart[feature]); }
    int endPart(int feature) const;
    const QPointF *partVertices(int part) const
    {
        return mVertices.data() + mPartFirstVertex[part];
    }
    int partSize(int part) const;
    // The first vertex of a feature: the location of a point feature.
    QPointF firstVertex(int feature) const
    {
        return mVertices[mPartFirstVertex[firstPart(feature)]];
    }

    // A point's bounds have zero size; a feature without vertices has NaN bounds.
    QRectF featureBounds(int feature) const;
    QRectF extent() const;

    // Mutable access for coordinate transformation in place.
    std::vector<QPointF> &vertices() { return mVertices; }
    const std::vector<QPointF> &vertices() const { return mVertices; }

private:
    GeometryKind mKind;
    std::vector<QPointF> mVertices;
    std::vector<std::uint32_t> mPartFirstVertex;
    std::vector<std::uint32_t> mFeatureFirstPart;
};

} // namespace dv
