// One libpq connection to the shared store: statements with parameters, COPY, notifications.
#include "postgresconnection.h"

#include "storecredentials.h"

#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUrl>

#include <libpq-fe.h>

Q_LOGGING_CATEGORY(lcPostgres, "dv.postgres", QtWarningMsg)

namespace dv {

namespace {

const char *const kApplicationName = "dvdash";

// The server's NOTICEs ("extension postgis already exists, skipping") would go to stderr, where
// a command's one line of output is read: they go to the debug log instead.
void logNotice(void *, const char *message)
{
    qCDebug(lcPostgres, "%s", message);
}

// Parameters travel as text; the QByteArrays must outlive PQexecParams.
struct TextParameters {
    std::vector<QByteArray> storage;
    std::vector<const char *> values;

    explicit TextParameters(const QVariantList &params)
    {
        storage.reserve(std::size_t(params.size()));
        values.reserve(std::size_t(params.size()));
        for (const QVariant &v : params) {
            if (v.isNull()) {
                storage.emplace_back();
                values.push_back(nullptr);
                continue;
            }
            switch (v.userType()) {
            case QMetaType::Bool:
                storage.push_back(v.toBool() ? QByteArray("t") : QByteArray("f"));
                break;
            case QMetaType::Double:
            case QMetaType::Float:
                storage.push_back(QByteArray::number(v.toDouble(), 'g', 17));
                break;
            case QMetaType::QByteArray:
                storage.push_back(QByteArray("\\x") + v.toByteArray().toHex());
                break;
            default:
                storage.push_back(v.toString().toUtf8());
                break;
            }
            values.push_back(storage.back().constData());
        }
    }
};

QString field(const PGresult *result, int code)
{
    const char *value = PQresultErrorField(result, code);
    return value ? QString::fromUtf8(value) : QString();
}

} // namespace

// --- PostgresResult ---------------------------------------------------------------------------

PostgresResult::PostgresResult(pg_result *result)
    : mResult(result)
{
}

PostgresResult::~PostgresResult()
{
    if (mResult)
        PQclear(mResult);
}

PostgresResult::PostgresResult(PostgresResult &&other) noexcept
    : mResult(std::exchange(other.mResult, nullptr))
{
}

PostgresResult &PostgresResult::operator=(PostgresResult &&other) noexcept
{
    if (this != &other) {
        if (mResult)
            PQclear(mResult);
        mResult = std::exchange(other.mResult, nullptr);
    }
    return *this;
}

int PostgresResult::rows() const
{
    return mResult ? PQntuples(mResult) : 0;
}

int PostgresResult::columns() const
{
    return mResult ? PQnfields(mResult) : 0;
}

bool PostgresResult::isNull(int row, int column) const
{
    return PQgetisnull(mResult, row, column) != 0;
}

QString PostgresResult::text(int row, int column) const
{
    return QString::fromUtf8(
        PQgetvalue(mResult, row, column), PQgetlength(mResult, row, column));
}

QByteArray PostgresResult::bytes(int row, int column) const
{
    const char *value = PQgetvalue(mResult, row, column);
    const int length = PQgetlength(mResult, row, column);
    if (PQftype(mResult, column) == 17 /* bytea */ && length >= 2 && value[0] == '\\'
        && value[1] == 'x')
        return QByteArray::fromHex(QByteArray::fromRawData(value + 2, length - 2));
    return QByteArray(value, length);
}

qint64 PostgresResult::int64(int row, int column) const
{
    return isNull(row, column) ? 0 : QByteArray(PQgetvalue(mResult, row, column)).toLongLong();
}

int PostgresResult::int32(int row, int column) const
{
    return int(int64(row, column));
}

double PostgresResult::real(int row, int column) const
{
    return isNull(row, column) ? 0.0 : QByteArray(PQgetvalue(mResult, row, column)).toDouble();
}

bool PostgresResult::boolean(int row, int column) const
{
    return !isNull(row, column) && PQgetvalue(mResult, row, column)[0] == 't';
}

qint64 PostgresResult::affected() const
{
    return mResult ? QByteArray(PQcmdTuples(mResult)).toLongLong() : 0;
}

// --- PostgresConnection -----------------------------------------------------------------------

PostgresConnection::PostgresConnection(QString spec)
    : mSpec(std::move(spec))
{
    mUri = libpqUri(mSpec, &mReadOnly);
    // Messages never repeat a password someone wrote into the URI.
    QUrl url(mUri);
    if (url.isValid() && !url.password().isEmpty()) {
        url.setPassword(QString());
        mDisplayName = url.toString();
    } else {
        mDisplayName = url.isValid() ? mUri : QStringLiteral("postgresql://…");
    }
}

PostgresConnection::~PostgresConnection()
{
    if (mConn)
        PQfinish(mConn);
}

QString PostgresConnection::libpqUri(const QString &spec, bool *readOnly)
{
    static const QRegularExpression roSuffix(QStringLiteral("[?&]mode=ro$"));
    QString uri = spec;
    const bool ro = roSuffix.match(uri).hasMatch();
    if (ro)
        uri.chop(8);
    if (readOnly)
        *readOnly = ro;
    return uri;
}

std::optional<PostgresConnection::Target> PostgresConnection::parse(
    const QString &spec, QString *error)
{
    char *message = nullptr;
    PQconninfoOption *options
        = PQconninfoParse(libpqUri(spec, nullptr).toUtf8().constData(), &message);
    if (!options) {
        *error = tr("%1: not a PostgreSQL address: %2")
                     .arg(spec, message ? QString::fromUtf8(message).trimmed() : tr("unreadable"));
        if (message)
            PQfreemem(message);
        return std::nullopt;
    }
    Target target;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        const QString value = o->val ? QString::fromUtf8(o->val) : QString();
        const QByteArray key(o->keyword);
        if (key == "user")
            target.user = value;
        else if (key == "host" || (key == "hostaddr" && target.host.isEmpty()))
            target.host = value;
        else if (key == "port" && !value.isEmpty())
            target.port = value.toInt();
        else if (key == "dbname")
            target.database = value;
        else if (key == "password")
            target.hasPassword = !value.isEmpty();
    }
    PQconninfoFree(options);
    if (target.host.isEmpty())
        target.host = QStringLiteral("localhost");
    if (target.database.isEmpty())
        target.database = target.user;
    return target;
}

bool PostgresConnection::open(QString *error)
{
    if (mConn) {
        PQfinish(mConn);
        mConn = nullptr;
    }
    mLost = false;
    QString parseError;
    const std::optional<Target> target = parse(mSpec, &parseError);
    if (!target) {
        *error = parseError;
        return false;
    }
    QByteArray password;
    if (!target->hasPassword) {
        password = StoreCredentials::password(
            StoreCredentials::keyFor(target->user, target->host, target->port, target->database))
                       .toUtf8();
    }
    // libpq takes the URI as "dbname" and lets later keywords add to it.
    const QByteArray uri = mUri.toUtf8();
    std::vector<const char *> keys { "dbname", "application_name", "connect_timeout" };
    std::vector<const char *> values { uri.constData(), kApplicationName, "10" };
    if (!password.isEmpty()) {
        keys.push_back("password");
        values.push_back(password.constData());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    mConn = PQconnectdbParams(keys.data(), values.data(), 1);
    if (!mConn || PQstatus(mConn) != CONNECTION_OK) {
        const QString detail = mConn ? QString::fromUtf8(PQerrorMessage(mConn)).trimmed()
                                     : tr("out of memory");
        *error = failure(tr("cannot connect to the store"), detail);
        if (mConn) {
            PQfinish(mConn);
            mConn = nullptr;
        }
        mLost = true;
        return false;
    }
    PQsetNoticeProcessor(mConn, logNotice, nullptr);
    // Statements see UTC and the same text encoding whatever the server's defaults are.
    QString setup = QStringLiteral("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'");
    if (mReadOnly)
        setup += QStringLiteral("; SET default_transaction_read_only = on");
    if (!run(setup, error))
        return false;
    const std::optional<PostgresResult> who = exec(QStringLiteral("SELECT session_user"), error);
    if (!who)
        return false;
    mRole = who->text(0, 0);
    return true;
}

bool PostgresConnection::isOpen() const
{
    return mConn && PQstatus(mConn) == CONNECTION_OK;
}

bool PostgresConnection::ensureOpen(QString *error)
{
    if (isOpen())
        return true;
    return open(error);
}

bool PostgresConnection::noteConnectionState()
{
    mLost = !mConn || PQstatus(mConn) != CONNECTION_OK;
    return !mLost;
}

std::optional<PostgresResult> PostgresConnection::exec(
    const QString &sql, const QVariantList &params, QString *error)
{
    mLastState.clear();
    if (!mConn) {
        mLost = true;
        *error = failure(tr("not connected"), tr("the connection was closed"));
        return std::nullopt;
    }
    // A statement outside a transaction (the stores write only inside one: here a read, or an
    // idempotent registration) that met a connection the server has since closed (it
    // restarted) is sent once more on a new connection, so the first query after an outage
    // answers instead of failing. Inside a transaction the work so far is gone, and the caller
    // must see the failure.
    const bool idle = PQtransactionStatus(mConn) == PQTRANS_IDLE;
    std::optional<PostgresResult> result = execOnce(sql, params, error);
    if (result || !mLost || !idle)
        return result;
    QString reconnectError;
    if (!open(&reconnectError))
        return std::nullopt; // still away: *error says the connection was lost
    error->clear();
    return execOnce(sql, params, error);
}

std::optional<PostgresResult> PostgresConnection::execOnce(
    const QString &sql, const QVariantList &params, QString *error)
{
    mLastState.clear();
    const QByteArray text = sql.toUtf8();
    PGresult *raw = nullptr;
    if (params.isEmpty()) {
        raw = PQexec(mConn, text.constData());
    } else {
        TextParameters p(params);
        raw = PQexecParams(mConn, text.constData(), int(p.values.size()), nullptr,
            p.values.data(), nullptr, nullptr, 0);
    }
    PostgresResult result(raw);
    const ExecStatusType status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY
        || status == PGRES_COPY_IN)
        return result;
    if (!noteConnectionState()) {
        *error = failure(tr("the connection to the store was lost"),
            QString::fromUtf8(PQerrorMessage(mConn)).trimmed());
        return std::nullopt;
    }
    mLastState = field(raw, PG_DIAG_SQLSTATE);
    *error = describeResult(raw);
    return std::nullopt;
}

bool PostgresConnection::run(const QString &sql, QString *error, const QVariantList &params)
{
    return exec(sql, params, error).has_value();
}

QString PostgresConnection::describeResult(pg_result *result) const
{
    if (!result)
        return failure(tr("statement failed"), QString::fromUtf8(PQerrorMessage(mConn)).trimmed());
    // The server's words, then where: "duplicate key ... (Key (id)=(P0003) already exists.;
    // table sites, constraint sites_pkey)".
    QString detail = field(result, PG_DIAG_MESSAGE_PRIMARY);
    QStringList where;
    const QString more = field(result, PG_DIAG_MESSAGE_DETAIL);
    if (!more.isEmpty())
        where << more;
    const QString table = field(result, PG_DIAG_TABLE_NAME);
    if (!table.isEmpty())
        where << tr("table %1").arg(table);
    const QString column = field(result, PG_DIAG_COLUMN_NAME);
    if (!column.isEmpty())
        where << tr("column %1").arg(column);
    const QString constraint = field(result, PG_DIAG_CONSTRAINT_NAME);
    if (!constraint.isEmpty())
        where << tr("constraint %1").arg(constraint);
    if (!where.isEmpty())
        detail += QStringLiteral(" (") + where.join(QStringLiteral("; ")) + QLatin1Char(')');
    if (detail.isEmpty())
        detail = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    return failure(tr("the server refused a statement"), detail);
}

QString PostgresConnection::quotedIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

std::optional<qint64> PostgresConnection::copyIn(
    const QString &copyStatement, const QByteArray &rows, QString *error)
{
    std::optional<PostgresResult> started = exec(copyStatement, error);
    if (!started)
        return std::nullopt;
    if (PQputCopyData(mConn, rows.constData(), int(rows.size())) != 1
        || PQputCopyEnd(mConn, nullptr) != 1) {
        noteConnectionState();
        *error = failure(tr("cannot send rows to the store"),
            QString::fromUtf8(PQerrorMessage(mConn)).trimmed());
        // Drain whatever the server answers so the connection is usable again.
        while (PGresult *r = PQgetResult(mConn))
            PQclear(r);
        return std::nullopt;
    }
    std::optional<qint64> stored;
    QString refused;
    while (PGresult *raw = PQgetResult(mConn)) {
        PostgresResult result(raw);
        if (PQresultStatus(raw) == PGRES_COMMAND_OK) {
            stored = result.affected();
        } else if (refused.isEmpty()) {
            mLastState = field(raw, PG_DIAG_SQLSTATE);
            refused = describeResult(raw);
        }
    }
    if (!noteConnectionState()) {
        *error = failure(tr("the connection to the store was lost"),
            QString::fromUtf8(PQerrorMessage(mConn)).trimmed());
        return std::nullopt;
    }
    if (!refused.isEmpty()) {
        *error = refused;
        return std::nullopt;
    }
    if (!stored)
        *error = failure(tr("cannot send rows to the store"), tr("the server gave no answer"));
    return stored;
}

QByteArray PostgresConnection::copyField(const QString &value)
{
    QByteArray out;
    const QByteArray utf8 = value.toUtf8();
    out.reserve(utf8.size());
    for (char c : utf8) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += c;
        }
    }
    return out;
}

bool PostgresConnection::listen(const QString &channel, QString *error)
{
    // Channel names are identifiers: quoted so a name is taken as written.
    QString quoted = channel;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return run(QStringLiteral("LISTEN \"%1\"").arg(quoted), error);
}

std::vector<PostgresNotification> PostgresConnection::takeNotifications()
{
    std::vector<PostgresNotification> out;
    if (!mConn)
        return out;
    while (PGnotify *n = PQnotifies(mConn)) {
        out.push_back({ QString::fromUtf8(n->relname), QString::fromUtf8(n->extra), n->be_pid });
        PQfreemem(n);
    }
    return out;
}

qintptr PostgresConnection::socket() const
{
    return mConn ? qintptr(PQsocket(mConn)) : -1;
}

bool PostgresConnection::consumeInput()
{
    if (!mConn || PQconsumeInput(mConn) != 1) {
        mLost = true;
        return false;
    }
    return noteConnectionState();
}

QString PostgresConnection::failure(const QString &what, const QString &detail) const
{
    return detail.isEmpty() ? QStringLiteral("%1: %2").arg(mDisplayName, what)
                            : QStringLiteral("%1: %2 (%3)").arg(mDisplayName, what, detail);
}

// --- PostgresTransaction ----------------------------------------------------------------------

PostgresTransaction::PostgresTransaction(PostgresConnection &connection)
    : mConnection(connection)
{
}

PostgresTransaction::~PostgresTransaction()
{
    if (mOpen) {
        QString ignored;
        mConnection.run(QStringLiteral("ROLLBACK"), &ignored);
    }
}

bool PostgresTransaction::begin(QString *error)
{
    mOpen = mConnection.run(QStringLiteral("BEGIN"), error);
    return mOpen;
}

bool PostgresTransaction::commit(QString *error)
{
    if (!mOpen)
        return false;
    mOpen = false;
    return mConnection.run(QStringLiteral("COMMIT"), error);
}

} // namespace dv
