// The wall screen itself: a frameless full-screen window painting WallScene, the map and charts.
#include "wallview.h"

#include "chartpainter.h"
#include "layerstack.h"
#include "screenprovider.h"
#include "vectorlayer.h"
#include "walltheme.h"

#include <QElapsedTimer>
#include <QKeyEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScreen>
#include <QTimer>
#include <QWindow>

#include <algorithm>

namespace dv {

namespace {
constexpr int kPulseMs = 100; // 10 frames a second for the pulsing markers: smooth enough
constexpr int kPulsePeriodMs = 1600;
}

WallView::WallView(LayerStack *layers, QWidget *parent)
    : QWidget(parent, Qt::Window | Qt::FramelessWindowHint)
    , mLayers(layers)
    , mPulse(new QTimer(this))
    , mCursorTimer(new QTimer(this))
    , mPulseClock(new QElapsedTimer)
{
    setWindowTitle(tr("dvdash wall screen"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    mPulseClock->start();
    mPulse->setInterval(kPulseMs);
    connect(mPulse, &QTimer::timeout, this, [this] {
        if (!mLayout.map.isEmpty())
            update(mLayout.map.toAlignedRect());
    });
    mCursorTimer->setSingleShot(true);
    mCursorTimer->setInterval(3000);
    connect(mCursorTimer, &QTimer::timeout, this, [this] { setCursor(Qt::BlankCursor); });
    mCursorTimer->start();
    connect(&mJob, &MapRenderJob::frameReady, this, [this](const RenderedFrame &frame) {
        mMapImage = frame.image;
        mMapView = frame.settings;
        mMapDecorations = frame.result.decorations;
        mMapImageKey = mapKey(frame.settings);
        update(mLayout.map.toAlignedRect());
        emit mapReady();
    });
}

WallView::~WallView()
{
    mJob.waitForIdle();
    delete mPulseClock;
}

void WallView::setContent(const WallContent &content)
{
    mContent = content;
    relayout();
}

void WallView::setMapLook(const MapSettings &look)
{
    mLook = look;
    requestMap(); // the choropleth is in the key: a new look renders again
}

void WallView::setMarkers(const AlertMarkers &markers)
{
    if (markers == mMarkers)
        return;
    mMarkers = markers;
    mPulse->setInterval(kPulseMs);
    if (mMarkers.isEmpty())
        mPulse->stop();
    else if (!mPulse->isActive())
        mPulse->start();
    update(mLayout.map.toAlignedRect());
}

void WallView::setInterruptSite(std::optional<QPointF> site)
{
    mInterruptSite = site;
    requestMap();
}

void WallView::setCursorHideDelay(int ms)
{
    mCursorTimer->setInterval(ms);
    mCursorTimer->start();
}

bool WallView::isMapReady() const
{
    return mLayout.map.isEmpty() || (!mMapKey.isEmpty() && mMapImageKey == mMapKey);
}

void WallView::relayout()
{
    mLayout = WallScene::layout(size(), mContent);
    requestMap();
    update();
}

MapSettings WallView::mapSettingsFor(const QSize &size) const
{
    // The renderer sizes labels, legend and scale bar in logical pixels: render a 1080-high
    // screen's logical size at a higher pixel ratio, so they grow with the screen.
    const qreal scale = mapScale();
    const qreal dpr = devicePixelRatioF() * scale;
    MapSettings s = MapSettings::home(*mLayers, (QSizeF(size) / scale).toSize(), dpr,
        mLook ? mLook->mapNote() : QString());
    if (mLook) {
        if (mLook->choropleth())
            s.setChoropleth(*mLook->choropleth());
        s.setLabelsEnabled(mLook->labelsEnabled());
    }
    s.setBackgroundColor(WallTheme::panel());
    if (mContent.view == QLatin1String("interrupt") && mInterruptSite) {
        const QRectF home = mLayers->homeExtent();
        const double w = home.width() * 0.22, h = home.height() * 0.22;
        s.zoomToRect(QRectF(mInterruptSite->x() - w / 2, mInterruptSite->y() - h / 2, w, h));
    }
    return s;
}

qreal WallView::mapScale() const
{
    return std::max(1.0, height() / 1080.0);
}

void WallView::requestMap()
{
    if (mLayout.map.isEmpty() || !mLayers || !mLayers->layer(QStringLiteral("counties")))
        return;
    const MapSettings settings = mapSettingsFor(mLayout.map.size().toSize());
    const QString key = mapKey(settings);
    if (key == mMapKey)
        return;
    mMapKey = key;
    mJob.request(settings);
}

QString WallView::mapKey(const MapSettings &s)
{
    return QStringLiteral("%1x%2/%3,%4/%5/%6")
        .arg(s.outputSize().width())
        .arg(s.outputSize().height())
        .arg(s.center().x(), 0, 'f', 1)
        .arg(s.center().y(), 0, 'f', 1)
        .arg(s.mapUnitsPerPixel(), 0, 'g', 8)
        .arg(quintptr(s.choropleth()));
}

void WallView::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    const QRect dirty = event->rect();
    p.fillRect(dirty, WallTheme::background());
    WallScene::paint(p, mLayout);
    if (!mLayout.map.isEmpty() && dirty.intersects(mLayout.map.toAlignedRect())) {
        const QRectF map = mLayout.map;
        if (!mMapImage.isNull() && mMapImageKey == mMapKey) {
            p.save();
            p.setClipRect(map);
            p.drawImage(QRectF(map.topLeft(), map.size()), mMapImage);
            p.translate(map.topLeft());
            p.scale(mapScale(), mapScale());
            const double phase = (mPulseClock->elapsed() % kPulsePeriodMs) / double(kPulsePeriodMs);
            mMarkers.paint(p, mMapView, phase, mMapDecorations);
            p.restore();
        } else {
            p.fillRect(map, WallTheme::panel());
        }
    }
    // Charts: only those the repaint touches (the pulse repaints the map alone).
    const bool interrupt = mContent.view == QLatin1String("interrupt");
    for (int i = 0; i < mLayout.charts.size(); ++i) {
        const QRectF rect = mLayout.charts[i];
        if (!dirty.intersects(rect.toAlignedRect()))
            continue;
        const WallContent::Chart *chart = interrupt
            ? &mContent.interruptChart
            : (std::size_t(i) < mContent.charts.size() ? &mContent.charts[std::size_t(i)] : nullptr);
        if (!chart)
            continue;
        ChartPainter painter;
        painter.setSeries({ chart->series });
        painter.setThresholdBands(chart->bands);
        if (chart->to > chart->from)
            painter.setTimeRange(chart->from, chart->to);
        painter.setTitle(chart->title);
        painter.setLegendVisible(false);
        painter.setEmptyText(tr("No readings in the last 24 hours"));
        painter.setFont(WallTheme(height()).font(mLayout.chartFontPx));
        painter.paint(p, rect);
    }
}

void WallView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void WallView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Down:
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        emit nextRequested();
        break;
    case Qt::Key_Left:
    case Qt::Key_Up:
    case Qt::Key_PageUp:
        emit previousRequested();
        break;
    case Qt::Key_Escape:
        emit leaveRequested();
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

void WallView::mouseMoveEvent(QMouseEvent *event)
{
    unsetCursor();
    mCursorTimer->start();
    QWidget::mouseMoveEvent(event);
}

void WallView::mousePressEvent(QMouseEvent *event)
{
    unsetCursor();
    mCursorTimer->start();
    QWidget::mousePressEvent(event);
}

void WallView::placeOn(ScreenProvider *screens, int requested)
{
    if (mScreens)
        disconnect(mScreens, nullptr, this, nullptr);
    mScreens = screens;
    mRequestedScreen = requested;
    connect(screens, &ScreenProvider::screensChanged, this, &WallView::place);
    place();
}

void WallView::place()
{
    if (!mScreens)
        return;
    const QList<QRect> geometries = mScreens->geometries();
    const int index = ScreenProvider::choose(int(geometries.size()), mRequestedScreen);
    if (index < 0)
        return; // no screen at all: stay where we are until one comes back
    mPlacedScreen = index;
    mPlacedGeometry = geometries[index];
    if (QScreen *screen = mScreens->screen(index)) {
        if (!windowHandle())
            create();
        windowHandle()->setScreen(screen);
        setGeometry(mPlacedGeometry);
        showFullScreen();
    } else {
        setGeometry(mPlacedGeometry);
        show();
    }
}

} // namespace dv
