// Where alerts are on the map: a red pulsing ring per site, an alert count per county.
#pragma once

#include <QVector>

class QPainter;

namespace dv {

class MapSettings;
class VectorLayer;

// Paints on any QPainter (the canvas now; wall screen and reports later) from the layers'
// projected anchors, so a change of projection needs nothing but a repaint.
class AlertMarkers {
public:
    struct Site {
        int feature = -1; // in the sites layer
        bool critical = false;
    };
    struct County {
        int feature = -1; // in the counties layer
        int count = 0; // open alerts of the county's devices
        bool critical = false;
    };

    void setSites(QVector<Site> sites) { mSites = std::move(sites); }
    void setCounties(QVector<County> counties) { mCounties = std::move(counties); }
    bool isEmpty() const { return mSites.isEmpty() && mCounties.isEmpty(); }
    const QVector<Site> &sites() const { return mSites; }
    const QVector<County> &counties() const { return mCounties; }

    // phase 0..1: where the pulse is; the ring grows and fades once per cycle.
    void paint(QPainter &painter, const MapSettings &view, const VectorLayer *sites,
        const VectorLayer *counties, double phase) const;

private:
    QVector<Site> mSites;
    QVector<County> mCounties;
};

} // namespace dv
