// Plausible sensor data for the sample sites: the demo and the tests use the real data path.
#pragma once

#include "payloadparser.h"

#include <QByteArray>
#include <QString>

#include <random>
#include <vector>

namespace dv {

class VectorLayer;

// One simulated device: a tea garden's field station, a sow's ear tag, a clinic's terminal.
struct SimulatedDevice {
    enum Kind { TeaStation, EarTag, ClinicTerminal };
    Kind kind;
    QString key; // county/site/device, as in the MQTT topic
};

// Deterministic for a seed. Episodes (fevers, outages, rain) are a function of the device and
// the time, so a simulator started anew (the window restarted) continues the same story; each
// device's own random stream adds only measurement noise.
class SensorSimulator {
public:
    struct Message {
        QString deviceKey;
        std::vector<ParsedReading> readings;
    };

    SensorSimulator(std::vector<SimulatedDevice> devices, quint32 seed);
    // A station per tea garden, a terminal per clinic, up to tagsPerFarm ear tags per pig farm.
    static std::vector<SimulatedDevice> devicesForSites(
        const VectorLayer &sites, int tagsPerFarm = 8);

    // Every device's readings at time t (ms UTC); call with increasing t.
    std::vector<Message> tick(qint64 t);
    // The message as a device sends it: its MQTT topic and JSON payload stamped ts.
    static QString topic(const Message &message);
    static QByteArray payload(const Message &message, qint64 ts);
    const std::vector<SimulatedDevice> &devices() const { return mDevices; }
    // Probability per device and day that a sow starts a fever or a terminal goes offline;
    // tests raise it to see episodes in a short run.
    void setEpisodeRatePerDay(double rate) { mEpisodeRate = rate; }
    bool hasFever(std::size_t device) const { return mState[device].episodeStart > 0; }
    // A fever or outage chosen by hand, beside the drawn ones: for scenario tests.
    void startEpisode(std::size_t device, qint64 start, qint64 end)
    {
        mState[device].forcedStart = start;
        mState[device].forcedEnd = end;
    }

private:
    struct State {
        std::mt19937 rng;
        double baseline = 0; // a sow's own normal ear temperature, a station's offset
        quint64 salt = 0; // fixes this device's episodes (fevers, outages, rain) in time
        double batteryPhase = 0; // 0..1, where the battery is in its cycle
        double soilMoisture = 30; // % VWC, rises with rain, dries out
        qint64 soilLast = 0; // soil moisture is integrated up to here
        qint64 last = 0; // time of the previous tick
        qint64 episodeStart = 0; // fever or outage at the last tick, 0 when none
        qint64 episodeEnd = 0;
        qint64 forcedStart = 0; // startEpisode()
        qint64 forcedEnd = 0;
    };

    ParsedReading reading(const char *metric, qint64 t, double value) const;
    void teaStation(State &s, qint64 t, std::vector<ParsedReading> &out);
    void earTag(State &s, qint64 t, std::vector<ParsedReading> &out);
    void clinicTerminal(State &s, qint64 t, std::vector<ParsedReading> &out);
    bool isRaining(const State &s, qint64 t) const;
    // The fevers or outages covering t.
    std::vector<std::pair<qint64, qint64>> episodes(
        const State &s, qint64 t, double minHours, double maxHours) const;
    void soil(State &s, qint64 t);

    std::vector<SimulatedDevice> mDevices;
    std::vector<State> mState;
    double mEpisodeRate = 0.003; // a fever in one sow of ~300 a day; a clinic outage a year
};

} // namespace dv
