// End to end through a real mosquitto: dvdash listen stores every reading exactly once, also
// when the broker is restarted mid-stream and messages are redelivered.
#include "testbroker.h"
#include "testsupport.h"

#include "sqlitesensorstore.h"

#include <QDateTime>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace dv;

class TestMqttListen : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void brokerRestartLosesNothingAndStoresOnce();
    void simulatorFeedsTheCollector();
    void refusedLoginNamed();
    void feverSequenceGivesOneActiveAlert();

private:
    bool startBroker();
    void stopBroker();
    // Starts dvdash listen (English) into store with the given client id; output gathers
    // stdout; false, with stderr in the message, if it does not start listening.
    bool startListener(
        QProcess &listen, const QString &store, const QString &clientId, QByteArray &output);
    bool publish(const QByteArrayList &payloads);
    int stored(int metric);
    // Readings of metric stored for device in the store at path (0 while there is none).
    static int stored(const QString &path, const QString &device, int metric);

    QTemporaryDir mDir;
    QTemporaryDir mRuntime;
    QString mMosquitto, mPub, mStore;
    quint16 mPort = 0;
    std::unique_ptr<dvtest::TestBroker> mBroker;
};

void TestMqttListen::initTestCase()
{
    mMosquitto = dvtest::findMosquittoTool(QStringLiteral("mosquitto"));
    mPub = dvtest::findMosquittoTool(QStringLiteral("mosquitto_pub"));
    // test.sh installs both; a machine without them cannot run this test at all.
    QVERIFY2(!mMosquitto.isEmpty() && !mPub.isEmpty(), "mosquitto and mosquitto_pub are needed");
    // The broker binds a port of its own choosing and says when it listens.
    mBroker = std::make_unique<dvtest::TestBroker>(
        mMosquitto, mDir.path(), QStringLiteral("mosquitto"));
    QVERIFY2(mBroker->start(QStringLiteral("allow_anonymous true\npersistence true\n"
                                           "persistence_location %1/")
                                .arg(mDir.path())),
        qPrintable(mBroker->error()));
    mPort = mBroker->port();
    mStore = mDir.filePath(QStringLiteral("store.sqlite"));
}

void TestMqttListen::cleanupTestCase()
{
    stopBroker();
}

// Again on the same port, where the collector reconnects.
bool TestMqttListen::startBroker()
{
    const bool up = mBroker->restart();
    if (!up)
        qWarning("%s", qPrintable(mBroker->error()));
    return up;
}

void TestMqttListen::stopBroker()
{
    if (mBroker)
        mBroker->stop();
}

bool TestMqttListen::startListener(
    QProcess &listen, const QString &store, const QString &clientId, QByteArray &output)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), mRuntime.path());
    listen.setProcessEnvironment(env);
    listen.start(QStringLiteral(DVDASH_BINARY),
        { QStringLiteral("listen"), QStringLiteral("--lang"), QStringLiteral("en"),
            QStringLiteral("--broker"), QStringLiteral("tcp://127.0.0.1:%1").arg(mPort),
            QStringLiteral("--store"), QStringLiteral("sqlite:") + store, QStringLiteral("--for"),
            QStringLiteral("120"), QStringLiteral("--accept-new-devices"),
            QStringLiteral("--client-id"), clientId });
    if (!listen.waitForStarted(5000))
        return false;
    for (int i = 0; i < 100 && !output.contains("Listening on"); ++i) {
        listen.waitForReadyRead(100);
        output += listen.readAllStandardOutput();
    }
    if (!output.contains("Listening on"))
        qWarning("%s", listen.readAllStandardError().constData());
    return output.contains("Listening on");
}

bool TestMqttListen::publish(const QByteArrayList &payloads)
{
    return dvtest::publishLines(
        mPub, mPort, QStringLiteral("dvdash/v1/522601/P0001/tag-0042"), payloads);
}

int TestMqttListen::stored(int metric)
{
    return stored(mStore, QStringLiteral("tag-0042"), metric);
}

int TestMqttListen::stored(const QString &path, const QString &deviceId, int metric)
{
    if (!QFileInfo::exists(path))
        return 0;
    QString error;
    SqliteSensorStore store(path);
    if (!store.open(&error))
        return -1;
    QString ignored;
    const auto device = store.findDevice(deviceId, &ignored);
    if (!device)
        return 0;
    const auto h = store.history(
        *device, metric, 0, QDateTime::currentMSecsSinceEpoch() + 86400000, 1, &error);
    return h && !h->empty() ? h->front().count : 0;
}

void TestMqttListen::brokerRestartLosesNothingAndStoresOnce()
{
    QProcess listen;
    QByteArray output;
    QVERIFY(startListener(listen, mStore, QStringLiteral("dvdash-e2e"), output));

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
    QTRY_COMPARE_WITH_TIMEOUT(stored(8), 150, 15000);

    // The broker goes away and comes back; meanwhile and after, devices keep publishing, and
    // 20 messages of the first half arrive again (QoS 1 redelivery).
    stopBroker();
    QVERIFY(startBroker());
    QVERIFY(publish(messages.mid(150) + messages.mid(0, 20)));
    QTRY_COMPARE_WITH_TIMEOUT(stored(8), 300, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(stored(9), 300, 5000);

    listen.terminate(); // SIGTERM: stop receiving, commit, print the summary
    QVERIFY(listen.waitForFinished(15000));
    QCOMPARE(listen.exitStatus(), QProcess::NormalExit);
    QCOMPARE(listen.exitCode(), 0);
    const QString summary = QString::fromUtf8(output + listen.readAllStandardOutput());
    QVERIFY2(summary.contains(QStringLiteral("stored 600"))
            && summary.contains(QStringLiteral("duplicates 40")),
        qPrintable(summary));
    QCOMPARE(stored(8), 300);
    QCOMPARE(stored(9), 300);
}

// The demo path: dvdash simulate publishes every sample site's devices once, dvdash listen
// stores them all, and the simulator's payloads have no problems.
void TestMqttListen::simulatorFeedsTheCollector()
{
    const QString broker = QStringLiteral("tcp://127.0.0.1:%1").arg(mPort);
    QProcess listen;
    QByteArray output;
    QVERIFY(startListener(listen, mDir.filePath(QStringLiteral("simulated.sqlite")),
        QStringLiteral("dvdash-e2e-sim"), output));

    const dvtest::Run simulate = dvtest::runDvdash(QStringLiteral(DVDASH_BINARY),
        { QStringLiteral("simulate"), QStringLiteral("--lang"), QStringLiteral("en"),
            QStringLiteral("--broker"), broker, QStringLiteral("--rate"), QStringLiteral("5000"),
            QStringLiteral("--for"), QStringLiteral("3") },
        mDir.path(), mRuntime.path());
    QVERIFY2(simulate.exitCode == 0, qPrintable(simulate.err));
    QVERIFY2(simulate.out.contains(QStringLiteral("Published 1,100 messages")),
        qPrintable(simulate.out));

    // A last message after the simulator's: the broker delivers in order, so once it is stored
    // the collector has received every simulated message.
    QProcess pub;
    pub.start(mPub,
        { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
            QString::number(mPort), QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-t"),
            QStringLiteral("dvdash/v1/522601/P0001/tag-0042"), QStringLiteral("-m"),
            QStringLiteral("{\"ts\": %1, \"readings\": {\"body_temperature\": 38.2}}")
                .arg(QDateTime::currentMSecsSinceEpoch()) });
    QVERIFY(pub.waitForFinished(20000) && pub.exitCode() == 0);
    QTRY_COMPARE_WITH_TIMEOUT(
        stored(mDir.filePath(QStringLiteral("simulated.sqlite")), QStringLiteral("tag-0042"), 8), 1,
        20000);
    listen.terminate();
    QVERIFY(listen.waitForFinished(15000));
    QCOMPARE(listen.exitCode(), 0);
    const QString summary = QString::fromUtf8(output + listen.readAllStandardOutput());
    QVERIFY2(summary.contains(QStringLiteral("Received 1,101 messages"))
            && summary.contains(QStringLiteral("problems 0")),
        qPrintable(summary));
    QVERIFY2(!summary.contains(QStringLiteral("stored 0,")), qPrintable(summary));
}

// A broker that wants a password: a wrong one fails at once with the broker and the reason,
// never a hang or a silent collector that stores nothing.
void TestMqttListen::refusedLoginNamed()
{
    const QString passwd = dvtest::findMosquittoTool(QStringLiteral("mosquitto_passwd"));
    QVERIFY2(!passwd.isEmpty(), "mosquitto_passwd is needed");
    const QString passwords = mDir.filePath(QStringLiteral("passwords"));
    QVERIFY(QProcess::execute(passwd,
                { QStringLiteral("-b"), QStringLiteral("-c"), passwords, QStringLiteral("station"),
                    QStringLiteral("right-password") })
        == 0);
    dvtest::TestBroker broker(mMosquitto, mDir.path(), QStringLiteral("auth"));
    QVERIFY2(broker.start(QStringLiteral("allow_anonymous false\npassword_file %1").arg(passwords)),
        qPrintable(broker.error()));
    const QString url = broker.url();
    const dvtest::Run run = dvtest::runDvdash(QStringLiteral(DVDASH_BINARY),
        { QStringLiteral("listen"), QStringLiteral("--lang"), QStringLiteral("en"),
            QStringLiteral("--broker"), url, QStringLiteral("--store"),
            QStringLiteral("sqlite:") + mDir.filePath(QStringLiteral("auth.sqlite")),
            QStringLiteral("--username"), QStringLiteral("station"), QStringLiteral("--password"),
            QStringLiteral("wrong"), QStringLiteral("--for"), QStringLiteral("5") },
        mDir.path(), mRuntime.path());
    broker.stop();
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(url), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("cannot connect")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("authori"), Qt::CaseInsensitive)
            || run.err.contains(QStringLiteral("password"), Qt::CaseInsensitive),
        qPrintable(run.err));
}

// The seed of the product: a sow's ear tag reports a fever through a real broker, and exactly
// one active alert is what `dvdash alerts` shows, however many readings confirm it.
void TestMqttListen::feverSequenceGivesOneActiveAlert()
{
    const QString store = mDir.filePath(QStringLiteral("fever.sqlite"));
    QProcess listen;
    QByteArray output;
    QVERIFY(startListener(listen, store, QStringLiteral("fever-test"), output));
    // Two hours of minute readings ending now: half an hour normal, then 40.6 °C and rising.
    const qint64 now = QDateTime::currentMSecsSinceEpoch() / 60000 * 60000;
    QByteArrayList payloads;
    for (int m = 120; m > 0; --m) {
        const double value = m > 90 ? 38.5 : 40.6 + (m % 3) * 0.1;
        payloads << QStringLiteral("{\"ts\": %1, \"readings\": {\"body_temperature\": %2}}")
                        .arg(now - m * 60000LL)
                        .arg(value)
                        .toUtf8();
    }
    QProcess pub;
    pub.start(mPub,
        { QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
            QString::number(mPort), QStringLiteral("-q"), QStringLiteral("1"), QStringLiteral("-t"),
            QStringLiteral("dvdash/v1/520281/P0006/tag-0003"), QStringLiteral("-l") });
    QVERIFY(pub.waitForStarted(5000));
    pub.write(payloads.join('\n') + '\n');
    pub.closeWriteChannel();
    QVERIFY(pub.waitForFinished(20000) && pub.exitCode() == 0);
    // Every reading stored (the alert engine has seen them all) before the collector stops.
    QTRY_COMPARE_WITH_TIMEOUT(stored(store, QStringLiteral("tag-0003"), 8), 120, 20000);
    listen.terminate();
    QVERIFY(listen.waitForFinished(20000));

    const dvtest::Run run = dvtest::runDvdash(QStringLiteral(DVDASH_BINARY),
        { QStringLiteral("alerts"), QStringLiteral("--store"), QStringLiteral("sqlite:") + store,
            QStringLiteral("--active") },
        mDir.path(), mRuntime.path());
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.trimmed().split(QLatin1Char('\n'));
    QVERIFY2(lines.size() == 2, qPrintable(run.out + run.err));
    const QStringList fields = lines.at(1).split(QLatin1Char(','));
    QCOMPARE(fields.value(1), QStringLiteral("active"));
    QCOMPARE(fields.value(2), QStringLiteral("critical"));
    QCOMPARE(fields.value(3), QStringLiteral("sow_fever_ceiling"));
    QCOMPARE(fields.value(4), QStringLiteral("520281"));
    QCOMPARE(fields.value(6), QStringLiteral("tag-0003"));
    QVERIFY2(fields.value(9).endsWith(QStringLiteral("+08:00")), qPrintable(lines.at(1)));

    // The county filter: another county has none.
    const dvtest::Run other = dvtest::runDvdash(QStringLiteral(DVDASH_BINARY),
        { QStringLiteral("alerts"), QStringLiteral("--store"), QStringLiteral("sqlite:") + store,
            QStringLiteral("--county"), QStringLiteral("520102") },
        mDir.path(), mRuntime.path());
    QCOMPARE(other.out.trimmed().count(QLatin1Char('\n')), 0);
    // A mistyped store is said so, and not created.
    const dvtest::Run missing = dvtest::runDvdash(QStringLiteral(DVDASH_BINARY),
        { QStringLiteral("alerts"), QStringLiteral("--lang"), QStringLiteral("en"),
            QStringLiteral("--store"), QStringLiteral("sqlite:") + store + QStringLiteral("x") },
        mDir.path(), mRuntime.path());
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(QStringLiteral("no such store")), qPrintable(missing.err));
    QVERIFY(!QFileInfo::exists(store + QStringLiteral("x")));
}

QTEST_GUILESS_MAIN(TestMqttListen)
#include "tst_mqttlisten.moc"
