// County names on the map: never on top of each other, never cut off, most of them shown.
#include "testsupport.h"

#include "alertmarkers.h"
#include "labelplacer.h"
#include "layerstack.h"
#include "mapdecorations.h"
#include "maprenderer.h"
#include "mapsettings.h"

#include <QFont>
#include <QSet>
#include <QtTest>

using namespace dv;

namespace {

// Overlap with positive area; rectangles that merely touch do not collide.
bool overlaps(const QRectF &a, const QRectF &b)
{
    return std::min(a.right(), b.right()) - std::max(a.left(), b.left()) > 1e-9
        && std::min(a.bottom(), b.bottom()) - std::max(a.top(), b.top()) > 1e-9;
}

QString describe(const PlacedLabel &l)
{
    return QStringLiteral("%1 [%2,%3 %4x%5]")
        .arg(l.text)
        .arg(l.rect.x())
        .arg(l.rect.y())
        .arg(l.rect.width())
        .arg(l.rect.height());
}

QFontMetricsF labelMetrics()
{
    QFont font;
    font.setPointSizeF(9.5);
    return QFontMetricsF(font);
}

} // namespace

class TestLabels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void labelsNeverOverlap_data();
    void labelsNeverOverlap();
    void mostCountiesNamedAt1080p();
    void namesBadgesAndRingsKeepApart_data();
    void namesBadgesAndRingsKeepApart();
    void placerTriesOtherPositions();
    void placerRespectsBoundsAndBlockedAreas();
    void placerAvoidsSymbolsWhenItCan();
    void placerGivesUpWhenEverythingCollides();

private:
    LayerStack mStack;
};

void TestLabels::initTestCase()
{
    const QString error = dvtest::loadProvinceInto(mStack);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestLabels::cleanupTestCase()
{
}

void TestLabels::labelsNeverOverlap_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("zoom"); // > 1 zooms in at the centre
    QTest::addColumn<bool>("sites");
    QTest::newRow("640x480") << QSize(640, 480) << 1.0 << true;
    QTest::newRow("1600x1000") << QSize(1600, 1000) << 1.0 << true;
    QTest::newRow("1920x1080") << QSize(1920, 1080) << 1.0 << true;
    QTest::newRow("1920x1080 without sites") << QSize(1920, 1080) << 1.0 << false;
    QTest::newRow("3840x2160") << QSize(3840, 2160) << 1.0 << true;
    QTest::newRow("1600x1000 zoomed in 4x") << QSize(1600, 1000) << 4.0 << true;
    QTest::newRow("800x600 zoomed in 16x") << QSize(800, 600) << 16.0 << true;
}

// Whatever the window or wall size, every placed name is fully inside the map, clear of the
// scale bar, note, north arrow and legend, and of every other name.
void TestLabels::labelsNeverOverlap()
{
    QFETCH(QSize, size);
    QFETCH(double, zoom);
    QFETCH(bool, sites);
    mStack.setLayerVisible(QStringLiteral("sites"), sites);
    MapSettings s = MapSettings::home(mStack, size, 1.0, MapDecorations::defaultNote());
    s.zoomAt(zoom, QPointF(size.width() / 2.0, size.height() / 2.0));
    QVERIFY(s.labelsEnabled());
    RenderResult result;
    const QImage image = MapRenderer::renderImage(s, &result);
    QCOMPARE(image.size(), size);
    const auto &labels = result.labels;
    QVERIFY2(!labels.isEmpty(), "no labels placed");
    const QRectF bounds(QPointF(0, 0), QSizeF(size));
    const QVector<QRectF> decorations = MapDecorations::areas(s);
    for (int i = 0; i < labels.size(); ++i) {
        QVERIFY2(bounds.contains(labels[i].rect), qPrintable(describe(labels[i])));
        QVERIFY(!labels[i].text.isEmpty());
        QVERIFY(labels[i].rect.width() > 0 && labels[i].rect.height() > 0);
        for (const QRectF &d : decorations)
            QVERIFY2(!overlaps(labels[i].rect, d), qPrintable(describe(labels[i])));
        for (int j = i + 1; j < labels.size(); ++j)
            QVERIFY2(!overlaps(labels[i].rect, labels[j].rect),
                qPrintable(
                    describe(labels[i]) + QStringLiteral(" overlaps ") + describe(labels[j])));
    }
    // Each county is named at most once.
    QSet<QString> texts;
    for (const PlacedLabel &l : labels)
        texts.insert(l.text);
    QCOMPARE(texts.size(), labels.size());
    qInfo("%d x %d, zoom %g, sites %s: %d labels", size.width(), size.height(), zoom,
        sites ? "on" : "off", int(labels.size()));
    mStack.setLayerVisible(QStringLiteral("sites"), true);
}

// The full-HD wall view names most counties: measured 78 of 88 with the sites shown, names
// stepping round the cluster badges (86 when names could lie on the badges; all 88 without
// sites); a little slack for font differences.
void TestLabels::mostCountiesNamedAt1080p()
{
    MapSettings s
        = MapSettings::home(mStack, QSize(1920, 1080), 1.0, MapDecorations::defaultNote());
    RenderResult result;
    MapRenderer::renderImage(s, &result);
    const auto counties = mStack.layer(QStringLiteral("counties"));
    QSet<QString> countyNames;
    for (int f = 0; f < counties->featureCount(); ++f)
        countyNames.insert(counties->table().text(f, QStringLiteral("name")));
    int named = 0;
    for (const PlacedLabel &l : result.labels)
        named += countyNames.contains(l.text) ? 1 : 0;
    qInfo("county names placed at 1920x1080: %d of %d", named, int(countyNames.size()));
    QVERIFY2(named >= 75, qPrintable(QString::number(named)));
}

void TestLabels::namesBadgesAndRingsKeepApart_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<qreal>("dpr");
    QTest::addColumn<int>("minNamed"); // measured 75 and 43 of 88, less slack for fonts
    QTest::newRow("wall 1920x1080") << QSize(1920, 1080) << qreal(1.0) << 70;
    QTest::newRow("desk map 1250x760") << QSize(1250, 760) << qreal(1.0) << 38;
    QTest::newRow("desk map at 2x") << QSize(1250, 760) << qreal(2.0) << 38;
}

// A bad day at province zoom: alerts in every county and at one site in seven. No county name
// lies on a cluster badge, an alert ring or a county's alert badge; the badges keep off the
// rings, the cluster badges and each other; a badge is at least 16 pixels high (it was about
// 10, under the names); and most names and badges are still shown.
void TestLabels::namesBadgesAndRingsKeepApart()
{
    QFETCH(QSize, size);
    QFETCH(qreal, dpr);
    QFETCH(int, minNamed);
    const auto counties = mStack.layer(QStringLiteral("counties"));
    const auto sites = mStack.layer(QStringLiteral("sites"));
    AlertMarkers markers;
    QVector<AlertMarkers::County> countyMarkers;
    for (int f = 0; f < counties->featureCount(); ++f)
        countyMarkers.append({ f, 1 + f % 12, f % 3 == 0 });
    markers.setCounties(countyMarkers);
    QVector<AlertMarkers::Site> siteMarkers;
    for (int f = 0; f < sites->featureCount(); f += 7)
        siteMarkers.append({ f, f % 2 == 0 });
    markers.setSites(siteMarkers);
    MapSettings s = MapSettings::home(mStack, size, dpr, MapDecorations::defaultNote());
    s.setAlertMarkers(markers);
    RenderResult result;
    MapRenderer::renderImage(s, &result);

    QVERIFY(!result.clusterBadges.isEmpty());
    QVERIFY(!result.alertRings.isEmpty());
    QVector<QRectF> badges;
    for (const AlertMarkers::CountyBadge &b : result.countyBadges) {
        QVERIFY2(b.rect.height() >= 16, qPrintable(QString::number(b.rect.height())));
        badges << b.rect;
    }
    auto rectText = [](const QRectF &r) {
        return QStringLiteral("[%1,%2 %3x%4]").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
    };
    for (const PlacedLabel &l : result.labels) {
        for (const QVector<QRectF> *others :
            { &result.clusterBadges, &result.alertRings, &badges }) {
            for (const QRectF &r : *others)
                QVERIFY2(!overlaps(l.rect, r),
                    qPrintable(describe(l) + QStringLiteral(" covers ") + rectText(r)));
        }
    }
    for (int i = 0; i < badges.size(); ++i) {
        for (const QVector<QRectF> *others : { &result.clusterBadges, &result.alertRings }) {
            for (const QRectF &r : *others)
                QVERIFY2(!overlaps(badges[i], r),
                    qPrintable(rectText(badges[i]) + QStringLiteral(" covers ") + rectText(r)));
        }
        for (int j = i + 1; j < badges.size(); ++j)
            QVERIFY(!overlaps(badges[i], badges[j]));
    }
    // Names and badges go by priority: most are shown, the rest dropped rather than stacked.
    int named = 0;
    for (const PlacedLabel &l : result.labels)
        named += l.layerId == counties->id();
    qInfo("%dx%d@%gx: %d of %d counties named, %d of %d alert badges, %d cluster badges, %d rings",
        size.width(), size.height(), dpr, named, counties->featureCount(), int(badges.size()),
        int(countyMarkers.size()), int(result.clusterBadges.size()), int(result.alertRings.size()));
    QVERIFY2(named >= minNamed, qPrintable(QString::number(named)));
    QVERIFY2(badges.size() >= countyMarkers.size() / 2, qPrintable(QString::number(badges.size())));
}

// Two names at the same spot: the second moves to one of the other positions.
void TestLabels::placerTriesOtherPositions()
{
    const QFontMetricsF fm = labelMetrics();
    LabelPlacer placer(QRectF(0, 0, 400, 300));
    QVERIFY(placer.place(QStringLiteral("湄潭县"), QPointF(200, 150), fm));
    QVERIFY(placer.place(QStringLiteral("凤冈县"), QPointF(200, 150), fm));
    QVERIFY(placer.place(QStringLiteral("余庆县"), QPointF(200, 150), fm));
    QCOMPARE(placer.placed().size(), 3);
    const auto &p = placer.placed();
    // The first sits centred on its anchor.
    QVERIFY(std::abs(p[0].rect.center().x() - 200) < 1e-6
        && std::abs(p[0].rect.center().y() - 150) < 1e-6);
    for (int i = 0; i < 3; ++i)
        for (int j = i + 1; j < 3; ++j)
            QVERIFY(!overlaps(p[i].rect, p[j].rect));
    // The second goes above (first alternative), the third below.
    QVERIFY(p[1].rect.bottom() <= p[0].rect.top() + 1e-6);
    QVERIFY(p[2].rect.top() >= p[0].rect.bottom() - 1e-6);
    QVERIFY(p[0].rect.width() > fm.horizontalAdvance(QStringLiteral("湄潭县")));
}

// Near the edge a name moves inward rather than being cut; it never covers the legend.
void TestLabels::placerRespectsBoundsAndBlockedAreas()
{
    const QFontMetricsF fm = labelMetrics();
    LabelPlacer placer(QRectF(0, 0, 400, 300));
    // Anchor at the left edge: centred would stick out, so it goes to the right of the anchor.
    QVERIFY(placer.place(QStringLiteral("威宁彝族回族苗族自治县"), QPointF(2, 150), fm));
    QVERIFY(QRectF(0, 0, 400, 300).contains(placer.placed().last().rect));
    QVERIFY(placer.placed().last().rect.left() > 2);

    // A blocked area (e.g. the legend) is never covered, even if that means no label.
    LabelPlacer blocked(QRectF(0, 0, 400, 300));
    blocked.block(QRectF(0, 0, 400, 300));
    QVERIFY(!blocked.place(QStringLiteral("湄潭县"), QPointF(200, 150), fm));
    QVERIFY(blocked.placed().isEmpty());

    LabelPlacer partly(QRectF(0, 0, 400, 300));
    const QRectF legend(185, 140, 30, 20);
    partly.block(legend);
    QVERIFY(partly.place(QStringLiteral("湄潭县"), QPointF(200, 150), fm));
    QVERIFY(!overlaps(partly.placed().last().rect, legend));

    // Anchor outside the bounds entirely, far away: nothing fits.
    LabelPlacer outside(QRectF(0, 0, 400, 300));
    QVERIFY(!outside.place(QStringLiteral("湄潭县"), QPointF(-500, -500), fm));
}

// Site symbols are avoided when another position is free, but do not cost a county its name.
void TestLabels::placerAvoidsSymbolsWhenItCan()
{
    const QFontMetricsF fm = labelMetrics();
    LabelPlacer placer(QRectF(0, 0, 400, 300));
    const QRectF symbol(190, 140, 22, 22);
    placer.avoid(symbol);
    QVERIFY(placer.place(QStringLiteral("湄潭县"), QPointF(200, 150), fm));
    QVERIFY(!overlaps(placer.placed().last().rect, symbol));

    LabelPlacer crowded(QRectF(0, 0, 400, 300));
    crowded.avoid(QRectF(0, 0, 400, 300)); // symbols everywhere
    QVERIFY(crowded.place(QStringLiteral("湄潭县"), QPointF(200, 150), fm));
    QCOMPARE(crowded.placed().last().rect.center(), QPointF(200, 150));
}

// When every position collides with names already placed, the label is dropped, not stacked.
void TestLabels::placerGivesUpWhenEverythingCollides()
{
    const QFontMetricsF fm = labelMetrics();
    LabelPlacer placer(QRectF(0, 0, 400, 300));
    // Fifty names for one spot: only as many as there are free positions around it fit (17 at
    // most: the centre, 8 near and 8 farther out).
    int placedCount = 0;
    for (int i = 0; i < 50; ++i)
        placedCount += placer.place(QStringLiteral("县%1").arg(i), QPointF(200, 150), fm) ? 1 : 0;
    QVERIFY2(placedCount >= 3 && placedCount <= 17, qPrintable(QString::number(placedCount)));
    QCOMPARE(placer.placed().size(), placedCount);
    for (int i = 0; i < placer.placed().size(); ++i)
        for (int j = i + 1; j < placer.placed().size(); ++j)
            QVERIFY(!overlaps(placer.placed()[i].rect, placer.placed()[j].rect));
}

QTEST_MAIN(TestLabels)
#include "tst_labels.moc"
