// The overview's figures against a store holding a known day of sites, readings, alerts and
// indicators.
#include "alertstore.h"
#include "chinatime.h"
#include "indicatorstore.h"
#include "metriccatalogue.h"
#include "overviewfigures.h"
#include "sensorstore.h"
#include "sitestore.h"
#include "storeset.h"
#include "testsupport.h"
#include "timeunits.h"

#include <QTemporaryDir>
#include <QTest>

using namespace dv;

namespace {
// 2026-12-01 10:00 China time.
const qint64 kNow = ChinaTime::toUtcMs(QDate(2026, 12, 1), QTime(10, 0));
}

class TestOverviewFigures : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void liveFigures();
    void warningFigures();
    void countyIndicators();
    void prefectureAndProvinceIndicators();
    void unavailableIsNotZero();
    void texts();
    void sitesOnlyOnTheMap();
    void hiddenSamplesNotCounted();

private:
    OverviewFigures compute(const QString &focus = QStringLiteral("52"))
    {
        StoreSet stores(mSpec);
        OverviewFigures::Request request;
        request.now = kNow;
        request.focus = focus;
        return OverviewFigures::compute(stores, request);
    }
    void addSite(SiteStore &sites, const QString &id, const QString &type, const QString &county,
        const QStringList &devices, const QString &metric);
    void write(SensorStore &sensors, const QString &key, const QString &metric,
        const QVector<qint64> &times, double value);
    void alert(AlertStore &alerts, quint64 episode, const QString &ruleId, const QString &key,
        qint64 raised, qint64 activated, qint64 resolved);

    QTemporaryDir mDir;
    QString mSpec;
};

void TestOverviewFigures::addSite(SiteStore &sites, const QString &id, const QString &type,
    const QString &county, const QStringList &devices, const QString &metric)
{
    QString error;
    Site site;
    site.id = id;
    site.type = type;
    site.name = id;
    site.county = county;
    site.lon = 106.7;
    site.lat = 26.6;
    QVERIFY2(sites.saveSites({ site }, SiteRevision::Kind::Edit, QStringLiteral("test"), &error),
        qPrintable(error));
    for (const QString &device : devices)
        QVERIFY2(sites.noteDevice(id, county, device, metric, &error), qPrintable(error));
}

void TestOverviewFigures::write(SensorStore &sensors, const QString &key, const QString &metric,
    const QVector<qint64> &times, double value)
{
    QString error;
    const auto id = sensors.deviceId(key, &error);
    QVERIFY2(id, qPrintable(error));
    std::vector<Reading> readings;
    for (qint64 t : times)
        readings.push_back(dvtest::reading(*id, MetricCatalogue::byName(metric)->id, t, value));
    QVERIFY2(sensors.write(readings, &error), qPrintable(error));
}

void TestOverviewFigures::alert(AlertStore &alerts, quint64 episode, const QString &ruleId,
    const QString &key, qint64 raised, qint64 activated, qint64 resolved)
{
    const RuleBook rules = RuleBook::defaults();
    const int index = rules.indexOf(ruleId);
    QVERIFY(index >= 0);
    auto step = [&](AlertTransition::Kind kind, qint64 time) {
        AlertTransition t;
        t.kind = kind;
        t.episode = episode;
        t.deviceKey = key;
        t.rule = index;
        t.ruleId = ruleId;
        t.metric = MetricCatalogue::byName(rules.at(index).metric)->id;
        t.episodeStart = raised;
        t.time = time;
        t.value = rules.at(index).trigger;
        return t;
    };
    std::vector<AlertTransition> steps
        = { step(AlertTransition::Raised, raised), step(AlertTransition::Activated, activated) };
    if (resolved)
        steps.push_back(step(AlertTransition::Resolved, resolved));
    QString error;
    QVERIFY2(alerts.record(steps, rules, &error), qPrintable(error));
}

void TestOverviewFigures::initTestCase()
{
    QVERIFY(mDir.isValid());
    mSpec = QStringLiteral("sqlite:") + mDir.filePath(QStringLiteral("store.sqlite"));
    StoreSet stores(mSpec);
    QString error;
    SiteStore *sites = stores.sites(&error);
    SensorStore *sensors = stores.sensors(&error);
    AlertStore *alerts = stores.alerts(&error);
    IndicatorStore *indicators = stores.indicators(&error);
    QVERIFY2(sites && sensors && alerts && indicators, qPrintable(error));

    // Two tea gardens, a pig farm with three ear tags, two clinics: 5 sites, 7 devices.
    addSite(*sites, QStringLiteral("T1"), QStringLiteral("tea_garden"), QStringLiteral("520102"),
        { QStringLiteral("st1") }, QStringLiteral("air_temperature"));
    QVERIFY(sites->noteDevice(QStringLiteral("T1"), QStringLiteral("520102"),
        QStringLiteral("st1"), QStringLiteral("soil_moisture"), &error));
    addSite(*sites, QStringLiteral("T2"), QStringLiteral("tea_garden"), QStringLiteral("520103"),
        { QStringLiteral("st2") }, QStringLiteral("air_temperature"));
    QVERIFY(sites->noteDevice(QStringLiteral("T2"), QStringLiteral("520103"),
        QStringLiteral("st2"), QStringLiteral("soil_moisture"), &error));
    addSite(*sites, QStringLiteral("P1"), QStringLiteral("pig_farm"), QStringLiteral("520201"),
        { QStringLiteral("tag1"), QStringLiteral("tag2"), QStringLiteral("tag3") },
        QStringLiteral("body_temperature"));
    addSite(*sites, QStringLiteral("C1"), QStringLiteral("clinic"), QStringLiteral("520301"),
        { QStringLiteral("term1") }, QStringLiteral("terminal_online"));
    addSite(*sites, QStringLiteral("C2"), QStringLiteral("clinic"), QStringLiteral("520301"),
        { QStringLiteral("term2") }, QStringLiteral("terminal_online"));

    // st1: every 5 minutes this last hour, both metrics (24 readings); st2 only this time
    // yesterday; tag1 now, tag2 yesterday, tag3 never; both terminals now, only term1 up.
    QVector<qint64> hour;
    for (int k = 0; k < 12; ++k)
        hour << kNow - kMinuteMs - k * 5 * kMinuteMs;
    write(*sensors, QStringLiteral("520102/T1/st1"), QStringLiteral("air_temperature"), hour, 5);
    write(*sensors, QStringLiteral("520102/T1/st1"), QStringLiteral("soil_moisture"), hour, 30);
    const qint64 yesterday = kNow - kDayMs;
    write(*sensors, QStringLiteral("520103/T2/st2"), QStringLiteral("air_temperature"),
        { yesterday - 10 * kMinuteMs }, 12);
    write(*sensors, QStringLiteral("520103/T2/st2"), QStringLiteral("soil_moisture"),
        { yesterday - 10 * kMinuteMs }, 12);
    write(*sensors, QStringLiteral("520201/P1/tag1"), QStringLiteral("body_temperature"),
        { kNow - 2 * kMinuteMs }, 40.5);
    write(*sensors, QStringLiteral("520201/P1/tag2"), QStringLiteral("body_temperature"),
        { yesterday - 3 * kMinuteMs }, 38.5);
    write(*sensors, QStringLiteral("520301/C1/term1"), QStringLiteral("terminal_online"),
        { kNow - 3 * kMinuteMs }, 1);
    write(*sensors, QStringLiteral("520301/C2/term2"), QStringLiteral("terminal_online"),
        { kNow - 3 * kMinuteMs }, 0);

    // Frost on T1 now (critical); drought on T2 yesterday only (warning); tag1's fever today
    // (critical, open); tag2's fever yesterday (warning, over before this time yesterday).
    alert(*alerts, 1, QStringLiteral("tea_frost_critical"), QStringLiteral("520102/T1/st1"),
        kNow - 40 * kMinuteMs, kNow - 30 * kMinuteMs, 0);
    alert(*alerts, 2, QStringLiteral("tea_drought"), QStringLiteral("520103/T2/st2"),
        kNow - 36 * kHourMs, kNow - 30 * kHourMs, kNow - 20 * kHourMs);
    alert(*alerts, 3, QStringLiteral("sow_fever_ceiling"), QStringLiteral("520201/P1/tag1"),
        kNow - 2 * kHourMs, kNow - 110 * kMinuteMs, 0);
    alert(*alerts, 4, QStringLiteral("sow_fever_baseline"), QStringLiteral("520201/P1/tag2"),
        kNow - 25 * kHourMs, kNow - kDayMs - 50 * kMinuteMs, kNow - kDayMs - 20 * kMinuteMs);

    // Value added, growth (equal everywhere, so the index is decided by internet penetration).
    std::vector<IndicatorValue> values;
    auto add = [&](const char *county, const char *indicator, int year, double value) {
        values.push_back({ QString::fromLatin1(county), QString::fromLatin1(indicator), year, value });
    };
    add("520102", "de_value_added", 2024, 10);
    add("520102", "de_value_added", 2025, 12);
    add("520103", "de_value_added", 2024, 5);
    add("520103", "de_value_added", 2025, 6);
    add("520201", "de_value_added", 2024, 8);
    add("520201", "de_value_added", 2025, 8);
    for (const char *county : { "520102", "520103", "520201" }) {
        add(county, "de_growth", 2024, 15);
        add(county, "de_growth", 2025, 20);
    }
    add("520102", "internet_penetration", 2024, 50);
    add("520103", "internet_penetration", 2024, 60);
    add("520201", "internet_penetration", 2024, 70);
    add("520102", "internet_penetration", 2025, 80);
    add("520103", "internet_penetration", 2025, 60);
    add("520201", "internet_penetration", 2025, 70);
    QVERIFY2(indicators->importValues(values, QStringLiteral("test"), &error), qPrintable(error));
}

void TestOverviewFigures::liveFigures()
{
    const OverviewFigures f = compute();
    using K = OverviewFigures;
    auto check = [&](K::Key key, double now, double then) {
        const auto &figure = f.figure(key);
        QVERIFY2(figure.available, qPrintable(K::label(key) + QLatin1String(": ") + figure.reason));
        QCOMPARE(figure.value, now);
        QVERIFY(figure.previous);
        QCOMPARE(*figure.previous, then);
    };
    check(K::SitesOnline, 4, 2);
    check(K::SitesSilent, 1, 3);
    check(K::DevicesOnline, 4, 2);
    check(K::DevicesSilent, 3, 5);
    check(K::ReadingsLastHour, 27, 3);
    check(K::SowsMonitored, 1, 1);
    check(K::ClinicTerminalsOnline, 1, 0);
    QCOMPARE(f.newestReading(), kNow - kMinuteMs);
    QCOMPARE(f.figure(K::ClinicTerminalsOnline).trend(), 1);
    QCOMPARE(f.figure(K::SowsMonitored).trend(), 0);
}

void TestOverviewFigures::warningFigures()
{
    const OverviewFigures f = compute();
    using K = OverviewFigures;
    auto check = [&](K::Key key, double now, double then) {
        const auto &figure = f.figure(key);
        QVERIFY2(figure.available, qPrintable(figure.reason));
        QCOMPARE(figure.value, now);
        QCOMPARE(*figure.previous, then);
    };
    check(K::CriticalWarnings, 2, 0);
    check(K::Warnings, 0, 1);
    check(K::FeversToday, 1, 1);
    check(K::TeaGardensFrost, 1, 0);
    check(K::TeaGardensDrought, 0, 1);
}

void TestOverviewFigures::countyIndicators()
{
    const OverviewFigures f = compute(QStringLiteral("520102"));
    using K = OverviewFigures;
    QCOMPARE(f.indicatorYear(), 2025);
    QCOMPARE(f.figure(K::ValueAdded).value, 12.0);
    QCOMPARE(*f.figure(K::ValueAdded).previous, 10.0);
    QCOMPARE(f.figure(K::ValueAddedGrowth).value, 20.0);
    QCOMPARE(*f.figure(K::ValueAddedGrowth).previous, 15.0);
    // Index: half economy (all equal: 1), half infrastructure (min-max of penetration).
    QCOMPARE(f.figure(K::DigitalVillageIndex).value, 100.0);
    QCOMPARE(*f.figure(K::DigitalVillageIndex).previous, 50.0);
    QCOMPARE(f.figure(K::DigitalVillageRank).value, 1.0);
    QCOMPARE(*f.figure(K::DigitalVillageRank).previous, 3.0);
    QCOMPARE(f.figure(K::DigitalVillageRank).unit, QStringLiteral("/ 3"));
}

void TestOverviewFigures::prefectureAndProvinceIndicators()
{
    using K = OverviewFigures;
    const OverviewFigures guiyang = compute(QStringLiteral("5201"));
    QCOMPARE(guiyang.figure(K::ValueAdded).value, 18.0);
    QCOMPARE(*guiyang.figure(K::ValueAdded).previous, 15.0);
    QCOMPARE(guiyang.figure(K::ValueAddedGrowth).value, 20.0); // 18 / 15 - 1
    QVERIFY(!guiyang.figure(K::ValueAddedGrowth).previous); // no 2023 to grow from
    QCOMPARE(guiyang.figure(K::DigitalVillageIndex).value, 75.0); // (100 + 50) / 2
    QCOMPARE(guiyang.figure(K::DigitalVillageRank).value, 1.0); // ties with 5202's 75
    QCOMPARE(guiyang.figure(K::DigitalVillageRank).unit, QStringLiteral("/ 2"));

    const OverviewFigures province = compute(QStringLiteral("52"));
    QCOMPARE(province.figure(K::ValueAdded).value, 26.0);
    QCOMPARE(province.figure(K::DigitalVillageIndex).value, 75.0);
    QVERIFY(!province.figure(K::DigitalVillageRank).available);
    QVERIFY(!province.figure(K::DigitalVillageRank).reason.isEmpty());
}

void TestOverviewFigures::unavailableIsNotZero()
{
    using K = OverviewFigures;
    // A prefecture without any figure: unavailable, with a reason, shown as a dash.
    const OverviewFigures qiannan = compute(QStringLiteral("5227"));
    for (K::Key key : { K::ValueAdded, K::ValueAddedGrowth, K::DigitalVillageIndex,
             K::DigitalVillageRank }) {
        QVERIFY(!qiannan.figure(key).available);
        QVERIFY(!qiannan.figure(key).reason.isEmpty());
        QCOMPARE(qiannan.valueText(key), QStringLiteral("—"));
    }
    // No stores at all: every figure unavailable, naming the problem.
    OverviewFigures::Request request;
    request.now = kNow;
    const OverviewFigures none = OverviewFigures::compute(
        nullptr, nullptr, nullptr, nullptr, request, QStringLiteral("disk gone"));
    for (int k = 0; k < K::KeyCount; ++k) {
        QVERIFY(!none.figure(K::Key(k)).available);
        QCOMPARE(none.figure(K::Key(k)).reason, QStringLiteral("disk gone"));
    }
    // An empty store: counts are real zeros, but sows and terminals cannot be counted.
    QTemporaryDir empty;
    StoreSet stores(QStringLiteral("sqlite:") + empty.filePath(QStringLiteral("e.sqlite")));
    const OverviewFigures blank = OverviewFigures::compute(stores, request);
    QVERIFY(blank.figure(K::DevicesOnline).available);
    QCOMPARE(blank.figure(K::DevicesOnline).value, 0.0);
    QVERIFY(!blank.figure(K::SowsMonitored).available);
    QVERIFY(!blank.figure(K::ClinicTerminalsOnline).available);
    QVERIFY(!blank.figure(K::ValueAdded).available);
}

void TestOverviewFigures::texts()
{
    QLocale::setDefault(QLocale::c());
    const OverviewFigures f = compute(QStringLiteral("520102"));
    using K = OverviewFigures;
    QCOMPARE(f.valueText(K::ValueAdded), QStringLiteral("12.00 亿元"));
    QCOMPARE(f.trendText(K::ValueAdded), QStringLiteral("▲ 2.00 vs 2024"));
    QCOMPARE(f.trendText(K::DigitalVillageRank), QStringLiteral("▲ 2 vs 2024")); // 3rd -> 1st
    const OverviewFigures live = compute();
    QCOMPARE(live.trendText(K::DevicesOnline), QStringLiteral("▲ 2 vs yesterday"));
    QCOMPARE(live.trendText(K::Warnings), QStringLiteral("▼ 1 vs yesterday"));
}

// The bundled sample's sites are on the map, not in the registry: their types come with the
// request, so their ear tags count as sows and their dry soil as a tea garden's.
void TestOverviewFigures::sitesOnlyOnTheMap()
{
    {
        StoreSet stores(mSpec);
        QString error;
        write(*stores.sensors(&error), QStringLiteral("520402/X1/tag9"),
            QStringLiteral("body_temperature"), { kNow - 4 * kMinuteMs }, 38.8);
        alert(*stores.alerts(&error), 5, QStringLiteral("tea_drought"), QStringLiteral("520402/X2/st"),
            kNow - 9 * kHourMs, kNow - 3 * kHourMs, 0);
    }
    StoreSet stores(mSpec);
    OverviewFigures::Request request;
    request.now = kNow;
    const OverviewFigures without = OverviewFigures::compute(stores, request);
    QCOMPARE(without.figure(OverviewFigures::SowsMonitored).value, 1.0);
    QCOMPARE(without.figure(OverviewFigures::TeaGardensDrought).value, 0.0);
    request.knownSiteTypes = { { QStringLiteral("X1"), QStringLiteral("pig_farm") },
        { QStringLiteral("X2"), QStringLiteral("tea_garden") } };
    const OverviewFigures with = OverviewFigures::compute(stores, request);
    QCOMPARE(with.figure(OverviewFigures::SowsMonitored).value, 2.0);
    QCOMPARE(with.figure(OverviewFigures::TeaGardensDrought).value, 1.0);
    QCOMPARE(with.figure(OverviewFigures::DevicesOnline).value, 5.0);
}

// Sample data hidden (Settings › Sample data, --sample off): the sample sites' devices and
// alerts leave the counts, as they leave the map; shown, they count as before.
void TestOverviewFigures::hiddenSamplesNotCounted()
{
    StoreSet stores(mSpec);
    OverviewFigures::Request request;
    request.now = kNow;
    request.knownSiteTypes = { { QStringLiteral("X1"), QStringLiteral("pig_farm") },
        { QStringLiteral("X2"), QStringLiteral("tea_garden") } };
    const QSet<QString> samples = { QStringLiteral("X1"), QStringLiteral("X2") };
    request.visibility = SiteVisibility(true, samples);
    const OverviewFigures shown = OverviewFigures::compute(stores, request);
    request.visibility = SiteVisibility(false, samples);
    const OverviewFigures hidden = OverviewFigures::compute(stores, request);
    using K = OverviewFigures;
    QCOMPARE(shown.figure(K::SowsMonitored).value, 2.0);
    QCOMPARE(hidden.figure(K::SowsMonitored).value, 1.0);
    QCOMPARE(hidden.figure(K::DevicesOnline).value, shown.figure(K::DevicesOnline).value - 1);
    QCOMPARE(hidden.figure(K::SitesOnline).value, shown.figure(K::SitesOnline).value - 1);
    QCOMPARE(hidden.figure(K::SitesSilent).value, shown.figure(K::SitesSilent).value);
    QCOMPARE(shown.figure(K::TeaGardensDrought).value, 1.0);
    QCOMPARE(hidden.figure(K::TeaGardensDrought).value, 0.0);
    QCOMPARE(hidden.figure(K::Warnings).value, shown.figure(K::Warnings).value - 1);
    // A registered site (T1) is the office's own and counts whatever the setting.
    QCOMPARE(hidden.figure(K::TeaGardensFrost).value, 1.0);
}

QTEST_GUILESS_MAIN(TestOverviewFigures)
#include "tst_overviewfigures.moc"
