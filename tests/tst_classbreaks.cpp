// Choropleth classes and palettes: Jenks against published results, quantiles, edge cases.
#include "classbreaks.h"
#include "colorramp.h"

#include <QSet>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

using namespace dv;

namespace {

using Method = ClassBreaks::Method;

// Employment density (employees per km²) of California's 58 counties, the example data of
// PySAL's mapclassify: mapclassify.load_example(), file calempdensity.csv, column "emp/sq km"
// (pysal/pysal, pysal/examples/calemp), in the file's county order. Its mean is
// 125.92810344827588, as the mapclassify README prints.
const std::vector<double> kCaliforniaEmploymentDensity = { 329.92, 0.42, 5.9, 14.03, 2.78, 1.34,
    181.27, 1.65, 10.03, 16.7, 1.32, 3.99, 3.16, 0.22, 8.7, 6.56, 3.27, 0.33, 370.5, 4.51, 75.29,
    0.99, 2.74, 8.68, 0.14, 0.92, 12.63, 28.7, 12.02, 722.85, 36.68, 0.74, 29.82, 192.05, 3.38,
    11.15, 110.74, 4111.45, 49.47, 10.33, 317.11, 20.47, 264.93, 66.26, 5.39, 0.13, 0.61, 50.65,
    40.48, 36.67, 13.09, 1.81, 0.2, 7.6, 2.51, 57.26, 24.32, 6.97 };

QString describe(const ClassBreaks &breaks)
{
    QStringList bounds;
    for (double b : breaks.bounds())
        bounds << QString::number(b, 'g', 10);
    QStringList counts;
    for (int c : breaks.counts())
        counts << QString::number(c);
    return QStringLiteral("bounds [%1], counts [%2]")
        .arg(bounds.join(QStringLiteral(", ")), counts.join(QStringLiteral(", ")));
}

// Published break values are printed to a few decimals; compare at that precision.
bool boundsMatch(const ClassBreaks &breaks, const std::vector<double> &expected, double tolerance)
{
    if (breaks.bounds().size() != expected.size())
        return false;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        if (std::abs(breaks.bounds()[i] - expected[i]) > tolerance)
            return false;
    }
    return true;
}

double withinClassDeviations(const std::vector<double> &values, const ClassBreaks &breaks)
{
    std::vector<double> sum(std::size_t(breaks.classCount()), 0);
    std::vector<double> n(std::size_t(breaks.classCount()), 0);
    for (double v : values) {
        sum[std::size_t(breaks.classOf(v))] += v;
        n[std::size_t(breaks.classOf(v))] += 1;
    }
    double total = 0;
    for (double v : values) {
        const std::size_t c = std::size_t(breaks.classOf(v));
        total += std::pow(v - sum[c] / n[c], 2);
    }
    return total;
}

// Every split of sorted values into k consecutive non-empty runs; the least within-class sum of
// squared deviations. Exhaustive, so only for a dozen values.
double bruteForceBest(std::vector<double> sorted, int k)
{
    std::sort(sorted.begin(), sorted.end());
    const int n = int(sorted.size());
    double best = std::numeric_limits<double>::infinity();
    std::vector<int> cuts(std::size_t(k - 1));
    // cuts[i] is the index where class i + 1 starts; strictly increasing in 1..n-1.
    for (int i = 0; i < k - 1; ++i)
        cuts[std::size_t(i)] = i + 1;
    while (true) {
        double total = 0;
        int begin = 0;
        for (int c = 0; c < k; ++c) {
            const int end = c < k - 1 ? cuts[std::size_t(c)] : n;
            double mean = 0;
            for (int i = begin; i < end; ++i)
                mean += sorted[std::size_t(i)];
            mean /= end - begin;
            for (int i = begin; i < end; ++i)
                total += std::pow(sorted[std::size_t(i)] - mean, 2);
            begin = end;
        }
        best = std::min(best, total);
        int i = k - 2;
        while (i >= 0 && cuts[std::size_t(i)] == n - (k - 1 - i))
            --i;
        if (i < 0)
            break;
        ++cuts[std::size_t(i)];
        for (int j = i + 1; j < k - 1; ++j)
            cuts[std::size_t(j)] = cuts[std::size_t(j - 1)] + 1;
    }
    return best;
}

} // namespace

class TestClassBreaks : public QObject {
    Q_OBJECT

private slots:
    void naturalBreaksMatchMapclassify();
    void naturalBreaksMatchJenkspy();
    void naturalBreaksAreOptimal_data();
    void naturalBreaksAreOptimal();
    void quantilesMatchMapclassify();
    void quantilesByHand();
    void equalIntervalsMatchMapclassify();
    void equalIntervalsByHand();
    void classesAreClosedAbove();
    void missingValuesAreNoData();
    void badClassCounts_data();
    void badClassCounts();
    void nothingToClassify();
    void fewerDistinctValuesThanClasses_data();
    void fewerDistinctValuesThanClasses();
    void allValuesEqual_data();
    void allValuesEqual();
    void quantilesMergeClassesOfEqualValues();
    void methodNames();

    void everyPaletteHasDistinctColours();
    void palettesAreColorBrewers();
    void palettesByIdAndKind();
    void reversedPalette();
    void fewerThanThreeClassesStillGetColours();
};

// mapclassify README, "Fisher_Jenks" (pysal/mapclassify, README.md): FisherJenks(y, k=5) on the
// example data gives upper bounds 75.29, 192.05, 370.50, 722.85, 4111.45 holding 49, 3, 4, 1, 1
// counties.
void TestClassBreaks::naturalBreaksMatchMapclassify()
{
    QString error;
    const auto breaks
        = ClassBreaks::compute(kCaliforniaEmploymentDensity, Method::NaturalBreaks, 5, &error);
    QVERIFY2(breaks, qPrintable(error));
    QVERIFY2(boundsMatch(*breaks, { 0.13, 75.29, 192.05, 370.5, 722.85, 4111.45 }, 1e-9),
        qPrintable(describe(*breaks)));
    QCOMPARE(breaks->counts(), std::vector<int>({ 49, 3, 4, 1, 1 }));
    QCOMPARE(breaks->method(), Method::NaturalBreaks);
    QVERIFY(!breaks->isReduced());
}

// jenkspy's test suite (mthh/jenkspy, tests/test_jenks.py: data2, res2 and the groups res6):
// 50 integers in 4 classes break at 1, 416, 767, 1083, 1424 with 20, 9, 10 and 11 values.
void TestClassBreaks::naturalBreaksMatchJenkspy()
{
    const std::vector<double> values = { 132, 915, 312, 1424, 1240, 1370, 113, 1028, 1078, 416, 963,
        359, 1422, 658, 73, 1326, 245, 848, 683, 255, 1223, 253, 654, 736, 1079, 39, 583, 1367,
        1237, 327, 1083, 328, 951, 678, 927, 301, 96, 297, 179, 230, 767, 1248, 1, 37, 1352, 1009,
        663, 1283, 679, 230 };
    const auto breaks = ClassBreaks::compute(values, Method::NaturalBreaks, 4, nullptr);
    QVERIFY(breaks);
    QVERIFY2(boundsMatch(*breaks, { 1, 416, 767, 1083, 1424 }, 0), qPrintable(describe(*breaks)));
    QCOMPARE(breaks->counts(), std::vector<int>({ 20, 9, 10, 11 }));
    // jenkspy's predict(150) and predict(700)
    QCOMPARE(breaks->classOf(150), 0);
    QCOMPARE(breaks->classOf(700), 1);
}

// Independent of any published number: no other split of the values into consecutive classes
// has a smaller within-class sum of squares.
void TestClassBreaks::naturalBreaksAreOptimal_data()
{
    QTest::addColumn<int>("classes");
    for (int k = 3; k <= 6; ++k)
        QTest::addRow("%d classes", k) << k;
}

void TestClassBreaks::naturalBreaksAreOptimal()
{
    QFETCH(int, classes);
    const std::vector<double> values
        = { 4.1, 0.3, 9.8, 2.2, 2.3, 7.7, 5.0, 5.1, 12.6, 0.9, 3.3, 8.4, 6.2, 1.7 };
    const auto breaks = ClassBreaks::compute(values, Method::NaturalBreaks, classes, nullptr);
    QVERIFY(breaks);
    QCOMPARE(breaks->classCount(), classes);
    QVERIFY(
        std::abs(withinClassDeviations(values, *breaks) - bruteForceBest(values, classes)) < 1e-9);
}

// mapclassify README, "Quantiles": Quantiles(y, k=5) on the same data gives 1.464, 5.798, 13.278,
// 54.616 (linear interpolation, NumPy's default) holding 12, 11, 12, 11, 12 counties.
void TestClassBreaks::quantilesMatchMapclassify()
{
    const auto breaks
        = ClassBreaks::compute(kCaliforniaEmploymentDensity, Method::Quantile, 5, nullptr);
    QVERIFY(breaks);
    QVERIFY2(boundsMatch(*breaks, { 0.13, 1.464, 5.798, 13.278, 54.616, 4111.45 }, 5e-4),
        qPrintable(describe(*breaks)));
    QCOMPARE(breaks->counts(), std::vector<int>({ 12, 11, 12, 11, 12 }));
}

// 1..10 in five classes: position 9 i / 5 = 1.8, 3.6, 5.4, 7.2 between sorted values, so
// 2.8, 4.6, 6.4, 8.2 and two values per class.
void TestClassBreaks::quantilesByHand()
{
    const auto breaks
        = ClassBreaks::compute({ 7, 3, 10, 1, 5, 2, 9, 4, 8, 6 }, Method::Quantile, 5, nullptr);
    QVERIFY(breaks);
    QVERIFY2(
        boundsMatch(*breaks, { 1, 2.8, 4.6, 6.4, 8.2, 10 }, 1e-12), qPrintable(describe(*breaks)));
    QCOMPARE(breaks->counts(), std::vector<int>({ 2, 2, 2, 2, 2 }));
}

// mapclassify README, "Equal_Interval": 822.394, 1644.658, 2466.922, 3289.186 with 57, 0, 0, 0, 1
// counties: equal intervals keep their empty classes.
void TestClassBreaks::equalIntervalsMatchMapclassify()
{
    const auto breaks
        = ClassBreaks::compute(kCaliforniaEmploymentDensity, Method::EqualInterval, 5, nullptr);
    QVERIFY(breaks);
    QVERIFY2(boundsMatch(*breaks, { 0.13, 822.394, 1644.658, 2466.922, 3289.186, 4111.45 }, 5e-4),
        qPrintable(describe(*breaks)));
    QCOMPARE(breaks->counts(), std::vector<int>({ 57, 0, 0, 0, 1 }));
    QVERIFY(!breaks->isReduced());
}

void TestClassBreaks::equalIntervalsByHand()
{
    std::vector<double> values;
    for (int i = 0; i <= 10; ++i)
        values.push_back(i);
    const auto breaks = ClassBreaks::compute(values, Method::EqualInterval, 5, nullptr);
    QVERIFY(breaks);
    QVERIFY2(boundsMatch(*breaks, { 0, 2, 4, 6, 8, 10 }, 1e-12), qPrintable(describe(*breaks)));
    QCOMPARE(breaks->counts(), std::vector<int>({ 3, 2, 2, 2, 2 }));
}

void TestClassBreaks::classesAreClosedAbove()
{
    const auto breaks
        = ClassBreaks::compute({ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, Method::EqualInterval, 3, nullptr);
    QVERIFY(breaks); // bounds 0, 3, 6, 9
    QCOMPARE(breaks->classOf(0), 0);
    QCOMPARE(breaks->classOf(3), 0);
    QCOMPARE(breaks->classOf(3.0001), 1);
    QCOMPARE(breaks->classOf(6), 1);
    QCOMPARE(breaks->classOf(9), 2);
    // A value outside the classified range is still data: it takes the nearest end class.
    QCOMPARE(breaks->classOf(-5), 0);
    QCOMPARE(breaks->classOf(100), 2);
}

void TestClassBreaks::missingValuesAreNoData()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    const std::vector<double> withGaps = { nan, 7, 3, nan, 10, 1, 5, -inf, 2, 9, 4, 8, inf, 6 };
    for (Method method : { Method::Quantile, Method::EqualInterval, Method::NaturalBreaks }) {
        const auto gappy = ClassBreaks::compute(withGaps, method, 4, nullptr);
        const auto clean
            = ClassBreaks::compute({ 7, 3, 10, 1, 5, 2, 9, 4, 8, 6 }, method, 4, nullptr);
        QVERIFY(gappy && clean);
        QCOMPARE(gappy->bounds(), clean->bounds());
        QCOMPARE(gappy->counts(), clean->counts());
        QCOMPARE(gappy->valueCount(), 10);
        QCOMPARE(gappy->noDataCount(), 4);
        QCOMPARE(gappy->classOf(nan), -1);
        QCOMPARE(gappy->classOf(inf), -1);
    }
}

void TestClassBreaks::badClassCounts_data()
{
    QTest::addColumn<int>("classes");
    QTest::newRow("two") << 2;
    QTest::newRow("ten") << 10;
    QTest::newRow("zero") << 0;
    QTest::newRow("negative") << -3;
}

void TestClassBreaks::badClassCounts()
{
    QFETCH(int, classes);
    QString error;
    const auto breaks = ClassBreaks::compute(
        kCaliforniaEmploymentDensity, Method::NaturalBreaks, classes, &error);
    QVERIFY(!breaks);
    QVERIFY2(error.contains(QLatin1String("between 3 and 9")), qPrintable(error));
    QVERIFY2(error.contains(QString::number(classes)), qPrintable(error));
    // A caller that does not want the message must not crash for it.
    QVERIFY(!ClassBreaks::compute(kCaliforniaEmploymentDensity, Method::Quantile, classes));
}

void TestClassBreaks::nothingToClassify()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QString error;
    QVERIFY(!ClassBreaks::compute({ nan, nan }, Method::Quantile, 5, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!ClassBreaks::compute({}, Method::NaturalBreaks, 5, &error));
    QVERIFY(!error.isEmpty());
}

void TestClassBreaks::fewerDistinctValuesThanClasses_data()
{
    QTest::addColumn<int>("method");
    QTest::newRow("quantile") << int(Method::Quantile);
    QTest::newRow("equal interval") << int(Method::EqualInterval);
    QTest::newRow("natural breaks") << int(Method::NaturalBreaks);
}

// Three distinct values cannot fill five classes: each value gets its own, none is empty.
void TestClassBreaks::fewerDistinctValuesThanClasses()
{
    QFETCH(int, method);
    const auto breaks = ClassBreaks::compute({ 2, 1, 5, 2, 1, 5, 5 }, Method(method), 5, nullptr);
    QVERIFY(breaks);
    QCOMPARE(breaks->requestedClasses(), 5);
    QCOMPARE(breaks->classCount(), 3);
    QVERIFY(breaks->isReduced());
    QVERIFY(breaks->reducedReason().contains(QLatin1String("3")));
    QCOMPARE(breaks->bounds(), std::vector<double>({ 1, 1, 2, 5 }));
    QCOMPARE(breaks->counts(), std::vector<int>({ 2, 2, 3 }));
    QCOMPARE(breaks->classOf(1), 0);
    QCOMPARE(breaks->classOf(2), 1);
    QCOMPARE(breaks->classOf(5), 2);
}

void TestClassBreaks::allValuesEqual_data()
{
    fewerDistinctValuesThanClasses_data();
}

void TestClassBreaks::allValuesEqual()
{
    QFETCH(int, method);
    const auto breaks = ClassBreaks::compute({ 7.5, 7.5, 7.5, 7.5 }, Method(method), 3, nullptr);
    QVERIFY(breaks);
    QCOMPARE(breaks->classCount(), 1);
    QCOMPARE(breaks->bounds(), std::vector<double>({ 7.5, 7.5 }));
    QCOMPARE(breaks->counts(), std::vector<int>({ 4 }));
    QCOMPARE(breaks->classOf(7.5), 0);
    QVERIFY(breaks->isReduced());
    QVERIFY(!breaks->reducedReason().isEmpty());
}

// Six counties at 0 out of nine: the tertiles are 0 and 0.33, so the middle class (0, 0.33]
// would hold nothing and merges into the next one.
void TestClassBreaks::quantilesMergeClassesOfEqualValues()
{
    const auto breaks
        = ClassBreaks::compute({ 0, 0, 0, 0, 0, 0, 1, 2, 3 }, Method::Quantile, 3, nullptr);
    QVERIFY(breaks);
    QCOMPARE(breaks->bounds(), std::vector<double>({ 0, 0, 3 }));
    QCOMPARE(breaks->counts(), std::vector<int>({ 6, 3 }));
    QVERIFY(breaks->isReduced());
    QVERIFY(!breaks->reducedReason().isEmpty());
    for (int c : breaks->counts())
        QVERIFY(c > 0);
}

void TestClassBreaks::methodNames()
{
    QSet<QString> names;
    for (Method method : { Method::Quantile, Method::EqualInterval, Method::NaturalBreaks })
        names.insert(ClassBreaks::methodName(method));
    QCOMPARE(names.size(), 3);
    QVERIFY(!names.contains(QString()));
}

void TestClassBreaks::everyPaletteHasDistinctColours()
{
    QVERIFY(ColorRamp::all().size() >= 8);
    for (const ColorRamp &ramp : ColorRamp::all()) {
        for (int n = ColorRamp::kMinClasses; n <= ColorRamp::kMaxClasses; ++n) {
            const QVector<QColor> colours = ramp.colours(n);
            QCOMPARE(colours.size(), n);
            QSet<QRgb> distinct;
            for (const QColor &c : colours) {
                QVERIFY(c.isValid());
                QCOMPARE(c.alpha(), 255);
                distinct.insert(c.rgb());
            }
            QVERIFY2(distinct.size() == n,
                qPrintable(QStringLiteral("%1 with %2 classes").arg(ramp.id()).arg(n)));
        }
        if (ramp.kind() == ColorRamp::Kind::Sequential) {
            // Light for low values, dark for high ones.
            const QVector<QColor> nine = ramp.colours(9);
            QVERIFY2(qGray(nine.first().rgb()) > qGray(nine.last().rgb()), qPrintable(ramp.id()));
        }
    }
}

// Spot checks against ColorBrewer's own tables (colorbrewer2.org).
void TestClassBreaks::palettesAreColorBrewers()
{
    const auto ylGnBu = ColorRamp::byId(QStringLiteral("YlGnBu"));
    QVERIFY(ylGnBu);
    QCOMPARE(ylGnBu->colours(5),
        QVector<QColor>({ QColor(0xffffcc), QColor(0xa1dab4), QColor(0x41b6c4), QColor(0x2c7fb8),
            QColor(0x253494) }));
    const auto rdYlBu = ColorRamp::byId(QStringLiteral("RdYlBu"));
    QVERIFY(rdYlBu);
    QCOMPARE(rdYlBu->colours(3),
        QVector<QColor>({ QColor(0xfc8d59), QColor(0xffffbf), QColor(0x91bfdb) }));
    const auto blues = ColorRamp::byId(QStringLiteral("Blues"));
    QVERIFY(blues);
    QCOMPARE(blues->colours(9).last(), QColor(0x08306b));
}

void TestClassBreaks::palettesByIdAndKind()
{
    QSet<QString> ids;
    for (const ColorRamp &ramp : ColorRamp::all()) {
        ids.insert(ramp.id());
        QVERIFY(!ramp.displayName().isEmpty());
        const auto found = ColorRamp::byId(ramp.id());
        QVERIFY(found);
        QCOMPARE(found->id(), ramp.id());
    }
    QCOMPARE(ids.size(), ColorRamp::all().size());
    QVERIFY(!ColorRamp::byId(QStringLiteral("Spectral"))); // not colour-blind safe: not offered
    QVERIFY(!ColorRamp::byId(QString()));

    const QVector<ColorRamp> sequential = ColorRamp::ofKind(ColorRamp::Kind::Sequential);
    const QVector<ColorRamp> diverging = ColorRamp::ofKind(ColorRamp::Kind::Diverging);
    QVERIFY(sequential.size() >= 5);
    QVERIFY(diverging.size() >= 3);
    QCOMPARE(sequential.size() + diverging.size(), ColorRamp::all().size());
    for (const char *id : { "YlGnBu", "Blues", "Greens", "YlOrRd", "Purples" })
        QCOMPARE(ColorRamp::byId(QLatin1String(id))->kind(), ColorRamp::Kind::Sequential);
    for (const char *id : { "RdYlBu", "BrBG", "PuOr" })
        QCOMPARE(ColorRamp::byId(QLatin1String(id))->kind(), ColorRamp::Kind::Diverging);
}

void TestClassBreaks::reversedPalette()
{
    for (const ColorRamp &ramp : ColorRamp::all()) {
        for (int n = ColorRamp::kMinClasses; n <= ColorRamp::kMaxClasses; ++n) {
            const QVector<QColor> forward = ramp.colours(n);
            QVector<QColor> backward = ramp.colours(n, true);
            QCOMPARE(backward.size(), n);
            std::reverse(backward.begin(), backward.end());
            QCOMPARE(backward, forward);
        }
    }
    const auto blues = ColorRamp::byId(QStringLiteral("Blues"));
    QCOMPARE(blues->colours(3, true).first(), QColor(0x3182bd)); // dark on the lowest class
}

// What a reduced classification needs: its one or two classes must still be coloured.
void TestClassBreaks::fewerThanThreeClassesStillGetColours()
{
    for (const ColorRamp &ramp : ColorRamp::all()) {
        QCOMPARE(ramp.colours(1).size(), 1);
        const QVector<QColor> two = ramp.colours(2);
        QCOMPARE(two.size(), 2);
        QVERIFY(two[0] != two[1]);
        QCOMPARE(two, QVector<QColor>({ ramp.colours(3).first(), ramp.colours(3).last() }));
        QVERIFY(ramp.colours(0).isEmpty());
        QVERIFY(ramp.colours(10).isEmpty());
        QVERIFY(ramp.colours(-1).isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestClassBreaks)
#include "tst_classbreaks.moc"
