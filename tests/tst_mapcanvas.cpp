// The map in the real window: keys, wheel, drag, double-click, search, and off-thread rendering.
#include "testsupportwindow.h"

#include "projectedgeometry.h"

#include "featureinfopanel.h"
#include "layerimporter.h"
#include "layerstack.h"
#include "mainwindow.h"
#include "mapcanvas.h"
#include "mapdecorations.h"
#include "maprenderer.h"
#include "mapsearchbox.h"
#include "mapsettings.h"

#include <QElapsedTimer>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>
#include <QWheelEvent>
#include <QtTest>

using namespace dv;

namespace {

double pixelDistance(const QPointF &a, const QPointF &b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

} // namespace

class TestMapCanvas : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void arrowKeysPan_data();
    void arrowKeysPan();
    void plusMinusZoom_data();
    void plusMinusZoom();
    void homeKeyShowsProvince();
    void wheelZoomKeepsPointUnderCursor_data();
    void wheelZoomKeepsPointUnderCursor();
    void dragPansByDragDistance();
    void doubleClickZoomsToCounty();
    void searchFormerName();
    void searchCode();
    void searchSiteId();
    void searchNonsense();
    void rendersOffTheGuiThread();
    void dropFileAddsLayer();
    void alertMarkersOnSitesAndCounties();

private:
    int featureWhere(const QString &layerId, const QString &field, const QString &value) const;
    QPointF pixelOfCountyLabel(int county) const;
    // Waits for a fly animation to end: the view stops changing.
    bool waitForSettledView();
    QString infoValue(const QString &value) const;

    std::unique_ptr<MainWindow> mWindow;
    MapCanvas *mCanvas = nullptr;
};

void TestMapCanvas::initTestCase()
{
    mWindow = std::make_unique<MainWindow>();
    QVERIFY(dvtest::openMainWindow(*mWindow));
    mCanvas = mWindow->canvas();
    QVERIFY(mCanvas->width() > 400 && mCanvas->height() > 300);
}

void TestMapCanvas::cleanupTestCase()
{
    mWindow.reset();
}

// Every case starts from the province view with nothing selected and the sites shown.
void TestMapCanvas::init()
{
    mWindow->layers()->setLayerVisible(QStringLiteral("sites"), true);
    mCanvas->zoomToHome();
    mCanvas->clearSelection();
    QVERIFY(waitForSettledView());
}

int TestMapCanvas::featureWhere(
    const QString &layerId, const QString &field, const QString &value) const
{
    const auto layer = mWindow->layers()->layer(layerId);
    for (int f = 0; layer && f < layer->featureCount(); ++f) {
        if (layer->table().text(f, field) == value)
            return f;
    }
    return -1;
}

QPointF TestMapCanvas::pixelOfCountyLabel(int county) const
{
    const auto counties = mWindow->layers()->layer(QStringLiteral("counties"));
    return mCanvas->currentSettings().toPixel(counties->projected()->anchor(county));
}

bool TestMapCanvas::waitForSettledView()
{
    QElapsedTimer timer;
    timer.start();
    MapSettings last = mCanvas->currentSettings();
    int stable = 0;
    while (timer.elapsed() < 5000) {
        QTest::qWait(60);
        const MapSettings now = mCanvas->currentSettings();
        const bool same
            = now.center() == last.center() && now.mapUnitsPerPixel() == last.mapUnitsPerPixel();
        stable = same ? stable + 1 : 0;
        last = now;
        if (stable >= 3)
            return true;
    }
    return false;
}

QString TestMapCanvas::infoValue(const QString &value) const
{
    for (const auto &[label, v] : mWindow->infoPanel()->rows()) {
        if (v == value)
            return label;
    }
    return {};
}

void TestMapCanvas::arrowKeysPan_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("east"); // +1: the view moves east (centre x grows)
    QTest::addColumn<int>("north"); // +1: the view moves north (centre y grows)
    QTest::newRow("left") << int(Qt::Key_Left) << -1 << 0;
    QTest::newRow("right") << int(Qt::Key_Right) << 1 << 0;
    QTest::newRow("up") << int(Qt::Key_Up) << 0 << 1;
    QTest::newRow("down") << int(Qt::Key_Down) << 0 << -1;
}

// Arrow keys look further that way, as in every map program.
void TestMapCanvas::arrowKeysPan()
{
    QFETCH(int, key);
    QFETCH(int, east);
    QFETCH(int, north);
    const MapSettings before = mCanvas->currentSettings();
    QTest::keyClick(mCanvas, Qt::Key(key));
    const MapSettings after = mCanvas->currentSettings();
    const QPointF moved
        = (after.center() - before.center()) / before.mapUnitsPerPixel(); // in pixels
    QCOMPARE(after.mapUnitsPerPixel(), before.mapUnitsPerPixel());
    if (east != 0) {
        QVERIFY2(moved.x() * east > 20, qPrintable(QString::number(moved.x())));
        QVERIFY(std::abs(moved.y()) < 1e-6);
    } else {
        QVERIFY2(moved.y() * north > 20, qPrintable(QString::number(moved.y())));
        QVERIFY(std::abs(moved.x()) < 1e-6);
    }
}

void TestMapCanvas::plusMinusZoom_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<double>("factor"); // map units per pixel after / before
    QTest::newRow("+") << int(Qt::Key_Plus) << 0.5;
    QTest::newRow("= (the + key without Shift)") << int(Qt::Key_Equal) << 0.5;
    QTest::newRow("-") << int(Qt::Key_Minus) << 2.0;
}

void TestMapCanvas::plusMinusZoom()
{
    QFETCH(int, key);
    QFETCH(double, factor);
    const double before = mCanvas->currentSettings().mapUnitsPerPixel();
    QTest::keyClick(mCanvas, Qt::Key(key));
    const double after = mCanvas->currentSettings().mapUnitsPerPixel();
    QVERIFY2(std::abs(after / before - factor) < 1e-9, qPrintable(QString::number(after / before)));
}

// Lost? Home brings the whole province back.
void TestMapCanvas::homeKeyShowsProvince()
{
    const MapSettings home = mCanvas->currentSettings();
    QTest::keyClick(mCanvas, Qt::Key_Plus);
    QTest::keyClick(mCanvas, Qt::Key_Plus);
    QTest::keyClick(mCanvas, Qt::Key_Right);
    QTest::keyClick(mCanvas, Qt::Key_Down);
    QVERIFY(mCanvas->currentSettings().center() != home.center());
    QTest::keyClick(mCanvas, Qt::Key_Home);
    const MapSettings back = mCanvas->currentSettings();
    QCOMPARE(back.center(), home.center());
    QCOMPARE(back.mapUnitsPerPixel(), home.mapUnitsPerPixel());
    // And that view shows all of it.
    QVERIFY(back.visibleExtent().contains(mWindow->layers()->homeExtent()));
    const MapSettings expected
        = MapSettings::home(*mWindow->layers(), mCanvas->size(), 1.0, QString());
    QCOMPARE(back.center(), expected.center());
    QCOMPARE(back.mapUnitsPerPixel(), expected.mapUnitsPerPixel());
}

void TestMapCanvas::wheelZoomKeepsPointUnderCursor_data()
{
    QTest::addColumn<QPointF>("cursor");
    QTest::addColumn<int>("delta");
    QTest::newRow("in, upper left") << QPointF(150.5, 120.25) << 120;
    QTest::newRow("in, lower right") << QPointF(620, 480) << 240;
    QTest::newRow("out, centre right") << QPointF(700, 300) << -120;
    QTest::newRow("trackpad, small step") << QPointF(333, 222) << 15;
}

// The wheel zooms around the cursor: the place under the mouse stays under the mouse.
void TestMapCanvas::wheelZoomKeepsPointUnderCursor()
{
    QFETCH(QPointF, cursor);
    QFETCH(int, delta);
    QVERIFY(mCanvas->rect().contains(cursor.toPoint()));
    const MapSettings before = mCanvas->currentSettings();
    const QPointF mapPoint = before.toMap(cursor);
    QWheelEvent wheel(cursor, mCanvas->mapToGlobal(cursor), QPoint(), QPoint(0, delta),
        Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(mCanvas, &wheel);
    const MapSettings after = mCanvas->currentSettings();
    QVERIFY2(pixelDistance(after.toPixel(mapPoint), cursor) < 1.0,
        qPrintable(QStringLiteral("%1,%2")
                       .arg(after.toPixel(mapPoint).x())
                       .arg(after.toPixel(mapPoint).y())));
    if (delta > 0)
        QVERIFY(after.mapUnitsPerPixel() < before.mapUnitsPerPixel());
    else
        QVERIFY(after.mapUnitsPerPixel() > before.mapUnitsPerPixel());
}

// Dragging moves the map with the mouse, pixel for pixel, and selects nothing.
void TestMapCanvas::dragPansByDragDistance()
{
    const QPoint from(400, 300), to(250, 380);
    const QPointF grabbed = mCanvas->currentSettings().toMap(QPointF(from));
    QTest::mousePress(mCanvas, Qt::LeftButton, {}, from);
    for (int i = 1; i <= 5; ++i)
        QTest::mouseMove(mCanvas, from + (to - from) * i / 5);
    QTest::mouseRelease(mCanvas, Qt::LeftButton, {}, to);
    const MapSettings after = mCanvas->currentSettings();
    QVERIFY2(pixelDistance(after.toPixel(grabbed), QPointF(to)) < 1.0,
        qPrintable(QStringLiteral("%1,%2")
                       .arg(after.toPixel(grabbed).x())
                       .arg(after.toPixel(grabbed).y())));
    QVERIFY(mCanvas->selection().isEmpty());
}

// Double-clicking a county flies to it: closer in, the county in the middle and all of it shown.
void TestMapCanvas::doubleClickZoomsToCounty()
{
    mWindow->layers()->setLayerVisible(QStringLiteral("sites"), false);
    const int county = featureWhere(
        QStringLiteral("counties"), QStringLiteral("name"), QStringLiteral("湄潭县"));
    QVERIFY(county >= 0);
    const auto counties = mWindow->layers()->layer(QStringLiteral("counties"));
    const QRectF bounds = counties->projected()->bounds(county);
    const double homeUpp = mCanvas->currentSettings().mapUnitsPerPixel();

    QTest::mouseDClick(mCanvas, Qt::LeftButton, {}, pixelOfCountyLabel(county).toPoint());
    QVERIFY(waitForSettledView());
    const MapSettings after = mCanvas->currentSettings();
    QVERIFY2(after.mapUnitsPerPixel() < homeUpp / 2,
        qPrintable(QStringLiteral("%1 vs %2").arg(after.mapUnitsPerPixel()).arg(homeUpp)));
    QVERIFY(bounds.contains(after.center()));
    QVERIFY(after.visibleExtent().contains(bounds));
    QCOMPARE(mCanvas->selection().layerId, QStringLiteral("counties"));
    QCOMPARE(mCanvas->selection().feature, county);
}

// Officials still say 盘县: searching the former name finds 盘州市 and says it was renamed.
void TestMapCanvas::searchFormerName()
{
    QSignalSpy notFound(mWindow->searchBox(), &MapSearchBox::notFound);
    QVERIFY(mWindow->searchBox()->searchNow(QStringLiteral("盘县")));
    const int county = featureWhere(
        QStringLiteral("counties"), QStringLiteral("name"), QStringLiteral("盘州市"));
    QCOMPARE(mCanvas->selection().layerId, QStringLiteral("counties"));
    QCOMPARE(mCanvas->selection().feature, county);
    QVERIFY2(!infoValue(QStringLiteral("盘县")).isEmpty(),
        "the info panel does not list the former name");
    QVERIFY(!infoValue(QStringLiteral("520281")).isEmpty());
    QCOMPARE(notFound.count(), 0);
    // The map goes there.
    QVERIFY(waitForSettledView());
    QVERIFY(mCanvas->currentSettings().visibleExtent().contains(
        mWindow->layers()->layer(QStringLiteral("counties"))->projected()->bounds(county)));
}

void TestMapCanvas::searchCode()
{
    QVERIFY(mWindow->searchBox()->searchNow(QStringLiteral("520328")));
    QCOMPARE(mCanvas->selection().layerId, QStringLiteral("counties"));
    QCOMPARE(mCanvas->selection().feature,
        featureWhere(QStringLiteral("counties"), QStringLiteral("name"), QStringLiteral("湄潭县")));
    QVERIFY(!infoValue(QStringLiteral("湄潭县")).isEmpty());
}

// A site's ID from a report or an alert finds that site.
void TestMapCanvas::searchSiteId()
{
    const auto sites = mWindow->layers()->layer(QStringLiteral("sites"));
    const QString id = sites->table().text(17, QStringLiteral("site_id"));
    QVERIFY(!id.isEmpty());
    QVERIFY(mWindow->searchBox()->searchNow(id));
    QCOMPARE(mCanvas->selection().layerId, QStringLiteral("sites"));
    QCOMPARE(mCanvas->selection().feature, 17);
    QVERIFY(!infoValue(id).isEmpty());
    // Lower case works too.
    mCanvas->clearSelection();
    QVERIFY(mWindow->searchBox()->searchNow(id.toLower()));
    QCOMPARE(mCanvas->selection().feature, 17);
}

void TestMapCanvas::searchNonsense()
{
    QSignalSpy notFound(mWindow->searchBox(), &MapSearchBox::notFound);
    const MapSettings before = mCanvas->currentSettings();
    QVERIFY(!mWindow->searchBox()->searchNow(QStringLiteral("火星基地xyz")));
    QCOMPARE(notFound.count(), 1);
    QCOMPARE(notFound.at(0).at(0).toString(), QStringLiteral("火星基地xyz"));
    QVERIFY(mCanvas->selection().isEmpty());
    QCOMPARE(mCanvas->currentSettings().center(), before.center());
}

// Rendering happens on a worker: the canvas asks for a frame and returns at once; the frame
// that arrives has the canvas's size and is exactly what the renderer paints for the view.
void TestMapCanvas::rendersOffTheGuiThread()
{
    QSignalSpy frames(mCanvas, &MapCanvas::frameRendered);
    QTest::keyClick(mCanvas, Qt::Key_Plus);
    QVERIFY(mCanvas->isRendering());
    mCanvas->waitForRender();
    QVERIFY(!mCanvas->isRendering());
    QVERIFY(frames.count() >= 1);
    const QImage image = mCanvas->currentImage();
    QVERIFY(!image.isNull());
    const qreal dpr = mCanvas->devicePixelRatioF();
    QCOMPARE(image.size(), mCanvas->size() * dpr);
    // Same picture as painting the current view directly (glyph edges may differ slightly:
    // each thread has its own font engines).
    const QImage direct = MapRenderer::renderImage(mCanvas->currentSettings())
                              .convertToFormat(QImage::Format_ARGB32);
    const QImage shown = image.convertToFormat(QImage::Format_ARGB32);
    QCOMPARE(shown.size(), direct.size());
    int differing = 0;
    for (int y = 0; y < shown.height(); ++y)
        for (int x = 0; x < shown.width(); ++x)
            differing += dvtest::channelDiff(shown.pixel(x, y), direct.pixel(x, y)) > 24 ? 1 : 0;
    qInfo("%d pixels differ from a direct render", differing);
    QVERIFY2(
        differing < shown.width() * shown.height() / 200, qPrintable(QString::number(differing)));
}

// Dragging a file from the file manager onto the window adds it as a layer.
void TestMapCanvas::dropFileAddsLayer()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("村点.geojson"));
    QVERIFY(dvtest::writeBytes(path, R"({"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"name":"兴隆村"},"geometry":{"type":"Point","coordinates":[107.48,27.77]}},
        {"type":"Feature","properties":{"name":"核桃坝村"},"geometry":{"type":"Point","coordinates":[107.52,27.70]}}]})"));
    QSignalSpy added(mWindow->importer(), &LayerImporter::layerAdded);
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(path) });
    const QPoint pos = mCanvas->geometry().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(mWindow.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(mWindow.get(), &drop);
    QVERIFY(added.count() == 1 || added.wait(10000));
    const auto layer = mWindow->layers()->layer(added.at(0).at(0).toString());
    QVERIFY(layer);
    QCOMPARE(layer->featureCount(), 2);
    QCOMPARE(layer->name(), QStringLiteral("村点"));
    QVERIFY(mWindow->searchBox()->searchNow(QStringLiteral("核桃坝")));
    QCOMPARE(mCanvas->selection().layerId, layer->id());
    mWindow->layers()->removeLayer(layer->id());
}

// A site with an open critical alert gets a red ring; its county a red count badge; no alerts,
// no markers and no pulse repaints.
void TestMapCanvas::alertMarkersOnSitesAndCounties()
{
    const int site
        = featureWhere(QStringLiteral("sites"), QStringLiteral("site_id"), QStringLiteral("P0006"));
    const int county = featureWhere(
        QStringLiteral("counties"), QStringLiteral("code"), QStringLiteral("520281"));
    QVERIFY(site >= 0 && county >= 0);
    mCanvas->showFeature(QStringLiteral("counties"), county);
    QVERIFY(waitForSettledView());
    mCanvas->clearSelection();
    mCanvas->waitForRender();
    const auto sites = mWindow->layers()->layer(QStringLiteral("sites"));
    const QPointF at = mCanvas->currentSettings().toPixel(sites->projected()->anchor(site));
    auto redAround = [&](const QPointF &centre, int radius) {
        const QImage image = mCanvas->grab().toImage();
        int red = 0;
        const qreal dpr = image.devicePixelRatio();
        for (int dy = -radius; dy <= radius; ++dy) {
            for (int dx = -radius; dx <= radius; ++dx) {
                const QPoint p((centre.x() + dx) * dpr, (centre.y() + dy) * dpr);
                if (!image.rect().contains(p))
                    continue;
                const QColor c = image.pixelColor(p);
                red += c.red() > 180 && c.green() < 90 && c.blue() < 90;
            }
        }
        return red;
    };
    const int before = redAround(at, 14);
    AlertMarkers markers;
    markers.setSites({ { site, true } });
    markers.setCounties({ { county, 2, true } });
    mCanvas->setAlertMarkers(markers);
    const int after = redAround(at, 14);
    QVERIFY2(after > before + 20, qPrintable(QStringLiteral("%1 -> %2 at %3,%4").arg(before).arg(after).arg(at.x()).arg(at.y())));
    const QPointF label = pixelOfCountyLabel(county);
    QVERIFY2(redAround(label + QPointF(16, -16), 14) > 10, "a red badge by the county name");
    mCanvas->setAlertMarkers(AlertMarkers());
    QCOMPARE(redAround(at, 14), before);
}

QTEST_MAIN(TestMapCanvas)
#include "tst_mapcanvas.moc"
