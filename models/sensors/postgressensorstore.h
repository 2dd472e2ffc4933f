// The shared store: readings in monthly partitions on PostgreSQL, ingested with COPY, folded by the server.
#pragma once

#include "sensorstore.h"

#include "postgresconnection.h"
#include "postgrescopyrows.h"

#include <QCoreApplication>
#include <QHash>

#include <map>

#include <unordered_map>
#include <unordered_set>

namespace dv {

// Tables (the "readings" part of the schema):
//   devices          id, device_key, county_code (the key's first part), accepted, first_seen;
//   readings         one row a reading, PRIMARY KEY (device_id, metric, t), partitioned by
//                    RANGE (t) into UTC months that write() creates as batches need them and
//                    COPYs new readings into directly;
//   readings_rollup  per series and 10-minute cell: count, sum, min, max, first and last, kept by
//                    a statement trigger on readings and on each partition;
//   readings_rollup_hour  the same per hour, for the hours before readings_hours_folded.until:
//                    compact() folds closed hours' cells, the trigger adds late readings to them.
//                    history() folds a year of one-minute readings from 8,760 hours instead of
//                    525,600 rows (HistoryGrid puts wide buckets' edges on whole cells or hours).
// Row-level security: devices by county_code IN dvdash_visible_counties(); readings and the
// rollup through device_id IN (SELECT id FROM devices), so the devices policy decides. history()
// runs in SECURITY DEFINER functions that ask the same question once per query instead of once
// per row (dvdash_device_visible). The collector role may INSERT readings and call the SECURITY
// DEFINER functions that register devices, report known device numbers and create partitions,
// and INSERT into the partitions (which have no policies: nobody else is granted them); it can
// SELECT nothing.
class PostgresSensorStore : public SensorStore {
    Q_DECLARE_TR_FUNCTIONS(dv::PostgresSensorStore)
public:
    static constexpr int kSchemaVersion = 6;

    // spec: the full store spec (libpq URI, optionally read-only), as StoreRegistry passes it.
    explicit PostgresSensorStore(const QString &spec);
    ~PostgresSensorStore() override;

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
    // Nothing to merge: the server keeps one row a reading in its indexed partitions, so a series
    // written a reading per commit already reads as fast as one written a day at a time. Returns 0.
    std::optional<int> compact(qint64 olderThan, QString *error) override;
    bool lostConnection() const override { return mConnection.lostConnection(); }
    int schemaVersion() const { return mSchemaVersion; }

    // The UTC month [start, end) a timestamp falls in, in ms: one partition of readings.
    static qint64 monthStart(qint64 ms);
    static qint64 nextMonthStart(qint64 ms);

private:
    bool migrate(QString *error);
    bool ensureOpen(QString *error);
    // Leaves in `readings` only those of devices the store gave out; returns how many went.
    std::optional<int> dropUnknownDevices(std::vector<Reading> &readings, QString *error);
    // Creates the partitions of every month the readings fall in, and the month after the
    // newest, unless this store already made sure of them.
    bool ensurePartitions(const std::vector<Reading> &readings, QString *error);
    // A batch in COPY's binary format: the readings newer than the newest this store knows to be
    // stored in their series, by month start, and the others, which may be redeliveries.
    struct BatchRows {
        std::map<qint64, PostgresCopyRows> fresh;
        PostgresCopyRows maybeStored;
    };
    // Every reading maybe stored unless trustNewest.
    BatchRows copyRows(const std::vector<Reading> &readings, bool trustNewest) const;
    // In one transaction: COPY the fresh rows into their partitions, and the others into the
    // session's staging table and on with ON CONFLICT DO NOTHING; the rows stored, or nullopt
    // with the failing statement's SQLSTATE in *failedState (42P01: no staging table yet or a
    // partition gone; 23505: a reading believed new was stored by another writer).
    std::optional<qint64> insertBatch(BatchRows rows, QString *failedState, QString *error);

    PostgresConnection mConnection;
    int mSchemaVersion = 0;
    QHash<QString, quint32> mDevices;
    std::unordered_set<quint32> mKnownDevices;
    QHash<qint64, QString> mPartitions; // month start -> its partition, known to exist
    // The newest time known stored per series (device << 8 | metric), learned from this store's
    // own commits: anything newer cannot be a redelivery.
    std::unordered_map<quint64, qint64> mNewest;
};

} // namespace dv
