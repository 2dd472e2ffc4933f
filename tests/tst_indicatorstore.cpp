// The indicator store: schema beside the sensor tables, definitions, revisions and restore,
// the bundled sample's facts, and the composite index's arithmetic. Runs against SQLite and,
// as test_indicatorstore_postgres, against PostgreSQL, where it also checks who may write what.
#include "testsupport.h"

#include "compositeindex.h"
#include "countydirectory.h"
#include "indicatorcatalogue.h"
#include "postgresaccess.h"
#include "postgresconnection.h"
#include "postgresindicatorstore.h"
#include "sampleindicators.h"
#include "sqliteindicatorstore.h"
#include "sqlitesensorstore.h"
#include "storespec.h"
#include "testpostgres.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

#include <cmath>
#include <memory>

using namespace dv;

namespace {

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

IndicatorValue value(const char *county, const char *indicator, int year, double v)
{
    return { QString::fromLatin1(county), QString::fromLatin1(indicator), year, v };
}

Indicator definition(const char *id, IndicatorDimension dimension, bool higherIsBetter = true)
{
    Indicator i;
    i.id = QString::fromLatin1(id);
    i.nameZh = QString::fromLatin1(id);
    i.dimension = dimension;
    i.higherIsBetter = higherIsBetter;
    return i;
}

bool onPostgres()
{
    return TestPostgres::backend() == QLatin1String("postgresql");
}

// The store of the backend under test on spec (TestPostgres::freshStoreSpec).
std::unique_ptr<IndicatorStore> storeOn(const QString &spec)
{
    if (onPostgres())
        return std::make_unique<PostgresIndicatorStore>(spec);
    QString ignored;
    return std::make_unique<SqliteIndicatorStore>(StoreSpec::sqlitePath(spec, &ignored));
}

} // namespace

class TestIndicatorStore : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void sharesTheSensorFile();
    void refusesNewerSchema();
    void definitions();
    void revisionsAndRestore();
    void restoreWithdrawsLaterValues();
    void refusesBadImports();
    void sampleOnFirstUseOnly();
    void sampleFacts();
    void compositeArithmetic();
    void compositeMissingValues();
    // PostgreSQL only: row-level security by role.
    void countyRoleReadsAllWritesOwn();
    void countyRoleRefusedAnotherCountyWhole();
    void forgedWritesRefused();
    void countyRestoreKeepsOtherCounties();
    void definingIsTheProvinces();
    void countyRoleGetsNoPartialSample();
    void collectorCannotRead();
    // PostgreSQL only: the shared server's other duties.
    void readOnlyNeverWrites();
    void recoversAfterLostConnection();
    void announcesChanges();

private:
    QString path(const QString &name) const { return mDir.filePath(name); }
    // A new, empty store of the backend under test: its spec, or empty (and the test fails).
    QString freshSpec();
    // PostgreSQL: a login role (unique to spec's database) given an area by `admin grant`.
    QString roleWithArea(const QString &spec, const QString &suffix,
        PostgresAccessSchema::Scope scope, const QString &code);
    // Opens the backend's store on spec, or null with the error reported as a failure.
    std::unique_ptr<IndicatorStore> opened(const QString &spec);
    // PostgreSQL: opened() signed in as a new roleWithArea() role, whose name goes to *role
    // when given; null when either fails.
    std::unique_ptr<IndicatorStore> openedAs(const QString &spec, const QString &suffix,
        PostgresAccessSchema::Scope scope, const QString &code, QString *role = nullptr);
    // The roles most tests sign in as: county 520102's, and the province's.
    std::unique_ptr<IndicatorStore> openedAsCounty(const QString &spec, QString *role = nullptr);
    std::unique_ptr<IndicatorStore> openedAsProvince(const QString &spec);

    QTemporaryDir mDir;
    std::vector<std::unique_ptr<QTemporaryDir>> mStoreDirs;
    std::optional<CountyDirectory> mCounties;
};

void TestIndicatorStore::initTestCase()
{
    QVERIFY(mDir.isValid());
    QString error;
    mCounties = CountyDirectory::loadBundled(&error);
    QVERIFY2(mCounties, qPrintable(error));
}

QString TestIndicatorStore::freshSpec()
{
    mStoreDirs.push_back(std::make_unique<QTemporaryDir>());
    QString error;
    const QString spec = TestPostgres::freshStoreSpec(*mStoreDirs.back(), &error);
    if (spec.isEmpty())
        qWarning("%s", qPrintable(error));
    return spec;
}

std::unique_ptr<IndicatorStore> TestIndicatorStore::opened(const QString &spec)
{
    auto store = storeOn(spec);
    QString error;
    if (!store->open(&error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return store;
}

QString TestIndicatorStore::roleWithArea(const QString &spec, const QString &suffix,
    PostgresAccessSchema::Scope scope, const QString &code)
{
    const QString role = TestPostgres::roleName(spec, suffix);
    PostgresConnection admin(spec);
    QString done, error;
    if (!admin.open(&error)
        || !PostgresAccessSchema::grant(admin, role, scope, code, &done, &error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    return role;
}

std::unique_ptr<IndicatorStore> TestIndicatorStore::openedAs(const QString &spec,
    const QString &suffix, PostgresAccessSchema::Scope scope, const QString &code, QString *role)
{
    const QString name = roleWithArea(spec, suffix, scope, code);
    if (role)
        *role = name;
    return name.isEmpty() ? nullptr : opened(TestPostgres::uriAs(spec, name));
}

std::unique_ptr<IndicatorStore> TestIndicatorStore::openedAsCounty(
    const QString &spec, QString *role)
{
    return openedAs(spec, u("county"), PostgresAccessSchema::Scope::County, u("520102"), role);
}

std::unique_ptr<IndicatorStore> TestIndicatorStore::openedAsProvince(const QString &spec)
{
    return openedAs(spec, u("province"), PostgresAccessSchema::Scope::Province, QString());
}

// One file holds the sensor tables and the indicator tables, each with its own version.
void TestIndicatorStore::sharesTheSensorFile()
{
    if (onPostgres())
        QSKIP("one SQLite file holding both parts; on a server each part has its own tables");
    const QString file = path(QStringLiteral("shared.sqlite"));
    QString error;
    {
        SqliteSensorStore sensors(file);
        QVERIFY2(sensors.open(&error), qPrintable(error));
        QVERIFY(sensors.deviceId(QStringLiteral("520328/T0001/soil"), &error));
        SqliteIndicatorStore indicators(file);
        QVERIFY2(indicators.open(&error), qPrintable(error));
        QCOMPARE(indicators.schemaVersion(), SqliteIndicatorStore::kSchemaVersion);
        QVERIFY(indicators.importValues(
            { value("520102", "villages_5g", 2024, 90) }, QStringLiteral("t"), &error));
    }
    SqliteSensorStore sensors(file);
    QVERIFY2(sensors.open(&error), qPrintable(error));
    QVERIFY(sensors.findDevice(QStringLiteral("soil"), &error));
    SqliteIndicatorStore indicators(file);
    QVERIFY2(indicators.open(&error), qPrintable(error));
    QCOMPARE(indicators.values(u("villages_5g"), 2024, &error)->value(u("520102")), 90.0);
}

void TestIndicatorStore::refusesNewerSchema()
{
    if (onPostgres()) {
        const QString spec = freshSpec();
        QVERIFY(!spec.isEmpty());
        QVERIFY(opened(spec));
        QString error;
        QVERIFY2(TestPostgres::exec(spec,
                     QStringLiteral("UPDATE dvdash_schema SET version = 99 WHERE part = "
                                    "'indicators'"),
                     &error),
            qPrintable(error));
        PostgresIndicatorStore store(spec);
        QVERIFY(!store.open(&error));
        QVERIFY2(error.contains(QLatin1String("newer dvdash")), qPrintable(error));
        return;
    }
    const QString file = path(QStringLiteral("future.sqlite"));
    QString error;
    {
        SqliteIndicatorStore store(file);
        QVERIFY2(store.open(&error), qPrintable(error));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), u("raw"));
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO indicator_schema_version VALUES (99)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(u("raw"));
    SqliteIndicatorStore store(file);
    QVERIFY(!store.open(&error));
    QVERIFY2(error.contains(QLatin1String("newer dvdash")), qPrintable(error));
}

// Built-ins are there from the start; an office's own indicator is kept across sessions; bad
// or taken ids are refused.
void TestIndicatorStore::definitions()
{
    const QString spec = freshSpec();
    QVERIFY(!spec.isEmpty());
    QString error;
    {
        const auto opened = storeOn(spec);
        IndicatorStore &store = *opened;
        QVERIFY2(store.open(&error), qPrintable(error));
        const auto all = store.indicators(&error);
        QCOMPARE(all->size(), IndicatorCatalogue::builtIns().size());
        QCOMPARE(all->front().id, u("de_value_added"));
        QCOMPARE(all->front().unit, u("亿元"));
        Indicator own = definition("broadband_speed", IndicatorDimension::Infrastructure);
        own.nameZh = u("农村宽带平均速率");
        own.unit = u("Mbit/s");
        own.minimum = 0;
        QVERIFY2(store.addIndicator(own, &error), qPrintable(error));
        QVERIFY(!store.addIndicator(own, &error));
        QVERIFY2(error.contains(QLatin1String("already taken")), qPrintable(error));
        QVERIFY(!store.addIndicator(definition("Bad Id", IndicatorDimension::Life), &error));
    }
    const auto reopened = storeOn(spec);
    IndicatorStore &store = *reopened;
    QVERIFY2(store.open(&error), qPrintable(error));
    const auto all = store.indicators(&error);
    QCOMPARE(all->size(), IndicatorCatalogue::builtIns().size() + 1);
    const Indicator &own = all->back();
    QCOMPARE(own.id, u("broadband_speed"));
    QCOMPARE(own.nameZh, u("农村宽带平均速率"));
    QCOMPARE(own.minimum, 0.0);
    QVERIFY(std::isinf(own.maximum));
    QVERIFY(!own.builtIn);
    QCOMPARE(own.dimension, IndicatorDimension::Infrastructure);
}

// Each import is a revision; values and series show the newest; restoring an old revision is a
// new revision, and can itself be undone.
void TestIndicatorStore::revisionsAndRestore()
{
    const auto opened = storeOn(freshSpec());
    IndicatorStore &store = *opened;
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const auto first = store.importValues(
        { value("520102", "villages_5g", 2023, 80), value("520103", "villages_5g", 2023, 70),
            value("520102", "villages_5g", 2022, 60) },
        u("a.csv"), &error);
    QVERIFY2(first, qPrintable(error));
    const auto second = store.importValues(
        { value("520102", "villages_5g", 2023, 85), value("520103", "villages_5g", 2023, 70) },
        u("b.csv"), &error);
    QVERIFY2(second, qPrintable(error));
    QCOMPARE(store.values(u("villages_5g"), 2023, &error)->value(u("520102")), 85.0);
    QCOMPARE(store.series(u("520102"), u("villages_5g"), &error),
        std::optional(QMap<int, double>({ { 2022, 60.0 }, { 2023, 85.0 } })));

    auto revisions = *store.revisions(&error);
    QCOMPARE(int(revisions.size()), 2);
    QCOMPARE(revisions[0].id, *second); // newest first
    QCOMPARE(revisions[0].source, u("b.csv"));
    QCOMPARE(revisions[0].valueCount, 2);
    QCOMPARE(revisions[0].changedCount, 1);
    QCOMPARE(revisions[1].changedCount, 3);

    const auto restored = store.restoreRevision(*first, &error);
    QVERIFY2(restored, qPrintable(error));
    QCOMPARE(store.values(u("villages_5g"), 2023, &error)->value(u("520102")), 80.0);
    revisions = *store.revisions(&error);
    QCOMPARE(int(revisions.size()), 3);
    QCOMPARE(revisions[0].kind, IndicatorRevision::Kind::Restore);
    QCOMPARE(revisions[0].restoredFrom, *first);
    QCOMPARE(revisions[0].valueCount, 1);

    // Nothing was lost: the second import can be brought back.
    QVERIFY(store.restoreRevision(*second, &error));
    QCOMPARE(store.values(u("villages_5g"), 2023, &error)->value(u("520102")), 85.0);
    QVERIFY(!store.restoreRevision(999, &error));
}

void TestIndicatorStore::restoreWithdrawsLaterValues()
{
    const auto opened = storeOn(freshSpec());
    IndicatorStore &store = *opened;
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const auto first
        = store.importValues({ value("520102", "villages_5g", 2023, 80) }, u("a.csv"), &error);
    QVERIFY(store.importValues(
        { value("520102", "villages_5g", 2024, 90), value("520103", "villages_5g", 2023, 75) },
        u("b.csv"), &error));
    QCOMPARE(*store.years(&error), QList<int>({ 2023, 2024 }));
    QVERIFY(store.restoreRevision(*first, &error));
    QCOMPARE(*store.years(&error), QList<int>({ 2023 }));
    QCOMPARE(store.values(u("villages_5g"), 2023, &error)->size(), 1);
    QVERIFY(store.values(u("villages_5g"), 2024, &error)->isEmpty());
    QCOMPARE(int(store.table(2023, &error)->size()), 1);
}

void TestIndicatorStore::refusesBadImports()
{
    const auto opened = storeOn(freshSpec());
    IndicatorStore &store = *opened;
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QVERIFY(!store.importValues(
        { value("520102", "villages_5g", 2023, 80), value("520102", "happiness", 2023, 1) }, u("x"),
        &error));
    QVERIFY2(error.contains(QLatin1String("happiness")), qPrintable(error));
    QVERIFY(!store.importValues(
        { value("520102", "villages_5g", 2023, 80), value("520102", "villages_5g", 2023, 81) },
        u("x"), &error));
    QVERIFY(!store.importValues(
        { value("520102", "villages_5g", 2023, std::nan("")) }, u("x"), &error));
    QVERIFY(store.revisions(&error)->empty());
    QVERIFY(store.years(&error)->isEmpty());
}

// The sample arrives once, on a store that never had indicator values, marked as sample.
void TestIndicatorStore::sampleOnFirstUseOnly()
{
    const auto opened = storeOn(freshSpec());
    IndicatorStore &store = *opened;
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QCOMPARE(store.ensureSampleData(&error), std::optional<bool>(true));
    QCOMPARE(*store.years(&error), QList<int>({ 2019, 2020, 2021, 2022, 2023, 2024, 2025 }));
    QCOMPARE(store.values(u("internet_penetration"), 2025, &error)->size(), 88);
    QCOMPARE(store.hasSampleValues(2021, &error), std::optional<bool>(true));
    QCOMPARE(store.revisions(&error)->front().kind, IndicatorRevision::Kind::Sample);
    QCOMPARE(store.ensureSampleData(&error), std::optional<bool>(false));
    QCOMPARE(int(store.revisions(&error)->size()), 1);

    // Real figures for every county replace the sample mark for that year only.
    std::vector<IndicatorValue> real;
    const std::vector<Indicator> indicators = *store.indicators(&error);
    for (const Indicator &i : indicators) {
        const QHash<QString, double> sample = *store.values(i.id, 2021, &error);
        for (auto it = sample.constBegin(); it != sample.constEnd(); ++it)
            real.push_back({ it.key(), i.id, 2021, it.value() });
    }
    QVERIFY(store.importValues(real, u("real.csv"), &error));
    QCOMPARE(store.hasSampleValues(2021, &error), std::optional<bool>(false));
    QCOMPARE(store.hasSampleValues(2022, &error), std::optional<bool>(true));
}

// The sample honours the facts it is built on, stays within every indicator's range and is the
// same on every run.
void TestIndicatorStore::sampleFacts()
{
    const std::vector<IndicatorValue> sample = SampleIndicators::generate(*mCounties);
    QCOMPARE(int(sample.size()), int(SampleIndicators::generate(*mCounties).size()));
    const std::vector<IndicatorValue> again = SampleIndicators::generate(*mCounties);
    for (std::size_t i = 0; i < sample.size(); ++i)
        QCOMPARE(sample[i].value, again[i].value);

    double va2020 = 0, va2021 = 0;
    QSet<QString> pigCounties;
    int guiyangDistricts = 0;
    for (const IndicatorValue &v : sample) {
        const Indicator *def = IndicatorCatalogue::builtIn(v.indicator);
        QVERIFY(def);
        QVERIFY2(def->accepts(v.value), qPrintable(v.county + v.indicator));
        if (v.indicator == QLatin1String("de_value_added")) {
            va2020 += v.year == 2020 ? v.value : 0;
            va2021 += v.year == 2021 ? v.value : 0;
        }
        if (v.indicator == QLatin1String("pig_survival")) {
            QVERIFY2(v.value > 96.0, qPrintable(QString::number(v.value)));
            pigCounties.insert(v.county);
        }
        const County *county = mCounties->byCode(v.county);
        if (v.indicator == QLatin1String("de_gdp_share") && v.year == 2023
            && county->prefectureCode == QLatin1String("5201") && county->name.endsWith(u("区"))) {
            QVERIFY2(v.value > 50.0, qPrintable(county->name));
            ++guiyangDistricts;
        }
    }
    QCOMPARE(guiyangDistricts, 6);
    // Guizhou's digital-economy value added grew 20.6 % in 2021.
    QVERIFY2(std::abs((va2021 / va2020 - 1) * 100 - 20.6) < 0.01,
        qPrintable(QString::number((va2021 / va2020 - 1) * 100, 'f', 4)));
    // Pig survival only where the bundled sites monitor pig farms.
    for (const County &c : mCounties->counties())
        QCOMPARE(pigCounties.contains(c.code), mCounties->sites(c.code).pigFarms > 0);
    QVERIFY(pigCounties.size() > 20);
}

// Three counties, two dimensions (one with a lower-is-better indicator), one indicator out of
// the index: the weights and scores worked out by hand.
void TestIndicatorStore::compositeArithmetic()
{
    Indicator out = definition("d", IndicatorDimension::Governance);
    out.inIndex = false;
    const std::vector<Indicator> indicators = { definition("a", IndicatorDimension::Infrastructure),
        definition("b", IndicatorDimension::Infrastructure, false),
        definition("c", IndicatorDimension::Economy), out };
    const std::vector<IndicatorValue> values = {
        value("1", "a", 2024, 10), value("2", "a", 2024, 20), value("3", "a", 2024, 30),
        value("1", "b", 2024, 5), value("2", "b", 2024, 15), value("3", "b", 2024, 10),
        value("1", "c", 2024, 7), value("2", "c", 2024, 7), value("3", "c", 2024, 7),
        value("1", "d", 2024, 100), value("2", "d", 2024, 0), value("3", "d", 2024, 50),
        value("1", "a", 2023, 999), // another year: ignored
    };
    const CompositeIndex index = CompositeIndex::compute(indicators, values, 2024);
    QCOMPARE(int(index.weights().size()), 3);
    double sum = 0;
    for (const auto &w : index.weights())
        sum += w.weight;
    QCOMPARE(sum, 1.0);
    QCOMPARE(index.weights()[0].indicator, u("a"));
    QCOMPARE(index.weights()[0].weight, 0.25);
    QCOMPARE(index.weights()[1].weight, 0.25);
    QVERIFY(index.weights()[1].reversed);
    QCOMPARE(index.weights()[2].weight, 0.5);
    QCOMPARE(index.weights()[0].minimum, 10.0);
    QCOMPARE(index.weights()[0].maximum, 30.0);
    // a: 0, 0.5, 1; b reversed: 1, 0, 0.5; c all equal: 1 each.
    // county 1: infra (0 + 1)/2 = 0.5, economy 1 -> (0.5 + 1)/2 = 75
    // county 2: infra (0.5 + 0)/2 = 0.25 -> 62.5; county 3: (1 + 0.5)/2 = 0.75 -> 87.5
    QCOMPARE(index.score(u("1")), 75.0);
    QCOMPARE(index.score(u("2")), 62.5);
    QCOMPARE(index.score(u("3")), 87.5);
    QVERIFY(index.isComplete(u("1")));
    QVERIFY(std::isnan(index.score(u("9"))));
}

// A missing value is left out of its dimension's mean, not counted as zero.
void TestIndicatorStore::compositeMissingValues()
{
    const std::vector<Indicator> indicators = { definition("a", IndicatorDimension::Infrastructure),
        definition("b", IndicatorDimension::Infrastructure),
        definition("c", IndicatorDimension::Life) };
    const std::vector<IndicatorValue> values = {
        value("1", "a", 2024, 0),
        value("2", "a", 2024, 10),
        value("1", "b", 2024, 0),
        value("2", "b", 2024, 10),
        value("3", "b", 2024, 10),
        value("1", "c", 2024, 1),
        value("2", "c", 2024, 0),
    };
    const CompositeIndex index = CompositeIndex::compute(indicators, values, 2024);
    QCOMPARE(index.score(u("1")), 50.0); // infra 0, life 1
    QCOMPARE(index.score(u("2")), 50.0); // infra 1, life 0
    QCOMPARE(index.score(u("3")), 100.0); // infra from b alone; no life value
    QVERIFY(index.isComplete(u("1")));
    QVERIFY(!index.isComplete(u("3")));
}

// Every official reads every county's values and revisions (they compare with neighbours and rank
// among the 88); a county role writes its own county's, and the revision says who made it.
void TestIndicatorStore::countyRoleReadsAllWritesOwn()
{
    if (!onPostgres())
        QSKIP("row-level security: PostgreSQL only");
    const QString spec = freshSpec();
    QVERIFY(!spec.isEmpty());
    const auto owner = opened(spec);
    QVERIFY(owner);
    QString error;
    QVERIFY2(owner->importValues({ value("520102", "villages_5g", 2024, 90),
                                     value("520103", "villages_5g", 2024, 70) },
                 u("province.csv"), &error),
        qPrintable(error));
    QString role;
    const auto county = openedAsCounty(spec, &role);
    QVERIFY(county);
    QCOMPARE(county->values(u("villages_5g"), 2024, &error),
        std::optional(QHash<QString, double>({ { u("520102"), 90.0 }, { u("520103"), 70.0 } })));
    QCOMPARE(int(county->table(2024, &error)->size()), 2);
    QCOMPARE(int(county->revisions(&error)->size()), 1);
    QCOMPARE(county->indicators(&error)->size(), IndicatorCatalogue::builtIns().size());

    const auto own = county->importValues(
        { value("520102", "villages_5g", 2024, 95), value("520102", "villages_5g", 2025, 97) },
        u("own.csv"), &error);
    QVERIFY2(own, qPrintable(error));
    QCOMPARE(owner->values(u("villages_5g"), 2024, &error)->value(u("520102")), 95.0);
    QCOMPARE(*owner->years(&error), QList<int>({ 2024, 2025 }));
    QCOMPARE(TestPostgres::column(spec,
                 QStringLiteral("SELECT made_by FROM indicator_revisions ORDER BY id"), &error),
        QStringList({ QUrl(spec).userName(), role }));
}

// One row of another county refuses the whole import, naming that row; nothing is stored. A
// prefecture role writes its counties and no others.
void TestIndicatorStore::countyRoleRefusedAnotherCountyWhole()
{
    if (!onPostgres())
        QSKIP("row-level security: PostgreSQL only");
    const QString spec = freshSpec();
    QVERIFY(!spec.isEmpty());
    QVERIFY(opened(spec));
    QString role;
    const auto county = openedAsCounty(spec, &role);
    QVERIFY(county);
    QString error;
    QVERIFY(!county->importValues({ value("520102", "villages_5g", 2023, 80),
                                      value("520102", "internet_penetration", 2023, 60),
                                      value("520103", "villages_5g", 2023, 70) },
        u("mixed.csv"), &error));
    for (const char *part : { "520103", "villages_5g", "2023", "nothing imported" })
        QVERIFY2(error.contains(QLatin1String(part)), qPrintable(error));
    QVERIFY2(error.contains(role), qPrintable(error));
    QVERIFY(county->revisions(&error)->empty());
    QVERIFY(county->years(&error)->isEmpty());
    QCOMPARE(
        TestPostgres::column(spec, QStringLiteral("SELECT count(*) FROM indicator_values"), &error),
        QStringList({ u("0") }));

    const auto guiyang
        = openedAs(spec, u("guiyang"), PostgresAccessSchema::Scope::Prefecture, u("520100"));
    QVERIFY(guiyang);
    QVERIFY2(guiyang->importValues({ value("520102", "villages_5g", 2023, 80),
                                       value("520103", "villages_5g", 2023, 70) },
                 u("guiyang.csv"), &error),
        qPrintable(error));
    QVERIFY(!guiyang->importValues(
        { value("520103", "villages_5g", 2024, 71), value("520201", "villages_5g", 2024, 50) },
        u("liupanshui.csv"), &error));
    QVERIFY2(error.contains(QLatin1String("520201")), qPrintable(error));
    QCOMPARE(int(guiyang->revisions(&error)->size()), 1);
}

// Statements written by hand as a county role (psql) get no further than the store's own.
void TestIndicatorStore::forgedWritesRefused()
{
    if (!onPostgres())
        QSKIP("row-level security: PostgreSQL only");
    const QString spec = freshSpec();
    QVERIFY(!spec.isEmpty());
    const auto owner = opened(spec);
    QVERIFY(owner);
    QString error;
    const auto revision = owner->importValues(
        { value("520102", "villages_5g", 2024, 90), value("520103", "villages_5g", 2024, 70) },
        u("province.csv"), &error);
    QVERIFY2(revision, qPrintable(error));
    const QString role
        = roleWithArea(spec, u("county"), PostgresAccessSchema::Scope::County, u("520102"));
    QVERIFY(!role.isEmpty());
    const QString as = TestPostgres::uriAs(spec, role);

    QVERIFY(!TestPostgres::exec(as,
        QStringLiteral("INSERT INTO indicator_values VALUES (%1, '520103', 'villages_5g', 2030, "
                       "1, false)")
            .arg(*revision),
        &error));
    QVERIFY2(error.contains(QLatin1String("row-level security")), qPrintable(error));
    QVERIFY(!TestPostgres::exec(as,
        QStringLiteral("INSERT INTO indicator_current VALUES ('villages_5g', 2030, '520103', 1, "
                       "false, %1)")
            .arg(*revision),
        &error));
    QVERIFY2(error.contains(QLatin1String("row-level security")), qPrintable(error));
    // Another county's rows are not there to update; its own row cannot be moved to another.
    QVERIFY2(TestPostgres::exec(as,
                 QStringLiteral("UPDATE indicator_current SET value = 0 WHERE county_code = "
                                "'520103'"),
                 &error),
        qPrintable(error));
    QVERIFY(!TestPostgres::exec(as,
        QStringLiteral("UPDATE indicator_current SET county_code = '520103', year = 2031 WHERE "
                       "county_code = '520102'"),
        &error));
    QVERIFY2(error.contains(QLatin1String("row-level security")), qPrintable(error));
    QVERIFY(!TestPostgres::exec(as, QStringLiteral("DELETE FROM indicator_values"), &error));
    QVERIFY2(error.contains(QLatin1String("permission denied")), qPrintable(error));
    // Nobody signs a revision in another's name.
    QVERIFY(!TestPostgres::exec(as,
        QStringLiteral("INSERT INTO indicator_revisions (created_ms, kind, source, value_count, "
                       "changed_count, made_by) VALUES (0, 'import', 'x', 0, 0, 'dvdash_admin')"),
        &error));
    QCOMPARE(
        TestPostgres::column(spec,
            QStringLiteral("SELECT value FROM indicator_current ORDER BY county_code"), &error),
        QStringList({ u("90"), u("70") }));
    QCOMPARE(
        TestPostgres::column(spec, QStringLiteral("SELECT count(*) FROM indicator_values"), &error),
        QStringList({ u("2") }));
}

// A county role's restore brings back its own county's values; the others keep theirs. The
// province's restores everything.
void TestIndicatorStore::countyRestoreKeepsOtherCounties()
{
    if (!onPostgres())
        QSKIP("row-level security: PostgreSQL only");
    const QString spec = freshSpec();
    QVERIFY(!spec.isEmpty());
    const auto owner = opened(spec);
    QVERIFY(owner);
    QString error;
    const auto first = owner->importValues(
        { value("520102", "villages_5g", 2023, 80), value("520103", "villages_5g", 2023, 70) },
        u("a.csv"), &error);
    QVERIFY2(first, qPrintable(error));
    QVERIFY(owner->importValues(
        { value("520102", "villages_5g", 2023, 85), value("520103", "villages_5g", 2023, 75),
            value("520102", "villages_5g", 2024, 88), value("520103", "villages_5g", 2024, 78) },
        u("b.csv"), &error));
    QString role;
    const auto county = openedAsCounty(spec, &role);
    QVERIFY(county);
    const auto restored = county->restoreRevision(*first, &error);
    QVERIFY2(restored, qPrintable(error));
    QCOMPARE(county->values(u("villages_5g"), 2023, &error),
        std::optional(QHash<QString, double>({ { u("520102"), 80.0 }, { u("520103"), 75.0 } })));
    QCOMPARE(county->values(u("villages_5g"), 2024, &error),
        std::optional(QHash<QString, double>({ { u("520103"), 78.0 } })));
    const IndicatorRevision newest = county->revisions(&error)->front();
    QCOMPARE(newest.id, *restored);
    QCOMPARE(newest.kind, IndicatorRevision::Kind::Restore);
    QCOMPARE(newest.restoredFrom, *first);
    QCOMPARE(newest.valueCount, 2);
    QVERIFY2(newest.source.contains(role), qPrintable(newest.source));
    // Who made each revision: the signed-in role, not whoever the client claims.
    QCOMPARE(newest.madeBy, role);
    QVERIFY(!county->revisions(&error)->back().madeBy.isEmpty());
    QVERIFY(county->revisions(&error)->back().madeBy != role);

    const auto whole = openedAsProvince(spec);
    QVERIFY(whole);
    QVERIFY2(whole->restoreRevision(*first, &error), qPrintable(error));
    QCOMPARE(whole->values(u("villages_5g"), 2023, &error),
        std::optional(QHash<QString, double>({ { u("520102"), 80.0 }, { u("520103"), 70.0 } })));
    QCOMPARE(*whole->years(&error), QList<int>({ 2023 }));
}

// Indicators are the same for every county: the province defines them, a county role cannot.
void TestIndicatorStore::definingIsTheProvinces()
{
    if (!onPostgres())
        QSKIP("row-level security: PostgreSQL only");
    const QString spec = freshSpec();
    QVERIFY(!spec.isEmpty());
    QVERIFY(opened(spec));
    QString role;
    const auto county = openedAsCounty(spec, &role);
    const auto whole = openedAsProvince(spec);
    QVERIFY(county && whole);
    QString error;
    const Indicator own = definition("broadband_speed", IndicatorDimension::Infrastructure);
    QVERIFY(!county->addIndicator(own, &error));
    QVERIFY2(error.contains(QLatin1String("may not define indicators")), qPrintable(error));
    QVERIFY2(error.contains(role), qPrintable(error));
    QVERIFY(!TestPostgres::exec(TestPostgres::uriAs(spec, role),
        QStringLiteral("INSERT INTO indicator_definitions VALUES ('forged', 'x', '', '', 1, true, "
                       "'life', '', NULL, NULL, true, false, 99999)"),
        &error));
    QVERIFY2(error.contains(QLatin1String("row-level security")), qPrintable(error));
    QVERIFY2(whole->addIndicator(own, &error), qPrintable(error));
    QCOMPARE(county->indicators(&error)->back().id, u("broadband_speed"));
    QVERIFY(county->importValues(
        { value("520102", "broadband_speed", 2024, 120) }, u("speed.csv"), &error));
}

// The sample covers all 88 counties: a county role on an empty server writes none of it; the
// province writes all of it.
void TestIndicatorStore::countyRoleGetsNoPartialSample()
{
    if (!onPostgres())
        QSKIP("row-level security: PostgreSQL only");
    const QString spec = freshSpec();
    QVERIFY(!spec.isEmpty());
    QVERIFY(opened(spec));
    const auto county = openedAsCounty(spec);
    QVERIFY(county);
    QString error;
    QCOMPARE(county->ensureSampleData(&error), std::optional<bool>(false));
    QVERIFY(county->revisions(&error)->empty());
    const auto whole = openedAsProvince(spec);
    QVERIFY(whole);
    QCOMPARE(whole->ensureSampleData(&error), std::optional<bool>(true));
    QCOMPARE(county->values(u("internet_penetration"), 2025, &error)->size(), 88);
    QCOMPARE(county->hasSampleValues(2025, &error), std::optional<bool>(true));
}

// The collector inserts readings and reads nothing else, indicators included.
void TestIndicatorStore::collectorCannotRead()
{
    if (!onPostgres())
        QSKIP("row-level security: PostgreSQL only");
    const QString spec = freshSpec();
    QVERIFY(!spec.isEmpty());
    const auto owner = opened(spec);
    QVERIFY(owner);
    QString error;
    QVERIFY(owner->importValues({ value("520102", "villages_5g", 2024, 90) }, u("a.csv"), &error));
    const QString role
        = roleWithArea(spec, u("collector"), PostgresAccessSchema::Scope::Collector, QString());
    QVERIFY(!role.isEmpty());
    PostgresIndicatorStore store(TestPostgres::uriAs(spec, role));
    QVERIFY(!store.open(&error));
    QVERIFY2(error.contains(QLatin1String("has no access")), qPrintable(error));
    QVERIFY2(error.contains(role), qPrintable(error));
    for (const char *table : { "indicator_current", "indicator_values", "indicator_revisions",
             "indicator_definitions" }) {
        QVERIFY(TestPostgres::column(TestPostgres::uriAs(spec, role),
            QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)), &error)
                    .isEmpty());
        QVERIFY2(error.contains(QLatin1String("permission denied")), qPrintable(error));
    }
}

// A read-only spec never creates the schema and never writes, whoever signs in.
void TestIndicatorStore::readOnlyNeverWrites()
{
    if (!onPostgres())
        QSKIP("the server's read-only sessions: PostgreSQL only");
    const QString spec = freshSpec();
    QVERIFY(!spec.isEmpty());
    QString error;
    {
        PostgresIndicatorStore early(StoreSpec::readOnly(spec));
        QVERIFY(!early.open(&error));
        QVERIFY2(error.contains(QLatin1String("init-postgres")), qPrintable(error));
        QCOMPARE(TestPostgres::column(
                     spec, QStringLiteral("SELECT to_regclass('indicator_current')::text"), &error),
            QStringList({ QString() }));
    }
    const auto owner = opened(spec);
    QVERIFY(owner);
    const auto first
        = owner->importValues({ value("520102", "villages_5g", 2024, 90) }, u("a.csv"), &error);
    QVERIFY2(first, qPrintable(error));
    // Through the registry, as the read commands open it.
    const auto reader = IndicatorStore::create(StoreSpec::readOnly(spec), &error);
    QVERIFY2(reader, qPrintable(error));
    QVERIFY(dynamic_cast<PostgresIndicatorStore *>(reader.get()));
    QCOMPARE(reader->values(u("villages_5g"), 2024, &error)->value(u("520102")), 90.0);
    QVERIFY(!reader->importValues({ value("520102", "villages_5g", 2024, 91) }, u("b"), &error));
    QVERIFY2(error.contains(QLatin1String("read-only")), qPrintable(error));
    QVERIFY(!reader->restoreRevision(*first, &error));
    QVERIFY2(error.contains(QLatin1String("read-only")), qPrintable(error));
    QVERIFY(!reader->addIndicator(definition("speed", IndicatorDimension::Life), &error));
    QCOMPARE(int(reader->revisions(&error)->size()), 1);
    QCOMPARE(owner->indicators(&error)->size(), IndicatorCatalogue::builtIns().size());
}

// The server restarting (here: the session killed) costs the call that met it at most; the next
// call reconnects by itself.
void TestIndicatorStore::recoversAfterLostConnection()
{
    if (!onPostgres())
        QSKIP("a lost server connection: PostgreSQL only");
    const QString spec = freshSpec();
    QVERIFY(!spec.isEmpty());
    const auto store = opened(spec);
    QVERIFY(store);
    QString error;
    QVERIFY(store->importValues({ value("520102", "villages_5g", 2024, 90) }, u("a.csv"), &error));
    QVERIFY2(TestPostgres::exec(spec,
                 QStringLiteral("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
                                "WHERE datname = current_database() AND pid <> pg_backend_pid()"),
                 &error),
        qPrintable(error));
    if (!store->years(&error))
        QVERIFY2(error.contains(QLatin1String("lost")), qPrintable(error));
    QCOMPARE(store->values(u("villages_5g"), 2024, &error)->value(u("520102")), 90.0);
    QVERIFY2(store->importValues({ value("520102", "villages_5g", 2024, 91) }, u("b.csv"), &error),
        qPrintable(error));
    QCOMPARE(int(store->revisions(&error)->size()), 2);
}

// Other dashboards hear of every change on dvdash_indicators when it commits.
void TestIndicatorStore::announcesChanges()
{
    if (!onPostgres())
        QSKIP("LISTEN/NOTIFY: PostgreSQL only");
    const QString spec = freshSpec();
    QVERIFY(!spec.isEmpty());
    const auto store = opened(spec);
    QVERIFY(store);
    PostgresConnection listener(spec);
    QString error;
    QVERIFY2(listener.open(&error) && listener.listen(u("dvdash_indicators"), &error),
        qPrintable(error));
    const auto revision
        = store->importValues({ value("520102", "villages_5g", 2024, 90) }, u("a.csv"), &error);
    QVERIFY2(revision, qPrintable(error));
    QVERIFY(store->addIndicator(definition("speed", IndicatorDimension::Life), &error));
    QStringList heard;
    const auto poll = [&] {
        listener.run(QStringLiteral("SELECT 1"), &error);
        for (const PostgresNotification &n : listener.takeNotifications()) {
            if (n.channel == QLatin1String("dvdash_indicators"))
                heard << n.payload;
        }
        return heard.size() >= 2;
    };
    QTRY_VERIFY_WITH_TIMEOUT(poll(), 5000);
    QCOMPARE(
        heard, QStringList({ QStringLiteral("revision:%1").arg(*revision), u("indicator:speed") }));
}

QTEST_GUILESS_MAIN(TestIndicatorStore)
#include "tst_indicatorstore.moc"
