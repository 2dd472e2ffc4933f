// The writer thread: readings from many producers are committed once each, within the interval.
#include "testsupport.h"

#include "sensorwriter.h"
#include "sqlitesensorstore.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace dv;

namespace {

const qint64 kT0 = 1795000000000;

using dvtest::reading;

int countStored(const QString &path, quint32 device, int metric)
{
    QString error;
    SqliteSensorStore store(path);
    if (!store.open(&error))
        return -1;
    const auto h = store.history(device, metric, kT0 - 1, kT0 + 1000000000LL, 1, &error);
    return h && !h->empty() ? h->front().count : 0;
}

} // namespace

class TestSensorWriter : public QObject {
    Q_OBJECT

private slots:
    void concurrentProducersStoredOnce();
    void durableBeforeStop();
    void unopenableStoreReported();
    void quarantinedDeviceHeldUntilAccepted();
    void deviceRoutedElsewhereReleasesHeldReadings();
    void lockedStoreRetriedWithoutLoss();
    void newDeviceRegisteredOnceWritable();

private:
    // Devices get their numbers from the store, as the feed registers them.
    static std::vector<quint32> registerDevices(const QString &path, int count)
    {
        QString error;
        SqliteSensorStore store(path);
        std::vector<quint32> ids;
        if (!store.open(&error))
            return ids;
        for (int i = 0; i < count; ++i)
            ids.push_back(*store.deviceId(QStringLiteral("520328/S%1/d").arg(i), &error));
        return ids;
    }
    SensorWriter::StoreFactory factory(const QString &path)
    {
        return [path](QString *error) {
            return SensorStore::create(QStringLiteral("sqlite:") + path, error);
        };
    }
};

// MQTT, the simulator and replays submit from their own threads; every reading lands once,
// and a QoS 1 redelivery among them is counted as a duplicate.
void TestSensorWriter::concurrentProducersStoredOnce()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.sqlite"));
    const std::vector<quint32> devices = registerDevices(path, 4);
    QCOMPARE(devices.size(), std::size_t(4));
    SensorWriter writer(factory(path), 50);
    QString error;
    QVERIFY2(writer.start(&error), qPrintable(error));
    std::vector<std::thread> producers;
    for (int p = 0; p < 4; ++p) {
        producers.emplace_back([&writer, device = devices[p]] {
            for (int chunk = 0; chunk < 50; ++chunk) {
                std::vector<Reading> batch;
                for (int i = 0; i < 500; ++i)
                    batch.push_back(reading(device, 1, kT0 + (chunk * 500 + i) * 1000, i));
                if (chunk == 10) // redelivered
                    batch.push_back(reading(device, 1, kT0 + 17 * 1000, 17));
                writer.submit(std::move(batch));
            }
        });
    }
    for (auto &t : producers)
        t.join();
    writer.stop();
    QCOMPARE(writer.storedCount(), qint64(4 * 50 * 500));
    QCOMPARE(writer.duplicateCount(), qint64(4));
    for (quint32 device : devices)
        QCOMPARE(countStored(path, device, 1), 50 * 500);
}

// Committed at the interval, not only at shutdown: another reader of the file sees the data
// while the writer runs, so a hard kill loses at most one interval.
void TestSensorWriter::durableBeforeStop()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.sqlite"));
    const quint32 device = registerDevices(path, 1).at(0);
    SensorWriter writer(factory(path), 100);
    QString error;
    QVERIFY2(writer.start(&error), qPrintable(error));
    QSignalSpy committed(&writer, &SensorWriter::committed);
    std::vector<Reading> batch;
    for (int i = 0; i < 1000; ++i)
        batch.push_back(reading(device, 8, kT0 + i * 60000, 38.5));
    // A reading for a device the store never registered is left out, not allowed to block
    // everyone else's readings in the same commit.
    batch.push_back(reading(device + 1000, 8, kT0, 38.5));
    writer.submit(std::move(batch));
    QTRY_COMPARE_WITH_TIMEOUT(countStored(path, device, 8), 1000, 5000);
    QVERIFY(committed.count() >= 1);
    writer.stop();
}

void TestSensorWriter::unopenableStoreReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.sqlite"));
    QVERIFY(QDir().mkpath(path)); // a folder where the file should be
    SensorWriter writer(factory(path), 100);
    QString error;
    QVERIFY(!writer.start(&error));
    QVERIFY2(error.contains(QStringLiteral("w.sqlite")), qPrintable(error));
    writer.submit({ reading(1, 1, kT0, 1) });
    writer.stop(); // no thread: returns at once
}

static ParsedReading parsed(int metric, qint64 ts, double value)
{
    ParsedReading p;
    p.metric = metric;
    p.timestamp = ts;
    p.value = value;
    return p;
}

// `dvdash devices accept KEY --site FARM` while `dvdash listen` runs: the other process routes
// the key; at the device's next message the writer stores what it held and that message, all
// as the farm's device, each once.
void TestSensorWriter::deviceRoutedElsewhereReleasesHeldReadings()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.sqlite"));
    SensorWriter writer(factory(path), 50);
    QString error;
    QVERIFY2(writer.start(&error), qPrintable(error));
    const QString heard = QStringLiteral("520328/OLDNAME/tag-9");
    const QString farm = QStringLiteral("520328/MYFARM/tag-9");
    for (int i = 0; i < 10; ++i)
        writer.submit(heard, { parsed(8, kT0 + i * 60000, 38.5) }, kT0 + i * 60000);
    QTRY_COMPARE_WITH_TIMEOUT(writer.quarantined().value(heard), qint64(10), 5000);

    SqliteSensorStore other(path);
    QVERIFY2(other.open(&error), qPrintable(error));
    const auto id = other.routeDevice(heard, farm, &error);
    QVERIFY2(id, qPrintable(error));
    writer.submit(heard, { parsed(8, kT0 + 10 * 60000, 38.6) }, kT0 + 10 * 60000);
    QTRY_COMPARE_WITH_TIMEOUT(writer.storedCount(), qint64(11), 5000);
    QVERIFY(writer.quarantined().isEmpty());
    writer.stop();
    QCOMPARE(countStored(path, *id, 8), 11);
    const auto devices = other.devices(QString(), &error);
    QVERIFY2(devices && devices->size() == 1, qPrintable(error));
    QCOMPARE(devices->front().key, farm);
    // Routing the key again moves it: the latest choice wins.
    const auto moved = other.routeDevice(heard, QStringLiteral("520328/NEWFARM/tag-9"), &error);
    QVERIFY2(moved && *moved != *id, qPrintable(error));
    QCOMPARE(other.findDevice(heard, &error), moved);
}

void TestSensorWriter::quarantinedDeviceHeldUntilAccepted()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.sqlite"));
    SensorWriter writer(factory(path), 50);
    QString error;
    QVERIFY2(writer.start(&error), qPrintable(error));
    const QString key = QStringLiteral("520328/P0001/tag-0001");
    for (int i = 0; i < 10; ++i)
        writer.submit(key, { parsed(8, kT0 + i * 60000, 38.5) }, kT0 + i * 60000);
    QTRY_COMPARE_WITH_TIMEOUT(writer.quarantined().value(key), qint64(10), 5000);
    QCOMPARE(writer.storedCount(), qint64(0));
    QCOMPARE(writer.queuedReadings(), qint64(0)); // held, not queued: seeding is not throttled

    // Accepting stores what was held, then what comes next, each once.
    writer.acceptDevices({ key });
    writer.submit(key, { parsed(8, kT0 + 10 * 60000, 38.6) }, kT0 + 10 * 60000);
    QTRY_COMPARE_WITH_TIMEOUT(writer.storedCount(), qint64(11), 5000);
    QVERIFY(writer.quarantined().isEmpty());
    writer.stop();
    SqliteSensorStore store(path);
    QVERIFY2(store.open(&error), qPrintable(error));
    const auto id = store.findDevice(key, &error);
    QVERIFY2(id, qPrintable(error));
    QCOMPARE(countStored(path, *id, 8), 11);
}

void TestSensorWriter::lockedStoreRetriedWithoutLoss()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.sqlite"));
    const quint32 device = registerDevices(path, 1).at(0);
    SensorWriter writer(factory(path), 50);
    QString error;
    QVERIFY2(writer.start(&error), qPrintable(error));
    QSignalSpy failed(&writer, &SensorWriter::writeFailed);

    // Another program holds the write lock longer than the store's 5 s busy timeout.
    QSqlDatabase other
        = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
    other.setDatabaseName(path);
    QVERIFY(other.open());
    QSqlQuery lock(other);
    QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
    std::vector<Reading> batch;
    for (int i = 0; i < 100; ++i)
        batch.push_back(reading(device, 1, kT0 + i * 60000, 12.5));
    writer.submit(std::move(batch));
    QVERIFY(failed.wait(15000));
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("w.sqlite")),
        qPrintable(failed.first().first().toString()));
    QCOMPARE(writer.storedCount(), qint64(0));

    // Once the lock goes, the same batch is committed: nothing lost, nothing twice.
    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    QTRY_COMPARE_WITH_TIMEOUT(writer.storedCount(), qint64(100), 15000);
    writer.stop();
    lock = QSqlQuery();
    other.close();
    other = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    QCOMPARE(countStored(path, device, 1), 100);
}

// Commissioning (--accept-new-devices) while the store cannot be written: the new device's
// registration waits with its readings, like a known device's queued batch, and both are
// stored once the store can be written again -- not quarantined and forgotten.
void TestSensorWriter::newDeviceRegisteredOnceWritable()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.sqlite"));
    registerDevices(path, 1); // the store exists; the new device is not in it
    SensorWriter writer(factory(path), 50);
    writer.setAcceptNewDevices(true);
    QString error;
    QVERIFY2(writer.start(&error), qPrintable(error));
    QSignalSpy failed(&writer, &SensorWriter::writeFailed);

    QSqlDatabase other
        = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
    other.setDatabaseName(path);
    QVERIFY(other.open());
    QSqlQuery lock(other);
    QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));
    const QString key = QStringLiteral("520328/P0002/tag-0009");
    for (int i = 0; i < 20; ++i)
        writer.submit(key, { parsed(8, kT0 + i * 60000, 38.5) }, kT0 + i * 60000);
    QVERIFY(failed.wait(15000));
    QVERIFY2(failed.first().first().toString().contains(key),
        qPrintable(failed.first().first().toString()));
    QVERIFY(writer.quarantined().isEmpty());
    QCOMPARE(writer.storedCount(), qint64(0));
    QCOMPARE(writer.queuedReadings(), qint64(20));

    QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
    writer.submit(key, { parsed(8, kT0 + 20 * 60000, 38.6) }, kT0 + 20 * 60000);
    QTRY_COMPARE_WITH_TIMEOUT(writer.storedCount(), qint64(21), 20000);
    writer.stop();
    lock = QSqlQuery();
    other.close();
    other = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("other"));
    SqliteSensorStore store(path);
    QVERIFY2(store.open(&error), qPrintable(error));
    const auto id = store.findDevice(key, &error);
    QVERIFY2(id, qPrintable(error));
    QCOMPARE(countStored(path, *id, 8), 21);
}

QTEST_GUILESS_MAIN(TestSensorWriter)
#include "tst_sensorwriter.moc"
