// Where alerts are on the map: a red pulsing ring per site, an alert count per county.
#pragma once

#include "labelplacer.h"

#include <QFont>
#include <QRectF>
#include <QVector>

#include <vector>

class QPainter;

namespace dv {

struct AlertRecord;
class MapSettings;
class VectorLayer;

// Paints on any QPainter (the canvas, a PNG, a PDF page, a wall screen) from the layers'
// projected anchors, so a change of projection needs nothing but a repaint.
class AlertMarkers {
public:
    struct Site {
        int feature = -1; // in the sites layer
        bool critical = false;
        bool operator==(const Site &o) const
        {
            return feature == o.feature && critical == o.critical;
        }
    };
    struct County {
        int feature = -1; // in the counties layer
        int count = 0; // open alerts of the county's devices
        bool critical = false;
        bool operator==(const County &o) const
        {
            return feature == o.feature && count == o.count && critical == o.critical;
        }
    };

    // A county's count where a map shows it: beside the county's name.
    struct CountyBadge {
        int feature = -1;
        QRectF rect; // logical pixels
        int count = 0;
        bool critical = false;
    };

    // Where a still image (PNG, PDF, a paused wall) catches the pulse: the growing ring a third
    // of the way out, still strong, and clear of the steady one.
    static constexpr double kStillPhase = 0.35;

    // The open alerts' markers: a site by its "site_id" in the sites layer, a county by its
    // "code" in the counties layer (the device key's site and county parts). Alerts of sites or
    // counties the layers do not hold are left out; either layer may be null.
    static AlertMarkers fromAlerts(const std::vector<AlertRecord> &alerts, const VectorLayer *sites,
        const VectorLayer *counties);

    // Painted by the caller over each frame (the window's pulsing canvas): a frame rendered with
    // these markers places names and county badges around them but paints none of them.
    void setPaintedOverFrame(bool on) { mPaintedOverFrame = on; }
    bool isPaintedOverFrame() const { return mPaintedOverFrame; }

    void setSites(QVector<Site> sites) { mSites = std::move(sites); }
    void setCounties(QVector<County> counties) { mCounties = std::move(counties); }
    bool isEmpty() const { return mSites.isEmpty() && mCounties.isEmpty(); }
    const QVector<Site> &sites() const { return mSites; }
    const QVector<County> &counties() const { return mCounties; }
    bool operator==(const AlertMarkers &o) const
    {
        return mSites == o.mSites && mCounties == o.mCounties;
    }

    // The boxes of the steady rings (halo included) in the view's pixels: names keep off them.
    QVector<QRectF> ringAreas(const MapSettings &view, const VectorLayer *sites) const;
    // The county badges placed beside their names (labels: those a frame placed; a county
    // without one is placed by its label point), inside the view and clear of the labels,
    // the obstacles (cluster badges, rings, decorations) and each other. Critical counties and
    // larger counts go first; a badge with no free place is left out, never stacked.
    QVector<CountyBadge> placeCountyBadges(const MapSettings &view, const VectorLayer *counties,
        const QVector<PlacedLabel> &labels, const QVector<QRectF> &obstacles) const;
    // Bold, legible at a glance: a badge is at least kBadgeHeight logical pixels high.
    static QFont badgeFont();
    static constexpr double kBadgeHeight = 18;

    // phase 0..1: where the pulse is; the ring grows and fades once per cycle. Nothing is
    // painted inside keepClear (the scale bar, legends and note, which stay readable): that
    // is what lets the canvas paint the markers over a finished frame and look exactly like
    // MapRenderer, which paints them over the labels and under the decorations.
    void paint(QPainter &painter, const MapSettings &view, const VectorLayer *sites,
        const VectorLayer *counties, double phase, const QVector<QRectF> &keepClear) const;
    // The same with the view's own layers "sites" and "counties".
    void paint(QPainter &painter, const MapSettings &view, double phase,
        const QVector<QRectF> &keepClear) const;
    // Rings on sites and the county badges as placed (placeCountyBadges); phase < 0 paints the
    // steady rings without a pulse.
    void paint(QPainter &painter, const MapSettings &view, const VectorLayer *sites,
        const QVector<CountyBadge> &badges, double phase, const QVector<QRectF> &keepClear) const;

private:
    QVector<Site> mSites;
    QVector<County> mCounties;
    bool mPaintedOverFrame = false;
};

} // namespace dv
