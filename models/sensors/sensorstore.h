// Where readings live: one interface for the embedded SQLite store and a shared PostgreSQL one.
#pragma once

#include "historybucket.h"
#include "reading.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace dv {

struct DeviceEntry {
    quint32 id = 0;
    QString key; // county/site/device
};

struct WriteStats {
    int stored = 0;
    int duplicates = 0; // already stored (a QoS 1 redelivery), or twice in the batch
    int unknownDevice = 0; // for a device number the store never gave out: not stored
};

// Used from one writer thread; history() may run on another store object opened on the same
// file (SQLite WAL lets readers run beside the writer).
class SensorStore {
public:
    virtual ~SensorStore() = default;

    virtual bool open(QString *error) = 0;
    // The store's number for a device key (county/site/device), registering it if new; for a
    // key routed with routeDevice(), the number of the device it was routed to.
    virtual std::optional<quint32> deviceId(const QString &key, QString *error) = 0;
    // The number of an already registered device, by its full key (county/site/device) or by
    // its last part when that is unique; nullopt (and *error) when unknown or ambiguous. A key
    // routed with routeDevice() finds the device it was routed to.
    virtual std::optional<quint32> findDevice(const QString &key, QString *error) = 0;
    // A device heard under one key (a topic naming a site the office never registered) accepted
    // as the device of another (county/site/device on the site the user chose): its readings
    // are stored under `key` from now on, also after a restart. Registers `key` if new and
    // returns its number; routing the same heardAs again moves it.
    virtual std::optional<quint32> routeDevice(
        const QString &heardAs, const QString &key, QString *error)
        = 0;
    // Registered devices whose key starts with prefix (e.g. "520102/P0003/"), sorted by key.
    virtual std::optional<std::vector<DeviceEntry>> devices(const QString &prefix, QString *error)
        = 0;
    // The newest device time stored in any series; 0 when nothing is stored yet.
    virtual std::optional<qint64> newestTimestamp(QString *error) = 0;
    // Stores all readings in one transaction; duplicates of (device, metric, timestamp) are
    // dropped. On error nothing is written and *error says why.
    virtual std::optional<WriteStats> write(std::vector<Reading> readings, QString *error) = 0;
    // Every reading of one series in [from, to), oldest first.
    virtual std::optional<std::vector<Reading>> readings(
        quint32 device, int metric, qint64 from, qint64 to, QString *error)
        = 0;
    // Readings of one series in [from, to) folded into at most `buckets` buckets placed by
    // HistoryGrid: of equal width, or for buckets of 40 minutes and more on whole 10-minute cells.
    virtual std::optional<std::vector<HistoryBucket>> history(
        quint32 device, int metric, qint64 from, qint64 to, int buckets, QString *error)
        = 0;

    // Called by the writer every ten minutes with an hour ago: SQLite merges each device's chunks
    // that end before olderThan into one chunk per UTC day, so a series written a reading per
    // commit reads as fast as one written a day at a time (returns the chunks removed);
    // PostgreSQL folds the closed hours before olderThan into its hourly rollup (returns the
    // hour rows written).
    virtual std::optional<int> compact(qint64 olderThan, QString *error) = 0;

    // Called by the writer while no readings come, about once a second: a store with work of
    // its own between batches (a collector's spool waiting for its server) does it here.
    virtual bool catchUp(QString *error)
    {
        Q_UNUSED(error);
        return true;
    }
    // Whether the last failed call failed because the store went away (a server's connection
    // lost), not because it refused: a collector buffers such a batch instead of retrying it.
    virtual bool lostConnection() const { return false; }

    // Opens the store a spec names, through StoreRegistry ("sqlite:PATH" or a bare path).
    static std::unique_ptr<SensorStore> create(const QString &spec, QString *error);
};

} // namespace dv
