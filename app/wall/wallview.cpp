// The wall screen itself: a frameless full-screen window painting WallScene, the map and charts.
#include "wallview.h"

#include "chartpainter.h"
#include "layerstack.h"
#include "screenprovider.h"
#include "vectorlayer.h"
#include "walltheme.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QPaintEvent>
#include <QPainter>
#include <QScreen>
#include <QThreadPool>
#include <QTimer>
#include <QWindow>

#include <algorithm>

namespace dv {

namespace {
constexpr int kPulseMs = 100; // 10 frames a second for the pulsing markers: smooth enough
constexpr int kPulsePeriodMs = 1600;
// Frame buffers kept for prepare() beside the shown frame: the one shown before the last turn,
// and one back from a paint overtaken by a newer one.
constexpr std::size_t kSpareFrames = 2;
}

WallView::WallView(LayerStack *layers, QWidget *parent)
    : QWidget(parent, Qt::Window | Qt::FramelessWindowHint)
    , mLayers(layers)
    , mMarkersRender(new QTimer(this))
    , mPreparer(new QThreadPool(this))
    , mPulse(new QTimer(this))
    , mCursorTimer(new QTimer(this))
    , mPulseClock(new QElapsedTimer)
{
    setWindowTitle(tr("dvdash wall screen"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    mPulseClock->start();
    mPreparer->setMaxThreadCount(1);
    mMarkersRender->setSingleShot(true);
    mMarkersRender->setInterval(5000);
    connect(mMarkersRender, &QTimer::timeout, this, &WallView::requestMap);
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
        mMapLabels = frame.result.labels;
        mMapClusters = frame.result.clusterBadges;
        mMapImageKey = mapKey(frame.settings);
        placeBadges();
        update(mLayout.map.toAlignedRect());
        emit mapReady();
    });
}

WallView::~WallView()
{
    mPreparer->waitForDone();
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
    // At once beside the names shown; a frame placing the names around the new markers follows,
    // at most every few seconds (a busy feed changes them often), the old one shown meanwhile.
    placeBadges();
    if (!mMarkersRender->isActive())
        mMarkersRender->start();
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
    mSignature = signatureOf(mLayout, mContent);
    if (!mPrepared.image.isNull() && mPrepared.signature == mSignature) {
        recycle(std::move(mShown.image));
        mShown = std::move(mPrepared);
        mPrepared = StillFrame();
    }
    requestMap();
    update();
}

bool WallView::isShowingPreparedFrame() const
{
    return !mShown.image.isNull() && mShown.signature == mSignature
        && mShown.image.size() == (QSizeF(size()) * devicePixelRatioF()).toSize();
}

void WallView::prepare(const WallContent &upcoming)
{
    if (size().isEmpty())
        return;
    // Laid out here (cheap, and it warms this thread's font metrics for the turn's layout);
    // painted there.
    const WallScene::Layout layout = WallScene::layout(size(), upcoming);
    const QByteArray signature = signatureOf(layout, upcoming);
    if ((!mPrepared.image.isNull() && mPrepared.signature == signature)
        || (!mShown.image.isNull() && mShown.signature == signature))
        return;
    const qreal dpr = devicePixelRatioF();
    const QString empty = tr("No readings in the last 24 hours");
    const int generation = ++mPrepareGeneration;
    // A frame still waiting is of older content: painted over rather than kept beside the new
    // one (a turn before the new one is ready paints itself, as it would with the old one).
    recycle(std::move(mPrepared.image));
    mPrepared = StillFrame();
    // Moved to the worker (and back), so the painter never has to copy a shared buffer.
    QImage buffer = takeBuffer((QSizeF(layout.size) * dpr).toSize());
    mPreparer->start([this, layout, upcoming, signature, dpr, empty, generation,
                         buffer = std::move(buffer)]() mutable {
        QImage image = std::move(buffer);
        image.setDevicePixelRatio(dpr);
        {
            QPainter p(&image);
            paintStill(p, layout, upcoming, QRect(QPoint(0, 0), layout.size), empty);
        }
        // Queued to this view, which waits for the worker before it goes.
        QMetaObject::invokeMethod(
            this,
            [this, image = std::move(image), signature, generation] {
                if (generation != mPrepareGeneration) {
                    recycle(image); // a newer one is on its way
                    return;
                }
                if (signature == mSignature) {
                    recycle(std::move(mShown.image));
                    mShown = { signature, image }; // the turn came first: show it from now on
                } else {
                    recycle(std::move(mPrepared.image));
                    mPrepared = { signature, image };
                }
                emit framePrepared();
            },
            Qt::QueuedConnection);
    });
}

QImage WallView::takeBuffer(const QSize &pixelSize)
{
    while (!mSpareFrames.empty()) {
        QImage image = std::move(mSpareFrames.back());
        mSpareFrames.pop_back();
        if (image.size() == pixelSize) // paintStill() fills it whole before it paints
            return image;
    }
    ++mFrameBuffersAllocated;
    return QImage(pixelSize, QImage::Format_ARGB32_Premultiplied);
}

void WallView::recycle(QImage image)
{
    if (!image.isNull() && mSpareFrames.size() < kSpareFrames)
        mSpareFrames.push_back(std::move(image));
}

QByteArray WallView::signatureOf(const WallScene::Layout &layout, const WallContent &content)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out << layout.size << layout.map << layout.freshnessDot << layout.chartFontPx;
    for (const WallScene::Box &b : layout.boxes)
        out << b.rect << b.colour.rgba() << b.radius;
    for (const WallScene::Text &t : layout.texts)
        out << t.rect << t.text << t.font.key() << t.colour.rgba() << int(t.align);
    const bool interrupt = content.view == QLatin1String("interrupt");
    for (int i = 0; i < layout.charts.size(); ++i) {
        out << layout.charts[i];
        const WallContent::Chart *chart = interrupt
            ? &content.interruptChart
            : (std::size_t(i) < content.charts.size() ? &content.charts[std::size_t(i)] : nullptr);
        if (!chart)
            continue;
        out << chart->title << chart->from << chart->to << chart->series.unit
            << chart->series.decimals << chart->series.spacing << int(chart->bands.size());
        for (const ThresholdBand &band : chart->bands)
            out << band.low << band.high << band.colour.rgba() << band.label;
        for (const HistoryBucket &h : chart->series.buckets)
            out << h.start << h.min << h.max << h.first << h.last << h.mean << h.count;
    }
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha1);
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
    // For placement only: the view paints the markers over the frame (the pulse).
    AlertMarkers placing = mMarkers;
    placing.setPaintedOverFrame(true);
    s.setAlertMarkers(placing);
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
    const QString markers = markersKey(settings.alertMarkers());
    if (key == mMapKey && markers == mMapMarkersKey)
        return;
    mMapKey = key;
    mMapMarkersKey = markers;
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

QString WallView::markersKey(const AlertMarkers *markers)
{
    // The frame places the names around the markers: other markers, another frame.
    QString key;
    if (!markers)
        return key;
    for (const AlertMarkers::Site &site : markers->sites())
        key += QStringLiteral("/s%1%2").arg(site.feature).arg(site.critical ? '!' : '.');
    for (const AlertMarkers::County &county : markers->counties())
        key += QStringLiteral("/c%1:%2%3").arg(county.feature).arg(county.count).arg(
            county.critical ? '!' : '.');
    return key;
}

void WallView::placeBadges()
{
    // As the desk's map: beside the names the frame placed, clear of its cluster badges, the
    // rings and the scale bar, legend and note.
    const auto counties = mLayers ? mLayers->layer(QStringLiteral("counties")) : nullptr;
    const auto sites = mLayers ? mLayers->layer(QStringLiteral("sites")) : nullptr;
    if (mMapImage.isNull() || !counties) {
        mBadges.clear();
        return;
    }
    QVector<QRectF> obstacles = mMapClusters;
    obstacles += mMarkers.ringAreas(mMapView, sites.get());
    obstacles += mMapDecorations;
    mBadges = mMarkers.placeCountyBadges(mMapView, counties.get(), mMapLabels, obstacles);
}

void WallView::paintStill(QPainter &p, const WallScene::Layout &layout, const WallContent &content,
    const QRect &dirty, const QString &emptyChartText)
{
    p.fillRect(dirty, WallTheme::background());
    WallScene::paint(p, layout);
    if (!layout.map.isEmpty() && dirty.intersects(layout.map.toAlignedRect()))
        p.fillRect(layout.map, WallTheme::panel());
    // Charts: only those the repaint touches (the pulse repaints the map alone).
    const bool interrupt = content.view == QLatin1String("interrupt");
    for (int i = 0; i < layout.charts.size(); ++i) {
        const QRectF rect = layout.charts[i];
        if (!dirty.intersects(rect.toAlignedRect()))
            continue;
        const WallContent::Chart *chart = interrupt
            ? &content.interruptChart
            : (std::size_t(i) < content.charts.size() ? &content.charts[std::size_t(i)] : nullptr);
        if (!chart)
            continue;
        ChartPainter painter;
        painter.setSeries({ chart->series });
        painter.setThresholdBands(chart->bands);
        if (chart->to > chart->from)
            painter.setTimeRange(chart->from, chart->to);
        painter.setTitle(chart->title);
        painter.setLegendVisible(false);
        painter.setEmptyText(emptyChartText);
        painter.setFont(WallTheme(layout.size.height()).font(layout.chartFontPx));
        painter.paint(p, rect);
    }
}

void WallView::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    const QRect dirty = event->rect();
    if (isShowingPreparedFrame()) {
        const qreal dpr = mShown.image.devicePixelRatio();
        p.drawImage(QRectF(dirty), mShown.image,
            QRectF(QPointF(dirty.topLeft()) * dpr, QSizeF(dirty.size()) * dpr));
    } else {
        paintStill(p, mLayout, mContent, dirty, tr("No readings in the last 24 hours"));
    }
    if (!mLayout.map.isEmpty() && dirty.intersects(mLayout.map.toAlignedRect())) {
        const QRectF map = mLayout.map;
        if (!mMapImage.isNull() && mMapImageKey == mMapKey) {
            p.save();
            p.setClipRect(map);
            p.drawImage(QRectF(map.topLeft(), map.size()), mMapImage);
            p.translate(map.topLeft());
            p.scale(mapScale(), mapScale());
            const double phase = (mPulseClock->elapsed() % kPulsePeriodMs) / double(kPulsePeriodMs);
            const auto sites = mLayers->layer(QStringLiteral("sites"));
            mMarkers.paint(p, mMapView, sites.get(), mBadges, phase, mMapDecorations);
            p.restore();
        }
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
