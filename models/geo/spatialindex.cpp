// A uniform grid over feature bounds: which features may touch a rectangle.
#include "spatialindex.h"

#include <algorithm>
#include <cmath>

namespace dv {

SpatialIndex::SpatialIndex(const std::vector<QRectF> &bounds)
    : mBounds(bounds)
{
    double minX = qInf(), minY = qInf(), maxX = -qInf(), maxY = -qInf();
    for (const QRectF &b : bounds) {
        if (!std::isfinite(b.left()))
            continue;
        minX = std::min(minX, b.left());
        minY = std::min(minY, b.top());
        maxX = std::max(maxX, b.right());
        maxY = std::max(maxY, b.bottom());
    }
    if (minX > maxX)
        return;
    mExtent = QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
    // About four features per cell, at most 1024 x 1024 cells.
    const double cells = std::clamp(bounds.size() / 4.0, 1.0, 1024.0 * 1024.0);
    const double w = std::max(mExtent.width(), 1e-9), h = std::max(mExtent.height(), 1e-9);
    mColumns = std::clamp(static_cast<int>(std::ceil(std::sqrt(cells * w / h))), 1, 1024);
    mRows = std::clamp(static_cast<int>(std::ceil(cells / mColumns)), 1, 1024);
    mCellWidth = w / mColumns;
    mCellHeight = h / mRows;

    // Two passes (count, then fill) give one compact array instead of a vector per cell.
    std::vector<std::uint32_t> counts(static_cast<std::size_t>(mColumns) * mRows + 1, 0);
    auto forCells = [&](const QRectF &b, auto &&fn) {
        int x0, y0, x1, y1;
        cellRange(b, x0, y0, x1, y1);
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                fn(static_cast<std::size_t>(y) * mColumns + x);
    };
    for (const QRectF &b : bounds) {
        if (std::isfinite(b.left()))
            forCells(b, [&](std::size_t c) { ++counts[c + 1]; });
    }
    for (std::size_t i = 1; i < counts.size(); ++i)
        counts[i] += counts[i - 1];
    mCellStart = counts;
    mEntries.resize(counts.back());
    for (std::size_t f = 0; f < bounds.size(); ++f) {
        const QRectF &b = bounds[f];
        if (std::isfinite(b.left()))
            forCells(
                b, [&](std::size_t c) { mEntries[counts[c]++] = static_cast<std::uint32_t>(f); });
    }
}

void SpatialIndex::cellRange(const QRectF &r, int &x0, int &y0, int &x1, int &y1) const
{
    auto cell = [](double v, double origin, double size, int n) {
        return std::clamp(static_cast<int>(std::floor((v - origin) / size)), 0, n - 1);
    };
    x0 = cell(r.left(), mExtent.left(), mCellWidth, mColumns);
    x1 = cell(r.right(), mExtent.left(), mCellWidth, mColumns);
    y0 = cell(r.top(), mExtent.top(), mCellHeight, mRows);
    y1 = cell(r.bottom(), mExtent.top(), mCellHeight, mRows);
}

void SpatialIndex::query(const QRectF &rect, const std::function<void(int)> &visit) const
{
    // Compare coordinates: QRectF::intersects() is false for a zero-size rect, i.e. a point.
    if (mColumns == 0 || rect.right() < mExtent.left() || rect.left() > mExtent.right()
        || rect.bottom() < mExtent.top() || rect.top() > mExtent.bottom())
        return;
    int x0, y0, x1, y1;
    cellRange(rect, x0, y0, x1, y1);
    const bool single = x0 == x1 && y0 == y1;
    std::vector<bool> seen;
    if (!single)
        seen.assign(mBounds.size(), false);
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            const std::size_t c = static_cast<std::size_t>(y) * mColumns + x;
            for (std::uint32_t i = mCellStart[c]; i < mCellStart[c + 1]; ++i) {
                const std::uint32_t f = mEntries[i];
                if (!single) {
                    if (seen[f])
                        continue;
                    seen[f] = true;
                }
                const QRectF &b = mBounds[f];
                // Points have empty bounds, so compare coordinates rather than intersects().
                if (b.right() >= rect.left() && b.left() <= rect.right() && b.bottom() >= rect.top()
                    && b.top() <= rect.bottom())
                    visit(static_cast<int>(f));
            }
        }
    }
}

std::vector<int> SpatialIndex::query(const QRectF &rect) const
{
    std::vector<int> out;
    query(rect, [&](int f) { out.push_back(f); });
    return out;
}

} // namespace dv
