// One sensor value as the store keeps it: device, metric, device time, arrival time, value.
#pragma once

#include <QtGlobal>

namespace dv {

struct Reading {
    quint32 device = 0; // the store's number for the device (SensorStore::deviceId)
    quint8 metric = 0; // MetricInfo::id
    bool sensorFault = false; // physically impossible: kept and shown, never alarmed on
    qint64 timestamp = 0; // device time, ms since the epoch, UTC
    qint64 arrival = 0; // when the dashboard received it, ms since the epoch, UTC
    double value = 0;
};

} // namespace dv
