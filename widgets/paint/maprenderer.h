// Paints a MapSettings onto any QPainter: window, PNG export, and later PDF reports.
#pragma once

#include "alertmarkers.h"
#include "labelplacer.h"

#include <QCoreApplication>
#include <QImage>
#include <QRectF>
#include <QVector>

class QPainter;
class QPainterPath;

namespace dv {

class MapSettings;

struct RenderResult {
    QVector<PlacedLabel> labels;
    // What the scale bar, legends and note cover, in logical pixels: whatever is painted over
    // the frame later (the canvas's pulsing alert markers) keeps off them.
    QVector<QRectF> decorations;
    // Cluster badges and the steady alert rings, which names keep clear of, and the county
    // alert badges placed beside the names (logical pixels).
    QVector<QRectF> clusterBadges;
    QVector<QRectF> alertRings;
    QVector<AlertMarkers::CountyBadge> countyBadges;
    int featuresDrawn = 0;
};

// Stateless and thread-safe: it reads only its settings copy, so a worker thread can paint
// while the GUI thread goes on (QGIS's split of settings and render job).
class MapRenderer {
    Q_DECLARE_TR_FUNCTIONS(dv::MapRenderer)
public:
    static RenderResult render(QPainter &painter, const MapSettings &settings);
    // Renders into a new image of settings.outputSize() at its device pixel ratio.
    static QImage renderImage(const MapSettings &settings, RenderResult *result = nullptr);
    // Radius in logical pixels within which site symbols merge into one cluster.
    static double clusterRadius(const MapSettings &settings);
    // A county without data on a choropleth: a light fill under a diagonal hatch, in logical
    // pixels so it keeps its spacing and weight on high-DPI screens and exports.
    static void paintNoData(QPainter &painter, const QPainterPath &area);
};

} // namespace dv
