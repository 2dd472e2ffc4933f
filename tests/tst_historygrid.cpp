// Where history() puts its buckets, the rule both stores follow: every bucket asked for is
// there, the first at `from`; wide buckets' inner edges fall on whole 10-minute cells or hours,
// within one step of equal widths; narrow buckets keep equal widths.
#include "historygrid.h"

#include <QtTest>

using namespace dv;

namespace {

const qint64 kMinute = 60 * 1000;
const qint64 kT0 = 1795000000000; // 2026-11-18, 6 min 40 s past a cell boundary

} // namespace

class TestHistoryGrid : public QObject {
    Q_OBJECT
private slots:
    void yearEdgesOnHours();
    void weekOfHoursOnCells();
    void everyTimeInTheBucketItsStartSays_data();
    void everyTimeInTheBucketItsStartSays();
    void narrowBucketsKeepEqualWidths();
    void oneBucketTakesTheWholeRange();
};

// The inner edges of a grid: on its step, increasing, none farther than one step before where
// equal widths would put it.
static void checkEdges(const HistoryGrid &grid, qint64 from, qint64 to, int buckets)
{
    QCOMPARE(grid.count(), buckets);
    QCOMPARE(grid.startOf(0), from);
    const double width = double(to - from) / buckets;
    for (int i = 1; i < grid.count(); ++i) {
        const qint64 start = grid.startOf(i);
        QCOMPARE(start % grid.step(), qint64(0));
        const double equal = from + i * width;
        QVERIFY2(start <= equal && equal - start < grid.step(), qPrintable(QString::number(i)));
        QVERIFY(start > grid.startOf(i - 1));
    }
}

// A year as 2,000 chart points (262.8 minutes each): edges on whole hours.
void TestHistoryGrid::yearEdgesOnHours()
{
    const qint64 to = kT0 + 525600 * kMinute;
    const HistoryGrid grid(kT0, to, 2000);
    QCOMPARE(grid.step(), HistoryGrid::kHourMs);
    checkEdges(grid, kT0, to, 2000);
}

// A week as 168 hours: edges on 10-minute cells, so each bucket stays an hour long.
void TestHistoryGrid::weekOfHoursOnCells()
{
    const qint64 to = kT0 + 7 * 1440 * kMinute;
    const HistoryGrid grid(kT0, to, 168);
    QCOMPARE(grid.step(), HistoryGrid::kCellMs);
    checkEdges(grid, kT0, to, 168);
    QCOMPARE(grid.startOf(2) - grid.startOf(1), 60 * kMinute);
}

// bucketOf() and startOf() agree to the millisecond: a reading at a bucket's start is in it,
// one a millisecond earlier is in the bucket before; the last bucket runs to `to`.
void TestHistoryGrid::everyTimeInTheBucketItsStartSays_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<int>("buckets");
    QTest::newRow("year, 2000 points") << kT0 << kT0 + 525600 * kMinute << 2000;
    QTest::newRow("week as hours") << kT0 << kT0 + 7 * 1440 * kMinute << 168;
    QTest::newRow("aligned range") << kT0 - 400000 << kT0 - 400000 + 1440 * kMinute << 24;
    QTest::newRow("odd span, 7 buckets") << kT0 + 1 << kT0 + 4321 * kMinute + 17 << 7;
    QTest::newRow("exactly four cells a bucket") << kT0 << kT0 + 40 * 30 * kMinute << 30;
    QTest::newRow("exactly four hours a bucket") << kT0 << kT0 + 240 * 30 * kMinute << 30;
    QTest::newRow("a year of days") << kT0 + 123 << kT0 + 365 * 1440 * kMinute << 365;
    QTest::newRow("a minute of day, equal widths") << kT0 << kT0 + 1440 * kMinute << 1440;
    QTest::newRow("37 narrow buckets") << kT0 << kT0 + 1000 * kMinute << 37;
}

void TestHistoryGrid::everyTimeInTheBucketItsStartSays()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(int, buckets);
    const HistoryGrid grid(from, to, buckets);
    QCOMPARE(grid.count(), buckets);
    QCOMPARE(grid.bucketOf(from), 0);
    QCOMPARE(grid.bucketOf(to - 1), buckets - 1);
    for (int i = 1; i < buckets; ++i) {
        const qint64 start = grid.startOf(i);
        QVERIFY(start > from && start < to);
        QCOMPARE(grid.bucketOf(start), i);
        QCOMPARE(grid.bucketOf(start - 1), i - 1);
    }
}

void TestHistoryGrid::narrowBucketsKeepEqualWidths()
{
    // 39 minutes a bucket: below four cells, the edges stay where equal widths put them.
    const HistoryGrid grid(kT0, kT0 + 39 * 10 * kMinute, 10);
    QVERIFY(!grid.onCells());
    QCOMPARE(grid.startOf(3), kT0 + 3 * 39 * kMinute);
    QCOMPARE(grid.bucketOf(kT0 + 39 * kMinute - 1), 0);
    QCOMPARE(grid.bucketOf(kT0 + 39 * kMinute), 1);
}

// A single bucket has no inner edge to move: the whole range, whatever its alignment.
void TestHistoryGrid::oneBucketTakesTheWholeRange()
{
    const HistoryGrid grid(kT0 + 1, kT0 + 1000 * 1440 * kMinute - 1, 1);
    QVERIFY(grid.onCells());
    QCOMPARE(grid.count(), 1);
    QCOMPARE(grid.startOf(0), kT0 + 1);
    QCOMPARE(grid.bucketOf(kT0 + 1), 0);
    QCOMPARE(grid.bucketOf(kT0 + 1000 * 1440 * kMinute - 2), 0);
}

QTEST_GUILESS_MAIN(TestHistoryGrid)
#include "tst_historygrid.moc"
