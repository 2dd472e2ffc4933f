// Indicator import and export: encodings, separators, layouts, every problem kind, all or
// nothing, and export read back through GDAL.
#include "testsupport.h"

#include "countydirectory.h"
#include "indicatorcatalogue.h"
#include "indicatorexporter.h"
#include "indicatorimporter.h"
#include "indicatortablemodel.h"
#include "sqliteindicatorstore.h"

#include <QRegularExpression>

#include <cpl_vsi.h>

#include <QTemporaryDir>
#include <QtTest>

using namespace dv;

namespace {

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// "区县,年份,农村互联网普及率(%),5G通达行政村比例" and three counties, two by former name, in GBK
// with tabs.
const QByteArray kGbkTab = QByteArray(
    "\xc7\xf8\xcf\xd8\t\xc4\xea\xb7\xdd\t\xc5\xa9\xb4\xe5\xbb\xa5\xc1\xaa\xcd\xf8\xc6\xd5\xbc\xb0"
    "\xc2\xca(%)\t5G\xcd\xa8\xb4\xef\xd0\xd0\xd5\xfe\xb4\xe5\xb1\xc8\xc0\xfd\n"
    "\xc5\xcc\xcf\xd8\t2021\t61.5\t30.2\n"
    "\xc7\xad\xce\xf7\xcf\xd8\t2021\t58\t25\n"
    "\xc4\xcf\xc3\xf7\xc7\xf8\t2021\t88.1\t95\n");

// The same table as UTF-8 lines, cells separated by sep.
QByteArray utf8Table(char sep)
{
    QByteArray text = QString::fromUtf8("区县\t年份\t农村互联网普及率(%)\t5G通达行政村比例\n"
                                        "盘县\t2021\t61.5\t30.2\n"
                                        "黔西县\t2021\t58\t25\n"
                                        "南明区\t2021\t88.1\t95\n")
                          .toUtf8();
    text.replace('\t', sep);
    return text;
}

double valueOf(const ImportPreview &p, const char *county, const char *indicator, int year)
{
    for (const IndicatorValue &v : p.values) {
        if (v.county == QLatin1String(county) && v.indicator == QLatin1String(indicator)
            && v.year == year)
            return v.value;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

QString problemsText(const ImportPreview &p)
{
    return p.problemLines().join(QLatin1Char('\n'));
}

} // namespace

class TestIndicatorImport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void csvEncodingsAndSeparators_data();
    void csvEncodingsAndSeparators();
    void longLayout();
    void wideYearFromOption();
    void problems_data();
    void problems();
    void spreadsheets_data();
    void spreadsheets();
    void allOrNothing();
    void exportReadsBack_data();
    void exportReadsBack();
    void tableExportRoundTrip_data();
    void tableExportRoundTrip();

private:
    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = mDir.filePath(name);
        return dvtest::writeBytes(path, bytes) ? path : QString();
    }

    QTemporaryDir mDir;
    std::optional<CountyDirectory> mCounties;
    std::unique_ptr<IndicatorImporter> mImporter;
};

void TestIndicatorImport::initTestCase()
{
    QVERIFY(mDir.isValid());
    QString error;
    mCounties = CountyDirectory::loadBundled(&error);
    QVERIFY2(mCounties, qPrintable(error));
    QCOMPARE(int(mCounties->counties().size()), 88);
    mImporter = std::make_unique<IndicatorImporter>(*mCounties, IndicatorCatalogue::builtIns());
}

void TestIndicatorImport::csvEncodingsAndSeparators_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::newRow("UTF-8, comma") << utf8Table(',') << u("UTF-8");
    QTest::newRow("UTF-8 with BOM, semicolon")
        << QByteArray("\xEF\xBB\xBF") + utf8Table(';') << u("UTF-8 with BOM");
    QTest::newRow("UTF-8, tab") << utf8Table('\t') << u("UTF-8");
    QTest::newRow("GBK, tab") << kGbkTab << u("GBK");
    QTest::newRow("GBK, comma") << QByteArray(kGbkTab).replace('\t', ',') << u("GBK");
    QTest::newRow("GBK, semicolon, CRLF")
        << QByteArray(kGbkTab).replace('\t', ';').replace("\n", "\r\n") << u("GBK");
}

// The same wide table in every encoding and separator gives the same values; former names
// (盘县, 黔西县) find today's counties.
void TestIndicatorImport::csvEncodingsAndSeparators()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    const QString path = write(QStringLiteral("table.csv"), bytes);
    const ImportPreview p = mImporter->preview(path);
    QVERIFY2(p.canCommit(), qPrintable(problemsText(p)));
    QCOMPARE(p.encoding, encoding);
    QCOMPARE(p.layout, ImportPreview::Layout::Wide);
    QCOMPARE(p.rowsRead, 3);
    QCOMPARE(p.rowsMatched, 3);
    QCOMPARE(int(p.values.size()), 6);
    QCOMPARE(p.counties, QStringList({ u("520102"), u("520281"), u("520581") }));
    QCOMPARE(p.indicators, QStringList({ u("internet_penetration"), u("villages_5g") }));
    QCOMPARE(valueOf(p, "520281", "internet_penetration", 2021), 61.5);
    QCOMPARE(valueOf(p, "520581", "villages_5g", 2021), 25.0);
    QCOMPARE(valueOf(p, "520102", "internet_penetration", 2021), 88.1);
}

// One value per row: counties by code, name and former name; indicators by id and Chinese name.
void TestIndicatorImport::longLayout()
{
    const QString path = write(QStringLiteral("long.csv"),
        QString::fromUtf8("county,indicator,year,value\n"
                          "520102,internet_penetration,2020,80.5\n"
                          "盘县,农村互联网普及率,2020,55\n"
                          "盘州市,de_value_added,2020,\"1,234.5\"\n"
                          "黔西县,数字经济增加值(亿元),2019,98.25\n"
                          "520103,pig_survival,2020,-\n")
            .toUtf8());
    const ImportPreview p = mImporter->preview(path);
    QVERIFY2(p.canCommit(), qPrintable(problemsText(p)));
    QCOMPARE(p.layout, ImportPreview::Layout::Long);
    QCOMPARE(p.rowsRead, 5);
    QCOMPARE(int(p.values.size()), 4); // "-" is no data
    QCOMPARE(valueOf(p, "520281", "internet_penetration", 2020), 55.0);
    QCOMPARE(valueOf(p, "520281", "de_value_added", 2020), 1234.5);
    QCOMPARE(valueOf(p, "520581", "de_value_added", 2019), 98.25);
    QCOMPARE(p.years, QList<int>({ 2019, 2020 }));
}

// A wide table without a year column takes the year given (the CLI's --year); without one it
// is a problem, not a guess.
void TestIndicatorImport::wideYearFromOption()
{
    const QString path = write(QStringLiteral("noyear.csv"),
        QString::fromUtf8("区县代码,区县名称,市州,农村互联网普及率(%)\n"
                          "520102,南明区,贵阳市,88\n")
            .toUtf8());
    const ImportPreview with = mImporter->preview(path, 2024);
    QVERIFY2(with.canCommit(), qPrintable(problemsText(with)));
    QCOMPARE(valueOf(with, "520102", "internet_penetration", 2024), 88.0);
    const ImportPreview without = mImporter->preview(path);
    QVERIFY(!without.canCommit());
    QCOMPARE(int(without.problems.size()), 1);
    QCOMPARE(without.problems[0].kind, ImportProblem::Kind::MissingYear);
}

void TestIndicatorImport::problems_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("mentions");
    using K = ImportProblem::Kind;
    const QByteArray head = QString::fromUtf8("区县,年份,农村互联网普及率,数字经济增加值\n"
                                              "南明区,2021,80,100\n")
                                .toUtf8();
    QTest::newRow("unknown county") << head + QString::fromUtf8("火星县,2021,50,1\n").toUtf8()
                                    << u("csv") << int(K::UnknownCounty) << 3 << 1
                                    << u("row 3, column A (区县): unknown county \"火星县\"");
    QTest::newRow("unknown column")
        << QString::fromUtf8("区县,年份,农村互联网普及率,幸福指数\n南明区,2021,80,9\n").toUtf8()
        << u("csv") << int(K::UnknownColumn) << 1 << 4 << u("column D (幸福指数)");
    QTest::newRow("non-numeric") << head + QString::fromUtf8("云岩区,2021,八十,1\n").toUtf8()
                                 << u("csv") << int(K::NonNumeric) << 3 << 3
                                 << u("row 3, column C (农村互联网普及率): not a number \"八十\"");
    QTest::newRow("percent above 100") << head + QString::fromUtf8("云岩区,2021,120,1\n").toUtf8()
                                       << u("csv") << int(K::OutOfRange) << 3 << 3 << u("0 to 100");
    QTest::newRow("negative amount")
        << head + QString::fromUtf8("云岩区,2021,50,-3\n").toUtf8() << u("csv")
        << int(K::OutOfRange) << 3 << 4 << u("row 3, column D");
    QTest::newRow("bad year") << head + QString::fromUtf8("云岩区,21年度,50,3\n").toUtf8()
                              << u("csv") << int(K::BadYear) << 3 << 2 << u("21年度");
    QTest::newRow("conflict") << head + QString::fromUtf8("南明区,2021,81,100\n").toUtf8()
                              << u("csv") << int(K::Conflict) << 3 << 3 << u("row 2 gives 80");
    QTest::newRow("unknown indicator")
        << QString::fromUtf8("county,indicator,year,value\n南明区,幸福指数,2021,9\n").toUtf8()
        << u("csv") << int(K::UnknownIndicator) << 2 << 2 << u("幸福指数");
    QTest::newRow("missing county column")
        << QByteArray("year,internet_penetration\n2021,50\n") << u("csv") << int(K::MissingColumn)
        << 1 << 0 << u("county");
    QTest::newRow("no values")
        << QString::fromUtf8("区县,年份,农村互联网普及率\n南明区,2021,\n").toUtf8() << u("csv")
        << int(K::NoValues) << 0 << 0 << u("no values");
    QTest::newRow("not a table") << QByteArray("PK\x03\x04 broken") << u("xlsx")
                                 << int(K::Unreadable) << 0 << 0 << u("damaged");
    QTest::newRow("wrong format") << QByteArray("{}") << u("json") << int(K::Unreadable) << 0 << 0
                                  << u("CSV, XLSX or ODS");
}

// Each kind of problem is found, named with its row and column, and stops the import.
void TestIndicatorImport::problems()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, suffix);
    QFETCH(int, kind);
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, mentions);
    const QString path = write(QStringLiteral("bad.") + suffix, bytes);
    const ImportPreview p = mImporter->preview(path);
    QVERIFY(!p.canCommit());
    QCOMPARE(int(p.problems.size()), 1);
    const ImportProblem &problem = p.problems.front();
    QCOMPARE(int(problem.kind), kind);
    QCOMPARE(problem.row, row);
    QCOMPARE(problem.column, column);
    const QString line = p.problemLines().front();
    QVERIFY2(line.startsWith(QDir::toNativeSeparators(path)), qPrintable(line));
    QVERIFY2(line.contains(mentions), qPrintable(line));
}

void TestIndicatorImport::spreadsheets_data()
{
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("XLSX") << u("XLSX") << u("xlsx");
    QTest::newRow("ODS") << u("ODS") << u("ods");
}

// Spreadsheets through GDAL's XLSX and ODS drivers: numbers and text cells alike, problems on
// the row a spreadsheet shows.
void TestIndicatorImport::spreadsheets()
{
    QFETCH(QString, driver);
    QFETCH(QString, suffix);
    const QString path = mDir.filePath(QStringLiteral("table.") + suffix);
    {
        dvtest::OgrFile file(path, driver.toLatin1().constData(), wkbNone, 0);
        QVERIFY(file.isValid());
        file.addField(u("区县代码"), OFTString);
        file.addField(u("年份"), OFTInteger);
        file.addField(u("村卫生室远程医疗覆盖率(%)"), OFTString); // text cells too
        file.addField(u("online_farm_sales"), OFTReal);
        QVERIFY(file.addFeature(QByteArray(), { u("520102"), 2022, u("61.5"), 1200.0 }));
        QVERIFY(file.addFeature(QByteArray(), { u("盘县"), 2022, u("40"), 800.0 }));
        QVERIFY(file.addFeature(QByteArray(), { u("520103"), 2022, u("n.a."), 10.0 }));
        file.close();
    }
    const ImportPreview p = mImporter->preview(path);
    QCOMPARE(p.encoding, suffix.toUpper());
    QCOMPARE(int(p.problems.size()), 1);
    QCOMPARE(p.problems[0].kind, ImportProblem::Kind::NonNumeric);
    QCOMPARE(p.problems[0].row, 4);
    QCOMPARE(p.problems[0].column, 3);
    QCOMPARE(valueOf(p, "520102", "telemedicine_clinics", 2022), 61.5);
    QCOMPARE(valueOf(p, "520281", "online_farm_sales", 2022), 800.0);
    QCOMPARE(p.rowsMatched, 3);
}

// A file with one bad cell among good ones writes nothing at all; the clean file then writes
// everything as one revision.
void TestIndicatorImport::allOrNothing()
{
    SqliteIndicatorStore store(mDir.filePath(QStringLiteral("all-or-nothing.sqlite")));
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QByteArray text = QByteArray("county,indicator,year,value\n");
    for (const County &c : mCounties->counties())
        text += c.code.toUtf8() + ",villages_5g,2023,50\n";
    const QByteArray bad = text + "520102,villages_5g,2024,150\n";
    const ImportPreview refused = mImporter->preview(write(QStringLiteral("bad.csv"), bad));
    QCOMPARE(int(refused.values.size()), 88);
    QCOMPARE(int(refused.problems.size()), 1);
    QVERIFY(!IndicatorImporter::commit(refused, store, &error));
    QVERIFY2(error.contains(QLatin1String("nothing imported")), qPrintable(error));
    QVERIFY(store.revisions(&error)->empty());
    QVERIFY(store.values(u("villages_5g"), 2023, &error)->isEmpty());

    const ImportPreview clean = mImporter->preview(write(QStringLiteral("good.csv"), text));
    const auto revision = IndicatorImporter::commit(clean, store, &error);
    QVERIFY2(revision, qPrintable(error));
    QCOMPARE(store.values(u("villages_5g"), 2023, &error)->size(), 88);
    QCOMPARE(int(store.revisions(&error)->size()), 1);
    QCOMPARE(store.revisions(&error)->front().source, u("good.csv"));
}

void TestIndicatorImport::exportReadsBack_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("CSV") << u("csv");
    QTest::newRow("XLSX") << u("xlsx");
}

// The exported table opens in GDAL with Chinese headers and rounded values, a CSV starts with
// the UTF-8 BOM, sample data says so, and the file imports back to the same values.
void TestIndicatorImport::exportReadsBack()
{
    QFETCH(QString, suffix);
    SqliteIndicatorStore store(mDir.filePath(QStringLiteral("export-%1.sqlite").arg(suffix)));
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const std::vector<IndicatorValue> sample = {
        { u("520102"), u("internet_penetration"), 2023, 88.14 },
        { u("520102"), u("de_value_added"), 2023, 512.345 },
        { u("520281"), u("internet_penetration"), 2023, 61.5 },
        { u("520281"), u("internet_penetration"), 2022, 55.0 },
    };
    QVERIFY2(store.ensureSampleData(sample, &error).value_or(false), qPrintable(error));
    const QString path = mDir.filePath(QStringLiteral("export.") + suffix);
    QVERIFY2(
        IndicatorExporter::exportYear(store, *mCounties, 2023, path, &error), qPrintable(error));
    if (suffix == QLatin1String("csv")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("\xEF\xBB\xBF"));
    }
    const dvtest::Dataset ds = dvtest::openVector(path);
    QVERIFY(ds);
    OGRLayer *layer = ds->GetLayer(0);
    QCOMPARE(layer->GetFeatureCount(), GIntBig(2));
    OGRFeatureDefn *defn = layer->GetLayerDefn();
    QStringList header;
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        header << QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef());
    QCOMPARE(header,
        QStringList({ u("区县代码"), u("区县名称"), u("市州"), u("年份"), u("数字经济增加值(亿元)"),
            u("农村互联网普及率(%)"), u("数据说明") }));
    layer->ResetReading();
    std::unique_ptr<OGRFeature> first(layer->GetNextFeature());
    QCOMPARE(QString::fromUtf8(first->GetFieldAsString(0)), u("520102"));
    QCOMPARE(QString::fromUtf8(first->GetFieldAsString(1)), u("南明区"));
    QCOMPARE(first->GetFieldAsDouble(4), 512.35); // two decimals
    QCOMPARE(first->GetFieldAsDouble(5), 88.1); // one decimal
    QCOMPARE(QString::fromUtf8(first->GetFieldAsString(6)), u("示例数据"));

    const ImportPreview back = mImporter->preview(path);
    QVERIFY2(back.canCommit(), qPrintable(problemsText(back)));
    QCOMPARE(int(back.values.size()), 3);
    QCOMPARE(valueOf(back, "520281", "internet_penetration", 2023), 61.5);
    QCOMPARE(valueOf(back, "520102", "de_value_added", 2023), 512.35);
}

void TestIndicatorImport::tableExportRoundTrip_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::newRow("CSV") << u("csv");
    QTest::newRow("XLSX") << u("xlsx");
}

// The window's export is the table as shown: its year (not the latest), the province and
// prefecture rows, the index column, the header's own titles, values in each indicator's
// decimals without float noise; importing it back skips the aggregates and the index and
// changes nothing in the store.
void TestIndicatorImport::tableExportRoundTrip()
{
    QFETCH(QString, suffix);
    const QString file = mDir.filePath(QStringLiteral("table-%1.sqlite").arg(suffix));
    SqliteIndicatorStore store(file);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    QCOMPARE(store.ensureSampleData(&error), std::optional<bool>(true));
    // A value whose double prints as 525.4400000000001 at 16 digits.
    QVERIFY2(store.importValues(
                 { { u("520102"), u("de_value_added"), 2022, 525.44 } }, u("seed.csv"), &error),
        qPrintable(error));

    IndicatorTableModel model(*mCounties);
    model.setTableData(IndicatorTableModel::read(&store, 2022));
    QVERIFY2(model.error().isEmpty(), qPrintable(model.error()));
    QCOMPARE(model.year(), 2022);
    const IndicatorExporter::Table table = IndicatorExporter::tableOf(model);
    QCOMPARE(int(table.rows.size()), model.rowCount()); // 1 + 9 + 88
    QCOMPARE(model.rowCount(), 98);
    QStringList titles;
    for (const auto &c : table.columns)
        titles << c.title;
    for (int c = 0; c < model.columnCount(); ++c)
        QVERIFY2(titles.contains(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()),
            qPrintable(model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString()));
    QVERIFY(titles.contains(u("Digital-village index")));

    const QString path = mDir.filePath(QStringLiteral("table-export.") + suffix);
    QVERIFY2(IndicatorExporter::write(table, path, &error), qPrintable(error));
    const dvtest::Dataset ds = dvtest::openVector(path);
    QVERIFY2(ds, qPrintable(path));
    OGRLayer *layer = ds->GetLayer(0);
    QCOMPARE(layer->GetFeatureCount(), GIntBig(98));
    OGRFeatureDefn *defn = layer->GetLayerDefn();
    QStringList header;
    for (int i = 0; i < defn->GetFieldCount(); ++i)
        header << QString::fromUtf8(defn->GetFieldDefn(i)->GetNameRef());
    QCOMPARE(header, titles);
    const int valueAdded = header.indexOf(u("Digital-economy value added (100 million yuan)"));
    QVERIFY2(valueAdded >= 0, qPrintable(header.join(QLatin1Char('|'))));
    const int index = header.indexOf(u("Digital-village index"));
    const int yearColumn = header.indexOf(IndicatorExporter::yearTitle());
    layer->ResetReading();
    int province = 0, prefectures = 0;
    bool sawSeed = false;
    for (std::unique_ptr<OGRFeature> f(layer->GetNextFeature()); f;
         f.reset(layer->GetNextFeature())) {
        const QString code = QString::fromUtf8(f->GetFieldAsString(0));
        QCOMPARE(f->GetFieldAsInteger(yearColumn), 2022);
        QVERIFY(f->IsFieldSetAndNotNull(index));
        province += code == QLatin1String("520000");
        prefectures += code.endsWith(QLatin1String("00")) && code != QLatin1String("520000");
        if (code == QLatin1String("520102")) {
            QCOMPARE(f->GetFieldAsDouble(valueAdded), 525.44);
            sawSeed = true;
        }
    }
    QCOMPARE(province, 1);
    QCOMPARE(prefectures, 9);
    QVERIFY(sawSeed);
    if (suffix == QLatin1String("csv")) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(u(",525.44,")));
        // No cell carries more decimals than its indicator has (at most 2): no float noise.
        static const QRegularExpression noise(QStringLiteral("\\d\\.\\d{3,}"));
        QVERIFY2(!noise.match(text).hasMatch(), qPrintable(noise.match(text).captured()));
        // Codes and names are text cells written through CsvText.
        QVERIFY(text.contains(u("\r\n520000,贵州省,"))
            || text.contains(u("\r\n520000,Guizhou province,")));
    }

    if (suffix == QLatin1String("xlsx")) {
        // The sheet's XML holds 525.44, not GDAL's 16 digits (525.4400000000001).
        QByteArray xml;
        const QByteArray sheet = "/vsizip/" + path.toUtf8() + "/xl/worksheets/sheet1.xml";
        VSILFILE *f = VSIFOpenL(sheet.constData(), "rb");
        QVERIFY(f);
        char buffer[65536];
        size_t n;
        while ((n = VSIFReadL(buffer, 1, sizeof buffer, f)) > 0)
            xml.append(buffer, qsizetype(n));
        VSIFCloseL(f);
        QVERIFY(xml.contains("<v>525.44</v>"));
        static const QRegularExpression noise(QStringLiteral("<v>-?\\d+\\.\\d{7,}</v>"));
        const auto m = noise.match(QString::fromUtf8(xml));
        QVERIFY2(!m.hasMatch(), qPrintable(m.captured()));
    }

    const IndicatorImporter importer(*mCounties, *store.indicators(&error));
    const ImportPreview back = importer.preview(path);
    QVERIFY2(back.canCommit(), qPrintable(problemsText(back)));
    QCOMPARE(back.aggregateRows, 10);
    QCOMPARE(back.rowsMatched, 88);
    QCOMPARE(back.years, QList<int> { 2022 });
    QVERIFY(!back.indicators.contains(u("index")));
    QCOMPARE(valueOf(back, "520102", "de_value_added", 2022), 525.44);
    const auto before = store.table(2022, &error);
    QVERIFY(before);
    QCOMPARE(int(back.values.size()), int(before->size()));
    const auto revision = IndicatorImporter::commit(back, store, &error);
    QVERIFY2(revision, qPrintable(error));
    const auto revisions = store.revisions(&error);
    QVERIFY(revisions && !revisions->empty());
    QCOMPARE(revisions->front().id, *revision);
    QCOMPARE(revisions->front().changedCount, 0);
}

QTEST_GUILESS_MAIN(TestIndicatorImport)
#include "tst_indicatorimport.moc"
