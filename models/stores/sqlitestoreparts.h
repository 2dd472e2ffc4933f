// The versioned parts of the dashboard's SQLite file, and the newest of each this program knows.
#pragma once

#include <QCoreApplication>
#include <QString>

class QSqlDatabase;

namespace dv {

// Each part (sensor readings, alerts, indicators, sites) migrates alone (SqliteSchema), but a
// file is written by one program: if any part was written by a newer dvdash, or is a part this
// dvdash does not know, the whole file is refused before anything in it is touched. Otherwise
// an older program would go on inserting readings beside alert tables it misreads.
class SqliteStoreParts {
    Q_DECLARE_TR_FUNCTIONS(dv::SqliteStoreParts)
public:
    // Reads the version tables on db (open on path, read-only will do). false and *error naming
    // the part and both versions when the file is newer than this program.
    static bool refuseNewer(QSqlDatabase &db, const QString &path, QString *error);
};

} // namespace dv
