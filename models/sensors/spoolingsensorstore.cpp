// A collector's buffer for a shared server: readings wait in a local SQLite file while it is away.
#include "spoolingsensorstore.h"

#include "sqliteconnection.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>

namespace dv {

namespace {

// Forwarded in chunks: a long outage's spool goes to the server without one huge transaction.
constexpr int kForwardChunk = 20000;
constexpr qint64 kRetryMs = 2000;

} // namespace

SpoolingSensorStore::SpoolingSensorStore(std::unique_ptr<SensorStore> server, QString spoolPath)
    : mServer(std::move(server))
    , mSpoolPath(std::move(spoolPath))
    , mConnection(SqliteConnection::uniqueName(QStringLiteral("spool")))
{
}

SpoolingSensorStore::~SpoolingSensorStore()
{
    SqliteConnection::close(mConnection);
}

QString SpoolingSensorStore::defaultSpoolPath(const QString &serverSpec)
{
    // The address without a password names the server; its hash names the file.
    QUrl url(serverSpec);
    url.setPassword(QString());
    const QByteArray id
        = QCryptographicHash::hash(url.toString().toUtf8(), QCryptographicHash::Sha1).toHex();
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("spool/%1.sqlite").arg(QString::fromLatin1(id.left(16))));
}

bool SpoolingSensorStore::open(QString *error)
{
    if (!SqliteConnection::open(mConnection, mSpoolPath, error))
        return false;
    QSqlQuery q(QSqlDatabase::database(mConnection));
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS spooled_readings (device INTEGER NOT "
                               "NULL, metric INTEGER NOT NULL, t INTEGER NOT NULL, arrival INTEGER "
                               "NOT NULL, fault INTEGER NOT NULL, value REAL NOT NULL, PRIMARY "
                               "KEY (device, metric, t)) WITHOUT ROWID"))) {
        *error = SqliteConnection::failure(
            mSpoolPath, tr("cannot prepare the collector's spool"), q.lastError().text());
        return false;
    }
    // The server's store was opened by whoever made this one; what waited from a previous run
    // goes first.
    QString ignored;
    forward(&ignored);
    return true;
}

bool SpoolingSensorStore::spool(const std::vector<Reading> &readings, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    if (const QSqlError begun = SqliteConnection::beginWrite(db); begun.isValid()) {
        *error = SqliteConnection::failure(
            mSpoolPath, tr("cannot write to the collector's spool"), begun.text());
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO spooled_readings VALUES (?, ?, ?, ?, ?, ?)"));
    for (const Reading &r : readings) {
        q.addBindValue(qint64(r.device));
        q.addBindValue(int(r.metric));
        q.addBindValue(r.timestamp);
        q.addBindValue(r.arrival);
        q.addBindValue(r.sensorFault ? 1 : 0);
        q.addBindValue(r.value);
        if (!q.exec()) {
            const QString detail = q.lastError().text();
            db.rollback();
            *error = SqliteConnection::failure(
                mSpoolPath, tr("cannot write to the collector's spool"), detail);
            return false;
        }
    }
    if (!db.commit()) {
        const QString detail = db.lastError().text();
        db.rollback();
        *error = SqliteConnection::failure(
            mSpoolPath, tr("cannot write to the collector's spool"), detail);
        return false;
    }
    return true;
}

bool SpoolingSensorStore::forward(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    for (;;) {
        std::vector<Reading> chunk;
        {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT device, metric, t, arrival, fault, value FROM "
                                     "spooled_readings ORDER BY t LIMIT ?"));
            q.addBindValue(kForwardChunk);
            if (!q.exec()) {
                *error = SqliteConnection::failure(
                    mSpoolPath, tr("cannot read the collector's spool"), q.lastError().text());
                return false;
            }
            while (q.next()) {
                Reading r;
                r.device = quint32(q.value(0).toLongLong());
                r.metric = quint8(q.value(1).toInt());
                r.timestamp = q.value(2).toLongLong();
                r.arrival = q.value(3).toLongLong();
                r.sensorFault = q.value(4).toInt() != 0;
                r.value = q.value(5).toDouble();
                chunk.push_back(r);
            }
        }
        if (chunk.empty()) {
            mServerAway = false;
            return true;
        }
        if (!mServer->write(chunk, error)) {
            mServerAway = mServer->lostConnection();
            return false;
        }
        // Only now, with the server's commit done, do the rows leave the spool.
        if (const QSqlError begun = SqliteConnection::beginWrite(db); begun.isValid()) {
            *error = SqliteConnection::failure(
                mSpoolPath, tr("cannot write to the collector's spool"), begun.text());
            return false;
        }
        QSqlQuery del(db);
        del.prepare(QStringLiteral(
            "DELETE FROM spooled_readings WHERE device = ? AND metric = ? AND t = ?"));
        for (const Reading &r : chunk) {
            del.addBindValue(qint64(r.device));
            del.addBindValue(int(r.metric));
            del.addBindValue(r.timestamp);
            if (!del.exec()) {
                const QString detail = del.lastError().text();
                db.rollback();
                *error = SqliteConnection::failure(
                    mSpoolPath, tr("cannot write to the collector's spool"), detail);
                return false;
            }
        }
        if (!db.commit()) {
            const QString detail = db.lastError().text();
            db.rollback();
            *error = SqliteConnection::failure(
                mSpoolPath, tr("cannot write to the collector's spool"), detail);
            return false;
        }
    }
}

std::optional<qint64> SpoolingSensorStore::spooled(QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    if (!q.exec(QStringLiteral("SELECT count(*) FROM spooled_readings")) || !q.next()) {
        *error = SqliteConnection::failure(
            mSpoolPath, tr("cannot read the collector's spool"), q.lastError().text());
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

std::optional<WriteStats> SpoolingSensorStore::write(std::vector<Reading> readings, QString *error)
{
    // While the server is away, it is asked again every few seconds, not at every commit (a
    // connection attempt to a vanished host can take seconds).
    if (mServerAway && QDateTime::currentMSecsSinceEpoch() < mRetryAt) {
        if (!spool(readings, error))
            return std::nullopt;
        WriteStats stats;
        stats.stored = int(readings.size());
        return stats;
    }
    // What waited goes first, so the server receives readings in the order they came.
    QString forwardError;
    const bool spoolEmpty = forward(&forwardError);
    if (spoolEmpty) {
        std::optional<WriteStats> stats = mServer->write(readings, error);
        if (stats || !mServer->lostConnection())
            return stats;
    } else if (!mServer->lostConnection()) {
        *error = forwardError; // the server refused a spooled row: say so, keep it spooled
        return std::nullopt;
    }
    mServerAway = true;
    mRetryAt = QDateTime::currentMSecsSinceEpoch() + kRetryMs;
    if (!spool(readings, error))
        return std::nullopt;
    WriteStats stats;
    stats.stored = int(readings.size());
    return stats;
}

bool SpoolingSensorStore::catchUp(QString *error)
{
    if (mServerAway && QDateTime::currentMSecsSinceEpoch() < mRetryAt)
        return true;
    if (forward(error))
        return true;
    if (mServerAway)
        mRetryAt = QDateTime::currentMSecsSinceEpoch() + kRetryMs;
    return false;
}

std::optional<quint32> SpoolingSensorStore::deviceId(const QString &key, QString *error)
{
    return mServer->deviceId(key, error);
}

std::optional<quint32> SpoolingSensorStore::findDevice(const QString &key, QString *error)
{
    return mServer->findDevice(key, error);
}

std::optional<quint32> SpoolingSensorStore::routeDevice(
    const QString &heardAs, const QString &key, QString *error)
{
    return mServer->routeDevice(heardAs, key, error);
}

std::optional<std::vector<DeviceEntry>> SpoolingSensorStore::devices(
    const QString &prefix, QString *error)
{
    return mServer->devices(prefix, error);
}

std::optional<qint64> SpoolingSensorStore::newestTimestamp(QString *error)
{
    return mServer->newestTimestamp(error);
}

std::optional<std::vector<Reading>> SpoolingSensorStore::readings(
    quint32 device, int metric, qint64 from, qint64 to, QString *error)
{
    return mServer->readings(device, metric, from, to, error);
}

std::optional<std::vector<HistoryBucket>> SpoolingSensorStore::history(
    quint32 device, int metric, qint64 from, qint64 to, int buckets, QString *error)
{
    return mServer->history(device, metric, from, to, buckets, error);
}

std::optional<int> SpoolingSensorStore::compact(qint64 olderThan, QString *error)
{
    return mServer->compact(olderThan, error);
}

} // namespace dv
