// The embedded store: readings come back exactly, once each, and bucketed history is exact.
#include "testsupport.h"

#include "chunkcodec.h"
#include "sqlitesensorstore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace dv;

namespace {

const qint64 kT0 = 1795000000000; // 2026-11-18, ms UTC
const qint64 kMinute = 60000;

using dvtest::reading;

} // namespace

class TestSensorStore : public QObject {
    Q_OBJECT

private slots:
    void init();
    void codecRoundTrip();
    void roundTripThroughHistory();
    void duplicatesStoredOnce();
    void duplicatesDetectedAfterReopen();
    void bucketsKeepExactMinMax();
    void gapsStayGaps();
    void newerSchemaRefused();
    void readOnlyFileRefused();
    void damagedChunkReported();
    void unsupportedStoreSpec();
    void unknownDeviceLeftOutNotFatal();
    void compactionKeepsEveryReading();

private:
    QString storePath() const { return mDir->filePath(QStringLiteral("store.sqlite")); }
    std::unique_ptr<QTemporaryDir> mDir;
};

void TestSensorStore::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
}

// The compact chunk format gives back every field of every reading.
void TestSensorStore::codecRoundTrip()
{
    std::vector<Reading> in;
    for (int m : { 1, 2, 9 })
        for (int i = 0; i < 50; ++i) {
            Reading r = reading(7, m, kT0 + i * 1000 + (i % 3) * 7, 18.25 + i * 0.1 - m);
            r.sensorFault = i == 13;
            in.push_back(r);
        }
    const QByteArray blob = ChunkCodec::encode(in.data(), in.data() + in.size(), kT0);
    QVERIFY(blob.size() < int(in.size()) * 14);
    std::vector<Reading> out;
    QVERIFY(ChunkCodec::decode(blob, kT0, 7, -1, out));
    QCOMPARE(out.size(), in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        QCOMPARE(out[i].metric, in[i].metric);
        QCOMPARE(out[i].timestamp, in[i].timestamp);
        QCOMPARE(out[i].arrival, in[i].arrival);
        QCOMPARE(out[i].value, in[i].value);
        QCOMPARE(out[i].sensorFault, in[i].sensorFault);
    }
    out.clear();
    QVERIFY(ChunkCodec::decode(blob, kT0, 7, 2, out));
    QCOMPARE(out.size(), std::size_t(50));
    QVERIFY(!ChunkCodec::decode(blob.left(blob.size() - 3), kT0, 7, -1, out));
}

// Readings written in several commits, interleaved across devices, come back unchanged.
void TestSensorStore::roundTripThroughHistory()
{
    QString error;
    SqliteSensorStore store(storePath());
    QVERIFY2(store.open(&error), qPrintable(error));
    QCOMPARE(store.schemaVersion(), SqliteSensorStore::kSchemaVersion);
    const auto a = store.deviceId(QStringLiteral("520328/T0001/station-1"), &error);
    const auto b = store.deviceId(QStringLiteral("522601/P0001/tag-1"), &error);
    QVERIFY(a && b && *a != *b);
    QCOMPARE(*store.deviceId(QStringLiteral("520328/T0001/station-1"), &error), *a);
    for (int commit = 0; commit < 10; ++commit) {
        std::vector<Reading> batch;
        for (int i = 0; i < 6; ++i) {
            const qint64 ts = kT0 + (commit * 6 + i) * kMinute;
            batch.push_back(reading(*a, 1, ts, commit * 6 + i));
            batch.push_back(reading(*b, 8, ts, 38.0 + i / 10.0));
        }
        const auto stats = store.write(batch, &error);
        QVERIFY2(stats, qPrintable(error));
        QCOMPARE(stats->stored, 12);
        QCOMPARE(stats->duplicates, 0);
    }
    // One bucket per minute: every reading is its own bucket.
    const auto h = store.history(*a, 1, kT0, kT0 + 60 * kMinute, 60, &error);
    QVERIFY2(h, qPrintable(error));
    QCOMPARE(h->size(), std::size_t(60));
    for (int i = 0; i < 60; ++i) {
        QCOMPARE((*h)[i].start, kT0 + i * kMinute);
        QCOMPARE((*h)[i].count, 1);
        QCOMPARE((*h)[i].min, double(i));
        QCOMPARE((*h)[i].last, double(i));
    }
    const auto other = store.history(*b, 1, kT0, kT0 + 60 * kMinute, 60, &error);
    QVERIFY(other && other->empty());
}

// A QoS 1 redelivery, or the same reading twice in one batch, is stored once.
void TestSensorStore::duplicatesStoredOnce()
{
    QString error;
    SqliteSensorStore store(storePath());
    QVERIFY(store.open(&error));
    const quint32 d = *store.deviceId(QStringLiteral("d"), &error);
    std::vector<Reading> batch
        = { reading(d, 1, kT0, 1), reading(d, 1, kT0, 1), reading(d, 1, kT0 + kMinute, 2) };
    auto stats = store.write(batch, &error);
    QCOMPARE(stats->stored, 2);
    QCOMPARE(stats->duplicates, 1);
    // Redelivered later together with a new reading, and an older one never seen.
    stats = store.write({ reading(d, 1, kT0 + kMinute, 2), reading(d, 1, kT0 + 2 * kMinute, 3),
                            reading(d, 1, kT0 - kMinute, 0), reading(d, 2, kT0, 80) },
        &error);
    QVERIFY2(stats, qPrintable(error));
    QCOMPARE(stats->stored, 3);
    QCOMPARE(stats->duplicates, 1);
    const auto h = store.history(d, 1, kT0 - kMinute, kT0 + 3 * kMinute, 4, &error);
    QCOMPARE(h->size(), std::size_t(4));
    for (const HistoryBucket &b : *h)
        QCOMPARE(b.count, 1);
}

// After a restart the store still knows what it holds.
void TestSensorStore::duplicatesDetectedAfterReopen()
{
    QString error;
    quint32 d;
    {
        SqliteSensorStore store(storePath());
        QVERIFY(store.open(&error));
        d = *store.deviceId(QStringLiteral("d"), &error);
        QCOMPARE(
            store.write({ reading(d, 1, kT0, 1), reading(d, 1, kT0 + kMinute, 2) }, &error)->stored,
            2);
    }
    SqliteSensorStore store(storePath());
    QVERIFY(store.open(&error));
    QCOMPARE(*store.deviceId(QStringLiteral("d"), &error), d);
    const auto stats = store.write(
        { reading(d, 1, kT0 + kMinute, 2), reading(d, 1, kT0 + 2 * kMinute, 3) }, &error);
    QCOMPARE(stats->stored, 1);
    QCOMPARE(stats->duplicates, 1);
}

// Downsampling must never hide a spike: each bucket's min and max are the true ones.
void TestSensorStore::bucketsKeepExactMinMax()
{
    QString error;
    SqliteSensorStore store(storePath());
    QVERIFY(store.open(&error));
    const quint32 d = *store.deviceId(QStringLiteral("sow"), &error);
    std::mt19937 rng(42);
    std::normal_distribution<double> noise(38.5, 0.2);
    std::vector<Reading> all;
    for (int i = 0; i < 10000; ++i)
        all.push_back(reading(d, 8, kT0 + i * kMinute, noise(rng)));
    all[4321].value = 41.7; // a fever spike
    for (std::size_t i = 0; i < all.size(); i += 1000)
        QVERIFY(store.write(std::vector<Reading>(all.begin() + i, all.begin() + i + 1000), &error));
    const int buckets = 37;
    const qint64 to = kT0 + 10000 * kMinute;
    const auto h = store.history(d, 8, kT0, to, buckets, &error);
    QVERIFY2(h, qPrintable(error));
    QCOMPARE(h->size(), std::size_t(buckets));
    const double width = double(to - kT0) / buckets;
    int total = 0;
    for (int b = 0; b < buckets; ++b) {
        double mn = 1e9, mx = -1e9, sum = 0;
        int n = 0;
        double first = 0, last = 0;
        for (const Reading &r : all) {
            if (int((r.timestamp - kT0) / width) != b)
                continue;
            if (n == 0)
                first = r.value;
            last = r.value;
            mn = std::min(mn, r.value);
            mx = std::max(mx, r.value);
            sum += r.value;
            ++n;
        }
        QCOMPARE((*h)[b].count, n);
        QCOMPARE((*h)[b].min, mn);
        QCOMPARE((*h)[b].max, mx);
        QCOMPARE((*h)[b].first, first);
        QCOMPARE((*h)[b].last, last);
        QVERIFY(std::abs((*h)[b].mean - sum / n) < 1e-9);
        total += n;
    }
    QCOMPARE(total, 10000);
    const auto peak
        = std::max_element(h->begin(), h->end(), [](auto &a, auto &b) { return a.max < b.max; });
    QCOMPARE(peak->max, 41.7);
}

// A device that was offline for an hour leaves a gap, not an interpolated line.
void TestSensorStore::gapsStayGaps()
{
    QString error;
    SqliteSensorStore store(storePath());
    QVERIFY(store.open(&error));
    const quint32 d = *store.deviceId(QStringLiteral("d"), &error);
    std::vector<Reading> batch;
    for (int i = 0; i < 180; ++i)
        if (i < 60 || i >= 120)
            batch.push_back(reading(d, 1, kT0 + i * kMinute, i));
    QVERIFY(store.write(batch, &error));
    const auto h = store.history(d, 1, kT0, kT0 + 180 * kMinute, 18, &error);
    QCOMPARE(h->size(), std::size_t(12));
    QCOMPARE(h->at(5).start, kT0 + 50 * kMinute);
    QCOMPARE(h->at(6).start, kT0 + 120 * kMinute);
}

// A store written by a newer program is left alone, with a message that says so.
void TestSensorStore::newerSchemaRefused()
{
    QString error;
    {
        SqliteSensorStore store(storePath());
        QVERIFY(store.open(&error));
    }
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("poke"));
        db.setDatabaseName(storePath());
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("INSERT INTO schema_version VALUES (99)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("poke"));
    SqliteSensorStore store(storePath());
    QVERIFY(!store.open(&error));
    QVERIFY2(error.contains(QStringLiteral("store.sqlite")) && error.contains(QStringLiteral("99")),
        qPrintable(error));
}

void TestSensorStore::readOnlyFileRefused()
{
    QString error;
    {
        SqliteSensorStore store(storePath());
        QVERIFY(store.open(&error));
    }
    QFile::setPermissions(storePath(), QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
    SqliteSensorStore store(storePath());
    QVERIFY(!store.open(&error));
    QVERIFY2(error.contains(QStringLiteral("store.sqlite"))
            && error.contains(QStringLiteral("read-only")),
        qPrintable(error));
}

// A damaged chunk is reported with the device, not read as garbage.
void TestSensorStore::damagedChunkReported()
{
    QString error;
    quint32 d;
    {
        SqliteSensorStore store(storePath());
        QVERIFY(store.open(&error));
        d = *store.deviceId(QStringLiteral("d"), &error);
        QVERIFY(store.write({ reading(d, 1, kT0, 1) }, &error));
    }
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("poke"));
        db.setDatabaseName(storePath());
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("UPDATE chunks SET data = x'01020304'")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("poke"));
    SqliteSensorStore store(storePath());
    QVERIFY(store.open(&error));
    QVERIFY(!store.history(d, 1, kT0 - 1, kT0 + 1, 1, &error));
    QVERIFY2(error.contains(QStringLiteral("damaged")), qPrintable(error));
}

void TestSensorStore::unsupportedStoreSpec()
{
    QString error;
    QVERIFY(!SensorStore::create(QStringLiteral("mysql://x"), &error));
    QVERIFY(error.contains(QStringLiteral("mysql://x")));
    QVERIFY(SensorStore::create(QStringLiteral("sqlite:") + storePath(), &error));
}

// Readings for a device number the store never gave out are counted and left out; the
// others in the same commit are stored.
void TestSensorStore::unknownDeviceLeftOutNotFatal()
{
    QString error;
    SqliteSensorStore store(storePath());
    QVERIFY(store.open(&error));
    const quint32 d = *store.deviceId(QStringLiteral("d"), &error);
    const auto stats = store.write(
        { reading(d, 1, kT0, 1), reading(d + 77, 1, kT0, 1), reading(d + 77, 2, kT0, 1) }, &error);
    QVERIFY2(stats, qPrintable(error));
    QCOMPARE(stats->stored, 1);
    QCOMPARE(stats->unknownDevice, 2);
}

// Live data, a reading per commit, merged into day chunks: history unchanged, far fewer rows,
// newer chunks untouched, and redeliveries still recognised afterwards.
void TestSensorStore::compactionKeepsEveryReading()
{
    QString error;
    SqliteSensorStore store(storePath());
    QVERIFY(store.open(&error));
    const quint32 d = *store.deviceId(QStringLiteral("d"), &error);
    const qint64 day0 = (kT0 / 86400000 + 1) * 86400000; // a UTC midnight
    for (int i = 0; i < 2 * 1440 + 60; ++i) // two days and an hour, a reading per commit
        QVERIFY(store.write({ reading(d, 1 + i % 2, day0 + i * kMinute, i) }, &error));
    const qint64 end = day0 + (2 * 1440 + 60) * kMinute;
    const auto before = store.history(d, 1, day0, end, 300, &error);
    const auto removed = store.compact(day0 + 2 * 1440 * kMinute, &error);
    QVERIFY2(removed, qPrintable(error));
    QCOMPARE(*removed, 2 * 1440 - 2); // two day chunks replace 2,880 one-reading chunks
    const auto after = store.history(d, 1, day0, end, 300, &error);
    QVERIFY(before && after);
    QCOMPARE(after->size(), before->size());
    for (std::size_t i = 0; i < before->size(); ++i) {
        QCOMPARE((*after)[i].count, (*before)[i].count);
        QCOMPARE((*after)[i].min, (*before)[i].min);
        QCOMPARE((*after)[i].max, (*before)[i].max);
        QCOMPARE((*after)[i].first, (*before)[i].first);
        QCOMPARE((*after)[i].last, (*before)[i].last);
    }
    QCOMPARE(*store.compact(day0 + 2 * 1440 * kMinute, &error), 0); // nothing left to merge
    const auto stats = store.write({ reading(d, 1, day0 + 100 * kMinute, 100) }, &error);
    QCOMPARE(stats->duplicates, 1);
}

QTEST_GUILESS_MAIN(TestSensorStore)
#include "tst_sensorstore.moc"
