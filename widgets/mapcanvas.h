// The interactive map: schedules render jobs, shows their images, and turns input into views.
#pragma once

#include "alertmarkers.h"
#include "maphittester.h"
#include "maprenderjob.h"
#include "mapsettings.h"

#include <QGeoCoordinate>
#include <QImage>
#include <QPointer>
#include <QTimer>
#include <QVariantAnimation>
#include <QWidget>

#include <memory>

namespace dv {

class ChoroplethStyle;
class CoordinateTransform;
class LayerStack;

class MapCanvas : public QWidget {
    Q_OBJECT
public:
    explicit MapCanvas(LayerStack *layers, QWidget *parent = nullptr);
    ~MapCanvas() override;

    // The view as a full render request: what a PNG export of "what the window shows" uses,
    // alert markers included (caught at one moment of their pulse).
    MapSettings currentSettings() const;

    void setMapNote(const QString &note);
    void setLabelsEnabled(bool on);
    bool labelsEnabled() const { return mView.labelsEnabled(); }
    // Colours the counties by an indicator and adds its legend; the style's county codes are
    // filled in from the counties layer, so counties without values show as "no data".
    void setChoropleth(const ChoroplethStyle &style);
    void clearChoropleth();
    const ChoroplethStyle *choropleth() const { return mView.choropleth(); }
    // Red pulsing rings on sites with open alerts and counts per county; empty markers stop
    // the pulse (no repaints when nothing is wrong). The pulse repaints only the markers over
    // the last frame: the frame itself is rendered without them and never again for a pulse.
    void setAlertMarkers(const AlertMarkers &markers);
    const AlertMarkers &alertMarkers() const { return mAlertMarkers; }
    MapSelection selection() const { return mView.selection(); }
    double lastRenderMilliseconds() const { return mLastRenderMs; }
    bool isRendering() const { return mJob.isBusy() || mRenderTimer.isActive(); }
    // Blocks until the image on screen matches the view; for tests and exports.
    void waitForRender();
    QImage currentImage() const { return mImage; }
    // The office's own sites may be added (context menu) and dragged to a new place; the
    // canvas only asks (siteAddRequested, siteMoveRequested), whoever keeps the registry saves.
    void setSiteEditingEnabled(bool on) { mSiteEditing = on; }
    bool siteEditingEnabled() const { return mSiteEditing; }
    // CGCS2000 lon/lat (x = longitude) under a pixel of the widget.
    QPointF lonLatAt(const QPointF &pixel) const;

public slots:
    void zoomToHome();
    void zoomIn();
    void zoomOut();
    void flyToRect(const QRectF &mapRect);
    // Selects and flies to the feature; counties fit to their bounds, sites zoom in close.
    void showFeature(const QString &layerId, int feature);
    void selectFeature(const QString &layerId, int feature);
    void clearSelection();

signals:
    void cursorMoved(const QGeoCoordinate &position);
    void cursorLeft();
    void featureClicked(const QString &layerId, int feature);
    void clusterClicked(const QString &layerId, int count);
    void selectionCleared();
    void scaleChanged(double scaleDenominator);
    void frameRendered(double milliseconds);
    // Add site here, at a lon/lat (x = longitude).
    void siteAddRequested(const QPointF &lonLat);
    // A registered site dragged from one lon/lat to another.
    void siteMoveRequested(
        const QString &siteId, const QPointF &fromLonLat, const QPointF &toLonLat);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    // What the render job paints: the view with its layers; the alert markers only for names
    // to keep clear of (the canvas paints them over the frame).
    MapSettings frameSettings() const;
    void setView(const MapSettings &view);
    void scheduleRender();
    void placeCountyBadges();
    void onFrameReady(const RenderedFrame &frame);
    void onCrsOrLayersChanged();
    void zoomAround(double factor, const QPointF &anchor);
    QPointF keyboardAnchor() const;
    QString tooltipFor(const MapHit &hit) const;
    // The registered (non-sample) site drawn under a pixel, as its feature; -1 for none.
    int movableSiteAt(const QPointF &pixel) const;

    LayerStack *mLayers;
    MapSettings mView; // layers are filled in only when a render is requested
    bool mHasView = false;
    QImage mImage;
    AlertMarkers mAlertMarkers;
    QVector<QRectF> mDecorations; // of mImage, which the markers keep off
    // mImage's names and cluster badges, and the county alert badges placed beside the names
    QVector<PlacedLabel> mFrameLabels;
    QVector<QRectF> mFrameClusters;
    QVector<AlertMarkers::CountyBadge> mCountyBadges;
    QTimer mPulse;
    qint64 mPulseStart = 0;
    MapSettings mImageView;
    MapRenderJob mJob;
    QTimer mRenderTimer;
    QVariantAnimation mFly;
    MapSettings mFlyFrom, mFlyTo;
    std::unique_ptr<CoordinateTransform> mToLonLat;
    QPoint mPressPos;
    QPointF mLastDragPos;
    bool mDragging = false;
    bool mSiteEditing = false;
    // A site being dragged: its id, where it was, and the pixel it is dragged to.
    QString mMovingSite;
    QPointF mMovingFrom;
    QPointF mMovingPixel;
    bool mMovingStarted = false;
    double mLastRenderMs = 0;
};

} // namespace dv
