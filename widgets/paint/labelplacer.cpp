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

bool LabelPlacer::place(const QString &text, const QPointF &anchor, const QFontMetricsF &metrics,
    double offset, const QString &layerId, int feature)
{
    const double halo = 2.0;
    const QSizeF size(metrics.horizontalAdvance(text) + 2 * halo, metrics.height() + 2 * halo);
    const double w = size.width(), h = size.height();
    const double gap = offset > 0 ? offset : h * 0.6;
    // Near positions first, then the same twice as far: with cluster badges kept clear (a
    // badge is 24-36 pixels across) a name often has to step round one.
    QVector<QPointF> candidates { { anchor.x() - w / 2, anchor.y() - h / 2 } };
    for (const double g : { gap, 2.5 * gap }) {
        candidates << QPointF(anchor.x() - w / 2, anchor.y() - g - h)
                   << QPointF(anchor.x() - w / 2, anchor.y() + g)
                   << QPointF(anchor.x() + g, anchor.y() - h / 2)
                   << QPointF(anchor.x() - g - w, anchor.y() - h / 2)
                   << QPointF(anchor.x() + g / 2, anchor.y() - g / 2 - h)
                   << QPointF(anchor.x() - g / 2 - w, anchor.y() - g / 2 - h)
                   << QPointF(anchor.x() + g / 2, anchor.y() + g / 2)
                   << QPointF(anchor.x() - g / 2 - w, anchor.y() + g / 2);
    }
    for (const bool strict : { true, false }) {
        for (const QPointF &topLeft : candidates) {
            const QRectF r(topLeft, size);
            if (isFree(r, strict)) {
                mPlaced.push_back({ text, r, layerId, feature });
                return true;
            }
        }
    }
    return false;
}

} // namespace dv
