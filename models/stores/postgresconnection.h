// One libpq connection to the shared store: statements with parameters, COPY, notifications.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <memory>
#include <optional>
#include <vector>

struct pg_conn;
struct pg_result;

namespace dv {

// The rows a statement returned. Values come as text (libpq's text format): the accessors
// convert; a NULL reads as isNull() and converts to 0 / empty.
class PostgresResult {
public:
    explicit PostgresResult(pg_result *result);
    ~PostgresResult();
    PostgresResult(PostgresResult &&other) noexcept;
    PostgresResult &operator=(PostgresResult &&other) noexcept;
    PostgresResult(const PostgresResult &) = delete;
    PostgresResult &operator=(const PostgresResult &) = delete;

    int rows() const;
    int columns() const;
    bool isNull(int row, int column) const;
    QString text(int row, int column) const;
    QByteArray bytes(int row, int column) const; // the text as sent (bytea: decoded)
    qint64 int64(int row, int column) const;
    int int32(int row, int column) const;
    double real(int row, int column) const;
    bool boolean(int row, int column) const; // 't' / 'f'
    // Rows a command touched (INSERT, UPDATE, DELETE, COPY): PQcmdTuples.
    qint64 affected() const;

private:
    pg_result *mResult = nullptr;
};

struct PostgresNotification {
    QString channel;
    QString payload;
    int senderPid = 0;
};

// A store object owns one connection and uses it from one thread, like the SQLite stores.
// Every error names the store (the spec without any password) and what the server said,
// including the constraint, table and the failing row's key when the server reports them.
class PostgresConnection {
    Q_DECLARE_TR_FUNCTIONS(dv::PostgresConnection)
public:
    // spec: "postgresql://user@host:port/db?sslmode=verify-full" (libpq's URI), optionally
    // ending in [?&]mode=ro (StoreSpec::readOnly): every transaction is then read-only.
    explicit PostgresConnection(QString spec);
    ~PostgresConnection();
    PostgresConnection(const PostgresConnection &) = delete;
    PostgresConnection &operator=(const PostgresConnection &) = delete;

    // Connects (application_name "dvdash"); a password missing from the URI comes from the
    // keychain through StoreCredentials, then libpq's PGPASSWORD / .pgpass.
    bool open(QString *error);
    bool isOpen() const;
    // After a lost connection (server restart, network): true when it is usable again,
    // reconnecting once if needed. Store methods call it first, so a store recovers by itself.
    bool ensureOpen(QString *error);
    // Whether the last failure was the server going away (not a refused statement): callers
    // that can buffer (the collector's spool) do so instead of giving up.
    bool lostConnection() const { return mLost; }
    bool readOnly() const { return mReadOnly; }

    // Runs one statement with $1..$n parameters. QVariant values go as text: null -> NULL,
    // bool -> t/f, integers and doubles in full precision, QByteArray as bytea, else toString().
    std::optional<PostgresResult> exec(
        const QString &sql, const QVariantList &params, QString *error);
    std::optional<PostgresResult> exec(const QString &sql, QString *error)
    {
        return exec(sql, {}, error);
    }
    // For statements whose result is not needed (DDL, BEGIN): false and *error on failure.
    bool run(const QString &sql, QString *error, const QVariantList &params = {});

    // COPY ... FROM STDIN (text format) with rows already encoded: one line per row, columns
    // separated by tabs, \N for NULL (see copyField). Returns the rows the server stored.
    std::optional<qint64> copyIn(const QString &copyStatement, const QByteArray &rows,
        QString *error);
    // One value escaped for COPY's text format (backslash, tab, newline, carriage return).
    static QByteArray copyField(const QString &value);

    // LISTEN channel; notifications arrive with takeNotifications() after the socket is
    // readable (socket() for a QSocketNotifier) or after any statement.
    bool listen(const QString &channel, QString *error);
    std::vector<PostgresNotification> takeNotifications();
    // The connection's socket, -1 when closed: for a QSocketNotifier on the owner's thread.
    qintptr socket() const;
    // Reads what the server sent without running a statement (after the socket was readable);
    // false when the connection was lost.
    bool consumeInput();

    // The signed-in role (session_user), for messages and access checks.
    QString role() const { return mRole; }
    // The spec as messages show it: the password, if any was written into it, left out.
    QString displayName() const { return mDisplayName; }
    // "STORE: what (detail)": the stores' one error format, as SqliteConnection::failure.
    QString failure(const QString &what, const QString &detail) const;
    // A name as a quoted SQL identifier ("a""b"), for names a statement cannot take as a
    // parameter (a table's).
    static QString quotedIdentifier(const QString &name);
    // The SQLSTATE of the last failed statement ("23505" unique violation, "42501" no
    // privilege), empty when the last one succeeded or the connection was lost.
    QString lastSqlState() const { return mLastState; }

    // libpq's parameters of a spec (host, port, dbname, user), for the keychain key and the
    // settings dialog's checks; nullopt and *error when libpq cannot read the URI.
    struct Target {
        QString user;
        QString host;
        int port = 5432;
        QString database;
        bool hasPassword = false;
    };
    static std::optional<Target> parse(const QString &spec, QString *error);
    // The spec with a trailing mode=ro removed: what libpq is given.
    static QString libpqUri(const QString &spec, bool *readOnly);

private:
    std::optional<PostgresResult> execOnce(
        const QString &sql, const QVariantList &params, QString *error);
    QString describeResult(pg_result *result) const;
    bool noteConnectionState();

    QString mSpec;
    QString mUri;
    QString mDisplayName;
    QString mRole;
    QString mLastState;
    bool mReadOnly = false;
    bool mLost = false;
    pg_conn *mConn = nullptr;
};

// BEGIN on construction, ROLLBACK on destruction unless commit() succeeded: a store method
// that returns early on an error leaves nothing half-written.
class PostgresTransaction {
public:
    explicit PostgresTransaction(PostgresConnection &connection);
    ~PostgresTransaction();
    PostgresTransaction(const PostgresTransaction &) = delete;
    PostgresTransaction &operator=(const PostgresTransaction &) = delete;

    // False (and *error) when BEGIN failed: check before the first statement.
    bool begin(QString *error);
    bool commit(QString *error);

private:
    PostgresConnection &mConnection;
    bool mOpen = false;
};

} // namespace dv
