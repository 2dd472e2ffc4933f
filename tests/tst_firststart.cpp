// A first start on a new data folder: the simulator seeds millions of readings into the one
// store file while the window writes the sample indicators into it. Every write must wait its
// turn and succeed, not be told "database is locked".
#include "testsupport.h"

#include "appsettings.h"
#include "indicatorstore.h"
#include "layerstack.h"
#include "sensorhub.h"
#include "sensorsimulator.h"
#include "sensorstore.h"
#include "sensorwriter.h"
#include "sqliteconnection.h"
#include "storereader.h"
#include "storeset.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <future>
#include <thread>

using namespace dv;

namespace {

// Another connection holding the write lock for a while, as one seeding commit does.
class WriteLockHolder {
public:
    WriteLockHolder(const QString &path, int holdMs)
    {
        std::promise<bool> taken;
        std::future<bool> isTaken = taken.get_future();
        mThread = std::thread([path, holdMs, taken = std::move(taken)]() mutable {
            const QString name = SqliteConnection::uniqueName(QStringLiteral("holder-"));
            QString error;
            bool ok = SqliteConnection::open(name, path, &error);
            if (ok) {
                QSqlQuery q(QSqlDatabase::database(name));
                ok = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
                taken.set_value(ok);
                if (ok) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(holdMs));
                    q.exec(QStringLiteral("COMMIT"));
                }
            } else {
                taken.set_value(false);
            }
            SqliteConnection::close(name);
        });
        mTaken = isTaken.get();
    }
    ~WriteLockHolder() { mThread.join(); }
    bool taken() const { return mTaken; }

private:
    std::thread mThread;
    bool mTaken = false;
};

} // namespace

class TestFirstStart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void writesWaitForAnotherWriter();
    void indicatorsWrittenWhileTheSimulatorSeeds();

private:
    QTemporaryDir mDir;
    LayerStack mStack;
    std::vector<SimulatedDevice> mDevices;
};

void TestFirstStart::initTestCase()
{
    QVERIFY(mDir.isValid());
    AppSettings::setBrokerUrl(QString()); // the built-in simulator feeds the hub
    const QString error = dvtest::loadProvinceInto(mStack);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    mDevices = SensorSimulator::devicesForSites(*mStack.layer(QStringLiteral("sites")));
}

// Each store reads before it writes (what is there now, known devices, duplicates). Another
// connection committing meanwhile must be waited for, as the busy timeout promises.
void TestFirstStart::writesWaitForAnotherWriter()
{
    const QString path = mDir.filePath(QStringLiteral("held.sqlite"));
    const QString spec = QStringLiteral("sqlite:") + path;
    QString error;
    auto indicators = IndicatorStore::create(spec, &error);
    QVERIFY2(indicators, qPrintable(error));
    auto sensors = SensorStore::create(spec, &error);
    QVERIFY2(sensors, qPrintable(error));
    const auto device = sensors->deviceId(mDevices.front().key, &error);
    QVERIFY2(device, qPrintable(error));
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    {
        WriteLockHolder holder(path, 600);
        QVERIFY(holder.taken());
        QElapsedTimer waited;
        waited.start();
        QCOMPARE(indicators->ensureSampleData(&error), std::optional<bool>(true));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(waited.elapsed() >= 300, qPrintable(QString::number(waited.elapsed())));
    }
    {
        WriteLockHolder holder(path, 600);
        QVERIFY(holder.taken());
        Reading r;
        r.device = *device;
        r.metric = 0;
        r.timestamp = t0;
        r.arrival = t0;
        r.value = 21.5;
        const auto stats = sensors->write({ r }, &error);
        QVERIFY2(stats, qPrintable(error));
        QCOMPARE(stats->stored, 1);
    }
    const auto values = indicators->values(QStringLiteral("internet_penetration"), 2025, &error);
    QVERIFY2(values && !values->isEmpty(), qPrintable(error));
}

// What the window does on a first start: its sensor hub seeds 90 days of the sample devices
// (the alert engine judging them) while the indicator workspace's reader writes the bundled
// sample into the same file. The sample is written on the first try, before the seeding ends.
void TestFirstStart::indicatorsWrittenWhileTheSimulatorSeeds()
{
    const QString spec = QStringLiteral("sqlite:") + mDir.filePath(QStringLiteral("first.sqlite"));
    SensorHub hub(spec);
    QSignalSpy seeded(&hub, &SensorHub::seedFinished);
    QSignalSpy failed(&hub, &SensorHub::storeFailed);
    QString error;
    QVERIFY2(hub.start(*mStack.layer(QStringLiteral("sites")), &error), qPrintable(error));
    // The window asks once the map is loaded: the seeding is in full swing by then.
    QTRY_VERIFY_WITH_TIMEOUT(hub.writer()->storedCount() > 1000000, 60000);
    QVERIFY(failed.isEmpty());

    StoreReader reader(spec);
    std::optional<bool> written;
    QString failure;
    bool answered = false;
    reader.submit(
        this,
        [](StoreSet &stores) {
            std::pair<std::optional<bool>, QString> out;
            if (IndicatorStore *store = stores.indicators(&out.second))
                out.first = store->ensureSampleData(&out.second);
            return out;
        },
        [&](const std::pair<std::optional<bool>, QString> &out) {
            written = out.first;
            failure = out.second;
            answered = true;
        });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 60000);
    QVERIFY2(written == std::optional<bool>(true), qPrintable(failure));
    const bool stillSeeding = seeded.isEmpty();
    const qint64 storedMeanwhile = hub.writer()->storedCount();
    hub.stop();
    // The sample went in beside the seeding, not after it.
    QVERIFY2(stillSeeding, qPrintable(QString::number(storedMeanwhile)));

    auto indicators = IndicatorStore::create(spec, &error);
    QVERIFY2(indicators, qPrintable(error));
    const auto values = indicators->values(QStringLiteral("internet_penetration"), 2025, &error);
    QVERIFY2(values, qPrintable(error));
    QVERIFY(!values->isEmpty());
}

QTEST_MAIN(TestFirstStart)
#include "tst_firststart.moc"
