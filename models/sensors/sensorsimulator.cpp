// Plausible sensor data for the sample sites: the demo and the tests use the real data path.
#include "sensorsimulator.h"

#include "chinatime.h"
#include "devicekey.h"
#include "intmath.h"
#include "metriccatalogue.h"
#include "timeunits.h"
#include "vectorlayer.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace dv {

namespace {

constexpr double kPi = 3.14159265358979323846;

// Hours since local midnight in China time (UTC+8), where the sun and the clinics keep time.
double localHour(qint64 t)
{
    return double(floorMod(t + ChinaTime::kOffsetMs, kDayMs)) / kHourMs;
}

double dayOfYear(qint64 t)
{
    return std::fmod(double(t) / kDayMs, 365.25);
}

// A number in [0, 1) fixed by (salt, slot, what) alone (SplitMix64). Episodes drawn this way
// are a function of time: every simulator instance, after a restart or while seeding history,
// agrees on which sow is ill and when it rains.
double fixedUniform(quint64 salt, qint64 slot, int what)
{
    quint64 z = salt ^ (quint64(slot) * 0x9E3779B97F4A7C15ull) ^ (quint64(what) << 56);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return double(z >> 11) / double(1ull << 53);
}

// A device's salt from its key and the seed alone. Not qHash: Qt mixes a per-process random
// seed into qHash(QString, seed), so every start of the window drew other fevers, rain and
// battery phases, and a restart resolved the alerts the old story had opened.
quint64 deviceSalt(const QString &key, quint32 seed)
{
    quint64 h = 0xCBF29CE484222325ull ^ seed; // FNV-1a over the key's UTF-16 code units
    for (const QChar c : key) {
        h ^= c.unicode();
        h *= 0x100000001B3ull;
    }
    return h;
}

// The episodes covering t among those that may start in each slot of length `slot`: one
// starts in a slot with probability `chance`, at a fixed moment in it, lasting between
// minHours and maxHours. Episodes may overlap (a fever on top of a fading one).
std::vector<std::pair<qint64, qint64>> episodesAt(
    quint64 salt, qint64 t, qint64 slot, double chance, double minHours, double maxHours)
{
    std::vector<std::pair<qint64, qint64>> out;
    const qint64 reach = static_cast<qint64>(maxHours * kHourMs) / slot + 1;
    const qint64 current = floorDiv(t, slot);
    for (qint64 k = current; k >= current - reach; --k) {
        if (fixedUniform(salt, k, 1) >= chance)
            continue;
        const qint64 start = k * slot + static_cast<qint64>(fixedUniform(salt, k, 2) * slot);
        const qint64 end = start
            + static_cast<qint64>(
                (minHours + (maxHours - minHours) * fixedUniform(salt, k, 3)) * kHourMs);
        if (start <= t && t < end)
            out.emplace_back(start, end);
    }
    return out;
}

constexpr qint64 kRainSlot = 6 * kHourMs;
constexpr double kRainChance = 0.1; // per six hours: about one rain every two and a half days

} // namespace

SensorSimulator::SensorSimulator(std::vector<SimulatedDevice> devices, quint32 seed)
    : mDevices(std::move(devices))
    , mState(mDevices.size())
{
    for (std::size_t i = 0; i < mDevices.size(); ++i) {
        State &s = mState[i];
        s.salt = deviceSalt(mDevices[i].key, seed);
        // Seeded by the device, not its place in the list: a site added between two runs
        // leaves every other sow's baseline where it was.
        s.rng.seed(static_cast<quint32>(s.salt ^ (s.salt >> 32)));
        std::normal_distribution<double> sow(38.6, 0.25), station(0.0, 1.0);
        // Sows' normal ear temperatures differ (38.3 here, 38.9 there) but stay within reason.
        s.baseline = mDevices[i].kind == SimulatedDevice::EarTag
            ? std::clamp(sow(s.rng), 38.0, 39.2)
            : station(s.rng);
        // Where in its replacement cycle each battery is: a fixed phase, not a random start.
        s.batteryPhase = fixedUniform(s.salt, 0, 9);
    }
}

std::vector<SimulatedDevice> SensorSimulator::devicesForSites(
    const VectorLayer &sites, int tagsPerFarm)
{
    std::vector<SimulatedDevice> out;
    const FeatureTable &t = sites.table();
    for (int f = 0; f < sites.featureCount(); ++f) {
        const QString type = t.text(f, QStringLiteral("type"));
        const QString prefix = DeviceKey::sitePrefix(
            t.text(f, QStringLiteral("county_code")), t.text(f, QStringLiteral("site_id")));
        if (type == QLatin1String("tea_garden")) {
            out.push_back({ SimulatedDevice::TeaStation, prefix + QStringLiteral("station-1") });
        } else if (type == QLatin1String("clinic")) {
            out.push_back({ SimulatedDevice::ClinicTerminal, prefix + QStringLiteral("terminal") });
        } else if (type == QLatin1String("pig_farm")) {
            const int sows = std::min(tagsPerFarm, t.value(f, QStringLiteral("sow_count")).toInt());
            for (int i = 1; i <= sows; ++i)
                out.push_back({ SimulatedDevice::EarTag,
                    prefix + QStringLiteral("tag-%1").arg(i, 4, 10, QLatin1Char('0')) });
        }
    }
    return out;
}

QString SensorSimulator::topic(const Message &message)
{
    return QStringLiteral("dvdash/v1/") + message.deviceKey;
}

QByteArray SensorSimulator::payload(const Message &message, qint64 ts)
{
    QJsonObject readings;
    for (const ParsedReading &r : message.readings)
        readings.insert(QLatin1String(MetricCatalogue::byId(r.metric)->name), r.value);
    return QJsonDocument(QJsonObject { { QStringLiteral("ts"), double(ts) },
                             { QStringLiteral("readings"), readings } })
        .toJson(QJsonDocument::Compact);
}

ParsedReading SensorSimulator::reading(const char *metric, qint64 t, double value) const
{
    const MetricInfo *m = MetricCatalogue::byName(QLatin1String(metric));
    const double rounded
        = std::round(value * std::pow(10.0, m->decimals)) / std::pow(10.0, m->decimals);
    return { m->id, t, rounded, !MetricCatalogue::isPhysicallyPossible(*m, rounded) };
}

std::vector<SensorSimulator::Message> SensorSimulator::tick(qint64 t)
{
    std::vector<Message> out;
    out.reserve(mDevices.size());
    for (std::size_t i = 0; i < mDevices.size(); ++i) {
        State &s = mState[i];
        if (s.last == 0)
            s.last = t - 5 * kMinuteMs;
        Message m { mDevices[i].key, {} };
        switch (mDevices[i].kind) {
        case SimulatedDevice::TeaStation:
            teaStation(s, t, m.readings);
            break;
        case SimulatedDevice::EarTag:
            earTag(s, t, m.readings);
            break;
        case SimulatedDevice::ClinicTerminal:
            clinicTerminal(s, t, m.readings);
            break;
        }
        s.last = t;
        if (!m.readings.empty())
            out.push_back(std::move(m));
    }
    return out;
}

// Guizhou's tea hills: mild winters, warm humid summers, about 16 °C on average; a day/night
// swing of ±4 °C with the warmest hour at 14:00; rain a few times a week.
void SensorSimulator::teaStation(State &s, qint64 t, std::vector<ParsedReading> &out)
{
    std::normal_distribution<double> noise(0, 0.3);
    if (s.soilLast == 0) {
        // The soil remembers the last weeks' rain: replay them hourly, so a restarted
        // simulator's soil continues from where the weather left it.
        s.soilLast = t - 20 * kDayMs;
        soil(s, t);
    }
    const double hour = localHour(t);
    const double season = 16.0 - 9.0 * std::cos(2 * kPi * (dayOfYear(t) - 15) / 365.25);
    const double daily = 4.0 * std::sin(2 * kPi * (hour - 8.0) / 24.0);
    const bool raining = isRaining(s, t);
    const double air = season + daily + s.baseline + noise(s.rng) - (raining ? 2.0 : 0.0);
    const double humidity = std::clamp(
        raining ? 96.0 + noise(s.rng) : 78.0 - 2.5 * daily + 3 * noise(s.rng), 20.0, 100.0);
    const double dt = double(t - s.last) / kHourMs;
    const double rain
        = raining ? std::max(0.0, std::normal_distribution<double>(1.2, 0.6)(s.rng) * dt * 3) : 0.0;
    soil(s, t);
    const double sun = std::max(0.0, std::sin(kPi * (hour - 6.0) / 13.0));
    // Solar-charged: full by the afternoon, lowest at dawn, lower after rainy days.
    const double battery = 84.0 + 10.0 * std::sin(2 * kPi * (hour - 9.0) / 24.0)
        - 15.0 * s.batteryPhase * (raining ? 1.0 : 0.3);
    out.push_back(reading("air_temperature", t, air));
    out.push_back(reading("relative_humidity", t, humidity));
    out.push_back(reading("soil_moisture", t, s.soilMoisture + noise(s.rng)));
    out.push_back(reading("soil_temperature", t, season + 0.4 * daily + noise(s.rng) * 0.3));
    out.push_back(reading("soil_ph", t,
        5.0 + 0.25 * std::sin(double(t) / (17 * kDayMs) + s.baseline) + 0.02 * noise(s.rng)));
    out.push_back(
        reading("illuminance", t, sun * (raining ? 12000.0 : 65000.0) * (1 + 0.1 * noise(s.rng))));
    out.push_back(reading("rainfall", t, rain));
    out.push_back(reading("battery", t, std::clamp(battery, 5.0, 100.0)));
}

std::vector<std::pair<qint64, qint64>> SensorSimulator::episodes(
    const State &s, qint64 t, double minHours, double maxHours) const
{
    auto out = episodesAt(s.salt, t, kDayMs, mEpisodeRate, minHours, maxHours);
    if (s.forcedStart <= t && t < s.forcedEnd)
        out.emplace_back(s.forcedStart, s.forcedEnd);
    return out;
}

bool SensorSimulator::isRaining(const State &s, qint64 t) const
{
    return !episodesAt(s.salt, t, kRainSlot, kRainChance, 1, 8).empty();
}

// Soil moisture from the rain since the last step: moderate rain
// of about 3.5 mm an hour wets it; slopes drain, fast above field capacity (about 38 %).
void SensorSimulator::soil(State &s, qint64 t)
{
    // Steps on a fixed ten-minute grid: a simulator started later walks the same steps.
    constexpr qint64 kGrid = 10 * kMinuteMs;
    while (s.soilLast < t) {
        const qint64 next = std::min(t, (floorDiv(s.soilLast, kGrid) + 1) * kGrid);
        const qint64 step = next - s.soilLast;
        s.soilLast = next;
        const double dt = double(step) / kHourMs;
        const double rain = isRaining(s, s.soilLast) ? 3.6 * dt : 0.0;
        const double drainage
            = 0.012 * (s.soilMoisture - 16.0) + 0.25 * std::max(0.0, s.soilMoisture - 38.0);
        s.soilMoisture = std::clamp(s.soilMoisture + rain * 0.9 - dt * drainage, 12.0, 48.0);
    }
}

// Ear tags read below rectal temperature and follow the barn: each sow around her own
// baseline, ±0.3 °C over the day (highest late afternoon). A fever builds over 6-12 hours by
// about 1.5 °C, holds for a day and fades.
void SensorSimulator::earTag(State &s, qint64 t, std::vector<ParsedReading> &out)
{
    std::normal_distribution<double> noise(0, 0.08);
    // Each fever builds over about 9 hours and fades over the last 12; overlapping ones do not
    // add up, the strongest shows.
    double fever = 0;
    s.episodeStart = s.episodeEnd = 0;
    for (const auto &[start, end] : episodes(s, t, 36, 60)) {
        const double since = double(t - start) / kHourMs;
        const double until = double(end - t) / kHourMs;
        const double f = 1.5 * std::min({ 1.0, since / 9.0, std::max(0.0, until / 12.0) });
        if (f >= fever) {
            fever = f;
            s.episodeStart = start;
            s.episodeEnd = end;
        }
    }
    const double circadian = 0.3 * std::sin(2 * kPi * (localHour(t) - 10.0) / 24.0);
    // Tags are replaced every two years, before the battery falls below a fifth.
    const double cycle = std::fmod(double(t) / (730.0 * kDayMs) + s.batteryPhase, 1.0);
    out.push_back(reading("body_temperature", t, s.baseline + circadian + fever + noise(s.rng)));
    out.push_back(reading("battery", t, 100.0 - 78.0 * cycle));
}

// A clinic's telemedicine terminal: consultations in opening hours (08:00-18:00), now and then
// an outage of a few hours, reported by the clinic's gateway as terminal_online = 0.
void SensorSimulator::clinicTerminal(State &s, qint64 t, std::vector<ParsedReading> &out)
{
    const double dt = double(t - s.last) / kHourMs;
    const double hour = localHour(t);
    const auto outages = episodes(s, t, 1, 6);
    s.episodeStart = outages.empty() ? 0 : outages.front().first;
    s.episodeEnd = outages.empty() ? 0 : outages.front().second;
    const bool online = outages.empty();
    const bool open = hour >= 8 && hour < 18;
    const double expected = open && online ? 0.6 * dt : 0.0;
    out.push_back(reading("terminal_online", t, online ? 1 : 0));
    out.push_back(reading(
        "consultations", t, std::poisson_distribution<int>(std::max(1e-9, expected))(s.rng)));
}

} // namespace dv
