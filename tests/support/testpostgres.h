// The throw-away PostgreSQL cluster of a test run (tests/postgres/cluster.sh, the "postgres"
// ctest fixture): fresh databases for store tests, and psql-like set-up and checks through libpq.
#pragma once

#include <QString>
#include <QStringList>

class QTemporaryDir;

namespace dv {

// A test registered with dvdash_add_test(... POSTGRES) or dvdash_add_store_test gets
// DVDASH_TEST_PG_URI_FILE: the file cluster.sh wrote, holding the superuser's URI
// ("postgresql://dvdash_admin@127.0.0.1:PORT/postgres"). Every database a test asks for is new
// and its own (made from the template dvdash_template, PostGIS included) and is dropped with the
// cluster when the run ends.
//
// Roles are cluster-wide, not per database: a role one test creates is visible to, and collides
// with, every other test running at the same time. Tests that create roles (row-level security)
// must give them names unique to their database, e.g. the database's name as a prefix.
class TestPostgres {
public:
    // True when this test runs with the cluster (DVDASH_TEST_PG_URI_FILE is set).
    static bool wanted();
    // The superuser's URI to the "postgres" database; empty with *error when the cluster is
    // not there ("the test PostgreSQL cluster did not start: <file> missing").
    static QString adminUri(QString *error);
    // A new database "dvtest_<pid>_<n>" with PostGIS; its URI as the superuser, or empty with
    // *error.
    static QString freshDatabase(QString *error);
    // The same URI signing in as role instead (trust: no password needed).
    static QString uriAs(const QString &databaseUri, const QString &role);
    // A role name of databaseUri's own: the database's name, "_", suffix (see above: roles are
    // cluster-wide).
    static QString roleName(const QString &databaseUri, const QString &suffix);
    // Runs sql (one or more statements) as psql would; false with *error (the server's message).
    static bool exec(const QString &uri, const QString &sql, QString *error);
    // The first column of every row sql returns, as text (a NULL is a null QString); empty with
    // *error set on failure.
    static QStringList column(const QString &uri, const QString &sql, QString *error);

    // The store backend this run of a store test exercises: "postgresql" or "sqlite" (the
    // default) from DVDASH_TEST_BACKEND (set by dvdash_add_store_test).
    static QString backend();
    // A store spec for a new, empty store of backend(): "sqlite:<dir>/store.sqlite", or a fresh
    // database's URI. Empty with *error when the database could not be made.
    static QString freshStoreSpec(const QTemporaryDir &dir, QString *error);
};

} // namespace dv
