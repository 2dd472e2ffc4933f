// Versioned tables in the dashboard's SQLite file: one migration routine for every part of it.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

namespace dv {

// The sensor, alert and indicator tables share one file but each part has a version table of
// its own, so each migrates alone. Steps run one version at a time, each in a transaction: an
// interrupted migration leaves the previous version intact. A part written by a newer dvdash
// is refused and not touched.
class SqliteSchema {
    Q_DECLARE_TR_FUNCTIONS(dv::SqliteSchema)
public:
    // versionTable: "schema_version", "alert_schema_version", ...; part: what the tables hold,
    // as users read it in a message ("sensor readings"); steps[i] brings version i to i + 1.
    SqliteSchema(QString versionTable, QString part, std::vector<QStringList> steps);

    int newestVersion() const { return static_cast<int>(mSteps.size()); }

    // Brings the part on the open connection to newestVersion(). *version is the version the
    // tables have afterwards (also when refused or failed). Errors name path.
    bool migrate(
        const QString &connection, const QString &path, int *version, QString *error) const;

private:
    QString mVersionTable;
    QString mPart;
    std::vector<QStringList> mSteps;
};

} // namespace dv
