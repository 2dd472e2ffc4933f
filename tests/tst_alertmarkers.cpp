// Alert markers: built from alert records, painted by MapRenderer into every still map, and
// pulsed by the canvas over its frame without re-rendering it.
#include "testsupport.h"

#include "alertmarkers.h"
#include "alertrecord.h"
#include "layerstack.h"
#include "mapcanvas.h"
#include "mapdecorations.h"
#include "maprenderer.h"
#include "mapsettings.h"
#include "projectedgeometry.h"

#include <QPainter>
#include <QPicture>
#include <QSignalSpy>
#include <QtTest>

using namespace dv;

namespace {

AlertRecord alert(quint64 episode, const QString &key, bool critical, AlertRecord::State state)
{
    AlertRecord a;
    a.episode = episode;
    a.deviceKey = key;
    a.critical = critical;
    a.state = state;
    return a;
}

// The critical red (0xd32f2f) and nothing else on the bundled map: the pig farms' orange
// (0xd55e00) and the choropleth's classes have far more green.
bool isCriticalRed(const QColor &c)
{
    return c.red() > 180 && c.green() < 70 && c.blue() < 70;
}

// Pixels of the critical red within radius (logical pixels) of centre.
int redAround(const QImage &image, const QPointF &centre, int radius)
{
    const qreal dpr = image.devicePixelRatio();
    int red = 0;
    for (int dy = -radius; dy <= radius; ++dy) {
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint p(qRound((centre.x() + dx) * dpr), qRound((centre.y() + dy) * dpr));
            if (image.rect().contains(p) && isCriticalRed(image.pixelColor(p)))
                ++red;
        }
    }
    return red;
}

} // namespace

class TestAlertMarkers : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void buildsFromOpenAlerts();
    void missingLayersOrFieldsGiveNoMarkers();
    void settingsCarryMarkersCheaply();
    void rendererPaintsRing_data();
    void rendererPaintsRing();
    void markersKeepOffDecorations();
    void stampedRingsLookLikeVectors();
    void canvasPulsesOverItsFrame();

private:
    int feature(const QString &layerId, const QString &field, const QString &value) const;
    const VectorLayer *layer(const QString &id) const { return mStack.layer(id).get(); }

    LayerStack mStack;
    int mSite = -1; // P0006, a pig farm in 盘州市
    int mOtherSite = -1; // T0001
    int mCounty = -1; // 520281, 盘州市
};

void TestAlertMarkers::initTestCase()
{
    const QString error = dvtest::loadProvinceInto(mStack);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    mSite = feature(QStringLiteral("sites"), QStringLiteral("site_id"), QStringLiteral("P0006"));
    mOtherSite
        = feature(QStringLiteral("sites"), QStringLiteral("site_id"), QStringLiteral("T0001"));
    mCounty = feature(QStringLiteral("counties"), QStringLiteral("code"), QStringLiteral("520281"));
    QVERIFY(mSite >= 0 && mOtherSite >= 0 && mCounty >= 0);
}

int TestAlertMarkers::feature(
    const QString &layerId, const QString &field, const QString &value) const
{
    const VectorLayer *l = layer(layerId);
    for (int f = 0; l && f < l->featureCount(); ++f) {
        if (l->table().text(f, field) == value)
            return f;
    }
    return -1;
}

// Open alerts only; a site is critical if any of its open alerts is; a county counts all its
// open alerts; alerts of unknown sites still count for their county.
void TestAlertMarkers::buildsFromOpenAlerts()
{
    const QString otherCounty
        = layer(QStringLiteral("sites"))->table().text(mOtherSite, QStringLiteral("county_code"));
    const int otherCountyFeature
        = feature(QStringLiteral("counties"), QStringLiteral("code"), otherCounty);
    QVERIFY(otherCountyFeature >= 0 && otherCountyFeature != mCounty);
    const std::vector<AlertRecord> alerts {
        alert(1, QStringLiteral("520281/P0006/tag-0004"), false, AlertRecord::Active),
        alert(2, QStringLiteral("520281/P0006/tag-0005"), true, AlertRecord::Acknowledged),
        alert(3, QStringLiteral("520281/P9999/tag-0001"), false, AlertRecord::Active),
        alert(4, otherCounty + QStringLiteral("/T0001/station-1"), false, AlertRecord::Active),
        alert(5, otherCounty + QStringLiteral("/T0001/station-2"), true, AlertRecord::Resolved),
        alert(6, QStringLiteral("520281/P0006/tag-0006"), true, AlertRecord::Pending),
        alert(7, QStringLiteral("999999/X0001/dev"), true, AlertRecord::Active),
    };
    const AlertMarkers m = AlertMarkers::fromAlerts(
        alerts, layer(QStringLiteral("sites")), layer(QStringLiteral("counties")));

    QMap<int, bool> sites;
    for (const AlertMarkers::Site &s : m.sites())
        sites.insert(s.feature, s.critical);
    QCOMPARE(m.sites().size(), 2);
    QCOMPARE(sites.value(mSite, false), true); // the acknowledged critical one
    QVERIFY(sites.contains(mOtherSite));
    QCOMPARE(sites.value(mOtherSite, true), false); // its critical alert is resolved

    QMap<int, AlertMarkers::County> counties;
    for (const AlertMarkers::County &c : m.counties())
        counties.insert(c.feature, c);
    QCOMPARE(m.counties().size(), 2);
    QCOMPARE(counties.value(mCounty).count, 3);
    QCOMPARE(counties.value(mCounty).critical, true);
    QCOMPARE(counties.value(otherCountyFeature).count, 1);
    QCOMPARE(counties.value(otherCountyFeature).critical, false);

    // The same alerts in another order give the same markers: nothing depends on hashing.
    std::vector<AlertRecord> reversed(alerts.rbegin(), alerts.rend());
    QVERIFY(AlertMarkers::fromAlerts(
                reversed, layer(QStringLiteral("sites")), layer(QStringLiteral("counties")))
        == m);
    QVERIFY(AlertMarkers::fromAlerts(
        {}, layer(QStringLiteral("sites")), layer(QStringLiteral("counties")))
                .isEmpty());
}

void TestAlertMarkers::missingLayersOrFieldsGiveNoMarkers()
{
    const std::vector<AlertRecord> alerts {
        alert(1, QStringLiteral("520281/P0006/tag-0004"), true, AlertRecord::Active),
    };
    const AlertMarkers none = AlertMarkers::fromAlerts(alerts, nullptr, nullptr);
    QVERIFY(none.isEmpty());
    // The counties layer has no "site_id": nothing matches, nothing crashes.
    const AlertMarkers wrong = AlertMarkers::fromAlerts(
        alerts, layer(QStringLiteral("counties")), layer(QStringLiteral("sites")));
    QVERIFY(wrong.isEmpty());
    const AlertMarkers sitesOnly
        = AlertMarkers::fromAlerts(alerts, layer(QStringLiteral("sites")), nullptr);
    QCOMPARE(sitesOnly.sites().size(), 1);
    QVERIFY(sitesOnly.counties().isEmpty());
}

// A copy of settings shares the markers (render jobs copy settings for every frame); empty
// markers mean none.
void TestAlertMarkers::settingsCarryMarkersCheaply()
{
    MapSettings s;
    QVERIFY(!s.alertMarkers());
    AlertMarkers m;
    m.setSites({ { mSite, true } });
    s.setAlertMarkers(m);
    QVERIFY(s.alertMarkers());
    const MapSettings copy = s;
    QCOMPARE(copy.alertMarkers(), s.alertMarkers());
    QVERIFY(*copy.alertMarkers() == m);
    s.setAlertMarkers(AlertMarkers());
    QVERIFY(!s.alertMarkers());
    QVERIFY(copy.alertMarkers()); // the copy keeps its own
}

void TestAlertMarkers::rendererPaintsRing_data()
{
    QTest::addColumn<qreal>("dpr");
    QTest::newRow("1x") << qreal(1.0);
    QTest::newRow("2x") << qreal(2.0);
}

// A still map (PNG, PDF) shows the ring: red around the site, none without markers, and the
// county's count badge beside its name.
void TestAlertMarkers::rendererPaintsRing()
{
    QFETCH(qreal, dpr);
    MapSettings s = MapSettings::home(mStack, QSize(1000, 700), dpr, QStringLiteral("示意图"));
    const QPointF site = s.toPixel(layer(QStringLiteral("sites"))->projected()->anchor(mSite));
    const QPointF county
        = s.toPixel(layer(QStringLiteral("counties"))->projected()->anchor(mCounty));
    QVERIFY(QRectF(20, 20, 960, 660).contains(site));
    const MapSettings plainSettings = s;
    const QImage plain = MapRenderer::renderImage(s);
    AlertMarkers m;
    m.setSites({ { mSite, true } });
    m.setCounties({ { mCounty, 3, true } });
    s.setAlertMarkers(m);
    RenderResult result;
    const QImage marked = MapRenderer::renderImage(s, &result);
    QCOMPARE(marked.size(), QSize(1000, 700) * dpr);

    const int before = redAround(plain, site, 18);
    const int after = redAround(marked, site, 18);
    qInfo("red pixels around the site: %d without markers, %d with", before, after);
    QVERIFY2(after > before + 40, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    // A ring, not a dot: the site's own symbol in the middle is left as it was.
    QCOMPARE(redAround(marked, site, 3), redAround(plain, site, 3));
    // The badge sits by the county's name (above its end), off the name itself.
    QCOMPARE(result.countyBadges.size(), 1);
    const QRectF badge = result.countyBadges.first().rect;
    QVERIFY2((badge.center() - county).manhattanLength() < 60,
        qPrintable(QStringLiteral("%1,%2").arg(badge.center().x()).arg(badge.center().y())));
    for (const PlacedLabel &l : result.labels)
        QVERIFY(!l.rect.intersects(badge));
    const int badgeBefore = redAround(plain, badge.center(), 6);
    const int badgeAfter = redAround(marked, badge.center(), 6);
    QVERIFY2(badgeAfter > badgeBefore + 20,
        qPrintable(QStringLiteral("%1 -> %2").arg(badgeBefore).arg(badgeAfter)));
    // Same through the QPainter entry point that PDF reports use.
    auto paint = [](const MapSettings &settings) {
        QImage image(settings.outputSize(), QImage::Format_ARGB32_Premultiplied);
        QPainter p(&image);
        MapRenderer::render(p, settings);
        return image;
    };
    QVERIFY(redAround(paint(s), site, 18) > redAround(paint(plainSettings), site, 18) + 40);
}

// The scale bar, legends and note stay readable: a marker under one is not painted over it.
void TestAlertMarkers::markersKeepOffDecorations()
{
    MapSettings s = MapSettings::home(mStack, QSize(1000, 700), 1.0, QStringLiteral("示意图"));
    // Put the site under the middle of the site legend (top left).
    QRectF legend;
    for (const QRectF &r : MapDecorations::areas(s)) {
        if (r.top() < 30 && r.left() < 30)
            legend = r;
    }
    QVERIFY(!legend.isNull());
    const QPointF anchor = layer(QStringLiteral("sites"))->projected()->anchor(mSite);
    s.setCenter(s.center() + (anchor - s.toMap(legend.center())));
    QVERIFY((s.toPixel(anchor) - legend.center()).manhattanLength() < 1.0);
    const QImage plain = MapRenderer::renderImage(s);
    AlertMarkers m;
    m.setSites({ { mSite, true } });
    s.setAlertMarkers(m);
    const QImage marked = MapRenderer::renderImage(s);
    const QRect inside = legend.adjusted(2, 2, -2, -2).toAlignedRect();
    QCOMPARE(marked.copy(inside), plain.copy(inside));
}

// Images and screens get the rings stamped from sprites, PDFs get vectors (here through a
// QPicture, which records vectors like a PDF): the two must look the same.
void TestAlertMarkers::stampedRingsLookLikeVectors()
{
    const MapSettings s = MapSettings::home(mStack, QSize(600, 400), 1.0, QString());
    AlertMarkers m;
    m.setSites({ { mSite, true }, { mOtherSite, false } });
    QImage stamped(s.outputSize(), QImage::Format_ARGB32_Premultiplied);
    stamped.fill(Qt::white);
    {
        QPainter p(&stamped);
        m.paint(p, s, AlertMarkers::kStillPhase, {});
    }
    QPicture picture;
    {
        QPainter p(&picture);
        m.paint(p, s, AlertMarkers::kStillPhase, {});
    }
    QImage vectors(s.outputSize(), QImage::Format_ARGB32_Premultiplied);
    vectors.fill(Qt::white);
    {
        QPainter p(&vectors);
        p.drawPicture(0, 0, picture);
    }
    int inked = 0, differing = 0;
    for (int y = 0; y < stamped.height(); ++y) {
        for (int x = 0; x < stamped.width(); ++x) {
            const QRgb a = stamped.pixel(x, y), b = vectors.pixel(x, y);
            inked += a != qRgb(255, 255, 255) || b != qRgb(255, 255, 255);
            differing += dvtest::channelDiff(a, b) > 96;
        }
    }
    qInfo("%d pixels inked, %d differ clearly", inked, differing);
    QVERIFY(inked > 300);
    QVERIFY2(differing < inked / 10, qPrintable(QString::number(differing)));
}

// The window's canvas: new markers render one frame, which places the names and county badges
// around them but paints none of them; the pulse paints them over the frame, so a pulse never
// re-renders; the export (currentSettings) carries them.
void TestAlertMarkers::canvasPulsesOverItsFrame()
{
    MapCanvas canvas(&mStack);
    canvas.resize(900, 650);
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    canvas.zoomToHome();
    canvas.waitForRender();
    const QPointF site = canvas.currentSettings().toPixel(
        layer(QStringLiteral("sites"))->projected()->anchor(mSite));
    const int before = redAround(canvas.grab().toImage(), site, 18);

    QSignalSpy frames(&canvas, &MapCanvas::frameRendered);
    AlertMarkers m;
    m.setSites({ { mSite, true } });
    canvas.setAlertMarkers(m);
    canvas.waitForRender();
    QCOMPARE(redAround(canvas.currentImage(), site, 18), before);
    frames.clear();
    // A few pulse ticks (100 ms each) repaint the widget and render nothing.
    QTest::qWait(450);
    QCOMPARE(frames.count(), 0);
    const int shown = redAround(canvas.grab().toImage(), site, 18);
    QVERIFY2(shown > before + 30, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(shown)));
    // A new frame (labels off and on again) has no ring of its own: the markers are painted
    // once, over it.
    canvas.setLabelsEnabled(false);
    canvas.setLabelsEnabled(true);
    canvas.waitForRender();
    QVERIFY(frames.count() >= 1);
    QCOMPARE(redAround(canvas.currentImage(), site, 18), before);
    QVERIFY(redAround(canvas.grab().toImage(), site, 18) > before + 30);

    const MapSettings exported = canvas.currentSettings();
    QVERIFY(exported.alertMarkers());
    QVERIFY(*exported.alertMarkers() == m);
    QVERIFY(redAround(MapRenderer::renderImage(exported), site, 18) > before + 30);

    canvas.setAlertMarkers(AlertMarkers());
    QVERIFY(!canvas.currentSettings().alertMarkers());
    QCOMPARE(redAround(canvas.grab().toImage(), site, 18), before);
}

QTEST_MAIN(TestAlertMarkers)
#include "tst_alertmarkers.moc"
