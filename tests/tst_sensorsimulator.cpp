// The simulator behaves like the real devices it stands in for, and repeats itself exactly.
#include "testsupport.h"

#include "metriccatalogue.h"
#include "sensorsimulator.h"

#include <QDateTime>
#include <QtTest>

#include <QProcess>
#include <QProcessEnvironment>
#include <QTextStream>

#include <cstdio>
#include <map>

using namespace dv;

namespace {
// 2026-04-01 00:00 China time: spring, when frost on the buds matters.
const qint64 kT0 = QDateTime::fromString(QStringLiteral("2026-03-31T16:00:00Z"), Qt::ISODate)
                       .toMSecsSinceEpoch();
const qint64 kStep = 5 * 60 * 1000;
const qint64 kHour = 3600 * 1000;

double valueOf(const SensorSimulator::Message &m, const char *metric)
{
    const int id = MetricCatalogue::byName(QLatin1String(metric))->id;
    for (const ParsedReading &r : m.readings)
        if (r.metric == id)
            return r.value;
    return qQNaN();
}
} // namespace

class TestSensorSimulator : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void devicesForTheSampleSites();
    void sameSeedSameData();
    void plausibleAndDayNight();
    void feverBuildsOverHours();
    void consultationsInOpeningHours();
    void restartContinuesTheStory();
    void restartedProcessContinuesEverySeries();

private:
    std::vector<SimulatedDevice> mDevices;
};

void TestSensorSimulator::initTestCase()
{
    LayerStack stack;
    const QString error = dvtest::loadProvinceInto(stack);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    mDevices = SensorSimulator::devicesForSites(*stack.layer(QStringLiteral("sites")), 8);
}

// A station per tea garden, a terminal per clinic, ear tags per farm; every key is a valid topic.
void TestSensorSimulator::devicesForTheSampleSites()
{
    int stations = 0, terminals = 0, tags = 0;
    for (const SimulatedDevice &d : mDevices) {
        stations += d.kind == SimulatedDevice::TeaStation;
        terminals += d.kind == SimulatedDevice::ClinicTerminal;
        tags += d.kind == SimulatedDevice::EarTag;
        const ParsedMessage m
            = PayloadParser::parse(QStringLiteral("dvdash/v1/") + d.key, "{}", kT0);
        QVERIFY2(
            m.issues.isEmpty() || m.issues[0].kind != PayloadIssue::BadTopic, qPrintable(d.key));
    }
    QCOMPARE(stations, 72);
    QCOMPARE(terminals, 260);
    QCOMPARE(tags, 96 * 8);
}

void TestSensorSimulator::sameSeedSameData()
{
    SensorSimulator a(mDevices, 7), b(mDevices, 7), c(mDevices, 8);
    bool differs = false;
    for (qint64 t = kT0; t < kT0 + 6 * kHour; t += kStep) {
        const auto ma = a.tick(t), mb = b.tick(t), mc = c.tick(t);
        QCOMPARE(ma.size(), mb.size());
        for (std::size_t i = 0; i < ma.size(); ++i) {
            QCOMPARE(ma[i].deviceKey, mb[i].deviceKey);
            for (std::size_t k = 0; k < ma[i].readings.size(); ++k)
                QCOMPARE(ma[i].readings[k].value, mb[i].readings[k].value);
            differs = differs || ma[i].readings.front().value != mc[i].readings.front().value;
        }
    }
    QVERIFY(differs);
}

// A week of data: nothing physically impossible, afternoons warmer than dawns at every station.
void TestSensorSimulator::plausibleAndDayNight()
{
    SensorSimulator sim(mDevices, 1);
    std::map<QString, double> afternoon, dawn;
    for (qint64 t = kT0; t < kT0 + 7 * 24 * kHour; t += kStep) {
        const double hour = double((t - kT0) % (24 * kHour)) / kHour;
        for (const auto &m : sim.tick(t)) {
            for (const ParsedReading &r : m.readings)
                QVERIFY2(!r.sensorFault, qPrintable(m.deviceKey));
            if (!m.deviceKey.endsWith(QLatin1String("station-1")))
                continue;
            if (hour >= 13.5 && hour < 14.5)
                afternoon[m.deviceKey] += valueOf(m, "air_temperature");
            if (hour >= 4.5 && hour < 5.5)
                dawn[m.deviceKey] += valueOf(m, "air_temperature");
        }
    }
    QCOMPARE(afternoon.size(), std::size_t(72));
    for (const auto &[key, sum] : afternoon)
        QVERIFY2(sum > dawn[key], qPrintable(key));
}

// A sow's fever rises over hours by more than a degree; no 15-minute jump explains it.
void TestSensorSimulator::feverBuildsOverHours()
{
    std::vector<SimulatedDevice> tags;
    for (const SimulatedDevice &d : mDevices)
        if (d.kind == SimulatedDevice::EarTag && tags.size() < 40)
            tags.push_back(d);
    SensorSimulator sim(tags, 3);
    sim.setEpisodeRatePerDay(1.0);
    std::map<QString, std::vector<double>> series;
    for (qint64 t = kT0; t < kT0 + 3 * 24 * kHour; t += kStep)
        for (const auto &m : sim.tick(t))
            series[m.deviceKey].push_back(valueOf(m, "body_temperature"));
    int fevers = 0;
    for (const auto &[key, v] : series) {
        double maxJump = 0;
        for (std::size_t i = 3; i < v.size(); ++i)
            maxJump = std::max(maxJump, v[i] - v[i - 3]);
        const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
        if (*hi - *lo > 1.5) {
            ++fevers;
            QVERIFY2(
                maxJump < 0.6, qPrintable(QStringLiteral("%1 jumps %2").arg(key).arg(maxJump)));
        }
        QVERIFY2(*lo > 37.0 && *hi < 41.5,
            qPrintable(QStringLiteral("%1: %2 to %3").arg(key).arg(*lo).arg(*hi)));
    }
    QVERIFY2(fevers >= 5, qPrintable(QString::number(fevers)));
}

void TestSensorSimulator::consultationsInOpeningHours()
{
    std::vector<SimulatedDevice> terminals;
    for (const SimulatedDevice &d : mDevices)
        if (d.kind == SimulatedDevice::ClinicTerminal)
            terminals.push_back(d);
    SensorSimulator sim(terminals, 5);
    double night = 0, day = 0;
    for (qint64 t = kT0; t < kT0 + 2 * 24 * kHour; t += kStep) {
        const double hour = double((t - kT0) % (24 * kHour)) / kHour;
        for (const auto &m : sim.tick(t)) {
            const double c = valueOf(m, "consultations");
            (hour >= 8 && hour < 18 ? day : night) += c;
        }
    }
    QCOMPARE(night, 0.0);
    QVERIFY(day > 1000);
}

// The window restarted: a new simulator picks up the same fevers, outages and wet soil, so
// alerts open before the restart are not resolved by a change of story.
void TestSensorSimulator::restartContinuesTheStory()
{
    SensorSimulator first(mDevices, 9);
    first.setEpisodeRatePerDay(0.2);
    const qint64 restart = kT0 + 6 * 24 * kHour;
    std::map<QString, double> soilBefore;
    for (qint64 t = kT0; t <= restart; t += 6 * kStep) {
        for (const auto &m : first.tick(t)) {
            if (t == restart && m.deviceKey.endsWith(QStringLiteral("station-1")))
                soilBefore[m.deviceKey] = valueOf(m, "soil_moisture");
        }
    }
    SensorSimulator second(mDevices, 9);
    second.setEpisodeRatePerDay(0.2);
    int ill = 0;
    for (const auto &m : second.tick(restart)) {
        if (m.deviceKey.endsWith(QStringLiteral("station-1")))
            QVERIFY2(qAbs(valueOf(m, "soil_moisture") - soilBefore[m.deviceKey]) < 2.0,
                qPrintable(m.deviceKey));
    }
    for (std::size_t i = 0; i < mDevices.size(); ++i) {
        QCOMPARE(second.hasFever(i), first.hasFever(i));
        ill += first.hasFever(i);
    }
    QVERIFY2(ill > 10, qPrintable(QString::number(ill))); // the comparison means something
}

namespace {
// The restart test's simulator: seed and episode rate as in the window, raised so fevers and
// outages are open at the restart.
constexpr quint32 kRestartSeed = 20261122;
constexpr double kRestartEpisodeRate = 0.2;
const char *const kChildVariable = "DVDASH_SIMULATOR_RESTART_AT";

// Series that are amounts per report (rain since the last one, consultations) rather than a
// level: they need not continue, the others must.
bool isLevel(int metric)
{
    const QString name = QLatin1String(MetricCatalogue::byId(metric)->name);
    return name != QLatin1String("rainfall") && name != QLatin1String("consultations");
}

// The restarted window: a new process (Qt draws a new hash seed per process) whose site list
// gained a site in front and comes in another order. It prints its first tick's readings.
int runRestartedSimulator(qint64 t)
{
    LayerStack stack;
    const QString error = dvtest::loadProvinceInto(stack);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    std::vector<SimulatedDevice> devices
        = SensorSimulator::devicesForSites(*stack.layer(QStringLiteral("sites")), 8);
    std::reverse(devices.begin(), devices.end());
    devices.insert(devices.begin(),
        SimulatedDevice { SimulatedDevice::EarTag, QStringLiteral("520102/P9999/tag-0001") });
    SensorSimulator sim(devices, kRestartSeed);
    sim.setEpisodeRatePerDay(kRestartEpisodeRate);
    QTextStream out(stdout);
    for (const auto &m : sim.tick(t))
        for (const ParsedReading &r : m.readings)
            out << m.deviceKey << '\t' << r.metric << '\t' << QString::number(r.value, 'g', 12)
                << '\n';
    return 0;
}
} // namespace

// The window closed and opened again a minute later: every level series (temperatures, soil,
// batteries, online state) goes on from its last value by no more than that series' own
// largest minute-to-minute change in the hours before, so open alerts stay open.
void TestSensorSimulator::restartedProcessContinuesEverySeries()
{
    const qint64 restart = kT0 + 9 * 24 * kHour + 7 * kHour;
    constexpr qint64 kMinute = 60 * 1000;
    SensorSimulator before(mDevices, kRestartSeed);
    before.setEpisodeRatePerDay(kRestartEpisodeRate);
    std::map<std::pair<QString, int>, double> last;
    std::map<int, double> normalChange; // per metric, the largest one-minute step
    for (qint64 t = restart - 2 * kHour; t <= restart; t += kMinute) {
        for (const auto &m : before.tick(t)) {
            for (const ParsedReading &r : m.readings) {
                const auto key = std::make_pair(m.deviceKey, r.metric);
                const auto previous = last.find(key);
                if (previous != last.end())
                    normalChange[r.metric]
                        = std::max(normalChange[r.metric], qAbs(r.value - previous->second));
                last[key] = r.value;
            }
        }
    }
    int feverish = 0;
    for (std::size_t i = 0; i < mDevices.size(); ++i)
        feverish += mDevices[i].kind == SimulatedDevice::EarTag && before.hasFever(i);
    QVERIFY2(feverish >= 3, qPrintable(QString::number(feverish))); // fevers are open

    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_HASH_SEED"));
    env.insert(QLatin1String(kChildVariable), QString::number(restart + kMinute));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(60000));
    QCOMPARE(child.exitCode(), 0);
    int compared = 0;
    const QStringList lines = QString::fromUtf8(child.readAllStandardOutput())
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QStringList f = line.split(QLatin1Char('\t'));
        QCOMPARE(f.size(), 3);
        const int metric = f[1].toInt();
        const auto it = last.find({ f[0], metric });
        if (it == last.end() || !isLevel(metric))
            continue; // the added site, or an amount per report
        const double after = f[2].toDouble();
        QVERIFY2(qAbs(after - it->second) <= normalChange[metric] + 1e-9,
            qPrintable(QStringLiteral("%1 %2: %3 before the restart, %4 after (a minute's change "
                                      "is at most %5)")
                           .arg(f[0], QLatin1String(MetricCatalogue::byId(metric)->name))
                           .arg(it->second)
                           .arg(after)
                           .arg(normalChange[metric])));
        ++compared;
    }
    QVERIFY2(compared > 2000, qPrintable(QString::number(compared)));
}

int main(int argc, char **argv)
{
    const QByteArray restartAt = qgetenv(kChildVariable);
    if (!restartAt.isEmpty()) {
        QCoreApplication app(argc, argv);
        return runRestartedSimulator(restartAt.toLongLong());
    }
    QCoreApplication app(argc, argv);
    TestSensorSimulator test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_sensorsimulator.moc"
