// A device's key, county/site/device, built and taken apart the one way every part uses:
// a key built from its parts gives them back, and a malformed key is told apart.
#include "devicekey.h"

#include <QtTest>

using namespace dv;

class TestDeviceKey : public QObject {
    Q_OBJECT
private slots:
    void partsComeBack();
    void siteKeysShareThePrefix();
    void malformedKeysRefused_data();
    void malformedKeysRefused();
};

void TestDeviceKey::partsComeBack()
{
    const QString key = DeviceKey::of(QStringLiteral("520328"), QStringLiteral("MYFARM"),
        QStringLiteral("TAG7"));
    QCOMPARE(key, QStringLiteral("520328/MYFARM/TAG7"));
    QVERIFY(DeviceKey::isValid(key));
    QCOMPARE(DeviceKey::county(key), QStringLiteral("520328"));
    QCOMPARE(DeviceKey::site(key), QStringLiteral("MYFARM"));
    QCOMPARE(DeviceKey::device(key), QStringLiteral("TAG7"));
    QCOMPARE(DeviceKey::siteOf(key), QStringLiteral("520328/MYFARM"));
}

void TestDeviceKey::siteKeysShareThePrefix()
{
    const QString prefix = DeviceKey::sitePrefix(QStringLiteral("520328"), QStringLiteral("MYFARM"));
    QCOMPARE(prefix, QStringLiteral("520328/MYFARM/"));
    QVERIFY(DeviceKey::of(QStringLiteral("520328"), QStringLiteral("MYFARM"), QStringLiteral("a"))
                .startsWith(prefix));
    // Another site whose id begins the same way is not taken for this one's.
    QVERIFY(!DeviceKey::of(QStringLiteral("520328"), QStringLiteral("MYFARM2"), QStringLiteral("a"))
                 .startsWith(prefix));
}

void TestDeviceKey::malformedKeysRefused_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("device only") << QStringLiteral("TAG7");
    QTest::newRow("no device") << QStringLiteral("520328/MYFARM/");
    QTest::newRow("no site") << QStringLiteral("520328//TAG7");
    QTest::newRow("no county") << QStringLiteral("/MYFARM/TAG7");
    QTest::newRow("four parts") << QStringLiteral("520328/MYFARM/TAG7/x");
    QTest::newRow("empty") << QString();
}

void TestDeviceKey::malformedKeysRefused()
{
    QFETCH(QString, key);
    QVERIFY(!DeviceKey::isValid(key));
}

QTEST_GUILESS_MAIN(TestDeviceKey)
#include "tst_devicekey.moc"
