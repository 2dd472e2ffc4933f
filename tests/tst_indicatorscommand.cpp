// dvdash indicators import / export / revisions / restore / define: what a script or an office
// sees on the command line.
#include "sqliteindicatorstore.h"
#include "testsupport.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>

#include <QTemporaryDir>
#include <QtTest>

using dvtest::Run;

class TestIndicatorsCommand : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void importThenExport();
    void problemsWriteNothing();
    void revisionsAndRestore();
    void restoreUnknownRevision();
    void defineThenImportAndExport();
    void defineRefusesTakenId();
    void usage_data();
    void usage();

private:
    Run dvdash(const QStringList &args)
    {
        return dvtest::runDvdash(QStringLiteral(DVDASH_BINARY), args, mDir.path(), mRuntime.path());
    }
    QString file(const QString &name) const { return mDir.filePath(name); }
    // Data lines of `indicators revisions`, newest first; empty (and a failure) when it fails.
    QStringList revisionLines(const QString &store)
    {
        const Run r = dvdash({ QStringLiteral("indicators"), QStringLiteral("revisions"),
            QStringLiteral("--store"), store });
        if (r.exitCode != 0 || !r.err.isEmpty()) {
            qWarning("%s", qPrintable(r.err));
            return {};
        }
        QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        if (lines.value(0)
            != QLatin1String("revision,created,kind,source,values,changed,"
                             "restored_from,made_by"))
            return {};
        lines.removeFirst();
        return lines;
    }
    // A store holding the bundled sample, as the window leaves it on first use.
    QString sampleStore(const QString &name)
    {
        const QString path = file(name);
        dv::SqliteIndicatorStore store(path);
        QString error;
        if (!store.open(&error) || store.ensureSampleData(&error) != std::optional<bool>(true))
            qWarning("%s", qPrintable(error));
        return QStringLiteral("sqlite:") + path;
    }
    static std::optional<double> storedValue(
        const QString &path, const QString &indicator, const QString &county, int year)
    {
        dv::SqliteIndicatorStore store(path);
        QString error;
        const auto values
            = store.open(&error) ? store.values(indicator, year, &error) : std::nullopt;
        if (!values || !values->contains(county))
            return std::nullopt;
        return values->value(county);
    }

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

// Each import is a revision listed newest first with its kind, file and counts; restoring the
// first import brings its value back as a new revision that says what it restored.
void TestIndicatorsCommand::revisionsAndRestore()
{
    const QString store = sampleStore(QStringLiteral("revisions.sqlite"));
    const QString path = file(QStringLiteral("revisions.sqlite"));
    for (const auto &[name, value] : { std::pair { "first.csv", "11" }, { "second.csv", "22" } }) {
        QVERIFY(dvtest::writeBytes(file(QLatin1String(name)),
            QByteArray("county,indicator,year,value\n520102,internet_penetration,2024,") + value
                + "\n"));
        const Run r = dvdash({ QStringLiteral("indicators"), QStringLiteral("import"),
            file(QLatin1String(name)), QStringLiteral("--store"), store });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    QCOMPARE(
        storedValue(path, QStringLiteral("internet_penetration"), QStringLiteral("520102"), 2024)
            .value_or(-1),
        22.0);

    QStringList lines = revisionLines(store);
    QCOMPARE(lines.size(), 3);
    static const QRegularExpression chinaTime(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00$"));
    const QStringList newest = lines[0].split(QLatin1Char(','));
    QCOMPARE(newest.size(), 8);
    QCOMPARE(newest[0], QStringLiteral("3"));
    QVERIFY2(chinaTime.match(newest[1]).hasMatch(), qPrintable(newest[1]));
    // No role in a file store: made_by is empty.
    QCOMPARE(newest.mid(2),
        (QStringList { QStringLiteral("import"), QStringLiteral("second.csv"), QStringLiteral("1"),
            QStringLiteral("1"), QString(), QString() }));
    QVERIFY2(lines[1].startsWith(QLatin1String("2,")), qPrintable(lines[1]));
    QVERIFY2(lines[1].contains(QLatin1String(",import,first.csv,1,1,")), qPrintable(lines[1]));
    QVERIFY2(lines[2].startsWith(QLatin1String("1,")), qPrintable(lines[2]));
    QVERIFY2(lines[2].contains(QLatin1String(",sample,")), qPrintable(lines[2]));

    const Run r = dvdash({ QStringLiteral("indicators"), QStringLiteral("restore"),
        QStringLiteral("2"), QStringLiteral("--store"), store });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out.trimmed(), QStringLiteral("4"));
    QCOMPARE(
        storedValue(path, QStringLiteral("internet_penetration"), QStringLiteral("520102"), 2024)
            .value_or(-1),
        11.0);
    lines = revisionLines(store);
    QCOMPARE(lines.size(), 4);
    QVERIFY2(lines[0].startsWith(QLatin1String("4,")), qPrintable(lines[0]));
    QVERIFY2(lines[0].contains(QLatin1String(",restore,")), qPrintable(lines[0]));
    QVERIFY2(lines[0].endsWith(QLatin1String(",1,1,2,")), qPrintable(lines[0]));
}

// One line naming the revision, exit 1, and nothing written.
void TestIndicatorsCommand::restoreUnknownRevision()
{
    const QString store = sampleStore(QStringLiteral("unknown.sqlite"));
    const Run r = dvdash({ QStringLiteral("indicators"), QStringLiteral("restore"),
        QStringLiteral("99"), QStringLiteral("--store"), store });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY2(r.err.contains(QLatin1String("revision 99")), qPrintable(r.err));
    QCOMPARE(revisionLines(store).size(), 1);
}

// An office's own indicator imports by Chinese name (wide) and by id (long), keeps its range,
// and exports as a column of its own.
void TestIndicatorsCommand::defineThenImportAndExport()
{
    const QString store = QStringLiteral("sqlite:") + file(QStringLiteral("own.sqlite"));
    Run r = dvdash({ QStringLiteral("indicators"), QStringLiteral("define"), QStringLiteral("--id"),
        QStringLiteral("tea_tourists"), QStringLiteral("--name-zh"),
        QString::fromUtf8("茶旅游客人次"), QStringLiteral("--name-en"),
        QStringLiteral("Tea tourism visitors"), QStringLiteral("--unit"),
        QString::fromUtf8("万人次"), QStringLiteral("--dimension"), QStringLiteral("life"),
        QStringLiteral("--min"), QStringLiteral("0"), QStringLiteral("--not-in-index"),
        QStringLiteral("--store"), store });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("tea_tourists")), qPrintable(r.out));
    {
        dv::SqliteIndicatorStore s(file(QStringLiteral("own.sqlite")));
        QString error;
        QVERIFY2(s.open(&error), qPrintable(error));
        const auto known = s.indicators(&error);
        QVERIFY2(known, qPrintable(error));
        const auto own = std::find_if(known->begin(), known->end(),
            [](const dv::Indicator &i) { return i.id == QLatin1String("tea_tourists"); });
        QVERIFY(own != known->end());
        QCOMPARE(own->dimension, dv::IndicatorDimension::Life);
        QCOMPARE(own->minimum, 0.0);
        QVERIFY(!own->inIndex && !own->builtIn && own->higherIsBetter);
    }

    QVERIFY(dvtest::writeBytes(file(QStringLiteral("own-wide.csv")),
        QString::fromUtf8("区县代码,茶旅游客人次(万人次)\n520102,12.5\n").toUtf8()));
    r = dvdash({ QStringLiteral("indicators"), QStringLiteral("import"),
        file(QStringLiteral("own-wide.csv")), QStringLiteral("--year"), QStringLiteral("2024"),
        QStringLiteral("--store"), store });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(dvtest::writeBytes(file(QStringLiteral("own-long.csv")),
        "county,indicator,year,value\n520103,tea_tourists,2024,3\n"));
    r = dvdash({ QStringLiteral("indicators"), QStringLiteral("import"),
        file(QStringLiteral("own-long.csv")), QStringLiteral("--store"), store });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(dvtest::writeBytes(file(QStringLiteral("own-negative.csv")),
        "county,indicator,year,value\n520103,tea_tourists,2024,-3\n"));
    r = dvdash({ QStringLiteral("indicators"), QStringLiteral("import"),
        file(QStringLiteral("own-negative.csv")), QStringLiteral("--store"), store });
    QCOMPARE(r.exitCode, 1);

    const QString out = file(QStringLiteral("own-2024.csv"));
    r = dvdash({ QStringLiteral("indicators"), QStringLiteral("export"), QStringLiteral("--year"),
        QStringLiteral("2024"), QStringLiteral("--out"), out, QStringLiteral("--store"), store });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const dvtest::Dataset ds = dvtest::openVector(out);
    QVERIFY2(ds, qPrintable(out));
    OGRLayer *layer = ds->GetLayer(0);
    QCOMPARE(layer->GetFeatureCount(), GIntBig(2));
    const int column = layer->GetLayerDefn()->GetFieldIndex("茶旅游客人次(万人次)");
    QVERIFY(column >= 0);
    layer->ResetReading();
    std::unique_ptr<OGRFeature> first(layer->GetNextFeature());
    std::unique_ptr<OGRFeature> second(layer->GetNextFeature());
    QCOMPARE(first->GetFieldAsDouble(column), 12.5);
    QCOMPARE(second->GetFieldAsDouble(column), 3.0);
}

// A built-in's id and an office's own id already defined are refused, naming the id.
void TestIndicatorsCommand::defineRefusesTakenId()
{
    const QString store = QStringLiteral("sqlite:") + file(QStringLiteral("taken.sqlite"));
    auto define = [&](const QString &id) {
        return dvdash({ QStringLiteral("indicators"), QStringLiteral("define"),
            QStringLiteral("--id"), id, QStringLiteral("--name-zh"),
            QString::fromUtf8("鱼塘传感器"), QStringLiteral("--unit"), QString::fromUtf8("个"),
            QStringLiteral("--store"), store });
    };
    Run r = define(QStringLiteral("pond_sensors"));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const QString &id :
        { QStringLiteral("pond_sensors"), QStringLiteral("internet_penetration") }) {
        r = define(id);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(r.err.contains(id) && r.err.contains(QLatin1String("taken")), qPrintable(r.err));
    }
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
    QTest::newRow("revisions of a missing store")
        << QStringList { QStringLiteral("indicators"), QStringLiteral("revisions"),
               QStringLiteral("--store"), QStringLiteral("sqlite:nowhere.sqlite") }
        << 1 << QStringLiteral("no such store");
    QTest::newRow("restore in a missing store") << QStringList { QStringLiteral("indicators"),
        QStringLiteral("restore"), QStringLiteral("1"), QStringLiteral("--store"),
        QStringLiteral("sqlite:nowhere.sqlite") }
                                                << 1 << QStringLiteral("no such store");
    QTest::newRow("restore without revision") << QStringList { QStringLiteral("indicators"),
        QStringLiteral("restore") } << 2 << QStringLiteral("REVISION");
    QTest::newRow("restore not a number") << QStringList { QStringLiteral("indicators"),
        QStringLiteral("restore"), QStringLiteral("latest") }
                                          << 2 << QStringLiteral("latest");
    const QStringList define { QStringLiteral("indicators"), QStringLiteral("define"),
        QStringLiteral("--name-zh"), QString::fromUtf8("鱼塘传感器"), QStringLiteral("--unit"),
        QString::fromUtf8("个"), QStringLiteral("--store"),
        QStringLiteral("sqlite:nowhere.sqlite") };
    QTest::newRow("define without id") << define << 2 << QStringLiteral("--id");
    QTest::newRow("define with a bad id")
        << define + QStringList { QStringLiteral("--id"), QStringLiteral("Pond-Sensors") } << 2
        << QStringLiteral("--id: indicator id \"Pond-Sensors\"");
    QTest::newRow("define without unit") << QStringList { QStringLiteral("indicators"),
        QStringLiteral("define"), QStringLiteral("--id"), QStringLiteral("pond"),
        QStringLiteral("--name-zh"), QString::fromUtf8("鱼塘") }
                                         << 2 << QStringLiteral("--unit");
    QTest::newRow("define with a bad dimension") << define
            + QStringList { QStringLiteral("--id"), QStringLiteral("pond"),
                  QStringLiteral("--dimension"), QStringLiteral("fishery") }
                                                 << 2 << QStringLiteral("--dimension");
    QTest::newRow("define with bad decimals") << define
            + QStringList { QStringLiteral("--id"), QStringLiteral("pond"),
                  QStringLiteral("--decimals"), QStringLiteral("9") }
                                              << 2 << QStringLiteral("--decimals");
    QTest::newRow("define with min above max") << define
            + QStringList { QStringLiteral("--id"), QStringLiteral("pond"), QStringLiteral("--min"),
                  QStringLiteral("5"), QStringLiteral("--max"), QStringLiteral("1") }
                                               << 2 << QStringLiteral("--min");
    QTest::newRow("define with a bad bound") << define
            + QStringList { QStringLiteral("--id"), QStringLiteral("pond"), QStringLiteral("--max"),
                  QStringLiteral("lots") } << 2
                                             << QStringLiteral("--max");
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
