// Opening, closing and naming the SQLite connections every store of the dashboard's file uses.
#pragma once

#include <QCoreApplication>
#include <QString>

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
    // name the file.
    static bool open(const QString &connection, const QString &path, QString *error);
    static void close(const QString &connection);
    // "PATH: what (detail)": the stores' one error format.
    static QString failure(const QString &path, const QString &what, const QString &detail);
};

} // namespace dv
