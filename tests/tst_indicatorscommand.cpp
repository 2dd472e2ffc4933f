// dvdash indicators import / export: what a script or an office sees on the command line.
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

using dvtest::Run;

class TestIndicatorsCommand : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void importThenExport();
    void problemsWriteNothing();
    void usage_data();
    void usage();

private:
    Run dvdash(const QStringList &args)
    {
        return dvtest::runDvdash(QStringLiteral(DVDASH_BINARY), args, mDir.path(), mRuntime.path());
    }
    QString file(const QString &name) const { return mDir.filePath(name); }

    QTemporaryDir mDir;
    QTemporaryDir mRuntime;
};

void TestIndicatorsCommand::initTestCase()
{
    QVERIFY(mDir.isValid() && mRuntime.isValid());
}

// A clean file is written as a revision; the year then exports as CSV with a BOM and as XLSX,
// both readable by GDAL with the imported values.
void TestIndicatorsCommand::importThenExport()
{
    const QString store = QStringLiteral("sqlite:") + file(QStringLiteral("store.sqlite"));
    QVERIFY(dvtest::writeBytes(file(QStringLiteral("wide.csv")),
        QString::fromUtf8("区县代码;区县名称;农村互联网普及率(%);数字经济增加值\n"
                          "520102;南明区;88.5;512.3\n"
                          "520281;盘县;61;120\n")
            .toUtf8()));
    Run r = dvdash(
        { QStringLiteral("indicators"), QStringLiteral("import"), file(QStringLiteral("wide.csv")),
            QStringLiteral("--year"), QStringLiteral("2024"), QStringLiteral("--store"), store });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("revision 1")), qPrintable(r.out));

    for (const QString &suffix : { QStringLiteral("csv"), QStringLiteral("xlsx") }) {
        const QString out = file(QStringLiteral("2024.") + suffix);
        r = dvdash({ QStringLiteral("indicators"), QStringLiteral("export"),
            QStringLiteral("--year"), QStringLiteral("2024"), QStringLiteral("--out"), out,
            QStringLiteral("--store"), store });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        if (suffix == QLatin1String("csv")) {
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.readAll().startsWith("\xEF\xBB\xBF"));
        }
        const dvtest::Dataset ds = dvtest::openVector(out);
        QVERIFY2(ds, qPrintable(out));
        OGRLayer *layer = ds->GetLayer(0);
        QCOMPARE(layer->GetFeatureCount(), GIntBig(2));
        const int column = layer->GetLayerDefn()->GetFieldIndex("农村互联网普及率(%)");
        QVERIFY(column >= 0);
        // No sample data in this store: no 数据说明 column.
        QCOMPARE(layer->GetLayerDefn()->GetFieldIndex("数据说明"), -1);
        layer->ResetReading();
        std::unique_ptr<OGRFeature> second;
        std::unique_ptr<OGRFeature> first(layer->GetNextFeature());
        second.reset(layer->GetNextFeature());
        QCOMPARE(QString::fromUtf8(first->GetFieldAsString(0)), QStringLiteral("520102"));
        QCOMPARE(first->GetFieldAsDouble(column), 88.5);
        QCOMPARE(QString::fromUtf8(second->GetFieldAsString(1)), QString::fromUtf8("盘州市"));
        QCOMPARE(second->GetFieldAsDouble(column), 61.0);
    }
}

// One line per problem on stderr naming row and column, exit 1, and no store created.
void TestIndicatorsCommand::problemsWriteNothing()
{
    QVERIFY(dvtest::writeBytes(file(QStringLiteral("bad.csv")),
        QString::fromUtf8("county,indicator,year,value\n"
                          "520102,villages_5g,2023,150\n"
                          "火星县,villages_5g,2023,50\n"
                          "520103,villages_5g,2023,many\n"
                          "520111,villages_5g,2023,40\n")
            .toUtf8()));
    const QString storeFile = file(QStringLiteral("untouched.sqlite"));
    const Run r = dvdash(
        { QStringLiteral("indicators"), QStringLiteral("import"), file(QStringLiteral("bad.csv")),
            QStringLiteral("--store"), QStringLiteral("sqlite:") + storeFile });
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    const QStringList lines = r.err.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines[0].contains(QLatin1String("row 2, column D (value)")), qPrintable(lines[0]));
    QVERIFY2(lines[1].contains(QLatin1String("row 3, column A (county)")), qPrintable(lines[1]));
    QVERIFY2(lines[2].contains(QLatin1String("row 4, column D (value)")), qPrintable(lines[2]));
    QVERIFY(!QFileInfo::exists(storeFile));
}

void TestIndicatorsCommand::usage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("export without year") << QStringList { QStringLiteral("indicators"),
        QStringLiteral("export"), QStringLiteral("--out"), QStringLiteral("x.csv") }
                                         << 2 << QStringLiteral("--year");
    QTest::newRow("import without file") << QStringList { QStringLiteral("indicators"),
        QStringLiteral("import") } << 2 << QStringLiteral("FILE");
    QTest::newRow("unknown action")
        << QStringList { QStringLiteral("indicators"), QStringLiteral("delete") } << 2
        << QStringLiteral("import FILE");
    QTest::newRow("bad year") << QStringList { QStringLiteral("indicators"),
        QStringLiteral("export"), QStringLiteral("--year"), QStringLiteral("twenty"),
        QStringLiteral("--out"), QStringLiteral("x.csv") }
                              << 2 << QStringLiteral("twenty");
    QTest::newRow("missing store") << QStringList { QStringLiteral("indicators"),
        QStringLiteral("export"), QStringLiteral("--year"), QStringLiteral("2024"),
        QStringLiteral("--out"), QStringLiteral("x.csv"), QStringLiteral("--store"),
        QStringLiteral("sqlite:nowhere.sqlite") }
                                   << 1 << QStringLiteral("nowhere.sqlite");
    QTest::newRow("wrong export format") << QStringList { QStringLiteral("indicators"),
        QStringLiteral("export"), QStringLiteral("--year"), QStringLiteral("2024"),
        QStringLiteral("--out"), QStringLiteral("x.pdf"), QStringLiteral("--store"),
        QStringLiteral("STORE") } << 1 << QStringLiteral(".xlsx");
}

void TestIndicatorsCommand::usage()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    args.replaceInStrings(
        QStringLiteral("STORE"), QStringLiteral("sqlite:") + file(QStringLiteral("store.sqlite")));
    const Run r = dvdash(args);
    QCOMPARE(r.exitCode, exitCode);
    QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(file(QStringLiteral("nowhere.sqlite"))));
}

QTEST_GUILESS_MAIN(TestIndicatorsCommand)
#include "tst_indicatorscommand.moc"
