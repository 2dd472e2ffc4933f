// The order both stores write a batch in: series by series, in time, each reading once.
#include "readingbatch.h"

#include <QtTest>

#include <algorithm>
#include <random>

using namespace dv;

class TestReadingBatch : public QObject {
    Q_OBJECT
private slots:
    void sameOrderAsAFullSort_data();
    void sameOrderAsAFullSort();
    void firstArrivalOfADuplicateKept();
    void emptyAndSingle();
};

void TestReadingBatch::sameOrderAsAFullSort_data()
{
    QTest::addColumn<quint32>("maxDevice");
    QTest::addColumn<int>("lateEvery"); // one reading in N arrives after later ones
    QTest::newRow("1,000 devices, live") << quint32(1000) << 0;
    QTest::newRow("late readings") << quint32(1000) << 7;
    QTest::newRow("device numbers past 2^24") << quint32(0xfffffff0u) << 5;
}

// Interleaved devices and metrics with repeats: the same readings in the same order as the
// comparison sort the stores used before, and the same repeats dropped.
void TestReadingBatch::sameOrderAsAFullSort()
{
    QFETCH(quint32, maxDevice);
    QFETCH(int, lateEvery);
    std::mt19937 rng(42);
    std::uniform_int_distribution<quint32> device(0, maxDevice);
    std::vector<quint32> devices(300);
    for (quint32 &d : devices)
        d = device(rng);
    std::vector<Reading> batch;
    for (int tick = 0; tick < 40; ++tick) {
        for (quint32 d : devices) {
            for (int m = 1; m <= 6; m += 1 + int(rng() % 3)) {
                Reading r;
                r.device = d;
                r.metric = quint8(m);
                r.timestamp = 1763000000000 + tick * 1000;
                if (lateEvery && rng() % lateEvery == 0)
                    r.timestamp -= 3000 + 1000 * qint64(rng() % 5); // late, maybe a repeat
                r.value = tick;
                batch.push_back(r);
            }
        }
    }
    std::vector<Reading> expected = batch;
    std::stable_sort(expected.begin(), expected.end(), [](const Reading &a, const Reading &b) {
        if (a.device != b.device)
            return a.device < b.device;
        if (a.metric != b.metric)
            return a.metric < b.metric;
        return a.timestamp < b.timestamp;
    });
    const auto last = std::unique(expected.begin(), expected.end(),
        [](const Reading &a, const Reading &b) {
            return a.device == b.device && a.metric == b.metric && a.timestamp == b.timestamp;
        });
    const int repeats = int(expected.end() - last);
    expected.erase(last, expected.end());

    QCOMPARE(ReadingBatch::sortAndDeduplicate(batch), repeats);
    QCOMPARE(batch.size(), expected.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
        QCOMPARE(batch[i].device, expected[i].device);
        QCOMPARE(batch[i].metric, expected[i].metric);
        QCOMPARE(batch[i].timestamp, expected[i].timestamp);
        QCOMPARE(batch[i].value, expected[i].value);
    }
}

// A redelivery with another value (a device resent after a restart): the first one stays.
void TestReadingBatch::firstArrivalOfADuplicateKept()
{
    std::vector<Reading> batch(4);
    batch[0] = { 7, 8, false, 2000, 0, 38.5 };
    batch[1] = { 7, 8, false, 1000, 0, 38.4 };
    batch[2] = { 7, 8, false, 2000, 0, 99.0 };
    batch[3] = { 3, 8, false, 5000, 0, 38.0 };
    QCOMPARE(ReadingBatch::sortAndDeduplicate(batch), 1);
    QCOMPARE(int(batch.size()), 3);
    QCOMPARE(batch[0].device, quint32(3));
    QCOMPARE(batch[1].timestamp, qint64(1000));
    QCOMPARE(batch[2].value, 38.5);
}

void TestReadingBatch::emptyAndSingle()
{
    std::vector<Reading> none;
    QCOMPARE(ReadingBatch::sortAndDeduplicate(none), 0);
    std::vector<Reading> one(1);
    QCOMPARE(ReadingBatch::sortAndDeduplicate(one), 0);
    QCOMPARE(int(one.size()), 1);
}

QTEST_GUILESS_MAIN(TestReadingBatch)
#include "tst_readingbatch.moc"
