// The embedded site registry: types, sites, their revisions and devices in the dvdash SQLite file.
#include "sqlitesitestore.h"

#include "sqliteconnection.h"
#include "sqliteschema.h"

#include "sitejson.h"
#include "sitestorecheck.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace dv {

namespace {

const char *kSiteColumns = "id, type, name, county_code, township, lon, lat, attributes, contact, "
                           "status, source";

QVariant real(double v)
{
    return std::isfinite(v) ? QVariant(v) : QVariant(QMetaType(QMetaType::Double));
}

QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

Site siteFromRow(const QSqlQuery &q)
{
    Site s;
    s.id = q.value(0).toString();
    s.type = q.value(1).toString();
    s.name = q.value(2).toString();
    s.county = q.value(3).toString();
    s.township = q.value(4).toString();
    if (!q.value(5).isNull() && !q.value(6).isNull()) {
        s.lon = q.value(5).toDouble();
        s.lat = q.value(6).toDouble();
    }
    s.attributes = QJsonDocument::fromJson(q.value(7).toByteArray()).object().toVariantMap();
    s.contact = q.value(8).toString();
    s.status = Site::statusFromKey(q.value(9).toString()).value_or(Site::Status::Active);
    s.source = Site::sourceFromKey(q.value(10).toString()).value_or(Site::Source::Entered);
    return s;
}

QDateTime utc(const QVariant &ms)
{
    return ms.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC);
}

} // namespace

SqliteSiteStore::SqliteSiteStore(const QString &path, StoreAccess access)
    : mPath(path)
    , mAccess(access)
    , mConnection(SqliteConnection::uniqueName(QStringLiteral("dvdash-sites-")))
{
}

SqliteSiteStore::~SqliteSiteStore()
{
    SqliteConnection::close(mConnection);
}

QString SqliteSiteStore::failure(const QString &what, const QString &detail) const
{
    return SqliteConnection::failure(mPath, what, detail);
}

bool SqliteSiteStore::open(QString *error)
{
    return SqliteConnection::open(mConnection, mPath, error, mAccess) && migrate(error);
}

bool SqliteSiteStore::migrate(QString *error)
{
    static const SqliteSchema schema(QStringLiteral("site_schema_version"), tr("sites"),
        {
            {
                QStringLiteral(
                    "CREATE TABLE site_types (id TEXT PRIMARY KEY, name_zh TEXT NOT "
                    "NULL, name_en TEXT NOT NULL, icon TEXT NOT NULL, numeric_attributes "
                    "TEXT NOT NULL, text_attributes TEXT NOT NULL)"),
                QStringLiteral("CREATE TABLE site_revisions (id INTEGER PRIMARY KEY, created_ms "
                               "INTEGER NOT NULL, kind TEXT NOT NULL, source TEXT NOT NULL, "
                               "restored_from INTEGER, site_count INTEGER NOT NULL)"),
                QStringLiteral("CREATE TABLE site_history (revision_id INTEGER NOT NULL "
                               "REFERENCES site_revisions(id), site_id TEXT NOT NULL, data TEXT "
                               "NOT NULL, PRIMARY KEY (revision_id, site_id)) WITHOUT ROWID"),
                QStringLiteral("CREATE TABLE sites (id TEXT PRIMARY KEY, type TEXT NOT NULL, name "
                               "TEXT NOT NULL, county_code TEXT NOT NULL, township TEXT NOT NULL, "
                               "lon REAL, lat REAL, attributes TEXT NOT NULL, contact TEXT NOT "
                               "NULL, status TEXT NOT NULL, source TEXT NOT NULL, revision_id "
                               "INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX sites_by_county ON sites (county_code, type)"),
                QStringLiteral("CREATE TABLE site_devices (site_id TEXT NOT NULL, device_id TEXT "
                               "NOT NULL, metrics TEXT NOT NULL, installed_ms INTEGER NOT NULL, "
                               "retired_ms INTEGER, PRIMARY KEY (site_id, device_id)) "
                               "WITHOUT ROWID"),
                QStringLiteral("CREATE TABLE site_generation (value INTEGER NOT NULL)"),
                QStringLiteral("INSERT INTO site_generation VALUES (0)"),
            },
        });
    static_assert(kSchemaVersion == 1, "add the new version's step to the schema above");
    return schema.migrate(mConnection, mPath, &mSchemaVersion, error);
}

bool SqliteSiteStore::bumpGeneration(QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    if (!q.exec(QStringLiteral("UPDATE site_generation SET value = value + 1"))) {
        *error = failure(tr("cannot write to the store"), q.lastError().text());
        return false;
    }
    return true;
}

std::optional<std::vector<SiteType>> SqliteSiteStore::types(QString *error)
{
    std::vector<SiteType> out = SiteType::builtIns();
    QSqlQuery q(QSqlDatabase::database(mConnection));
    if (!q.exec(QStringLiteral("SELECT id, name_zh, name_en, icon, numeric_attributes, "
                               "text_attributes FROM site_types ORDER BY rowid"))) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    while (q.next()) {
        SiteType t;
        t.id = q.value(0).toString();
        t.nameZh = q.value(1).toString();
        t.nameEn = q.value(2).toString();
        t.icon = q.value(3).toString();
        t.numericAttributes = q.value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        t.textAttributes = q.value(5).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        t.builtIn = false;
        out.push_back(t);
    }
    return out;
}

bool SqliteSiteStore::addType(const SiteType &type, QString *error)
{
    if (const QString malformed = SiteStoreCheck::typeForm(type); !malformed.isEmpty()) {
        *error = failure(tr("cannot add the site type"), malformed);
        return false;
    }
    const auto known = types(error);
    if (!known)
        return false;
    if (const QString taken = SiteStoreCheck::typeTaken(type, *known); !taken.isEmpty()) {
        *error = failure(tr("cannot add the site type"), taken);
        return false;
    }
    QSqlQuery q(QSqlDatabase::database(mConnection));
    q.prepare(QStringLiteral("INSERT INTO site_types (id, name_zh, name_en, icon, "
                             "numeric_attributes, text_attributes) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(type.id);
    q.addBindValue(type.nameZh.trimmed());
    q.addBindValue(text(type.nameEn.trimmed()));
    q.addBindValue(SiteType::icons().contains(type.icon) ? type.icon : QStringLiteral("pin"));
    // An empty list joins to a null string, which the NOT NULL columns refuse.
    q.addBindValue(text(type.numericAttributes.join(QLatin1Char(','))));
    q.addBindValue(text(type.textAttributes.join(QLatin1Char(','))));
    if (!q.exec()) {
        *error = failure(tr("cannot add the site type"), q.lastError().text());
        return false;
    }
    return bumpGeneration(error);
}

std::optional<std::vector<Site>> SqliteSiteStore::sites(const SiteFilter &filter, QString *error)
{
    QStringList where { QStringLiteral("1") };
    QVariantList values;
    if (!filter.county.isEmpty()) {
        where << QStringLiteral("county_code = ?");
        values << filter.county;
    }
    if (!filter.type.isEmpty()) {
        where << QStringLiteral("type = ?");
        values << filter.type;
    }
    if (!filter.includeRetired)
        where << QStringLiteral("status = 'active'");
    return readSites(where.join(QStringLiteral(" AND ")), values, error);
}

std::optional<std::vector<Site>> SqliteSiteStore::readSites(
    const QString &where, const QVariantList &values, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM sites WHERE %2 ORDER BY id")
                  .arg(QLatin1String(kSiteColumns), where));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    std::vector<Site> out;
    QHash<QString, int> index;
    while (q.next()) {
        index.insert(q.value(0).toString(), int(out.size()));
        out.push_back(siteFromRow(q));
    }
    QSqlQuery d(db);
    d.setForwardOnly(true);
    d.prepare(QStringLiteral("SELECT site_id, device_id, metrics, installed_ms, retired_ms FROM "
                             "site_devices WHERE site_id IN (SELECT id FROM sites WHERE %1) "
                             "ORDER BY site_id, device_id")
                  .arg(where));
    for (const QVariant &v : values)
        d.addBindValue(v);
    if (!d.exec()) {
        *error = failure(tr("cannot read the store"), d.lastError().text());
        return std::nullopt;
    }
    while (d.next()) {
        const auto it = index.constFind(d.value(0).toString());
        if (it == index.constEnd())
            continue;
        out[std::size_t(*it)].devices.push_back({ d.value(1).toString(),
            d.value(2).toString().split(QLatin1Char(','), Qt::SkipEmptyParts), utc(d.value(3)),
            utc(d.value(4)) });
    }
    return out;
}

std::optional<std::optional<Site>> SqliteSiteStore::site(const QString &id, QString *error)
{
    // One site by its key: the alert engine asks this for every device it starts with.
    const auto found = readSites(QStringLiteral("id = ?"), { id }, error);
    if (!found)
        return std::nullopt;
    if (found->empty())
        return std::optional<Site>();
    return std::optional<Site>(found->front());
}

std::optional<QHash<QString, QString>> SqliteSiteStore::siteTypes(QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, type FROM sites WHERE status = 'active'"))) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    QHash<QString, QString> out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toString());
    return out;
}

std::optional<qint64> SqliteSiteStore::generation(QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    if (!q.exec(QStringLiteral("SELECT value FROM site_generation")) || !q.next()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    return q.value(0).toLongLong();
}

std::optional<bool> SqliteSiteStore::hasRealSites(QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    q.prepare(QStringLiteral("SELECT 1 FROM sites WHERE type <> ? AND source <> 'sample' LIMIT 1"));
    q.addBindValue(SiteType::unknownId());
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    return q.next();
}

std::optional<qint64> SqliteSiteStore::writeRevision(SiteRevision::Kind kind, const QString &source,
    qint64 restoredFrom, const std::vector<Site> &sites, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    if (const QSqlError begun = SqliteConnection::beginWrite(db); begun.isValid()) {
        *error = failure(tr("cannot write to the store"), begun.text());
        return std::nullopt;
    }
    auto fail = [&](const QSqlQuery &q) -> std::optional<qint64> {
        const QString detail = q.lastError().text();
        db.rollback();
        *error = failure(tr("cannot write to the store"), detail);
        return std::nullopt;
    };
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO site_revisions (created_ms, kind, source, "
                             "restored_from, site_count) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(SiteRevision::kindKey(kind));
    q.addBindValue(text(source));
    q.addBindValue(
        restoredFrom > 0 ? QVariant(restoredFrom) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(int(sites.size()));
    if (!q.exec())
        return fail(q);
    const qint64 revision = q.lastInsertId().toLongLong();
    QSqlQuery history(db), current(db);
    if (!history.prepare(QStringLiteral(
            "INSERT INTO site_history (revision_id, site_id, data) VALUES (?, ?, ?)")))
        return fail(history);
    if (!current.prepare(QStringLiteral("INSERT OR REPLACE INTO sites (%1, revision_id) VALUES "
                                        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                             .arg(QLatin1String(kSiteColumns))))
        return fail(current);
    for (const Site &s : sites) {
        history.bindValue(0, revision);
        history.bindValue(1, s.id);
        history.bindValue(2, QString::fromUtf8(SiteJson::write(s)));
        if (!history.exec())
            return fail(history);
        current.bindValue(0, s.id);
        current.bindValue(1, s.type);
        current.bindValue(2, text(s.name));
        current.bindValue(3, text(s.county));
        current.bindValue(4, text(s.township));
        current.bindValue(5, real(s.lon));
        current.bindValue(6, real(s.lat));
        current.bindValue(7,
            QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(s.attributes))
                                  .toJson(QJsonDocument::Compact)));
        current.bindValue(8, text(s.contact));
        current.bindValue(9, Site::statusKey(s.status));
        current.bindValue(10, Site::sourceKey(s.source));
        current.bindValue(11, revision);
        if (!current.exec())
            return fail(current);
    }
    if (!q.exec(QStringLiteral("UPDATE site_generation SET value = value + 1")))
        return fail(q);
    if (!db.commit()) {
        const QString detail = db.lastError().text();
        db.rollback();
        *error = failure(tr("cannot write to the store"), detail);
        return std::nullopt;
    }
    return revision;
}

std::optional<qint64> SqliteSiteStore::saveSites(
    const std::vector<Site> &sites, SiteRevision::Kind kind, const QString &source, QString *error)
{
    const auto known = types(error);
    if (!known)
        return std::nullopt;
    if (const QString refused = SiteStoreCheck::sites(sites, *known); !refused.isEmpty()) {
        *error = failure(tr("nothing saved"), refused);
        return std::nullopt;
    }
    return writeRevision(kind, source, 0, sites, error);
}

std::optional<std::vector<SiteRevision>> SqliteSiteStore::revisions(QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    if (!q.exec(QStringLiteral("SELECT id, created_ms, kind, source, restored_from, site_count "
                               "FROM site_revisions ORDER BY id DESC"))) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    std::vector<SiteRevision> out;
    while (q.next()) {
        SiteRevision r;
        r.id = q.value(0).toLongLong();
        r.created = utc(q.value(1));
        const QString kind = q.value(2).toString();
        r.kind = kind == QLatin1String("edit") ? SiteRevision::Kind::Edit
            : kind == QLatin1String("restore") ? SiteRevision::Kind::Restore
                                               : SiteRevision::Kind::Import;
        r.source = q.value(3).toString();
        r.restoredFrom = q.value(4).toLongLong();
        r.siteCount = q.value(5).toInt();
        out.push_back(r);
    }
    return out;
}

std::optional<qint64> SqliteSiteStore::restoreRevision(qint64 id, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT 1 FROM site_revisions WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next()) {
        *error = failure(tr("cannot restore"), tr("there is no revision %1").arg(id));
        return std::nullopt;
    }
    QHash<QString, QByteArray> past; // site id -> its newest version up to id
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT site_id, data FROM site_history WHERE revision_id <= ? "
                             "ORDER BY revision_id"));
    q.addBindValue(id);
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    while (q.next())
        past.insert(q.value(0).toString(), q.value(1).toByteArray());
    SiteFilter all;
    all.includeRetired = true;
    const auto now = sites(all, error);
    if (!now)
        return std::nullopt;
    std::vector<Site> changed;
    for (const Site &s : *now) {
        Site plain = s;
        plain.devices.clear();
        const auto it = past.constFind(s.id);
        if (it == past.constEnd()) {
            // Added since: retired, so its devices' readings keep a site to belong to.
            if (plain.isActive()) {
                plain.status = Site::Status::Retired;
                changed.push_back(plain);
            }
        } else if (*it != SiteJson::write(plain)) {
            changed.push_back(SiteJson::read(*it));
        }
    }
    return writeRevision(
        SiteRevision::Kind::Restore, tr("state after revision %1").arg(id), id, changed, error);
}

std::optional<bool> SqliteSiteStore::noteDevice(const QString &siteId, const QString &countyCode,
    const QString &deviceId, const QString &metric, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT metrics FROM site_devices WHERE site_id = ? AND device_id = ?"));
    q.addBindValue(siteId);
    q.addBindValue(deviceId);
    if (!q.exec()) {
        *error = failure(tr("cannot read the store"), q.lastError().text());
        return std::nullopt;
    }
    if (q.next()) {
        QStringList metrics = q.value(0).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (metric.isEmpty() || metrics.contains(metric))
            return false;
        metrics << metric;
        q.finish();
        q.prepare(QStringLiteral(
            "UPDATE site_devices SET metrics = ? WHERE site_id = ? AND device_id = ?"));
        q.addBindValue(metrics.join(QLatin1Char(',')));
        q.addBindValue(siteId);
        q.addBindValue(deviceId);
        if (!q.exec() || !bumpGeneration(error)) {
            if (error->isEmpty())
                *error = failure(tr("cannot write to the store"), q.lastError().text());
            return std::nullopt;
        }
        return true;
    }
    q.finish();
    const auto known = site(siteId, error);
    if (!known)
        return std::nullopt;
    if (!*known) {
        // Not registered: kept under a site of unknown type until the office registers it.
        Site s;
        s.id = siteId;
        s.type = SiteType::unknownId();
        s.name = siteId;
        s.county = countyCode;
        s.source = Site::Source::Entered;
        if (!writeRevision(SiteRevision::Kind::Edit,
                tr("device %1/%2 accepted").arg(siteId, deviceId), 0, { s }, error))
            return std::nullopt;
    }
    q.prepare(QStringLiteral("INSERT INTO site_devices (site_id, device_id, metrics, "
                             "installed_ms, retired_ms) VALUES (?, ?, ?, ?, NULL)"));
    q.addBindValue(siteId);
    q.addBindValue(deviceId);
    q.addBindValue(text(metric));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        *error = failure(tr("cannot write to the store"), q.lastError().text());
        return std::nullopt;
    }
    if (!bumpGeneration(error))
        return std::nullopt;
    return true;
}

bool SqliteSiteStore::retireDevice(const QString &siteId, const QString &deviceId, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    q.prepare(QStringLiteral("UPDATE site_devices SET retired_ms = ? WHERE site_id = ? AND "
                             "device_id = ? AND retired_ms IS NULL"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(siteId);
    q.addBindValue(deviceId);
    if (!q.exec()) {
        *error = failure(tr("cannot write to the store"), q.lastError().text());
        return false;
    }
    if (q.numRowsAffected() < 1) {
        *error = failure(tr("cannot retire the device"),
            tr("no device %1 in service at site %2").arg(deviceId, siteId));
        return false;
    }
    return bumpGeneration(error);
}

std::optional<int> SqliteSiteStore::noteMetrics(
    const std::vector<DeviceMetric> &metrics, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    if (const QSqlError begun = SqliteConnection::beginWrite(db); begun.isValid()) {
        *error = failure(tr("cannot write to the store"), begun.text());
        return std::nullopt;
    }
    QSqlQuery read(db), write(db);
    read.prepare(
        QStringLiteral("SELECT metrics FROM site_devices WHERE site_id = ? AND device_id = ?"));
    write.prepare(
        QStringLiteral("UPDATE site_devices SET metrics = ? WHERE site_id = ? AND device_id = ?"));
    auto fail = [&](const QSqlQuery &q) -> std::optional<int> {
        const QString detail = q.lastError().text();
        db.rollback();
        *error = failure(tr("cannot write to the store"), detail);
        return std::nullopt;
    };
    int added = 0;
    for (const DeviceMetric &m : metrics) {
        read.addBindValue(m.siteId);
        read.addBindValue(m.deviceId);
        if (!read.exec())
            return fail(read);
        if (!read.next())
            continue;
        QStringList known = read.value(0).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        read.finish();
        if (m.metric.isEmpty() || known.contains(m.metric))
            continue;
        known << m.metric;
        write.addBindValue(known.join(QLatin1Char(',')));
        write.addBindValue(m.siteId);
        write.addBindValue(m.deviceId);
        if (!write.exec())
            return fail(write);
        ++added;
    }
    QSqlQuery bump(db);
    if (added > 0 && !bump.exec(QStringLiteral("UPDATE site_generation SET value = value + 1")))
        return fail(bump);
    if (!db.commit()) {
        const QString detail = db.lastError().text();
        db.rollback();
        *error = failure(tr("cannot write to the store"), detail);
        return std::nullopt;
    }
    return added;
}

} // namespace dv
