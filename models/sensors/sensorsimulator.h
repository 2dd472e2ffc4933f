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

// Deterministic for a seed: each device has its own random stream and state (rain, fever,
// outage episodes), advanced by tick() in time order.
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

private:
    struct State {
        std::mt19937 rng;
        double baseline = 0; // a sow's own normal ear temperature, a station's offset
        double soilMoisture = 30; // % VWC, rises with rain, dries out
        double battery = 100;
        qint64 last = 0; // time of the previous tick
        qint64 rainUntil = 0;
        qint64 episodeStart = 0; // fever or outage, 0 when none
        qint64 episodeEnd = 0;
    };

    ParsedReading reading(const char *metric, qint64 t, double value) const;
    void teaStation(State &s, qint64 t, std::vector<ParsedReading> &out);
    void earTag(State &s, qint64 t, std::vector<ParsedReading> &out);
    void clinicTerminal(State &s, qint64 t, std::vector<ParsedReading> &out);

    std::vector<SimulatedDevice> mDevices;
    std::vector<State> mState;
    double mEpisodeRate = 0.003; // a fever in one sow of ~300 a day; a clinic outage a year
};

} // namespace dv
