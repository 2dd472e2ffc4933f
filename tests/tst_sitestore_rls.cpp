// The site registry on PostgreSQL beyond what both backends share: sites' PostGIS points, and
// row-level security by county, proven through the store and through forged SQL as each role.
#include "postgresaccess.h"
#include "postgresconnection.h"
#include "postgressitestore.h"
#include "storespec.h"
#include "testpostgres.h"

#include <QUrl>
#include <QtTest>

#include <gdal.h>

using namespace dv;

namespace {

const QString kMeitan = QStringLiteral("520328"); // the county role's county
const QString kNanming = QStringLiteral("520102"); // another county

Site site(const QString &id, const QString &county, double lon, double lat)
{
    Site s;
    s.id = id;
    s.type = QStringLiteral("pig_farm");
    s.name = id;
    s.county = county;
    s.lon = lon;
    s.lat = lat;
    s.source = Site::Source::Imported;
    return s;
}

QStringList ids(const std::vector<Site> &sites)
{
    QStringList out;
    for (const Site &s : sites)
        out << s.id;
    return out;
}

} // namespace

class TestSiteStoreRls : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void geometryFollowsLonLat();
    void countyRoleSeesOnlyItsCounty();
    void countyRoleWritesOnlyItsCounty();
    void forgedStatementsSeeAndChangeNothingElse();
    void collectorRegistersDevicesWithoutReading();
    void readOnlySpecNeverWrites();
    void recoversAfterLosingTheServer();

private:
    // A role of this test's database only (roles are cluster-wide): name, then its URI.
    QString grant(const QString &suffix, PostgresAccessSchema::Scope scope, const QString &code);
    QStringList column(const QString &uri, const QString &sql);
    // A store signed in as a county role of Meitan (grant()), opened; null when either fails.
    // *uri: the role's URI, when asked for.
    std::unique_ptr<PostgresSiteStore> meitanStore(QString *uri = nullptr);

    QString mUri; // the database, as the superuser who owns the tables
    std::unique_ptr<PostgresSiteStore> mAdmin;
};

void TestSiteStoreRls::initTestCase()
{
    // The first store to open a database fills the county list from the bundled GeoPackage.
    GDALAllRegister();
}

void TestSiteStoreRls::init()
{
    if (!TestPostgres::wanted())
        QSKIP("row-level security is PostgreSQL's: run with the test cluster");
    QString error;
    mUri = TestPostgres::freshDatabase(&error);
    QVERIFY2(!mUri.isEmpty(), qPrintable(error));
    mAdmin = std::make_unique<PostgresSiteStore>(mUri);
    QVERIFY2(mAdmin->open(&error), qPrintable(error));
    // Two sites in Meitan (one with a device), one in Nanming with a device.
    QVERIFY2(mAdmin->saveSites({ site(QStringLiteral("A1"), kMeitan, 107.369661, 27.674193),
                                   site(QStringLiteral("A2"), kMeitan, 107.476725, 27.766336),
                                   site(QStringLiteral("B1"), kNanming, 106.713478, 26.578343) },
                 SiteRevision::Kind::Import, QStringLiteral("setup.csv"), &error),
        qPrintable(error));
    QVERIFY2(mAdmin->noteDevice(QStringLiteral("A1"), kMeitan, QStringLiteral("TAG1"),
                 QStringLiteral("body_temperature"), &error),
        qPrintable(error));
    QVERIFY2(mAdmin->noteDevice(QStringLiteral("B1"), kNanming, QStringLiteral("TAG9"),
                 QStringLiteral("body_temperature"), &error),
        qPrintable(error));
}

QString TestSiteStoreRls::grant(
    const QString &suffix, PostgresAccessSchema::Scope scope, const QString &code)
{
    const QString role = TestPostgres::roleName(mUri, suffix);
    PostgresConnection admin(mUri);
    QString error, done;
    if (!admin.open(&error)
        || !PostgresAccessSchema::grant(admin, role, scope, code, &done, &error)) {
        qWarning("cannot grant %s: %s", qPrintable(role), qPrintable(error));
        return QString();
    }
    return TestPostgres::uriAs(mUri, role);
}

std::unique_ptr<PostgresSiteStore> TestSiteStoreRls::meitanStore(QString *uri)
{
    const QString as
        = grant(QStringLiteral("meitan"), PostgresAccessSchema::Scope::County, kMeitan);
    if (uri)
        *uri = as;
    if (as.isEmpty())
        return nullptr;
    auto store = std::make_unique<PostgresSiteStore>(as);
    QString error;
    if (!store->open(&error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return store;
}

QStringList TestSiteStoreRls::column(const QString &uri, const QString &sql)
{
    QString error;
    const QStringList values = TestPostgres::column(uri, sql, &error);
    if (!error.isEmpty())
        qWarning("%s", qPrintable(error));
    return values;
}

void TestSiteStoreRls::geometryFollowsLonLat()
{
    QString error;
    Site nowhere = site(QStringLiteral("N1"), kMeitan, std::nan(""), std::nan(""));
    QVERIFY2(
        mAdmin->saveSites({ nowhere }, SiteRevision::Kind::Edit, QStringLiteral("test"), &error),
        qPrintable(error));
    // The point is the location as given, in EPSG:4326, with a GiST index; none without one.
    const QStringList xy = column(mUri,
        QStringLiteral("SELECT ST_X(geom) || ' ' || ST_Y(geom) || ' ' || ST_SRID(geom) FROM sites "
                       "WHERE id = 'A1'"));
    QCOMPARE(xy, QStringList { QStringLiteral("107.369661 27.674193 4326") });
    QCOMPARE(column(mUri, QStringLiteral("SELECT geom IS NULL FROM sites WHERE id = 'N1'")),
        QStringList { QStringLiteral("t") });
    QCOMPARE(column(mUri,
                 QStringLiteral("SELECT count(*) FROM pg_indexes WHERE tablename = 'sites' AND "
                                "indexdef LIKE '%USING gist (geom)%'")),
        QStringList { QStringLiteral("1") });
    // A spatial query finds the site near Meitan, not the one in Guiyang.
    QCOMPARE(column(mUri,
                 QStringLiteral("SELECT id FROM sites WHERE ST_DWithin(geom, "
                                "ST_SetSRID(ST_MakePoint(107.37, 27.67), 4326), 0.05)")),
        QStringList { QStringLiteral("A1") });
    // lon / lat read back exactly as written.
    const Site a1 = **mAdmin->site(QStringLiteral("A1"), &error);
    QCOMPARE(a1.lon, 107.369661);
    QCOMPARE(a1.lat, 27.674193);
    QVERIFY(!(**mAdmin->site(QStringLiteral("N1"), &error)).hasLocation());
}

void TestSiteStoreRls::countyRoleSeesOnlyItsCounty()
{
    const auto meitan = meitanStore();
    QVERIFY(meitan);
    PostgresSiteStore &store = *meitan;
    QString error;
    SiteFilter all;
    all.includeRetired = true;
    const auto sites = store.sites(all, &error);
    QVERIFY2(sites, qPrintable(error));
    QCOMPARE(ids(*sites), (QStringList { QStringLiteral("A1"), QStringLiteral("A2") }));
    QCOMPARE(int(sites->front().devices.size()), 1);
    QCOMPARE(sites->front().devices.front().id, QStringLiteral("TAG1"));
    SiteFilter nanming;
    nanming.county = kNanming;
    QVERIFY(store.sites(nanming, &error)->empty());
    const auto b1 = store.site(QStringLiteral("B1"), &error);
    QVERIFY2(b1, qPrintable(error));
    QVERIFY(!b1->has_value());
    QCOMPARE(store.siteTypes(&error)->keys().size(), 2);
    QVERIFY(!store.siteTypes(&error)->contains(QStringLiteral("B1")));
    // The import wrote Meitan's sites too: listed.
    QCOMPARE(int(store.revisions(&error)->size()), 1);
    QVERIFY(store.generation(&error).has_value());
    QCOMPARE(int(store.types(&error)->size()), int(SiteType::builtIns().size()));

    // A prefecture role sees its counties (Meitan is in Zunyi, 520300), not Guiyang's.
    PostgresSiteStore zunyi(grant(QStringLiteral("zunyi"), PostgresAccessSchema::Scope::Prefecture,
        QStringLiteral("520300")));
    QVERIFY2(zunyi.open(&error), qPrintable(error));
    QCOMPARE(ids(*zunyi.sites(all, &error)),
        (QStringList { QStringLiteral("A1"), QStringLiteral("A2") }));
    // The alert engine's role scopes rules by every county's site types, and reads nothing else.
    PostgresSiteStore evaluator(
        grant(QStringLiteral("evaluator"), PostgresAccessSchema::Scope::Evaluator, QString()));
    QVERIFY2(evaluator.open(&error), qPrintable(error));
    const auto types = evaluator.siteTypes(&error);
    QVERIFY2(types, qPrintable(error));
    QCOMPARE(types->size(), 3);
    QVERIFY(!evaluator.revisions(&error));
}

void TestSiteStoreRls::countyRoleWritesOnlyItsCounty()
{
    const auto meitan = meitanStore();
    QVERIFY(meitan);
    PostgresSiteStore &store = *meitan;
    QString error;
    const qint64 generation = *mAdmin->generation(&error);
    const int revisions = int(mAdmin->revisions(&error)->size());

    // Other dashboards hear each change, with its county, when it is committed.
    PostgresConnection listener(mUri);
    QVERIFY2(listener.open(&error) && listener.listen(QStringLiteral("dvdash_sites"), &error),
        qPrintable(error));

    // Its own county: saved, the counter grows, the change is announced.
    Site a1 = **store.site(QStringLiteral("A1"), &error);
    a1.devices.clear();
    a1.name = QStringLiteral("湄潭一场");
    QVERIFY2(store.saveSites({ a1 }, SiteRevision::Kind::Edit, QStringLiteral("edit"), &error),
        qPrintable(error));
    QVERIFY(*mAdmin->generation(&error) > generation);
    QStringList heard;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            listener.consumeInput();
            for (const PostgresNotification &n : listener.takeNotifications())
                heard << n.payload;
            return heard.contains(kMeitan);
        }(),
        5000);

    // Another county's site next to its own: refused whole, naming the site.
    Site b1 = site(QStringLiteral("B1"), kNanming, 106.713478, 26.578343);
    b1.name = QStringLiteral("taken over");
    a1.name = QStringLiteral("second edit");
    QVERIFY(!store.saveSites({ a1, b1 }, SiteRevision::Kind::Edit, QStringLiteral("edit"), &error));
    QVERIFY2(error.contains(QStringLiteral("B1")), qPrintable(error));
    qInfo("%s", qPrintable(error));
    // The same site moved into its own county: the row it would overwrite is not its own.
    b1.county = kMeitan;
    const Site a3 = site(QStringLiteral("A3"), kMeitan, 107.4, 27.7);
    QVERIFY(
        !store.saveSites({ a3, b1 }, SiteRevision::Kind::Import, QStringLiteral("x.csv"), &error));
    QVERIFY2(error.contains(QStringLiteral("B1")), qPrintable(error));
    QVERIFY2(!error.contains(QStringLiteral("A3")), qPrintable(error));
    qInfo("%s", qPrintable(error));
    // Nothing of either attempt was written.
    QCOMPARE((**mAdmin->site(QStringLiteral("A1"), &error)).name, QStringLiteral("湄潭一场"));
    const Site b1Now = **mAdmin->site(QStringLiteral("B1"), &error);
    QCOMPARE(b1Now.name, QStringLiteral("B1"));
    QCOMPARE(b1Now.county, kNanming);
    QVERIFY(!mAdmin->site(QStringLiteral("A3"), &error)->has_value());
    QCOMPARE(int(mAdmin->revisions(&error)->size()), revisions + 1);

    // Devices: its own site's device retires; another county's device is not there to retire
    // nor to register through the definer function.
    QVERIFY(!store.retireDevice(QStringLiteral("B1"), QStringLiteral("TAG9"), &error));
    QVERIFY2(store.retireDevice(QStringLiteral("A1"), QStringLiteral("TAG1"), &error),
        qPrintable(error));
    QVERIFY(!store.noteDevice(QStringLiteral("B1"), kNanming, QStringLiteral("TAG2"),
        QStringLiteral("body_temperature"), &error));
    QVERIFY2(error.contains(QStringLiteral("B1")), qPrintable(error));
    QCOMPARE(store.noteDevice(QStringLiteral("A2"), kMeitan, QStringLiteral("TAG3"),
                 QStringLiteral("body_temperature"), &error),
        std::optional<bool>(true));
    QCOMPARE(
        store.noteMetrics(
            { { QStringLiteral("B1"), QStringLiteral("TAG9"), QStringLiteral("rumination") },
                { QStringLiteral("A2"), QStringLiteral("TAG3"), QStringLiteral("rumination") } },
            &error),
        std::optional<int>(1));
    QCOMPARE((**mAdmin->site(QStringLiteral("B1"), &error)).devices.front().metrics,
        QStringList { QStringLiteral("body_temperature") });
    QVERIFY(!(**mAdmin->site(QStringLiteral("B1"), &error)).devices.front().isRetired());

    // Site types are the province's: a county may not add one; a province role may.
    SiteType orchard;
    orchard.id = QStringLiteral("orchard");
    orchard.nameZh = QStringLiteral("果园");
    QVERIFY(!store.addType(orchard, &error));
    QVERIFY2(error.contains(QStringLiteral("province")), qPrintable(error));
    qInfo("%s", qPrintable(error));
    PostgresSiteStore province(
        grant(QStringLiteral("province"), PostgresAccessSchema::Scope::Province, QString()));
    QVERIFY2(province.open(&error), qPrintable(error));
    QVERIFY2(province.addType(orchard, &error), qPrintable(error));
    QVERIFY(SiteType::match(*store.types(&error), QStringLiteral("orchard")));
    // The province sees every county.
    QCOMPARE(int(province.sites(SiteFilter(), &error)->size()), 3);
}

void TestSiteStoreRls::forgedStatementsSeeAndChangeNothingElse()
{
    const QString uri
        = grant(QStringLiteral("meitan"), PostgresAccessSchema::Scope::County, kMeitan);
    QVERIFY(!uri.isEmpty());
    QCOMPARE(column(uri, QStringLiteral("SELECT id FROM sites ORDER BY id")),
        (QStringList { QStringLiteral("A1"), QStringLiteral("A2") }));
    QCOMPARE(column(uri, QStringLiteral("SELECT site_id FROM site_devices")),
        QStringList { QStringLiteral("A1") });
    QCOMPARE(column(uri, QStringLiteral("SELECT DISTINCT site_id FROM site_history ORDER BY 1")),
        (QStringList { QStringLiteral("A1"), QStringLiteral("A2") }));
    QCOMPARE(column(uri,
                 QStringLiteral("SELECT count(*) FROM sites WHERE ST_DWithin(geom, "
                                "ST_SetSRID(ST_MakePoint(106.71, 26.58), 4326), 1)")),
        QStringList { QStringLiteral("0") });

    QString error;
    // Updates and deletes of another county's rows touch nothing; inserts there are refused.
    QVERIFY2(TestPostgres::exec(uri,
                 QStringLiteral("UPDATE sites SET name = 'forged', county_code = '520328' WHERE "
                                "id = 'B1'"),
                 &error),
        qPrintable(error));
    QVERIFY(!TestPostgres::exec(
        uri, QStringLiteral("UPDATE sites SET county_code = '520102' WHERE id = 'A1'"), &error));
    QVERIFY(!TestPostgres::exec(uri, QStringLiteral("DELETE FROM sites"), &error));
    QVERIFY(!TestPostgres::exec(uri,
        QStringLiteral("INSERT INTO sites (id, type, name, county_code, township, attributes, "
                       "contact, status, source, revision_id) VALUES ('B2', 'clinic', 'x', "
                       "'520102', '', '{}', '', 'active', 'entered', 1)"),
        &error));
    QVERIFY2(error.contains(QStringLiteral("row-level security")), qPrintable(error));
    QVERIFY(!TestPostgres::exec(uri,
        QStringLiteral("INSERT INTO site_history (revision_id, site_id, county_code, data) "
                       "VALUES (1, 'B9', '520102', '{}')"),
        &error));
    QVERIFY(!TestPostgres::exec(
        uri, QStringLiteral("INSERT INTO site_devices VALUES ('B1', 'X', '', 0, NULL)"), &error));
    QVERIFY(
        !TestPostgres::exec(uri, QStringLiteral("UPDATE site_generation SET value = 0"), &error));
    QVERIFY(!TestPostgres::exec(uri,
        QStringLiteral("SELECT site_note_device('B1', '520102', 'X', 'm', 0, 'forged')"), &error));
    QVERIFY2(error.contains(QStringLiteral("B1")), qPrintable(error));
    QVERIFY(!TestPostgres::exec(uri, QStringLiteral("SELECT * FROM dvdash_access"), &error));

    const Site b1 = **mAdmin->site(QStringLiteral("B1"), &error);
    QCOMPARE(b1.name, QStringLiteral("B1"));
    QCOMPARE(b1.county, kNanming);
    QCOMPARE(int(b1.devices.size()), 1);
    QCOMPARE(column(mUri, QStringLiteral("SELECT count(*) FROM sites")),
        QStringList { QStringLiteral("3") });
}

void TestSiteStoreRls::collectorRegistersDevicesWithoutReading()
{
    const QString uri
        = grant(QStringLiteral("collector"), PostgresAccessSchema::Scope::Collector, QString());
    QVERIFY(!uri.isEmpty());
    QString error;
    QVERIFY(TestPostgres::column(uri, QStringLiteral("SELECT id FROM sites"), &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("permission denied")), qPrintable(error));
    error.clear();
    QVERIFY(!TestPostgres::exec(uri, QStringLiteral("SELECT * FROM site_devices"), &error));
    QVERIFY(!TestPostgres::exec(uri, QStringLiteral("SELECT * FROM site_history"), &error));

    PostgresSiteStore store(uri);
    QVERIFY2(store.open(&error), qPrintable(error));
    QVERIFY(!store.sites(SiteFilter(), &error));
    const qint64 before = *mAdmin->generation(&error);
    // A device heard on the feed: of a known site, and of a site nobody registered yet.
    QCOMPARE(store.noteDevice(QStringLiteral("B1"), kNanming, QStringLiteral("TAG5"),
                 QStringLiteral("body_temperature"), &error),
        std::optional<bool>(true));
    QCOMPARE(store.noteDevice(QStringLiteral("NEW1"), kMeitan, QStringLiteral("T1"),
                 QStringLiteral("body_temperature"), &error),
        std::optional<bool>(true));
    QCOMPARE(store.noteDevice(QStringLiteral("NEW1"), kMeitan, QStringLiteral("T1"),
                 QStringLiteral("body_temperature"), &error),
        std::optional<bool>(false));
    QCOMPARE(
        store.noteMetrics(
            { { QStringLiteral("NEW1"), QStringLiteral("T1"), QStringLiteral("rumination") },
                { QStringLiteral("NOPE"), QStringLiteral("T1"), QStringLiteral("rumination") } },
            &error),
        std::optional<int>(1));
    const auto after = store.generation(&error);
    QVERIFY2(after, qPrintable(error));
    QVERIFY(*after > before);

    const Site fresh = **mAdmin->site(QStringLiteral("NEW1"), &error);
    QCOMPARE(fresh.type, SiteType::unknownId());
    QCOMPARE(fresh.county, kMeitan);
    QCOMPARE(fresh.devices.front().metrics,
        (QStringList { QStringLiteral("body_temperature"), QStringLiteral("rumination") }));
    QCOMPARE(int((**mAdmin->site(QStringLiteral("B1"), &error)).devices.size()), 2);
    // The registration is a revision like any other, by the collector.
    QCOMPARE(column(mUri,
                 QStringLiteral("SELECT created_by = '%1' FROM site_revisions ORDER BY id DESC "
                                "LIMIT 1")
                     .arg(QUrl(uri).userName())),
        QStringList { QStringLiteral("t") });
}

void TestSiteStoreRls::readOnlySpecNeverWrites()
{
    QString error;
    PostgresSiteStore reader(StoreSpec::readOnly(mUri));
    QVERIFY2(reader.open(&error), qPrintable(error));
    QCOMPARE(int(reader.sites(SiteFilter(), &error)->size()), 3);
    const qint64 generation = *reader.generation(&error);
    QVERIFY(!reader.saveSites({ site(QStringLiteral("R1"), kMeitan, 107.4, 27.7) },
        SiteRevision::Kind::Edit, QStringLiteral("test"), &error));
    QVERIFY(!reader.noteDevice(
        QStringLiteral("A2"), kMeitan, QStringLiteral("T"), QStringLiteral("m"), &error));
    QCOMPARE(*mAdmin->generation(&error), generation);
    QVERIFY(!mAdmin->site(QStringLiteral("R1"), &error)->has_value());

    // An empty database is not set up by a read-only store: it says what to run.
    const QString empty = TestPostgres::freshDatabase(&error);
    QVERIFY2(!empty.isEmpty(), qPrintable(error));
    PostgresSiteStore blank(StoreSpec::readOnly(empty));
    QVERIFY(!blank.open(&error));
    QVERIFY2(error.contains(QStringLiteral("init-postgres")), qPrintable(error));
    QCOMPARE(
        column(empty, QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename = 'sites'")),
        QStringList { QStringLiteral("0") });
}

void TestSiteStoreRls::recoversAfterLosingTheServer()
{
    QString uri;
    const auto meitan = meitanStore(&uri);
    QVERIFY(meitan);
    PostgresSiteStore &store = *meitan;
    QString error;
    // The server drops the session, as a restart would.
    QCOMPARE(column(mUri,
                 QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                "WHERE usename = '%1'")
                     .arg(QUrl(uri).userName())),
        QStringList { QStringLiteral("1") });
    // The call that meets the lost connection fails; the store reconnects on the next.
    QTRY_VERIFY_WITH_TIMEOUT(store.sites(SiteFilter(), &error).has_value(), 5000);
    QCOMPARE(int(store.sites(SiteFilter(), &error)->size()), 2);
}

QTEST_GUILESS_MAIN(TestSiteStoreRls)
#include "tst_sitestore_rls.moc"
