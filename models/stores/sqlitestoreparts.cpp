// The versioned parts of the dashboard's SQLite file, and the newest of each this program knows.
#include "sqlitestoreparts.h"

#include "sqlitealertstore.h"
#include "sqliteconnection.h"
#include "sqliteindicatorstore.h"
#include "sqlitesensorstore.h"
#include "sqlitesitestore.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace dv {

namespace {

struct Part {
    const char *versionTable;
    const char *name; // as SqliteSchema's part names it
    int newest;
};

// Every store's version table: a part added to the file is added here.
const Part kParts[] = {
    { "schema_version", QT_TRANSLATE_NOOP("dv::SqliteStoreParts", "sensor readings"),
        SqliteSensorStore::kSchemaVersion },
    { "alert_schema_version", QT_TRANSLATE_NOOP("dv::SqliteStoreParts", "alerts"),
        SqliteAlertStore::kSchemaVersion },
    { "indicator_schema_version", QT_TRANSLATE_NOOP("dv::SqliteStoreParts", "county indicators"),
        SqliteIndicatorStore::kSchemaVersion },
    { "site_schema_version", QT_TRANSLATE_NOOP("dv::SqliteStoreParts", "sites"),
        SqliteSiteStore::kSchemaVersion },
};

} // namespace

bool SqliteStoreParts::refuseNewer(QSqlDatabase &db, const QString &path, QString *error)
{
    QSqlQuery tables(db);
    if (!tables.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                    "name LIKE '%schema_version'"))) {
        *error = SqliteConnection::failure(
            path, tr("cannot read the store's versions"), tables.lastError().text());
        return false;
    }
    QStringList names;
    while (tables.next())
        names << tables.value(0).toString();
    tables.finish();
    for (const QString &table : names) {
        QSqlQuery q(db);
        // The table name comes from the file: quoted, never trusted as SQL.
        QString quoted = table;
        quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
        if (!q.exec(QStringLiteral("SELECT max(version) FROM \"%1\"").arg(quoted)) || !q.next()) {
            *error = SqliteConnection::failure(
                path, tr("cannot read the store's versions"), q.lastError().text());
            return false;
        }
        const int version = q.value(0).toInt();
        const Part *known = nullptr;
        for (const Part &p : kParts) {
            if (table == QLatin1String(p.versionTable))
                known = &p;
        }
        if (!known) {
            *error = SqliteConnection::failure(path,
                tr("the store holds a part this dvdash does not know; it was written by a newer "
                   "dvdash and is left untouched"),
                tr("%1, schema %2").arg(table).arg(version));
            return false;
        }
        if (version > known->newest) {
            *error = SqliteConnection::failure(path,
                tr("the %1 were written by a newer dvdash; the store is left untouched")
                    .arg(tr(known->name)),
                tr("schema %1, this program knows up to %2").arg(version).arg(known->newest));
            return false;
        }
    }
    return true;
}

} // namespace dv
