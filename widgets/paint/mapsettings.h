// Everything a map frame depends on, as a value: a render job paints a copy of it.
#pragma once

#include "displaycrs.h"
#include "vectorlayer.h"

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QString>

#include <memory>
#include <vector>

namespace dv {

class AlertMarkers;
class ChoroplethStyle;
class CoordinateTransform;
class LayerStack;

struct MapSelection {
    QString layerId;
    int feature = -1;
    bool isEmpty() const { return feature < 0; }
    bool operator==(const MapSelection &o) const
    {
        return layerId == o.layerId && feature == o.feature;
    }
};

class MapSettings {
public:
    // The whole province fitted into size, with the stack's layers: the window's first view
    // and the headless export's view are this same value.
    static MapSettings home(
        const LayerStack &layers, const QSize &size, qreal dpr, const QString &mapNote);

    // Output in logical pixels; the image has outputSize * devicePixelRatio device pixels.
    QSize outputSize() const { return mOutputSize; }
    void setOutputSize(const QSize &size) { mOutputSize = size; }
    qreal devicePixelRatio() const { return mDevicePixelRatio; }
    void setDevicePixelRatio(qreal dpr) { mDevicePixelRatio = dpr; }

    QPointF center() const { return mCenter; }
    void setCenter(const QPointF &center) { mCenter = center; }
    // Display-CRS units per logical pixel.
    double mapUnitsPerPixel() const { return mMapUnitsPerPixel; }
    void setMapUnitsPerPixel(double upp) { mMapUnitsPerPixel = upp; }

    const DisplayCrs &crs() const { return mCrs; }
    void setCrs(const DisplayCrs &crs) { mCrs = crs; }
    const std::vector<VectorLayer> &layers() const { return mLayers; }
    void setLayers(std::vector<VectorLayer> layers) { mLayers = std::move(layers); }
    const VectorLayer *layer(const QString &id) const;

    bool labelsEnabled() const { return mLabelsEnabled; }
    void setLabelsEnabled(bool on) { mLabelsEnabled = on; }
    const MapSelection &selection() const { return mSelection; }
    void setSelection(const MapSelection &s) { mSelection = s; }
    // The 示意图 note or the office's 审图号, painted on every map.
    QString mapNote() const { return mMapNote; }
    void setMapNote(const QString &note) { mMapNote = note; }
    QColor backgroundColor() const { return mBackground; }
    void setBackgroundColor(const QColor &c) { mBackground = c; }
    // The indicator map over the counties layer, or nullptr for the plain map. Shared and
    // immutable, so copying settings into a render job stays cheap.
    const ChoroplethStyle *choropleth() const { return mChoropleth.get(); }
    void setChoropleth(const ChoroplethStyle &style);
    void clearChoropleth() { mChoropleth.reset(); }
    // Rings on sites with open alerts and counts per county, painted over the labels; nullptr
    // when there are none. Shared and immutable like the choropleth; empty markers clear.
    const AlertMarkers *alertMarkers() const { return mAlertMarkers.get(); }
    void setAlertMarkers(const AlertMarkers &markers);
    void clearAlertMarkers() { mAlertMarkers.reset(); }
    // Ground metres per display-CRS unit at the centre, for the scale bar; set from PROJ by
    // whoever changes CRS or centre, so painting never creates a transform.
    double groundMetresPerUnit() const { return mGroundMetresPerUnit; }
    void updateGroundMetresPerUnit(const CoordinateTransform &toLonLat);

    QRectF visibleExtent() const;
    QPointF toPixel(const QPointF &map) const
    {
        return { (map.x() - mCenter.x()) / mMapUnitsPerPixel + mOutputSize.width() / 2.0,
            (mCenter.y() - map.y()) / mMapUnitsPerPixel + mOutputSize.height() / 2.0 };
    }
    QPointF toMap(const QPointF &pixel) const
    {
        return { mCenter.x() + (pixel.x() - mOutputSize.width() / 2.0) * mMapUnitsPerPixel,
            mCenter.y() - (pixel.y() - mOutputSize.height() / 2.0) * mMapUnitsPerPixel };
    }

    // factor > 1 zooms in; the map point under anchor stays under it.
    void zoomAt(double factor, const QPointF &anchor);
    void panByPixels(const QPointF &delta);
    // Fits rect with a margin (fraction of the output on each side).
    void zoomToRect(const QRectF &rect, double margin = 0.04);
    double scaleDenominator() const;

private:
    QSize mOutputSize = QSize(800, 600);
    qreal mDevicePixelRatio = 1.0;
    QPointF mCenter;
    double mMapUnitsPerPixel = 1.0;
    DisplayCrs mCrs = DisplayCrs::defaultCrs();
    std::vector<VectorLayer> mLayers;
    bool mLabelsEnabled = true;
    MapSelection mSelection;
    QString mMapNote;
    QColor mBackground = QColor(0xdd, 0xe8, 0xee);
    std::shared_ptr<const ChoroplethStyle> mChoropleth;
    std::shared_ptr<const AlertMarkers> mAlertMarkers;
    double mGroundMetresPerUnit = 1.0;
};

} // namespace dv
