// Spreadsheets that attack: a small XLSX hiding a huge cell, over-long CSV and layer cells, and
// cells that would print megabytes into a message. Each is refused fast, with bounded memory
// and a short message naming where the problem is.
#include "quotedtext.h"
#include "tablereader.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <cpl_vsi.h>

using dvtest::Run;

namespace {

// The process's peak resident memory in MB (Linux); -1 where it cannot be read.
double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// Writes one part of a zip through GDAL's /vsizip/ (deflated), streaming: fillBytes of 'A'
// between head and tail, never holding the whole text in memory.
bool writePart(const QString &zip, const char *entry, const QByteArray &head, qint64 fillBytes = 0,
    const QByteArray &tail = {})
{
    const QByteArray path = "/vsizip/" + zip.toUtf8() + '/' + entry;
    VSILFILE *f = VSIFOpenL(path.constData(), "wb");
    if (!f)
        return false;
    bool ok = VSIFWriteL(head.constData(), 1, size_t(head.size()), f) == size_t(head.size());
    const QByteArray chunk(1024 * 1024, 'A');
    for (qint64 left = fillBytes; ok && left > 0; left -= chunk.size()) {
        const size_t n = size_t(std::min<qint64>(left, chunk.size()));
        ok = VSIFWriteL(chunk.constData(), 1, n, f) == n;
    }
    ok = ok && VSIFWriteL(tail.constData(), 1, size_t(tail.size()), f) == size_t(tail.size());
    return VSIFCloseL(f) == 0 && ok;
}

// A real XLSX, as Excel would open it: header "county,indicator,year,value", then one row whose
// value cell (D2, a shared string) holds cellBytes of 'A'.
bool writeXlsx(const QString &path, qint64 cellBytes)
{
    QFile::remove(path);
    // The zip stays open while its parts are written, as GDAL's own XLSX writer does.
    VSILFILE *zip = VSIFOpenExL(("/vsizip/" + path.toUtf8()).constData(), "wb", true);
    if (!zip)
        return false;
    const bool ok = writePart(path, "[Content_Types].xml",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Types "
                        "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        "<Default Extension=\"rels\" ContentType=\"application/"
                        "vnd.openxmlformats-package.relationships+xml\"/>"
                        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
                        "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
                        "ContentType=\"application/"
                        "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                        "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
                        "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                        "</Types>")
        && writePart(path, "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships "
            "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
            "2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
        && writePart(path, "xl/workbook.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook "
            "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            "<sheets><sheet name=\"values\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
        && writePart(path, "xl/_rels/workbook.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships "
            "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
            "2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
            "2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            "</Relationships>")
        && writePart(path, "xl/worksheets/sheet1.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet "
            "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
            "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
            "<row r=\"2\"><c r=\"A2\"><v>520102</v></c><c r=\"B2\" t=\"s\"><v>4</v></c>"
            "<c r=\"C2\"><v>2024</v></c><c r=\"D2\" t=\"s\"><v>5</v></c></row>"
            "</sheetData></worksheet>")
        && writePart(path, "xl/sharedStrings.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst "
            "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"6\" "
            "uniqueCount=\"6\"><si><t>county</t></si><si><t>indicator</t></si>"
            "<si><t>year</t></si><si><t>value</t></si><si><t>internet_penetration</t></si>"
            "<si><t>",
            cellBytes, "</t></si></sst>");
    return VSIFCloseL(zip) == 0 && ok;
}

} // namespace

class TestHostileTables : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void excerpt_data();
    void excerpt();
    void hugeCellInSmallXlsx();
    void longCellInXlsx();
    void odsLikewise();
    void longCsvCell();
    void longLayerCell();
    void messagesQuoteExcerpts();
    void ordinaryXlsxStillReads();

private:
    Run dvdash(const QStringList &args)
    {
        return dvtest::runDvdash(QStringLiteral(DVDASH_BINARY), args, mDir.path(), mRuntime.path());
    }
    QString file(const QString &name) const { return mDir.filePath(name); }

    QTemporaryDir mDir;
    QTemporaryDir mRuntime;
};

void TestHostileTables::initTestCase()
{
    QVERIFY(mDir.isValid() && mRuntime.isValid());
    GDALAllRegister();
}

void TestHostileTables::excerpt_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::newRow("short") << QStringLiteral("abc") << QStringLiteral("abc");
    QTest::newRow("exactly the limit")
        << QString(40, QLatin1Char('x')) << QString(40, QLatin1Char('x'));
    QTest::newRow("long") << QString(1000000, QLatin1Char('x'))
                          << QString(40, QLatin1Char('x')) + QChar(0x2026);
    QTest::newRow("lines") << QStringLiteral("a\nb\r\tc") << QStringLiteral("a b  c");
    QTest::newRow("chinese")
        << QString::fromUtf8("贵州省黔南布依族苗族自治州").repeated(10)
        << QString::fromUtf8("贵州省黔南布依族苗族自治州").repeated(10).left(40) + QChar(0x2026);
}

void TestHostileTables::excerpt()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QCOMPARE(dv::QuotedText::excerpt(text), shown);
    const QByteArray utf8 = text.toUtf8();
    QCOMPARE(dv::QuotedText::excerpt(utf8.constData(), utf8.size()), shown);
}

// The file: about 300 KB on disk, one 300 MB cell. Refused from the zip's directory
// in well under a second, without inflating the cell, with one short line.
void TestHostileTables::hugeCellInSmallXlsx()
{
    const QString path = file(QStringLiteral("bomb.xlsx"));
    QVERIFY(writeXlsx(path, 300LL * 1024 * 1024));
    const qint64 onDisk = QFileInfo(path).size();
    QVERIFY2(onDisk < 2 * 1024 * 1024, qPrintable(QString::number(onDisk)));

    const double rssBefore = peakRssMb();
    QElapsedTimer timer;
    timer.start();
    const dv::TableReader::Table table
        = dv::TableReader::read(path, dv::TableReader::Formats::Spreadsheets);
    const qint64 ms = timer.elapsed();
    const double rssAfter = peakRssMb();
    qInfo("hostile XLSX: %lld bytes on disk, refused in %lld ms, peak RSS %.0f -> %.0f MB", onDisk,
        ms, rssBefore, rssAfter);
    QVERIFY2(!table.error.isEmpty(), "the file was read");
    QVERIFY2(table.error.contains(QLatin1String("xl/sharedStrings.xml")), qPrintable(table.error));
    QVERIFY2(table.error.size() < 200, qPrintable(table.error));
    QVERIFY(table.rows.empty());
    QVERIFY2(ms < 1000, qPrintable(QString::number(ms)));
    if (rssBefore > 0)
        QVERIFY2(rssAfter - rssBefore < 64, qPrintable(QString::number(rssAfter - rssBefore)));

    // The command says the same in one line, and writes no store.
    const QString store = file(QStringLiteral("bomb.sqlite"));
    const Run r = dvdash({ QStringLiteral("indicators"), QStringLiteral("import"), path,
        QStringLiteral("--store"), QStringLiteral("sqlite:") + store });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.size() < 400, qPrintable(r.err.left(400)));
    QVERIFY2(r.err.contains(QLatin1String("bomb.xlsx")), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(store));
}

// A cell over the cap inside a sheet small enough to unpack is found by reading the part as a
// stream, before GDAL builds its strings.
void TestHostileTables::longCellInXlsx()
{
    const QString path = file(QStringLiteral("long.xlsx"));
    QVERIFY(writeXlsx(path, 8LL * 1024 * 1024));
    QElapsedTimer timer;
    timer.start();
    const dv::TableReader::Table table
        = dv::TableReader::read(path, dv::TableReader::Formats::Spreadsheets);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(table.error.contains(QLatin1String("64 KB")), qPrintable(table.error));
    QVERIFY2(table.error.size() < 200, qPrintable(table.error));
}

// ODS is a zip too: its content.xml is bounded and read as a stream the same way, and an
// ordinary ODS (GDAL's own) still reads.
void TestHostileTables::odsLikewise()
{
    const QString hostile = file(QStringLiteral("long.ods"));
    {
        VSILFILE *zip = VSIFOpenExL(("/vsizip/" + hostile.toUtf8()).constData(), "wb", true);
        QVERIFY(zip);
        QVERIFY(writePart(hostile, "mimetype", "application/vnd.oasis.opendocument.spreadsheet"));
        QVERIFY(writePart(hostile, "content.xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
            "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
            "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
            "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>"
            "<office:spreadsheet><table:table table:name=\"values\"><table:table-row>"
            "<table:table-cell office:value-type=\"string\"><text:p>",
            2 * 1024 * 1024,
            "</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>"
            "</office:body></office:document-content>"));
        QVERIFY(VSIFCloseL(zip) == 0);
    }
    QElapsedTimer timer;
    timer.start();
    const dv::TableReader::Table table
        = dv::TableReader::read(hostile, dv::TableReader::Formats::Spreadsheets);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(table.error.contains(QLatin1String("content.xml")), qPrintable(table.error));
    QVERIFY2(table.error.contains(QLatin1String("64 KB")), qPrintable(table.error));

    const QString ordinary = file(QStringLiteral("ordinary.ods"));
    {
        dvtest::OgrFile ods(ordinary, "ODS", wkbNone, 0);
        QVERIFY(ods.isValid());
        ods.addField(QStringLiteral("county"), OFTString);
        ods.addField(QStringLiteral("value"), OFTString);
        QVERIFY(ods.addFeature(QByteArray(), { QStringLiteral("520102"), QStringLiteral("-3.5") }));
    }
    const dv::TableReader::Table read
        = dv::TableReader::read(ordinary, dv::TableReader::Formats::Spreadsheets);
    QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
    QCOMPARE(read.rows.size(), std::size_t(1));
    QCOMPARE(
        read.rows[0].second, (QStringList { QStringLiteral("520102"), QStringLiteral("-3.5") }));
}

// CSV: the long cell is named by row and column, before GDAL parses the file; a file over the
// size cap is refused from its size alone.
void TestHostileTables::longCsvCell()
{
    const QString path = file(QStringLiteral("long.csv"));
    QByteArray csv("county,indicator,year,value\n520102,internet_penetration,2024,50\n520103,\"");
    csv += QByteArray(1024 * 1024, 'x') + ",y\",2024,50\n";
    QVERIFY(dvtest::writeBytes(path, csv));
    const dv::TableReader::Table table
        = dv::TableReader::read(path, dv::TableReader::Formats::Spreadsheets);
    QVERIFY2(table.error.contains(QLatin1String("row 3, column B")), qPrintable(table.error));
    QVERIFY2(table.error.size() < 200, qPrintable(table.error));

    const QString big = file(QStringLiteral("big.csv"));
    {
        QFile f(big);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray line("520102,internet_penetration,2024,50\n");
        QByteArray block;
        for (int i = 0; i < 4096; ++i)
            block += line;
        f.write("county,indicator,year,value\n");
        while (f.size() <= dv::TableReader::kMaxTableBytes)
            f.write(block);
    }
    QElapsedTimer timer;
    timer.start();
    const dv::TableReader::Table bigTable
        = dv::TableReader::read(big, dv::TableReader::Formats::Spreadsheets);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(bigTable.error.contains(QLatin1String("at most 64 MB")), qPrintable(bigTable.error));
    QFile::remove(big);
}

// Site files may be layers: a GeoJSON property over the cap is refused with its row and column.
void TestHostileTables::longLayerCell()
{
    const QString path = file(QStringLiteral("sites.geojson"));
    {
        dvtest::OgrFile layer(path, "GeoJSON", wkbPoint, 4490);
        QVERIFY(layer.isValid());
        layer.addField(QStringLiteral("id"), OFTString);
        layer.addField(QStringLiteral("note"), OFTString);
        QVERIFY(
            layer.addFeature("POINT (107.4 27.7)", { QStringLiteral("P1"), QStringLiteral("ok") }));
        QVERIFY(layer.addFeature(
            "POINT (107.5 27.8)", { QStringLiteral("P2"), QString(200 * 1024, QLatin1Char('n')) }));
    }
    const dv::TableReader::Table table
        = dv::TableReader::read(path, dv::TableReader::Formats::SpreadsheetsAndLayers);
    QVERIFY2(
        table.error.contains(QLatin1String("row 3, column B (note)")), qPrintable(table.error));
    QVERIFY2(table.error.size() < 200, qPrintable(table.error));
    QVERIFY(table.rows.empty());
}

// Cells under the cap but far too long to print: a message quotes a few dozen characters then
// "…", for indicators and for sites alike.
void TestHostileTables::messagesQuoteExcerpts()
{
    const QByteArray long1 = "many" + QByteArray(20000, '9') + "x";
    const QString indicators = file(QStringLiteral("excerpt.csv"));
    QVERIFY(dvtest::writeBytes(indicators,
        "county,indicator,year,value\n520102,internet_penetration,2024," + long1 + "\n"));
    Run r = dvdash({ QStringLiteral("indicators"), QStringLiteral("import"), indicators,
        QStringLiteral("--store"), QStringLiteral("sqlite:") + file(QStringLiteral("e1.sqlite")) });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(
        r.err.contains(QStringLiteral("row 2, column D (value)")), qPrintable(r.err.left(400)));
    QVERIFY2(r.err.contains(QChar(0x2026)), qPrintable(r.err.left(400)));
    QVERIFY2(r.err.size() < 400, qPrintable(r.err.left(400)));

    const QString sites = file(QStringLiteral("sites.csv"));
    QVERIFY(dvtest::writeBytes(sites,
        "id,type,name,county,lon,lat," + QByteArray(30000, 'h') + "\nP9,teagarden"
            + QByteArray(30000, 'z') + ",Farm,520328,107.4,27.7,1\n"));
    r = dvdash({ QStringLiteral("sites"), QStringLiteral("import"), sites,
        QStringLiteral("--dry-run"), QStringLiteral("--store"),
        QStringLiteral("sqlite:") + file(QStringLiteral("e2.sqlite")) });
    const QString all = r.out + r.err;
    QVERIFY2(all.contains(QChar(0x2026)), qPrintable(all.left(600)));
    QVERIFY2(all.size() < 1000, qPrintable(all.left(600)));
}

// The checks refuse only the hostile: GDAL's own XLSX of a few rows still reads whole.
void TestHostileTables::ordinaryXlsxStillReads()
{
    const QString path = file(QStringLiteral("ordinary.xlsx"));
    QVERIFY(writeXlsx(path, 60 * 1024));
    const dv::TableReader::Table table
        = dv::TableReader::read(path, dv::TableReader::Formats::Spreadsheets);
    QVERIFY2(table.error.isEmpty(), qPrintable(table.error));
    QCOMPARE(table.header,
        (QStringList { QStringLiteral("county"), QStringLiteral("indicator"),
            QStringLiteral("year"), QStringLiteral("value") }));
    QCOMPARE(table.rows.size(), std::size_t(1));
    QCOMPARE(table.rows[0].second.value(3).size(), 60 * 1024);
}

QTEST_GUILESS_MAIN(TestHostileTables)
#include "tst_hostiletables.moc"
