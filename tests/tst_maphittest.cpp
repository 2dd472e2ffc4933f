// What a click on the map picks: the county under it, a site, a cluster of sites, or nothing.
#include "testsupportwindow.h"

#include "coordinatetransform.h"
#include "featureinfopanel.h"
#include "layerstack.h"
#include "mainwindow.h"
#include "mapcanvas.h"
#include "mapdecorations.h"
#include "maphittester.h"
#include "maprenderer.h"
#include "mapsettings.h"
#include "siteclusterer.h"

#include <QSignalSpy>
#include <QtTest>

using namespace dv;

class TestMapHitTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyCountyAtItsLabelPoint();
    void backgroundHitsNothing();
    void singleSiteAndCluster();
    void clickInWindowSelectsCounty_data();
    void clickInWindowSelectsCounty();

private:
    MapSettings homeView(bool sitesVisible);

    LayerStack mStack;
    std::unique_ptr<MainWindow> mWindow;
};

void TestMapHitTest::initTestCase()
{
    const QString error = dvtest::loadProvinceInto(mStack);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    mWindow = std::make_unique<MainWindow>();
    QVERIFY(dvtest::openMainWindow(*mWindow));
}

void TestMapHitTest::cleanupTestCase()
{
    mWindow.reset();
}

MapSettings TestMapHitTest::homeView(bool sitesVisible)
{
    mStack.setLayerVisible(QStringLiteral("sites"), sitesVisible);
    return MapSettings::home(mStack, QSize(1600, 1000), 1.0, MapDecorations::defaultNote());
}

// Clicking a county's name selects that county, for all 88 of them.
void TestMapHitTest::everyCountyAtItsLabelPoint()
{
    const MapSettings s = homeView(false);
    const VectorLayer *counties = s.layer(QStringLiteral("counties"));
    QVERIFY(counties);
    QCOMPARE(counties->featureCount(), 88);
    const FeatureTable &t = counties->table();
    const CoordinateTransform toMap(DisplayCrs::baseDefinition(), s.crs().definition());
    for (int f = 0; f < counties->featureCount(); ++f) {
        // The anchor is the label point from label_lon/label_lat, projected with the layer.
        const QPointF labelLonLat(t.value(f, QStringLiteral("label_lon")).toDouble(),
            t.value(f, QStringLiteral("label_lat")).toDouble());
        const QPointF anchor = counties->projected()->anchor(f);
        const QPointF expected = toMap.forward(labelLonLat);
        QVERIFY(std::hypot(anchor.x() - expected.x(), anchor.y() - expected.y()) < 0.01);

        const QPointF pixel = s.toPixel(anchor);
        QVERIFY(QRectF(0, 0, 1600, 1000).contains(pixel));
        const MapHit hit = MapHitTester::hitTest(s, pixel);
        const QString name = t.text(f, QStringLiteral("name"));
        QVERIFY2(!hit.isEmpty(), qPrintable(name + QStringLiteral(": nothing hit")));
        QCOMPARE(hit.layerId, QStringLiteral("counties"));
        QVERIFY2(hit.feature == f,
            qPrintable(QStringLiteral("%1 hit %2")
                           .arg(name, t.text(hit.feature, QStringLiteral("name")))));
        QCOMPARE(MapHitTester::polygonAt(*counties, anchor), f);
    }
}

// A click outside the province (the sea of background colour) selects nothing.
void TestMapHitTest::backgroundHitsNothing()
{
    for (const bool sites : { false, true }) {
        const MapSettings s = homeView(sites);
        for (const QPointF &pixel :
            { QPointF(3, 3), QPointF(1597, 3), QPointF(3, 997), QPointF(1597, 997) }) {
            const MapHit hit = MapHitTester::hitTest(s, pixel);
            QVERIFY2(hit.isEmpty(),
                qPrintable(
                    QStringLiteral("%1 at %2,%3").arg(hit.layerId).arg(pixel.x()).arg(pixel.y())));
        }
    }
}

// A lone site symbol picks that site; a numbered badge picks the whole cluster.
void TestMapHitTest::singleSiteAndCluster()
{
    const MapSettings s = homeView(true);
    const VectorLayer *sites = s.layer(QStringLiteral("sites"));
    QVERIFY(sites && sites->isVisible());
    const auto clusters = SiteClusterer::cluster(s, *sites, MapRenderer::clusterRadius(s));
    QVERIFY(!clusters.isEmpty());

    auto radiusOf = [&](const SiteCluster &c) {
        return c.isSingle() ? sites->style().pointSize / 2 + 2
                            : SiteClusterer::badgeRadius(static_cast<int>(c.features.size()));
    };
    // Symbols that overlap another are ambiguous by nature: test clear ones.
    auto isClear = [&](int i) {
        for (int j = 0; j < clusters.size(); ++j) {
            const QPointF d = clusters[i].position - clusters[j].position;
            if (j != i && std::hypot(d.x(), d.y()) < radiusOf(clusters[i]) + radiusOf(clusters[j]))
                return false;
        }
        return true;
    };
    int singles = 0, badges = 0;
    for (int i = 0; i < clusters.size(); ++i) {
        if (!isClear(i))
            continue;
        const SiteCluster &c = clusters[i];
        // Off centre but inside the symbol still counts.
        const QPointF pixel = c.position + QPointF(radiusOf(c) * 0.5, 0);
        const MapHit hit = MapHitTester::hitTest(s, pixel);
        QCOMPARE(hit.layerId, QStringLiteral("sites"));
        if (c.isSingle()) {
            QVERIFY(!hit.isCluster());
            QCOMPARE(hit.feature, c.features.front());
            ++singles;
        } else {
            QVERIFY(hit.isCluster());
            auto want = c.features, got = hit.cluster;
            std::sort(want.begin(), want.end());
            std::sort(got.begin(), got.end());
            QVERIFY(want == got);
            ++badges;
        }
    }
    QVERIFY2(singles > 0 && badges > 0,
        qPrintable(QStringLiteral("%1 singles, %2 badges").arg(singles).arg(badges)));
}

void TestMapHitTest::clickInWindowSelectsCounty_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("湄潭县") << QStringLiteral("520328");
    QTest::newRow("南明区") << QStringLiteral("520102");
    QTest::newRow("盘州市") << QStringLiteral("520281");
    QTest::newRow("从江县") << QStringLiteral("522633");
}

// In the real window: a mouse click on a county fills the info panel with that county.
void TestMapHitTest::clickInWindowSelectsCounty()
{
    QFETCH(QString, code);
    MapCanvas *canvas = mWindow->canvas();
    mWindow->layers()->setLayerVisible(QStringLiteral("sites"), false);
    const auto counties = mWindow->layers()->layer(QStringLiteral("counties"));
    int f = -1;
    for (int i = 0; i < counties->featureCount(); ++i)
        f = counties->table().text(i, QStringLiteral("code")) == code ? i : f;
    QVERIFY(f >= 0);

    canvas->clearSelection();
    QVERIFY(mWindow->infoPanel()->rows().isEmpty());
    const QPointF pixel = canvas->currentSettings().toPixel(counties->projected()->anchor(f));
    QVERIFY(canvas->rect().contains(pixel.toPoint()));
    QTest::mouseClick(canvas, Qt::LeftButton, {}, pixel.toPoint());

    QCOMPARE(canvas->selection().layerId, QStringLiteral("counties"));
    QCOMPARE(canvas->selection().feature, f);
    bool codeShown = false, nameShown = false;
    for (const auto &[label, value] : mWindow->infoPanel()->rows()) {
        codeShown = codeShown || value == code;
        nameShown = nameShown || value == counties->table().text(f, QStringLiteral("name"));
    }
    QVERIFY(codeShown);
    QVERIFY(nameShown);
}

QTEST_MAIN(TestMapHitTest)
#include "tst_maphittest.moc"
