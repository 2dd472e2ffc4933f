// Versioned tables on the shared server: one migration routine for every part of the store.
#include "postgresschema.h"

#include "postgresconnection.h"

namespace dv {

namespace {

// Taken by every migration, so two programs meeting an empty database do the work once.
const char *const kMigrationLock = "SELECT pg_advisory_xact_lock(hashtext('dvdash schema'))";
const char *const kNoPrivilege = "42501";

} // namespace

PostgresSchema::PostgresSchema(QString part, QString what, std::vector<QStringList> steps)
    : mPart(std::move(part))
    , mWhat(std::move(what))
    , mSteps(std::move(steps))
{
}

bool PostgresSchema::storedVersion(
    PostgresConnection &connection, const QString &part, int *version, QString *error)
{
    const auto found = connection.exec(
        QStringLiteral("SELECT CASE WHEN to_regclass('dvdash_schema') IS NULL THEN NULL ELSE 1 END"),
        error);
    if (!found)
        return false;
    if (found->isNull(0, 0)) {
        *version = 0;
        return true;
    }
    const auto row = connection.exec(
        QStringLiteral("SELECT version FROM dvdash_schema WHERE part = $1"), { part }, error);
    if (!row)
        return false;
    *version = row->rows() == 0 ? 0 : row->int32(0, 0);
    return true;
}

bool PostgresSchema::migrate(PostgresConnection &connection, int *version, QString *error) const
{
    if (!storedVersion(connection, mPart, version, error))
        return false;
    const auto refuseNewer = [&] {
        *error = connection.failure(tr("the %1 were written by a newer dvdash").arg(mWhat),
            tr("schema %1, this program knows up to %2").arg(*version).arg(newestVersion()));
        return false;
    };
    if (*version == newestVersion())
        return true; // the usual case: no lock taken
    if (*version > newestVersion())
        return refuseNewer();
    const auto askForSetUp = [&](const QString &detail) {
        *error = connection.failure(
            tr("the %1 on this server are not set up for this version of dvdash; ask the data "
               "centre to run: dvdash admin init-postgres --store URI")
                .arg(mWhat),
            detail);
        return false;
    };
    if (connection.readOnly())
        return askForSetUp(tr("schema %1, this program needs %2").arg(*version).arg(newestVersion()));

    PostgresTransaction transaction(connection);
    if (!transaction.begin(error))
        return false;
    const QString failed = tr("cannot set up the %1").arg(mWhat);
    QString detail;
    const auto abandon = [&] {
        if (connection.lastSqlState() == QLatin1String(kNoPrivilege))
            return askForSetUp(detail);
        *error = failed + QStringLiteral(": ") + detail;
        return false;
    };
    if (!connection.run(QString::fromLatin1(kMigrationLock), &detail)
        || !connection.run(QStringLiteral("CREATE TABLE IF NOT EXISTS dvdash_schema (part text "
                                          "PRIMARY KEY, version integer NOT NULL)"),
            &detail)
        || !connection.run(
            QStringLiteral("GRANT SELECT ON dvdash_schema TO PUBLIC"), &detail))
        return abandon();
    // Read again under the lock: another program may have migrated meanwhile.
    if (!storedVersion(connection, mPart, version, &detail))
        return abandon();
    if (*version > newestVersion())
        return refuseNewer();
    for (int next = *version + 1; next <= newestVersion(); ++next) {
        for (const QString &sql : mSteps[std::size_t(next - 1)]) {
            if (!connection.run(sql, &detail))
                return abandon();
        }
        if (!connection.run(QStringLiteral("INSERT INTO dvdash_schema (part, version) VALUES ($1, "
                                           "$2) ON CONFLICT (part) DO UPDATE SET version = $2"),
                &detail, { mPart, next }))
            return abandon();
    }
    if (!transaction.commit(&detail))
        return abandon();
    *version = newestVersion();
    return true;
}

} // namespace dv
