#include "testpostgres.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QUrl>

#include <libpq-fe.h>

#include <memory>

namespace dv {

namespace {

const char *const kUriFileVariable = "DVDASH_TEST_PG_URI_FILE";

struct ConnectionCloser {
    void operator()(PGconn *connection) const { PQfinish(connection); }
};
struct ResultClearer {
    void operator()(PGresult *result) const { PQclear(result); }
};
using Connection = std::unique_ptr<PGconn, ConnectionCloser>;
using Result = std::unique_ptr<PGresult, ResultClearer>;

// Notices ("relation already exists, skipping") are not failures; keep them off the test's output.
void ignoreNotice(void *, const char *)
{
}

QString serverMessage(const PGconn *connection)
{
    return QString::fromUtf8(PQerrorMessage(connection)).trimmed();
}

Connection connect(const QString &uri, QString *error)
{
    const QByteArray dbname = uri.toUtf8();
    // The URI is expanded first; the settings after it apply on top of it.
    const char *const keywords[]
        = { "dbname", "client_encoding", "connect_timeout", "application_name", nullptr };
    const char *const values[] = { dbname.constData(), "UTF8", "10", "dvdash-test", nullptr };
    Connection connection(PQconnectdbParams(keywords, values, 1));
    if (!connection || PQstatus(connection.get()) != CONNECTION_OK) {
        *error = QStringLiteral("cannot connect to %1: %2")
                     .arg(uri,
                         connection ? serverMessage(connection.get())
                                    : QStringLiteral("out of memory"));
        return {};
    }
    PQsetNoticeProcessor(connection.get(), ignoreNotice, nullptr);
    return connection;
}

// Runs sql; the last statement's result, or null with *error when any statement failed.
Result run(const QString &uri, const QString &sql, QString *error)
{
    const Connection connection = connect(uri, error);
    if (!connection)
        return {};
    Result result(PQexec(connection.get(), sql.toUtf8().constData()));
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        *error = QStringLiteral("%1\n  in: %2").arg(serverMessage(connection.get()), sql);
        return {};
    }
    return result;
}

QString quotedIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

bool TestPostgres::wanted()
{
    return !qEnvironmentVariableIsEmpty(kUriFileVariable);
}

QString TestPostgres::adminUri(QString *error)
{
    if (!wanted()) {
        *error = QStringLiteral("%1 is not set: register the test with the postgres fixture "
                                "(dvdash_add_test(... POSTGRES) or dvdash_add_store_test)")
                     .arg(QLatin1String(kUriFileVariable));
        return {};
    }
    const QString path = qEnvironmentVariable(kUriFileVariable);
    QFile file(path);
    if (!file.exists()) {
        *error = QStringLiteral("the test PostgreSQL cluster did not start: %1 missing").arg(path);
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    const QString uri = QString::fromUtf8(file.readLine()).trimmed();
    if (!uri.startsWith(QLatin1String("postgresql://"))) {
        *error = QStringLiteral("%1, line 1: expected a postgresql:// URI, found \"%2\"")
                     .arg(path, uri);
        return {};
    }
    return uri;
}

QString TestPostgres::freshDatabase(QString *error)
{
    const QString admin = adminUri(error);
    if (admin.isEmpty())
        return {};
    // The process id keeps names apart across the tests ctest runs side by side.
    static QAtomicInt counter;
    const QString name = QStringLiteral("dvtest_%1_%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(counter.fetchAndAddOrdered(1) + 1);
    if (!exec(admin,
            QStringLiteral("CREATE DATABASE %1 TEMPLATE dvdash_template")
                .arg(quotedIdentifier(name)),
            error))
        return {};
    QUrl url(admin);
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

QString TestPostgres::uriAs(const QString &databaseUri, const QString &role)
{
    QUrl url(databaseUri);
    url.setUserName(role);
    url.setPassword(QString());
    return url.toString();
}

QString TestPostgres::roleName(const QString &databaseUri, const QString &suffix)
{
    return QUrl(databaseUri).path().mid(1) + QLatin1Char('_') + suffix;
}

bool TestPostgres::exec(const QString &uri, const QString &sql, QString *error)
{
    return run(uri, sql, error) != nullptr;
}

QStringList TestPostgres::column(const QString &uri, const QString &sql, QString *error)
{
    const Result result = run(uri, sql, error);
    if (!result)
        return {};
    if (PQresultStatus(result.get()) != PGRES_TUPLES_OK || PQnfields(result.get()) < 1) {
        *error = QStringLiteral("not a query, no rows to read: %1").arg(sql);
        return {};
    }
    QStringList values;
    const int rows = PQntuples(result.get());
    values.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        values.append(PQgetisnull(result.get(), row, 0)
                ? QString()
                : QString::fromUtf8(PQgetvalue(result.get(), row, 0)));
    }
    return values;
}

QString TestPostgres::backend()
{
    const QString name = qEnvironmentVariable("DVDASH_TEST_BACKEND");
    return name == QLatin1String("postgresql") ? name : QStringLiteral("sqlite");
}

QString TestPostgres::freshStoreSpec(const QTemporaryDir &dir, QString *error)
{
    if (backend() == QLatin1String("postgresql"))
        return freshDatabase(error);
    return QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("store.sqlite"));
}

} // namespace dv
