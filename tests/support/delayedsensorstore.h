// A sensor store behind a delay, as on a distant server: for the stall test and benchmark.
#pragma once

#include "sensorstore.h"

namespace dv {

class DelayedSensorStore : public SensorStore {
public:
    DelayedSensorStore(std::unique_ptr<SensorStore> inner, int delayMs);

    bool open(QString *error) override;
    std::optional<quint32> deviceId(const QString &key, QString *error) override;
    std::optional<quint32> findDevice(const QString &key, QString *error) override;
    std::optional<quint32> routeDevice(
        const QString &heardAs, const QString &key, QString *error) override;
    std::optional<std::vector<DeviceEntry>> devices(const QString &prefix, QString *error) override;
    std::optional<qint64> newestTimestamp(QString *error) override;
    std::optional<WriteStats> write(std::vector<Reading> readings, QString *error) override;
    std::optional<std::vector<Reading>> readings(
        quint32 device, int metric, qint64 from, qint64 to, QString *error) override;
    std::optional<std::vector<HistoryBucket>> history(
        quint32 device, int metric, qint64 from, qint64 to, int buckets, QString *error) override;
    std::optional<int> compact(qint64 olderThan, QString *error) override;

private:
    std::unique_ptr<SensorStore> mInner;
    int mDelayMs;
};

} // namespace dv
