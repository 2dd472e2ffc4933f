// dvdash_add_store_test runs one executable twice, once per store backend: the store spec a
// test gets from TestPostgres::freshStoreSpec is the one of the backend its run is for.
#include "storeregistry.h"
#include "testpostgres.h"

#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using namespace dv;

class TestPgClusterStoreSpec : public QObject {
    Q_OBJECT

private slots:
    void specIsOfTheRunsBackend();
    void specsAreFreshEachTime();
};

void TestPgClusterStoreSpec::specIsOfTheRunsBackend()
{
    const QByteArray variable = qgetenv("DVDASH_TEST_BACKEND");
    QVERIFY2(variable == "sqlite" || variable == "postgresql",
        "DVDASH_TEST_BACKEND is not set: register with dvdash_add_store_test");
    QCOMPARE(TestPostgres::backend(), QString::fromLatin1(variable));
    // Only the PostgreSQL run has the cluster.
    QCOMPARE(TestPostgres::wanted(), variable == "postgresql");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const QString spec = TestPostgres::freshStoreSpec(dir, &error);
    QVERIFY2(!spec.isEmpty(), qPrintable(error));
    // The product picks the backend by the spec's scheme: the one this run is for.
    QCOMPARE(StoreRegistry::schemeOf(spec), TestPostgres::backend());
    if (TestPostgres::backend() == QLatin1String("sqlite")) {
        QCOMPARE(spec, QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("store.sqlite")));
        return;
    }
    // An empty database (PostGIS's CRS table aside) with PostGIS.
    QCOMPARE(TestPostgres::column(spec,
                 QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
                                "AND tablename <> 'spatial_ref_sys'"),
                 &error),
        QStringList { QStringLiteral("0") });
    QCOMPARE(
        TestPostgres::column(spec,
            QStringLiteral("SELECT extname FROM pg_extension WHERE extname = 'postgis'"), &error),
        QStringList { QStringLiteral("postgis") });
}

void TestPgClusterStoreSpec::specsAreFreshEachTime()
{
    QTemporaryDir first;
    QTemporaryDir second;
    QVERIFY(first.isValid() && second.isValid());
    QString error;
    const QString a = TestPostgres::freshStoreSpec(first, &error);
    QVERIFY2(!a.isEmpty(), qPrintable(error));
    const QString b = TestPostgres::freshStoreSpec(second, &error);
    QVERIFY2(!b.isEmpty(), qPrintable(error));
    QVERIFY2(a != b, qPrintable(a));
}

QTEST_GUILESS_MAIN(TestPgClusterStoreSpec)
#include "tst_pgcluster_storespec.moc"
