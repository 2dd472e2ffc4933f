// Reading users' files: bad input is refused with one line naming the file, odd input is
// loaded with what was skipped counted, Chinese attributes come out right in any encoding.
#include "testsupport.h"

#include "layerimporter.h"
#include "layerloader.h"
#include "layerstack.h"
#include "vectorlayer.h"

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <cpl_string.h>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace dv;

namespace {

const QByteArray kGoodGeoJson = R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "湄潭县茶园", "area": 120.5},
  "geometry": {"type": "Polygon", "coordinates": [[[107.40, 27.70], [107.55, 27.70], [107.55, 27.85], [107.40, 27.85], [107.40, 27.70]]]}},
 {"type": "Feature", "properties": {"name": "凤冈县茶园", "area": 80.0},
  "geometry": {"type": "Polygon", "coordinates": [[[107.70, 27.90], [107.80, 27.90], [107.80, 28.00], [107.70, 28.00], [107.70, 27.90]]]}}
]})";

QByteArray toGbk(const QString &text)
{
    char *recoded = CPLRecode(text.toUtf8().constData(), CPL_ENC_UTF8, "CP936");
    const QByteArray out(recoded);
    CPLFree(recoded);
    return out;
}

QString allNotices(const LoadResult &r)
{
    return r.notices.join(QLatin1Char('\n'));
}

} // namespace

class TestLayerLoader : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void refusesBadInput_data();
    void refusesBadInput();
    void refusesUnreadableFile();
    void shapefileWithoutPrjInLonLat();
    void skipsBadGeometriesAndCountsThem_data();
    void skipsBadGeometriesAndCountsThem();
    void selfIntersectingPolygonLoadsWithNotice();
    void gbkShapefile_data();
    void gbkShapefile();
    void utf8CsvWithChineseColumns();
    void kmlLoads();
    void mixedGeometriesBecomeOneLayerPerKind();
    void geoPackageLoads();
    void importerLeavesStackUnchangedOnFailure();

private:
    QString path(const QString &name) const { return mDir.filePath(name); }
    QString writeShapefile(const QString &name, int epsg, const QVector<QPointF> &points,
        const QStringList &extraOptions = {});

    QTemporaryDir mDir;
};

void TestLayerLoader::initTestCase()
{
    QVERIFY(mDir.isValid());
    GDALAllRegister();
}

void TestLayerLoader::cleanupTestCase()
{
}

QString TestLayerLoader::writeShapefile(
    const QString &name, int epsg, const QVector<QPointF> &points, const QStringList &extraOptions)
{
    const QString shp = path(name + QStringLiteral(".shp"));
    dvtest::OgrFile file(shp, "ESRI Shapefile", wkbPoint, epsg, extraOptions);
    if (!file.isValid())
        return {};
    file.addField(QStringLiteral("name"), OFTString);
    int i = 0;
    for (const QPointF &p : points)
        file.addFeature(
            std::make_unique<OGRPoint>(p.x(), p.y()), { QStringLiteral("site %1").arg(++i) });
    return shp;
}

void TestLayerLoader::refusesBadInput_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("reason"); // fragments the message must contain

    const QByteArray truncated = kGoodGeoJson.left(kGoodGeoJson.size() / 2);
    QVERIFY(dvtest::writeBytes(path(QStringLiteral("truncated.geojson")), truncated));
    QTest::newRow("truncated GeoJSON")
        << path(QStringLiteral("truncated.geojson")) << QStringList();

    const QByteArray invalidJson
        = R"({"type": "FeatureCollection", "features": [ {"type": oops, } ] })";
    QVERIFY(dvtest::writeBytes(path(QStringLiteral("invalid.geojson")), invalidJson));
    QTest::newRow("invalid JSON") << path(QStringLiteral("invalid.geojson")) << QStringList();

    QVERIFY(dvtest::writeBytes(path(QStringLiteral("empty.geojson")), QByteArray()));
    QTest::newRow("empty file") << path(QStringLiteral("empty.geojson"))
                                << QStringList { QStringLiteral("empty") };

    const QByteArray noFeatures = R"({"type": "FeatureCollection", "features": []})";
    QVERIFY(dvtest::writeBytes(path(QStringLiteral("nofeatures.geojson")), noFeatures));
    QTest::newRow("zero features") << path(QStringLiteral("nofeatures.geojson"))
                                   << QStringList { QStringLiteral("no features") };

    QVERIFY(QDir(mDir.path()).mkdir(QStringLiteral("boundaries")));
    QTest::newRow("directory") << path(QStringLiteral("boundaries"))
                               << QStringList { QStringLiteral("folder") };

    QTest::newRow("missing file") << path(QStringLiteral("nowhere.gpkg"))
                                  << QStringList { QStringLiteral("does not exist") };

    const QVector<QPointF> lonLat = { { 106.6, 26.6 }, { 107.4, 27.7 } };
    const QString noShx = writeShapefile(QStringLiteral("noshx"), 4490, lonLat);
    QVERIFY(QFile::remove(path(QStringLiteral("noshx.shx"))));
    QTest::newRow("Shapefile without .shx") << noShx << QStringList { QStringLiteral("noshx.shx") };

    const QString noDbf = writeShapefile(QStringLiteral("nodbf"), 4490, lonLat);
    QVERIFY(QFile::remove(path(QStringLiteral("nodbf.dbf"))));
    QTest::newRow("Shapefile without .dbf") << noDbf << QStringList { QStringLiteral("nodbf.dbf") };

    // Gauss-Krüger metres and no .prj: read as degrees they would lie nowhere on Earth.
    const QString noPrjMetres = writeShapefile(
        QStringLiteral("noprj_metres"), 0, { { 663000.0, 2949000.0 }, { 745000.0, 3071000.0 } });
    QVERIFY(!QFile::exists(path(QStringLiteral("noprj_metres.prj"))));
    QTest::newRow("Shapefile without .prj, metres")
        << noPrjMetres << QStringList { QStringLiteral(".prj") };

    QVERIFY(dvtest::writeBytes(path(QStringLiteral("nocoords.csv")),
        "名称,数量,备注\n湄潭县茶园,12,示例\n凤冈县茶园,7,示例\n"));
    QTest::newRow("CSV without coordinate columns")
        << path(QStringLiteral("nocoords.csv"))
        << QStringList { QStringLiteral("名称"), QStringLiteral("数量"), QStringLiteral("备注") };

    // EPSG:3857 metres in a GeoJSON, which by the RFC means WGS 84 degrees.
    const QByteArray mercatorJson = R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "a"}, "geometry": {"type": "Point", "coordinates": [11870000.0, 3080000.0]}},
 {"type": "Feature", "properties": {"name": "b"}, "geometry": {"type": "Point", "coordinates": [11920000.0, 3150000.0]}}]})";
    QVERIFY(dvtest::writeBytes(path(QStringLiteral("mercator.geojson")), mercatorJson));
    QTest::newRow("GeoJSON in metres labelled 4326")
        << path(QStringLiteral("mercator.geojson")) << QStringList { QStringLiteral("metres") };
}

// A bad file gets one line that names it and says why; nothing half-loaded.
void TestLayerLoader::refusesBadInput()
{
    QFETCH(QString, file);
    QFETCH(QStringList, reason);
    const LoadResult result = LayerLoader::load(file);
    QVERIFY(!result.ok());
    QVERIFY(result.layers.empty());
    QVERIFY(!result.cancelled);
    QVERIFY(!result.error.isEmpty());
    QVERIFY2(result.error.contains(QFileInfo(file).fileName()), qPrintable(result.error));
    QVERIFY2(!result.error.contains(QLatin1Char('\n')), qPrintable(result.error));
    for (const QString &fragment : reason)
        QVERIFY2(result.error.contains(fragment), qPrintable(result.error));
}

// A file the user may not read: the same clear message. Root reads anything, so as root the
// real program runs as nobody.
void TestLayerLoader::refusesUnreadableFile()
{
#ifndef Q_OS_UNIX
    QSKIP("File permissions are access control lists on Windows: no mode bits to take away.");
#else
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::setPermissions(dir.path(),
        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
            | QFile::ReadOther | QFile::ExeOther));
    const QString file = dir.filePath(QStringLiteral("secret.geojson"));
    QVERIFY(dvtest::writeBytes(file, kGoodGeoJson));
    QVERIFY(QFile::setPermissions(file, {}));

    if (geteuid() != 0) {
        const LoadResult result = LayerLoader::load(file);
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(QStringLiteral("secret.geojson")), qPrintable(result.error));
        QVERIFY2(result.error.contains(QStringLiteral("cannot be read")), qPrintable(result.error));
        QVERIFY(!result.error.contains(QLatin1Char('\n')));
        return;
    }

    // nobody needs its own runtime and cache folders, or Qt and fontconfig talk on stderr.
    const QString home = dir.filePath(QStringLiteral("nobody"));
    QVERIFY(QDir().mkpath(home));
    QVERIFY(::chown(home.toLocal8Bit().constData(), 65534, 65534) == 0);
    QVERIFY(QFile::setPermissions(home, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QString out = dir.filePath(QStringLiteral("map.png"));
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home);
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home);
    env.insert(QStringLiteral("HOME"), home);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("setpriv"),
        { QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
            QStringLiteral("--clear-groups"), QStringLiteral(DVDASH_BINARY),
            QStringLiteral("render-map"), QStringLiteral("--layer"), file, QStringLiteral("--out"),
            out, QStringLiteral("--size"), QStringLiteral("200x150") });
    QVERIFY2(p.waitForFinished(30000), qPrintable(p.errorString()));
    const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QVERIFY2(
        p.exitCode() == 1, qPrintable(QStringLiteral("exit %1: %2").arg(p.exitCode()).arg(err)));
    QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("secret.geojson")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("cannot be read")), qPrintable(err));
    QVERIFY(!QFile::exists(out));
#endif
}

// A Shapefile without .prj but with plain lon/lat is common and is taken as CGCS2000, saying so.
void TestLayerLoader::shapefileWithoutPrjInLonLat()
{
    const QString shp = writeShapefile(
        QStringLiteral("noprj_lonlat"), 0, { { 106.63, 26.65 }, { 107.47, 27.77 } });
    QVERIFY(!QFile::exists(path(QStringLiteral("noprj_lonlat.prj"))));
    const LoadResult result = LayerLoader::load(shp);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.featureCount(), 2);
    QVERIFY2(
        allNotices(result).contains(QStringLiteral("EPSG:4490")), qPrintable(allNotices(result)));
    QVERIFY2(allNotices(result).contains(QStringLiteral("noprj_lonlat")),
        qPrintable(allNotices(result)));
    const QPointF p = result.layers.front()->lonLat().firstVertex(0);
    QCOMPARE(p, QPointF(106.63, 26.65));
}

void TestLayerLoader::skipsBadGeometriesAndCountsThem_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("loaded");
    QTest::addColumn<int>("skipped");
    // "word:n": some notice contains both the word and the number n.
    QTest::addColumn<QStringList>("noticeChecks");

    // Written by OGR: null and empty geometries, NaN and infinite coordinates among good lines.
    // (Lines, because WKB has no NaN point: a point with a NaN coordinate reads back as empty.)
    {
        CPLPushErrorHandler(CPLQuietErrorHandler); // GDAL cannot write an infinite extent
        dvtest::OgrFile gpkg(path(QStringLiteral("mixed.gpkg")), "GPKG", wkbLineString, 4490,
            { QStringLiteral("SPATIAL_INDEX=NO") });
        QVERIFY(gpkg.isValid());
        gpkg.addField(QStringLiteral("name"), OFTString);
        auto line = [](QPointF a, QPointF b) {
            auto l = std::make_unique<OGRLineString>();
            l->addPoint(a.x(), a.y());
            l->addPoint(b.x(), b.y());
            return l;
        };
        QVERIFY(
            gpkg.addFeature(line({ 106.6, 26.6 }, { 106.8, 26.7 }), { QStringLiteral("good 1") }));
        QVERIFY(gpkg.addFeature(QByteArray(), { QStringLiteral("null") }));
        QVERIFY(
            gpkg.addFeature(QByteArrayLiteral("LINESTRING EMPTY"), { QStringLiteral("empty") }));
        QVERIFY(
            gpkg.addFeature(line({ qQNaN(), 26.6 }, { 106.8, 26.7 }), { QStringLiteral("nan") }));
        QVERIFY(
            gpkg.addFeature(line({ 106.6, 26.6 }, { 106.8, qInf() }), { QStringLiteral("inf") }));
        QVERIFY(
            gpkg.addFeature(line({ 107.4, 27.7 }, { 107.5, 27.8 }), { QStringLiteral("good 2") }));
        gpkg.close();
        CPLPopErrorHandler();
    }
    QTest::newRow("GeoPackage") << path(QStringLiteral("mixed.gpkg")) << 2 << 4
                                << QStringList { QStringLiteral("null:2"),
                                       QStringLiteral("NaN:2") };

    // GDAL's CSV reader makes no point of 'nan', 'inf' or empty cells: still three rows skipped.
    QVERIFY(dvtest::writeBytes(path(QStringLiteral("mixed.csv")),
        "name,lon,lat\n"
        "good 1,106.6,26.6\n"
        "nan,nan,26.6\n"
        "inf,106.7,inf\n"
        "good 2,107.4,27.7\n"
        "blank,,\n"
        "good 3,108.2,27.9\n"));
    QTest::newRow("CSV") << path(QStringLiteral("mixed.csv")) << 3 << 3
                         << QStringList { QStringLiteral("skipped:3") };
}

// One broken record does not cost the user the whole file, and the user is told how many went.
void TestLayerLoader::skipsBadGeometriesAndCountsThem()
{
    QFETCH(QString, file);
    QFETCH(int, loaded);
    QFETCH(int, skipped);
    QFETCH(QStringList, noticeChecks);
    const LoadResult result = LayerLoader::load(file);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.featureCount(), loaded);
    QCOMPARE(result.skippedFeatures, skipped);
    const VectorLayer &layer = *result.layers.front();
    for (int f = 0; f < layer.featureCount(); ++f) {
        QVERIFY2(layer.table().text(f, QStringLiteral("name")).startsWith(QStringLiteral("good")),
            qPrintable(layer.table().text(f, QStringLiteral("name"))));
        const QPointF p = layer.lonLat().firstVertex(f);
        QVERIFY(std::isfinite(p.x()) && std::isfinite(p.y()));
    }
    for (const QString &check : noticeChecks) {
        const QString word = check.section(QLatin1Char(':'), 0, 0);
        const QString n = check.section(QLatin1Char(':'), 1);
        const bool found = std::any_of(result.notices.begin(), result.notices.end(),
            [&](const QString &notice) { return notice.contains(word) && notice.contains(n); });
        QVERIFY2(found, qPrintable(check + QStringLiteral(" in: ") + allNotices(result)));
    }
    // The layer keeps its notices for the layer list's tooltip.
    for (const QString &notice : layer.notices())
        QVERIFY(result.notices.contains(notice));
    QVERIFY(!layer.notices().isEmpty());
}

// Hand-drawn bow-tie polygons are common; show them, but tell the user.
void TestLayerLoader::selfIntersectingPolygonLoadsWithNotice()
{
    const QString file = path(QStringLiteral("bowtie.geojson"));
    const QByteArray bowTieJson = R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "bow tie"},
  "geometry": {"type": "Polygon", "coordinates": [[[106.0, 26.0], [107.0, 27.0], [107.0, 26.0], [106.0, 27.0], [106.0, 26.0]]]}},
 {"type": "Feature", "properties": {"name": "square"},
  "geometry": {"type": "Polygon", "coordinates": [[[108.0, 26.0], [108.5, 26.0], [108.5, 26.5], [108.0, 26.5], [108.0, 26.0]]]}}]})";
    QVERIFY(dvtest::writeBytes(file, bowTieJson));
    const LoadResult result = LayerLoader::load(file);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.featureCount(), 2);
    QCOMPARE(result.skippedFeatures, 0);
    QVERIFY2(
        allNotices(result).contains(QStringLiteral("intersect")), qPrintable(allNotices(result)));
    QVERIFY2(
        allNotices(result).contains(QStringLiteral("1 polygon")), qPrintable(allNotices(result)));
}

void TestLayerLoader::gbkShapefile_data()
{
    QTest::addColumn<bool>("withCpg");
    QTest::newRow("GBK without .cpg") << false;
    QTest::newRow("GBK with .cpg") << true;
}

// County offices' Shapefiles are GBK, often without a .cpg saying so; names must not be mojibake.
void TestLayerLoader::gbkShapefile()
{
    QFETCH(bool, withCpg);
    const QString base = withCpg ? QStringLiteral("gbk_cpg") : QStringLiteral("gbk_nocpg");
    const QString shp = path(base + QStringLiteral(".shp"));
    {
        dvtest::OgrFile file(
            shp, "ESRI Shapefile", wkbPoint, 4490, { QStringLiteral("ENCODING=CP936") });
        QVERIFY(file.isValid());
        file.addField(QStringLiteral("name"), OFTString);
        file.addField(QStringLiteral("乡镇"), OFTString);
        QVERIFY(file.addFeature(std::make_unique<OGRPoint>(107.47, 27.77),
            { QStringLiteral("湄潭县"), QStringLiteral("湄江街道") }));
        QVERIFY(file.addFeature(std::make_unique<OGRPoint>(107.72, 27.95),
            { QStringLiteral("凤冈县"), QStringLiteral("龙泉镇") }));
    }
    // The fixture really holds GBK bytes.
    QFile dbf(path(base + QStringLiteral(".dbf")));
    QVERIFY(dbf.open(QIODevice::ReadOnly));
    const QByteArray dbfBytes = dbf.readAll();
    QVERIFY(dbfBytes.contains(toGbk(QStringLiteral("湄潭县"))));
    QVERIFY(!dbfBytes.contains(QStringLiteral("湄潭县").toUtf8()));
    const QString cpg = path(base + QStringLiteral(".cpg"));
    if (withCpg)
        QVERIFY(QFile::exists(cpg));
    else if (QFile::exists(cpg))
        QVERIFY(QFile::remove(cpg));

    const LoadResult result = LayerLoader::load(shp);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const VectorLayer &layer = *result.layers.front();
    QCOMPARE(layer.featureCount(), 2);
    QVERIFY2(layer.table().fieldNames().contains(QStringLiteral("乡镇")),
        qPrintable(layer.table().fieldNames().join(QLatin1Char(','))));
    QCOMPARE(layer.table().text(0, QStringLiteral("name")), QStringLiteral("湄潭县"));
    QCOMPARE(layer.table().text(1, QStringLiteral("name")), QStringLiteral("凤冈县"));
    QCOMPARE(layer.table().text(0, QStringLiteral("乡镇")), QStringLiteral("湄江街道"));
    QCOMPARE(layer.featureTitle(0), QStringLiteral("湄潭县"));
}

// Spreadsheets exported in China name their coordinate columns 经度/纬度.
void TestLayerLoader::utf8CsvWithChineseColumns()
{
    const QString file = path(QStringLiteral("茶园.csv"));
    QVERIFY(dvtest::writeBytes(file,
        "名称,经度,纬度,面积\n"
        "湄潭县春芽茶园,107.47,27.77,120\n"
        "凤冈县锌硒茶园,107.72,27.95,85\n"
        "都匀市毛尖茶园,107.52,26.26,300\n"));
    const LoadResult result = LayerLoader::load(file);
    QVERIFY2(result.ok(), qPrintable(result.error));
    const VectorLayer &layer = *result.layers.front();
    QCOMPARE(layer.featureCount(), 3);
    QCOMPARE(layer.kind(), GeometryKind::Point);
    QCOMPARE(layer.lonLat().firstVertex(2), QPointF(107.52, 26.26));
    QCOMPARE(layer.featureTitle(0), QStringLiteral("湄潭县春芽茶园"));
    QCOMPARE(layer.name(), QStringLiteral("茶园"));
}

// Google Earth placemarks.
void TestLayerLoader::kmlLoads()
{
    const QString file = path(QStringLiteral("places.kml"));
    const QByteArray kml = R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>places</name>
<Placemark><name>湄潭县茶园</name><Point><coordinates>107.47,27.77,0</coordinates></Point></Placemark>
<Placemark><name>遵义会议会址</name><Point><coordinates>106.92,27.70,0</coordinates></Point></Placemark>
</Document></kml>)";
    QVERIFY(dvtest::writeBytes(file, kml));
    const LoadResult result = LayerLoader::load(file);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.featureCount(), 2);
    const VectorLayer &layer = *result.layers.front();
    QCOMPARE(layer.kind(), GeometryKind::Point);
    QStringList titles { layer.featureTitle(0), layer.featureTitle(1) };
    titles.sort();
    QCOMPARE(titles, QStringList({ QStringLiteral("湄潭县茶园"), QStringLiteral("遵义会议会址") }));
    for (int f = 0; f < 2; ++f) {
        const QPointF p = layer.lonLat().firstVertex(f);
        QVERIFY(p.x() > 106 && p.x() < 108 && p.y() > 27 && p.y() < 28);
    }
}

// GeoPackage, the format offices are moving to, with a layer per table.
void TestLayerLoader::geoPackageLoads()
{
    const QString file = path(QStringLiteral("parcels.gpkg"));
    {
        dvtest::OgrFile gpkg(file, "GPKG", wkbPolygon, 4326);
        QVERIFY(gpkg.isValid());
        gpkg.addField(QStringLiteral("name"), OFTString);
        gpkg.addField(QStringLiteral("area_mu"), OFTReal);
        gpkg.addField(QStringLiteral("plots"), OFTInteger);
        QVERIFY(gpkg.addFeature(
            QByteArrayLiteral("POLYGON ((107.40 27.70, 107.55 27.70, 107.55 27.85, 107.40 27.70))"),
            { QStringLiteral("一号地块"), 12.5, 3 }));
        QVERIFY(gpkg.addFeature(
            QByteArrayLiteral("POLYGON ((107.60 27.70, 107.65 27.70, 107.65 27.75, 107.60 27.70))"),
            { QStringLiteral("二号地块"), 7.25, 1 }));
    }
    const LoadResult result = LayerLoader::load(file);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.notices.isEmpty());
    const VectorLayer &layer = *result.layers.front();
    QCOMPARE(layer.featureCount(), 2);
    QCOMPARE(layer.kind(), GeometryKind::Polygon);
    QCOMPARE(layer.table().text(1, QStringLiteral("name")), QStringLiteral("二号地块"));
    QCOMPARE(layer.table().value(1, QStringLiteral("area_mu")).toDouble(), 7.25);
    QCOMPARE(layer.table().value(0, QStringLiteral("plots")).toInt(), 3);
    QCOMPARE(layer.lonLat().firstVertex(0), QPointF(107.40, 27.70));
    QCOMPARE(layer.sourcePath(), QFileInfo(file).absoluteFilePath());
}

// Dropping bad files on the window leaves the map exactly as it was and says why.
void TestLayerLoader::importerLeavesStackUnchangedOnFailure()
{
    LayerStack stack;
    const QString error = dvtest::loadProvinceInto(stack);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    std::vector<std::pair<QString, int>> before;
    for (const auto &l : stack.layers())
        before.emplace_back(l->id(), l->featureCount());

    const QStringList bad = { path(QStringLiteral("truncated.geojson")),
        path(QStringLiteral("boundaries")), path(QStringLiteral("mercator.geojson")) };
    for (const QString &file : bad)
        QVERIFY(QFileInfo::exists(file));

    LayerImporter importer(&stack, nullptr);
    importer.setInteractive(false);
    QSignalSpy failed(&importer, &LayerImporter::failed);
    QSignalSpy added(&importer, &LayerImporter::layerAdded);
    QSignalSpy done(&importer, &LayerImporter::finishedAll);
    QSignalSpy changed(&stack, &LayerStack::layersChanged);
    importer.import(bad);
    QVERIFY(done.wait(20000));
    QCOMPARE(failed.count(), bad.size());
    for (int i = 0; i < bad.size(); ++i) {
        const QString message = failed.at(i).at(0).toString();
        QVERIFY2(message.contains(QFileInfo(bad[i]).fileName()), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
    }
    QCOMPARE(added.count(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(stack.userLayerCount(), 0);
    QCOMPARE(stack.layers().size(), before.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
        QCOMPARE(stack.layers()[i]->id(), before[i].first);
        QCOMPARE(stack.layers()[i]->featureCount(), before[i].second);
    }
    QVERIFY(!importer.isBusy());
}

// A GeoJSON or KML with points, lines and polygons keeps all of them: one layer per kind,
// polygons first so they draw lowest.
void TestLayerLoader::mixedGeometriesBecomeOneLayerPerKind()
{
    const QString file = path(QStringLiteral("mixed-kinds.geojson"));
    QVERIFY(dvtest::writeBytes(file, R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"name":"示范区"},"geometry":{"type":"Polygon","coordinates":[[[106.3,26.3],[107.2,26.3],[107.2,27.0],[106.3,26.3]]]}},
      {"type":"Feature","properties":{"name":"路线"},"geometry":{"type":"LineString","coordinates":[[104.5,26.0],[106.7,26.6]]}},
      {"type":"Feature","properties":{"name":"甲"},"geometry":{"type":"Point","coordinates":[106.7,26.6]}},
      {"type":"Feature","properties":{"name":"乙"},"geometry":{"type":"MultiPoint","coordinates":[[107.0,27.0],[107.1,27.1]]}}]})"));
    const LoadResult result = LayerLoader::load(file);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.layers.size(), std::size_t(3));
    QCOMPARE(result.layers[0]->kind(), GeometryKind::Polygon);
    QCOMPARE(result.layers[1]->kind(), GeometryKind::Line);
    QCOMPARE(result.layers[2]->kind(), GeometryKind::Point);
    QCOMPARE(result.layers[0]->featureCount(), 1);
    QCOMPARE(result.layers[1]->featureCount(), 1);
    QCOMPARE(result.layers[2]->featureCount(), 2);
    QCOMPARE(result.layers[1]->featureTitle(0), QStringLiteral("路线"));
    QVERIFY(result.layers[0]->name() != result.layers[2]->name());
    QVERIFY(result.layers[0]->name().contains(QStringLiteral("mixed-kinds")));
    QCOMPARE(result.skippedFeatures, 0);
}

QTEST_MAIN(TestLayerLoader)
#include "tst_layerloader.moc"
