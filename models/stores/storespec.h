// "sqlite:PATH" or "postgresql://...": how commands and settings name a store, read in one place.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace dv {

// Whether a store is opened to be written or only read. Read-only opens never change the file
// (no migration, no journal), so an archive on a read-only share or a burned disc can be read.
enum class StoreAccess { ReadWrite, ReadOnly };

class StoreSpec {
    Q_DECLARE_TR_FUNCTIONS(dv::StoreSpec)
public:
    // The file of "sqlite:PATH" (or of a bare path); empty and *error set for what this build
    // cannot open (a PostgreSQL URL until that backend exists) or an empty path.
    static QString sqlitePath(const QString &spec, QString *error);
    // The same for a store that must exist already: commands that only read never leave an
    // empty store behind where a path was mistyped.
    static QString existingSqlitePath(const QString &spec, QString *error);
    // Whether the store a read-only command names is there: a SQLite file must exist; a server
    // store is taken as there (opening it says whether it is reachable and set up).
    static bool exists(const QString &spec, QString *error);
    // A server store ("postgresql://..."), not a file.
    static bool isServer(const QString &spec);
    // The store as messages name it: the file's native path, or the server address without
    // any password written into it.
    static QString displayName(const QString &spec);
    // The spec of the same store opened read-only: commands that only read pass this to the
    // store factories. A spec in this form opens read-only everywhere ("?mode=ro" for a file,
    // "[?&]mode=ro" appended to a server address, taken off again before libpq sees it).
    static QString readOnly(const QString &spec);
    static StoreAccess accessOf(const QString &spec);
};

} // namespace dv
