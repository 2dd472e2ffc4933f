// Opening, closing and naming the SQLite connections every store of the dashboard's file uses.
#include "sqliteconnection.h"

#include "datapaths.h"
#include "sqlitestoreparts.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>
#include <QUuid>

namespace dv {

namespace {

const QLatin1String kReadOnlyOption("QSQLITE_OPEN_READONLY");

// Opens path read-only. SQLite's mode=ro still creates the -wal and -shm files of a WAL file
// beside it (and fails where it cannot); with no -wal file no connection is writing, so the
// file is opened immutable: read as it is, with no file created or lock taken.
bool openReadOnly(const QString &connection, const QString &path, QString *error)
{
    const bool quiet = !QFileInfo::exists(path + QLatin1String("-wal"));
    const QString uri
        = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toString(QUrl::FullyEncoded)
        + (quiet ? QLatin1String("?mode=ro&immutable=1") : QLatin1String("?mode=ro"));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    db.setDatabaseName(uri);
    db.setConnectOptions(
        QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI;QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        *error = SqliteConnection::failure(
            path, SqliteConnection::tr("cannot open the store"), db.lastError().text());
        return false;
    }
    return true;
}

// The parts' versions are read before the first write (switching to WAL writes the header).
bool refuseNewerParts(const QString &path, QString *error)
{
    if (!QFileInfo::exists(path) || QFileInfo(path).size() == 0)
        return true; // a new store: nothing in it to be newer
    const QString check = SqliteConnection::uniqueName(QStringLiteral("dvdash-check-"));
    bool ok = openReadOnly(check, path, error);
    if (ok) {
        QSqlDatabase db = QSqlDatabase::database(check);
        ok = SqliteStoreParts::refuseNewer(db, path, error);
    }
    SqliteConnection::close(check);
    return ok;
}

} // namespace

QString SqliteConnection::uniqueName(const QString &prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString SqliteConnection::failure(const QString &path, const QString &what, const QString &detail)
{
    return tr("%1: %2 (%3)").arg(QDir::toNativeSeparators(path), what, detail);
}

bool SqliteConnection::isReadOnly(const QString &connection)
{
    return QSqlDatabase::database(connection, false).connectOptions().contains(kReadOnlyOption);
}

bool SqliteConnection::mayWrite(const QString &path)
{
    // Permission bits, not only access(): root may write anything, but a file the user marked
    // read-only (an archived store, say) must stay as it is.
    const QFileInfo info(path);
    return info.isWritable()
        && (info.permissions() & (QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther))
        && QFileInfo(info.absolutePath()).isWritable();
}

bool SqliteConnection::open(
    const QString &connection, const QString &path, QString *error, StoreAccess access)
{
    if (access == StoreAccess::ReadOnly) {
        if (!QFileInfo::exists(path)) {
            *error = tr("%1: no such store").arg(QDir::toNativeSeparators(path));
            return false;
        }
        if (!openReadOnly(connection, path, error))
            return false;
        QSqlDatabase db = QSqlDatabase::database(connection);
        return SqliteStoreParts::refuseNewer(db, path, error);
    }
    const QFileInfo info(path);
    if (info.exists() && !mayWrite(path)) {
        *error = failure(path, tr("the store file is read-only"), tr("no write permission"));
        return false;
    }
    // WAL over a network share corrupts or fails later, far from the cause: refuse it now.
    if (const QString remote = DataPaths::networkPathProblem(path); !remote.isEmpty()) {
        *error = remote;
        return false;
    }
    if (!refuseNewerParts(path, error))
        return false;
    QDir().mkpath(info.absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    db.setDatabaseName(path);
    // Another connection holding the file (the writer thread, another program) is waited for
    // up to 5 s before the store is reported locked.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        *error = failure(path, tr("cannot open the store"), db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    for (const char *pragma :
        { "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON" }) {
        // Switching a new file to WAL needs it to itself, and SQLite does not wait on the busy
        // timeout for that: when the window and a collector open a new store together, one is
        // told "locked" at once. It is tried again for as long as the busy timeout would wait.
        QDeadlineTimer patience(5000);
        bool done = q.exec(QString::fromLatin1(pragma));
        while (!done && q.lastError().nativeErrorCode() == QLatin1String("5")
            && !patience.hasExpired()) {
            QThread::msleep(20);
            done = q.exec(QString::fromLatin1(pragma));
        }
        if (!done) {
            *error = failure(path, tr("cannot prepare the store"), q.lastError().text());
            return false;
        }
        q.finish(); // a statement left open would block the migrations' commits
    }
    return true;
}

QSqlError SqliteConnection::beginWrite(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return q.lastError();
    return QSqlError();
}

void SqliteConnection::close(const QString &connection)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

} // namespace dv
