// Places labels greedily in priority order so that no two overlap.
#include "labelplacer.h"

namespace dv {

LabelPlacer::LabelPlacer(const QRectF &bounds)
    : mBounds(bounds)
{
}

bool LabelPlacer::isFree(const QRectF &r, bool strict) const
{
    if (!mBounds.contains(r))
        return false;
    if (strict) {
        for (const QRectF &a : mAvoided) {
            if (a.intersects(r))
                return false;
        }
    }
    for (const QRectF &b : mBlocked) {
        if (b.intersects(r))
            return false;
    }
    for (const PlacedLabel &p : mPlaced) {
        if (p.rect.intersects(r))
            return false;
    }
    return true;
}

bool LabelPlacer::place(
    const QString &text, const QPointF &anchor, const QFontMetricsF &metrics, double offset)
{
    const double halo = 2.0;
    const QSizeF size(metrics.horizontalAdvance(text) + 2 * halo, metrics.height() + 2 * halo);
    const double w = size.width(), h = size.height();
    const double gap = offset > 0 ? offset : h * 0.6;
    const QPointF candidates[] = {
        { anchor.x() - w / 2, anchor.y() - h / 2 },
        { anchor.x() - w / 2, anchor.y() - gap - h },
        { anchor.x() - w / 2, anchor.y() + gap },
        { anchor.x() + gap, anchor.y() - h / 2 },
        { anchor.x() - gap - w, anchor.y() - h / 2 },
    };
    for (const bool strict : { true, false }) {
        for (const QPointF &topLeft : candidates) {
            const QRectF r(topLeft, size);
            if (isFree(r, strict)) {
                mPlaced.push_back({ text, r });
                return true;
            }
        }
    }
    return false;
}

} // namespace dv
