// Coordinate transforms, display CRSs and projected files against independent formulas.
#include "testsupport.h"

#include "coordinatetransform.h"
#include "displaycrs.h"
#include "layerloader.h"
#include "layerstack.h"

#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include <cmath>

using namespace dv;

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDeg = kPi / 180.0;

// Spherical ("Web") Mercator, EPSG:3857: the closed form on a sphere of radius a.
QPointF webMercator(double lon, double lat)
{
    const double r = 6378137.0;
    return { r * lon * kDeg, r * std::log(std::tan(kPi / 4 + lat * kDeg / 2)) };
}

// Transverse Mercator by Krüger's series to sixth order in n (Karney 2011, eqs. 35-36),
// on the CGCS2000 ellipsoid (GRS80 shape): written here so the test does not ask PROJ to
// check PROJ. Good to well under a millimetre within 5 degrees of the central meridian.
QPointF transverseMercator(double lon, double lat, double lon0, double k0, double falseEasting)
{
    const double a = 6378137.0, f = 1 / 298.257222101;
    const double n = f / (2 - f), n2 = n * n, n3 = n2 * n, n4 = n3 * n, n5 = n4 * n, n6 = n5 * n;
    const double e = std::sqrt(f * (2 - f));
    const double A = a / (1 + n) * (1 + n2 / 4 + n4 / 64 + n6 / 256);
    const double alpha[6] = {
        n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800,
        13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630 - 1983433 * n6 / 1935360,
        61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440,
        49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600,
        34729 * n5 / 80640 - 3418889 * n6 / 1995840,
        212378941 * n6 / 319334400,
    };
    const double phi = lat * kDeg, lambda = (lon - lon0) * kDeg;
    // Conformal latitude, then Gauss-Schreiber coordinates on the sphere.
    const double t = std::sinh(std::atanh(std::sin(phi)) - e * std::atanh(e * std::sin(phi)));
    const double xi1 = std::atan2(t, std::cos(lambda));
    const double eta1 = std::asinh(std::sin(lambda) / std::hypot(t, std::cos(lambda)));
    double xi = xi1, eta = eta1;
    for (int j = 1; j <= 6; ++j) {
        xi += alpha[j - 1] * std::sin(2 * j * xi1) * std::cosh(2 * j * eta1);
        eta += alpha[j - 1] * std::cos(2 * j * xi1) * std::sinh(2 * j * eta1);
    }
    return { falseEasting + k0 * A * eta, k0 * A * xi };
}

// EPSG:4544, CGCS2000 / 3-degree Gauss-Kruger CM 105E: k = 1, false easting 500 km, no zone prefix.
QPointF gaussKruger105(double lon, double lat)
{
    return transverseMercator(lon, lat, 105.0, 1.0, 500000.0);
}

double distance(const QPointF &a, const QPointF &b)
{
    return std::hypot(a.x() - b.x(), a.y() - b.y());
}

// Ground distance in metres between two nearby lon/lat points (enough for "< 1 m" checks).
double lonLatMetres(const QPointF &a, const QPointF &b)
{
    const double dy = (a.y() - b.y()) * 111320.0;
    const double dx = (a.x() - b.x()) * 111320.0 * std::cos(a.y() * kDeg);
    return std::hypot(dx, dy);
}

} // namespace

class TestCrs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void independentFormulaSelfCheck();
    void matchesIndependentFormula_data();
    void matchesIndependentFormula();
    void axisOrderIsEastFirst();
    void inverseRoundTrip_data();
    void inverseRoundTrip();
    void catalogueProjectsCounties_data();
    void catalogueProjectsCounties();
    void layerStackChangesCrs();
    void layerStackReprojectsOnAWorker();
    void invalidCrs();
    void projectedGeoPackageLoadsAsLonLat();

private:
    LayerStack mStack;
};

void TestCrs::initTestCase()
{
    const QString error = dvtest::loadProvinceInto(mStack);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestCrs::cleanupTestCase()
{
}

// The test's own formula must be right before it can judge PROJ: on the central meridian
// the northing is the meridian arc (equator to 26°N: 2,876,565.5 m by Helmert's series, GRS80).
void TestCrs::independentFormulaSelfCheck()
{
    const QPointF p = gaussKruger105(105.0, 0.0);
    QCOMPARE(p.x(), 500000.0);
    QVERIFY(std::abs(p.y()) < 1e-6);
    const QPointF q = gaussKruger105(105.0, 26.0);
    QCOMPARE(q.x(), 500000.0);
    // Meridian arc from Helmert's series, computed independently of the Krüger coefficients.
    const double a = 6378137.0, f = 1 / 298.257222101, n = f / (2 - f);
    const double phi = 26.0 * kDeg;
    const double arc = a / (1 + n)
        * ((1 + n * n / 4 + std::pow(n, 4) / 64) * phi
            - 1.5 * (n - std::pow(n, 3) / 8) * std::sin(2 * phi)
            + 15.0 / 16 * (n * n - std::pow(n, 4) / 4) * std::sin(4 * phi)
            - 35.0 / 48 * std::pow(n, 3) * std::sin(6 * phi)
            + 315.0 / 512 * std::pow(n, 4) * std::sin(8 * phi));
    QVERIFY2(std::abs(q.y() - arc) < 0.001, qPrintable(QString::number(q.y() - arc)));
    // Off the meridian, east is positive and symmetric.
    const QPointF east = gaussKruger105(106.0, 26.0), west = gaussKruger105(104.0, 26.0);
    QVERIFY(std::abs((east.x() - 500000.0) + (west.x() - 500000.0)) < 1e-6);
    QVERIFY(east.x() > 500000.0 + 99000.0 && east.x() < 500000.0 + 101000.0);
}

void TestCrs::matchesIndependentFormula_data()
{
    QTest::addColumn<QString>("crs");
    QTest::addColumn<QPointF>("lonLat");
    // A map exported in Web Mercator lines up with web tiles.
    QTest::newRow("3857 Guiyang") << QStringLiteral("EPSG:3857") << QPointF(106.630, 26.647);
    QTest::newRow("3857 Weining, west edge")
        << QStringLiteral("EPSG:3857") << QPointF(103.95, 26.85);
    QTest::newRow("3857 Congjiang, south-east")
        << QStringLiteral("EPSG:3857") << QPointF(108.90, 25.75);
    // Offices exchange Gauss-Krüger coordinates; ours must agree with the textbook projection.
    QTest::newRow("4544 Guiyang") << QStringLiteral("EPSG:4544") << QPointF(106.630, 26.647);
    QTest::newRow("4544 Tongren, near the east edge")
        << QStringLiteral("EPSG:4544") << QPointF(109.35, 27.90);
    QTest::newRow("4544 Xingyi, south-west")
        << QStringLiteral("EPSG:4544") << QPointF(104.90, 25.09);
    QTest::newRow("4544 Chishui, north") << QStringLiteral("EPSG:4544") << QPointF(105.70, 28.59);
}

// PROJ's answer within 1 m of a formula written independently in this test.
void TestCrs::matchesIndependentFormula()
{
    QFETCH(QString, crs);
    QFETCH(QPointF, lonLat);
    CoordinateTransform t(DisplayCrs::baseDefinition(), crs);
    QVERIFY2(t.isValid(), qPrintable(t.errorString()));
    const QPointF got = t.forward(lonLat);
    const QPointF want = crs == QLatin1String("EPSG:3857") ? webMercator(lonLat.x(), lonLat.y())
                                                           : gaussKruger105(lonLat.x(), lonLat.y());
    QVERIFY2(distance(got, want) < 1.0,
        qPrintable(QStringLiteral("got %1, %2 want %3, %4")
                       .arg(got.x(), 0, 'f', 3)
                       .arg(got.y(), 0, 'f', 3)
                       .arg(want.x(), 0, 'f', 3)
                       .arg(want.y(), 0, 'f', 3)));
}

// EPSG:4490 and EPSG:4544 are latitude/northing-first in PROJ; our API is x = east both ways.
void TestCrs::axisOrderIsEastFirst()
{
    const QPointF guiyang(106.630, 26.647);
    CoordinateTransform toGk(DisplayCrs::baseDefinition(), QStringLiteral("EPSG:4544"));
    const QPointF gk = toGk.forward(guiyang);
    QVERIFY2(
        gk.x() > 600000 && gk.x() < 700000, qPrintable(QString::number(gk.x()))); // east of the CM
    QVERIFY2(gk.y() > 2900000 && gk.y() < 3000000, qPrintable(QString::number(gk.y())));
    // Moving east moves x, moving north moves y.
    const QPointF east = toGk.forward(guiyang + QPointF(0.01, 0));
    const QPointF north = toGk.forward(guiyang + QPointF(0, 0.01));
    QVERIFY(east.x() - gk.x() > 900 && std::abs(east.y() - gk.y()) < 100);
    QVERIFY(north.y() - gk.y() > 1000 && std::abs(north.x() - gk.x()) < 100);
    // The inverse hands back lon first, too.
    const QPointF back = toGk.inverse(gk);
    QVERIFY(std::abs(back.x() - guiyang.x()) < 1e-7);
    QVERIFY(std::abs(back.y() - guiyang.y()) < 1e-7);

    // Geographic to geographic keeps lon first.
    CoordinateTransform toWgs(DisplayCrs::baseDefinition(), QStringLiteral("EPSG:4326"));
    const QPointF wgs = toWgs.forward(guiyang);
    QVERIFY(std::abs(wgs.x() - guiyang.x()) < 1e-4);
    QVERIFY(std::abs(wgs.y() - guiyang.y()) < 1e-4);

    // And into the display CRS: east of the central meridian 106.7 means x > 0.
    CoordinateTransform toAlbers(
        DisplayCrs::baseDefinition(), DisplayCrs::defaultCrs().definition());
    QVERIFY(toAlbers.forward(QPointF(108.0, 26.6)).x() > 0);
    QVERIFY(toAlbers.forward(QPointF(105.0, 26.6)).x() < 0);
}

void TestCrs::inverseRoundTrip_data()
{
    QTest::addColumn<QString>("crs");
    for (const DisplayCrs &crs : DisplayCrs::catalogue())
        QTest::newRow(qPrintable(crs.id())) << crs.definition();
}

// Cursor coordinates come from the inverse: it must give back the same place.
void TestCrs::inverseRoundTrip()
{
    QFETCH(QString, crs);
    CoordinateTransform t(DisplayCrs::baseDefinition(), crs);
    QVERIFY2(t.isValid(), qPrintable(t.errorString()));
    const QPointF points[]
        = { { 106.630, 26.647 }, { 109.35, 27.90 }, { 103.8, 24.7 }, { 108.0, 29.2 } };
    for (const QPointF &p : points) {
        const QPointF back = t.inverse(t.forward(p));
        QVERIFY2(lonLatMetres(p, back) < 0.001,
            qPrintable(QStringLiteral("%1, %2 -> %3, %4")
                           .arg(p.x())
                           .arg(p.y())
                           .arg(back.x(), 0, 'f', 10)
                           .arg(back.y(), 0, 'f', 10)));
    }
    // And the batch call agrees with the single-point one.
    QPointF batch[] = { points[0], points[1] };
    t.forward(batch, 2);
    QCOMPARE(batch[1], t.forward(points[1]));
}

void TestCrs::catalogueProjectsCounties_data()
{
    QTest::addColumn<QString>("id");
    for (const DisplayCrs &crs : DisplayCrs::catalogue())
        QTest::newRow(qPrintable(crs.id())) << crs.id();
}

// Every projection offered in the menu draws the province: no NaN vertex, a finite extent.
void TestCrs::catalogueProjectsCounties()
{
    QFETCH(QString, id);
    const DisplayCrs crs = DisplayCrs::byId(id);
    QVERIFY(crs.isValid());
    QVERIFY(!crs.displayName().isEmpty());
    VectorLayer counties = *mStack.layer(QStringLiteral("counties"));
    QString error;
    QVERIFY2(counties.project(crs, &error), qPrintable(error));
    const ProjectedGeometry *p = counties.projected();
    QCOMPARE(p->crs(), crs);
    const QRectF extent = p->extent();
    QVERIFY(extent.isValid());
    QVERIFY(std::isfinite(extent.left()) && std::isfinite(extent.right()));
    QVERIFY(std::isfinite(extent.top()) && std::isfinite(extent.bottom()));
    QVERIFY(extent.width() > 0 && extent.height() > 0);
    for (const QPointF &v : p->geometry().vertices())
        QVERIFY(std::isfinite(v.x()) && std::isfinite(v.y()));
    // The province is wider than tall in every one of them (about 570 x 500 km).
    QVERIFY2(extent.width() / extent.height() > 0.9 && extent.width() / extent.height() < 1.6,
        qPrintable(QString::number(extent.width() / extent.height())));
}

// Switching the projection keeps every layer and feature and gives a usable home view;
// a projection PROJ cannot build changes nothing.
void TestCrs::layerStackChangesCrs()
{
    std::vector<std::pair<QString, int>> before;
    for (const auto &l : mStack.layers())
        before.emplace_back(l->id(), l->featureCount());
    for (const DisplayCrs &crs : DisplayCrs::catalogue()) {
        QString error;
        QSignalSpy changed(&mStack, &LayerStack::layersChanged);
        QVERIFY2(
            mStack.setDisplayCrs(crs, &error), qPrintable(crs.id() + QStringLiteral(": ") + error));
        QCOMPARE(mStack.displayCrs(), crs);
        QCOMPARE(mStack.layers().size(), before.size());
        for (std::size_t i = 0; i < before.size(); ++i) {
            QCOMPARE(mStack.layers()[i]->id(), before[i].first);
            QCOMPARE(mStack.layers()[i]->featureCount(), before[i].second);
            QVERIFY(mStack.layers()[i]->projected());
            QCOMPARE(mStack.layers()[i]->projected()->crs(), crs);
        }
        const QRectF home = mStack.homeExtent();
        QVERIFY2(home.isValid() && std::isfinite(home.width()) && std::isfinite(home.height()),
            qPrintable(crs.id()));
        // Guiyang's projected position lies inside the home extent.
        CoordinateTransform t(DisplayCrs::baseDefinition(), crs.definition());
        QVERIFY(home.contains(t.forward(QPointF(106.630, 26.647))));
    }

    const DisplayCrs current = mStack.displayCrs();
    const DisplayCrs broken(
        QStringLiteral("broken"), QStringLiteral("+proj=nonsense +type=crs"), false);
    QString error;
    QSignalSpy changed(&mStack, &LayerStack::layersChanged);
    QVERIFY(!mStack.setDisplayCrs(broken, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(mStack.displayCrs(), current);
    for (const auto &l : mStack.layers())
        QCOMPARE(l->projected()->crs(), current);
    QVERIFY(mStack.setDisplayCrs(DisplayCrs::defaultCrs()));
}

// The window's switch: the layers keep the shown projection until every one (including a layer
// added meanwhile) is projected, then change together; the newest request wins; a broken one
// changes nothing.
void TestCrs::layerStackReprojectsOnAWorker()
{
    const DisplayCrs start = mStack.displayCrs();
    const auto catalogue = DisplayCrs::catalogue();
    DisplayCrs first, second;
    for (const DisplayCrs &crs : catalogue) {
        if (crs == start)
            continue;
        (first.isValid() ? second : first) = crs;
    }
    QVERIFY(first.isValid() && second.isValid());
    const auto counties = mStack.layer(QStringLiteral("counties"));
    counties->setVisible(false); // what the user set must survive the swap

    QSignalSpy changed(&mStack, &LayerStack::displayCrsChanged);
    QSignalSpy failed(&mStack, &LayerStack::displayCrsFailed);
    QSignalSpy layersChanged(&mStack, &LayerStack::layersChanged);
    mStack.requestDisplayCrs(first);
    mStack.requestDisplayCrs(second);
    // Nothing changes before the event loop runs: the map keeps its projection meanwhile.
    QCOMPARE(mStack.displayCrs(), start);
    QCOMPARE(mStack.pendingDisplayCrs(), second);
    for (const auto &l : mStack.layers())
        QCOMPARE(l->projected()->crs(), start);
    // A layer added while the worker runs is projected into the new CRS too.
    auto extra = std::make_shared<VectorLayer>(*mStack.layer(QStringLiteral("sites")));
    extra->setId(QString());
    QVERIFY(mStack.addLayer(extra));
    layersChanged.clear();

    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 30000);
    QCOMPARE(changed.first().first().value<DisplayCrs>(), second); // the first was dropped
    QCOMPARE(failed.count(), 0);
    QCOMPARE(layersChanged.count(), 1);
    QCOMPARE(mStack.displayCrs(), second);
    QVERIFY(!mStack.pendingDisplayCrs().isValid());
    for (const auto &l : mStack.layers())
        QCOMPARE(l->projected()->crs(), second);
    QVERIFY(!counties->isVisible());
    QCOMPARE(mStack.layer(QStringLiteral("counties")), counties);
    // Nothing of the dropped request comes later.
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(mStack.displayCrs(), second);

    const DisplayCrs broken(
        QStringLiteral("broken"), QStringLiteral("+proj=nonsense +type=crs"), false);
    changed.clear();
    layersChanged.clear();
    mStack.requestDisplayCrs(broken);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
    QVERIFY(!failed.first().at(1).toString().isEmpty());
    QCOMPARE(changed.count(), 0);
    QCOMPARE(layersChanged.count(), 0);
    QCOMPARE(mStack.displayCrs(), second);
    for (const auto &l : mStack.layers())
        QCOMPARE(l->projected()->crs(), second);

    mStack.removeLayer(extra->id());
    counties->setVisible(true);
    QVERIFY(mStack.setDisplayCrs(DisplayCrs::defaultCrs()));
}

// A CRS PROJ does not know is reported, not silently turned into NaN.
void TestCrs::invalidCrs()
{
    CoordinateTransform unknownCode(DisplayCrs::baseDefinition(), QStringLiteral("EPSG:999999"));
    QVERIFY(!unknownCode.isValid());
    QVERIFY(!unknownCode.errorString().isEmpty());
    CoordinateTransform garbage(QStringLiteral("not a crs"), DisplayCrs::baseDefinition());
    QVERIFY(!garbage.isValid());
    QVERIFY(!garbage.errorString().isEmpty());
    const QPointF p = garbage.forward(QPointF(106, 26));
    QVERIFY(std::isnan(p.x()) && std::isnan(p.y()));
    QVERIFY(!DisplayCrs::byId(QStringLiteral("EPSG:0")).isValid());
}

// A surveyor's GeoPackage in Gauss-Krüger metres lands where it belongs.
void TestCrs::projectedGeoPackageLoadsAsLonLat()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("gk105.gpkg"));
    const QPointF places[]
        = { { 106.630, 26.647 }, { 109.35, 27.90 }, { 104.90, 25.09 }, { 107.47, 27.77 } };
    {
        dvtest::OgrFile file(path, "GPKG", wkbPoint, 4544);
        QVERIFY(file.isValid());
        file.addField(QStringLiteral("name"), OFTString);
        int i = 0;
        for (const QPointF &p : places) {
            const QPointF gk = gaussKruger105(p.x(), p.y());
            QVERIFY(file.addFeature(
                std::make_unique<OGRPoint>(gk.x(), gk.y()), { QStringLiteral("p%1").arg(i++) }));
        }
    }
    const LoadResult result = LayerLoader::load(path);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.layers.size(), std::size_t(1));
    const VectorLayer &layer = *result.layers.front();
    QCOMPARE(layer.featureCount(), 4);
    for (int f = 0; f < 4; ++f) {
        const QPointF got = layer.lonLat().firstVertex(f);
        const int i = layer.table().text(f, QStringLiteral("name")).mid(1).toInt();
        QVERIFY2(lonLatMetres(places[i], got) < 1.0,
            qPrintable(QStringLiteral("%1: %2, %3")
                           .arg(i)
                           .arg(got.x(), 0, 'f', 8)
                           .arg(got.y(), 0, 'f', 8)));
    }
}

QTEST_GUILESS_MAIN(TestCrs)
#include "tst_crs.moc"
