// Passwords in the keychain, not the settings file: the broker password's move out of the
// settings file, and the system keychain answering (or failing) without hanging, on any thread.
#include "memorykeychain.h"

#include "appsettings.h"
#include "keychain.h"
#include "systemkeychain.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

#include <memory>

using namespace dv;

namespace {

const QString kBroker = QStringLiteral("tcp://broker.example:1883");
const QString kUser = QStringLiteral("ops");
const QString kKey = QStringLiteral("mqtt://ops@broker.example:1883");
const QString kPassword = QStringLiteral("tea-garden-s3cret");

// The settings file as it lies on disk.
QByteArray settingsFile()
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestKeychain : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void brokerKeyNamesBrokerAndUser();
    void oldSettingsPasswordMovesToTheKeychainOnce();
    void withoutKeychainTheOldPasswordStillWorks();
    void emptyOldPasswordLeavesWithoutKeychain();
    void newPasswordNeverGoesToTheSettingsFile();
    void emptyPasswordRemovesTheSavedOne();
    void noBrokerNoKeychainCall();
    void systemKeychainAnswersWithoutHanging();

private:
    std::shared_ptr<dvtest::MemoryKeychain> mKeychain;
};

void TestKeychain::init()
{
    QSettings().clear();
    mKeychain = std::make_shared<dvtest::MemoryKeychain>();
    Keychain::setBackend(mKeychain);
    AppSettings::setBrokerUrl(kBroker);
    AppSettings::setBrokerUsername(kUser);
}

void TestKeychain::cleanup()
{
    Keychain::setBackend(nullptr);
    QSettings().clear();
}

void TestKeychain::brokerKeyNamesBrokerAndUser()
{
    QCOMPARE(AppSettings::brokerPasswordKey(kBroker, kUser), kKey);
    QCOMPARE(AppSettings::brokerPasswordKey(QStringLiteral("ssl://10.0.0.5:8883"), QString()),
        QStringLiteral("mqtt://10.0.0.5:8883"));
    QCOMPARE(
        AppSettings::brokerPasswordKey(QStringLiteral("ssl://10.0.0.5:8883"), QLatin1String("")),
        QStringLiteral("mqtt://10.0.0.5:8883"));
    QVERIFY(AppSettings::brokerPasswordKey(QString(), kUser).isEmpty());
}

// An older dvdash wrote the password into the settings file in plain text.
void TestKeychain::oldSettingsPasswordMovesToTheKeychainOnce()
{
    QSettings().setValue(QStringLiteral("sensors/brokerPassword"), kPassword);
    QVERIFY(settingsFile().contains(kPassword.toUtf8()));

    QCOMPARE(AppSettings::brokerPassword(), kPassword);
    QCOMPARE(mKeychain->entries().value(kKey), kPassword);
    QVERIFY(!QSettings().contains(QStringLiteral("sensors/brokerPassword")));
    QVERIFY(!settingsFile().contains(kPassword.toUtf8()));

    // From now on from the keychain, with no second write.
    const int calls = mKeychain->calls();
    QCOMPARE(AppSettings::brokerPassword(), kPassword);
    QCOMPARE(mKeychain->calls(), calls + 1);
    QCOMPARE(mKeychain->entries().size(), 1);
}

void TestKeychain::withoutKeychainTheOldPasswordStillWorks()
{
    mKeychain->setAvailable(false);
    QSettings().setValue(QStringLiteral("sensors/brokerPassword"), kPassword);
    QTest::ignoreMessage(QtWarningMsg,
        QRegularExpression(QStringLiteral("keychain cannot keep the broker password.*no keychain "
                                          "is available.*stays in the settings file")));
    QCOMPARE(AppSettings::brokerPassword(), kPassword);
    QVERIFY(QSettings().contains(QStringLiteral("sensors/brokerPassword")));

    // Once a keychain is there, the next read moves it.
    mKeychain->setAvailable(true);
    QCOMPARE(AppSettings::brokerPassword(), kPassword);
    QCOMPARE(mKeychain->entries().value(kKey), kPassword);
    QVERIFY(!settingsFile().contains(kPassword.toUtf8()));
}

// Every older save wrote the key, empty without a broker password: it just goes.
void TestKeychain::emptyOldPasswordLeavesWithoutKeychain()
{
    mKeychain->setAvailable(false);
    QSettings().setValue(QStringLiteral("sensors/brokerPassword"), QString());
    QCOMPARE(AppSettings::brokerPassword(), QString());
    QVERIFY(!QSettings().contains(QStringLiteral("sensors/brokerPassword")));
}

void TestKeychain::newPasswordNeverGoesToTheSettingsFile()
{
    QString error;
    QVERIFY2(AppSettings::setBrokerPassword(kPassword, &error), qPrintable(error));
    QCOMPARE(mKeychain->entries().value(kKey), kPassword);
    QVERIFY(!settingsFile().contains(kPassword.toUtf8()));
    QCOMPARE(AppSettings::brokerPassword(), kPassword);

    mKeychain->setAvailable(false);
    const QString other = QStringLiteral("other-s3cret");
    QVERIFY(!AppSettings::setBrokerPassword(other, &error));
    QVERIFY2(error.contains(QStringLiteral("no keychain is available")), qPrintable(error));
    QVERIFY(!settingsFile().contains(other.toUtf8()));
}

void TestKeychain::emptyPasswordRemovesTheSavedOne()
{
    QVERIFY(AppSettings::setBrokerPassword(kPassword));
    QVERIFY(AppSettings::setBrokerPassword(QString()));
    QVERIFY(!mKeychain->entries().contains(kKey));
    QCOMPARE(AppSettings::brokerPassword(), QString());
}

// The simulator's users (no broker) never wait on a keychain.
void TestKeychain::noBrokerNoKeychainCall()
{
    AppSettings::setBrokerUrl(QString());
    QCOMPARE(AppSettings::brokerPassword(), QString());
    QVERIFY(AppSettings::setBrokerPassword(QString()));
    QString error;
    QVERIFY(!AppSettings::setBrokerPassword(kPassword, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(mKeychain->calls(), 0);
}

// The real qtkeychain path: a desktop answers "not found" for a key nobody saved, a box without
// a Secret Service (CI) fails with a message; neither hangs, on the GUI thread or a worker.
void TestKeychain::systemKeychainAnswersWithoutHanging()
{
    const QString key = QStringLiteral("dvdash-test-%1").arg(QUuid::createUuid().toString());
    const int timeoutMs = 8000;
    SystemKeychain system(QStringLiteral("dvdash-test"), timeoutMs);
    QElapsedTimer clock;
    clock.start();
    const KeychainAnswer here = system.read(key);
    QVERIFY(clock.elapsed() < timeoutMs + 2000);
    QVERIFY2(here.status != KeychainAnswer::Done, qPrintable(here.password));
    if (here.status == KeychainAnswer::Failed)
        QVERIFY(!here.error.isEmpty());
    qInfo() << "system keychain:" << here.status << here.error << clock.elapsed() << "ms";

    clock.restart();
    KeychainAnswer there = QtConcurrent::run([&system, key] { return system.read(key); }).result();
    QVERIFY(clock.elapsed() < timeoutMs + 2000);
    QCOMPARE(there.status, here.status);
    clock.restart();
    there = QtConcurrent::run([&system, key] { return system.remove(key); }).result();
    QVERIFY(clock.elapsed() < timeoutMs + 2000);
    QVERIFY(there.status == KeychainAnswer::Done || !there.error.isEmpty());
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
