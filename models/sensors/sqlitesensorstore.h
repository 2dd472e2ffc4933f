// The embedded store: readings in per-device chunks in one SQLite file, WAL, versioned schema.
#pragma once

#include "sensorstore.h"

#include "storespec.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>

#include <functional>
#include <unordered_map>
#include <unordered_set>

namespace dv {

class SqliteSensorStore : public SensorStore {
    Q_DECLARE_TR_FUNCTIONS(dv::SqliteSensorStore)
public:
    static constexpr int kSchemaVersion = 2;

    // ReadOnly: the file is read as it is, never migrated or written (read commands).
    explicit SqliteSensorStore(const QString &path, StoreAccess access = StoreAccess::ReadWrite);
    ~SqliteSensorStore() override;

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
    int schemaVersion() const { return mSchemaVersion; }

private:
    bool migrate(QString *error);
    QString failure(const QString &what, const QString &detail) const;
    // The newest stored timestamp per series, learned lazily: anything newer cannot be a
    // duplicate, so the common case needs no read.
    qint64 newestStored(quint32 device, int metric, QString *error, bool *ok);
    // Decodes the series' readings in [from, to) chunk by chunk into visit().
    bool scan(quint32 device, int metric, qint64 from, qint64 to, QString *error,
        const std::function<void(const Reading &)> &visit);
    bool isKnownDevice(quint32 device, QString *error, bool *ok);
    bool dropStoredDuplicates(quint32 device, std::vector<Reading> &readings, std::size_t begin,
        std::size_t &end, int &duplicates, QString *error);

    QString mPath;
    StoreAccess mAccess;
    QString mConnection;
    int mSchemaVersion = 0;
    QHash<QString, quint32> mDevices;
    std::unordered_set<quint32> mKnownDevices;
    std::unordered_map<quint64, qint64> mNewest; // (device << 8 | metric) -> ms
    std::unordered_map<quint32, qint64> mDeviceNewest;
};

} // namespace dv
