// Versioned tables in the dashboard's SQLite file: one migration routine for every part of it.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

class QSqlDatabase;

namespace dv {

// The sensor, alert and indicator tables share one file but each part has a version table of
// its own, so each migrates alone. The steps run in one transaction: an interrupted or failed
// migration leaves the version the file had. A part written by a newer dvdash
// is refused and not touched.
class SqliteSchema {
    Q_DECLARE_TR_FUNCTIONS(dv::SqliteSchema)
public:
    // versionTable: "schema_version", "alert_schema_version", ...; part: what the tables hold,
    // as users read it in a message ("sensor readings"); steps[i] brings version i to i + 1.
    SqliteSchema(QString versionTable, QString part, std::vector<QStringList> steps);

    int newestVersion() const { return static_cast<int>(mSteps.size()); }

    // Brings the part on the open connection to newestVersion(). *version is the version the
    // tables have afterwards (also when refused or failed). Errors name path. On a read-only
    // connection an up-to-date part is only read; an older one is migrated after reopening
    // the connection for writing where the file may be written, else refused; a part the
    // read-only file does not hold at all reads as empty.
    bool migrate(
        const QString &connection, const QString &path, int *version, QString *error) const;

private:
    bool readVersion(QSqlDatabase &db, const QString &path, int *version, QString *error) const;
    // The same without creating the version table: for a read-only connection.
    bool readStoredVersion(
        QSqlDatabase &db, const QString &path, int *version, QString *error) const;
    bool createEmptyPart(
        const QString &connection, const QString &path, int *version, QString *error) const;
    bool refuseNewer(const QString &path, int version, QString *error) const;

    QString mVersionTable;
    QString mPart;
    std::vector<QStringList> mSteps;
};

} // namespace dv
