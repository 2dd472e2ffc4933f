// The interactive map: schedules render jobs, shows their images, and turns input into views.
#include "mapcanvas.h"

#include "choroplethstyle.h"
#include "coordinatetransform.h"
#include "fieldlabels.h"
#include "layerstack.h"
#include "mapdecorations.h"

#include <QContextMenuEvent>
#include <QDateTime>
#include <QKeyEvent>
#include <QLoggingCategory>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>
#include <utility>

Q_LOGGING_CATEGORY(lcCanvas, "dv.map.canvas", QtInfoMsg)

namespace dv {

MapCanvas::MapCanvas(LayerStack *layers, QWidget *parent)
    : QWidget(parent)
    , mLayers(layers)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    mView.setMapNote(MapDecorations::defaultNote());
    mRenderTimer.setSingleShot(true);
    mRenderTimer.setInterval(0);
    connect(&mRenderTimer, &QTimer::timeout, this, [this] { mJob.request(frameSettings()); });
    connect(&mJob, &MapRenderJob::frameReady, this, &MapCanvas::onFrameReady);
    connect(mLayers, &LayerStack::layersChanged, this, &MapCanvas::onCrsOrLayersChanged);
    connect(mLayers, &LayerStack::appearanceChanged, this, &MapCanvas::scheduleRender);
    mFly.setDuration(450);
    mFly.setEasingCurve(QEasingCurve::InOutCubic);
    mFly.setStartValue(0.0);
    mFly.setEndValue(1.0);
    connect(&mFly, &QVariantAnimation::valueChanged, this, [this](const QVariant &v) {
        // Centre moves linearly, scale geometrically: the zoom feels even throughout.
        const double t = v.toDouble();
        MapSettings view = mView;
        view.setCenter(mFlyFrom.center() + (mFlyTo.center() - mFlyFrom.center()) * t);
        view.setMapUnitsPerPixel(mFlyFrom.mapUnitsPerPixel()
            * std::pow(mFlyTo.mapUnitsPerPixel() / mFlyFrom.mapUnitsPerPixel(), t));
        setView(view);
    });
    // Ten frames a second of a 1.6 s pulse: smooth enough, and only the canvas blit repeats.
    mPulse.setInterval(100);
    connect(&mPulse, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    onCrsOrLayersChanged();
}

void MapCanvas::setAlertMarkers(const AlertMarkers &markers)
{
    // New markers: one frame places names and county badges around them; the pulse renders
    // nothing.
    if (!(markers == mAlertMarkers))
        scheduleRender();
    mAlertMarkers = markers;
    placeCountyBadges();
    if (markers.isEmpty()) {
        mPulse.stop();
    } else if (!mPulse.isActive()) {
        mPulseStart = QDateTime::currentMSecsSinceEpoch();
        mPulse.start();
    }
    update();
}

MapCanvas::~MapCanvas() = default;

// Beside the names of the frame shown, off its cluster badges, rings and decorations (in the
// frame's pixels): at once for new markers, without waiting for the frame they cause.
void MapCanvas::placeCountyBadges()
{
    const auto sites = mLayers->layer(QStringLiteral("sites"));
    const auto counties = mLayers->layer(QStringLiteral("counties"));
    QVector<QRectF> obstacles = mFrameClusters;
    obstacles += mAlertMarkers.ringAreas(mImageView, sites.get());
    obstacles += mDecorations;
    mCountyBadges
        = mAlertMarkers.placeCountyBadges(mImageView, counties.get(), mFrameLabels, obstacles);
}

MapSettings MapCanvas::frameSettings() const
{
    MapSettings s = mView;
    s.setLayers(mLayers->snapshot());
    // For placement only: the canvas paints the markers over the frame (the pulse).
    AlertMarkers placing = mAlertMarkers;
    placing.setPaintedOverFrame(true);
    s.setAlertMarkers(placing);
    return s;
}

MapSettings MapCanvas::currentSettings() const
{
    MapSettings s = frameSettings();
    s.setAlertMarkers(mAlertMarkers);
    return s;
}

void MapCanvas::setMapNote(const QString &note)
{
    mView.setMapNote(note);
    scheduleRender();
}

void MapCanvas::setLabelsEnabled(bool on)
{
    mView.setLabelsEnabled(on);
    scheduleRender();
}

void MapCanvas::setChoropleth(const ChoroplethStyle &style)
{
    ChoroplethStyle complete = style;
    for (const auto &layer : mLayers->snapshot()) {
        if (layer.role() == LayerRole::Counties) {
            complete.setCountyCodes(ChoroplethStyle::codesOf(layer));
            break;
        }
    }
    mView.setChoropleth(complete);
    scheduleRender();
}

void MapCanvas::clearChoropleth()
{
    if (!mView.choropleth())
        return;
    mView.clearChoropleth();
    scheduleRender();
}

void MapCanvas::onCrsOrLayersChanged()
{
    const bool crsChanged = mView.crs() != mLayers->displayCrs() || !mToLonLat;
    if (crsChanged) {
        const QPointF lonLatCenter
            = mToLonLat && mHasView ? mToLonLat->forward(mView.center()) : QPointF();
        mToLonLat = std::make_unique<CoordinateTransform>(
            mLayers->displayCrs().definition(), DisplayCrs::baseDefinition());
        mView.setCrs(mLayers->displayCrs());
        if (mHasView) {
            // Keep the same place and roughly the same ground scale in the new CRS.
            const double metresPerPixel = mView.mapUnitsPerPixel() * mView.groundMetresPerUnit();
            mView.setCenter(mToLonLat->inverse(lonLatCenter));
            mView.updateGroundMetresPerUnit(*mToLonLat);
            mView.setMapUnitsPerPixel(metresPerPixel / mView.groundMetresPerUnit());
            mView.updateGroundMetresPerUnit(*mToLonLat);
        }
    }
    const MapSelection sel = mView.selection();
    if (!sel.isEmpty() && !mLayers->layer(sel.layerId))
        clearSelection();
    if (!mHasView && width() > 0 && !mLayers->homeExtent().isNull())
        zoomToHome();
    scheduleRender();
}

void MapCanvas::setView(const MapSettings &view)
{
    mView = view;
    mHasView = true;
    if (mToLonLat)
        mView.updateGroundMetresPerUnit(*mToLonLat);
    emit scaleChanged(mView.scaleDenominator());
    update();
    scheduleRender();
}

void MapCanvas::scheduleRender()
{
    if (mHasView && !mRenderTimer.isActive())
        mRenderTimer.start();
}

void MapCanvas::waitForRender()
{
    if (mRenderTimer.isActive()) {
        mRenderTimer.stop();
        mJob.request(frameSettings());
    }
    mJob.waitForIdle();
}

void MapCanvas::onFrameReady(const RenderedFrame &frame)
{
    mImage = frame.image;
    mImageView = frame.settings;
    mDecorations = frame.result.decorations;
    mFrameLabels = frame.result.labels;
    mFrameClusters = frame.result.clusterBadges;
    placeCountyBadges();
    mLastRenderMs = frame.milliseconds;
    qCDebug(lcCanvas) << "frame" << frame.milliseconds << "ms";
    emit frameRendered(frame.milliseconds);
    update();
}

void MapCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    if (mImage.isNull()) {
        p.fillRect(rect(), mView.backgroundColor());
        return;
    }
    QVector<AlertMarkers::CountyBadge> badges = mCountyBadges;
    if (mImageView.outputSize() != mView.outputSize() || mImageView.center() != mView.center()
        || mImageView.mapUnitsPerPixel() != mView.mapUnitsPerPixel()) {
        // The last image, moved and scaled to the current view until the new one arrives.
        p.fillRect(rect(), mView.backgroundColor());
        const QPointF topLeft = mView.toPixel(mImageView.toMap(QPointF(0, 0)));
        const QPointF bottomRight = mView.toPixel(mImageView.toMap(
            QPointF(mImageView.outputSize().width(), mImageView.outputSize().height())));
        p.setRenderHint(QPainter::SmoothPixmapTransform, !mDragging);
        p.drawImage(QRectF(topLeft, bottomRight), mImage);
        // The frame's badges move with it; zooming, they wait for the next frame.
        if (mImageView.mapUnitsPerPixel() == mView.mapUnitsPerPixel()) {
            for (AlertMarkers::CountyBadge &b : badges)
                b.rect.translate(topLeft);
        } else {
            badges.clear();
        }
    } else {
        p.drawImage(QPointF(0, 0), mImage);
    }
    if (!mAlertMarkers.isEmpty()) {
        const double phase
            = double((QDateTime::currentMSecsSinceEpoch() - mPulseStart) % 1600) / 1600.0;
        const auto sites = mLayers->layer(QStringLiteral("sites"));
        // Off the frame's scale bar, legends and note, as MapRenderer paints them in exports.
        mAlertMarkers.paint(p, mView, sites.get(), badges, phase, mDecorations);
    }
}

void MapCanvas::resizeEvent(QResizeEvent *)
{
    MapSettings view = mView;
    view.setOutputSize(size());
    view.setDevicePixelRatio(devicePixelRatioF());
    if (!mHasView) {
        mView = view;
        if (!mLayers->homeExtent().isNull())
            zoomToHome();
        return;
    }
    setView(view);
}

void MapCanvas::zoomToHome()
{
    MapSettings view = MapSettings::home(*mLayers, size(), devicePixelRatioF(), mView.mapNote());
    view.setLayers({});
    view.setLabelsEnabled(mView.labelsEnabled());
    view.setSelection(mView.selection());
    if (const ChoroplethStyle *style = mView.choropleth())
        view.setChoropleth(*style);
    setView(view);
}

void MapCanvas::zoomAround(double factor, const QPointF &anchor)
{
    mFly.stop();
    MapSettings view = mView;
    view.zoomAt(factor, anchor);
    setView(view);
}

QPointF MapCanvas::keyboardAnchor() const
{
    const QPoint cursor = mapFromGlobal(QCursor::pos());
    return rect().contains(cursor) ? QPointF(cursor) : QPointF(width() / 2.0, height() / 2.0);
}

void MapCanvas::zoomIn()
{
    zoomAround(2.0, keyboardAnchor());
}

void MapCanvas::zoomOut()
{
    zoomAround(0.5, keyboardAnchor());
}

void MapCanvas::flyToRect(const QRectF &mapRect)
{
    mFly.stop();
    mFlyFrom = mView;
    mFlyTo = mView;
    mFlyTo.zoomToRect(mapRect, 0.12);
    if (!isVisible()) {
        setView(mFlyTo);
        return;
    }
    mFly.start();
}

void MapCanvas::showFeature(const QString &layerId, int feature)
{
    const auto layer = mLayers->layer(layerId);
    if (!layer || !layer->projected() || feature < 0 || feature >= layer->featureCount())
        return;
    if (!layer->isVisible())
        mLayers->setLayerVisible(layerId, true);
    QRectF r = layer->projected()->bounds(feature);
    if (r.width() < 1e-9 && r.height() < 1e-9) {
        // A point: show about 20 km around it, in display units.
        const double half = 10000.0 / std::max(mView.groundMetresPerUnit(), 1e-9);
        r = QRectF(r.center() - QPointF(half, half), QSizeF(2 * half, 2 * half));
    }
    selectFeature(layerId, feature);
    flyToRect(r);
}

void MapCanvas::selectFeature(const QString &layerId, int feature)
{
    mView.setSelection({ layerId, feature });
    scheduleRender();
    emit featureClicked(layerId, feature);
}

void MapCanvas::clearSelection()
{
    if (mView.selection().isEmpty())
        return;
    mView.setSelection({});
    scheduleRender();
    emit selectionCleared();
}

void MapCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        mFly.stop();
        mPressPos = event->pos();
        mLastDragPos = event->position();
        mDragging = false;
        mMovingStarted = false;
        mMovingSite.clear();
        if (const int f = movableSiteAt(event->position()); f >= 0) {
            const auto sites = mLayers->layer(QStringLiteral("sites"));
            mMovingSite = sites->table().text(f, QStringLiteral("site_id"));
            mMovingFrom = sites->lonLat().firstVertex(f);
        }
    }
}

void MapCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && !mMovingSite.isEmpty()) {
        if (!mMovingStarted && (event->pos() - mPressPos).manhattanLength() > 3) {
            mMovingStarted = true;
            setCursor(Qt::SizeAllCursor);
        }
        mMovingPixel = event->position();
        if (mMovingStarted)
            update();
        return;
    }
    if (event->buttons() & Qt::LeftButton) {
        if (!mDragging && (event->pos() - mPressPos).manhattanLength() > 3) {
            mDragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
        if (mDragging) {
            MapSettings view = mView;
            view.panByPixels(event->position() - mLastDragPos);
            mLastDragPos = event->position();
            // Only the cached image moves while dragging; one render when the drag ends.
            mView = view;
            update();
        }
        return;
    }
    if (mToLonLat) {
        const QPointF lonLat = mToLonLat->forward(mView.toMap(event->position()));
        emit cursorMoved(QGeoCoordinate(lonLat.y(), lonLat.x()));
    }
    const MapHit hit = MapHitTester::hitTest(currentSettings(), event->position());
    const QString tip = tooltipFor(hit);
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), tip, this);
}

void MapCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QString moved = std::exchange(mMovingSite, QString());
    if (std::exchange(mMovingStarted, false)) {
        unsetCursor();
        update();
        emit siteMoveRequested(moved, mMovingFrom, lonLatAt(event->position()));
        return;
    }
    if (mDragging) {
        mDragging = false;
        unsetCursor();
        setView(mView);
        return;
    }
    const MapHit hit = MapHitTester::hitTest(currentSettings(), event->position());
    if (hit.isCluster()) {
        // A cluster opens up: zoom to its sites.
        const auto layer = mLayers->layer(hit.layerId);
        QRectF r;
        for (int f : hit.cluster) {
            const QPointF p = layer->projected()->geometry().firstVertex(f);
            r = r.isNull() ? QRectF(p, QSizeF(1e-9, 1e-9))
                           : r.united(QRectF(p, QSizeF(1e-9, 1e-9)));
        }
        emit clusterClicked(hit.layerId, static_cast<int>(hit.cluster.size()));
        flyToRect(r.adjusted(-r.width() * 0.2 - 1, -r.height() * 0.2 - 1, r.width() * 0.2 + 1,
            r.height() * 0.2 + 1));
    } else if (!hit.isEmpty()) {
        selectFeature(hit.layerId, hit.feature);
    } else {
        clearSelection();
    }
}

void MapCanvas::mouseDoubleClickEvent(QMouseEvent *event)
{
    const auto counties = mLayers->layerByRole(LayerRole::Counties);
    if (!counties)
        return;
    const int f = MapHitTester::polygonAt(*counties, mView.toMap(event->position()));
    if (f >= 0) {
        selectFeature(counties->id(), f);
        flyToRect(counties->projected()->bounds(f));
    }
}

void MapCanvas::wheelEvent(QWheelEvent *event)
{
    // 120 units per notch; a notch zooms by about 1.5x, trackpads zoom smoothly.
    const double factor = std::pow(1.5, event->angleDelta().y() / 120.0);
    zoomAround(factor, event->position());
    event->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent *event)
{
    const double step = std::min(width(), height()) / 4.0;
    MapSettings view = mView;
    switch (event->key()) {
    case Qt::Key_Left:
        view.panByPixels(QPointF(step, 0));
        break;
    case Qt::Key_Right:
        view.panByPixels(QPointF(-step, 0));
        break;
    case Qt::Key_Up:
        view.panByPixels(QPointF(0, step));
        break;
    case Qt::Key_Down:
        view.panByPixels(QPointF(0, -step));
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_Home:
        zoomToHome();
        return;
    case Qt::Key_Escape:
        clearSelection();
        return;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    mFly.stop();
    setView(view);
}

void MapCanvas::leaveEvent(QEvent *)
{
    emit cursorLeft();
}

void MapCanvas::contextMenuEvent(QContextMenuEvent *event)
{
    if (!mSiteEditing || !mToLonLat)
        return;
    const QPointF lonLat = lonLatAt(event->pos());
    QMenu menu(this);
    QAction *add = menu.addAction(tr("Add site here…"));
    if (menu.exec(event->globalPos()) == add)
        emit siteAddRequested(lonLat);
}

QPointF MapCanvas::lonLatAt(const QPointF &pixel) const
{
    return mToLonLat ? mToLonLat->forward(mView.toMap(pixel)) : QPointF();
}

int MapCanvas::movableSiteAt(const QPointF &pixel) const
{
    if (!mSiteEditing)
        return -1;
    const MapHit hit = MapHitTester::hitTest(currentSettings(), pixel);
    const auto layer = mLayers->layer(hit.layerId);
    if (!layer || layer->role() != LayerRole::Sites || hit.isCluster() || hit.feature < 0)
        return -1;
    // Sample sites are not the office's: they stay where the bundled data puts them.
    if (!layer->table().value(hit.feature, QStringLiteral("sample")).isNull()
        && layer->table().value(hit.feature, QStringLiteral("sample")).toInt() != 0)
        return -1;
    return hit.feature;
}

QString MapCanvas::tooltipFor(const MapHit &hit) const
{
    const auto layer = mLayers->layer(hit.layerId);
    if (!layer)
        return {};
    if (hit.isCluster())
        return tr("%n site(s) here; click to zoom in", "", static_cast<int>(hit.cluster.size()));
    const FeatureTable &t = layer->table();
    const QString title = layer->featureTitle(hit.feature);
    switch (layer->role()) {
    case LayerRole::Counties:
        return QStringLiteral("<b>%1</b><br>%2 · %3")
            .arg(title, t.text(hit.feature, QStringLiteral("prefecture_name")),
                t.text(hit.feature, QStringLiteral("code")));
    case LayerRole::Sites:
        return QStringLiteral("<b>%1</b><br>%2 · %3<br><i>%4</i>")
            .arg(title, FieldLabels::siteTypeLabel(t.text(hit.feature, QStringLiteral("type"))),
                t.text(hit.feature, QStringLiteral("county_name")),
                t.value(hit.feature, QStringLiteral("sample")).toInt() ? tr("Sample data")
                                                                       : tr("Registered site"));
    default:
        return QStringLiteral("<b>%1</b><br>%2").arg(title, layer->name());
    }
}

} // namespace dv
