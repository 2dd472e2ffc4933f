// A collector's buffer for a shared server: readings wait in a local SQLite file while it is away.
#pragma once

#include "sensorstore.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace dv {

// Wraps the server's store for the one writer thread of a collector. A batch the server cannot
// take because the connection is lost (not because it refused a row) is committed to the spool
// file instead, so a kill or a power cut while the server is away loses at most what SQLite's
// WAL loses; every later write first forwards the spool, oldest first, in chunks. Forwarded
// rows leave the spool only after the server committed them, and the server stores a reading
// once however often it is sent (duplicates dropped by key), so a crash between the two sends
// a chunk twice and stores it once.
class SpoolingSensorStore : public SensorStore {
    Q_DECLARE_TR_FUNCTIONS(dv::SpoolingSensorStore)
public:
    SpoolingSensorStore(std::unique_ptr<SensorStore> server, QString spoolPath);
    ~SpoolingSensorStore() override;

    // The spool file for a server spec, in the user's data folder: one per server and database.
    static QString defaultSpoolPath(const QString &serverSpec);

    bool open(QString *error) override;
    std::optional<quint32> deviceId(const QString &key, QString *error) override;
    std::optional<quint32> findDevice(const QString &key, QString *error) override;
    std::optional<quint32> routeDevice(
        const QString &heardAs, const QString &key, QString *error) override;
    std::optional<std::vector<DeviceEntry>> devices(const QString &prefix, QString *error) override;
    std::optional<qint64> newestTimestamp(QString *error) override;
    // Stored on the server, or spooled when the server is away (counted as stored: it will be).
    std::optional<WriteStats> write(std::vector<Reading> readings, QString *error) override;
    std::optional<std::vector<Reading>> readings(
        quint32 device, int metric, qint64 from, qint64 to, QString *error) override;
    std::optional<std::vector<HistoryBucket>> history(quint32 device, int metric, qint64 from,
        qint64 to, int buckets, QString *error) override;
    std::optional<int> compact(qint64 olderThan, QString *error) override;
    // Forwards the spool when the server may be back (no more often than a write would).
    bool catchUp(QString *error) override;
    bool lostConnection() const override { return mServer->lostConnection(); }

    // Readings waiting in the spool.
    std::optional<qint64> spooled(QString *error);
    // Sends the spool to the server; true when it is empty afterwards.
    bool forward(QString *error);
    // Whether the last write went to the spool because the server was away.
    bool serverAway() const { return mServerAway; }

private:
    bool spool(const std::vector<Reading> &readings, QString *error);

    std::unique_ptr<SensorStore> mServer;
    QString mSpoolPath;
    QString mConnection;
    bool mServerAway = false;
    qint64 mRetryAt = 0; // ms since the epoch: when to ask an away server again
};

} // namespace dv
