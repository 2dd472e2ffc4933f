// Places labels greedily in priority order so that no two overlap.
#pragma once

#include <QFontMetricsF>
#include <QRectF>
#include <QString>
#include <QVector>

namespace dv {

struct PlacedLabel {
    QString text;
    QRectF rect; // logical pixels, text box with its halo margin
    QString layerId; // whose name it is: a county's alert badge goes beside it
    int feature = -1;
};

class LabelPlacer {
public:
    explicit LabelPlacer(const QRectF &bounds);

    // Areas labels must keep off, e.g. the scale bar and the legend.
    void block(const QRectF &rect) { mBlocked.push_back(rect); }
    // Areas labels avoid when they can, e.g. site symbols: a county keeps its name even where
    // every position touches a symbol, but never covers another label.
    void avoid(const QRectF &rect) { mAvoided.push_back(rect); }
    // Tries the anchor's centre, then above, below, right and left of it (offset pixels away)
    // and its four corners, then the same 2.5 times as far, first clear of avoided areas, then
    // not. Call in priority order; false when all collide.
    bool place(const QString &text, const QPointF &anchor, const QFontMetricsF &metrics,
        double offset = 0, const QString &layerId = QString(), int feature = -1);
    const QVector<PlacedLabel> &placed() const { return mPlaced; }

private:
    bool isFree(const QRectF &r, bool strict) const;

    QRectF mBounds;
    QVector<QRectF> mBlocked;
    QVector<QRectF> mAvoided;
    QVector<PlacedLabel> mPlaced;
};

} // namespace dv
