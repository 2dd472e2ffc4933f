// Opening, closing and naming the SQLite connections every store of the dashboard's file uses.
#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include "storespec.h"

namespace dv {

// The sensor, alert and indicator stores share one file and one way of opening it, so WAL,
// durability, the busy timeout and the read-only rule are the same for all of them.
class SqliteConnection {
    Q_DECLARE_TR_FUNCTIONS(dv::SqliteConnection)
public:
    // A connection name of its own for each store object: Qt Sql connections are global by name.
    static QString uniqueName(const QString &prefix);
    // Opens path (creating its folder) with WAL (readers never block the writer),
    // synchronous=NORMAL (each commit survives a crash of the program; a power cut may lose the
    // last ones), foreign keys and a 5 s busy timeout. Refuses a file marked read-only. Errors
    // name the file. Before anything is written, a file with any part newer than this program
    // is refused whole (SqliteStoreParts). ReadOnly opens the file without writing to it or
    // beside it, also when file and folder are read-only; the file is not checked for
    // permission bits or a network share then.
    static bool open(const QString &connection, const QString &path, QString *error,
        StoreAccess access = StoreAccess::ReadWrite);
    static bool isReadOnly(const QString &connection);
    // Whether path (an existing store) may be written: its permission bits and folder allow it.
    static bool mayWrite(const QString &path);
    static void close(const QString &connection);
    // Starts a transaction that will write: BEGIN IMMEDIATE takes the write lock at once,
    // waiting for another writer (the simulator seeding its history) up to the busy timeout.
    // A plain BEGIN reads first and asks for the lock at the first write, where SQLite does
    // not wait (a connection in a read transaction could deadlock) and says "database is
    // locked" at once. Commit or roll back as usual. An invalid QSqlError when it began.
    static QSqlError beginWrite(const QSqlDatabase &db);
    // "PATH: what (detail)": the stores' one error format.
    static QString failure(const QString &path, const QString &what, const QString &detail);
};

} // namespace dv
