// The province map as users see it, compared with a reviewed control image.
//
// When a change to the map's look is intended: run with DVDASH_UPDATE_CONTROL=1, look at
// tests/data/control/province_800x600.png, and commit it with the change.
#include "testsupport.h"

#include "layerstack.h"
#include "mapdecorations.h"
#include "maprenderer.h"
#include "mapsettings.h"

#include <QDir>
#include <QPainter>
#include <QtTest>

using namespace dv;

namespace {

// Per channel, differences up to this are anti-aliasing and font hinting, not a change.
constexpr int kChannelTolerance = 24;
// Share of pixels allowed beyond that tolerance.
constexpr double kMaxMismatchShare = 0.005;
// The whole-image share lets a small decoration go unnoticed (the north arrow is about 260
// pixels of 480,000), so each decoration is also compared within its own area, where losing it
// changes a large share of pixels.
constexpr double kMaxDecorationMismatchShare = 0.03;
// Decoration ink: the dark grey of the arrow, the scale bar and the legend text.
const QColor kInk(0x33, 0x33, 0x33);
constexpr int kInkTolerance = 70;

struct Decoration {
    QString name;
    QRect area;
    int minInk; // at least this many ink pixels: it is drawn, not just like an empty control
};

// MapDecorations::areas() in its order: scale bar, note, north arrow, then the site legend.
QVector<Decoration> decorationsOf(const MapSettings &s)
{
    const QVector<QRectF> areas = MapDecorations::areas(s);
    const char *names[] = { "scale bar", "note", "north arrow", "legend" };
    const int minInk[] = { 120, 60, 100, 150 };
    QVector<Decoration> out;
    for (int i = 0; i < std::min<int>(areas.size(), 4); ++i)
        out.push_back({ QString::fromLatin1(names[i]), areas[i].toAlignedRect(), minInk[i] });
    return out;
}

int inkPixels(const QImage &image, const QRect &area)
{
    return dvtest::countColor(image.copy(area), kInk, kInkTolerance);
}

// Empty when every decoration is drawn and matches its control area; else what is wrong.
QString decorationProblems(
    const QImage &image, const QImage &control, const QVector<Decoration> &decorations)
{
    QStringList problems;
    for (const Decoration &d : decorations) {
        const QRect area = d.area.intersected(image.rect());
        const dvtest::ControlComparison cmp
            = dvtest::compareWithControl(image.copy(area), control.copy(area), kChannelTolerance);
        const double share = double(cmp.mismatched) / (area.width() * area.height());
        const int ink = inkPixels(image, area);
        qInfo("%s: %d x %d px, %d ink pixels, %.2f %% differ", qPrintable(d.name), area.width(),
            area.height(), ink, share * 100);
        if (share > kMaxDecorationMismatchShare)
            problems << QStringLiteral("%1 differs in %2 % of its area")
                            .arg(d.name)
                            .arg(share * 100, 0, 'f', 1);
        if (ink < d.minInk)
            problems << QStringLiteral("%1 has %2 ink pixels, fewer than %3")
                            .arg(d.name)
                            .arg(ink)
                            .arg(d.minInk);
    }
    return problems.join(QStringLiteral("; "));
}

} // namespace

class TestScreenshot : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void provinceHomeView();
    void lostNorthArrowIsCaught();
    void highDpiKeepsTheLayout();
    void reviewNumberReplacesNote();

private:
    LayerStack mStack;
};

void TestScreenshot::initTestCase()
{
    const QString error = dvtest::loadProvinceInto(mStack);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestScreenshot::cleanupTestCase()
{
}

// The first view of the window at 800x600: counties, prefecture borders, site clusters,
// names, legend, scale bar, north arrow and the 示意图 note, all where they were.
void TestScreenshot::provinceHomeView()
{
    const QString name = QStringLiteral("province_800x600");
    const QString control
        = QStringLiteral(DVDASH_TEST_DATA_DIR "/control/") + name + QStringLiteral(".png");
    const QDir outDir(QStringLiteral(DVDASH_TEST_OUTPUT_DIR));
    const QString rendered = outDir.filePath(name + QStringLiteral(".png"));
    const QString diff = outDir.filePath(name + QStringLiteral("_diff.png"));

    MapSettings s = MapSettings::home(mStack, QSize(800, 600), 1.0, MapDecorations::defaultNote());
    s.setLabelsEnabled(true);
    const QImage image = MapRenderer::renderImage(s).convertToFormat(QImage::Format_ARGB32);
    QVERIFY(QDir().mkpath(outDir.path()));
    QVERIFY(image.save(rendered));

    if (qEnvironmentVariableIntValue("DVDASH_UPDATE_CONTROL") == 1) {
        QVERIFY(QDir().mkpath(QFileInfo(control).absolutePath()));
        QVERIFY(image.convertToFormat(QImage::Format_RGB32).save(control));
        QSKIP(
            qPrintable(QStringLiteral("control image regenerated: %1; look at it before committing")
                           .arg(control)));
    }
    QVERIFY2(QFileInfo::exists(control),
        qPrintable(QStringLiteral("%1 is missing; run with DVDASH_UPDATE_CONTROL=1").arg(control)));
    const QImage expected = QImage(control).convertToFormat(QImage::Format_ARGB32);
    QCOMPARE(image.size(), expected.size());

    const dvtest::ControlComparison cmp
        = dvtest::compareWithControl(image, expected, kChannelTolerance);
    const int mismatched = cmp.mismatched, worst = cmp.worst;
    const QImage &diffImage = cmp.diff;
    const double share = double(mismatched) / (image.width() * image.height());
    qInfo("%d pixels (%.3f %%) differ by more than %d; largest channel difference %d", mismatched,
        share * 100, kChannelTolerance, worst);
    const QString decorations = decorationProblems(image, expected, decorationsOf(s));
    if (share > kMaxMismatchShare || !decorations.isEmpty()) {
        QVERIFY(diffImage.save(diff));
        const QString also = decorations.isEmpty() ? QString() : QStringLiteral("; ") + decorations;
        QFAIL(qPrintable(QStringLiteral("%1 differs from %2 in %3 % of pixels%4; differences: %5")
                             .arg(rendered, control)
                             .arg(share * 100, 0, 'f', 2)
                             .arg(also, diff)));
    }
    QFile::remove(diff);
}

// The case the whole-image share misses: the north arrow erased from an otherwise identical
// image stays under 0.5 % of pixels, and the decoration check names it.
void TestScreenshot::lostNorthArrowIsCaught()
{
    MapSettings s = MapSettings::home(mStack, QSize(800, 600), 1.0, MapDecorations::defaultNote());
    s.setLabelsEnabled(true);
    const QImage control = MapRenderer::renderImage(s).convertToFormat(QImage::Format_ARGB32);
    const QVector<Decoration> decorations = decorationsOf(s);
    QCOMPARE(decorations.size(), 4);
    QCOMPARE(decorationProblems(control, control, decorations), QString());

    QImage erased = control;
    const QRect north = decorations[2].area.intersected(erased.rect());
    const QRgb ground = erased.pixel(north.left(), north.bottom());
    for (int y = north.top(); y <= north.bottom(); ++y) {
        for (int x = north.left(); x <= north.right(); ++x)
            erased.setPixel(x, y, ground);
    }
    const dvtest::ControlComparison whole
        = dvtest::compareWithControl(erased, control, kChannelTolerance);
    const double share = double(whole.mismatched) / (control.width() * control.height());
    QVERIFY2(share < kMaxMismatchShare, qPrintable(QString::number(share)));
    const QString problems = decorationProblems(erased, control, decorations);
    QVERIFY2(problems.contains(QLatin1String("north arrow differs")), qPrintable(problems));
    QVERIFY2(problems.contains(QLatin1String("north arrow has")), qPrintable(problems));
    QVERIFY2(!problems.contains(QLatin1String("scale bar")), qPrintable(problems));
}

// On a 200 % screen the image has twice the pixels but the same layout: the counties cover
// the same share of it, the scale bar stays the same logical length.
void TestScreenshot::highDpiKeepsTheLayout()
{
    const QString note = MapDecorations::defaultNote();
    const QImage normal
        = MapRenderer::renderImage(MapSettings::home(mStack, QSize(800, 600), 1.0, note));
    const QImage sharp
        = MapRenderer::renderImage(MapSettings::home(mStack, QSize(800, 600), 2.0, note));
    QCOMPARE(sharp.size(), QSize(1600, 1200));
    QCOMPARE(sharp.devicePixelRatio(), 2.0);
    const QColor fill = LayerStyle::counties().fillColor;
    const double normalShare = dvtest::countColor(normal, fill, 3) / double(800 * 600);
    const double sharpShare = dvtest::countColor(sharp, fill, 3) / double(1600 * 1200);
    qInfo(
        "county fill covers %.1f %% at 1x and %.1f %% at 2x", normalShare * 100, sharpShare * 100);
    QVERIFY(normalShare > 0.15);
    QVERIFY2(std::abs(sharpShare - normalShare) < 0.03,
        qPrintable(QStringLiteral("%1 vs %2").arg(sharpShare).arg(normalShare)));
}

// An office with official boundaries enters its 审图号; it replaces the 示意图 note.
void TestScreenshot::reviewNumberReplacesNote()
{
    MapSettings s = MapSettings::home(mStack, QSize(800, 600), 1.0, MapDecorations::defaultNote());
    const QRectF schematicNote = MapDecorations::areas(s).at(1);
    s.setMapNote(QStringLiteral("审图号：GS(2024)1234号"));
    const QRectF reviewNote = MapDecorations::areas(s).at(1);
    QVERIFY(schematicNote.width() != reviewNote.width());
    const QImage a = MapRenderer::renderImage(s);
    s.setMapNote(MapDecorations::defaultNote());
    const QImage b = MapRenderer::renderImage(s);
    QVERIFY(a != b);
}

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
