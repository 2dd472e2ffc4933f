// Both store backends: readings come back exactly, once each, and bucketed history is exact;
// on PostgreSQL also monthly partitions and access by county (row-level security).
#include "testpostgres.h"
#include "testsupport.h"

#include "chunkcodec.h"
#include "historygrid.h"
#include "postgresaccess.h"
#include "postgresconnection.h"
#include "postgressensorstore.h"
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

constexpr qint64 kDay()
{
    return 24 * 60 * kMinute;
}

using dvtest::reading;

// Readings first..last - 1 of a series, one a minute from kT0, each valued its minute.
std::vector<Reading> minutes(quint32 device, int metric, int first, int last)
{
    std::vector<Reading> out;
    for (int i = first; i < last; ++i)
        out.push_back(reading(device, metric, kT0 + i * kMinute, i));
    return out;
}

// The buckets a store must return for these readings: each placed where HistoryGrid says,
// empty ones left out, folded here one by one.
std::vector<HistoryBucket> expectedHistory(
    const std::vector<Reading> &all, qint64 from, qint64 to, int buckets)
{
    const HistoryGrid grid(from, to, buckets);
    std::vector<HistoryBucket> folded(static_cast<std::size_t>(buckets));
    std::vector<double> sums(folded.size(), 0.0);
    for (const Reading &r : all) { // oldest first, as the tests write them
        if (r.timestamp < from || r.timestamp >= to)
            continue;
        const auto i = static_cast<std::size_t>(grid.bucketOf(r.timestamp));
        HistoryBucket &b = folded[i];
        if (b.count == 0)
            b.first = b.min = b.max = r.value;
        b.min = std::min(b.min, r.value);
        b.max = std::max(b.max, r.value);
        b.last = r.value;
        sums[i] += r.value;
        ++b.count;
    }
    std::vector<HistoryBucket> out;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if (folded[i].count == 0)
            continue;
        folded[i].start = grid.startOf(int(i));
        folded[i].mean = sums[i] / folded[i].count;
        out.push_back(folded[i]);
    }
    return out;
}

// Bucket by bucket: counts, extremes, first and last exactly, the mean but for its last bits.
void compareHistory(const std::vector<HistoryBucket> &got, const std::vector<HistoryBucket> &want)
{
    QCOMPARE(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        QCOMPARE(got[i].start, want[i].start);
        QCOMPARE(got[i].count, want[i].count);
        QCOMPARE(got[i].min, want[i].min);
        QCOMPARE(got[i].max, want[i].max);
        QCOMPARE(got[i].first, want[i].first);
        QCOMPARE(got[i].last, want[i].last);
        QVERIFY(std::abs(got[i].mean - want[i].mean) < 1e-9);
    }
}

bool onPostgres()
{
    return TestPostgres::backend() == QLatin1String("postgresql");
}

// The store a spec names, opened through the registry as every command and the window open it.
std::unique_ptr<SensorStore> openStore(const QString &spec, QString *error)
{
    return SensorStore::create(spec, error);
}

// The database's name: a prefix that keeps the roles one test creates apart from another's.
QString databaseOf(const QString &uri)
{
    QString error;
    const auto target = PostgresConnection::parse(uri, &error);
    return target ? target->database : QString();
}

} // namespace

class TestSensorStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void codecRoundTrip();
    void roundTripThroughHistory();
    void duplicatesStoredOnce();
    void duplicatesDetectedAfterReopen();
    void bucketsKeepExactMinMax();
    void wideBucketsCountOnlyTheRange();
    void historyTheSameAfterCompaction();
    void lateReadingJoinsItsFoldedHour();
    void gapsStayGaps();
    void newerSchemaRefused();
    void readOnlyFileRefused();
    void damagedChunkReported();
    void unsupportedStoreSpec();
    void unknownDeviceLeftOutNotFatal();
    void compactionKeepsEveryReading();
    void duplicateBatchCountedAsDuplicates();
    void devicesListedAndFound();
    void routedKeyFindsChosenDevice();
    // PostgreSQL only.
    void partitionsCreatedForEachMonth();
    void droppedPartitionMadeAgain();
    void olderSchemasPartitionsKeepTheRollup();
    void wildTimestampRefusedNamingTheReading();
    void countyRoleSeesOnlyItsCounty();
    void collectorInsertsButCannotRead();
    void twoCollectorsOnOneSeries();

private:
    QString storePath() const { return mDir->filePath(QStringLiteral("store.sqlite")); }
    // A new store on this run's backend (DVDASH_TEST_BACKEND), opened; nullptr and a failed
    // check when it cannot be.
    std::unique_ptr<SensorStore> openFresh(const QString &spec = QString());
    std::unique_ptr<QTemporaryDir> mDir;
    QString mSpec;
};

// Opening a PostgreSQL store fills the county list from the bundled GeoPackage, through GDAL,
// as the application does after registering its drivers at start-up.
void TestSensorStore::initTestCase()
{
    GDALAllRegister();
}

void TestSensorStore::init()
{
    mDir = std::make_unique<QTemporaryDir>();
    QVERIFY(mDir->isValid());
    QString error;
    mSpec = TestPostgres::freshStoreSpec(*mDir, &error);
    QVERIFY2(!mSpec.isEmpty(), qPrintable(error));
}

std::unique_ptr<SensorStore> TestSensorStore::openFresh(const QString &spec)
{
    QString error;
    auto opened = openStore(spec.isEmpty() ? mSpec : spec, &error);
    if (!opened)
        qWarning("cannot open the store: %s", qPrintable(error));
    return opened;
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
    const auto store = openFresh();
    QVERIFY(store);
    const auto a = store->deviceId(QStringLiteral("520328/T0001/station-1"), &error);
    const auto b = store->deviceId(QStringLiteral("522601/P0001/tag-1"), &error);
    QVERIFY(a && b && *a != *b);
    QCOMPARE(*store->deviceId(QStringLiteral("520328/T0001/station-1"), &error), *a);
    for (int commit = 0; commit < 10; ++commit) {
        std::vector<Reading> batch;
        for (int i = 0; i < 6; ++i) {
            const qint64 ts = kT0 + (commit * 6 + i) * kMinute;
            batch.push_back(reading(*a, 1, ts, commit * 6 + i));
            batch.push_back(reading(*b, 8, ts, 38.0 + i / 10.0));
        }
        const auto stats = store->write(batch, &error);
        QVERIFY2(stats, qPrintable(error));
        QCOMPARE(stats->stored, 12);
        QCOMPARE(stats->duplicates, 0);
    }
    // One bucket per minute: every reading is its own bucket.
    const auto h = store->history(*a, 1, kT0, kT0 + 60 * kMinute, 60, &error);
    QVERIFY2(h, qPrintable(error));
    QCOMPARE(h->size(), std::size_t(60));
    for (int i = 0; i < 60; ++i) {
        QCOMPARE((*h)[i].start, kT0 + i * kMinute);
        QCOMPARE((*h)[i].count, 1);
        QCOMPARE((*h)[i].min, double(i));
        QCOMPARE((*h)[i].last, double(i));
    }
    const auto other = store->history(*b, 1, kT0, kT0 + 60 * kMinute, 60, &error);
    QVERIFY(other && other->empty());
}

// A QoS 1 redelivery, or the same reading twice in one batch, is stored once.
void TestSensorStore::duplicatesStoredOnce()
{
    QString error;
    const auto store = openFresh();
    QVERIFY(store);
    const quint32 d = *store->deviceId(QStringLiteral("d"), &error);
    std::vector<Reading> batch
        = { reading(d, 1, kT0, 1), reading(d, 1, kT0, 1), reading(d, 1, kT0 + kMinute, 2) };
    auto stats = store->write(batch, &error);
    QCOMPARE(stats->stored, 2);
    QCOMPARE(stats->duplicates, 1);
    // Redelivered later together with a new reading, and an older one never seen.
    stats = store->write({ reading(d, 1, kT0 + kMinute, 2), reading(d, 1, kT0 + 2 * kMinute, 3),
                            reading(d, 1, kT0 - kMinute, 0), reading(d, 2, kT0, 80) },
        &error);
    QVERIFY2(stats, qPrintable(error));
    QCOMPARE(stats->stored, 3);
    QCOMPARE(stats->duplicates, 1);
    const auto h = store->history(d, 1, kT0 - kMinute, kT0 + 3 * kMinute, 4, &error);
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
        const auto store = openFresh();
        QVERIFY(store);
        d = *store->deviceId(QStringLiteral("d"), &error);
        QCOMPARE(
            store->write({ reading(d, 1, kT0, 1), reading(d, 1, kT0 + kMinute, 2) }, &error)->stored,
            2);
    }
    const auto store = openFresh();
    QVERIFY(store);
    QCOMPARE(*store->deviceId(QStringLiteral("d"), &error), d);
    const auto stats = store->write(
        { reading(d, 1, kT0 + kMinute, 2), reading(d, 1, kT0 + 2 * kMinute, 3) }, &error);
    QCOMPARE(stats->stored, 1);
    QCOMPARE(stats->duplicates, 1);
}

// Downsampling must never hide a spike: each bucket's min and max are the true ones.
void TestSensorStore::bucketsKeepExactMinMax()
{
    QString error;
    const auto store = openFresh();
    QVERIFY(store);
    const quint32 d = *store->deviceId(QStringLiteral("sow"), &error);
    std::mt19937 rng(42);
    std::normal_distribution<double> noise(38.5, 0.2);
    std::vector<Reading> all;
    for (int i = 0; i < 10000; ++i)
        all.push_back(reading(d, 8, kT0 + i * kMinute, noise(rng)));
    all[4321].value = 41.7; // a fever spike
    for (std::size_t i = 0; i < all.size(); i += 1000)
        QVERIFY(store->write(std::vector<Reading>(all.begin() + i, all.begin() + i + 1000), &error));
    const int buckets = 37;
    const qint64 to = kT0 + 10000 * kMinute;
    const auto h = store->history(d, 8, kT0, to, buckets, &error);
    QVERIFY2(h, qPrintable(error));
    QCOMPARE(h->size(), std::size_t(buckets));
    // 270 minutes a bucket: edges on whole cells, the grid says which readings each one holds.
    QVERIFY(HistoryGrid(kT0, to, buckets).onCells());
    compareHistory(*h, expectedHistory(all, kT0, to, buckets));
    int total = 0;
    for (const HistoryBucket &b : *h)
        total += b.count;
    QCOMPARE(total, 10000);
    const auto peak
        = std::max_element(h->begin(), h->end(), [](auto &a, auto &b) { return a.max < b.max; });
    QCOMPARE(peak->max, 41.7);
}

// Wide buckets fold whole cells; the cells `from` and `to` fall in are cut, and only their
// readings inside the range count, in the buckets the grid gives them.
void TestSensorStore::wideBucketsCountOnlyTheRange()
{
    QString error;
    const auto store = openFresh();
    QVERIFY(store);
    const quint32 d = *store->deviceId(QStringLiteral("d"), &error);
    std::vector<Reading> all;
    for (int i = -60; i < 3 * 1440; ++i)
        all.push_back(reading(d, 1, kT0 + i * kMinute + 1000, i % 97));
    QVERIFY(store->write(all, &error));
    const qint64 from = kT0 + 7 * kMinute + 13000, to = kT0 + 2 * 1440 * kMinute + 3 * kMinute;
    QVERIFY(HistoryGrid(from, to, 20).onCells());
    const auto h = store->history(d, 1, from, to, 20, &error);
    QVERIFY2(h, qPrintable(error));
    QCOMPARE(h->size(), std::size_t(20));
    compareHistory(*h, expectedHistory(all, from, to, 20));
}

// Wide buckets on hours and on cells give what the grid says, before and after the store
// compacts (SQLite merges chunks; PostgreSQL folds closed hours into its hourly rollup), and a
// second compaction changes nothing.
void TestSensorStore::historyTheSameAfterCompaction()
{
    QString error;
    const auto store = openFresh();
    QVERIFY(store);
    const quint32 d = *store->deviceId(QStringLiteral("d"), &error);
    std::vector<Reading> all;
    for (int i = -90; i < 4 * 1440; ++i) {
        if (i / 60 % 9 != 4) // an hour in nine missing: buckets with gaps at their edges
            all.push_back(reading(d, 1, kT0 + i * kMinute + 1500, (i * 37) % 101));
    }
    for (std::size_t i = 0; i < all.size(); i += 500)
        QVERIFY(store->write(std::vector<Reading>(all.begin() + i,
                                 all.begin() + std::min(all.size(), i + 500)),
            &error));
    const qint64 from = kT0 + 17 * kMinute + 4321, to = kT0 + 3 * 1440 * kMinute + 7 * kMinute;
    const auto check = [&](int buckets, qint64 step) {
        QCOMPARE(HistoryGrid(from, to, buckets).step(), step);
        const auto h = store->history(d, 1, from, to, buckets, &error);
        QVERIFY2(h, qPrintable(error));
        compareHistory(*h, expectedHistory(all, from, to, buckets));
    };
    check(12, HistoryGrid::kHourMs);
    check(40, HistoryGrid::kCellMs);
    QVERIFY2(store->compact(kT0 + 5 * kDay(), &error), qPrintable(error));
    check(12, HistoryGrid::kHourMs);
    check(40, HistoryGrid::kCellMs);
    const auto again = store->compact(kT0 + 5 * kDay(), &error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(*again, 0);
    check(12, HistoryGrid::kHourMs);
}

// A reading for an hour already folded (a spool forwarded after an outage) is added to the hour
// as well as to its cell: the year's buckets count it.
void TestSensorStore::lateReadingJoinsItsFoldedHour()
{
    if (!onPostgres())
        QSKIP("the hourly rollup is PostgreSQL's");
    QString error;
    const auto store = openFresh();
    QVERIFY(store);
    const quint32 d = *store->deviceId(QStringLiteral("520102/P0001/d"), &error);
    QCOMPARE(store->write(minutes(d, 1, 0, 600), &error)->stored, 600);
    const auto folded = store->compact(kT0 + kDay(), &error);
    QVERIFY2(folded, qPrintable(error));
    QVERIFY(*folded >= 9);
    QCOMPARE(store->write({ reading(d, 1, kT0 + 200 * kMinute + 30000, 1000) }, &error)->stored,
        1);
    const qint64 from = kT0 - 40 * kMinute, to = kT0 + 20 * 60 * kMinute;
    QCOMPARE(HistoryGrid(from, to, 5).step(), HistoryGrid::kHourMs);
    const auto h = store->history(d, 1, from, to, 5, &error);
    QVERIFY2(h, qPrintable(error));
    int count = 0;
    double peak = 0;
    for (const HistoryBucket &b : *h) {
        count += b.count;
        peak = std::max(peak, b.max);
    }
    QCOMPARE(count, 601);
    QCOMPARE(peak, 1000.0);
}

// A device that was offline for an hour leaves a gap, not an interpolated line.
void TestSensorStore::gapsStayGaps()
{
    QString error;
    const auto store = openFresh();
    QVERIFY(store);
    const quint32 d = *store->deviceId(QStringLiteral("d"), &error);
    std::vector<Reading> batch;
    for (int i = 0; i < 180; ++i)
        if (i < 60 || i >= 120)
            batch.push_back(reading(d, 1, kT0 + i * kMinute, i));
    QVERIFY(store->write(batch, &error));
    const auto h = store->history(d, 1, kT0, kT0 + 180 * kMinute, 18, &error);
    QCOMPARE(h->size(), std::size_t(12));
    QCOMPARE(h->at(5).start, kT0 + 50 * kMinute);
    QCOMPARE(h->at(6).start, kT0 + 120 * kMinute);
}

// A store written by a newer program is left alone, with a message that says so.
void TestSensorStore::newerSchemaRefused()
{
    QString error;
    {
        const auto store = openFresh();
        QVERIFY(store);
    }
    QString name = QStringLiteral("store.sqlite");
    if (onPostgres()) {
        QVERIFY2(TestPostgres::exec(mSpec,
                     QStringLiteral("UPDATE dvdash_schema SET version = 99 WHERE part = 'readings'"),
                     &error),
            qPrintable(error));
        name = databaseOf(mSpec);
    } else {
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("poke"));
            db.setDatabaseName(storePath());
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("INSERT INTO schema_version VALUES (99)"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("poke"));
    }
    QVERIFY(!openStore(mSpec, &error));
    QVERIFY2(error.contains(name) && error.contains(QStringLiteral("99")), qPrintable(error));
}

void TestSensorStore::readOnlyFileRefused()
{
    if (onPostgres())
        QSKIP("file permissions: the server decides what a role may write (see the RLS cases)");
    QString error;
    {
        const auto store = openFresh();
        QVERIFY(store);
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
    if (onPostgres())
        QSKIP("no chunks on PostgreSQL: one row a reading, checked by the server");
    QString error;
    quint32 d;
    {
        const auto store = openFresh();
        QVERIFY(store);
        d = *store->deviceId(QStringLiteral("d"), &error);
        QVERIFY(store->write({ reading(d, 1, kT0, 1) }, &error));
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
    const auto store = openFresh();
    QVERIFY(store);
    QVERIFY(!store->history(d, 1, kT0 - 1, kT0 + 1, 1, &error));
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
    const auto store = openFresh();
    QVERIFY(store);
    const quint32 d = *store->deviceId(QStringLiteral("d"), &error);
    const auto stats = store->write(
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
    const auto store = openFresh();
    QVERIFY(store);
    const quint32 d = *store->deviceId(QStringLiteral("d"), &error);
    const qint64 day0 = (kT0 / 86400000 + 1) * 86400000; // a UTC midnight
    for (int i = 0; i < 2 * 1440 + 60; ++i) // two days and an hour, a reading per commit
        QVERIFY(store->write({ reading(d, 1 + i % 2, day0 + i * kMinute, i) }, &error));
    const qint64 end = day0 + (2 * 1440 + 60) * kMinute;
    const auto before = store->history(d, 1, day0, end, 300, &error);
    const auto removed = store->compact(day0 + 2 * 1440 * kMinute, &error);
    QVERIFY2(removed, qPrintable(error));
    // SQLite: two day chunks replace 2,880 one-reading chunks; PostgreSQL keeps a row a reading
    // and folds the two days' hours of both series into its hourly rollup.
    QCOMPARE(*removed, onPostgres() ? 2 * 48 : 2 * 1440 - 2);
    const auto after = store->history(d, 1, day0, end, 300, &error);
    QVERIFY(before && after);
    QCOMPARE(after->size(), before->size());
    for (std::size_t i = 0; i < before->size(); ++i) {
        QCOMPARE((*after)[i].count, (*before)[i].count);
        QCOMPARE((*after)[i].min, (*before)[i].min);
        QCOMPARE((*after)[i].max, (*before)[i].max);
        QCOMPARE((*after)[i].first, (*before)[i].first);
        QCOMPARE((*after)[i].last, (*before)[i].last);
    }
    QCOMPARE(*store->compact(day0 + 2 * 1440 * kMinute, &error), 0); // nothing left to merge
    const auto stats = store->write({ reading(d, 1, day0 + 100 * kMinute, 100) }, &error);
    QCOMPARE(stats->duplicates, 1);
}

// A whole batch redelivered (the collector restarted before its acknowledgement went out) is
// counted as duplicates, also by a store object that did not write it.
void TestSensorStore::duplicateBatchCountedAsDuplicates()
{
    QString error;
    std::vector<Reading> batch;
    quint32 a, b;
    {
        const auto store = openFresh();
        QVERIFY(store);
        a = *store->deviceId(QStringLiteral("520102/P0001/a"), &error);
        b = *store->deviceId(QStringLiteral("520102/P0001/b"), &error);
        for (int i = 0; i < 100; ++i) {
            batch.push_back(reading(a, 1, kT0 + i * kMinute, i));
            batch.push_back(reading(b, 8, kT0 + i * kMinute, 38 + i / 100.0));
        }
        const auto first = store->write(batch, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->stored, 200);
        const auto again = store->write(batch, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->stored, 0);
        QCOMPARE(again->duplicates, 200);
    }
    const auto store = openFresh();
    QVERIFY(store);
    batch.push_back(reading(a, 1, kT0 + 100 * kMinute, 100));
    batch.push_back(batch.back());
    const auto stats = store->write(batch, &error);
    QVERIFY2(stats, qPrintable(error));
    QCOMPARE(stats->stored, 1);
    QCOMPARE(stats->duplicates, 201);
    const auto all = store->readings(a, 1, kT0, kT0 + 200 * kMinute, &error);
    QVERIFY2(all, qPrintable(error));
    QCOMPARE(all->size(), std::size_t(101));
    const auto h = store->history(a, 1, kT0, kT0 + 101 * kMinute, 1, &error);
    QVERIFY2(h, qPrintable(error));
    QCOMPARE(h->size(), std::size_t(1));
    QCOMPARE(h->front().count, 101);
}

// Devices by key prefix in key order, found by full key or unique last part; every field of a
// reading comes back; the newest time is the newest reading's.
void TestSensorStore::devicesListedAndFound()
{
    QString error;
    const auto store = openFresh();
    QVERIFY(store);
    QCOMPARE(*store->newestTimestamp(&error), qint64(0));
    const quint32 b = *store->deviceId(QStringLiteral("520102/P0003/tag_2"), &error);
    const quint32 a = *store->deviceId(QStringLiteral("520102/P0003/tag-1"), &error);
    const quint32 c = *store->deviceId(QStringLiteral("520328/T0001/tag-1"), &error);
    const auto listed = store->devices(QStringLiteral("520102/P0003/"), &error);
    QVERIFY2(listed, qPrintable(error));
    QCOMPARE(listed->size(), std::size_t(2));
    QCOMPARE(listed->at(0).id, a); // '-' sorts before '_'
    QCOMPARE(listed->at(1).key, QStringLiteral("520102/P0003/tag_2"));
    QCOMPARE(store->devices(QString(), &error)->size(), std::size_t(3));
    QCOMPARE(*store->findDevice(QStringLiteral("tag_2"), &error), b);
    QCOMPARE(*store->findDevice(QStringLiteral("520328/T0001/tag-1"), &error), c);
    QVERIFY(!store->findDevice(QStringLiteral("tag-1"), &error));
    QVERIFY2(error.contains(QStringLiteral("2 devices")), qPrintable(error));
    QVERIFY(!store->findDevice(QStringLiteral("tag-9"), &error));
    QVERIFY2(error.contains(QStringLiteral("no device")), qPrintable(error));

    Reading r = reading(a, 9, kT0 + 1234, -3.25);
    r.sensorFault = true;
    r.arrival = kT0 + 99999;
    QVERIFY(store->write({ r, reading(c, 9, kT0 - kMinute, 1.0 / 3) }, &error));
    const auto back = store->readings(a, 9, kT0, kT0 + kMinute, &error);
    QVERIFY2(back && back->size() == 1, qPrintable(error));
    QCOMPARE(back->front().device, a);
    QCOMPARE(back->front().metric, quint8(9));
    QCOMPARE(back->front().timestamp, kT0 + 1234);
    QCOMPARE(back->front().arrival, kT0 + 99999);
    QCOMPARE(back->front().value, -3.25);
    QCOMPARE(back->front().sensorFault, true);
    QCOMPARE(store->readings(c, 9, kT0 - kMinute, kT0, &error)->front().value, 1.0 / 3);
    QCOMPARE(*store->newestTimestamp(&error), kT0 + 1234);
}

// A device accepted into another site than its topic names: the topic's key finds the chosen
// site's device, before any device of its own name; routing again moves it; the list shows
// only the device as stored.
void TestSensorStore::routedKeyFindsChosenDevice()
{
    QString error;
    const auto store = openFresh();
    QVERIFY(store);
    const QString heard = QStringLiteral("520328/OLDNAME/tag-9");
    const auto farm = store->routeDevice(heard, QStringLiteral("520328/MYFARM/tag-9"), &error);
    QVERIFY2(farm, qPrintable(error));
    QCOMPARE(*store->findDevice(heard, &error), *farm);
    QCOMPARE(*store->findDevice(QStringLiteral("520328/MYFARM/tag-9"), &error), *farm);
    QCOMPARE(*store->deviceId(QStringLiteral("520328/MYFARM/tag-9"), &error), *farm);
    QCOMPARE(*store->deviceId(heard, &error), *farm); // as the writer asks on an accept
    const auto listed = store->devices(QString(), &error);
    QVERIFY2(listed && listed->size() == 1, qPrintable(error));
    QCOMPARE(listed->front().key, QStringLiteral("520328/MYFARM/tag-9"));
    const auto moved = store->routeDevice(heard, QStringLiteral("520328/NEWFARM/tag-9"), &error);
    QVERIFY2(moved && *moved != *farm, qPrintable(error));
    QCOMPARE(*store->findDevice(heard, &error), *moved);
    // Kept over a reopen (a restarted `dvdash listen`).
    const auto reopened = openStore(mSpec, &error);
    QVERIFY2(reopened, qPrintable(error));
    QCOMPARE(*reopened->findDevice(heard, &error), *moved);
    QCOMPARE(*reopened->deviceId(heard, &error), *moved);
    QCOMPARE(reopened->devices(QString(), &error)->size(), std::size_t(2));
}

// A batch spanning two UTC months lands in two monthly partitions, created by the writer
// together with the month after.
void TestSensorStore::partitionsCreatedForEachMonth()
{
    if (!onPostgres())
        QSKIP("partitions are PostgreSQL's");
    QString error;
    const auto store = openFresh();
    QVERIFY(store);
    const quint32 d = *store->deviceId(QStringLiteral("520102/P0001/d"), &error);
    const qint64 december = 1796083200000; // 2026-12-01T00:00:00Z
    QCOMPARE(PostgresSensorStore::monthStart(december - 1), qint64(1793491200000));
    QCOMPARE(PostgresSensorStore::nextMonthStart(december - 1), december);
    std::vector<Reading> batch;
    for (int i = -30; i < 30; ++i)
        batch.push_back(reading(d, 1, december + i * kMinute, i));
    const auto stats = store->write(batch, &error);
    QVERIFY2(stats, qPrintable(error));
    QCOMPARE(stats->stored, 60);
    const QStringList parts = TestPostgres::column(mSpec,
        QStringLiteral("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = "
                       "i.inhrelid WHERE i.inhparent = 'readings'::regclass ORDER BY 1"),
        &error);
    QCOMPARE(parts,
        QStringList({ QStringLiteral("readings_2026_11"), QStringLiteral("readings_2026_12"),
            QStringLiteral("readings_2027_01") }));
    const QStringList counts = TestPostgres::column(mSpec,
        QStringLiteral("SELECT tableoid::regclass || '=' || count(*) FROM readings GROUP BY "
                       "tableoid ORDER BY 1"),
        &error);
    QCOMPARE(counts,
        QStringList({ QStringLiteral("readings_2026_11=30"), QStringLiteral("readings_2026_12=30") }));
    const auto h = store->history(d, 1, december - 30 * kMinute, december + 30 * kMinute, 2, &error);
    QVERIFY2(h && h->size() == 2, qPrintable(error));
    QCOMPARE(h->at(0).last, -1.0);
    QCOMPARE(h->at(1).first, 0.0);
}

// A month's partition dropped under a running collector (a DBA's retention) is made again by
// the next batch of that month, which is stored whole.
void TestSensorStore::droppedPartitionMadeAgain()
{
    if (!onPostgres())
        QSKIP("partitions are PostgreSQL's");
    QString error;
    const auto store = openFresh();
    QVERIFY(store);
    const quint32 d = *store->deviceId(QStringLiteral("520102/P0001/d"), &error);
    QCOMPARE(store->write(minutes(d, 1, 0, 20), &error)->stored, 20);
    QVERIFY2(TestPostgres::exec(mSpec, QStringLiteral("DROP TABLE readings_2026_11"), &error),
        qPrintable(error));
    const auto stats = store->write(minutes(d, 1, 20, 30), &error);
    QVERIFY2(stats, qPrintable(error));
    QCOMPARE(stats->stored, 10);
    QCOMPARE(store->readings(d, 1, kT0, kT0 + kDay(), &error)->size(), std::size_t(10));
}

// A store made by an older version (3: partitions without a trigger of their own) is brought up
// to date with them: readings written into a partition directly still reach the rollup.
void TestSensorStore::olderSchemasPartitionsKeepTheRollup()
{
    if (!onPostgres())
        QSKIP("partitions are PostgreSQL's");
    QString error;
    {
        const auto store = openFresh();
        QVERIFY(store);
        const quint32 d = *store->deviceId(QStringLiteral("520102/P0001/d"), &error);
        QCOMPARE(store->write({ reading(d, 1, kT0, 0) }, &error)->stored, 1);
    }
    for (const QString &step :
        { QStringLiteral("DROP TRIGGER readings_rollup ON readings_2026_11"),
            QStringLiteral("DROP TRIGGER readings_rollup ON readings_2026_12"),
            QStringLiteral("DROP FUNCTION dvdash_readings_partition_setup(regclass)"),
            QStringLiteral("UPDATE dvdash_schema SET version = 3 WHERE part = 'readings'") })
        QVERIFY2(TestPostgres::exec(mSpec, step, &error), qPrintable(error));
    const auto store = openFresh();
    QVERIFY(store);
    const quint32 d = *store->deviceId(QStringLiteral("520102/P0001/d"), &error);
    QCOMPARE(store->write({ reading(d, 1, kT0, 0) }, &error)->duplicates, 1);
    QCOMPARE(store->write(minutes(d, 1, 1, 30), &error)->stored, 29);
    QVERIFY2(TestPostgres::exec(mSpec,
                 QStringLiteral("INSERT INTO readings_2026_11 (device_id, metric, t, value, "
                                "arrival) VALUES (%1, 1, %2, 30, %2)")
                     .arg(d)
                     .arg(kT0 + 30 * kMinute),
                 &error),
        qPrintable(error));
    const auto h = store->history(d, 1, kT0, kT0 + 40 * kMinute, 1, &error);
    QVERIFY2(h && h->size() == 1, qPrintable(error));
    QCOMPARE(h->front().count, 31);
    QCOMPARE(h->front().last, 30.0);
}

// A device clock gone wild is refused with the reading named, and nothing of the batch written.
void TestSensorStore::wildTimestampRefusedNamingTheReading()
{
    if (!onPostgres())
        QSKIP("SQLite has no partitions to bound; it stores any time");
    QString error;
    const auto store = openFresh();
    QVERIFY(store);
    const quint32 d = *store->deviceId(QStringLiteral("520102/P0001/d"), &error);
    QVERIFY(!store->write({ reading(d, 1, kT0, 1), reading(d, 3, 86400000, 2) }, &error));
    QVERIFY2(error.contains(QStringLiteral("device %1").arg(d))
            && error.contains(QStringLiteral("1970-01-02T00:00:00.000"))
            && error.contains(QStringLiteral("2000")),
        qPrintable(error));
    QVERIFY(store->readings(d, 1, kT0, kT0 + 1, &error)->empty());
}

// A county official's role sees its county's devices and readings and nothing of another
// county's, through the store and through a hand-written query alike.
void TestSensorStore::countyRoleSeesOnlyItsCounty()
{
    if (!onPostgres())
        QSKIP("row-level security is PostgreSQL's");
    QString error;
    const auto owner = openFresh();
    QVERIFY(owner);
    const quint32 mine = *owner->deviceId(QStringLiteral("520102/P0001/a"), &error);
    const quint32 theirs = *owner->deviceId(QStringLiteral("520328/T0001/b"), &error);
    std::vector<Reading> batch;
    for (int i = 0; i < 120; ++i) {
        batch.push_back(reading(mine, 1, kT0 + i * kMinute, i));
        batch.push_back(reading(theirs, 1, kT0 + i * kMinute + 1, 100 + i));
    }
    QVERIFY(owner->write(batch, &error));
    QVERIFY2(owner->compact(kT0 + kDay(), &error), qPrintable(error)); // hours folded too

    const QString role = databaseOf(mSpec) + QStringLiteral("_county");
    PostgresConnection admin(mSpec);
    QVERIFY2(admin.open(&error), qPrintable(error));
    QString done;
    QVERIFY2(PostgresAccessSchema::grant(admin, role, PostgresAccessSchema::Scope::County,
                 QStringLiteral("520102"), &done, &error),
        qPrintable(error));
    const QString uri = TestPostgres::uriAs(mSpec, role);
    const auto county = openFresh(uri);
    QVERIFY(county);
    const auto seen = county->devices(QString(), &error);
    QVERIFY2(seen, qPrintable(error));
    QCOMPARE(seen->size(), std::size_t(1));
    QCOMPARE(seen->front().id, mine);
    QVERIFY(!county->findDevice(QStringLiteral("520328/T0001/b"), &error));
    QCOMPARE(county->readings(mine, 1, kT0, kT0 + 200 * kMinute, &error)->size(), std::size_t(120));
    QVERIFY(county->readings(theirs, 1, kT0, kT0 + 200 * kMinute, &error)->empty());
    // Both history paths: narrow buckets (readings) and wide ones (the rollup).
    QCOMPARE(county->history(mine, 1, kT0, kT0 + 120 * kMinute, 120, &error)->size(),
        std::size_t(120));
    QCOMPARE(county->history(mine, 1, kT0, kT0 + 120 * kMinute, 2, &error)->size(), std::size_t(2));
    QVERIFY(county->history(theirs, 1, kT0, kT0 + 120 * kMinute, 120, &error)->empty());
    QVERIFY(county->history(theirs, 1, kT0, kT0 + 120 * kMinute, 2, &error)->empty());
    QCOMPARE(*county->newestTimestamp(&error), kT0 + 119 * kMinute);
    QCOMPARE(*owner->newestTimestamp(&error), kT0 + 119 * kMinute + 1);
    // A forged query gets the same answer; a partition read directly gets nothing at all.
    QCOMPARE(TestPostgres::column(uri,
                 QStringLiteral("SELECT count(*) FROM readings WHERE device_id = %1").arg(theirs),
                 &error),
        QStringList { QStringLiteral("0") });
    QCOMPARE(TestPostgres::column(uri, QStringLiteral("SELECT count(*) FROM readings"), &error),
        QStringList { QStringLiteral("120") });
    QCOMPARE(TestPostgres::column(uri, QStringLiteral("SELECT count(*) FROM readings_rollup"),
                 &error)
                 .size(),
        1);
    QCOMPARE(TestPostgres::column(uri,
                 QStringLiteral("SELECT DISTINCT device_id FROM readings_rollup_hour"), &error),
        QStringList { QString::number(mine) });
    QVERIFY(TestPostgres::column(uri, QStringLiteral("SELECT count(*) FROM readings_2026_11"),
        &error)
                .isEmpty());
    QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
    // An official reads; writing readings is the collector's.
    QVERIFY(!county->write({ reading(mine, 2, kT0, 1) }, &error));
}

// The collector registers devices and inserts readings (redeliveries counted as duplicates)
// but can read nothing: not readings, not devices, not even its own rows.
void TestSensorStore::collectorInsertsButCannotRead()
{
    if (!onPostgres())
        QSKIP("roles are PostgreSQL's");
    QString error;
    const auto owner = openFresh();
    QVERIFY(owner);
    const quint32 known = *owner->deviceId(QStringLiteral("520102/P0001/a"), &error);
    const QString role = databaseOf(mSpec) + QStringLiteral("_collector");
    PostgresConnection admin(mSpec);
    QVERIFY2(admin.open(&error), qPrintable(error));
    QString done;
    QVERIFY2(PostgresAccessSchema::grant(admin, role, PostgresAccessSchema::Scope::Collector,
                 QString(), &done, &error),
        qPrintable(error));
    const QString uri = TestPostgres::uriAs(mSpec, role);
    const auto collector = openFresh(uri);
    QVERIFY(collector);
    const auto added = collector->deviceId(QStringLiteral("520328/T0001/b"), &error);
    QVERIFY2(added, qPrintable(error));
    QCOMPARE(*collector->deviceId(QStringLiteral("520102/P0001/a"), &error), known);
    // It finds the devices it hears (listen without --accept-new-devices) and may route one.
    QCOMPARE(*collector->findDevice(QStringLiteral("520102/P0001/a"), &error), known);
    const auto routed
        = collector->routeDevice(QStringLiteral("520102/OLD/a"), QStringLiteral("520102/P0001/a"), &error);
    QVERIFY2(routed && *routed == known, qPrintable(error));
    QCOMPARE(*collector->findDevice(QStringLiteral("520102/OLD/a"), &error), known);
    std::vector<Reading> batch;
    for (int i = 0; i < 50; ++i) {
        batch.push_back(reading(known, 1, kT0 + i * kMinute, i));
        batch.push_back(reading(*added, 1, kT0 + i * kMinute, i));
    }
    batch.push_back(reading(*added + 1000, 1, kT0, 0));
    auto stats = collector->write(batch, &error);
    QVERIFY2(stats, qPrintable(error));
    QCOMPARE(stats->stored, 100);
    QCOMPARE(stats->unknownDevice, 1);
    stats = collector->write(batch, &error);
    QVERIFY2(stats, qPrintable(error));
    QCOMPARE(stats->stored, 0);
    QCOMPARE(stats->duplicates, 100);
    QCOMPARE(owner->readings(*added, 1, kT0, kT0 + kDay(), &error)->size(), std::size_t(50));
    // Newer readings go straight into the month's partition, rollup and all.
    stats = collector->write(minutes(*added, 1, 50, 80), &error);
    QVERIFY2(stats, qPrintable(error));
    QCOMPARE(stats->stored, 30);
    const auto h = owner->history(*added, 1, kT0, kT0 + 80 * kMinute, 1, &error);
    QVERIFY2(h && h->size() == 1, qPrintable(error));
    QCOMPARE(h->front().count, 80);
    QCOMPARE(h->front().last, 79.0);

    QVERIFY(!collector->devices(QString(), &error));
    QVERIFY(!collector->readings(known, 1, kT0, kT0 + kDay(), &error));
    QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
    QVERIFY(!collector->history(known, 1, kT0, kT0 + kDay(), 10, &error));
    QVERIFY(!collector->newestTimestamp(&error));
    for (const QString &table : { QStringLiteral("readings"), QStringLiteral("devices"),
             QStringLiteral("readings_rollup"), QStringLiteral("readings_rollup_hour"),
             QStringLiteral("device_routes"), QStringLiteral("readings_2026_11") }) {
        QVERIFY(TestPostgres::column(uri, QStringLiteral("SELECT count(*) FROM ") + table, &error)
                    .isEmpty());
        QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
    }
}

// Two collectors writing one series (a device heard by both): what one believes newest may be
// stale; the other's readings are still counted as duplicates, never stored twice.
void TestSensorStore::twoCollectorsOnOneSeries()
{
    if (!onPostgres())
        QSKIP("one SQLite file has one writer at a time (StoreWriterLock)");
    QString error;
    const auto a = openFresh();
    const auto b = openFresh();
    QVERIFY(a && b);
    const quint32 d = *a->deviceId(QStringLiteral("520102/P0001/d"), &error);
    QCOMPARE(*b->deviceId(QStringLiteral("520102/P0001/d"), &error), d);
    QCOMPARE(a->write(minutes(d, 1, 0, 10), &error)->stored, 10);
    QCOMPARE(b->write({ reading(d, 1, kT0 + 10 * kMinute, 10) }, &error)->stored, 1);
    const auto stats = a->write(minutes(d, 1, 5, 13), &error);
    QVERIFY2(stats, qPrintable(error));
    QCOMPARE(stats->stored, 2);
    QCOMPARE(stats->duplicates, 6);
    QCOMPARE(b->readings(d, 1, kT0, kT0 + kDay(), &error)->size(), std::size_t(13));
    const auto h = b->history(d, 1, kT0, kT0 + 130 * kMinute, 1, &error);
    QVERIFY2(h && h->size() == 1, qPrintable(error));
    QCOMPARE(h->front().count, 13);
    QCOMPARE(h->front().last, 12.0);
}

QTEST_GUILESS_MAIN(TestSensorStore)
#include "tst_sensorstore.moc"
