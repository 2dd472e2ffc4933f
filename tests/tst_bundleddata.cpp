// The bundled guizhou.gpkg as the program reads it: counties, prefectures and sample sites.
#include "testsupport.h"

#include "bundleddata.h"
#include "layerstack.h"
#include "maphittester.h"
#include "vectorlayer.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

#include <ogr_geometry.h>

using namespace dv;

class TestBundledData : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void layersAndRoles();
    void counties();
    void renamedCounties_data();
    void renamedCounties();
    void prefectures();
    void siteCounts();
    void siteAttributesByType();
    void teaGardensInTeaCounties();
    void sitesWithinTheirCountyInOgr();
    void sitesWithinTheirCountyOnTheMap();

private:
    std::shared_ptr<VectorLayer> layer(const QString &id) const;
    int countyByCode(const QString &code) const;

    LayerStack mStack;
};

void TestBundledData::initTestCase()
{
    QVERIFY2(QFileInfo::exists(BundledData::geopackagePath()),
        qPrintable(BundledData::geopackagePath()));
    const QString error = dvtest::loadProvinceInto(mStack);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestBundledData::cleanupTestCase()
{
}

std::shared_ptr<VectorLayer> TestBundledData::layer(const QString &id) const
{
    return mStack.layer(id);
}

int TestBundledData::countyByCode(const QString &code) const
{
    const auto counties = layer(QStringLiteral("counties"));
    for (int f = 0; f < counties->featureCount(); ++f) {
        if (counties->table().text(f, QStringLiteral("code")) == code)
            return f;
    }
    return -1;
}

// The map starts with exactly these three layers, drawn in this order.
void TestBundledData::layersAndRoles()
{
    QCOMPARE(mStack.layers().size(), std::size_t(3));
    QCOMPARE(mStack.layers()[0]->id(), QStringLiteral("counties"));
    QCOMPARE(mStack.layers()[1]->id(), QStringLiteral("prefectures"));
    QCOMPARE(mStack.layers()[2]->id(), QStringLiteral("sites"));
    QCOMPARE(layer(QStringLiteral("counties"))->role(), LayerRole::Counties);
    QCOMPARE(layer(QStringLiteral("prefectures"))->role(), LayerRole::Prefectures);
    QCOMPARE(layer(QStringLiteral("sites"))->role(), LayerRole::Sites);
    QCOMPARE(layer(QStringLiteral("counties"))->kind(), GeometryKind::Polygon);
    QCOMPARE(layer(QStringLiteral("prefectures"))->kind(), GeometryKind::Polygon);
    QCOMPARE(layer(QStringLiteral("sites"))->kind(), GeometryKind::Point);
}

// All 88 county-level divisions with their GB/T 2260 codes, names and prefecture.
void TestBundledData::counties()
{
    const auto counties = layer(QStringLiteral("counties"));
    QCOMPARE(counties->featureCount(), 88);
    const FeatureTable &t = counties->table();
    const QRegularExpression sixDigits(QStringLiteral("^52\\d{4}$"));
    QSet<QString> codes, names;
    QHash<QString, QString> prefectureNames;
    const auto prefectures = layer(QStringLiteral("prefectures"));
    for (int f = 0; f < prefectures->featureCount(); ++f)
        prefectureNames.insert(prefectures->table().text(f, QStringLiteral("code")),
            prefectures->table().text(f, QStringLiteral("name")));
    for (int f = 0; f < 88; ++f) {
        const QString code = t.text(f, QStringLiteral("code"));
        const QString name = t.text(f, QStringLiteral("name"));
        QVERIFY2(sixDigits.match(code).hasMatch(), qPrintable(code));
        QVERIFY2(!name.isEmpty(), qPrintable(code));
        QVERIFY2(name.endsWith(QStringLiteral("县")) || name.endsWith(QStringLiteral("市"))
                || name.endsWith(QStringLiteral("区")),
            qPrintable(name));
        QCOMPARE(t.text(f, QStringLiteral("prefecture_code")), code.left(4));
        QCOMPARE(t.text(f, QStringLiteral("prefecture_name")), prefectureNames.value(code.left(4)));
        QVERIFY(!t.value(f, QStringLiteral("label_lon")).isNull());
        QVERIFY(!t.value(f, QStringLiteral("label_lat")).isNull());
        codes.insert(code);
        names.insert(name);
    }
    QCOMPARE(codes.size(), 88);
    QCOMPARE(names.size(), 88);
    QVERIFY(names.contains(QStringLiteral("南明区")));
    QVERIFY(names.contains(QStringLiteral("威宁彝族回族苗族自治县")));
    QCOMPARE(t.text(countyByCode(QStringLiteral("520328")), QStringLiteral("name")),
        QStringLiteral("湄潭县"));
}

// Counties renamed since the boundary data was drawn keep their former name for search.
void TestBundledData::renamedCounties_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("formerName");
    QTest::newRow("盘州市") << QStringLiteral("520281") << QStringLiteral("盘州市")
                            << QStringLiteral("盘县");
    QTest::newRow("水城区") << QStringLiteral("520204") << QStringLiteral("水城区")
                            << QStringLiteral("水城县");
    QTest::newRow("黔西市") << QStringLiteral("520581") << QStringLiteral("黔西市")
                            << QStringLiteral("黔西县");
    QTest::newRow("兴仁市") << QStringLiteral("522302") << QStringLiteral("兴仁市")
                            << QStringLiteral("兴仁县");
}

void TestBundledData::renamedCounties()
{
    QFETCH(QString, code);
    QFETCH(QString, name);
    QFETCH(QString, formerName);
    const auto counties = layer(QStringLiteral("counties"));
    const int f = countyByCode(code);
    QVERIFY(f >= 0);
    QCOMPARE(counties->table().text(f, QStringLiteral("name")), name);
    QCOMPARE(counties->table().text(f, QStringLiteral("former_name")), formerName);

    // And only these four carry a former name.
    int withFormer = 0;
    for (int g = 0; g < counties->featureCount(); ++g)
        withFormer += counties->table().text(g, QStringLiteral("former_name")).isEmpty() ? 0 : 1;
    QCOMPARE(withFormer, 4);
}

void TestBundledData::prefectures()
{
    const auto prefectures = layer(QStringLiteral("prefectures"));
    QCOMPARE(prefectures->featureCount(), 9);
    QSet<QString> codes;
    for (int f = 0; f < 9; ++f) {
        const QString code = prefectures->table().text(f, QStringLiteral("code"));
        QVERIFY2(QRegularExpression(QStringLiteral("^52\\d{2}$")).match(code).hasMatch(),
            qPrintable(code));
        QVERIFY(!prefectures->table().text(f, QStringLiteral("name")).isEmpty());
        codes.insert(code);
    }
    QCOMPARE(codes.size(), 9);
    QVERIFY(codes.contains(QStringLiteral("5201"))); // 贵阳市
}

// Enough sample sites of each kind, a clinic in every county, all marked as sample data.
void TestBundledData::siteCounts()
{
    const auto sites = layer(QStringLiteral("sites"));
    const FeatureTable &t = sites->table();
    QHash<QString, int> byType;
    QSet<QString> countiesWithClinic, siteIds;
    for (int f = 0; f < sites->featureCount(); ++f) {
        const QString type = t.text(f, QStringLiteral("type"));
        ++byType[type];
        if (type == QLatin1String("clinic"))
            countiesWithClinic.insert(t.text(f, QStringLiteral("county_code")));
        QCOMPARE(t.value(f, QStringLiteral("sample")).toInt(), 1);
        QVERIFY(!t.value(f, QStringLiteral("sample")).isNull());
        siteIds.insert(t.text(f, QStringLiteral("site_id")));
    }
    QCOMPARE(siteIds.size(), sites->featureCount());
    QCOMPARE(byType.size(), 3);
    QVERIFY2(byType.value(QStringLiteral("tea_garden")) >= 60,
        qPrintable(QString::number(byType.value(QStringLiteral("tea_garden")))));
    QVERIFY2(byType.value(QStringLiteral("pig_farm")) >= 80,
        qPrintable(QString::number(byType.value(QStringLiteral("pig_farm")))));
    QVERIFY2(byType.value(QStringLiteral("clinic")) >= 200,
        qPrintable(QString::number(byType.value(QStringLiteral("clinic")))));
    const auto counties = layer(QStringLiteral("counties"));
    for (int f = 0; f < counties->featureCount(); ++f) {
        const QString code = counties->table().text(f, QStringLiteral("code"));
        QVERIFY2(
            countiesWithClinic.contains(code), qPrintable(code + QStringLiteral(" has no clinic")));
    }
}

// Each site type carries its own attributes and none of the others' (the info panel relies on it).
void TestBundledData::siteAttributesByType()
{
    const auto sites = layer(QStringLiteral("sites"));
    const FeatureTable &t = sites->table();
    const QStringList own[] = { { QStringLiteral("area_mu"), QStringLiteral("variety") },
        { QStringLiteral("sow_count") },
        { QStringLiteral("doctors"), QStringLiteral("telemedicine") } };
    const QStringList types
        = { QStringLiteral("tea_garden"), QStringLiteral("pig_farm"), QStringLiteral("clinic") };
    QStringList all;
    for (const QStringList &fields : own)
        all << fields;
    for (int f = 0; f < sites->featureCount(); ++f) {
        const int k = types.indexOf(t.text(f, QStringLiteral("type")));
        QVERIFY(k >= 0);
        const QString id = t.text(f, QStringLiteral("site_id"));
        QCOMPARE(id.left(1),
            QStringList({ QStringLiteral("T"), QStringLiteral("P"), QStringLiteral("C") })[k]);
        for (const QString &field : all) {
            const bool expected = own[k].contains(field);
            QVERIFY2(t.value(f, field).isNull() != expected,
                qPrintable(QStringLiteral("%1 %2 %3")
                               .arg(id, field,
                                   expected ? QStringLiteral("missing") : QStringLiteral("set"))));
        }
        QVERIFY(!t.text(f, QStringLiteral("name")).isEmpty());
        QVERIFY(!t.text(f, QStringLiteral("township")).isEmpty());
        if (k == 0) {
            const double area = t.value(f, QStringLiteral("area_mu")).toDouble();
            QVERIFY2(area >= 50 && area <= 3000, qPrintable(id));
        } else if (k == 1) {
            const int sows = t.value(f, QStringLiteral("sow_count")).toInt();
            QVERIFY2(sows >= 30 && sows <= 1500, qPrintable(id));
        } else {
            const int doctors = t.value(f, QStringLiteral("doctors")).toInt();
            QVERIFY2(doctors >= 1 && doctors <= 4, qPrintable(id));
            const int tele = t.value(f, QStringLiteral("telemedicine")).toInt();
            QVERIFY2(tele == 0 || tele == 1, qPrintable(id));
        }
    }
}

// Tea gardens sit in Guizhou's real tea counties, never in, say, a city district.
void TestBundledData::teaGardensInTeaCounties()
{
    const QSet<QString> teaCounties = { QStringLiteral("湄潭县"), QStringLiteral("凤冈县"),
        QStringLiteral("都匀市"), QStringLiteral("正安县"), QStringLiteral("石阡县"),
        QStringLiteral("雷山县"), QStringLiteral("普安县"), QStringLiteral("余庆县"),
        QStringLiteral("贵定县"), QStringLiteral("瓮安县"), QStringLiteral("印江土家族苗族自治县"),
        QStringLiteral("思南县"), QStringLiteral("纳雍县"), QStringLiteral("开阳县") };
    const QStringList mainTeaCounties
        = { QStringLiteral("湄潭县"), QStringLiteral("凤冈县"), QStringLiteral("正安县"),
              QStringLiteral("都匀市"), QStringLiteral("石阡县"), QStringLiteral("雷山县") };
    const auto sites = layer(QStringLiteral("sites"));
    const auto counties = layer(QStringLiteral("counties"));
    const FeatureTable &t = sites->table();
    QHash<QString, int> teaPerCounty;
    for (int f = 0; f < sites->featureCount(); ++f) {
        // county_name agrees with the county the code names, for every site.
        const int county = countyByCode(t.text(f, QStringLiteral("county_code")));
        QVERIFY(county >= 0);
        QCOMPARE(t.text(f, QStringLiteral("county_name")),
            counties->table().text(county, QStringLiteral("name")));
        if (t.text(f, QStringLiteral("type")) != QLatin1String("tea_garden"))
            continue;
        const QString name = t.text(f, QStringLiteral("county_name"));
        QVERIFY2(teaCounties.contains(name), qPrintable(name));
        ++teaPerCounty[name];
    }
    for (const QString &name : mainTeaCounties)
        QVERIFY2(teaPerCounty.value(name) >= 1, qPrintable(name));
    // 湄潭 is the province's biggest tea county, and has the most gardens.
    for (auto it = teaPerCounty.cbegin(); it != teaPerCounty.cend(); ++it)
        QVERIFY(teaPerCounty.value(QStringLiteral("湄潭县")) >= it.value());
}

// Independent of our loader: GDAL/GEOS say each site is Within the county it names.
void TestBundledData::sitesWithinTheirCountyInOgr()
{
    auto ds = dvtest::openVector(BundledData::geopackagePath());
    QVERIFY(ds);
    OGRLayer *counties = ds->GetLayerByName("counties");
    OGRLayer *sites = ds->GetLayerByName("sites");
    QVERIFY(counties && sites);
    QHash<QString, std::shared_ptr<OGRGeometry>> byCode;
    counties->ResetReading();
    while (OGRFeature *f = counties->GetNextFeature()) {
        byCode.insert(QString::fromUtf8(f->GetFieldAsString("code")),
            std::shared_ptr<OGRGeometry>(f->StealGeometry()));
        OGRFeature::DestroyFeature(f);
    }
    QCOMPARE(byCode.size(), 88);
    int checked = 0;
    sites->ResetReading();
    while (OGRFeature *f = sites->GetNextFeature()) {
        const QString code = QString::fromUtf8(f->GetFieldAsString("county_code"));
        const QString id = QString::fromUtf8(f->GetFieldAsString("site_id"));
        const OGRGeometry *point = f->GetGeometryRef();
        const auto county = byCode.value(code);
        const bool within = point && county && point->Within(county.get());
        OGRFeature::DestroyFeature(f);
        QVERIFY2(within, qPrintable(QStringLiteral("%1 is not within %2").arg(id, code)));
        ++checked;
    }
    QCOMPARE(checked, 428);
}

// What the user clicks: each site's projected position hits its own county's polygon.
void TestBundledData::sitesWithinTheirCountyOnTheMap()
{
    const auto sites = layer(QStringLiteral("sites"));
    const auto counties = layer(QStringLiteral("counties"));
    QVERIFY(sites->projected() && counties->projected());
    QCOMPARE(sites->projected()->crs(), mStack.displayCrs());
    for (int f = 0; f < sites->featureCount(); ++f) {
        const QPointF p = sites->projected()->geometry().firstVertex(f);
        const int county = MapHitTester::polygonAt(*counties, p);
        const QString id = sites->table().text(f, QStringLiteral("site_id"));
        QVERIFY2(county >= 0, qPrintable(id + QStringLiteral(" hits no county")));
        QCOMPARE(counties->table().text(county, QStringLiteral("code")),
            sites->table().text(f, QStringLiteral("county_code")));
    }
}

QTEST_GUILESS_MAIN(TestBundledData)
#include "tst_bundleddata.moc"
