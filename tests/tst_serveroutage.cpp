// End to end with a real mosquitto and a PostgreSQL server of the test's own: the server stops
// while dvdash listen is collecting and comes back; the collector's spool keeps every reading,
// and the server ends with each exactly once (also the ones the broker delivered twice).
#include "testbroker.h"
#include "testpostgres.h"
#include "testsupport.h"

#include "sensorstore.h"

#include <QDateTime>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace dv;

class TestServerOutage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void serverStoppedMidIngestStoresEveryReadingOnce();

private:
    bool cluster(const QString &action);
    bool publish(const QByteArrayList &payloads);
    int stored(int metric);
    qint64 spooled();

    QTemporaryDir mDir;
    QString mPub, mStore, mSpool;
    quint16 mPort = 0;
    std::unique_ptr<dvtest::TestBroker> mBroker;
    bool mClusterUp = false;
};

bool TestServerOutage::cluster(const QString &action)
{
    QProcess script;
    script.setProcessChannelMode(QProcess::MergedChannels);
    script.start(QStringLiteral("bash"),
        { QStringLiteral(DVDASH_SOURCE_DIR "/tests/postgres/cluster.sh"), action,
            mDir.filePath(QStringLiteral("pg")) });
    const bool ok = script.waitForFinished(120000) && script.exitStatus() == QProcess::NormalExit
        && script.exitCode() == 0;
    if (!ok)
        qWarning("cluster.sh %s: %s", qPrintable(action), script.readAll().constData());
    return ok;
}

void TestServerOutage::initTestCase()
{
    const QString mosquitto = dvtest::findMosquittoTool(QStringLiteral("mosquitto"));
    mPub = dvtest::findMosquittoTool(QStringLiteral("mosquitto_pub"));
    QVERIFY2(!mosquitto.isEmpty() && !mPub.isEmpty(), "mosquitto and mosquitto_pub are needed");
    mBroker = std::make_unique<dvtest::TestBroker>(
        mosquitto, mDir.path(), QStringLiteral("mosquitto"));
    QVERIFY2(mBroker->start(QStringLiteral("allow_anonymous true\n")), qPrintable(mBroker->error()));
    mPort = mBroker->port();

    // A server of this test's own: stopping the run's shared cluster would fail other tests.
    QVERIFY(cluster(QStringLiteral("start")));
    mClusterUp = true;
    QFile uriFile(mDir.filePath(QStringLiteral("pg/uri")));
    QVERIFY(uriFile.open(QIODevice::ReadOnly));
    const QString admin = QString::fromUtf8(uriFile.readAll()).trimmed();
    QString error;
    QVERIFY2(TestPostgres::exec(admin, QStringLiteral("CREATE DATABASE outage TEMPLATE "
                                                      "dvdash_template"),
                 &error),
        qPrintable(error));
    mStore = admin.left(admin.lastIndexOf(QLatin1Char('/'))) + QStringLiteral("/outage");
    mSpool = mDir.filePath(QStringLiteral("spool.sqlite"));
}

void TestServerOutage::cleanupTestCase()
{
    if (mClusterUp)
        cluster(QStringLiteral("stop"));
    if (mBroker)
        mBroker->stop();
}

bool TestServerOutage::publish(const QByteArrayList &payloads)
{
    return dvtest::publishLines(
        mPub, mPort, QStringLiteral("dvdash/v1/522601/P0001/tag-0042"), payloads);
}

// Readings of metric the server holds for the test's device; -1 while it cannot be asked.
int TestServerOutage::stored(int metric)
{
    QString error;
    const std::unique_ptr<SensorStore> store = SensorStore::create(mStore, &error);
    if (!store)
        return -1;
    const auto device = store->findDevice(QStringLiteral("tag-0042"), &error);
    if (!device)
        return 0;
    const auto h = store->history(
        *device, metric, 0, QDateTime::currentMSecsSinceEpoch() + 86400000, 1, &error);
    return h && !h->empty() ? h->front().count : 0;
}

qint64 TestServerOutage::spooled()
{
    if (!QFileInfo::exists(mSpool))
        return 0;
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(mSpool);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*) FROM spooled_readings")) && q.next())
                n = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return n;
}

void TestServerOutage::serverStoppedMidIngestStoresEveryReadingOnce()
{
    QProcess listen;
    listen.start(QStringLiteral(DVDASH_BINARY),
        { QStringLiteral("listen"), QStringLiteral("--lang"), QStringLiteral("en"),
            QStringLiteral("--broker"), QStringLiteral("tcp://127.0.0.1:%1").arg(mPort),
            QStringLiteral("--store"), mStore, QStringLiteral("--spool"), mSpool,
            QStringLiteral("--for"), QStringLiteral("150"), QStringLiteral("--accept-new-devices"),
            QStringLiteral("--client-id"), QStringLiteral("dvdash-outage") });
    QVERIFY(listen.waitForStarted(5000));
    QByteArray output;
    for (int i = 0; i < 200 && !output.contains("Listening on"); ++i) {
        listen.waitForReadyRead(100);
        output += listen.readAllStandardOutput();
    }
    QVERIFY2(output.contains("Listening on"), listen.readAllStandardError().constData());

    // 300 messages a minute apart, each with a body temperature and the battery level.
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - 300 * 60000LL;
    QByteArrayList messages;
    for (int i = 0; i < 300; ++i)
        messages << QStringLiteral(
            R"({"ts": %1, "readings": {"body_temperature": %2}, "battery": %3})")
                        .arg(start + i * 60000LL)
                        .arg(38.0 + (i % 10) / 10.0)
                        .arg(90 - i / 10)
                        .toUtf8();
    QVERIFY(publish(messages.mid(0, 150)));
    QTRY_COMPARE_WITH_TIMEOUT(stored(8), 150, 20000);

    // The server goes away; devices keep publishing, and 20 messages of the first half arrive
    // again (QoS 1 redelivery). The collector keeps them in its spool meanwhile.
    QVERIFY(cluster(QStringLiteral("pause")));
    QVERIFY(publish(messages.mid(150) + messages.mid(0, 20)));
    QTRY_COMPARE_WITH_TIMEOUT(spooled(), qint64(2 * (150 + 20)), 30000);
    QCOMPARE(listen.state(), QProcess::Running);

    // Back: the spool is forwarded, and the server holds every reading exactly once.
    QVERIFY(cluster(QStringLiteral("resume")));
    QTRY_COMPARE_WITH_TIMEOUT(stored(8), 300, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(spooled(), qint64(0), 30000);
    QCOMPARE(stored(9), 300);

    listen.terminate();
    QVERIFY(listen.waitForFinished(20000));
    QCOMPARE(listen.exitStatus(), QProcess::NormalExit);
    QCOMPARE(listen.exitCode(), 0);
    QCOMPARE(stored(8), 300);
    QCOMPARE(stored(9), 300);
}

QTEST_GUILESS_MAIN(TestServerOutage)
#include "tst_serveroutage.moc"
