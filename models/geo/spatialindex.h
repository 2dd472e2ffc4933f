// A uniform grid over feature bounds: which features may touch a rectangle.
#pragma once

#include <QRectF>

#include <cstdint>
#include <functional>
#include <vector>

namespace dv {

// Built once per projection; read-only afterwards, so render threads share it without locks.
// A grid suits this data: province-sized extents with features spread fairly evenly.
class SpatialIndex {
public:
    SpatialIndex() = default;
    explicit SpatialIndex(const std::vector<QRectF> &bounds);

    // Calls visit(feature) once for each feature whose bounds intersect rect.
    void query(const QRectF &rect, const std::function<void(int)> &visit) const;
    std::vector<int> query(const QRectF &rect) const;

private:
    void cellRange(const QRectF &r, int &x0, int &y0, int &x1, int &y1) const;

    QRectF mExtent;
    int mColumns = 0;
    int mRows = 0;
    double mCellWidth = 1;
    double mCellHeight = 1;
    std::vector<std::uint32_t> mCellStart; // mColumns * mRows + 1 offsets into mEntries
    std::vector<std::uint32_t> mEntries;
    std::vector<QRectF> mBounds;
};

} // namespace dv
