// What every map carries besides data: scale bar, north arrow, site legend, 示意图 note.
#pragma once

#include <QCoreApplication>
#include <QRectF>
#include <QVector>

class QPainter;

namespace dv {

class MapSettings;

class MapDecorations {
    Q_DECLARE_TR_FUNCTIONS(dv::MapDecorations)
public:
    // Paints them and returns the areas they cover, which labels must avoid.
    static QVector<QRectF> paint(QPainter &painter, const MapSettings &settings);
    // The areas paint() will cover, known before painting so labels can keep off them.
    static QVector<QRectF> areas(const MapSettings &settings);
    // A round length (1, 2 or 5 x 10^n metres) whose bar is at most maxPixels long.
    static double niceScaleLength(double metresPerPixel, double maxPixels);
    static QString defaultNote();
};

} // namespace dv
