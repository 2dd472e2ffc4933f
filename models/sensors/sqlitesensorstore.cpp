// The embedded store: readings in per-device chunks in one SQLite file, WAL, versioned schema.
#include "sqlitesensorstore.h"

#include "sqliteconnection.h"
#include "sqliteschema.h"

#include "chunkcodec.h"
#include "historygrid.h"
#include "readingbatch.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_set>

namespace dv {

SqliteSensorStore::SqliteSensorStore(const QString &path, StoreAccess access)
    : mPath(path)
    , mAccess(access)
    , mConnection(SqliteConnection::uniqueName(QStringLiteral("dvdash-store-")))
{
}

SqliteSensorStore::~SqliteSensorStore()
{
    SqliteConnection::close(mConnection);
}

QString SqliteSensorStore::failure(const QString &what, const QString &detail) const
{
    return SqliteConnection::failure(mPath, what, detail);
}

bool SqliteSensorStore::open(QString *error)
{
    if (!SqliteConnection::open(mConnection, mPath, error, mAccess))
        return false;
    return migrate(error);
}

bool SqliteSensorStore::migrate(QString *error)
{
    static const SqliteSchema schema(QStringLiteral("schema_version"), tr("sensor readings"),
        {
            {
                QStringLiteral("CREATE TABLE devices (id INTEGER PRIMARY KEY, device_key TEXT "
                               "NOT NULL UNIQUE, accepted INTEGER NOT NULL DEFAULT 1, "
                               "first_seen INTEGER)"),
                QStringLiteral("CREATE TABLE chunks (device_id INTEGER NOT NULL REFERENCES "
                               "devices(id), t_min INTEGER NOT NULL, t_max INTEGER NOT NULL, "
                               "n INTEGER NOT NULL, data BLOB NOT NULL)"),
                QStringLiteral(
                    "CREATE INDEX chunks_by_device_time ON chunks (device_id, t_max, t_min)"),
            },
            // 2: devices accepted into another site than their topic names (routeDevice).
            {
                QStringLiteral("CREATE TABLE device_routes (heard_as TEXT PRIMARY KEY, device_id "
                               "INTEGER NOT NULL REFERENCES devices(id))"),
            },
        });
    static_assert(kSchemaVersion == 2, "add the new version's step to the schema above");
    return schema.migrate(mConnection, mPath, &mSchemaVersion, error);
}

std::optional<quint32> SqliteSensorStore::deviceId(const QString &key, QString *error)
{
    if (auto it = mDevices.constFind(key); it != mDevices.constEnd())
        return *it;
    QSqlQuery q(QSqlDatabase::database(mConnection));
    // A route wins over a device of the key's own name: the user chose where it belongs.
    q.prepare(QStringLiteral("SELECT device_id, 0 FROM device_routes WHERE heard_as = ? UNION ALL "
                             "SELECT id, 1 FROM devices WHERE device_key = ? ORDER BY 2 LIMIT 1"));
    q.addBindValue(key);
    q.addBindValue(key);
    if (q.exec() && q.next()) {
        const quint32 id = q.value(0).toUInt();
        mDevices.insert(key, id);
        mKnownDevices.insert(id);
        return id;
    }
    q.prepare(QStringLiteral("INSERT INTO devices (device_key) VALUES (?)"));
    q.addBindValue(key);
    if (!q.exec()) {
        *error = failure(tr("cannot register device %1").arg(key), q.lastError().text());
        return std::nullopt;
    }
    const quint32 id = q.lastInsertId().toUInt();
    mDevices.insert(key, id);
    mKnownDevices.insert(id);
    return id;
}

bool SqliteSensorStore::isKnownDevice(quint32 device, QString *error, bool *ok)
{
    *ok = true;
    if (mKnownDevices.count(device))
        return true;
    QSqlQuery q(QSqlDatabase::database(mConnection));
    q.prepare(QStringLiteral("SELECT 1 FROM devices WHERE id = ?"));
    q.addBindValue(device);
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        *ok = false;
        return false;
    }
    if (!q.next())
        return false;
    mKnownDevices.insert(device);
    return true;
}

qint64 SqliteSensorStore::newestStored(quint32 device, int metric, QString *error, bool *ok)
{
    *ok = true;
    if (auto it = mNewest.find(ReadingBatch::seriesKey(device, metric)); it != mNewest.end())
        return it->second;
    // Unknown series: bound it by the device's newest chunk (one indexed read per device).
    if (auto it = mDeviceNewest.find(device); it != mDeviceNewest.end())
        return it->second;
    QSqlQuery q(QSqlDatabase::database(mConnection));
    q.prepare(QStringLiteral("SELECT max(t_max) FROM chunks WHERE device_id = ?"));
    q.addBindValue(device);
    if (!q.exec() || !q.next()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        *ok = false;
        return 0;
    }
    const qint64 newest
        = q.value(0).isNull() ? std::numeric_limits<qint64>::min() : q.value(0).toLongLong();
    mDeviceNewest[device] = newest;
    return newest;
}

bool SqliteSensorStore::dropStoredDuplicates(quint32 device, std::vector<Reading> &readings,
    std::size_t begin, std::size_t &end, int &duplicates, QString *error)
{
    // Readings no newer than what is stored may be redeliveries: read the chunks that overlap
    // them once and drop the ones already there. Rare, so it may be slower.
    qint64 lo = std::numeric_limits<qint64>::max(), hi = std::numeric_limits<qint64>::min();
    bool any = false;
    for (std::size_t i = begin; i < end; ++i) {
        bool ok;
        const qint64 newest = newestStored(device, readings[i].metric, error, &ok);
        if (!ok)
            return false;
        if (readings[i].timestamp <= newest) {
            any = true;
            lo = std::min(lo, readings[i].timestamp);
            hi = std::max(hi, readings[i].timestamp);
        }
    }
    if (!any)
        return true;
    std::unordered_set<quint64> stored;
    if (!scan(device, -1, lo, hi + 1, error,
            [&](const Reading &r) { stored.insert(quint64(r.timestamp) * 256 + r.metric); }))
        return false;
    const auto last = std::remove_if(readings.begin() + begin, readings.begin() + end,
        [&](const Reading &r) { return stored.count(quint64(r.timestamp) * 256 + r.metric) > 0; });
    const std::size_t kept = static_cast<std::size_t>(last - readings.begin());
    duplicates += static_cast<int>(end - kept);
    end = kept;
    return true;
}

std::optional<WriteStats> SqliteSensorStore::write(std::vector<Reading> readings, QString *error)
{
    WriteStats stats;
    // Device, then metric, then time: each device's run becomes one chunk.
    stats.duplicates = ReadingBatch::sortAndDeduplicate(readings);

    QSqlDatabase db = QSqlDatabase::database(mConnection);
    if (const QSqlError begun = SqliteConnection::beginWrite(db); begun.isValid()) {
        *error = failure(tr("cannot write to the store"), begun.text());
        return std::nullopt;
    }
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO chunks (device_id, t_min, t_max, n, data) VALUES (?, ?, ?, ?, ?)"));
    // Learned bounds are applied only after the commit succeeds.
    std::vector<std::pair<quint64, qint64>> newest;
    for (std::size_t begin = 0; begin < readings.size();) {
        const quint32 device = readings[begin].device;
        std::size_t end = begin;
        while (end < readings.size() && readings[end].device == device)
            ++end;
        const std::size_t groupEnd = end;
        // A reading for a device number never given out would break the commit for everyone
        // else in it: count it and leave it out.
        bool ok;
        const bool known = isKnownDevice(device, error, &ok);
        if (!ok) {
            db.rollback();
            return std::nullopt;
        }
        if (!known) {
            stats.unknownDevice += static_cast<int>(end - begin);
            begin = groupEnd;
            continue;
        }
        if (!dropStoredDuplicates(device, readings, begin, end, stats.duplicates, error)) {
            db.rollback();
            return std::nullopt;
        }
        if (end > begin) {
            qint64 tMin = readings[begin].timestamp, tMax = tMin;
            for (std::size_t i = begin; i < end; ++i) {
                tMin = std::min(tMin, readings[i].timestamp);
                tMax = std::max(tMax, readings[i].timestamp);
                const quint64 key = ReadingBatch::seriesKey(device, readings[i].metric);
                if (newest.empty() || newest.back().first != key)
                    newest.emplace_back(key, readings[i].timestamp);
                else
                    newest.back().second = std::max(newest.back().second, readings[i].timestamp);
            }
            insert.bindValue(0, device);
            insert.bindValue(1, tMin);
            insert.bindValue(2, tMax);
            insert.bindValue(3, static_cast<int>(end - begin));
            insert.bindValue(
                4, ChunkCodec::encode(readings.data() + begin, readings.data() + end, tMin));
            if (!insert.exec()) {
                const QString detail = insert.lastError().text();
                db.rollback();
                *error = failure(tr("cannot write to the store"), detail);
                return std::nullopt;
            }
            stats.stored += static_cast<int>(end - begin);
        }
        begin = groupEnd;
    }
    if (!db.commit()) {
        const QString detail = db.lastError().text();
        db.rollback();
        *error = failure(tr("cannot write to the store"), detail);
        return std::nullopt;
    }
    for (const auto &[key, ts] : newest) {
        qint64 &n = mNewest.try_emplace(key, std::numeric_limits<qint64>::min()).first->second;
        n = std::max(n, ts);
        qint64 &d = mDeviceNewest.try_emplace(quint32(key >> 8), std::numeric_limits<qint64>::min())
                        .first->second;
        d = std::max(d, ts);
    }
    return stats;
}

std::optional<quint32> SqliteSensorStore::routeDevice(
    const QString &heardAs, const QString &key, QString *error)
{
    const std::optional<quint32> id = deviceId(key, error);
    if (!id)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(mConnection));
    q.prepare(QStringLiteral("INSERT INTO device_routes (heard_as, device_id) VALUES (?, ?) "
                             "ON CONFLICT (heard_as) DO UPDATE SET device_id = excluded.device_id"));
    q.addBindValue(heardAs);
    q.addBindValue(*id);
    if (!q.exec()) {
        *error = failure(tr("cannot store %1 as %2").arg(heardAs, key), q.lastError().text());
        return std::nullopt;
    }
    mDevices.insert(heardAs, *id);
    return id;
}

std::optional<quint32> SqliteSensorStore::findDevice(const QString &key, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    // A route wins: the user chose the site this key's readings belong to.
    q.prepare(QStringLiteral("SELECT device_id FROM device_routes WHERE heard_as = ?"));
    q.addBindValue(key);
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    if (q.next())
        return q.value(0).toUInt();
    q.prepare(QStringLiteral(
        "SELECT id, device_key FROM devices WHERE device_key = ? OR device_key LIKE ?"));
    q.addBindValue(key);
    q.addBindValue(QStringLiteral("%/") + key);
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    std::vector<std::pair<quint32, QString>> found;
    while (q.next())
        found.emplace_back(q.value(0).toUInt(), q.value(1).toString());
    for (const auto &[id, fullKey] : found) {
        if (fullKey == key)
            return id;
    }
    if (found.size() == 1)
        return found.front().first;
    *error = found.empty()
        ? tr("%1: no device %2 in this store").arg(QDir::toNativeSeparators(mPath), key)
        : tr("%1: %2 names %3 devices; give county/site/device")
              .arg(QDir::toNativeSeparators(mPath), key)
              .arg(found.size());
    return std::nullopt;
}

std::optional<std::vector<DeviceEntry>> SqliteSensorStore::devices(
    const QString &prefix, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    // substr rather than LIKE: site ids may contain _ and %, LIKE's wildcards.
    q.prepare(
        QStringLiteral("SELECT id, device_key FROM devices WHERE substr(device_key, 1, ?) = ? "
                       "ORDER BY device_key"));
    q.addBindValue(prefix.size());
    q.addBindValue(prefix.isNull() ? QStringLiteral("") : prefix); // a null QString binds NULL
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    std::vector<DeviceEntry> out;
    while (q.next())
        out.push_back({ q.value(0).toUInt(), q.value(1).toString() });
    return out;
}

std::optional<qint64> SqliteSensorStore::newestTimestamp(QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    if (!q.exec(QStringLiteral("SELECT max(t_max) FROM chunks")) || !q.next()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    return q.value(0).isNull() ? 0 : q.value(0).toLongLong();
}

bool SqliteSensorStore::scan(quint32 device, int metric, qint64 from, qint64 to, QString *error,
    const std::function<void(const Reading &)> &visit)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT t_min, data FROM chunks WHERE device_id = ? AND t_max >= ? AND t_min < ?"));
    q.addBindValue(device);
    q.addBindValue(from);
    q.addBindValue(to);
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return false;
    }
    std::vector<Reading> decoded;
    while (q.next()) {
        decoded.clear();
        if (!ChunkCodec::decode(
                q.value(1).toByteArray(), q.value(0).toLongLong(), device, metric, decoded)) {
            *error = failure(
                tr("the store is damaged"), tr("an unreadable chunk of device %1").arg(device));
            return false;
        }
        for (const Reading &r : decoded) {
            if (r.timestamp >= from && r.timestamp < to)
                visit(r);
        }
    }
    return true;
}

std::optional<std::vector<Reading>> SqliteSensorStore::readings(
    quint32 device, int metric, qint64 from, qint64 to, QString *error)
{
    std::vector<Reading> out;
    if (!scan(device, metric, from, to, error, [&](const Reading &r) { out.push_back(r); }))
        return std::nullopt;
    std::sort(out.begin(), out.end(),
        [](const Reading &a, const Reading &b) { return a.timestamp < b.timestamp; });
    return out;
}

std::optional<std::vector<HistoryBucket>> SqliteSensorStore::history(
    quint32 device, int metric, qint64 from, qint64 to, int buckets, QString *error)
{
    if (buckets <= 0 || to <= from) {
        *error = failure(tr("invalid history request"), tr("the range or bucket count is empty"));
        return std::nullopt;
    }
    // Fold every reading into its bucket as it is decoded: nothing per reading is kept.
    const HistoryGrid grid(from, to, buckets);
    std::vector<HistoryBucket> all(static_cast<std::size_t>(grid.count()));
    std::vector<qint64> firstTs(all.size(), std::numeric_limits<qint64>::max());
    std::vector<qint64> lastTs(all.size(), std::numeric_limits<qint64>::min());
    std::vector<double> sums(all.size(), 0.0);
    const bool ok = scan(device, metric, from, to, error, [&](const Reading &r) {
        const auto i = static_cast<std::size_t>(grid.bucketOf(r.timestamp));
        HistoryBucket &b = all[i];
        if (b.count == 0) {
            b.min = b.max = r.value;
        } else {
            b.min = std::min(b.min, r.value);
            b.max = std::max(b.max, r.value);
        }
        if (r.timestamp < firstTs[i]) {
            firstTs[i] = r.timestamp;
            b.first = r.value;
        }
        if (r.timestamp > lastTs[i]) {
            lastTs[i] = r.timestamp;
            b.last = r.value;
        }
        sums[i] += r.value;
        ++b.count;
    });
    if (!ok)
        return std::nullopt;
    std::vector<HistoryBucket> out;
    out.reserve(all.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i].count == 0)
            continue;
        all[i].start = grid.startOf(int(i));
        all[i].mean = sums[i] / all[i].count;
        out.push_back(all[i]);
    }
    return out;
}

std::optional<int> SqliteSensorStore::compact(qint64 olderThan, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT device_id FROM chunks WHERE t_max < ? GROUP BY device_id "
                             "HAVING count(*) > 1"));
    q.addBindValue(olderThan);
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    std::vector<quint32> devices;
    while (q.next())
        devices.push_back(q.value(0).toUInt());
    constexpr qint64 kDay = 24LL * 3600 * 1000;
    int removed = 0;
    // One transaction per device: an interruption leaves every device either as it was or
    // fully merged, never with readings in both the old and the new chunks.
    for (quint32 device : devices) {
        if (const QSqlError begun = SqliteConnection::beginWrite(db); begun.isValid()) {
            *error = failure(tr("cannot write to the store"), begun.text());
            return std::nullopt;
        }
        QSqlQuery select(db);
        select.setForwardOnly(true);
        select.prepare(QStringLiteral(
            "SELECT rowid, t_min, data FROM chunks WHERE device_id = ? AND t_max < ?"));
        select.addBindValue(device);
        select.addBindValue(olderThan);
        std::vector<Reading> all;
        std::vector<qint64> rowids;
        bool ok = select.exec();
        while (ok && select.next()) {
            rowids.push_back(select.value(0).toLongLong());
            ok = ChunkCodec::decode(
                select.value(2).toByteArray(), select.value(1).toLongLong(), device, -1, all);
        }
        if (!ok) {
            db.rollback();
            *error = failure(tr("cannot compact the store"), select.lastError().text());
            return std::nullopt;
        }
        std::sort(all.begin(), all.end(), [](const Reading &a, const Reading &b) {
            const qint64 da = a.timestamp / kDay, db = b.timestamp / kDay;
            if (da != db)
                return da < db;
            if (a.metric != b.metric)
                return a.metric < b.metric;
            return a.timestamp < b.timestamp;
        });
        QSqlQuery work(db);
        work.prepare(QStringLiteral("DELETE FROM chunks WHERE rowid = ?"));
        for (qint64 rowid : rowids) {
            work.bindValue(0, rowid);
            ok = ok && work.exec();
        }
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral(
            "INSERT INTO chunks (device_id, t_min, t_max, n, data) VALUES (?, ?, ?, ?, ?)"));
        int written = 0;
        for (std::size_t begin = 0; ok && begin < all.size();) {
            const qint64 day = all[begin].timestamp / kDay;
            std::size_t end = begin;
            qint64 tMin = all[begin].timestamp, tMax = tMin;
            while (end < all.size() && all[end].timestamp / kDay == day) {
                tMin = std::min(tMin, all[end].timestamp);
                tMax = std::max(tMax, all[end].timestamp);
                ++end;
            }
            insert.bindValue(0, device);
            insert.bindValue(1, tMin);
            insert.bindValue(2, tMax);
            insert.bindValue(3, static_cast<int>(end - begin));
            insert.bindValue(4, ChunkCodec::encode(all.data() + begin, all.data() + end, tMin));
            ok = insert.exec();
            ++written;
            begin = end;
        }
        if (!ok || !db.commit()) {
            const QString detail
                = work.lastError().isValid() ? work.lastError().text() : insert.lastError().text();
            db.rollback();
            *error = failure(tr("cannot compact the store"), detail);
            return std::nullopt;
        }
        removed += static_cast<int>(rowids.size()) - written;
    }
    return removed;
}

} // namespace dv
