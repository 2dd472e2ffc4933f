// A real farm's ear tag: unregistered, its fever raises nothing; once the office registers the
// farm as a pig farm, the running engine applies the fever rule to what follows.
#include "testsupport.h"

#include "alertengine.h"
#include "dataqualitylog.h"
#include "sensorwriter.h"
#include "sqlitealertstore.h"
#include "sqlitesensorstore.h"
#include "sqlitesitestore.h"
#include "timeunits.h"

#include <QMutex>
#include <QTemporaryDir>
#include <QtTest>

using namespace dv;

namespace {

// dvdash/v1/520328/MYFARM/TAG7 as a new user's farm would publish it.
const QString kTag = QStringLiteral("520328/MYFARM/TAG7");

ParsedReading body(qint64 t, double value)
{
    ParsedReading p;
    p.metric = 8;
    p.timestamp = t;
    p.value = value;
    return p;
}

// The office registers MYFARM in Meitan county as a pig farm, as the window's Sites… does.
bool registerMyFarm(SqliteSiteStore &sites, QString *error)
{
    Site farm;
    farm.id = QStringLiteral("MYFARM");
    farm.type = QStringLiteral("pig_farm");
    farm.name = QStringLiteral("我的猪场");
    farm.county = QStringLiteral("520328");
    farm.lon = 107.369661;
    farm.lat = 27.674193;
    farm.source = Site::Source::Entered;
    return bool(sites.saveSites({ farm }, SiteRevision::Kind::Edit, QStringLiteral("test"), error));
}

} // namespace

class TestSiteRegistration : public QObject {
    Q_OBJECT
private slots:
    void unregisteredFarmGetsFeverAlertOnceRegistered();
    void tagAcceptedIntoChosenFarmGetsFeverAlert();

private:
    int feverAlerts(const QString &path);
};

int TestSiteRegistration::feverAlerts(const QString &path)
{
    SqliteAlertStore store(path);
    QString error;
    if (!store.open(&error))
        return -1;
    int fevers = 0;
    for (const AlertRecord &a :
        store.alerts(AlertFilter(), &error).value_or(std::vector<AlertRecord>()))
        fevers += a.ruleId.contains(QLatin1String("fever")) ? 1 : 0;
    return fevers;
}

void TestSiteRegistration::unregisteredFarmGetsFeverAlertOnceRegistered()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("farm.sqlite"));
    const QString spec = QStringLiteral("sqlite:") + path;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() / kMinuteMs * kMinuteMs
        - (2 * 24 + 12) * 60 * kMinuteMs;
    auto temperature = [t0](int minute, int feverFrom) {
        const bool fever = minute >= feverFrom && minute < feverFrom + 240;
        return body(t0 + minute * kMinuteMs, fever ? 40.6 : 38.5);
    };

    // The sample farm P0006 is a pig farm; MYFARM is nowhere yet.
    AlertEngine engine(spec, { { QStringLiteral("P0006"), QStringLiteral("pig_farm") } });
    // What the window's data-quality view hears, in the writer thread.
    QMutex reportedLock;
    QStringList reported;
    engine.setUnregisteredSiteHandler([&](const QString &key) {
        QMutexLocker locker(&reportedLock);
        reported << key;
    });
    SensorWriter writer([spec](QString *e) { return SensorStore::create(spec, e); }, 20);
    writer.setAcceptNewDevices(true); // listen --accept-new-devices
    writer.setObserver(&engine);
    QString error;
    QVERIFY2(writer.start(&error), qPrintable(error));

    // Two days with a four-hour fever at 40.6 °C on the first.
    const int twoDays = 2 * 24 * 60;
    for (int m = 0; m < twoDays; ++m)
        writer.submit(kTag, { temperature(m, 600) }, t0 + m * kMinuteMs + 1000);
    QTRY_COMPARE_WITH_TIMEOUT(writer.storedCount(), qint64(twoDays), 30000);

    // The device registered its site under an unknown type.
    SqliteSiteStore sites(path);
    QVERIFY2(sites.open(&error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(
        sites.site(QStringLiteral("MYFARM"), &error).value_or(std::nullopt).has_value(), 10000);
    const Site unknown = **sites.site(QStringLiteral("MYFARM"), &error);
    QCOMPARE(unknown.type, SiteType::unknownId());
    QCOMPARE(unknown.county, QStringLiteral("520328"));
    QCOMPARE(int(unknown.devices.size()), 1);
    QCOMPARE(unknown.devices[0].id, QStringLiteral("TAG7"));
    // The registry knows what the tag reports.
    QTRY_COMPARE_WITH_TIMEOUT((**sites.site(QStringLiteral("MYFARM"), &error)).devices[0].metrics,
        QStringList { QStringLiteral("body_temperature") }, 10000);
    QCOMPARE(feverAlerts(path), 0);
    {
        QMutexLocker locker(&reportedLock);
        QCOMPARE(reported, QStringList { kTag });
    }
    DataQualityLog log;
    log.recordUnregisteredSite(kTag, t0);
    QCOMPARE(log.count(DataQualityLog::SiteNotRegistered), qint64(1));
    QCOMPARE(log.recent().front().source, kTag);
    QVERIFY(log.recent().front().issue.message.contains(QStringLiteral("MYFARM")));
    QVERIFY(!DataQualityLog::kindLabel(DataQualityLog::SiteNotRegistered).isEmpty());

    // The office registers the farm; the same fever the next day is one alert.
    QVERIFY2(registerMyFarm(sites, &error), qPrintable(error));
    for (int m = twoDays; m < twoDays + 600; ++m)
        writer.submit(kTag, { temperature(m, twoDays + 60) }, t0 + m * kMinuteMs + 1000);
    QTRY_COMPARE_WITH_TIMEOUT(writer.storedCount(), qint64(twoDays + 600), 30000);
    writer.stop();
    QVERIFY2(engine.lastError().isEmpty(), qPrintable(engine.lastError()));
    QCOMPARE(feverAlerts(path), 1);
    QMutexLocker locker(&reportedLock);
    QCOMPARE(reported.size(), 1); // said once, not with every reading
}

// The tag's topic names a site the office never registered (a typo, an old name): quarantined,
// then accepted into the farm the user chose, its held fever and what follows are judged as that
// farm's, also by a writer started later.
void TestSiteRegistration::tagAcceptedIntoChosenFarmGetsFeverAlert()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("chosen.sqlite"));
    const QString spec = QStringLiteral("sqlite:") + path;
    const QString heard = QStringLiteral("520328/OLDNAME/TAG9");
    const QString storedAs = QStringLiteral("520328/MYFARM/TAG9");
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() / kMinuteMs * kMinuteMs
        - (2 * 24 + 12) * 60 * kMinuteMs;
    auto temperature = [t0](int minute, int feverFrom) {
        const bool fever = minute >= feverFrom && minute < feverFrom + 240;
        return body(t0 + minute * kMinuteMs, fever ? 40.6 : 38.5);
    };
    QString error;
    {
        SqliteSiteStore sites(path);
        QVERIFY2(sites.open(&error), qPrintable(error));
        QVERIFY2(registerMyFarm(sites, &error), qPrintable(error));
    }

    const int day = 24 * 60;
    {
        AlertEngine engine(spec, {});
        SensorWriter writer([spec](QString *e) { return SensorStore::create(spec, e); }, 20);
        writer.setObserver(&engine);
        QVERIFY2(writer.start(&error), qPrintable(error));
        // A day with a four-hour fever, held back: the device is unknown.
        for (int m = 0; m < day; ++m)
            writer.submit(heard, { temperature(m, 600) }, t0 + m * kMinuteMs + 1000);
        QTRY_COMPARE_WITH_TIMEOUT(writer.quarantined().value(heard), qint64(day), 30000);
        QCOMPARE(writer.storedCount(), qint64(0));

        // Accepted into MYFARM, as the window's Accept into site… does.
        SqliteSensorStore sensors(path);
        SqliteSiteStore sites(path);
        QVERIFY2(sensors.open(&error) && sites.open(&error), qPrintable(error));
        QVERIFY2(sensors.routeDevice(heard, storedAs, &error), qPrintable(error));
        QVERIFY2(sites.noteDevice(QStringLiteral("MYFARM"), QStringLiteral("520328"),
                     QStringLiteral("TAG9"), QString(), &error),
            qPrintable(error));
        writer.acceptDevices({ heard });
        QTRY_COMPARE_WITH_TIMEOUT(writer.storedCount(), qint64(day), 30000);
        QVERIFY(writer.quarantined().isEmpty());
        writer.stop();
        QVERIFY2(engine.lastError().isEmpty(), qPrintable(engine.lastError()));
    }
    QCOMPARE(feverAlerts(path), 1);
    {
        SqliteAlertStore alerts(path);
        QVERIFY2(alerts.open(&error), qPrintable(error));
        const auto list = alerts.alerts(AlertFilter(), &error);
        QVERIFY2(list && list->size() == 1, qPrintable(error));
        QCOMPARE(list->front().deviceKey, storedAs);
    }

    // Restarted (as `dvdash listen` after a reboot): the topic's readings go to the farm at once.
    {
        AlertEngine engine(spec, {});
        SensorWriter writer([spec](QString *e) { return SensorStore::create(spec, e); }, 20);
        writer.setObserver(&engine);
        QVERIFY2(writer.start(&error), qPrintable(error));
        for (int m = day; m < 2 * day; ++m)
            writer.submit(heard, { temperature(m, day + 600) }, t0 + m * kMinuteMs + 1000);
        QTRY_COMPARE_WITH_TIMEOUT(writer.storedCount(), qint64(day), 30000);
        QVERIFY(writer.quarantined().isEmpty());
        writer.stop();
    }
    QCOMPARE(feverAlerts(path), 2);
    SqliteSensorStore sensors(path);
    QVERIFY2(sensors.open(&error), qPrintable(error));
    const auto devices = sensors.devices(QString(), &error);
    QVERIFY2(devices && devices->size() == 1, qPrintable(error));
    QCOMPARE(devices->front().key, storedAs);
    const auto readings = sensors.readings(devices->front().id, 8, t0, t0 + 2 * day * kMinuteMs, &error);
    QVERIFY2(readings, qPrintable(error));
    QCOMPARE(int(readings->size()), 2 * day);
}

QTEST_GUILESS_MAIN(TestSiteRegistration)
#include "tst_siteregistration.moc"
