// Nothing lost, nothing doubled, nothing touched that must not be: two collectors, read-only
// stores, stores from a newer dvdash and a collector killed mid-ingest, with the real binary.
#include "testbroker.h"
#include "testsupport.h"

#include "alertstore.h"
#include "indicatorstore.h"
#include "sensorhub.h"
#include "sensorstore.h"
#include "sitestore.h"
#include "sqlitealertstore.h"
#include "sqliteindicatorstore.h"
#include "sqlitesensorstore.h"
#include "sqlitesitestore.h"
#include "storeregistry.h"
#include "storespec.h"
#include "storewriterlock.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace dv;

namespace {

const QString kDevice = QStringLiteral("520281/P0006/tag-0003");
constexpr int kBodyTemperature = 8;

QString findTool(const QString &name)
{
    return QStandardPaths::findExecutable(name,
        { QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin"),
            QStringLiteral("/usr/local/sbin"), QStringLiteral("/usr/local/bin") });
}

QByteArray hashOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

// Readings of kDevice's body temperature in the store; -1 if it cannot be read. Read-only:
// it never changes what it counts, also while a collector writes.
int storedReadings(const QString &path)
{
    if (!QFileInfo::exists(path))
        return 0;
    QString error;
    SqliteSensorStore store(path, StoreAccess::ReadOnly);
    if (!store.open(&error))
        return -1;
    QString ignored;
    const auto device = store.findDevice(kDevice, &ignored);
    if (!device)
        return 0;
    const auto h = store.history(
        *device, kBodyTemperature, 0, QDateTime::currentMSecsSinceEpoch() + 86400000, 1, &error);
    return h ? (h->empty() ? 0 : h->front().count) : -1;
}

qint64 newestReading(const QString &path)
{
    QString error;
    SqliteSensorStore store(path, StoreAccess::ReadOnly);
    if (!store.open(&error))
        return -1;
    return store.newestTimestamp(&error).value_or(-1);
}

QString integrity(const QString &path)
{
    QString result;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("integrity"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next())
                result = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("integrity"));
    return result;
}

// One message a minute for kDevice: half an hour normal, then a fever that lasts.
QByteArrayList feverStream(int count, qint64 end)
{
    QByteArrayList payloads;
    for (int i = 0; i < count; ++i) {
        const double value = i < 30 ? 38.5 : 40.6 + (i % 3) * 0.1;
        payloads << QStringLiteral("{\"ts\": %1, \"readings\": {\"body_temperature\": %2}}")
                        .arg(end - (count - 1 - i) * 60000LL)
                        .arg(value)
                        .toUtf8();
    }
    return payloads;
}

} // namespace

class TestStoreSafety : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void secondCollectorRefusedNamingTheFirst();
    void windowReadsWhileAnotherCollectorWrites();
    void readOnlyStoreReadUntouched();
    void newerPartRefusedWhole_data();
    void newerPartRefusedWhole();
    void hardKillMidIngestRecovers();

private:
    // Starts dvdash listen into store; false (with its stderr) if it does not start listening.
    bool startListener(QProcess &listen, const QString &store, const QString &clientId);
    bool startPublisher(QProcess &pub);
    dvtest::Run dvdash(const QStringList &args) const
    {
        return dvtest::runDvdash(QStringLiteral(DVDASH_BINARY), args, mDir.path(), mRuntime.path());
    }

    QTemporaryDir mDir;
    QTemporaryDir mRuntime;
    QString mPub;
    std::unique_ptr<dvtest::TestBroker> mBroker;
};

void TestStoreSafety::initTestCase()
{
    const QString mosquitto = findTool(QStringLiteral("mosquitto"));
    mPub = findTool(QStringLiteral("mosquitto_pub"));
    QVERIFY2(!mosquitto.isEmpty() && !mPub.isEmpty(), "mosquitto and mosquitto_pub are needed");
    mBroker
        = std::make_unique<dvtest::TestBroker>(mosquitto, mDir.path(), QStringLiteral("broker"));
    // Persistent sessions and no queue limit: a collector killed and started again with the
    // same client id is handed everything it did not acknowledge.
    QVERIFY2(mBroker->start(QStringLiteral("allow_anonymous true\nmax_queued_messages 0\n"
                                           "persistence true\npersistence_location %1/")
                                .arg(mDir.path())),
        qPrintable(mBroker->error()));
}

void TestStoreSafety::cleanupTestCase()
{
    if (mBroker)
        mBroker->stop();
}

bool TestStoreSafety::startListener(QProcess &listen, const QString &store, const QString &clientId)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), mRuntime.path());
    listen.setProcessEnvironment(env);
    listen.start(QStringLiteral(DVDASH_BINARY),
        { QStringLiteral("listen"), QStringLiteral("--lang"), QStringLiteral("en"),
            QStringLiteral("--broker"), QStringLiteral("tcp://127.0.0.1:%1").arg(mBroker->port()),
            QStringLiteral("--store"), QStringLiteral("sqlite:") + store, QStringLiteral("--for"),
            QStringLiteral("120"), QStringLiteral("--accept-new-devices"),
            QStringLiteral("--client-id"), clientId });
    if (!listen.waitForStarted(5000))
        return false;
    QByteArray output;
    QDeadlineTimer patience(10000);
    while (!output.contains("Listening on") && !patience.hasExpired()
        && listen.state() == QProcess::Running) {
        listen.waitForReadyRead(100);
        output += listen.readAllStandardOutput();
    }
    if (!output.contains("Listening on"))
        qWarning("%s", listen.readAllStandardError().constData());
    return output.contains("Listening on");
}

bool TestStoreSafety::startPublisher(QProcess &pub)
{
    pub.start(mPub,
        { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
            QString::number(mBroker->port()), QStringLiteral("-q"), QStringLiteral("1"),
            QStringLiteral("-t"), QStringLiteral("dvdash/v1/") + kDevice, QStringLiteral("-l") });
    return pub.waitForStarted(5000);
}

// Two `dvdash listen` on one store, subscribed to one broker, stored every reading twice.
// The second is refused, told which process writes the store, and the first stores each once.
void TestStoreSafety::secondCollectorRefusedNamingTheFirst()
{
    const QString store = mDir.filePath(QStringLiteral("two.sqlite"));
    QProcess first;
    QVERIFY(startListener(first, store, QStringLiteral("collector-one")));

    QProcess second;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), mRuntime.path());
    second.setProcessEnvironment(env);
    second.start(QStringLiteral(DVDASH_BINARY),
        { QStringLiteral("listen"), QStringLiteral("--lang"), QStringLiteral("en"),
            QStringLiteral("--broker"), QStringLiteral("tcp://127.0.0.1:%1").arg(mBroker->port()),
            QStringLiteral("--store"), QStringLiteral("sqlite:") + store, QStringLiteral("--for"),
            QStringLiteral("30"), QStringLiteral("--accept-new-devices"),
            QStringLiteral("--client-id"), QStringLiteral("collector-two") });
    QVERIFY(second.waitForFinished(20000));
    const QString refusal = QString::fromUtf8(second.readAllStandardError());
    QCOMPARE(second.exitCode(), 1);
    QVERIFY2(refusal.contains(QStringLiteral("another collector"))
            && refusal.contains(QString::number(first.processId()))
            && refusal.contains(QStringLiteral("dvdash")),
        qPrintable(refusal));

    QProcess pub;
    QVERIFY(startPublisher(pub));
    pub.write(feverStream(100, QDateTime::currentMSecsSinceEpoch()).join('\n') + '\n');
    pub.closeWriteChannel();
    QVERIFY(pub.waitForFinished(20000) && pub.exitCode() == 0);
    QTRY_COMPARE_WITH_TIMEOUT(storedReadings(store), 100, 20000);
    first.terminate();
    QVERIFY(first.waitForFinished(20000));
    QCOMPARE(first.exitCode(), 0);
    QCOMPARE(storedReadings(store), 100);
    // The lock goes with its collector: the next one may start.
    QVERIFY(!QFileInfo::exists(StoreWriterLock::lockPath(store)));
}

// The window beside `dvdash listen` on the station PC: it reads, writes nothing, and says who
// writes the store.
void TestStoreSafety::windowReadsWhileAnotherCollectorWrites()
{
    const QString store = mDir.filePath(QStringLiteral("window.sqlite"));
    const QString spec = QStringLiteral("sqlite:") + store;
    StoreWriterLock collector(spec);
    QString error;
    QVERIFY2(collector.acquire(&error), qPrintable(error));

    LoadResult province = BundledData::loadProvince();
    QVERIFY2(province.ok(), qPrintable(province.error));
    std::shared_ptr<VectorLayer> sites;
    for (const auto &layer : province.layers) {
        if (layer->role() == LayerRole::Sites)
            sites = layer;
    }
    QVERIFY(sites);
    SensorHub hub(spec);
    QSignalSpy readingOnly(&hub, &SensorHub::readingOnly);
    QVERIFY2(hub.start(*sites, &error), qPrintable(error));
    QVERIFY(readingOnly.wait(5000));
    const QString reason = readingOnly.first().first().toString();
    QVERIFY2(
        reason.contains(QString::number(QCoreApplication::applicationPid())), qPrintable(reason));
    QVERIFY(!hub.writer());
    QVERIFY(!hub.feed());
    hub.stop();
    QVERIFY(!QFileInfo::exists(store)); // nothing was written, not even an empty store
}

// An archive on a read-only share or a burned disc: every read command reads it and leaves it
// byte for byte as it was, with no -wal or -shm beside it. Permission bits are what a root CI
// still sees, so the test holds there too.
void TestStoreSafety::readOnlyStoreReadUntouched()
{
    QTemporaryDir archive;
    const QString store = archive.filePath(QStringLiteral("archive.sqlite"));
    {
        QString error;
        auto sensors = SensorStore::create(QStringLiteral("sqlite:") + store, &error);
        QVERIFY2(sensors, qPrintable(error));
        const auto device = sensors->deviceId(kDevice, &error);
        QVERIFY2(device, qPrintable(error));
        std::vector<Reading> readings;
        for (int i = 0; i < 50; ++i)
            readings.push_back(
                dvtest::reading(*device, kBodyTemperature, 1795000000000 + i * 60000LL, 38.5));
        QVERIFY2(sensors->write(readings, &error), qPrintable(error));
    }
    QFile::setPermissions(store, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
    QFile::setPermissions(archive.path(),
        QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
            | QFile::ExeOther);
    const QByteArray before = hashOf(store);
    const QStringList files = filesIn(archive.path());
    QCOMPARE(files, QStringList { QStringLiteral("archive.sqlite") });

    const QString spec = QStringLiteral("sqlite:") + store;
    const dvtest::Run history = dvdash({ QStringLiteral("history"), QStringLiteral("--lang"),
        QStringLiteral("en"), QStringLiteral("--store"), spec, QStringLiteral("--device"), kDevice,
        QStringLiteral("--metric"), QStringLiteral("body_temperature"), QStringLiteral("--from"),
        QStringLiteral("2000-01-01"), QStringLiteral("--to"), QStringLiteral("2100-01-01"),
        QStringLiteral("--buckets"), QStringLiteral("1") });
    QVERIFY2(history.exitCode == 0, qPrintable(history.err));
    QCOMPARE(
        history.out.trimmed().split(QLatin1Char('\n')).value(1).split(QLatin1Char(',')).value(4),
        QStringLiteral("50"));
    for (const QStringList &command : { QStringList { QStringLiteral("alerts") },
             QStringList { QStringLiteral("indicators"), QStringLiteral("revisions") },
             QStringList { QStringLiteral("sites"), QStringLiteral("list") },
             QStringList { QStringLiteral("sites"), QStringLiteral("revisions") },
             QStringList { QStringLiteral("render-map"), QStringLiteral("--out"),
                 mDir.filePath(QStringLiteral("archive.png")), QStringLiteral("--size"),
                 QStringLiteral("400x300") } }) {
        const dvtest::Run run = dvdash(command
            + QStringList {
                QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--store"), spec });
        QVERIFY2(run.exitCode == 0,
            qPrintable(command.join(QLatin1Char(' ')) + QStringLiteral(": ") + run.err));
    }
    QCOMPARE(hashOf(store), before);
    QCOMPARE(filesIn(archive.path()), files);
    QFile::setPermissions(archive.path(),
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner); // so it can be removed
}

void TestStoreSafety::newerPartRefusedWhole_data()
{
    QTest::addColumn<QString>("versionTable");
    QTest::addColumn<QString>("part");
    QTest::addColumn<int>("known");
    QTest::newRow("sensor readings")
        << QStringLiteral("schema_version") << QStringLiteral("sensor readings")
        << SqliteSensorStore::kSchemaVersion;
    QTest::newRow("alerts") << QStringLiteral("alert_schema_version") << QStringLiteral("alerts")
                            << SqliteAlertStore::kSchemaVersion;
    QTest::newRow("indicators") << QStringLiteral("indicator_schema_version")
                                << QStringLiteral("county indicators")
                                << SqliteIndicatorStore::kSchemaVersion;
    QTest::newRow("sites") << QStringLiteral("site_schema_version") << QStringLiteral("sites")
                           << SqliteSiteStore::kSchemaVersion;
    QTest::newRow("unknown part") << QStringLiteral("forecast_schema_version")
                                  << QStringLiteral("forecast_schema_version") << 0;
}

// A store any part of which a newer dvdash wrote is refused by the collector and by the read
// commands alike, and left byte for byte as it was.
void TestStoreSafety::newerPartRefusedWhole()
{
    QFETCH(QString, versionTable);
    QFETCH(QString, part);
    QFETCH(int, known);
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("newer.sqlite"));
    const QString spec = QStringLiteral("sqlite:") + store;
    {
        QString error;
        QVERIFY2(SensorStore::create(spec, &error), qPrintable(error));
        QVERIFY2(AlertStore::create(spec, &error), qPrintable(error));
        QVERIFY2(IndicatorStore::create(spec, &error), qPrintable(error));
        QVERIFY2(SiteStore::create(spec, &error), qPrintable(error));
    }
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
        db.setDatabaseName(store);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (version INTEGER NOT NULL)")
                           .arg(versionTable)));
        QVERIFY(
            q.exec(QStringLiteral("INSERT INTO %1 VALUES (%2)").arg(versionTable).arg(known + 1)));
        q = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bump"));
    const QByteArray before = hashOf(store);
    const QStringList files = filesIn(dir.path());

    const dvtest::Run listen
        = dvdash({ QStringLiteral("listen"), QStringLiteral("--lang"), QStringLiteral("en"),
            QStringLiteral("--broker"), QStringLiteral("tcp://127.0.0.1:%1").arg(mBroker->port()),
            QStringLiteral("--store"), spec, QStringLiteral("--for"), QStringLiteral("2"),
            QStringLiteral("--client-id"), QStringLiteral("newer-") + versionTable });
    QVERIFY2(listen.exitCode != 0, qPrintable(listen.out + listen.err));
    QVERIFY2(listen.err.contains(part), qPrintable(listen.err));
    QVERIFY2(
        listen.err.contains(QStringLiteral("schema %1").arg(known + 1)), qPrintable(listen.err));
    QVERIFY2(listen.err.contains(QStringLiteral("newer dvdash")), qPrintable(listen.err));
    QCOMPARE(hashOf(store), before);
    QCOMPARE(filesIn(dir.path()), files);

    const dvtest::Run history = dvdash({ QStringLiteral("history"), QStringLiteral("--lang"),
        QStringLiteral("en"), QStringLiteral("--store"), spec, QStringLiteral("--device"), kDevice,
        QStringLiteral("--metric"), QStringLiteral("body_temperature"), QStringLiteral("--from"),
        QStringLiteral("2000-01-01"), QStringLiteral("--to"), QStringLiteral("2100-01-01") });
    QVERIFY2(history.exitCode != 0, qPrintable(history.out));
    QVERIFY2(history.err.contains(part), qPrintable(history.err));
    QCOMPARE(hashOf(store), before);
    QCOMPARE(filesIn(dir.path()), files);
}

// SIGKILL mid-ingest, then the same collector again: the store is intact, at most one commit
// interval of readings is lost and none is stored twice, and the fever alert that was open is
// still the one open alert.
void TestStoreSafety::hardKillMidIngestRecovers()
{
#ifndef Q_OS_UNIX
    QSKIP("SIGKILL is POSIX");
#else
    const QString store = mDir.filePath(QStringLiteral("killed.sqlite"));
    constexpr int kMessages = 600;
    constexpr int kBurst = 20; // messages written to the publisher at a time
    constexpr int kBurstEveryMs = 50; // 400 messages a second
    constexpr int kCommitIntervalMs = 100;
    const QByteArrayList stream = feverStream(kMessages, QDateTime::currentMSecsSinceEpoch());

    QProcess listen;
    QVERIFY(startListener(listen, store, QStringLiteral("hard-kill")));
    QProcess pub;
    QVERIFY(startPublisher(pub));
    bool killed = false;
    int storedAtKill = 0;
    QElapsedTimer pace;
    pace.start();
    for (int sent = 0; sent < kMessages; sent += kBurst) {
        pub.write(stream.mid(sent, kBurst).join('\n') + '\n');
        // Killed while the burst just written is on its way in, received but not committed.
        if (!killed && storedReadings(store) >= kMessages / 3) {
            listen.kill(); // SIGKILL: no handler, no last commit
            QVERIFY(listen.waitForFinished(5000));
            QCOMPARE(listen.exitStatus(), QProcess::CrashExit);
            storedAtKill = storedReadings(store);
            killed = true;
        }
        // Pacing the devices, not waiting for the collector: the stream runs on regardless.
        QTest::qWait(kBurstEveryMs);
    }
    pub.closeWriteChannel();
    QVERIFY(pub.waitForFinished(20000) && pub.exitCode() == 0);
    QVERIFY2(killed, "the collector stored too little to be killed mid-stream");
    QVERIFY(storedAtKill < kMessages);
    QCOMPARE(integrity(store), QStringLiteral("ok"));

    // The same client id: the broker hands over what the killed collector never acknowledged.
    QVERIFY(startListener(listen, store, QStringLiteral("hard-kill")));
    // Everything was handed over once the stream's last reading is in.
    const QByteArray lastPayload = stream.last();
    const qint64 lastTs
        = lastPayload.mid(lastPayload.indexOf(':') + 1).split(',').first().trimmed().toLongLong();
    QTRY_COMPARE_WITH_TIMEOUT(newestReading(store), lastTs, 30000);
    listen.terminate();
    QVERIFY(listen.waitForFinished(20000));
    QCOMPARE(listen.exitCode(), 0);

    QCOMPARE(integrity(store), QStringLiteral("ok"));
    const int stored = storedReadings(store);
    const int rate = kBurst * 1000 / kBurstEveryMs;
    const int bound = rate * kCommitIntervalMs / 1000;
    qInfo("published %d at %d/s, killed at %d stored; %d stored after restart, %d lost (bound %d)",
        kMessages, rate, storedAtKill, stored, kMessages - stored, bound);
    QVERIFY2(stored <= kMessages, "readings stored twice");
    QVERIFY2(kMessages - stored <= bound,
        qPrintable(QStringLiteral("%1 readings lost, more than one commit interval (%2)")
                       .arg(kMessages - stored)
                       .arg(bound)));

    const dvtest::Run alerts = dvdash(
        { QStringLiteral("alerts"), QStringLiteral("--store"), QStringLiteral("sqlite:") + store });
    QCOMPARE(alerts.exitCode, 0);
    const QStringList lines = alerts.out.trimmed().split(QLatin1Char('\n'));
    QVERIFY2(lines.size() == 2, qPrintable(alerts.out + alerts.err));
    const QStringList fields = lines.at(1).split(QLatin1Char(','));
    QCOMPARE(fields.value(1), QStringLiteral("active"));
    QCOMPARE(fields.value(3), QStringLiteral("sow_fever_ceiling"));
    QCOMPARE(fields.value(6), QStringLiteral("tag-0003"));
#endif
}

QTEST_GUILESS_MAIN(TestStoreSafety)
#include "tst_storesafety.moc"
