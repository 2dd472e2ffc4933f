// Everything a map frame depends on, as a value: a render job paints a copy of it.
#include "mapsettings.h"

#include "alertmarkers.h"
#include "choroplethstyle.h"
#include "coordinatetransform.h"
#include "layerstack.h"

#include <QGeoCoordinate>

#include <algorithm>
#include <cmath>

namespace dv {

MapSettings MapSettings::home(
    const LayerStack &layers, const QSize &size, qreal dpr, const QString &mapNote)
{
    MapSettings s;
    s.setCrs(layers.displayCrs());
    s.setOutputSize(size);
    s.setDevicePixelRatio(dpr);
    s.zoomToRect(layers.homeExtent());
    s.setLayers(layers.snapshot());
    s.setMapNote(mapNote);
    CoordinateTransform toLonLat(layers.displayCrs().definition(), DisplayCrs::baseDefinition());
    s.updateGroundMetresPerUnit(toLonLat);
    return s;
}

void MapSettings::setChoropleth(const ChoroplethStyle &style)
{
    mChoropleth = std::make_shared<const ChoroplethStyle>(style);
}

void MapSettings::setAlertMarkers(const AlertMarkers &markers)
{
    if (markers.isEmpty())
        mAlertMarkers.reset();
    else
        mAlertMarkers = std::make_shared<const AlertMarkers>(markers);
}

const VectorLayer *MapSettings::layer(const QString &id) const
{
    for (const VectorLayer &l : mLayers) {
        if (l.id() == id)
            return &l;
    }
    return nullptr;
}

void MapSettings::updateGroundMetresPerUnit(const CoordinateTransform &toLonLat)
{
    // Measure a short east-west step at the centre on the ellipsoid.
    const double step = mMapUnitsPerPixel * 10.0;
    QPointF a = toLonLat.forward(QPointF(mCenter.x() - step / 2, mCenter.y()));
    QPointF b = toLonLat.forward(QPointF(mCenter.x() + step / 2, mCenter.y()));
    const double metres = QGeoCoordinate(a.y(), a.x()).distanceTo(QGeoCoordinate(b.y(), b.x()));
    if (std::isfinite(metres) && metres > 0)
        mGroundMetresPerUnit = metres / step;
}

QRectF MapSettings::visibleExtent() const
{
    const double w = mOutputSize.width() * mMapUnitsPerPixel;
    const double h = mOutputSize.height() * mMapUnitsPerPixel;
    return QRectF(mCenter.x() - w / 2, mCenter.y() - h / 2, w, h);
}

void MapSettings::zoomAt(double factor, const QPointF &anchor)
{
    if (factor <= 0 || !std::isfinite(factor))
        return;
    const QPointF before = toMap(anchor);
    mMapUnitsPerPixel /= factor;
    const QPointF after = toMap(anchor);
    mCenter += before - after;
}

void MapSettings::panByPixels(const QPointF &delta)
{
    mCenter += QPointF(-delta.x() * mMapUnitsPerPixel, delta.y() * mMapUnitsPerPixel);
}

void MapSettings::zoomToRect(const QRectF &rect, double margin)
{
    if (!rect.isValid() && rect.isNull())
        return;
    const double w = std::max(mOutputSize.width() * (1.0 - 2 * margin), 1.0);
    const double h = std::max(mOutputSize.height() * (1.0 - 2 * margin), 1.0);
    const double upp = std::max(rect.width() / w, rect.height() / h);
    mMapUnitsPerPixel = upp > 0 ? upp : mMapUnitsPerPixel;
    mCenter = rect.center();
}

double MapSettings::scaleDenominator() const
{
    const double metresPerPixel = mMapUnitsPerPixel * mGroundMetresPerUnit;
    return metresPerPixel / (0.0254 / 96.0);
}

} // namespace dv
