// Alert rule evaluation benchmark for the README: 1,000 ear tags x 6 rules, readings interleaved
// device after device, ten days of 5-minute data with fevers. Run by hand; never in ctest.
#include "alertevaluator.h"
#include "metriccatalogue.h"
#include "rulebook.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

namespace {

QTextStream out(stdout);

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

const qint64 kT0 = 1763000000000; // 2025-11-13
const qint64 kMinute = 60000;
const qint64 kHour = 60 * kMinute;
const qint64 kStep = 5 * kMinute;
const int kDevices = 1000;

// The shipped sow rules plus a rate-of-change rule: six rules on every ear tag, three of them
// stateful beyond the episode (baseline history, rate window, stale clock).
dv::RuleBook sixRules()
{
    const dv::RuleBook defaults = dv::RuleBook::defaults();
    QVector<dv::AlertRule> rules;
    for (const char *id : { "sow_fever_baseline", "sow_fever_ceiling", "battery_low",
             "sensor_fault", "device_silent" })
        rules.append(defaults.at(defaults.indexOf(QLatin1String(id))));
    dv::AlertRule rising;
    rising.id = QStringLiteral("sow_temperature_rising");
    rising.name = QStringLiteral("Sow temperature rising");
    rising.kind = dv::AlertRule::RateOfChange;
    rising.metric = QStringLiteral("body_temperature");
    rising.trigger = 1.0;
    rising.recovery = 0.5;
    rising.windowMs = 6 * kHour;
    rising.minimumDurationMs = 30 * kMinute;
    rules.append(rising);
    return dv::RuleBook(rules);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(3, atoi(argv[1])) : 5;
    const int ticks = 10 * 24 * 12; // ten days at 5 minutes: the baselines fill and are used
    const int body = dv::MetricCatalogue::byName(QStringLiteral("body_temperature"))->id;
    const int battery = dv::MetricCatalogue::byName(QStringLiteral("battery"))->id;
    const dv::RuleBook rules = sixRules();
    if (!rules.validate().isEmpty()) {
        fprintf(stderr, "%s\n", qPrintable(rules.validate().join(QLatin1Char('\n'))));
        return 1;
    }

    std::vector<double> rates;
    for (int run = 0; run < runs; ++run) {
        dv::AlertEvaluator evaluator(rules);
        std::vector<int> devices;
        for (int d = 0; d < kDevices; ++d)
            devices.push_back(evaluator.addDevice(
                QStringLiteral("522601/P%1/tag-0001").arg(d, 4, 10, QLatin1Char('0')),
                QStringLiteral("pig_farm")));
        std::mt19937 rng(run);
        std::normal_distribution<double> noise(0, 0.08);
        std::vector<double> normal;
        for (int d = 0; d < kDevices; ++d)
            normal.push_back(38.0 + 1.2 * std::uniform_real_distribution<double>()(rng));

        std::vector<dv::Reading> tick;
        tick.reserve(2 * kDevices);
        std::vector<dv::AlertTransition> transitions;
        qint64 nanoseconds = 0, readings = 0, alerts = 0;
        for (int i = 0; i < ticks; ++i) {
            // Generated outside the timed part: only evaluation is measured.
            const qint64 t = kT0 + i * kStep;
            const double hour = std::fmod(double(t + 8 * kHour) / kHour, 24.0);
            const double circadian = 0.3 * std::sin(2 * 3.14159265358979 * (hour - 10) / 24);
            tick.clear();
            for (int d = 0; d < kDevices; ++d) {
                // One tag in ten runs a 1.5 °C fever on day 8.
                const double fever = d % 10 == 0 && i >= 8 * 288 && i < 9 * 288 ? 1.5 : 0.0;
                dv::Reading r;
                r.device = static_cast<quint32>(d);
                r.metric = static_cast<quint8>(body);
                r.timestamp = t;
                r.arrival = t + 1500;
                r.value = normal[d] + circadian + fever + noise(rng);
                tick.push_back(r);
                r.metric = static_cast<quint8>(battery);
                r.value = 80.0 - i * 0.001;
                tick.push_back(r);
            }
            QElapsedTimer timer;
            timer.start();
            for (const dv::Reading &r : tick)
                evaluator.evaluate(devices[r.device], r, transitions);
            evaluator.checkStale(t + 2000, transitions);
            nanoseconds += timer.nsecsElapsed();
            readings += static_cast<qint64>(tick.size());
            for (const dv::AlertTransition &a : transitions)
                alerts += a.kind == dv::AlertTransition::Activated;
            transitions.clear();
        }
        const double seconds = nanoseconds / 1e9;
        rates.push_back(readings / seconds);
        out << QStringLiteral("run %1: %L2 readings in %3 s = %L4 readings/s, %5 alerts")
                   .arg(run + 1)
                   .arg(readings)
                   .arg(seconds, 0, 'f', 3)
                   .arg(qRound64(readings / seconds))
                   .arg(alerts)
            << Qt::endl;
    }
    out << QStringLiteral("alert rules, 1,000 devices x 6 rules, interleaved: median %L1 "
                          "readings/s on one core (%2 runs)")
               .arg(qRound64(median(rates)))
               .arg(runs)
        << Qt::endl;
    return 0;
}
