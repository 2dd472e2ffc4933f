// Settings › Data store: the store spec checked as it is typed, its password kept in the
// keychain and never in the settings file, and "Test connection" run off the GUI thread.
#include "memorykeychain.h"

#include "appsettings.h"
#include "keychain.h"
#include "sensorstore.h"
#include "settingsdialog.h"
#include "storecredentials.h"
#include "storeregistry.h"
#include "storespeccheck.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include <memory>

using namespace dv;

namespace {

const QString kServer = QStringLiteral("postgresql://county520328@db.example:5433/dvdash"
                                       "?sslmode=verify-full");
const QString kServerKey = QStringLiteral("postgresql://county520328@db.example:5433/dvdash");
const QString kStorePassword = QStringLiteral("meitan-s3cret");
const QString kBrokerPassword = QStringLiteral("broker-s3cret");

QByteArray settingsFile()
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// What the registry says about a spec whose form is right: "" where this build has the backend.
QString registryAnswer(const QString &spec)
{
    QString error;
    return StoreRegistry::instance().backendFor(spec, &error) ? QString() : error;
}

template <typename T> T *child(SettingsDialog &dialog, const char *name)
{
    return dialog.findChild<T *>(QLatin1String(name));
}

} // namespace

class TestStoreSetting : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void specProblems_data();
    void specProblems();
    void credentialKeyFollowsTheAddress();
    void dialogChecksAsYouType();
    void passwordsGoToTheKeychainNotTheSettingsFile();
    void withoutKeychainThePasswordIsRefusedNotWritten();
    void unchangedPasswordsDoNotTouchTheKeychain();
    void testConnectionRunsInTheBackground();
    void closingDuringATestIsSafe();

private:
    std::shared_ptr<dvtest::MemoryKeychain> mKeychain;
    QTemporaryDir mDir;
};

void TestStoreSetting::init()
{
    QSettings().clear();
    mKeychain = std::make_shared<dvtest::MemoryKeychain>();
    Keychain::setBackend(mKeychain);
}

void TestStoreSetting::cleanup()
{
    QThreadPool::globalInstance()->waitForDone();
    Keychain::setBackend(nullptr);
    QSettings().clear();
}

void TestStoreSetting::specProblems_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("problem"); // a part of the message; "" for none

    QTest::newRow("own store") << QString() << QString();
    QTest::newRow("sqlite file") << QStringLiteral("sqlite:")
            + QDir::home().filePath(QStringLiteral("a.sqlite"))
                                 << QString();
    QTest::newRow("bare absolute path")
        << QDir::home().filePath(QStringLiteral("b.sqlite")) << QString();
    QTest::newRow("relative path")
        << QStringLiteral("sqlite:store.sqlite") << QStringLiteral("full path");
    QTest::newRow("empty sqlite") << QStringLiteral("sqlite:") << QStringLiteral("sqlite:PATH");
    QTest::newRow("password in user info")
        << QStringLiteral("postgresql://ops:hunter2@db.example/dvdash")
        << QStringLiteral("belongs in the Password field");
    QTest::newRow("password parameter")
        << QStringLiteral("postgresql://ops@db.example/dvdash?password=hunter2")
        << QStringLiteral("keychain");
    QTest::newRow("unparsable") << QStringLiteral("postgresql://ops@db.example:99999/dvdash")
                                << QStringLiteral("Not a server address");
    QTest::newRow("no host") << QStringLiteral("postgresql:///dvdash")
                             << QStringLiteral("Name the server");
    QTest::newRow("no user") << QStringLiteral("postgresql://db.example/dvdash")
                             << QStringLiteral("Name the user");
    QTest::newRow("no database") << QStringLiteral("postgresql://ops@db.example:5432")
                                 << QStringLiteral("Name the database");
    QTest::newRow("unknown kind") << QStringLiteral("mysql://ops@db.example/dvdash")
                                  << QStringLiteral("\"mysql\"");
}

void TestStoreSetting::specProblems()
{
    QFETCH(QString, spec);
    QFETCH(QString, problem);
    const QString found = StoreSpecCheck::problem(spec);
    if (problem.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
}

void TestStoreSetting::credentialKeyFollowsTheAddress()
{
    QCOMPARE(StoreSpecCheck::credentialKey(kServer), kServerKey);
    QCOMPARE(StoreSpecCheck::credentialKey(QStringLiteral("postgresql://ops@db.example/dvdash")),
        StoreCredentials::keyFor(
            QStringLiteral("ops"), QStringLiteral("db.example"), 5432, QStringLiteral("dvdash")));
    QVERIFY(StoreSpecCheck::credentialKey(QStringLiteral("sqlite:/tmp/a.sqlite")).isEmpty());
    QVERIFY(StoreSpecCheck::credentialKey(QStringLiteral("postgresql://db.example/x")).isEmpty());
}

void TestStoreSetting::dialogChecksAsYouType()
{
    SettingsDialog dialog;
    auto *store = child<QLineEdit>(dialog, "storeSpec");
    auto *problem = child<QLabel>(dialog, "storeProblem");
    auto *password = child<QLineEdit>(dialog, "storePassword");
    auto *test = child<QPushButton>(dialog, "testStore");
    QVERIFY(store && problem && password && test);
    QPushButton *ok = nullptr;
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text().contains(QStringLiteral("OK")))
            ok = button;
    }
    QVERIFY(ok);

    QVERIFY(problem->isHidden());
    QVERIFY(ok->isEnabled());
    QVERIFY(!password->isEnabled()); // the own SQLite store has no password

    store->clear();
    QTest::keyClicks(store, QStringLiteral("postgresql://ops:hunter2@db.example/dvdash"));
    QVERIFY(!problem->isHidden());
    QVERIFY2(problem->text().contains(QStringLiteral("keychain")), qPrintable(problem->text()));
    QVERIFY(!ok->isEnabled());
    QVERIFY(!test->isEnabled());

    store->clear();
    QTest::keyClicks(store, kServer);
    QVERIFY(password->isEnabled());
    QCOMPARE(problem->text(), registryAnswer(kServer)); // the registry's word on the scheme
    QCOMPARE(ok->isEnabled(), registryAnswer(kServer).isEmpty());

    store->setText(QStringLiteral("sqlite:relative.sqlite"));
    QVERIFY(problem->text().contains(QStringLiteral("full path")));
    QVERIFY(!password->isEnabled());
    store->setText(QStringLiteral("sqlite:") + mDir.filePath(QStringLiteral("x.sqlite")));
    QVERIFY(problem->isHidden());
    QVERIFY(ok->isEnabled());
}

void TestStoreSetting::passwordsGoToTheKeychainNotTheSettingsFile()
{
    {
        SettingsDialog dialog;
        child<QLineEdit>(dialog, "storeSpec")->setText(kServer);
        child<QLineEdit>(dialog, "storePassword")->setText(kStorePassword);
        child<QLineEdit>(dialog, "brokerUrl")->setText(QStringLiteral("tcp://broker.example:1883"));
        child<QLineEdit>(dialog, "brokerPassword")->setText(kBrokerPassword);
        QVERIFY(dialog.save()); // a new store and broker apply after a restart
        QVERIFY2(dialog.keychainProblem().isEmpty(), qPrintable(dialog.keychainProblem()));
    }
    QCOMPARE(AppSettings::storeSpec(), kServer);
    QCOMPARE(AppSettings::defaultStoreSpec(), kServer);
    QCOMPARE(mKeychain->entries().value(kServerKey), kStorePassword);
    QCOMPARE(
        mKeychain->entries().value(QStringLiteral("mqtt://broker.example:1883")), kBrokerPassword);
    const QByteArray file = settingsFile();
    QVERIFY(file.contains("db.example")); // the right file: the spec is in it
    QVERIFY(!file.contains(kStorePassword.toUtf8()));
    QVERIFY(!file.contains(kBrokerPassword.toUtf8()));

    // Opened again, the dialog shows the saved password from the keychain.
    SettingsDialog again;
    QCOMPARE(child<QLineEdit>(again, "storePassword")->text(), kStorePassword);
}

void TestStoreSetting::withoutKeychainThePasswordIsRefusedNotWritten()
{
    mKeychain->setAvailable(false);
    SettingsDialog dialog;
    child<QLineEdit>(dialog, "storeSpec")->setText(kServer);
    child<QLineEdit>(dialog, "storePassword")->setText(kStorePassword);
    dialog.save();
    QVERIFY(dialog.keychainProblem().contains(QStringLiteral("no keychain is available")));
    QCOMPARE(AppSettings::storeSpec(), kServer); // the rest is saved
    QVERIFY(!settingsFile().contains(kStorePassword.toUtf8()));
}

// Users without a server or broker never wait on a keychain, opening or saving.
void TestStoreSetting::unchangedPasswordsDoNotTouchTheKeychain()
{
    SettingsDialog dialog;
    dialog.save();
    QCOMPARE(mKeychain->calls(), 0);
}

void TestStoreSetting::testConnectionRunsInTheBackground()
{
    SettingsDialog dialog;
    auto *store = child<QLineEdit>(dialog, "storeSpec");
    auto *test = child<QPushButton>(dialog, "testStore");
    auto *result = child<QLabel>(dialog, "storeTestResult");

    // A file not there yet is announced, not made.
    const QString missing = mDir.filePath(QStringLiteral("new.sqlite"));
    store->setText(QStringLiteral("sqlite:") + missing);
    test->click();
    QTRY_VERIFY(result->text().contains(QStringLiteral("No store at")));
    QVERIFY(!QFile::exists(missing));

    const QString existing = mDir.filePath(QStringLiteral("existing.sqlite"));
    QString error;
    QVERIFY2(
        StoreRegistry::instance().openSensorStore(QStringLiteral("sqlite:") + existing, &error),
        qPrintable(error));
    store->setText(QStringLiteral("sqlite:") + existing);
    QVERIFY(result->text().isEmpty()); // the old answer was about another store
    test->click();
    QTRY_VERIFY(result->text().contains(QStringLiteral("Connected")));
    QVERIFY(test->isEnabled());

    // A server: the typed password is saved first, then the registry's answer is shown.
    store->setText(kServer);
    child<QLineEdit>(dialog, "storePassword")->setText(kStorePassword);
    if (registryAnswer(kServer).isEmpty())
        return; // with a PostgreSQL backend the result depends on a server: tst_*_postgres
    test->click();
    QTRY_VERIFY(!result->text().isEmpty() && result->text() != QStringLiteral("Connecting…"));
    QCOMPARE(result->text(), registryAnswer(kServer));
    QCOMPARE(mKeychain->entries().value(kServerKey), kStorePassword);
}

void TestStoreSetting::closingDuringATestIsSafe()
{
    const QString existing = mDir.filePath(QStringLiteral("closing.sqlite"));
    {
        SettingsDialog dialog;
        child<QLineEdit>(dialog, "storeSpec")->setText(QStringLiteral("sqlite:") + existing);
        child<QPushButton>(dialog, "testStore")->click();
    } // gone before the answer
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
}

QTEST_MAIN(TestStoreSetting)
#include "tst_storesetting.moc"
