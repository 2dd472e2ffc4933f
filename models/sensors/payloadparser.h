// Turns an MQTT topic and JSON payload into validated readings and a list of what was wrong.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVector>

#include <vector>

namespace dv {

struct PayloadIssue {
    enum Kind {
        BadTopic,
        Oversize,
        InvalidJson,
        WrongType,
        MissingTimestamp,
        MissingReadings, // also NaN and Infinity: JSON has no such numbers, the parser refuses them
        UnknownMetric,
        SensorFault, // kept, flagged
        FutureTimestamp,
        TooOld,
    };
    Kind kind;
    QString field; // e.g. "batch[3].readings.air_temperature"
    QString message; // one line in the user's language
};

struct ParsedReading {
    int metric = 0;
    qint64 timestamp = 0; // device time, ms UTC
    double value = 0;
    bool sensorFault = false;
};

struct ParsedMessage {
    QString countyCode;
    QString siteId;
    QString deviceId;
    std::vector<ParsedReading> readings;
    QVector<PayloadIssue> issues;
};

class PayloadParser {
    Q_DECLARE_TR_FUNCTIONS(dv::PayloadParser)
public:
    static constexpr int kMaxPayloadBytes = 64 * 1024;
    static constexpr qint64 kMaxFutureMs = 5 * 60 * 1000;
    static constexpr qint64 kMaxAgeMs = 366LL * 24 * 3600 * 1000;

    // Topic dvdash/v1/{county_code}/{site_id}/{device_id}; payload {"ts", "readings", "battery"}
    // or {"batch": [...]}. arrivalMs judges timestamps from the future or the distant past.
    static ParsedMessage parse(const QString &topic, const QByteArray &payload, qint64 arrivalMs);
};

} // namespace dv
