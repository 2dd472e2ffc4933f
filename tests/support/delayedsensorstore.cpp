// A sensor store behind a delay, as on a distant server: for the stall test and benchmark.
#include "delayedsensorstore.h"

#include "delayedstorebackend.h"

namespace dv {

DelayedSensorStore::DelayedSensorStore(std::unique_ptr<SensorStore> inner, int delayMs)
    : mInner(std::move(inner))
    , mDelayMs(delayMs)
{
}

bool DelayedSensorStore::open(QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "SensorStore::open");
    return mInner->open(error);
}

std::optional<quint32> DelayedSensorStore::deviceId(const QString &key, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "SensorStore::deviceId");
    return mInner->deviceId(key, error);
}

std::optional<quint32> DelayedSensorStore::findDevice(const QString &key, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "SensorStore::findDevice");
    return mInner->findDevice(key, error);
}

std::optional<quint32> DelayedSensorStore::routeDevice(
    const QString &heardAs, const QString &key, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "SensorStore::routeDevice");
    return mInner->routeDevice(heardAs, key, error);
}

std::optional<std::vector<DeviceEntry>> DelayedSensorStore::devices(
    const QString &prefix, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "SensorStore::devices");
    return mInner->devices(prefix, error);
}

std::optional<qint64> DelayedSensorStore::newestTimestamp(QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "SensorStore::newestTimestamp");
    return mInner->newestTimestamp(error);
}

std::optional<WriteStats> DelayedSensorStore::write(std::vector<Reading> readings, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "SensorStore::write");
    return mInner->write(std::move(readings), error);
}

std::optional<std::vector<Reading>> DelayedSensorStore::readings(
    quint32 device, int metric, qint64 from, qint64 to, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "SensorStore::readings");
    return mInner->readings(device, metric, from, to, error);
}

std::optional<std::vector<HistoryBucket>> DelayedSensorStore::history(
    quint32 device, int metric, qint64 from, qint64 to, int buckets, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "SensorStore::history");
    return mInner->history(device, metric, from, to, buckets, error);
}

std::optional<int> DelayedSensorStore::compact(qint64 olderThan, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "SensorStore::compact");
    return mInner->compact(olderThan, error);
}

} // namespace dv
