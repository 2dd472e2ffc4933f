// dvdash sites / devices: what an office sees importing its farms, listing them and managing
// the devices on them from the command line.
#include "testsupport.h"

#include "rulebook.h"
#include "sqlitealertstore.h"
#include "sqlitesensorstore.h"

#include <QTemporaryDir>
#include <QtTest>

using dvtest::Run;

namespace {

const QByteArray kFarms("编号,类型,名称,乡镇,经度,纬度,母猪存栏\n"
                        "MYFARM,生猪养殖场,我的猪场,兴隆镇,107.369661,27.674193,120\n"
                        "MYTEA,茶园,我的茶园,湄江街道,107.476725,27.766336,\n");

} // namespace

class TestSitesCommand : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void importListExport();
    void problemsAreOneLineEachAndWriteNothing();
    void samplesShowUntilRealSitesExist();
    void devicesAcceptListRetire();
    void deviceAcceptedIntoChosenSite();
    void retireResolvesOpenAlerts();
    void sampleDataOnAndOffAcrossCommands();
    void officeSiteTypes();
    void typeChangeOfSiteWithDevicesNeedsConfirmation();
    void usage();

private:
    Run dvdash(const QStringList &args)
    {
        return dvtest::runDvdash(QStringLiteral(DVDASH_BINARY), args, mDir.path(), mRuntime.path());
    }
    QString file(const QString &name) const { return mDir.filePath(name); }
    // An active alert (episode) on a device, written as the alert engine writes one.
    static bool seedAlert(const QString &spec, quint64 episode, const QString &deviceKey)
    {
        dv::SqliteAlertStore alerts(spec.mid(int(qstrlen("sqlite:"))));
        QString error;
        dv::AlertTransition t;
        t.episode = episode;
        t.deviceKey = deviceKey;
        t.rule = 0;
        t.ruleId = dv::RuleBook::defaults().at(0).id;
        t.metric = 8;
        t.episodeStart = t.time = 1763000000000;
        t.value = 40.6;
        dv::AlertTransition active = t;
        active.kind = dv::AlertTransition::Activated;
        return alerts.open(&error)
            && alerts.record({ t, active }, dv::RuleBook::defaults(), &error);
    }
    static QStringList linesOf(const Run &r, const QString &needle)
    {
        return dataLines(r).filter(needle);
    }
    QString store(const QString &name) const { return QStringLiteral("sqlite:") + file(name); }
    static QStringList dataLines(const Run &r)
    {
        QStringList lines = r.out.trimmed().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (!lines.isEmpty())
            lines.removeFirst();
        return lines;
    }

    QTemporaryDir mDir;
    QTemporaryDir mRuntime;
};

void TestSitesCommand::initTestCase()
{
    QVERIFY(mDir.isValid());
    QVERIFY(dvtest::writeBytes(file(QStringLiteral("farms.csv")), kFarms));
}

void TestSitesCommand::importListExport()
{
    const QString s = store(QStringLiteral("import.sqlite"));
    Run r = dvdash(
        { QStringLiteral("sites"), QStringLiteral("import"), file(QStringLiteral("farms.csv")),
            QStringLiteral("--dry-run"), QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("dry run")), qPrintable(r.out));
    r = dvdash(
        { QStringLiteral("sites"), QStringLiteral("revisions"), QStringLiteral("--store"), s });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(dataLines(r).size(), 0); // the dry run wrote nothing

    r = dvdash({ QStringLiteral("sites"), QStringLiteral("import"),
        file(QStringLiteral("farms.csv")), QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("revision 1")), qPrintable(r.out));
    // The CRS assumed is said, not hidden.
    QVERIFY2(r.err.contains(QStringLiteral("EPSG:4490")), qPrintable(r.err));

    r = dvdash({ QStringLiteral("sites"), QStringLiteral("list"), QStringLiteral("--store"), s });
    QCOMPARE(r.exitCode, 0);
    QStringList lines = dataLines(r);
    QCOMPARE(lines.size(), 2); // real sites: the samples are hidden
    QVERIFY(lines.at(0).startsWith(QStringLiteral("MYFARM,pig_farm,我的猪场,520328,兴隆镇,")));

    r = dvdash({ QStringLiteral("sites"), QStringLiteral("list"), QStringLiteral("--type"),
        QStringLiteral("茶园"), QStringLiteral("--county"), QStringLiteral("520328"),
        QStringLiteral("--store"), s });
    QCOMPARE(r.exitCode, 0);
    lines = dataLines(r);
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("MYTEA,tea_garden,")));
    r = dvdash({ QStringLiteral("sites"), QStringLiteral("list"), QStringLiteral("--county"),
        QStringLiteral("520102"), QStringLiteral("--store"), s });
    QCOMPARE(dataLines(r).size(), 0);

    for (const QString &name :
        { QStringLiteral("out.csv"), QStringLiteral("out.gpkg"), QStringLiteral("out.xlsx") }) {
        r = dvdash({ QStringLiteral("sites"), QStringLiteral("export"), QStringLiteral("--out"),
            file(name), QStringLiteral("--store"), s });
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        if (name.endsWith(QLatin1String(".csv"))) {
            QFile csv(file(name));
            QVERIFY(csv.open(QIODevice::ReadOnly));
            const QByteArray bytes = csv.readAll();
            QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // spreadsheet programs then read UTF-8
            QCOMPARE(bytes.count('\n'), 3);
            continue;
        }
        // Every cell is text, so GDAL would take the header row for data unless told.
        CPLSetConfigOption("OGR_XLSX_HEADERS", "FORCE");
        const dvtest::Dataset ds = dvtest::openVector(file(name));
        QVERIFY2(ds, qPrintable(name));
        QCOMPARE(ds->GetLayer(0)->GetFeatureCount(), GIntBig(2));
    }
    // The export reads back as an import of the same sites: an update of both.
    r = dvdash(
        { QStringLiteral("sites"), QStringLiteral("import"), file(QStringLiteral("out.gpkg")),
            QStringLiteral("--dry-run"), QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("2 updated")), qPrintable(r.out));
}

void TestSitesCommand::problemsAreOneLineEachAndWriteNothing()
{
    const QString bad = file(QStringLiteral("bad.csv"));
    QVERIFY(dvtest::writeBytes(bad,
        "id,type,lon,lat\nOK1,clinic,107.369661,27.674193\nOK1,clinic,107.369661,27.674193\n"
        "X2,fishpond,107.369661,27.674193\nP0006,pig_farm,107.369661,27.674193\n"));
    const QString s = store(QStringLiteral("bad.sqlite"));
    Run r = dvdash(
        { QStringLiteral("sites"), QStringLiteral("import"), bad, QStringLiteral("--store"), s });
    QCOMPARE(r.exitCode, 1);
    const QStringList lines = r.err.trimmed().split(QLatin1Char('\n'));
    QVERIFY2(lines.filter(QStringLiteral("row 3, column A (id): duplicate site id")).size() == 1,
        qPrintable(r.err));
    QVERIFY2(lines.filter(QStringLiteral("row 4, column B (type): unknown site type")).size() == 1,
        qPrintable(r.err));
    QVERIFY2(lines.filter(QStringLiteral("row 5, column A (id): id of a sample site")).size() == 1,
        qPrintable(r.err));
    QVERIFY(r.err.contains(QStringLiteral("nothing imported")));
    r = dvdash(
        { QStringLiteral("sites"), QStringLiteral("revisions"), QStringLiteral("--store"), s });
    QCOMPARE(dataLines(r).size(), 0);

    r = dvdash({ QStringLiteral("sites"), QStringLiteral("import"),
        file(QStringLiteral("none.csv")), QStringLiteral("--store"), s });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("does not exist")), qPrintable(r.err));
}

void TestSitesCommand::samplesShowUntilRealSitesExist()
{
    const QString s = store(QStringLiteral("samples.sqlite"));
    // An unregistered site's device alone is not an office's own site: samples still show.
    Run r = dvdash({ QStringLiteral("devices"), QStringLiteral("accept"),
        QStringLiteral("520328/MYFARM/TAG7"), QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = dvdash({ QStringLiteral("sites"), QStringLiteral("list"), QStringLiteral("--store"), s });
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = dataLines(r);
    QVERIFY(lines.size() > 100);
    const QStringList sample = lines.filter(QRegularExpression(QStringLiteral("^P0006,")));
    QCOMPARE(sample.size(), 1);
    QVERIFY(sample.at(0).contains(QStringLiteral("sample")));
    QVERIFY(sample.at(0).endsWith(QStringLiteral("示例数据")));
}

void TestSitesCommand::devicesAcceptListRetire()
{
    const QString s = store(QStringLiteral("devices.sqlite"));
    Run r = dvdash({ QStringLiteral("devices"), QStringLiteral("accept"),
        QStringLiteral("520328/MYFARM/TAG7"), QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = dvdash({ QStringLiteral("devices"), QStringLiteral("list"), QStringLiteral("--store"), s });
    QCOMPARE(r.exitCode, 0);
    QStringList lines = dataLines(r);
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines.at(0).startsWith(QStringLiteral("520328/MYFARM/TAG7,MYFARM,TAG7,unknown,")));
    QVERIFY(lines.at(0).endsWith(QStringLiteral("site not registered")));

    // Registering the farm: the device is on a pig farm now.
    r = dvdash({ QStringLiteral("sites"), QStringLiteral("import"),
        file(QStringLiteral("farms.csv")), QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = dvdash({ QStringLiteral("devices"), QStringLiteral("list"), QStringLiteral("--store"), s });
    lines = dataLines(r);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.at(0).contains(QStringLiteral(",pig_farm,")), qPrintable(lines.at(0)));

    r = dvdash({ QStringLiteral("devices"), QStringLiteral("retire"),
        QStringLiteral("520328/MYFARM/TAG7"), QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = dvdash({ QStringLiteral("devices"), QStringLiteral("retire"),
        QStringLiteral("520328/MYFARM/TAG7"), QStringLiteral("--store"), s });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY(r.err.startsWith(QStringLiteral("520328/MYFARM/TAG7: ")));
}

void TestSitesCommand::deviceAcceptedIntoChosenSite()
{
    const QString s = store(QStringLiteral("into.sqlite"));
    Run r = dvdash({ QStringLiteral("sites"), QStringLiteral("import"),
        file(QStringLiteral("farms.csv")), QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // The tag's topic names a site the office never registered; it belongs on MYFARM.
    r = dvdash({ QStringLiteral("devices"), QStringLiteral("accept"),
        QStringLiteral("520328/OLDNAME/TAG9"), QStringLiteral("--site"), QStringLiteral("MYFARM"),
        QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("520328/MYFARM/TAG9")), qPrintable(r.out));
    r = dvdash({ QStringLiteral("devices"), QStringLiteral("list"), QStringLiteral("--store"), s });
    const QStringList lines = dataLines(r);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("520328/MYFARM/TAG9,MYFARM,TAG9,pig_farm,")),
        qPrintable(lines.at(0)));
    // The topic's key finds the farm's device: listen stores its readings there.
    dv::SqliteSensorStore sensors(s.mid(QStringLiteral("sqlite:").size()));
    QString error;
    QVERIFY2(sensors.open(&error), qPrintable(error));
    const auto heard = sensors.findDevice(QStringLiteral("520328/OLDNAME/TAG9"), &error);
    QVERIFY2(heard, qPrintable(error));
    QCOMPARE(*heard, *sensors.findDevice(QStringLiteral("520328/MYFARM/TAG9"), &error));
    const auto devices = sensors.devices(QString(), &error);
    QCOMPARE(int(devices->size()), 1);

    // Only into a registered, active site; nothing written otherwise.
    for (const QString &site : { QStringLiteral("NOSUCH"), QStringLiteral("P0006") }) {
        r = dvdash({ QStringLiteral("devices"), QStringLiteral("accept"),
            QStringLiteral("520328/OLDNAME/TAG10"), QStringLiteral("--site"), site,
            QStringLiteral("--store"), s });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--site ") + site), qPrintable(r.err));
    }
    QVERIFY(!sensors.findDevice(QStringLiteral("520328/OLDNAME/TAG10"), &error));
}

void TestSitesCommand::retireResolvesOpenAlerts()
{
    const QString s = store(QStringLiteral("retire.sqlite"));
    Run r = dvdash({ QStringLiteral("sites"), QStringLiteral("import"),
        file(QStringLiteral("farms.csv")), QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(seedAlert(s, 1, QStringLiteral("520328/MYFARM/TAG7")));
    QVERIFY(seedAlert(s, 2, QStringLiteral("520328/MYFARM/TAG8")));
    QVERIFY(seedAlert(s, 3, QStringLiteral("520328/MYTEA/AIR1")));

    r = dvdash({ QStringLiteral("sites"), QStringLiteral("retire"), QStringLiteral("MYFARM"),
        QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("2 open alert")), qPrintable(r.out));

    // None of the farm's left open; both resolved, saying why.
    r = dvdash(
        { QStringLiteral("alerts"), QStringLiteral("--active"), QStringLiteral("--store"), s });
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(dataLines(r).size(), 1);
    QVERIFY(dataLines(r).at(0).contains(QStringLiteral(",MYTEA,")));
    r = dvdash({ QStringLiteral("alerts"), QStringLiteral("--store"), s });
    QVERIFY(r.out.startsWith(QStringLiteral("episode,state,")));
    QVERIFY(r.out.section(QLatin1Char('\n'), 0, 0).contains(QStringLiteral(",resolved_reason,")));
    const QStringList farm = linesOf(r, QStringLiteral(",MYFARM,"));
    QCOMPARE(farm.size(), 2);
    for (const QString &line : farm) {
        QVERIFY2(
            line.section(QLatin1Char(','), 1, 1) == QLatin1String("resolved"), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral(",site retired,")), qPrintable(line));
    }

    // The site is retired, kept with its history; retiring again changes nothing.
    r = dvdash({ QStringLiteral("sites"), QStringLiteral("list"), QStringLiteral("--retired"),
        QStringLiteral("--sample"), QStringLiteral("off"), QStringLiteral("--store"), s });
    QVERIFY2(linesOf(r, QStringLiteral("MYFARM,")).value(0).contains(QStringLiteral(",retired,")),
        qPrintable(r.out));
    r = dvdash(
        { QStringLiteral("sites"), QStringLiteral("revisions"), QStringLiteral("--store"), s });
    QCOMPARE(dataLines(r).size(), 2);
    QVERIFY(dataLines(r).at(0).contains(QStringLiteral(",edit,")));
    r = dvdash({ QStringLiteral("sites"), QStringLiteral("retire"), QStringLiteral("MYFARM"),
        QStringLiteral("--store"), s });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QStringLiteral("retired already")), qPrintable(r.out));

    r = dvdash({ QStringLiteral("sites"), QStringLiteral("retire"), QStringLiteral("NOSUCH"),
        QStringLiteral("--store"), s });
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY2(r.err.startsWith(QStringLiteral("NOSUCH: ")), qPrintable(r.err));
}

void TestSitesCommand::sampleDataOnAndOffAcrossCommands()
{
    const QString s = store(QStringLiteral("sampleonoff.sqlite"));
    Run r = dvdash({ QStringLiteral("sites"), QStringLiteral("import"),
        file(QStringLiteral("farms.csv")), QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(seedAlert(s, 1, QStringLiteral("520281/P0006/tag-0003"))); // a sample pig farm
    QVERIFY(seedAlert(s, 2, QStringLiteral("520328/MYFARM/TAG7")));
    const QStringList off { QStringLiteral("--sample"), QStringLiteral("off"),
        QStringLiteral("--store"), s };
    const QStringList on { QStringLiteral("--sample"), QStringLiteral("on"),
        QStringLiteral("--store"), s };

    // Alerts: the sample farm's only while samples show, labelled.
    r = dvdash(QStringList { QStringLiteral("alerts") } + off);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(dataLines(r).size(), 1);
    QVERIFY(!r.out.contains(QStringLiteral("P0006")));
    QVERIFY(!r.out.contains(QStringLiteral("示例数据")));
    r = dvdash(QStringList { QStringLiteral("alerts") } + on);
    QCOMPARE(dataLines(r).size(), 2);
    QVERIFY2(linesOf(r, QStringLiteral(",P0006,")).value(0).endsWith(QStringLiteral(",示例数据")),
        qPrintable(r.out));
    QVERIFY(!linesOf(r, QStringLiteral(",MYFARM,")).value(0).contains(QStringLiteral("示例数据")));

    // Lists and exports.
    r = dvdash(QStringList { QStringLiteral("sites"), QStringLiteral("list") } + off);
    QCOMPARE(dataLines(r).size(), 2);
    r = dvdash(QStringList { QStringLiteral("sites"), QStringLiteral("list") } + on);
    QVERIFY(dataLines(r).size() > 100);
    r = dvdash(QStringList { QStringLiteral("sites"), QStringLiteral("export"),
                   QStringLiteral("--out"), file(QStringLiteral("withsamples.csv")) }
        + on);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile exported(file(QStringLiteral("withsamples.csv")));
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(exported.readAll());
    QVERIFY(text.contains(QStringLiteral("\nP0006,")));
    QVERIFY(text.contains(QStringLiteral(",示例数据")));

    // The map: without the sample sites it is a different picture.
    const QString withMap = file(QStringLiteral("with.png"));
    const QString withoutMap = file(QStringLiteral("without.png"));
    r = dvdash(QStringList { QStringLiteral("render-map"), QStringLiteral("--size"),
                   QStringLiteral("640x400"), QStringLiteral("--out"), withMap }
        + on);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = dvdash(QStringList { QStringLiteral("render-map"), QStringLiteral("--size"),
                   QStringLiteral("640x400"), QStringLiteral("--out"), withoutMap }
        + off);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QImage with(withMap), without(withoutMap);
    QVERIFY(!with.isNull() && !without.isNull());
    QVERIFY(with != without);

    // The simulator feeds only the sample sites: hidden, it says so and publishes nothing.
    r = dvdash({ QStringLiteral("simulate"), QStringLiteral("--broker"),
        QStringLiteral("tcp://127.0.0.1:9"), QStringLiteral("--sample"), QStringLiteral("off") });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("only the sample sites")), qPrintable(r.err));

    r = dvdash({ QStringLiteral("alerts"), QStringLiteral("--sample"), QStringLiteral("maybe"),
        QStringLiteral("--store"), s });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("--sample")), qPrintable(r.err));
}

void TestSitesCommand::officeSiteTypes()
{
    const QString s = store(QStringLiteral("types.sqlite"));
    Run r = dvdash({ QStringLiteral("sites"), QStringLiteral("add-type"), QStringLiteral("apiary"),
        QStringLiteral("--name-zh"), QStringLiteral("养蜂场"), QStringLiteral("--name-en"),
        QStringLiteral("Apiary"), QStringLiteral("--icon"), QStringLiteral("fish"),
        QStringLiteral("--store"), s });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("tea, pig, clinic, pin")), qPrintable(r.err));
    r = dvdash({ QStringLiteral("sites"), QStringLiteral("add-type"), QStringLiteral("apiary"),
        QStringLiteral("--name-zh"), QStringLiteral("养蜂场"), QStringLiteral("--name-en"),
        QStringLiteral("Apiary"), QStringLiteral("--icon"), QStringLiteral("tea"),
        QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = dvdash({ QStringLiteral("sites"), QStringLiteral("add-type"), QStringLiteral("apiary"),
        QStringLiteral("--name-zh"), QStringLiteral("蜂场"), QStringLiteral("--icon"),
        QStringLiteral("pin"), QStringLiteral("--store"), s });
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("already exists")), qPrintable(r.err));

    r = dvdash({ QStringLiteral("sites"), QStringLiteral("types"), QStringLiteral("--store"), s });
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(dataLines(r).contains(QStringLiteral("apiary,养蜂场,Apiary,tea,office")),
        qPrintable(r.out));
    QVERIFY(linesOf(r, QStringLiteral("pig_farm,")).value(0).endsWith(QStringLiteral(",built-in")));

    const QString bees = file(QStringLiteral("bees.csv"));
    QVERIFY(dvtest::writeBytes(
        bees, "编号,类型,名称,经度,纬度\nBEE1,养蜂场,蜂场一,107.369661,27.674193\n"));
    r = dvdash(
        { QStringLiteral("sites"), QStringLiteral("import"), bees, QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = dvdash({ QStringLiteral("sites"), QStringLiteral("list"), QStringLiteral("--type"),
        QStringLiteral("apiary"), QStringLiteral("--store"), s });
    QCOMPARE(dataLines(r).size(), 1);
    QVERIFY(dataLines(r).at(0).startsWith(QStringLiteral("BEE1,apiary,蜂场一,520328,")));
}

void TestSitesCommand::typeChangeOfSiteWithDevicesNeedsConfirmation()
{
    const QString s = store(QStringLiteral("typechange.sqlite"));
    Run r = dvdash({ QStringLiteral("sites"), QStringLiteral("import"),
        file(QStringLiteral("farms.csv")), QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = dvdash({ QStringLiteral("devices"), QStringLiteral("accept"),
        QStringLiteral("520328/MYFARM/TAG7"), QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString change = file(QStringLiteral("change.csv"));
    QVERIFY(dvtest::writeBytes(
        change, "编号,类型,名称,经度,纬度\nMYFARM,茶园,我的猪场,107.369661,27.674193\n"));
    r = dvdash({ QStringLiteral("sites"), QStringLiteral("import"), change,
        QStringLiteral("--store"), s });
    QCOMPARE(r.exitCode, 1);
    const QStringList refused = r.err.trimmed().split(QLatin1Char('\n'));
    QVERIFY2(
        refused.filter(QStringLiteral("row 2, column B (类型)")).size() == 1, qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("--confirm-type-change")), qPrintable(r.err));
    r = dvdash({ QStringLiteral("sites"), QStringLiteral("list"), QStringLiteral("--store"), s });
    QVERIFY(linesOf(r, QStringLiteral("MYFARM,"))
                .value(0)
                .startsWith(QStringLiteral("MYFARM,pig_farm,")));

    r = dvdash({ QStringLiteral("sites"), QStringLiteral("import"), change,
        QStringLiteral("--confirm-type-change"), QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = dvdash({ QStringLiteral("devices"), QStringLiteral("list"), QStringLiteral("--store"), s });
    QVERIFY2(dataLines(r).value(0).contains(QStringLiteral(",tea_garden,")), qPrintable(r.out));
    // History kept: the first import can be brought back, the device still on the site.
    r = dvdash({ QStringLiteral("sites"), QStringLiteral("restore"), QStringLiteral("1"),
        QStringLiteral("--store"), s });
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = dvdash({ QStringLiteral("devices"), QStringLiteral("list"), QStringLiteral("--store"), s });
    QVERIFY2(dataLines(r).value(0).contains(QStringLiteral(",pig_farm,")), qPrintable(r.out));
}

void TestSitesCommand::usage()
{
    const QString s = store(QStringLiteral("usage.sqlite"));
    for (const QStringList &args : {
             QStringList { QStringLiteral("sites"), QStringLiteral("import") },
             QStringList { QStringLiteral("sites"), QStringLiteral("export") },
             QStringList { QStringLiteral("sites"), QStringLiteral("export"),
                 QStringLiteral("--out"), file(QStringLiteral("x.pdf")) },
             QStringList { QStringLiteral("sites"), QStringLiteral("list"),
                 QStringLiteral("--county"), QStringLiteral("52") },
             QStringList { QStringLiteral("sites"), QStringLiteral("frobnicate") },
             QStringList { QStringLiteral("sites"), QStringLiteral("retire") },
             QStringList { QStringLiteral("sites"), QStringLiteral("add-type"),
                 QStringLiteral("apiary"), QStringLiteral("--icon"), QStringLiteral("tea") },
             QStringList { QStringLiteral("sites"), QStringLiteral("list"),
                 QStringLiteral("--sample"), QStringLiteral("yes") },
             QStringList { QStringLiteral("devices"), QStringLiteral("accept") },
             QStringList {
                 QStringLiteral("devices"), QStringLiteral("retire"), QStringLiteral("TAG7") },
         }) {
        const Run r = dvdash(args + QStringList { QStringLiteral("--store"), s });
        QVERIFY2(
            r.exitCode == 2, qPrintable(args.join(QLatin1Char(' ')) + QLatin1Char(' ') + r.err));
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
    }
    // A store that does not exist is not created by a list.
    const Run r = dvdash({ QStringLiteral("sites"), QStringLiteral("list"),
        QStringLiteral("--store"), store(QStringLiteral("missing.sqlite")) });
    QCOMPARE(r.exitCode, 1);
    QVERIFY(!QFile::exists(file(QStringLiteral("missing.sqlite"))));
}

QTEST_GUILESS_MAIN(TestSitesCommand)
#include "tst_sitescommand.moc"
