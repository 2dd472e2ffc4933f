// Every CSV dvdash writes neutralises cells a spreadsheet would run as formulas (OWASP's CSV
// injection advice) without touching numbers; XLSX holds such cells as text, never formulas.
#include "chartseries.h"
#include "csvtext.h"
#include "site.h"
#include "siteexporter.h"
#include "tablereader.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cpl_vsi.h>

using dvtest::Run;

namespace {

const QString kAttack = QStringLiteral("=cmd|' /C calc'!A0");

// One file inside a zip (an XLSX is one), read through GDAL's /vsizip/.
QByteArray zipEntry(const QString &zip, const char *entry)
{
    const QByteArray path = "/vsizip/" + zip.toUtf8() + '/' + entry;
    VSILFILE *f = VSIFOpenL(path.constData(), "rb");
    if (!f)
        return {};
    QByteArray bytes;
    char buffer[65536];
    size_t n = 0;
    while ((n = VSIFReadL(buffer, 1, sizeof buffer, f)) > 0)
        bytes.append(buffer, qsizetype(n));
    VSIFCloseL(f);
    return bytes;
}

} // namespace

class TestCsvInjection : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void field_data();
    void field();
    void readBackRestoresText();
    void chartCsv();
    void siteCsvAndXlsx();
    void revisionsList();

private:
    QTemporaryDir mDir;
    QTemporaryDir mRuntime;
};

void TestCsvInjection::initTestCase()
{
    QVERIFY(mDir.isValid() && mRuntime.isValid());
}

void TestCsvInjection::field_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("csv");
    QTest::newRow("equals") << kAttack << QStringLiteral("\"'=cmd|' /C calc'!A0\"");
    QTest::newRow("plus") << QStringLiteral("+1+cmd") << QStringLiteral("\"'+1+cmd\"");
    QTest::newRow("minus") << QStringLiteral("-2+3+cmd") << QStringLiteral("\"'-2+3+cmd\"");
    QTest::newRow("at") << QStringLiteral("@SUM(1+9)") << QStringLiteral("\"'@SUM(1+9)\"");
    QTest::newRow("tab") << QStringLiteral("\t=1") << QStringLiteral("\"'\t=1\"");
    QTest::newRow("carriage return") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
    QTest::newRow("lone minus") << QStringLiteral("-") << QStringLiteral("\"'-\"");
    QTest::newRow("phone") << QStringLiteral("+86 851 8888") << QStringLiteral("\"'+86 851 8888\"");
    QTest::newRow("quotes doubled")
        << QStringLiteral("=\"a\"") << QStringLiteral("\"'=\"\"a\"\"\"");
    QTest::newRow("negative number") << QStringLiteral("-3.5") << QStringLiteral("-3.5");
    QTest::newRow("signed number") << QStringLiteral("+8") << QStringLiteral("+8");
    QTest::newRow("exponent") << QStringLiteral("-1.5e-3") << QStringLiteral("-1.5e-3");
    QTest::newRow("fraction") << QStringLiteral("-.5") << QStringLiteral("-.5");
    QTest::newRow("plain") << QStringLiteral("a=b") << QStringLiteral("a=b");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
    QTest::newRow("chinese") << QString::fromUtf8("湄潭茶园") << QString::fromUtf8("湄潭茶园");
}

void TestCsvInjection::field()
{
    QFETCH(QString, text);
    QFETCH(QString, csv);
    QCOMPARE(dv::CsvText::field(text), csv);
}

// A CSV that dvdash wrote imports back as the text it held, not with the guard quote.
void TestCsvInjection::readBackRestoresText()
{
    const QString path = mDir.filePath(QStringLiteral("roundtrip.csv"));
    QString text = QStringLiteral("name,value\n");
    for (const QString &cell : { kAttack, QStringLiteral("-3.5"), QStringLiteral("'quoted") })
        text += dv::CsvText::field(cell) + QStringLiteral(",1\n");
    QVERIFY(dvtest::writeBytes(path, text.toUtf8()));
    const dv::TableReader::Table table
        = dv::TableReader::read(path, dv::TableReader::Formats::Spreadsheets);
    QVERIFY2(table.error.isEmpty(), qPrintable(table.error));
    QCOMPARE(table.rows.size(), std::size_t(3));
    QCOMPARE(table.rows[0].second.value(0), kAttack);
    QCOMPARE(table.rows[1].second.value(0), QStringLiteral("-3.5"));
    QCOMPARE(table.rows[2].second.value(0), QStringLiteral("'quoted"));
}

// The chart's CSV: a series label is text, the negative readings stay numbers.
void TestCsvInjection::chartCsv()
{
    dv::ChartSeries series;
    series.label = QStringLiteral("@SUM(1+9)*cmd");
    dv::HistoryBucket b;
    b.start = 1764547200000;
    b.min = -3.5;
    b.max = -1;
    b.mean = -2;
    b.count = 4;
    series.buckets.push_back(b);
    const QString csv = QString::fromUtf8(dv::ChartSeries::toCsv({ series }));
    QVERIFY2(csv.contains(QLatin1String(",\"'@SUM(1+9)*cmd\",-3.5,-1,")), qPrintable(csv));
}

// Sites export: CSV neutralises the cell, XLSX (through GDAL) holds it as a shared string.
void TestCsvInjection::siteCsvAndXlsx()
{
    dv::Site site;
    site.id = QStringLiteral("P0001");
    site.type = QStringLiteral("tea_garden");
    site.name = kAttack;
    site.county = QStringLiteral("520328");
    site.township = QStringLiteral("+cmd");
    site.lon = 107.4;
    site.lat = 27.7;
    site.contact = QStringLiteral("-1+1");
    const QString csvPath = mDir.filePath(QStringLiteral("sites.csv"));
    QString error;
    QVERIFY2(dv::SiteExporter::write({ site }, csvPath, &error), qPrintable(error));
    QFile csvFile(csvPath);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    const QString csv = QString::fromUtf8(csvFile.readAll());
    QVERIFY2(csv.contains(QLatin1String("\"'=cmd|' /C calc'!A0\"")), qPrintable(csv));
    QVERIFY2(csv.contains(QLatin1String(",\"'+cmd\",")), qPrintable(csv));
    QVERIFY2(csv.contains(QLatin1String(",\"'-1+1\",")), qPrintable(csv));
    QVERIFY2(
        !csv.contains(QLatin1String(",=")) && !csv.contains(QLatin1String(",+")), qPrintable(csv));

    const QString xlsx = mDir.filePath(QStringLiteral("sites.xlsx"));
    QVERIFY2(dv::SiteExporter::write({ site }, xlsx, &error), qPrintable(error));
    const QByteArray sheet = zipEntry(xlsx, "xl/worksheets/sheet1.xml");
    const QByteArray strings = zipEntry(xlsx, "xl/sharedStrings.xml");
    QVERIFY2(!sheet.isEmpty() && !strings.isEmpty(), "the XLSX has no sheet or shared strings");
    QVERIFY2(!sheet.contains("<f>") && !sheet.contains("<f "), sheet.constData());
    // Row 2, column C (name) is a shared string, and that string is the text as given.
    static const QRegularExpression nameCell(QStringLiteral("<c r=\"C2\"([^>]*)>"));
    const QRegularExpressionMatch m = nameCell.match(QString::fromUtf8(sheet));
    QVERIFY2(m.hasMatch(), sheet.constData());
    QVERIFY2(m.captured(1).contains(QLatin1String("t=\"s\"")), qPrintable(m.captured(0)));
    QVERIFY2(strings.contains("<t>=cmd|' /C calc'!A0</t>")
            || strings.contains("<t>=cmd|&apos; /C calc&apos;!A0</t>"),
        strings.constData());
}

// `indicators revisions` lists a revision's file name, which the user chose: "=calc.csv".
void TestCsvInjection::revisionsList()
{
    const QString store = QStringLiteral("sqlite:") + mDir.filePath(QStringLiteral("ind.sqlite"));
    const QString file = mDir.filePath(QStringLiteral("=calc.csv"));
    QVERIFY(dvtest::writeBytes(
        file, QByteArray("county,indicator,year,value\n520102,internet_penetration,2024,50\n")));
    Run r = dvtest::runDvdash(QStringLiteral(DVDASH_BINARY),
        { QStringLiteral("indicators"), QStringLiteral("import"), file, QStringLiteral("--store"),
            store },
        mDir.path(), mRuntime.path());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = dvtest::runDvdash(QStringLiteral(DVDASH_BINARY),
        { QStringLiteral("indicators"), QStringLiteral("revisions"), QStringLiteral("--store"),
            store },
        mDir.path(), mRuntime.path());
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String(",import,\"'=calc.csv\",")), qPrintable(r.out));
}

QTEST_GUILESS_MAIN(TestCsvInjection)
#include "tst_csvinjection.moc"
