// Early-warning rules: one alert per episode, hysteresis, durations, baselines, faults, restarts.
#include "alertevaluator.h"
#include "chinatime.h"
#include "metriccatalogue.h"
#include "payloadparser.h"
#include "rulebook.h"
#include "sensorsimulator.h"
#include "sqlitealertstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>
#include <set>

using namespace dv;

namespace {

const qint64 kMinute = 60 * 1000;
const qint64 kHour = 60 * kMinute;
const qint64 kDay = 24 * kHour;
const qint64 kStep = 5 * kMinute;
// 2026-03-01 00:00 China time: early spring, buds sprouting, sows in the barn.
const qint64 kT0 = QDateTime::fromString(QStringLiteral("2026-02-28T16:00:00Z"), Qt::ISODate)
                       .toMSecsSinceEpoch();
const double kPi = 3.14159265358979323846;

int metricId(const char *name)
{
    return MetricCatalogue::byName(QLatin1String(name))->id;
}

double chinaHour(qint64 t)
{
    return double(ChinaTime::minuteOfDay(t)) / 60.0;
}

AlertRule rule(const char *id, AlertRule::Kind kind, const char *metric,
    AlertRule::Direction direction, double trigger, double recovery, qint64 duration = 0)
{
    AlertRule r;
    r.id = QLatin1String(id);
    r.name = QLatin1String(id);
    r.kind = kind;
    r.metric = QLatin1String(metric);
    r.direction = direction;
    r.trigger = trigger;
    r.recovery = recovery;
    r.minimumDurationMs = duration;
    return r;
}

// An evaluator and everything it said.
struct Run {
    explicit Run(RuleBook book)
        : ev(std::move(book))
    {
    }
    int add(const QString &key, const char *siteType)
    {
        return ev.addDevice(key, QLatin1String(siteType));
    }
    void feed(int device, int metric, qint64 ts, double value, bool fault = false)
    {
        Reading r;
        r.metric = static_cast<quint8>(metric);
        r.timestamp = ts;
        r.value = value;
        r.sensorFault = fault;
        ev.evaluate(device, r, log);
    }
    int count(AlertTransition::Kind kind, const char *ruleId = nullptr, int device = -1) const
    {
        int n = 0;
        for (const AlertTransition &t : log)
            n += t.kind == kind && (!ruleId || t.ruleId == QLatin1String(ruleId))
                && (device < 0 || t.device == device);
        return n;
    }
    const AlertTransition *first(AlertTransition::Kind kind, const char *ruleId) const
    {
        for (const AlertTransition &t : log) {
            if (t.kind == kind && t.ruleId == QLatin1String(ruleId))
                return &t;
        }
        return nullptr;
    }
    AlertEvaluator ev;
    std::vector<AlertTransition> log;
};

// A healthy sow's ear temperature: her own normal, ±0.3 °C over the day, a little noise.
double sowTemperature(double normal, qint64 t, std::mt19937 &rng)
{
    std::normal_distribution<double> noise(0, 0.06);
    return normal + 0.3 * std::sin(2 * kPi * (chinaHour(t) - 10.0) / 24.0) + noise(rng);
}

void feedHealthy(Run &run, int device, double normal, qint64 from, qint64 to, std::mt19937 &rng)
{
    for (qint64 t = from; t < to; t += kStep)
        run.feed(device, metricId("body_temperature"), t, sowTemperature(normal, t, rng));
}

// A fever as the simulator makes it: up by 1.5 °C over 9 hours, held, down over 12 hours.
double fever(qint64 t, qint64 start, qint64 end)
{
    if (t < start || t >= end)
        return 0;
    return 1.5 * std::min({ 1.0, double(t - start) / (9 * kHour), double(end - t) / (12 * kHour) });
}

QByteArray ruleFile(const QByteArray &rules)
{
    return QByteArray(R"({"format": "dvdash-alert-rules", "version": 1, "rules": [)") + rules
        + QByteArray("]}");
}

const QByteArray kGoodRule = R"({"id": "ok1", "name": "ok 1", "kind": "threshold",
    "metric": "air_temperature", "direction": "below", "trigger": 4, "recovery": 5})";
const QByteArray kGoodRule2 = R"({"id": "ok2", "name": "ok 2", "kind": "threshold",
    "metric": "battery", "direction": "below", "trigger": 20, "recovery": 30})";

} // namespace

class TestAlertEvaluator : public QObject {
    Q_OBJECT

private slots:
    void defaultsAreValidAndRoundTrip();
    void invalidRuleFiles_data();
    void invalidRuleFiles();
    void simulatedFeverGivesOneAlert_data();
    void simulatedFeverGivesOneAlert();
    void handMadeFeverGivesOneAlert();
    void wobbleDoesNotFlap_data();
    void wobbleDoesNotFlap();
    void minimumDuration_data();
    void minimumDuration();
    void triggerAndPeakReported();
    void staleDevice();
    void sensorFaultNeverRaisesFever();
    void frostNightRaisesAndClears();
    void frostOnlyInTheBudSeason();
    void oldStoresFrostRulesTakeTheBudSeason();
    void restartKeepsTheEpisode_data();
    void restartKeepsTheEpisode();
    void damagedStateIsRejected();
    void eachSowAgainstHerself();
    void scopeNarrowing_data();
    void scopeNarrowing();
    void lateReadingsAreIgnored();
    void activeHours();
    void rateOfChange();
};

// Every shipped rule is valid, says where its numbers come from, and survives export/import.
void TestAlertEvaluator::defaultsAreValidAndRoundTrip()
{
    const RuleBook defaults = RuleBook::defaults();
    QVERIFY2(defaults.validate().isEmpty(), qPrintable(defaults.validate().join(u'\n')));
    QVERIFY(defaults.size() >= 12);
    for (const char *id :
        { "sow_fever_baseline", "sow_fever_ceiling", "tea_frost_warning", "tea_frost_critical",
            "tea_drought", "tea_waterlogging", "tea_heat", "tea_soil_acid", "tea_soil_alkaline",
            "battery_low", "clinic_terminal_offline", "sensor_fault", "device_silent" }) {
        const int i = defaults.indexOf(QLatin1String(id));
        QVERIFY2(i >= 0, id);
        QVERIFY2(defaults.at(i).source.size() > 40, id);
    }
    QString error;
    const auto back = RuleBook::fromJson(defaults.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->toJson(), defaults.toJson());
    QCOMPARE(back->size(), defaults.size());
    const AlertRule &offline = back->at(back->indexOf(QStringLiteral("clinic_terminal_offline")));
    QCOMPARE(offline.activeFromMinute, 8 * 60);
    QCOMPARE(offline.activeToMinute, 18 * 60);
    QCOMPARE(offline.minimumDurationMs, 15 * kMinute);
    QCOMPARE(offline.scope.siteType, QStringLiteral("clinic"));
}

void TestAlertEvaluator::invalidRuleFiles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // the start of one line of the error

    const QByteArray good = kGoodRule + ',' + kGoodRule2 + ',';
    QTest::newRow("recovery above trigger for above")
        << ruleFile(good + R"({"id": "fever", "name": "Fever", "kind": "threshold",
            "metric": "body_temperature", "direction": "above", "trigger": 40, "recovery": 40.5})")
        << QStringLiteral("rules[2].recovery: must be below the trigger for an \"above\" rule");
    QTest::newRow("recovery below trigger for below")
        << ruleFile(R"({"id": "frost", "name": "Frost", "kind": "threshold",
            "metric": "air_temperature", "direction": "below", "trigger": 4, "recovery": 4})")
        << QStringLiteral("rules[0].recovery: must be above the trigger");
    QTest::newRow("month 13") << ruleFile(
        good + R"({"id": "x", "name": "X", "kind": "threshold", "metric": "battery",
            "direction": "below", "trigger": 10, "recovery": 20, "active_months": [2, 13]})")
                              << QStringLiteral("rules[2].active_months: ");
    QTest::newRow("negative duration")
        << ruleFile(good + R"({"id": "x", "name": "X", "kind": "threshold", "metric": "battery",
            "direction": "below", "trigger": 10, "recovery": 20, "minimum_duration": "-5m"})")
        << QStringLiteral("rules[2].minimum_duration: ");
    QTest::newRow("duration without unit")
        << ruleFile(R"({"id": "x", "name": "X", "kind": "threshold", "metric": "battery",
            "direction": "below", "trigger": 10, "recovery": 20, "minimum_duration": 30})")
        << QStringLiteral("rules[0].minimum_duration: ");
    QTest::newRow("zero rate window")
        << ruleFile(R"({"id": "x", "name": "X", "kind": "rate", "metric": "body_temperature",
            "direction": "above", "trigger": 1, "recovery": 0.5, "window": "0h"})")
        << QStringLiteral("rules[0].window: must be positive");
    QTest::newRow("rate rule without window")
        << ruleFile(R"({"id": "x", "name": "X", "kind": "rate", "metric": "body_temperature",
            "direction": "above", "trigger": 1, "recovery": 0.5})")
        << QStringLiteral("rules[0].window: ");
    QTest::newRow("duplicate name")
        << ruleFile(kGoodRule + R"(, {"id": "ok3", "name": "ok 1", "kind": "threshold",
            "metric": "battery", "direction": "below", "trigger": 20, "recovery": 30})")
        << QStringLiteral("rules[1].name: ");
    QTest::newRow("duplicate id") << ruleFile(
        kGoodRule + R"(, {"id": "ok1", "name": "other", "kind": "threshold",
            "metric": "battery", "direction": "below", "trigger": 20, "recovery": 30})")
                                  << QStringLiteral("rules[1].id: ");
    QTest::newRow("unknown metric")
        << ruleFile(R"({"id": "x", "name": "X", "kind": "threshold", "metric": "temprature",
            "direction": "above", "trigger": 1, "recovery": 0})")
        << QStringLiteral("rules[0].metric: ");
    QTest::newRow("unknown kind") << ruleFile(R"({"id": "x", "name": "X", "kind": "limit"})")
                                  << QStringLiteral("rules[0].kind: ");
    QTest::newRow("missing trigger")
        << ruleFile(good + R"({"id": "x", "name": "X", "kind": "threshold", "metric": "battery",
            "direction": "below", "recovery": 30})")
        << QStringLiteral("rules[2].trigger: is required");
    QTest::newRow("trigger is a string")
        << ruleFile(R"({"id": "x", "name": "X", "kind": "threshold", "metric": "battery",
            "direction": "below", "trigger": "20", "recovery": 30})")
        << QStringLiteral("rules[0].trigger: must be a number");
    QTest::newRow("misspelt field")
        << ruleFile(R"({"id": "x", "name": "X", "kind": "threshold", "metric": "battery",
            "direction": "below", "trigger": 20, "recovey": 30})")
        << QStringLiteral("rules[0].recovey: unknown field");
    QTest::newRow("bad site type")
        << ruleFile(R"({"id": "x", "name": "X", "kind": "threshold", "metric": "battery",
            "direction": "below", "trigger": 20, "recovery": 30, "scope": {"site_type": "farm"}})")
        << QStringLiteral("rules[0].scope.site_type: ");
    QTest::newRow("bad active hours")
        << ruleFile(R"({"id": "x", "name": "X", "kind": "threshold", "metric": "battery",
            "direction": "below", "trigger": 20, "recovery": 30, "active_hours": "8-18"})")
        << QStringLiteral("rules[0].active_hours: ");
    QTest::newRow("stale factor of 1")
        << ruleFile(R"({"id": "x", "name": "X", "kind": "stale", "stale_factor": 1})")
        << QStringLiteral("rules[0].stale_factor: must be greater than 1");
    QTest::newRow("deviation rule with negative trigger above")
        << ruleFile(R"({"id": "x", "name": "X", "kind": "baseline", "metric": "body_temperature",
            "direction": "above", "trigger": -1, "recovery": -2})")
        << QStringLiteral("rules[0].trigger: must be positive");
    QTest::newRow("rule is not an object")
        << ruleFile(kGoodRule + ", 42") << QStringLiteral("rules[1]: must be an object");
    QTest::newRow("no rules") << QByteArray(R"({"format": "dvdash-alert-rules"})")
                              << QStringLiteral("rules: is required");
    QTest::newRow("wrong version")
        << QByteArray(R"({"format": "dvdash-alert-rules", "version": 3, "rules": []})")
        << QStringLiteral("version: ");
    QTest::newRow("syntax error") << QByteArray("{\"rules\": [\n  {\"id\": \"x\",,}\n]}")
                                  << QStringLiteral("line 2, column ");
}

// A bad rule file is refused as a whole, and the message names the field that is wrong.
void TestAlertEvaluator::invalidRuleFiles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QString error;
    const auto book = RuleBook::fromJson(json, &error);
    QVERIFY(!book);
    const QStringList lines = error.split(u'\n');
    const bool found = std::any_of(
        lines.begin(), lines.end(), [&](const QString &l) { return l.startsWith(expected); });
    QVERIFY2(found, qPrintable(error));
    // Each problem once: a field that could not be read is not also judged with a default.
    QCOMPARE(QSet<QString>(lines.begin(), lines.end()).size(), lines.size());
}

// The simulator's sows with the shipped rules: a week of normal life raises nothing; then about
// half of them catch a fever, and each of those gets exactly one fever alert, which ends.
void TestAlertEvaluator::simulatedFeverGivesOneAlert_data()
{
    QTest::addColumn<quint32>("seed");
    // 40 seeds passed when this was written; three keep the test quick.
    for (quint32 seed : { 11u, 23u, 42u })
        QTest::addRow("seed %u", seed) << seed;
}

void TestAlertEvaluator::simulatedFeverGivesOneAlert()
{
    QFETCH(quint32, seed);
    std::vector<SimulatedDevice> sows;
    for (int i = 1; i <= 24; ++i)
        sows.push_back({ SimulatedDevice::EarTag,
            QStringLiteral("522601/P0001/tag-%1").arg(i, 4, 10, QLatin1Char('0')) });
    SensorSimulator sim(sows, seed);
    sim.setEpisodeRatePerDay(0);
    Run run(RuleBook::defaults());
    std::vector<int> handles;
    for (const SimulatedDevice &d : sows)
        handles.push_back(run.add(d.key, "pig_farm"));

    auto tick = [&](qint64 t) {
        for (const SensorSimulator::Message &m : sim.tick(t)) {
            const int device = run.add(m.deviceKey, "pig_farm");
            for (const ParsedReading &p : m.readings)
                run.feed(device, p.metric, p.timestamp, p.value, p.sensorFault);
        }
    };
    qint64 t = kT0;
    for (; t < kT0 + 8 * kDay; t += kStep)
        tick(t);
    QCOMPARE(run.count(AlertTransition::Raised, "sow_fever_baseline"), 0);
    QCOMPARE(run.count(AlertTransition::Raised, "sow_fever_ceiling"), 0);

    // A fever of two days in some sows, chosen by the seed.
    std::mt19937 pick(seed);
    for (std::size_t i = 0; i < sows.size(); ++i) {
        if (std::bernoulli_distribution(0.5)(pick))
            sim.startEpisode(i, t, t + 2 * kDay);
    }
    tick(t);
    t += kStep;
    std::vector<bool> sick;
    for (std::size_t i = 0; i < sows.size(); ++i)
        sick.push_back(sim.hasFever(i));
    const int sickCount = int(std::count(sick.begin(), sick.end(), true));
    QVERIFY2(sickCount >= 4 && sickCount <= 20, qPrintable(QString::number(sickCount)));
    for (; t < kT0 + 12 * kDay; t += kStep)
        tick(t);

    for (std::size_t i = 0; i < sows.size(); ++i) {
        const int h = handles[i];
        const int expected = sick[i] ? 1 : 0;
        QCOMPARE(run.count(AlertTransition::Activated, "sow_fever_baseline", h), expected);
        QCOMPARE(run.count(AlertTransition::Resolved, "sow_fever_baseline", h), expected);
        QVERIFY(run.count(AlertTransition::Activated, "sow_fever_ceiling", h) <= expected);
    }
    // A fever is a fever, not a sensor fault or a flat battery.
    QCOMPARE(run.count(AlertTransition::Raised, "sensor_fault"), 0);
}

// The same by hand: 7 days of normal life, then a fever of 1.5 °C that lasts two days. Hundreds
// of readings confirm it; there is one episode, with one id from start to end.
void TestAlertEvaluator::handMadeFeverGivesOneAlert()
{
    Run run(RuleBook::defaults());
    const int sow = run.add(QStringLiteral("522601/P0001/tag-0001"), "pig_farm");
    std::mt19937 rng(3);
    feedHealthy(run, sow, 38.6, kT0, kT0 + 7 * kDay, rng);
    QCOMPARE(run.log.size(), std::size_t(0));

    const qint64 start = kT0 + 7 * kDay + 3 * kHour, end = start + 48 * kHour;
    for (qint64 t = kT0 + 7 * kDay; t < kT0 + 10 * kDay; t += kStep)
        run.feed(sow, metricId("body_temperature"), t,
            sowTemperature(38.6, t, rng) + fever(t, start, end));

    QCOMPARE(run.count(AlertTransition::Raised, "sow_fever_baseline"), 1);
    QCOMPARE(run.count(AlertTransition::Cancelled, "sow_fever_baseline"), 0);
    QCOMPARE(run.count(AlertTransition::Activated, "sow_fever_baseline"), 1);
    QCOMPARE(run.count(AlertTransition::Resolved, "sow_fever_baseline"), 1);
    const AlertTransition *raised = run.first(AlertTransition::Raised, "sow_fever_baseline");
    const AlertTransition *active = run.first(AlertTransition::Activated, "sow_fever_baseline");
    const AlertTransition *resolved = run.first(AlertTransition::Resolved, "sow_fever_baseline");
    QCOMPARE(active->episode, raised->episode);
    QCOMPARE(resolved->episode, raised->episode);
    QCOMPARE(active->episodeStart, raised->time);
    // +1.0 °C is reached 6 hours in; an hour later it is an alert.
    QVERIFY(raised->time > start + 5 * kHour && raised->time < start + 7 * kHour);
    QVERIFY(active->time - raised->time >= kHour && active->time - raised->time < kHour + kStep);
    QVERIFY(resolved->time > end - 6 * kHour && resolved->time < end);
    QCOMPARE(active->deviceKey, QStringLiteral("522601/P0001/tag-0001"));
    QCOMPARE(active->metric, metricId("body_temperature"));
}

void TestAlertEvaluator::wobbleDoesNotFlap_data()
{
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<int>("episodes");
    QTest::newRow("wobble across the trigger") << 39.9 << 40.1 << 1;
    QTest::newRow("wobble inside the band") << 39.6 << 40.0 << 1;
    // Control: truly recovering each time is a new episode each time.
    QTest::newRow("wobble across trigger and recovery") << 39.4 << 40.1 << 50;
}

// Readings hovering at the trigger raise one alert, not one per crossing.
void TestAlertEvaluator::wobbleDoesNotFlap()
{
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(int, episodes);
    Run run(RuleBook(
        { rule("hot", AlertRule::Threshold, "body_temperature", AlertRule::Above, 40.0, 39.5) }));
    const int sow = run.add(QStringLiteral("522601/P0001/tag-0001"), "pig_farm");
    const int m = metricId("body_temperature");
    qint64 t = kT0;
    run.feed(sow, m, t += kStep, 38.5);
    for (int i = 0; i < 100; ++i)
        run.feed(sow, m, t += kStep, i % 2 ? low : high);
    run.feed(sow, m, t += kStep, 38.5);
    QCOMPARE(run.count(AlertTransition::Activated), episodes);
    QCOMPARE(run.count(AlertTransition::Resolved), episodes);
}

void TestAlertEvaluator::minimumDuration_data()
{
    QTest::addColumn<int>("hotReadings"); // at 5-minute spacing
    QTest::addColumn<int>("activated");
    QTest::newRow("one reading") << 1 << 0;
    QTest::newRow("25 minutes") << 6 << 0;
    QTest::newRow("30 minutes") << 7 << 1;
    QTest::newRow("two hours") << 25 << 1;
}

// A spike shorter than the minimum duration is raised and cancelled, never an alert.
void TestAlertEvaluator::minimumDuration()
{
    QFETCH(int, hotReadings);
    QFETCH(int, activated);
    Run run(RuleBook({ rule("hot", AlertRule::Threshold, "body_temperature", AlertRule::Above, 40.0,
        39.5, 30 * kMinute) }));
    const int sow = run.add(QStringLiteral("522601/P0001/tag-0001"), "pig_farm");
    const int m = metricId("body_temperature");
    qint64 t = kT0;
    run.feed(sow, m, t, 38.5);
    for (int i = 0; i < hotReadings; ++i)
        run.feed(sow, m, t += kStep, 40.6);
    run.feed(sow, m, t += kStep, 38.5);
    QCOMPARE(run.count(AlertTransition::Raised), 1);
    QCOMPARE(run.count(AlertTransition::Activated), activated);
    QCOMPARE(run.count(AlertTransition::Cancelled), 1 - activated);
    QCOMPARE(run.count(AlertTransition::Resolved), activated);
    if (activated)
        QCOMPARE(run.first(AlertTransition::Activated, "hot")->time, kT0 + 7 * kStep);
}

// The alert reports the reading that crossed 40 °C and how high the fever went, not only the
// 39.77 °C it read when the minimum duration was up (inside the hysteresis band).
void TestAlertEvaluator::triggerAndPeakReported()
{
    Run run(RuleBook({ rule("hot", AlertRule::Threshold, "body_temperature", AlertRule::Above, 40.0,
        39.5, 30 * kMinute) }));
    const int sow = run.add(QStringLiteral("520330/P0033/tag-0005"), "pig_farm");
    const int m = metricId("body_temperature");
    qint64 t = kT0;
    for (double v : { 38.5, 40.1, 40.4, 40.8, 40.3, 39.9, 39.8, 39.77 })
        run.feed(sow, m, t += kStep, v);
    const AlertTransition *active = run.first(AlertTransition::Activated, "hot");
    QVERIFY(active);
    QCOMPARE(active->value, 39.77);
    QCOMPARE(active->triggerValue, 40.1);
    QCOMPARE(active->peak, 40.8);
    QCOMPARE(run.count(AlertTransition::PeakRose), 0);
    run.feed(sow, m, t += kStep, 40.85); // less than a quarter of the band further: no news
    QCOMPARE(run.count(AlertTransition::PeakRose), 0);
    run.feed(sow, m, t += kStep, 41.2);
    QCOMPARE(run.count(AlertTransition::PeakRose), 1);
    QCOMPARE(run.first(AlertTransition::PeakRose, "hot")->peak, 41.2);
    run.feed(sow, m, t += kStep, 39.4);
    const AlertTransition *resolved = run.first(AlertTransition::Resolved, "hot");
    QVERIFY(resolved);
    QCOMPARE(resolved->triggerValue, 40.1);
    QCOMPARE(resolved->peak, 41.2);
}

// A device that falls silent for 6 of its usual intervals is stale once; data ends it.
void TestAlertEvaluator::staleDevice()
{
    AlertRule silent;
    silent.id = silent.name = QStringLiteral("silent");
    silent.kind = AlertRule::Stale;
    silent.staleFactor = 6;
    Run run(RuleBook({ silent }));
    const int station = run.add(QStringLiteral("520328/T0001/station-1"), "tea_garden");
    const int quiet = run.add(QStringLiteral("520328/T0002/station-1"), "tea_garden");
    qint64 last = 0;
    for (qint64 t = kT0; t < kT0 + 2 * kHour; t += kStep) {
        // Several metrics per message: the usual interval is 5 minutes, not 0.
        run.feed(station, metricId("air_temperature"), t, 12);
        run.feed(station, metricId("soil_moisture"), t, 30);
        run.feed(quiet, metricId("air_temperature"), t, 12);
        last = t;
    }
    run.ev.checkStale(last + 29 * kMinute, run.log);
    QCOMPARE(run.log.size(), std::size_t(0));
    run.ev.checkStale(last + 31 * kMinute, run.log);
    QCOMPARE(run.count(AlertTransition::Activated), 2);
    const AlertTransition *active = run.first(AlertTransition::Activated, "silent");
    QCOMPARE(active->episodeStart, last + 30 * kMinute);
    QCOMPARE(active->time, last + 31 * kMinute);
    QCOMPARE(active->value, 31.0);
    run.ev.checkStale(last + 60 * kMinute, run.log);
    QCOMPARE(run.count(AlertTransition::Activated), 2); // still the same two episodes

    run.feed(station, metricId("air_temperature"), last + 61 * kMinute, 12);
    QCOMPARE(run.count(AlertTransition::Resolved, "silent", station), 1);
    QCOMPARE(run.count(AlertTransition::Resolved, "silent", quiet), 0);
    const AlertTransition &resolved = run.log.back();
    QCOMPARE(resolved.device, station);
    QCOMPARE(resolved.time, last + 61 * kMinute);
    for (const AlertTransition &t : run.log) {
        if (t.kind == AlertTransition::Activated && t.device == station)
            QCOMPARE(resolved.episode, t.episode);
    }

    // After a restart the dashboard was deaf, not the devices: silence counts from feed start.
    Run restarted(RuleBook({ silent }));
    const int d = restarted.add(QStringLiteral("520328/T0001/station-1"), "tea_garden");
    for (qint64 t = kT0; t < kT0 + kHour; t += kStep)
        restarted.feed(d, metricId("air_temperature"), t, 12);
    restarted.ev.setFeedStart(kT0 + 5 * kHour);
    restarted.ev.checkStale(kT0 + 5 * kHour + 20 * kMinute, restarted.log);
    QCOMPARE(restarted.log.size(), std::size_t(0));
    restarted.ev.checkStale(kT0 + 5 * kHour + 31 * kMinute, restarted.log);
    QCOMPARE(restarted.count(AlertTransition::Activated), 1);
}

// An ear tag reading 55 °C is broken, not a sow with a fever: the parser flags it, and only the
// sensor-fault rule speaks.
void TestAlertEvaluator::sensorFaultNeverRaisesFever()
{
    Run run(RuleBook::defaults());
    const QString key = QStringLiteral("522601/P0001/tag-0001");
    const int sow = run.add(key, "pig_farm");
    std::mt19937 rng(5);
    const qint64 faultStart = kT0 + 7 * kDay;
    feedHealthy(run, sow, 38.6, kT0, faultStart, rng);
    for (qint64 t = faultStart; t < faultStart + 6 * kHour; t += kStep) {
        const ParsedMessage m = PayloadParser::parse(QStringLiteral("dvdash/v1/") + key,
            QStringLiteral(R"({"ts": %1, "readings": {"body_temperature": 55.0}})").arg(t).toUtf8(),
            t + 1000);
        QCOMPARE(m.readings.size(), std::size_t(1));
        QVERIFY(m.readings[0].sensorFault);
        run.feed(sow, m.readings[0].metric, t, m.readings[0].value, m.readings[0].sensorFault);
    }
    feedHealthy(run, sow, 38.6, faultStart + 6 * kHour, faultStart + 8 * kHour, rng);
    QCOMPARE(run.count(AlertTransition::Raised, "sow_fever_baseline"), 0);
    QCOMPARE(run.count(AlertTransition::Raised, "sow_fever_ceiling"), 0);
    QCOMPARE(run.count(AlertTransition::Activated, "sensor_fault"), 1);
    QCOMPARE(run.count(AlertTransition::Resolved, "sensor_fault"), 1);
    QCOMPARE(run.first(AlertTransition::Resolved, "sensor_fault")->time, faultStart + 6 * kHour);

    // Control: the same 55 °C without the flag would have been a fever.
    Run control(RuleBook::defaults());
    const int other = control.add(key, "pig_farm");
    for (qint64 t = faultStart; t < faultStart + kHour; t += kStep)
        control.feed(other, metricId("body_temperature"), t, 44.0);
    QCOMPARE(control.count(AlertTransition::Activated, "sow_fever_ceiling"), 1);
}

// A clear spring night: the warning comes first and clears last; the frost alert sits inside it.
void TestAlertEvaluator::frostNightRaisesAndClears()
{
    Run run(RuleBook::defaults());
    const int station = run.add(QStringLiteral("520328/T0001/station-1"), "tea_garden");
    const qint64 evening = kT0 + 20 * kDay + 18 * kHour; // 2026-03-21 18:00 China time
    const qint64 coldest = evening + 11 * kHour + 30 * kMinute, noon = evening + 18 * kHour;
    int i = 0;
    for (qint64 t = evening; t <= noon; t += kStep, ++i) {
        // 9 °C at dusk, -1.5 °C before dawn, 12 °C at noon; a sensor wobble of ±0.3 °C.
        const double x = t <= coldest ? double(t - evening) / (coldest - evening)
                                      : 1.0 - double(t - coldest) / (noon - coldest);
        const double air = t <= coldest ? 9.0 - 10.5 * x : 12.0 - 13.5 * x;
        run.feed(station, metricId("air_temperature"), t, air + (i % 2 ? 0.3 : -0.3));
    }
    for (const char *id : { "tea_frost_warning", "tea_frost_critical" }) {
        QCOMPARE(run.count(AlertTransition::Raised, id), 1);
        QCOMPARE(run.count(AlertTransition::Activated, id), 1);
        QCOMPARE(run.count(AlertTransition::Resolved, id), 1);
    }
    const auto *warn = run.first(AlertTransition::Activated, "tea_frost_warning");
    const auto *frost = run.first(AlertTransition::Activated, "tea_frost_critical");
    const auto *warnEnd = run.first(AlertTransition::Resolved, "tea_frost_warning");
    const auto *frostEnd = run.first(AlertTransition::Resolved, "tea_frost_critical");
    QVERIFY(warn->time < frost->time);
    QVERIFY(frost->time < coldest && frostEnd->time > coldest);
    QVERIFY(frostEnd->time < warnEnd->time);
    QVERIFY(warnEnd->time < noon);
    // Nothing else: no heat, no drought, no fault (the frost deepening is no new episode).
    QCOMPARE(int(run.log.size()) - run.count(AlertTransition::PeakRose), 6);
}

// The same frosty night raises the spring-bud frost alerts in March and none on 1 December,
// when the bushes are dormant; the months survive the rule file.
void TestAlertEvaluator::frostOnlyInTheBudSeason()
{
    const RuleBook defaults = RuleBook::defaults();
    QString error;
    const auto reread = RuleBook::fromJson(defaults.toJson(), &error);
    QVERIFY2(reread, qPrintable(error));
    const int frost = defaults.indexOf(QStringLiteral("tea_frost_critical"));
    QCOMPARE(reread->at(frost).activeMonths, defaults.at(frost).activeMonths);
    QVERIFY(defaults.at(frost).hasActiveMonths());
    for (const char *evening : { "2026-03-10T10:00:00Z", "2026-11-30T10:00:00Z" }) {
        Run run(*reread);
        const int station = run.add(QStringLiteral("520328/T0001/station-1"), "tea_garden");
        const qint64 from
            = QDateTime::fromString(QLatin1String(evening), Qt::ISODate).toMSecsSinceEpoch();
        for (qint64 t = from; t < from + 14 * kHour; t += kStep) // 18:00 to 08:00 at -2 °C
            run.feed(station, metricId("air_temperature"), t, -2.0);
        const int expected = QByteArray(evening).startsWith("2026-03") ? 1 : 0;
        QCOMPARE(run.count(AlertTransition::Activated, "tea_frost_warning"), expected);
        QCOMPARE(run.count(AlertTransition::Activated, "tea_frost_critical"), expected);
    }
}

// A store saved before rules had months holds the frost rules without them (rule file version
// 1): read back, they take the bud season, and a frosty 1 December night raises nothing. A rule
// of the user's own keeps firing all year, as it did.
void TestAlertEvaluator::oldStoresFrostRulesTakeTheBudSeason()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    QString error;
    {
        SqliteAlertStore store(path);
        QVERIFY2(store.open(&error), qPrintable(error));
    }
    // The rules as the old dvdash wrote them: version 1, no active_months anywhere.
    QJsonObject top = QJsonDocument::fromJson(RuleBook::defaults().toJson()).object();
    QJsonArray rules = top.value(QLatin1String("rules")).toArray();
    for (int i = 0; i < rules.size(); ++i) {
        QJsonObject rule = rules[i].toObject();
        rule.remove(QLatin1String("active_months"));
        rules[i] = rule;
    }
    QJsonObject own { { QStringLiteral("id"), QStringLiteral("cold_barn") },
        { QStringLiteral("name"), QStringLiteral("Cold barn") },
        { QStringLiteral("kind"), QStringLiteral("threshold") },
        { QStringLiteral("metric"), QStringLiteral("air_temperature") },
        { QStringLiteral("direction"), QStringLiteral("below") }, { QStringLiteral("trigger"), 1 },
        { QStringLiteral("recovery"), 3 } };
    rules.append(own);
    top.insert(QLatin1String("rules"), rules);
    top.insert(QLatin1String("version"), 1);
    const QByteArray oldJson = QJsonDocument(top).toJson();
    QVERIFY(!oldJson.contains("active_months"));
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO alert_rules (id, json, saved_at) VALUES (1, ?, 0)"));
        q.addBindValue(oldJson);
        QVERIFY(q.exec());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));

    SqliteAlertStore store(path);
    QVERIFY2(store.open(&error), qPrintable(error));
    const auto loaded = store.rules(&error);
    QVERIFY2(loaded, qPrintable(error));
    const quint16 budSeason = (1u << 1) | (1u << 2) | (1u << 3); // February to April
    for (const char *id : { "tea_frost_warning", "tea_frost_critical" }) {
        const int at = loaded->indexOf(QLatin1String(id));
        QVERIFY(at >= 0);
        QCOMPARE(loaded->at(at).activeMonths, budSeason);
    }
    QVERIFY(!loaded->at(loaded->indexOf(QStringLiteral("cold_barn"))).hasActiveMonths());
    QVERIFY(!loaded->at(loaded->indexOf(QStringLiteral("tea_heat"))).hasActiveMonths());

    // 1 December, 18:00 to 08:00 China time at -2 °C.
    Run run(*loaded);
    const int station = run.add(QStringLiteral("520328/T0001/station-1"), "tea_garden");
    const qint64 from = QDateTime::fromString(QStringLiteral("2026-12-01T10:00:00Z"), Qt::ISODate)
                            .toMSecsSinceEpoch();
    for (qint64 t = from; t < from + 14 * kHour; t += kStep)
        run.feed(station, metricId("air_temperature"), t, -2.0);
    QCOMPARE(run.count(AlertTransition::Activated, "tea_frost_warning"), 0);
    QCOMPARE(run.count(AlertTransition::Activated, "tea_frost_critical"), 0);
    QCOMPARE(run.count(AlertTransition::Activated, "cold_barn"), 1);

    // Saved again, the months are written down (version 2) and read back the same.
    QVERIFY2(store.saveRules(*loaded, &error), qPrintable(error));
    const auto again = store.rules(&error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->toJson(), loaded->toJson());
    QVERIFY(again->toJson().contains("\"version\": 2"));
}

void TestAlertEvaluator::restartKeepsTheEpisode_data()
{
    QTest::addColumn<bool>("restoreFirst");
    QTest::newRow("restore, then add devices") << true;
    QTest::newRow("add devices, then restore") << false;
}

// Saved in the middle of a fever and restored in a new evaluator: the episode carries on with the
// same id and ends once; the next episode gets a new id.
void TestAlertEvaluator::restartKeepsTheEpisode()
{
    QFETCH(bool, restoreFirst);
    const QString key = QStringLiteral("522601/P0001/tag-0001");
    const int m = metricId("body_temperature");
    std::mt19937 rng(9);
    Run before(RuleBook::defaults());
    int sow = before.add(key, "pig_farm");
    feedHealthy(before, sow, 38.6, kT0, kT0 + 7 * kDay, rng);
    const qint64 start = kT0 + 7 * kDay, end = start + 40 * kHour, restart = start + 20 * kHour;
    for (qint64 t = start; t < restart; t += kStep)
        before.feed(sow, m, t, sowTemperature(38.6, t, rng) + fever(t, start, end));
    QCOMPARE(before.count(AlertTransition::Activated, "sow_fever_baseline"), 1);
    const quint64 episode = before.first(AlertTransition::Activated, "sow_fever_baseline")->episode;
    const QByteArray state = before.ev.saveState();

    Run after(RuleBook::defaults());
    QString error;
    if (restoreFirst)
        QVERIFY2(after.ev.restoreState(state, &error), qPrintable(error));
    sow = after.add(key, "pig_farm");
    if (!restoreFirst) {
        QVERIFY2(after.ev.restoreState(state, &error), qPrintable(error));
        const auto open = after.ev.openEpisodes();
        QVERIFY(std::any_of(open.begin(), open.end(), [&](const AlertTransition &t) {
            return t.episode == episode && t.kind == AlertTransition::Activated;
        }));
    }
    // The quarter hour before the restart arrives again (a device resending): nothing doubles.
    for (qint64 t = restart - 15 * kMinute; t < start + 3 * kDay; t += kStep)
        after.feed(sow, m, t, sowTemperature(38.6, t, rng) + fever(t, start, end));
    QCOMPARE(after.count(AlertTransition::Raised, "sow_fever_baseline"), 0);
    QCOMPARE(after.count(AlertTransition::Activated, "sow_fever_baseline"), 0);
    QCOMPARE(after.count(AlertTransition::Resolved, "sow_fever_baseline"), 1);
    QCOMPARE(after.first(AlertTransition::Resolved, "sow_fever_baseline")->episode, episode);
    QCOMPARE(after.ev.ignoredReadings(), quint64(3));

    // The baseline came along: a second fever is judged against the sow's own week at once.
    const qint64 second = start + 3 * kDay;
    for (qint64 t = second; t < second + 12 * kHour; t += kStep)
        after.feed(sow, m, t, sowTemperature(38.6, t, rng) + fever(t, second, second + kDay));
    QCOMPARE(after.count(AlertTransition::Activated, "sow_fever_baseline"), 1);
    QVERIFY(after.first(AlertTransition::Activated, "sow_fever_baseline")->episode > episode);
}

void TestAlertEvaluator::damagedStateIsRejected()
{
    Run run(RuleBook::defaults());
    const int sow = run.add(QStringLiteral("522601/P0001/tag-0001"), "pig_farm");
    run.feed(sow, metricId("body_temperature"), kT0, 41.0);
    run.feed(sow, metricId("body_temperature"), kT0 + kHour, 41.0);
    QByteArray state = run.ev.saveState();
    QString error;
    Run other(RuleBook::defaults());
    QVERIFY(!other.ev.restoreState(state.left(state.size() - 3), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!other.ev.restoreState(QByteArray("not a state"), &error));
    QVERIFY(other.ev.openEpisodes().empty());
    QVERIFY(other.ev.restoreState(state, &error));
    // No device yet: the episode waits for it, and is listed meanwhile.
    auto open = other.ev.openEpisodes();
    QCOMPARE(int(open.size()), 1);
    QCOMPARE(open[0].device, -1);
    QCOMPARE(open[0].ruleId, QStringLiteral("sow_fever_ceiling"));
    QCOMPARE(open[0].time, kT0 + kHour);
    const int sow2 = other.add(QStringLiteral("522601/P0001/tag-0001"), "pig_farm");
    QCOMPARE(other.ev.openEpisodes()[0].device, sow2);
    other.feed(sow2, metricId("body_temperature"), kT0 + 2 * kHour, 41.0);
    QCOMPARE(other.count(AlertTransition::Activated), 0); // still the restored episode
    open = other.ev.openEpisodes();
    QCOMPARE(int(open.size()), 1);
    QCOMPARE(open[0].episode, run.first(AlertTransition::Activated, "sow_fever_ceiling")->episode);
}

// Sows with normals of 38.3 and 38.9 °C both read 39.4 °C: a fever for the first (+1.1), a normal
// day for the second (+0.5).
void TestAlertEvaluator::eachSowAgainstHerself()
{
    Run run(RuleBook::defaults());
    const int cool = run.add(QStringLiteral("522601/P0001/tag-0001"), "pig_farm");
    const int warm = run.add(QStringLiteral("522601/P0001/tag-0002"), "pig_farm");
    std::mt19937 rng(1);
    const qint64 day7 = kT0 + 7 * kDay;
    feedHealthy(run, cool, 38.3, kT0, day7, rng);
    feedHealthy(run, warm, 38.9, kT0, day7, rng);
    const int m = metricId("body_temperature");
    for (qint64 t = day7; t < day7 + 3 * kHour; t += kStep) {
        const double circadian = 0.3 * std::sin(2 * kPi * (chinaHour(t) - 10.0) / 24.0);
        run.feed(cool, m, t, 39.4 + circadian);
        run.feed(warm, m, t, 39.4 + circadian);
    }
    QCOMPARE(run.count(AlertTransition::Activated, "sow_fever_baseline", cool), 1);
    QCOMPARE(run.count(AlertTransition::Raised, "sow_fever_baseline", warm), 0);
    QCOMPARE(run.count(AlertTransition::Raised, "sow_fever_ceiling"), 0);
    // +1.0 over her own normal is a fever for the warm sow too.
    for (qint64 t = day7 + 3 * kHour; t < day7 + 6 * kHour; t += kStep) {
        const double circadian = 0.3 * std::sin(2 * kPi * (chinaHour(t) - 10.0) / 24.0);
        run.feed(warm, m, t, 40.0 + circadian);
    }
    QCOMPARE(run.count(AlertTransition::Activated, "sow_fever_baseline", warm), 1);
}

void TestAlertEvaluator::scopeNarrowing_data()
{
    QTest::addColumn<QString>("county");
    QTest::addColumn<QString>("siteType");
    QTest::addColumn<QString>("site");
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("alerted"); // letters of the devices below
    QTest::newRow("everywhere") << ""
                                << ""
                                << ""
                                << ""
                                << "abcd";
    QTest::newRow("county") << "520328"
                            << ""
                            << ""
                            << ""
                            << "abd";
    QTest::newRow("site type") << ""
                               << "tea_garden"
                               << ""
                               << ""
                               << "abc";
    QTest::newRow("site") << ""
                          << ""
                          << "T0002"
                          << ""
                          << "b";
    QTest::newRow("device") << ""
                            << ""
                            << ""
                            << "522601/T0003/station-1"
                            << "c";
    QTest::newRow("county and site type") << "520328"
                                          << "clinic"
                                          << ""
                                          << ""
                                          << "d";
    QTest::newRow("nothing matches") << "520328"
                                     << "pig_farm"
                                     << ""
                                     << ""
                                     << "";
}

void TestAlertEvaluator::scopeNarrowing()
{
    QFETCH(QString, county);
    QFETCH(QString, siteType);
    QFETCH(QString, site);
    QFETCH(QString, device);
    QFETCH(QString, alerted);
    AlertRule cold
        = rule("cold", AlertRule::Threshold, "air_temperature", AlertRule::Below, 4.0, 5.0);
    cold.scope = { county, siteType, site, device };
    QVERIFY(cold.validate().isEmpty());
    Run run(RuleBook({ cold }));
    const std::vector<std::pair<const char *, const char *>> devices
        = { { "520328/T0001/station-1", "tea_garden" }, { "520328/T0002/station-1", "tea_garden" },
              { "522601/T0003/station-1", "tea_garden" }, { "520328/C0001/terminal", "clinic" } };
    for (const auto &[key, type] : devices) {
        const int d = run.add(QLatin1String(key), type);
        run.feed(d, metricId("air_temperature"), kT0, 1.0);
    }
    QString got;
    for (const AlertTransition &t : run.log) {
        if (t.kind == AlertTransition::Activated)
            got += QLatin1Char(char('a' + t.device));
    }
    QCOMPARE(got, alerted);
}

// A late reading from before the last one is not judged: it would reopen a closed episode or
// close an open one out of turn.
void TestAlertEvaluator::lateReadingsAreIgnored()
{
    Run run(RuleBook(
        { rule("hot", AlertRule::Threshold, "body_temperature", AlertRule::Above, 40.0, 39.5) }));
    const int sow = run.add(QStringLiteral("522601/P0001/tag-0001"), "pig_farm");
    const int m = metricId("body_temperature");
    run.feed(sow, m, kT0 + 10 * kMinute, 38.5);
    run.feed(sow, m, kT0 + 20 * kMinute, 41.0);
    run.feed(sow, m, kT0 + 15 * kMinute, 38.5); // late
    run.feed(sow, m, kT0 + 20 * kMinute, 38.5); // duplicate time
    QCOMPARE(run.count(AlertTransition::Activated), 1);
    QCOMPARE(run.count(AlertTransition::Resolved), 0);
    QCOMPARE(run.ev.ignoredReadings(), quint64(2));
    run.feed(sow, m, kT0 + 30 * kMinute, 38.5);
    QCOMPARE(run.count(AlertTransition::Resolved), 1);
    // Readings from unknown devices or metrics are counted, not judged.
    run.feed(7, m, kT0 + 40 * kMinute, 41.0);
    QCOMPARE(run.ev.ignoredReadings(), quint64(3));

    // The writer thread finds devices by the store's number.
    Reading r;
    r.metric = static_cast<quint8>(m);
    r.timestamp = kT0 + 50 * kMinute;
    r.value = 41.0;
    r.device = 42;
    run.ev.evaluate(r, run.log);
    QCOMPARE(run.ev.ignoredReadings(), quint64(4)); // not bound yet
    run.ev.bindStoreDevice(42, sow);
    run.ev.evaluate(r, run.log);
    QCOMPARE(run.count(AlertTransition::Activated), 2);
    run.ev.bindStoreDevice(3000000000u, sow); // beyond the direct table
    r.device = 3000000000u;
    r.timestamp += kStep;
    r.value = 38.5;
    run.ev.evaluate(r, run.log);
    QCOMPARE(run.count(AlertTransition::Resolved), 2);
}

// A clinic terminal offline at night is no alert; in opening hours it is, after 15 minutes, and
// it stays one alert until the terminal is back, even past closing time.
void TestAlertEvaluator::activeHours()
{
    Run run(RuleBook::defaults());
    const int clinic = run.add(QStringLiteral("520328/C0001/terminal"), "clinic");
    const int m = metricId("terminal_online");
    const qint64 midnight = kT0 + 2 * kDay;
    for (qint64 t = midnight + 20 * kHour; t < midnight + 22 * kHour; t += kStep)
        run.feed(clinic, m, t, 0);
    for (qint64 t = midnight + 22 * kHour; t < midnight + kDay + 9 * kHour; t += kStep)
        run.feed(clinic, m, t, 1);
    QCOMPARE(run.count(AlertTransition::Raised, "clinic_terminal_offline"), 0);
    for (qint64 t = midnight + kDay + 9 * kHour; t < midnight + kDay + 19 * kHour; t += kStep)
        run.feed(clinic, m, t, t < midnight + kDay + 17 * kHour + 50 * kMinute ? 1 : 0);
    for (qint64 t = midnight + kDay + 19 * kHour; t < midnight + kDay + 20 * kHour; t += kStep)
        run.feed(clinic, m, t, 1);
    QCOMPARE(run.count(AlertTransition::Raised, "clinic_terminal_offline"), 1);
    QCOMPARE(run.count(AlertTransition::Activated, "clinic_terminal_offline"), 0);
    QCOMPARE(run.count(AlertTransition::Cancelled, "clinic_terminal_offline"), 1);

    // Offline from 09:00: an alert at 09:15, resolved when it comes back at 19:00.
    const qint64 day = midnight + 3 * kDay;
    for (qint64 t = day + 9 * kHour; t < day + 20 * kHour; t += kStep)
        run.feed(clinic, m, t, t < day + 19 * kHour ? 0 : 1);
    QCOMPARE(run.count(AlertTransition::Activated, "clinic_terminal_offline"), 1);
    QCOMPARE(run.first(AlertTransition::Activated, "clinic_terminal_offline")->time,
        day + 9 * kHour + 15 * kMinute);
    QCOMPARE(
        run.first(AlertTransition::Resolved, "clinic_terminal_offline")->time, day + 19 * kHour);
}

// +1.0 °C within 6 hours: a fast rise is caught, a slow drift of the same size is not.
void TestAlertEvaluator::rateOfChange()
{
    AlertRule rising
        = rule("rising", AlertRule::RateOfChange, "body_temperature", AlertRule::Above, 1.0, 0.5);
    rising.windowMs = 6 * kHour;
    Run run(RuleBook({ rising }));
    const int fast = run.add(QStringLiteral("522601/P0001/tag-0001"), "pig_farm");
    const int slow = run.add(QStringLiteral("522601/P0001/tag-0002"), "pig_farm");
    const int m = metricId("body_temperature");
    for (qint64 t = kT0; t < kT0 + 3 * kDay; t += kStep) {
        const double h = double(t - kT0) / kHour;
        run.feed(fast, m, t, 38.5 + std::clamp((h - 12) / 3.0, 0.0, 1.0) * 1.3);
        run.feed(slow, m, t, 38.5 + 1.5 * h / 72.0 + (int(h * 12) % 2 ? 0.05 : -0.05));
    }
    QCOMPARE(run.count(AlertTransition::Activated, "rising", fast), 1);
    QCOMPARE(run.count(AlertTransition::Raised, "rising", slow), 0);
    // Once the rise is older than the window it is no longer a rise.
    QCOMPARE(run.count(AlertTransition::Resolved, "rising", fast), 1);
    const AlertTransition *active = run.first(AlertTransition::Activated, "rising");
    QVERIFY(active->time > kT0 + 12 * kHour && active->time < kT0 + 15 * kHour);
}

QTEST_GUILESS_MAIN(TestAlertEvaluator)
#include "tst_alertevaluator.moc"
