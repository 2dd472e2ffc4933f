// The wall screen itself: a frameless full-screen window painting WallScene, the map and charts.
#pragma once

#include "alertmarkers.h"
#include "maprenderjob.h"
#include "wallcontent.h"
#include "wallscene.h"

#include <QByteArray>
#include <QImage>
#include <QPointer>
#include <QWidget>

#include <optional>
#include <vector>

class QElapsedTimer;
class QThreadPool;
class QTimer;

namespace dv {

class LayerStack;
class ScreenProvider;

// Paints what it is given; WallController gathers the content and drives the rotation. The map
// is rendered by MapRenderJob on a worker (only when its size, choropleth or the interrupt's
// site change); the alert markers pulse over it. Keys: →, ↓, Page Down, space the next view;
// ←, ↑, Page Up the previous; Esc leaves. The cursor hides after a few seconds still.
// A turn shows a frame painted ahead: prepare() lays out the upcoming view and paints its texts,
// boxes and charts on a worker, so when that content arrives through setContent() the view only
// copies the finished image (a 4K frame's first paint would otherwise take over 100 ms).
class WallView : public QWidget {
    Q_OBJECT
public:
    explicit WallView(LayerStack *layers, QWidget *parent = nullptr);
    ~WallView() override;

    void setContent(const WallContent &content);
    // Paints upcoming's frame (all but the map and markers) on a worker, ready for the turn.
    void prepare(const WallContent &upcoming);
    // Whether the frame shown now comes from prepare() (tests, the benchmark).
    bool isShowingPreparedFrame() const;
    // Whether a frame painted ahead waits for its turn.
    bool hasPreparedFrame() const { return !mPrepared.image.isNull(); }
    // Frame buffers prepare() has allocated so far; turns paint into spare ones (tests).
    int frameBuffersAllocated() const { return mFrameBuffersAllocated; }
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
    void framePrepared();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    // A frame painted ahead and what it shows (signatureOf its layout and charts).
    struct StillFrame {
        QByteArray signature;
        QImage image;
    };
    void relayout();
    // A frame buffer of pixelSize for prepare() to paint into: a spare one when there is one.
    QImage takeBuffer(const QSize &pixelSize);
    // Keeps a frame no longer shown or waiting as a spare (at most kSpareFrames).
    void recycle(QImage image);
    static QByteArray signatureOf(const WallScene::Layout &layout, const WallContent &content);
    // Everything but the map image and markers: background, texts, boxes, the map's panel, charts.
    static void paintStill(QPainter &painter, const WallScene::Layout &layout,
        const WallContent &content, const QRect &dirty, const QString &emptyChartText);
    void placeBadges();
    void requestMap();
    MapSettings mapSettingsFor(const QSize &size) const;
    static QString mapKey(const MapSettings &settings);
    static QString markersKey(const AlertMarkers *markers);
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
    QVector<PlacedLabel> mMapLabels; // the names mMapImage shows
    QVector<QRectF> mMapClusters; // its cluster badges
    QVector<AlertMarkers::CountyBadge> mBadges; // beside the names, as the desk's map
    QString mMapKey; // what was last asked for: the view, without the markers
    QString mMapMarkersKey; // the markers it was asked with
    QTimer *mMarkersRender; // new markers: a new frame, at most every few seconds
    QString mMapImageKey; // what mMapImage shows
    QByteArray mSignature; // of mLayout and the charts it shows
    StillFrame mShown; // the prepared frame the view shows, while it matches mSignature
    StillFrame mPrepared; // the upcoming one
    // Frames painted ahead are 33 MB at 3840×2160, one every turn: painted into these buffers
    // again rather than allocated anew, which left the allocator's per-thread arenas holding
    // ever more of them (the hour soak's growing memory).
    std::vector<QImage> mSpareFrames;
    int mFrameBuffersAllocated = 0;
    QThreadPool *mPreparer; // one worker
    int mPrepareGeneration = 0;
    QTimer *mPulse;
    QTimer *mCursorTimer;
    QElapsedTimer *mPulseClock;
    QPointer<ScreenProvider> mScreens;
    int mRequestedScreen = 0;
    int mPlacedScreen = -1;
    QRect mPlacedGeometry;
};

} // namespace dv
