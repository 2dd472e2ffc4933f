// The wall screen itself: a frameless full-screen window painting WallScene, the map and charts.
#pragma once

#include "alertmarkers.h"
#include "maprenderjob.h"
#include "wallcontent.h"
#include "wallscene.h"

#include <QImage>
#include <QPointer>
#include <QWidget>

#include <optional>

class QElapsedTimer;
class QTimer;

namespace dv {

class LayerStack;
class ScreenProvider;

// Paints what it is given; WallController gathers the content and drives the rotation. The map
// is rendered by MapRenderJob on a worker (only when its size, choropleth or the interrupt's
// site change); the alert markers pulse over it. Keys: →, ↓, Page Down, space the next view;
// ←, ↑, Page Up the previous; Esc leaves. The cursor hides after a few seconds still.
class WallView : public QWidget {
    Q_OBJECT
public:
    explicit WallView(LayerStack *layers, QWidget *parent = nullptr);
    ~WallView() override;

    void setContent(const WallContent &content);
    const WallContent &content() const { return mContent; }
    const WallScene::Layout &sceneLayout() const { return mLayout; }
    // The province map's look (choropleth, labels) taken from the desk's map.
    void setMapLook(const MapSettings &look);
    void setMarkers(const AlertMarkers &markers);
    // The site to zoom to in the interrupt view (a display-CRS point); nullopt: none.
    void setInterruptSite(std::optional<QPointF> site);
    void setCursorHideDelay(int ms);
    // Whether the latest map for the current layout has been painted (tests, the benchmark).
    bool isMapReady() const;

    // Goes to the screen settings name (1-based, 0 automatic) through screens (not owned),
    // and follows it when screens come and go or change resolution.
    void placeOn(ScreenProvider *screens, int requested);
    int placedScreen() const { return mPlacedScreen; }
    QRect placedGeometry() const { return mPlacedGeometry; }

signals:
    void nextRequested();
    void previousRequested();
    void leaveRequested();
    void mapReady();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void relayout();
    void requestMap();
    MapSettings mapSettingsFor(const QSize &size) const;
    static QString mapKey(const MapSettings &settings);
    qreal mapScale() const;
    void place();

    LayerStack *mLayers;
    WallContent mContent;
    WallScene::Layout mLayout;
    std::optional<MapSettings> mLook;
    AlertMarkers mMarkers;
    std::optional<QPointF> mInterruptSite;
    MapRenderJob mJob;
    QImage mMapImage;
    MapSettings mMapView; // what mMapImage shows
    QVector<QRectF> mMapDecorations;
    QString mMapKey; // what was last asked for
    QString mMapImageKey; // what mMapImage shows
    QTimer *mPulse;
    QTimer *mCursorTimer;
    QElapsedTimer *mPulseClock;
    QPointer<ScreenProvider> mScreens;
    int mRequestedScreen = 0;
    int mPlacedScreen = -1;
    QRect mPlacedGeometry;
};

} // namespace dv
