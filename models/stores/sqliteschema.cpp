// Versioned tables in the dashboard's SQLite file: one migration routine for every part of it.
#include "sqliteschema.h"

#include "sqliteconnection.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace dv {

SqliteSchema::SqliteSchema(QString versionTable, QString part, std::vector<QStringList> steps)
    : mVersionTable(std::move(versionTable))
    , mPart(std::move(part))
    , mSteps(std::move(steps))
{
}

bool SqliteSchema::migrate(
    const QString &connection, const QString &path, int *version, QString *error) const
{
    if (SqliteConnection::isReadOnly(connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(connection);
            if (!readStoredVersion(db, path, version, error))
                return false;
        }
        if (*version == newestVersion())
            return true;
        if (*version > newestVersion())
            return refuseNewer(path, *version, error);
        // An older part is brought up to date where the store may be written (a read command
        // on the user's own store did so before); an archive that may not be, cannot be read.
        if (!SqliteConnection::mayWrite(path)) {
            if (*version == 0)
                return createEmptyPart(connection, path, version, error);
            *error = SqliteConnection::failure(path,
                tr("the %1 are of an older version, and a read-only store cannot be upgraded")
                    .arg(mPart),
                tr("schema %1, this program reads %2").arg(*version).arg(newestVersion()));
            return false;
        }
        SqliteConnection::close(connection);
        if (!SqliteConnection::open(connection, path, error))
            return false;
    }
    QSqlDatabase db = QSqlDatabase::database(connection);
    if (!readVersion(db, path, version, error))
        return false;
    if (*version == newestVersion())
        return true; // the usual case: no lock taken
    if (*version > newestVersion())
        return refuseNewer(path, *version, error);
    // Two connections may meet a new file at once (the writer's alert engine and the window's
    // reader). BEGIN IMMEDIATE takes the write lock before the version is read again, so the
    // second waits and then finds the migration done instead of repeating its steps.
    const QString failed = tr("cannot migrate the %1").arg(mPart);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *error = SqliteConnection::failure(path, failed, q.lastError().text());
        return false;
    }
    auto abandon = [&](const QString &detail) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        *error = SqliteConnection::failure(path, failed, detail);
        return false;
    };
    q.finish();
    if (!readVersion(db, path, version, error)) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    if (*version > newestVersion()) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return refuseNewer(path, *version, error);
    }
    int reached = *version;
    for (int next = reached + 1; next <= newestVersion(); ++next) {
        for (const QString &sql : mSteps[std::size_t(next - 1)]) {
            if (!q.exec(sql))
                return abandon(q.lastError().text());
        }
        if (!q.exec(QStringLiteral("INSERT INTO %1 VALUES (%2)").arg(mVersionTable).arg(next)))
            return abandon(q.lastError().text());
        reached = next;
    }
    q.finish();
    if (!q.exec(QStringLiteral("COMMIT")))
        return abandon(q.lastError().text());
    *version = reached;
    return true;
}

bool SqliteSchema::readVersion(
    QSqlDatabase &db, const QString &path, int *version, QString *error) const
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (version INTEGER NOT NULL)")
                    .arg(mVersionTable))
        || !q.exec(QStringLiteral("SELECT max(version) FROM %1").arg(mVersionTable)) || !q.next()) {
        *error = SqliteConnection::failure(
            path, tr("cannot read the schema version of the %1").arg(mPart), q.lastError().text());
        return false;
    }
    *version = q.value(0).isNull() ? 0 : q.value(0).toInt();
    return true; // q goes now: a statement left open would block the migration's commit
}

bool SqliteSchema::readStoredVersion(
    QSqlDatabase &db, const QString &path, int *version, QString *error) const
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"));
    q.addBindValue(mVersionTable);
    if (!q.exec() || !q.next()) {
        *error = SqliteConnection::failure(
            path, tr("cannot read the schema version of the %1").arg(mPart), q.lastError().text());
        return false;
    }
    if (q.value(0).toInt() == 0) {
        *version = 0;
        return true;
    }
    if (!q.exec(QStringLiteral("SELECT max(version) FROM %1").arg(mVersionTable)) || !q.next()) {
        *error = SqliteConnection::failure(
            path, tr("cannot read the schema version of the %1").arg(mPart), q.lastError().text());
        return false;
    }
    *version = q.value(0).isNull() ? 0 : q.value(0).toInt();
    return true;
}

bool SqliteSchema::createEmptyPart(
    const QString &connection, const QString &path, int *version, QString *error) const
{
    // A read-only store without this part (an archive of readings only) reads as holding none
    // of it: the tables are made empty in the connection's own TEMP schema, never in the file.
    QSqlDatabase db = QSqlDatabase::database(connection);
    QSqlQuery q(db);
    for (const QStringList &step : mSteps) {
        for (QString sql : step) {
            if (sql.startsWith(QLatin1String("CREATE TABLE ")))
                sql.replace(0, 13, QStringLiteral("CREATE TEMP TABLE "));
            if (!q.exec(sql)) {
                *error = SqliteConnection::failure(path,
                    tr("cannot read the %1 of the read-only store").arg(mPart),
                    q.lastError().text());
                return false;
            }
        }
    }
    *version = newestVersion();
    return true;
}

bool SqliteSchema::refuseNewer(const QString &path, int version, QString *error) const
{
    *error = SqliteConnection::failure(path, tr("the %1 were written by a newer dvdash").arg(mPart),
        tr("schema %1, this program knows up to %2").arg(version).arg(newestVersion()));
    return false;
}

} // namespace dv
