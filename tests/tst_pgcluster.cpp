// The throw-away PostgreSQL cluster every server-store test runs against (tests/postgres/
// cluster.sh, the "postgres" fixture) and TestPostgres, the way tests reach it.
#include "testpostgres.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>
#include <QtTest>

using namespace dv;

namespace {

// The sockets listening on port, as "address:port" hex in /proc/net/tcp{,6} form ("0100007F"
// is 127.0.0.1); empty when nothing listens there.
QStringList listeningAddresses(int port)
{
    QStringList addresses;
    for (const char *table : { "/proc/net/tcp", "/proc/net/tcp6" }) {
        QFile file { QString::fromLatin1(table) };
        if (!file.open(QIODevice::ReadOnly))
            continue;
        file.readLine(); // the header
        while (!file.atEnd()) {
            const QStringList fields
                = QString::fromLatin1(file.readLine()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            // local_address is "ADDRESS:PORT", st 0A is LISTEN.
            if (fields.size() < 4 || fields.at(3) != QLatin1String("0A"))
                continue;
            const QString local = fields.at(1);
            if (local.section(QLatin1Char(':'), 1).toInt(nullptr, 16) == port)
                addresses.append(local.section(QLatin1Char(':'), 0, 0));
        }
    }
    return addresses;
}

} // namespace

class TestPgCluster : public QObject {
    Q_OBJECT

private slots:
    void theFixtureIsThere();
    void freshDatabasesAreDistinctAndEmpty();
    void postgisIsInEveryFreshDatabase();
    void rolesAreClusterWide();
    void listensOnlyOnLoopback();
    void failuresSayWhy();
};

void TestPgCluster::theFixtureIsThere()
{
    QVERIFY2(TestPostgres::wanted(), "DVDASH_TEST_PG_URI_FILE is not set");
    QString error;
    const QString uri = TestPostgres::adminUri(&error);
    QVERIFY2(!uri.isEmpty(), qPrintable(error));
    const QUrl url(uri);
    QCOMPARE(url.scheme(), QStringLiteral("postgresql"));
    QCOMPARE(url.userName(), QStringLiteral("dvdash_admin"));
    QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(url.path(), QStringLiteral("/postgres"));
    QCOMPARE(TestPostgres::column(uri,
                 QStringLiteral("SELECT rolsuper::text FROM pg_roles "
                                "WHERE rolname = current_user"),
                 &error),
        QStringList { QStringLiteral("true") });
}

void TestPgCluster::freshDatabasesAreDistinctAndEmpty()
{
    QString error;
    const QString first = TestPostgres::freshDatabase(&error);
    QVERIFY2(!first.isEmpty(), qPrintable(error));
    const QString second = TestPostgres::freshDatabase(&error);
    QVERIFY2(!second.isEmpty(), qPrintable(error));
    QVERIFY(first != second);

    const QString firstName = QUrl(first).path().mid(1);
    const QString secondName = QUrl(second).path().mid(1);
    const QString prefix = QStringLiteral("dvtest_%1_").arg(QCoreApplication::applicationPid());
    QVERIFY2(firstName.startsWith(prefix), qPrintable(firstName));
    QVERIFY2(secondName.startsWith(prefix), qPrintable(secondName));
    QCOMPARE(TestPostgres::column(first, QStringLiteral("SELECT current_database()"), &error),
        QStringList { firstName });
    QCOMPARE(TestPostgres::column(second, QStringLiteral("SELECT current_database()"), &error),
        QStringList { secondName });

    // A table made in one is not in the other.
    QVERIFY2(TestPostgres::exec(first, QStringLiteral("CREATE TABLE only_here (id int)"), &error),
        qPrintable(error));
    QCOMPARE(TestPostgres::column(
                 first, QStringLiteral("SELECT to_regclass('only_here')::text"), &error),
        QStringList { QStringLiteral("only_here") });
    const QStringList inSecond = TestPostgres::column(
        second, QStringLiteral("SELECT to_regclass('only_here')::text"), &error);
    QCOMPARE(inSecond.size(), 1);
    QVERIFY2(inSecond.first().isNull(), qPrintable(inSecond.first()));
}

void TestPgCluster::postgisIsInEveryFreshDatabase()
{
    QString error;
    const QString uri = TestPostgres::freshDatabase(&error);
    QVERIFY2(!uri.isEmpty(), qPrintable(error));
    const QStringList version
        = TestPostgres::column(uri, QStringLiteral("SELECT postgis_version()"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(version.size(), 1);
    QVERIFY2(version.first().startsWith(QLatin1Char('3')), qPrintable(version.first()));
    // Geometry works, and the CRS table knows CGCS2000 (EPSG:4490), the province's datum.
    QCOMPARE(TestPostgres::column(
                 uri, QStringLiteral("SELECT ST_AsText(ST_MakePoint(106.63, 26.65))"), &error),
        QStringList { QStringLiteral("POINT(106.63 26.65)") });
    QCOMPARE(TestPostgres::column(uri,
                 QStringLiteral("SELECT count(*) FROM spatial_ref_sys WHERE srid = 4490"), &error),
        QStringList { QStringLiteral("1") });
}

void TestPgCluster::rolesAreClusterWide()
{
    QString error;
    const QString first = TestPostgres::freshDatabase(&error);
    QVERIFY2(!first.isEmpty(), qPrintable(error));
    const QString second = TestPostgres::freshDatabase(&error);
    QVERIFY2(!second.isEmpty(), qPrintable(error));

    // Named after its database, as testpostgres.h asks, so no other test can collide with it.
    const QString role = QUrl(first).path().mid(1) + QStringLiteral("_reader");
    QVERIFY2(TestPostgres::exec(first, QStringLiteral("CREATE ROLE %1 LOGIN").arg(role), &error),
        qPrintable(error));
    QCOMPARE(
        TestPostgres::column(second,
            QStringLiteral("SELECT rolname FROM pg_roles WHERE rolname = '%1'").arg(role), &error),
        QStringList { role });

    // Trust: a session is whichever role the URI names, in either database.
    const QString asRole = TestPostgres::uriAs(second, role);
    QCOMPARE(QUrl(asRole).userName(), role);
    QCOMPARE(QUrl(asRole).path(), QUrl(second).path());
    QCOMPARE(TestPostgres::column(asRole, QStringLiteral("SELECT current_user"), &error),
        QStringList { role });
    QCOMPARE(TestPostgres::column(asRole,
                 QStringLiteral("SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"),
                 &error),
        QStringList { QStringLiteral("false") });

    QVERIFY2(TestPostgres::exec(first, QStringLiteral("DROP ROLE %1").arg(role), &error),
        qPrintable(error));
}

void TestPgCluster::listensOnlyOnLoopback()
{
    QString error;
    const QString uri = TestPostgres::adminUri(&error);
    QVERIFY2(!uri.isEmpty(), qPrintable(error));
    QCOMPARE(TestPostgres::column(uri, QStringLiteral("SHOW listen_addresses"), &error),
        QStringList { QStringLiteral("127.0.0.1") });
    QCOMPARE(TestPostgres::column(uri, QStringLiteral("SELECT host(inet_server_addr())"), &error),
        QStringList { QStringLiteral("127.0.0.1") });
    const int port = QUrl(uri).port();
    QCOMPARE(TestPostgres::column(uri, QStringLiteral("SHOW port"), &error),
        QStringList { QString::number(port) });

    if (!QFileInfo::exists(QStringLiteral("/proc/net/tcp")))
        QSKIP("no /proc/net/tcp to list the listening sockets in");
    // One socket, on 127.0.0.1 (0100007F), none on any other or IPv6 address.
    QCOMPARE(listeningAddresses(port), QStringList { QStringLiteral("0100007F") });
}

void TestPgCluster::failuresSayWhy()
{
    QString error;
    const QString uri = TestPostgres::adminUri(&error);
    QVERIFY2(!uri.isEmpty(), qPrintable(error));

    QVERIFY(!TestPostgres::exec(uri, QStringLiteral("SELECT no_such_function()"), &error));
    QVERIFY2(error.contains(QLatin1String("no_such_function")), qPrintable(error));
    error.clear();
    QVERIFY(
        TestPostgres::column(uri, QStringLiteral("SELECT FROM no_such_table"), &error).isEmpty());
    QVERIFY2(error.contains(QLatin1String("no_such_table")), qPrintable(error));

    // A cluster that did not start: the file it would have written is missing.
    const QByteArray real = qgetenv("DVDASH_TEST_PG_URI_FILE");
    const QString missing = QDir::temp().filePath(QStringLiteral("dvdash-no-such-cluster/uri"));
    qputenv("DVDASH_TEST_PG_URI_FILE", QFile::encodeName(missing));
    error.clear();
    const QString none = TestPostgres::freshDatabase(&error);
    qputenv("DVDASH_TEST_PG_URI_FILE", real);
    QVERIFY(none.isEmpty());
    QCOMPARE(error,
        QStringLiteral("the test PostgreSQL cluster did not start: %1 missing").arg(missing));
}

QTEST_GUILESS_MAIN(TestPgCluster)
#include "tst_pgcluster.moc"
