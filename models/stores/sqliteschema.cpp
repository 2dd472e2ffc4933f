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
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (version INTEGER NOT NULL)")
                    .arg(mVersionTable))
        || !q.exec(QStringLiteral("SELECT max(version) FROM %1").arg(mVersionTable)) || !q.next()) {
        *error = SqliteConnection::failure(
            path, tr("cannot read the schema version of the %1").arg(mPart), q.lastError().text());
        return false;
    }
    *version = q.value(0).isNull() ? 0 : q.value(0).toInt();
    q.finish(); // a statement still open would block the migration's commit
    if (*version > newestVersion()) {
        *error = SqliteConnection::failure(path,
            tr("the %1 were written by a newer dvdash").arg(mPart),
            tr("schema %1, this program knows up to %2").arg(*version).arg(newestVersion()));
        return false;
    }
    for (int next = *version + 1; next <= newestVersion(); ++next) {
        const QString failed = tr("cannot migrate the %1").arg(mPart);
        if (!db.transaction()) {
            *error = SqliteConnection::failure(path, failed, db.lastError().text());
            return false;
        }
        bool ok = true;
        for (const QString &sql : mSteps[std::size_t(next - 1)])
            ok = ok && q.exec(sql);
        ok = ok
            && q.exec(QStringLiteral("INSERT INTO %1 VALUES (%2)").arg(mVersionTable).arg(next));
        if (!ok || !db.commit()) {
            const QString detail
                = q.lastError().isValid() ? q.lastError().text() : db.lastError().text();
            db.rollback();
            *error = SqliteConnection::failure(path, failed, detail);
            return false;
        }
        *version = next;
    }
    return true;
}

} // namespace dv
