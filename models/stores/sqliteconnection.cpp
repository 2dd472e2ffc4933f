// Opening, closing and naming the SQLite connections every store of the dashboard's file uses.
#include "sqliteconnection.h"

#include "datapaths.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

namespace dv {

QString SqliteConnection::uniqueName(const QString &prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString SqliteConnection::failure(const QString &path, const QString &what, const QString &detail)
{
    return tr("%1: %2 (%3)").arg(QDir::toNativeSeparators(path), what, detail);
}

bool SqliteConnection::open(const QString &connection, const QString &path, QString *error)
{
    const QFileInfo info(path);
    // Permission bits, not only access(): root may write anything, but a file the user marked
    // read-only (an archived store, say) must stay as it is.
    if (info.exists()
        && (!info.isWritable()
            || !(info.permissions()
                & (QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther)))) {
        *error = failure(path, tr("the store file is read-only"), tr("no write permission"));
        return false;
    }
    // WAL over a network share corrupts or fails later, far from the cause: refuse it now.
    if (const QString remote = DataPaths::networkPathProblem(path); !remote.isEmpty()) {
        *error = remote;
        return false;
    }
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
