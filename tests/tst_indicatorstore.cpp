// The indicator store: schema beside the sensor tables, definitions, revisions and restore,
// the bundled sample's facts, and the composite index's arithmetic.
#include "testsupport.h"

#include "compositeindex.h"
#include "countydirectory.h"
#include "indicatorcatalogue.h"
#include "sampleindicators.h"
#include "sqliteindicatorstore.h"
#include "sqlitesensorstore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

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

private:
    QString path(const QString &name) const { return mDir.filePath(name); }

    QTemporaryDir mDir;
    std::optional<CountyDirectory> mCounties;
};

void TestIndicatorStore::initTestCase()
{
    QVERIFY(mDir.isValid());
    QString error;
    mCounties = CountyDirectory::loadBundled(&error);
    QVERIFY2(mCounties, qPrintable(error));
}

// One file holds the sensor tables and the indicator tables, each with its own version.
void TestIndicatorStore::sharesTheSensorFile()
{
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
    const QString file = path(QStringLiteral("definitions.sqlite"));
    QString error;
    {
        SqliteIndicatorStore store(file);
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
    SqliteIndicatorStore store(file);
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
    SqliteIndicatorStore store(path(QStringLiteral("revisions.sqlite")));
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
    SqliteIndicatorStore store(path(QStringLiteral("withdraw.sqlite")));
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
    SqliteIndicatorStore store(path(QStringLiteral("refuse.sqlite")));
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
    SqliteIndicatorStore store(path(QStringLiteral("sample.sqlite")));
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

QTEST_GUILESS_MAIN(TestIndicatorStore)
#include "tst_indicatorstore.moc"
