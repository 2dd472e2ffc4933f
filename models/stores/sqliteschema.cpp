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

bool SqliteSchema::refuseNewer(const QString &path, int version, QString *error) const
{
    *error = SqliteConnection::failure(path, tr("the %1 were written by a newer dvdash").arg(mPart),
        tr("schema %1, this program knows up to %2").arg(version).arg(newestVersion()));
    return false;
}

} // namespace dv
