// The indicator choropleth: classes and legend texts, county colours, the no-data hatch, the
// legend on the map, and the panel that chooses indicator, classes, palette and year.
#include "testsupport.h"

#include "choroplethcontrols.h"
#include "choroplethstyle.h"
#include "colorramp.h"
#include "layerstack.h"
#include "mapdecorations.h"
#include "maprenderer.h"
#include "mapsettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace dv;

namespace {

QStringList codes(int n)
{
    QStringList out;
    for (int i = 1; i <= n; ++i)
        out << QStringLiteral("c%1").arg(i);
    return out;
}

// Pixels within tolerance of colour in the square of `radius` logical pixels around centre.
int countNear(const QImage &image, QPointF centre, int radius, QColor colour, int tolerance)
{
    const qreal dpr = image.devicePixelRatio();
    const QImage img = image.convertToFormat(QImage::Format_ARGB32);
    int n = 0;
    const int cx = int(centre.x() * dpr), cy = int(centre.y() * dpr), r = int(radius * dpr);
    for (int y = std::max(0, cy - r); y <= std::min(img.height() - 1, cy + r); ++y)
        for (int x = std::max(0, cx - r); x <= std::min(img.width() - 1, cx + r); ++x)
            n += dvtest::channelDiff(img.pixel(x, y), colour.rgba()) <= tolerance ? 1 : 0;
    return n;
}

int countIn(const QImage &image, const QRectF &logical, QColor colour, int tolerance)
{
    return countNear(image, logical.center(),
        int(std::ceil(std::max(logical.width(), logical.height()) / 2)), colour, tolerance);
}

} // namespace

class TestChoropleth : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void legendRows_data();
    void legendRows();
    void coloursFollowClasses();
    void paletteAndReversal();
    void noDataIsHatched_data();
    void noDataIsHatched();
    void legendKeepsClearOfDecorations_data();
    void legendKeepsClearOfDecorations();
    void professionalExport();
    void controlsEmitStyle();
    void playAdvancesYears();
    void controlsWaitForValues();
    void classesOverAllYears();
    void playUsesClassesOverAllYears();
    void mapNoteInTheUsersLanguage();

private:
    MapSettings provinceSettings(QSize size, qreal dpr, bool sites) const;
    const VectorLayer *counties(const MapSettings &s) const;

    LayerStack mStack;
};

void TestChoropleth::initTestCase()
{
    const QString error = dvtest::loadProvinceInto(mStack);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

MapSettings TestChoropleth::provinceSettings(QSize size, qreal dpr, bool sites) const
{
    MapSettings s = MapSettings::home(mStack, size, dpr, MapDecorations::defaultNote());
    std::vector<VectorLayer> layers = s.layers();
    for (VectorLayer &l : layers) {
        if (l.role() == LayerRole::Sites)
            l.setVisible(sites);
    }
    s.setLayers(layers);
    return s;
}

const VectorLayer *TestChoropleth::counties(const MapSettings &s) const
{
    for (const VectorLayer &l : s.layers()) {
        if (l.role() == LayerRole::Counties)
            return &l;
    }
    return nullptr;
}

void TestChoropleth::legendRows_data()
{
    QTest::addColumn<QVector<double>>("values");
    QTest::addColumn<int>("method");
    QTest::addColumn<int>("classes");
    QTest::addColumn<int>("countyCount"); // counties on the map; those beyond values lack data
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<QVector<int>>("counts");

    // Equal interval over 1..10: bounds 1, 4, 7, 10, closed above.
    QTest::newRow("equal interval, one county without data")
        << QVector<double> { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }
        << int(ClassBreaks::Method::EqualInterval) << 3 << 11
        << QStringList { QStringLiteral("1 – 4 %"), QStringLiteral("> 4 – 7 %"),
               QStringLiteral("> 7 – 10 %"), QStringLiteral("No data (1 county)") }
        << QVector<int> { 4, 3, 3, 1 };
    // Natural breaks put each lone value in a class of its own: one number, not a range.
    QTest::newRow("natural breaks, single-value classes")
        << QVector<double> { 5, 5, 5, 20, 30, 31 } << int(ClassBreaks::Method::NaturalBreaks) << 3
        << 8
        << QStringList { QStringLiteral("5 %"), QStringLiteral("20 %"),
               QStringLiteral("> 20 – 31 %"), QStringLiteral("No data (2 counties)") }
        << QVector<int> { 3, 1, 2, 2 };
    QTest::newRow("quantile, all with data")
        << QVector<double> { 10, 20, 30, 40, 50 } << int(ClassBreaks::Method::Quantile) << 4 << 5
        << QStringList { QStringLiteral("10 – 20 %"), QStringLiteral("30 %"),
               QStringLiteral("40 %"), QStringLiteral("50 %") }
        << QVector<int> { 2, 1, 1, 1 };
    // Equal intervals are about their widths: ranges even for an empty or one-value class.
    QTest::newRow("equal interval, empty and one-value classes")
        << QVector<double> { 0, 1, 10 } << int(ClassBreaks::Method::EqualInterval) << 3 << 3
        << QStringList { QStringLiteral("0 – 3 %"), QStringLiteral("> 3 – 7 %"),
               QStringLiteral("> 7 – 10 %") }
        << QVector<int> { 2, 0, 1 };
}

void TestChoropleth::legendRows()
{
    QFETCH(QVector<double>, values);
    QFETCH(int, method);
    QFETCH(int, classes);
    QFETCH(int, countyCount);
    QFETCH(QStringList, texts);
    QFETCH(QVector<int>, counts);

    ChoroplethStyle style;
    style.setTitle(QStringLiteral("Broadband"));
    style.setUnit(QStringLiteral("%"));
    style.setDecimals(0);
    style.setMethod(ClassBreaks::Method(method));
    style.setClassCount(classes);
    const QStringList all = codes(countyCount);
    QHash<QString, double> byCode;
    for (int i = 0; i < values.size(); ++i)
        byCode.insert(all[i], values[i]);
    byCode.insert(QStringLiteral("not-a-county"), 1e9); // ignored: not on the map
    style.setValues(byCode);
    style.setCountyCodes(all);

    const auto rows = style.legendRows();
    QStringList gotTexts;
    QVector<int> gotCounts;
    for (const auto &row : rows) {
        gotTexts << row.text;
        gotCounts << row.count;
    }
    QCOMPARE(gotTexts, texts);
    QCOMPARE(gotCounts, counts);
    QCOMPARE(style.noDataCount(), countyCount - int(values.size()));
    QCOMPARE(rows.last().noData, countyCount > values.size());
}

void TestChoropleth::coloursFollowClasses()
{
    ChoroplethStyle style;
    style.setMethod(ClassBreaks::Method::EqualInterval);
    style.setClassCount(3);
    style.setCountyCodes({ QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
        QStringLiteral("d"), QStringLiteral("e") });
    style.setValues({ { QStringLiteral("a"), 0.0 }, { QStringLiteral("b"), 5.0 },
        { QStringLiteral("c"), 10.0 }, { QStringLiteral("d"), std::nan("") } });
    const QVector<QColor> ylgnbu = ColorRamp::byId(QStringLiteral("YlGnBu"))->colours(3);
    QCOMPARE(style.paletteId(), QStringLiteral("YlGnBu"));
    QCOMPARE(style.colourFor(QStringLiteral("a")), ylgnbu[0]);
    QCOMPARE(style.colourFor(QStringLiteral("b")), ylgnbu[1]);
    QCOMPARE(style.colourFor(QStringLiteral("c")), ylgnbu[2]);
    QVERIFY(!style.colourFor(QStringLiteral("d")).isValid()); // NaN
    QVERIFY(!style.colourFor(QStringLiteral("e")).isValid()); // missing
    QCOMPARE(style.noDataCount(), 2);
    QCOMPARE(style.legendRows().last().text, QStringLiteral("No data (2 counties)"));
}

void TestChoropleth::paletteAndReversal()
{
    ChoroplethStyle style;
    style.setClassCount(4);
    QHash<QString, double> v;
    for (int i = 0; i < 8; ++i)
        v.insert(QString::number(i), i);
    style.setValues(v);
    style.setPaletteId(QStringLiteral("RdBu"));
    const QVector<QColor> rdbu = ColorRamp::byId(QStringLiteral("RdBu"))->colours(4);
    QCOMPARE(style.classColours(), rdbu);
    QCOMPARE(style.colourFor(QStringLiteral("0")), rdbu.first());
    style.setReversed(true);
    QCOMPARE(style.colourFor(QStringLiteral("0")), rdbu.last());
    QCOMPARE(style.colourFor(QStringLiteral("7")), rdbu.first());
    style.setPaletteId(QStringLiteral("no-such-palette"));
    QCOMPARE(style.paletteId(), QStringLiteral("RdBu"));
}

void TestChoropleth::noDataIsHatched_data()
{
    QTest::addColumn<qreal>("dpr");
    QTest::newRow("1x") << 1.0;
    QTest::newRow("2x") << 2.0;
}

// One county without data among counties with values: at its label point the image shows both
// the light no-data fill and the grey hatch lines; a county with data shows its class colour.
void TestChoropleth::noDataIsHatched()
{
    QFETCH(qreal, dpr);
    MapSettings s = provinceSettings(QSize(800, 600), dpr, false);
    s.setLabelsEnabled(false);
    const VectorLayer *layer = counties(s);
    QVERIFY(layer);
    const QStringList all = ChoroplethStyle::codesOf(*layer);
    QCOMPARE(all.size(), 88);

    // The two largest counties (by bounding box): the first lacks data, so a hatch has room to
    // show; the second has data.
    std::vector<int> bySize(std::size_t(layer->featureCount()));
    std::iota(bySize.begin(), bySize.end(), 0);
    std::sort(bySize.begin(), bySize.end(), [&](int a, int b) {
        const QRectF ra = layer->projected()->bounds(a), rb = layer->projected()->bounds(b);
        return ra.width() * ra.height() > rb.width() * rb.height();
    });
    const int missing = bySize[0], withData = bySize[1];
    QHash<QString, double> values;
    for (int f = 0; f < all.size(); ++f) {
        if (f != missing)
            values.insert(all[f], 10.0 + f);
    }
    ChoroplethStyle style;
    style.setTitle(QStringLiteral("Test indicator"));
    style.setYear(2023);
    style.setValues(values);
    style.setCountyCodes(all);
    QCOMPARE(style.legendRows().last().text, QStringLiteral("No data (1 county)"));

    const QImage plain = MapRenderer::renderImage(s);
    s.setChoropleth(style);
    const QImage image = MapRenderer::renderImage(s);
    QCOMPARE(image.size(), QSize(800, 600) * dpr);

    const QPointF hole = s.toPixel(layer->projected()->anchor(missing));
    const int fill = countNear(image, hole, 8, ChoroplethStyle::noDataFill(), 4);
    const int hatch = countNear(image, hole, 8, ChoroplethStyle::noDataHatch(), 4);
    qInfo("around the county without data: %d fill, %d hatch pixels of %d", fill, hatch,
        int(std::pow(17 * dpr, 2)));
    QVERIFY2(fill > 40 * dpr * dpr, qPrintable(QString::number(fill)));
    QVERIFY2(hatch > 15 * dpr * dpr, qPrintable(QString::number(hatch)));
    QCOMPARE(countNear(plain, hole, 8, ChoroplethStyle::noDataHatch(), 4), 0);

    const QPointF filled = s.toPixel(layer->projected()->anchor(withData));
    const QColor expected = style.colourFor(all[withData]);
    QVERIFY(expected.isValid());
    QVERIFY(countNear(image, filled, 2, expected, 2) >= int(20 * dpr * dpr));
    QCOMPARE(countNear(image, filled, 4, ChoroplethStyle::noDataHatch(), 4), 0);

    // The legend: one more decoration, with every class swatch and a hatched no-data swatch.
    const QVector<QRectF> plainAreas
        = MapDecorations::areas(provinceSettings({ 800, 600 }, dpr, false));
    const QVector<QRectF> areas = MapDecorations::areas(s);
    QCOMPARE(areas.size(), plainAreas.size() + 1);
    const QRectF legend = areas.last();
    for (const QColor &c : style.classColours())
        QVERIFY2(countIn(image, legend, c, 2) > 150 * dpr * dpr, qPrintable(c.name()));
    QVERIFY(countIn(image, legend, ChoroplethStyle::noDataHatch(), 4) > 20 * dpr * dpr);
}

void TestChoropleth::legendKeepsClearOfDecorations_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("800x600") << QSize(800, 600);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
    QTest::newRow("640x480") << QSize(640, 480);
}

void TestChoropleth::legendKeepsClearOfDecorations()
{
    QFETCH(QSize, size);
    MapSettings s = provinceSettings(size, 1.0, true);
    ChoroplethStyle style;
    style.setTitle(QStringLiteral("互联网普及率"));
    style.setUnit(QStringLiteral("%"));
    style.setClassCount(9);
    style.setMethod(ClassBreaks::Method::EqualInterval);
    QHash<QString, double> v;
    const QStringList all = ChoroplethStyle::codesOf(*counties(s));
    for (int i = 0; i + 1 < all.size(); ++i)
        v.insert(all[i], i * 1.5);
    style.setValues(v);
    style.setCountyCodes(all);
    s.setChoropleth(style);
    const QVector<QRectF> areas = MapDecorations::areas(s);
    const QRectF legend = areas.last();
    QVERIFY(QRectF(QPointF(0, 0), QSizeF(size)).contains(legend));
    for (int i = 0; i + 1 < areas.size(); ++i)
        QVERIFY2(!areas[i].intersects(legend), qPrintable(QStringLiteral("area %1").arg(i)));
}

// The 1920x1080 map a user exports, written for a person to look at.
void TestChoropleth::professionalExport()
{
    MapSettings s = provinceSettings(QSize(1920, 1080), 1.0, true);
    s.setLabelsEnabled(true);
    const QStringList all = ChoroplethStyle::codesOf(*counties(s));
    QHash<QString, double> values;
    for (int i = 0; i < all.size(); ++i) {
        if (i == 17 || i == 60)
            continue; // two counties without data
        values.insert(all[i], 38.0 + 40.0 * std::fabs(std::sin(i * 0.37)) + (i % 7) * 1.3);
    }
    ChoroplethStyle style;
    style.setTitle(QStringLiteral("互联网普及率 Internet penetration"));
    style.setUnit(QStringLiteral("%"));
    style.setDecimals(1);
    style.setYear(2023);
    style.setSource(QStringLiteral("示例数据 Sample data"));
    style.setMethod(ClassBreaks::Method::NaturalBreaks);
    style.setClassCount(5);
    style.setValues(values);
    style.setCountyCodes(all);
    s.setChoropleth(style);
    RenderResult result;
    const QImage image = MapRenderer::renderImage(s, &result);
    QVERIFY(result.featuresDrawn > 88);
    const QDir outDir(QStringLiteral(DVDASH_TEST_OUTPUT_DIR));
    QVERIFY(QDir().mkpath(outDir.path()));
    QVERIFY(image.save(outDir.filePath(QStringLiteral("choropleth_1920x1080.png"))));
    s.setDevicePixelRatio(2.0);
    QVERIFY(MapRenderer::renderImage(s).save(
        outDir.filePath(QStringLiteral("choropleth_1920x1080@2x.png"))));
}

void TestChoropleth::controlsEmitStyle()
{
    ChoroplethControls controls;
    int calls = 0;
    controls.setDataFunction([&](const QString &id, int year) {
        ++calls;
        QHash<QString, double> v;
        for (int i = 0; i < 10; ++i)
            v.insert(QStringLiteral("c%1").arg(i),
                year * 10.0 + i + (id == QLatin1String("b") ? 1000 : 0));
        return v;
    });
    controls.setIndicators({ { QStringLiteral("a"), QStringLiteral("Broadband"),
                                 QStringLiteral("%"), 1, true, {} },
        { QStringLiteral("b"), QStringLiteral("Poverty"), QStringLiteral("%"), 2, false, {} } });
    controls.setYears({ 2021, 2019, 2020 });
    QCOMPARE(controls.years(), (QVector<int> { 2019, 2020, 2021 }));

    std::optional<ChoroplethStyle> last;
    int clearedCount = 0;
    connect(&controls, &ChoroplethControls::choroplethChanged, this,
        [&](const ChoroplethStyle &s) { last = s; });
    connect(&controls, &ChoroplethControls::cleared, this, [&] { ++clearedCount; });

    controls.setCurrentIndicator(QStringLiteral("a"));
    QVERIFY(last);
    QCOMPARE(last->indicatorId(), QStringLiteral("a"));
    QCOMPARE(last->title(), QStringLiteral("Broadband"));
    QCOMPARE(last->year(), 2021); // the latest year first
    QCOMPARE(last->values().value(QStringLiteral("c3")), 20213.0);
    QCOMPARE(last->paletteId(), QStringLiteral("YlGnBu"));
    QVERIFY(!last->isReversed());
    QVERIFY(calls > 0);

    auto *method = controls.findChild<QComboBox *>(QStringLiteral("methodCombo"));
    auto *classes = controls.findChild<QSpinBox *>(QStringLiteral("classesSpin"));
    auto *palette = controls.findChild<QComboBox *>(QStringLiteral("paletteCombo"));
    auto *slider = controls.findChild<QSlider *>(QStringLiteral("yearSlider"));
    auto *indicator = controls.findChild<QComboBox *>(QStringLiteral("indicatorCombo"));
    QVERIFY(method && classes && palette && slider && indicator);

    method->setCurrentIndex(method->findData(int(ClassBreaks::Method::Quantile)));
    QCOMPARE(last->method(), ClassBreaks::Method::Quantile);
    method->setCurrentIndex(method->findData(int(ClassBreaks::Method::EqualInterval)));
    QCOMPARE(last->method(), ClassBreaks::Method::EqualInterval);
    classes->setValue(7);
    QCOMPARE(last->requestedClasses(), 7);
    QCOMPARE(last->breaks()->classCount(), 7);
    QCOMPARE(classes->maximum(), 9);
    QCOMPARE(classes->minimum(), 3);
    palette->setCurrentIndex(palette->findData(QStringLiteral("RdBu")));
    QCOMPARE(last->paletteId(), QStringLiteral("RdBu"));
    QVERIFY(!palette->itemIcon(palette->currentIndex()).isNull());

    // Stepping the slider changes the year and the values.
    slider->setValue(0);
    QCOMPARE(last->year(), 2019);
    QCOMPARE(last->values().value(QStringLiteral("c3")), 20193.0);
    QVERIFY(controls.stepYear(+1));
    QCOMPARE(last->year(), 2020);

    // Lower is better: the palette turns round by itself.
    controls.setCurrentIndicator(QStringLiteral("b"));
    QCOMPARE(last->indicatorId(), QStringLiteral("b"));
    QVERIFY(last->isReversed());
    QCOMPARE(last->decimals(), 2);
    QCOMPARE(last->year(), 2020);

    // For a person to look at: the panel as the window shows it.
    controls.resize(controls.sizeHint().expandedTo(QSize(380, 0)));
    QVERIFY(controls.grab().save(QDir(QStringLiteral(DVDASH_TEST_OUTPUT_DIR))
                                     .filePath(QStringLiteral("choroplethcontrols.png"))));

    indicator->setCurrentIndex(0);
    QCOMPARE(clearedCount, 1);
    QVERIFY(!controls.currentStyle());
}

void TestChoropleth::playAdvancesYears()
{
    ChoroplethControls controls;
    controls.setDataFunction([](const QString &, int year) {
        return QHash<QString, double> { { QStringLiteral("x"), double(year) },
            { QStringLiteral("y"), year + 1.0 }, { QStringLiteral("z"), year + 2.0 } };
    });
    controls.setIndicators(
        { { QStringLiteral("a"), QStringLiteral("A"), QString(), 0, true, {} } });
    controls.setYears({ 2018, 2019, 2020, 2021 });
    controls.setCurrentIndicator(QStringLiteral("a"));
    QCOMPARE(controls.playInterval(), 1000);
    controls.setPlayInterval(20);
    QList<int> years;
    connect(&controls, &ChoroplethControls::choroplethChanged, this,
        [&](const ChoroplethStyle &s) { years << s.year(); });

    // From the last year, Play starts over at the first and stops at the last.
    QCOMPARE(controls.currentYear(), 2021);
    auto *button = controls.findChild<QToolButton *>(QStringLiteral("playButton"));
    QVERIFY(button && button->isEnabled());
    button->click();
    QVERIFY(controls.isPlaying());
    QCOMPARE(controls.currentYear(), 2018);
    QTRY_COMPARE_WITH_TIMEOUT(controls.currentYear(), 2021, 2000);
    QTRY_VERIFY_WITH_TIMEOUT(!controls.isPlaying(), 2000);
    QCOMPARE(years, (QList<int> { 2018, 2019, 2020, 2021 }));

    // Pause holds the year.
    controls.setPlayInterval(300);
    controls.setCurrentYear(2018);
    controls.play();
    QTRY_COMPARE_WITH_TIMEOUT(controls.currentYear(), 2019, 2000);
    controls.togglePlay();
    QVERIFY(!controls.isPlaying());
    const int held = controls.currentYear();
    QTest::qWait(100);
    QCOMPARE(controls.currentYear(), held);
}

// Values fetched in the background: while the data function has none the map keeps the style it
// has (nothing is emitted); refresh() emits the style once they are at hand.
void TestChoropleth::controlsWaitForValues()
{
    ChoroplethControls controls;
    QHash<QString, QHash<QString, double>> fetched; // "id/year" -> values, as they arrive
    QStringList asked;
    controls.setDataFunction(
        [&](const QString &id, int year) -> std::optional<QHash<QString, double>> {
            const QString key = QStringLiteral("%1/%2").arg(id).arg(year);
            if (!fetched.contains(key)) {
                asked << key;
                return std::nullopt;
            }
            return fetched.value(key);
        });
    controls.setIndicators(
        { { QStringLiteral("a"), QStringLiteral("A"), QString(), 0, true, {} } });
    controls.setYears({ 2020, 2021 });
    QList<int> years;
    connect(&controls, &ChoroplethControls::choroplethChanged, this,
        [&](const ChoroplethStyle &s) { years << s.year(); });
    controls.setCurrentIndicator(QStringLiteral("a"));
    QVERIFY(years.isEmpty());
    QVERIFY(asked.contains(QStringLiteral("a/2021")));
    fetched.insert(QStringLiteral("a/2021"), { { QStringLiteral("x"), 1.0 } });
    controls.refresh();
    QCOMPARE(years, QList<int> { 2021 });
    controls.setCurrentYear(2020); // not fetched yet: the map keeps 2021
    QCOMPARE(years, QList<int> { 2021 });
    fetched.insert(QStringLiteral("a/2020"), { { QStringLiteral("x"), 2.0 } });
    controls.refresh();
    QCOMPARE(years, (QList<int> { 2021, 2020 }));
}

// Classes over every year's values: a county keeps the colour of its amount whatever the year,
// so a province that rises darkens; the legend counts this year's counties and says the span.
void TestChoropleth::classesOverAllYears()
{
    const QStringList all = codes(10);
    QHash<QString, double> early, late;
    std::vector<double> pooled;
    for (int i = 0; i < 10; ++i) {
        early.insert(all[i], 10.0 + i); // 10..19
        late.insert(all[i], 50.0 + i); // 50..59
        pooled.push_back(10.0 + i);
        pooled.push_back(50.0 + i);
    }
    ChoroplethStyle byYear;
    byYear.setMethod(ClassBreaks::Method::Quantile);
    byYear.setClassCount(5);
    byYear.setValues(early);
    // Each year by itself spreads its counties over every class.
    QCOMPARE(byYear.classOf(all[9]), 4);
    QVERIFY(!byYear.hasBreakValues());

    ChoroplethStyle over = byYear;
    over.setBreakValues(pooled, QStringLiteral("2019–2025"));
    QVERIFY(over.hasBreakValues());
    // Quantiles of 10..19 and 50..59: bounds 10, 13.8, 17.6, 50.4, 54.2, 59.
    for (const QString &c : all)
        QVERIFY2(over.classOf(c) <= 2, qPrintable(c)); // early: the light classes only
    QVERIFY(over.subtitle().contains(QStringLiteral("2019–2025")));
    int counted = 0;
    for (const auto &row : over.legendRows())
        counted += row.noData ? 0 : row.count;
    QCOMPARE(counted, 10); // this year's counties, not the pooled values
    QCOMPARE(over.legendRows().last().count, 0); // nobody in the darkest class yet
    over.setValues(late);
    for (const QString &c : all)
        QVERIFY2(over.classOf(c) >= 2, qPrintable(c)); // late: the dark classes
    QCOMPARE(over.legendRows().first().count, 0);
    // Empty break values: back to this year's classes.
    over.setBreakValues({}, QString());
    QCOMPARE(over.classOf(all[0]), 0);
    QVERIFY(!over.subtitle().contains(QStringLiteral("2019")));
}

// Play from the last year starts at the first, turns on classes over all years (unless the
// user set them by hand) and so shows the province rising: the same county darkens year by year.
// The map and the table follow the year through yearChanged.
void TestChoropleth::playUsesClassesOverAllYears()
{
    ChoroplethControls controls;
    const QStringList all = codes(12);
    controls.setDataFunction([all](const QString &, int year) {
        QHash<QString, double> values;
        for (int i = 0; i < all.size(); ++i)
            values.insert(all[i], (year - 2018) * 20.0 + i); // every county rises every year
        return std::optional<QHash<QString, double>>(values);
    });
    controls.setIndicators(
        { { QStringLiteral("a"), QStringLiteral("A"), QString(), 0, true, {} } });
    controls.setYears({ 2018, 2019, 2020, 2021 });
    controls.setCurrentIndicator(QStringLiteral("a"));
    controls.setPlayInterval(20);
    auto *allYears = controls.findChild<QCheckBox *>(QStringLiteral("allYearsCheck"));
    QVERIFY(allYears && allYears->isEnabled());
    QVERIFY(!controls.classesOverAllYears());
    QCOMPARE(controls.currentYear(), 2021);

    QList<int> classOfFirst, years;
    connect(&controls, &ChoroplethControls::choroplethChanged, this, [&](const ChoroplethStyle &s) {
        if (s.hasBreakValues())
            classOfFirst << s.classOf(all[0]);
    });
    connect(&controls, &ChoroplethControls::yearChanged, this, [&](int y) { years << y; });
    controls.play();
    QVERIFY(controls.isPlaying());
    QVERIFY(controls.classesOverAllYears());
    QCOMPARE(controls.currentYear(), 2018);
    QTRY_VERIFY_WITH_TIMEOUT(!controls.isPlaying(), 3000);
    QCOMPARE(controls.currentYear(), 2021);
    QCOMPARE(years, (QList<int> { 2018, 2019, 2020, 2021 }));
    QVERIFY(classOfFirst.size() >= 4);
    QVERIFY2(std::is_sorted(classOfFirst.cbegin(), classOfFirst.cend())
            && classOfFirst.first() < classOfFirst.last(),
        qPrintable(QString::number(classOfFirst.first())));

    // Unticked by hand, Play leaves it off.
    allYears->click();
    QVERIFY(!controls.classesOverAllYears());
    controls.play();
    QVERIFY(!controls.classesOverAllYears());
    controls.pause();
}

// The note under every map is English in English (the Chinese translation names 示意图 and 审图号).
void TestChoropleth::mapNoteInTheUsersLanguage()
{
    const QString note = MapDecorations::defaultNote();
    QVERIFY(!note.isEmpty());
    for (QChar c : note)
        QVERIFY2(c.unicode() < 0x2E80, qPrintable(note));
}

QTEST_MAIN(TestChoropleth)
#include "tst_choropleth.moc"
