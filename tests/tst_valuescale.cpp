// A chart's value axis as users read it: the data fills the plot, ticks are round numbers.
#include "valuescale.h"

#include <QtTest>

using namespace dv;

namespace {

ChartSeries seriesOf(std::initializer_list<double> values, int decimals = 1)
{
    ChartSeries s;
    s.decimals = decimals;
    qint64 t = 0;
    for (double v : values) {
        HistoryBucket b;
        b.start = t;
        b.min = b.max = b.mean = b.first = b.last = v;
        b.count = 1;
        s.buckets.push_back(b);
        t += 60000;
    }
    return s;
}

} // namespace

class TestValueScale : public QObject {
    Q_OBJECT
private slots:
    void binaryStateKeepsToItsRange();
    void ordinaryDataRoundsToTicks();
    void noDataShowsZeroToOne();
};

// A clinic terminal's online state (0/1) on a short chart: the axis is not doubled to -1..2.
void TestValueScale::binaryStateKeepsToItsRange()
{
    const ValueScale scale = ValueScale::fit({ seriesOf({ 1, 1, 1, 0, 0 }, 0) }, 0, 5 * 60000,
        std::nullopt, {}, 3);
    QVERIFY2(scale.min > -0.5 && scale.min < 0, qPrintable(QString::number(scale.min)));
    QVERIFY2(scale.max > 1 && scale.max < 1.5, qPrintable(QString::number(scale.max)));
    QCOMPARE(scale.ticks(), (QVector<double> { 0, 1 }));
}

// Body temperature over a day: round ends on ticks, as before.
void TestValueScale::ordinaryDataRoundsToTicks()
{
    const ValueScale scale = ValueScale::fit({ seriesOf({ 38.2, 38.9, 39.4, 38.6 }) }, 0,
        4 * 60000, std::nullopt, {}, 5);
    QCOMPARE(scale.min, 38.0);
    QCOMPARE(scale.max, 39.5);
    QCOMPARE(scale.ticks().front(), 38.0);
    QCOMPARE(scale.ticks().back(), 39.5);
}

void TestValueScale::noDataShowsZeroToOne()
{
    const ValueScale scale = ValueScale::fit({}, 0, 60000, std::nullopt, {}, 5);
    QVERIFY(scale.min <= 0 && scale.max >= 1);
    QVERIFY(scale.ticks().contains(0.0) && scale.ticks().contains(1.0));
}

QTEST_GUILESS_MAIN(TestValueScale)
#include "tst_valuescale.moc"
