// Versioned tables on the shared server: one migration routine for every part of the store.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

namespace dv {

class PostgresConnection;

// Each part of the store (access, readings, alerts, indicators, sites) keeps its version in
// dvdash_schema (part, version). Steps run in one transaction under an advisory lock, so two
// dashboards meeting an empty database migrate it once. A part newer than this program is
// refused, not touched; a role that may not change the schema (a county official, a collector)
// is told to ask for `dvdash admin init-postgres` instead of failing on a missing table.
class PostgresSchema {
    Q_DECLARE_TR_FUNCTIONS(dv::PostgresSchema)
public:
    // part: "readings"; what: for messages ("sensor readings"); steps[i] brings version i to i+1.
    PostgresSchema(QString part, QString what, std::vector<QStringList> steps);

    int newestVersion() const { return int(mSteps.size()); }
    // Brings the part up to date (or checks it is, on a read-only connection); *version gets
    // the version found or reached.
    bool migrate(PostgresConnection &connection, int *version, QString *error) const;
    // The version stored, 0 when the part (or the whole schema) is absent.
    static bool storedVersion(
        PostgresConnection &connection, const QString &part, int *version, QString *error);

private:
    QString mPart;
    QString mWhat;
    std::vector<QStringList> mSteps;
};

} // namespace dv
