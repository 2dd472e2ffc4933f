// Access by county on the shared server, enforced by the database: dvdash admin sets it up, and a
// county official's commands -- and a forged query through psql -- see only that county; the
// collector role reads nothing.
#include "testpostgres.h"
#include "testsupport.h"

#include "alertstore.h"
#include "indicatorstore.h"
#include "postgressensorstore.h"
#include "rulebook.h"
#include "sensorstore.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <gdal.h>

using namespace dv;

namespace {

const QByteArray kSites("编号,类型,名称,乡镇,经度,纬度,母猪存栏\n"
                        "MYFARM,生猪养殖场,我的猪场,兴隆镇,107.369661,27.674193,120\n"
                        "NMFARM,生猪养殖场,南明猪场,花果园,106.713,26.568,80\n");
const QString kOwnCounty = QStringLiteral("520102"); // 南明区: NMFARM
const QString kOtherCounty = QStringLiteral("520328"); // 湄潭县: MYFARM

} // namespace

class TestPostgresAccess : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void initIsIdempotentAndSaysWhatItDid();
    void countyRoleCommandsSeeOnlyItsCounty();
    void countyRoleCannotImportAnotherCountysIndicators();
    void forgedQueriesThroughPsqlSeeNothingElse();
    void collectorReadsNothing();
    void badGrantsNamed();

private:
    dvtest::Run dvdash(const QStringList &args)
    {
        return dvtest::runDvdash(QStringLiteral(DVDASH_BINARY),
            QStringList { QStringLiteral("--lang"), QStringLiteral("en") } + args, mDir.path(),
            mRuntime.path());
    }
    // psql -At as role: its output, or "ERROR: ..." from stderr.
    QString psql(const QString &role, const QString &sql);

    QTemporaryDir mDir;
    QTemporaryDir mRuntime;
    QString mDb; // as the owner
    QString mOfficial, mCollector;
};

QString TestPostgresAccess::psql(const QString &role, const QString &sql)
{
    QProcess p;
    p.start(QStandardPaths::findExecutable(QStringLiteral("psql")),
        { QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-d"),
            TestPostgres::uriAs(mDb, role), QStringLiteral("-c"), sql });
    if (!p.waitForFinished(30000))
        return QStringLiteral("timed out");
    const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return p.exitCode() == 0 ? QString::fromUtf8(p.readAllStandardOutput()).trimmed() : err;
}

void TestPostgresAccess::initTestCase()
{
    GDALAllRegister();
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("psql")).isEmpty(),
        "psql (postgresql-client-15) is needed");
    QString error;
    mDb = TestPostgres::freshDatabase(&error);
    QVERIFY2(!mDb.isEmpty(), qPrintable(error));
    const QString prefix = mDb.mid(mDb.lastIndexOf(QLatin1Char('/')) + 1);
    mOfficial = prefix + QStringLiteral("_nanming");
    mCollector = prefix + QStringLiteral("_collector");

    const dvtest::Run init = dvdash({ QStringLiteral("admin"), QStringLiteral("init-postgres"),
        QStringLiteral("--store"), mDb });
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));

    // The owner's data: two farms in two counties, readings and an alert at each.
    QVERIFY(dvtest::writeBytes(mDir.filePath(QStringLiteral("sites.csv")), kSites));
    const dvtest::Run sites = dvdash({ QStringLiteral("sites"), QStringLiteral("import"),
        mDir.filePath(QStringLiteral("sites.csv")), QStringLiteral("--store"), mDb });
    QVERIFY2(sites.exitCode == 0, qPrintable(sites.err));
    auto sensors = SensorStore::create(mDb, &error);
    QVERIFY2(sensors, qPrintable(error));
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 3600000;
    std::vector<AlertTransition> steps;
    quint64 episode = 1;
    for (const QString &key : { kOwnCounty + QStringLiteral("/NMFARM/tag-1"),
             kOtherCounty + QStringLiteral("/MYFARM/tag-2") }) {
        const auto id = sensors->deviceId(key, &error);
        QVERIFY2(id, qPrintable(error));
        std::vector<Reading> readings;
        for (int i = 0; i < 10; ++i) {
            Reading r;
            r.device = *id;
            r.metric = 8; // body_temperature
            r.timestamp = t0 + i * 60000;
            r.arrival = r.timestamp;
            r.value = 40.5;
            readings.push_back(r);
        }
        QVERIFY2(sensors->write(readings, &error), qPrintable(error));
        for (auto kind : { AlertTransition::Raised, AlertTransition::Activated }) {
            AlertTransition t;
            t.kind = kind;
            t.episode = episode;
            t.deviceKey = key;
            t.rule = 0;
            t.ruleId = RuleBook::defaults().at(0).id;
            t.metric = 8;
            t.episodeStart = t0;
            t.time = t0 + (kind == AlertTransition::Activated ? 600000 : 0);
            t.value = 40.5;
            steps.push_back(t);
        }
        ++episode;
    }
    auto alerts = AlertStore::create(mDb, &error);
    QVERIFY2(alerts && alerts->record(steps, RuleBook::defaults(), &error), qPrintable(error));

    for (const auto &grant : { QStringList { mOfficial, QStringLiteral("--county"), kOwnCounty },
             QStringList { mCollector, QStringLiteral("--collector") } }) {
        const dvtest::Run r = dvdash(QStringList { QStringLiteral("admin"),
                                         QStringLiteral("grant"), QStringLiteral("--store"), mDb }
            + grant);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
}

void TestPostgresAccess::initIsIdempotentAndSaysWhatItDid()
{
    QString error;
    const QString fresh = TestPostgres::freshDatabase(&error);
    QVERIFY2(!fresh.isEmpty(), qPrintable(error));
    const dvtest::Run first = dvdash({ QStringLiteral("admin"), QStringLiteral("init-postgres"),
        QStringLiteral("--store"), fresh });
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QVERIFY2(first.out.contains(QStringLiteral("sensor readings: created (schema %1)")
                                    .arg(PostgresSensorStore::kSchemaVersion))
            && first.out.contains(QStringLiteral("counties with boundaries: 88")),
        qPrintable(first.out));
    const dvtest::Run second = dvdash({ QStringLiteral("admin"), QStringLiteral("init-postgres"),
        QStringLiteral("--store"), fresh });
    QVERIFY2(second.exitCode == 0, qPrintable(second.err));
    QVERIFY2(!second.out.contains(QStringLiteral("created"))
            && second.out.count(QStringLiteral("already at schema")) == 5,
        qPrintable(second.out));
    // A newer schema is refused, not touched.
    QVERIFY(TestPostgres::exec(
        fresh, QStringLiteral("UPDATE dvdash_schema SET version = 99 WHERE part = 'alerts'"), &error));
    const dvtest::Run newer = dvdash({ QStringLiteral("alerts"), QStringLiteral("--store"), fresh });
    QCOMPARE(newer.exitCode, 1);
    QVERIFY2(newer.err.contains(QStringLiteral("newer dvdash")) && newer.err.contains(
                 QStringLiteral("99")),
        qPrintable(newer.err));
    QCOMPARE(TestPostgres::column(fresh,
                 QStringLiteral("SELECT version FROM dvdash_schema WHERE part = 'alerts'"), &error),
        QStringList { QStringLiteral("99") });
}

void TestPostgresAccess::countyRoleCommandsSeeOnlyItsCounty()
{
    const QString store = TestPostgres::uriAs(mDb, mOfficial);
    const dvtest::Run own = dvdash({ QStringLiteral("history"), QStringLiteral("--store"), store,
        QStringLiteral("--device"), kOwnCounty + QStringLiteral("/NMFARM/tag-1"),
        QStringLiteral("--metric"), QStringLiteral("body_temperature"), QStringLiteral("--from"),
        QStringLiteral("2020-01-01T00:00:00Z"), QStringLiteral("--to"),
        QStringLiteral("2100-01-01T00:00:00Z") });
    QVERIFY2(own.exitCode == 0, qPrintable(own.err));
    QCOMPARE(own.out.trimmed().split(QLatin1Char('\n')).size(), 11); // header + 10 readings
    const dvtest::Run other = dvdash({ QStringLiteral("history"), QStringLiteral("--store"), store,
        QStringLiteral("--device"), kOtherCounty + QStringLiteral("/MYFARM/tag-2"),
        QStringLiteral("--metric"), QStringLiteral("body_temperature"), QStringLiteral("--from"),
        QStringLiteral("2020-01-01T00:00:00Z"), QStringLiteral("--to"),
        QStringLiteral("2100-01-01T00:00:00Z") });
    QVERIFY2(other.exitCode != 0 && !other.out.contains(QStringLiteral("40.5")),
        qPrintable(other.out + other.err));

    const dvtest::Run alerts = dvdash({ QStringLiteral("alerts"), QStringLiteral("--store"), store });
    QVERIFY2(alerts.exitCode == 0, qPrintable(alerts.err));
    QVERIFY2(alerts.out.contains(QStringLiteral("NMFARM"))
            && !alerts.out.contains(QStringLiteral("MYFARM"))
            && !alerts.out.contains(kOtherCounty),
        qPrintable(alerts.out));

    const dvtest::Run sites = dvdash({ QStringLiteral("sites"), QStringLiteral("list"),
        QStringLiteral("--store"), store });
    QVERIFY2(sites.exitCode == 0, qPrintable(sites.err));
    QVERIFY2(sites.out.contains(QStringLiteral("NMFARM"))
            && !sites.out.contains(QStringLiteral("MYFARM")),
        qPrintable(sites.out));
}

void TestPostgresAccess::countyRoleCannotImportAnotherCountysIndicators()
{
    const QString store = TestPostgres::uriAs(mDb, mOfficial);
    QVERIFY(dvtest::writeBytes(mDir.filePath(QStringLiteral("mixed.csv")),
        QByteArray("county,indicator,year,value\n520102,villages_5g,2024,90\n"
                   "520328,villages_5g,2024,10\n")));
    const dvtest::Run mixed = dvdash({ QStringLiteral("indicators"), QStringLiteral("import"),
        mDir.filePath(QStringLiteral("mixed.csv")), QStringLiteral("--store"), store });
    QCOMPARE(mixed.exitCode, 1);
    QVERIFY2(mixed.err.contains(kOtherCounty), qPrintable(mixed.err));
    QString error;
    // Refused whole: not even its own county's row went in.
    QCOMPARE(TestPostgres::column(mDb,
                 QStringLiteral("SELECT count(*) FROM indicator_current WHERE year = 2024 AND "
                                "indicator_id = 'villages_5g' AND county_code IN ('520102', "
                                "'520328') AND revision_id IN (SELECT id FROM indicator_revisions "
                                "WHERE kind <> 'sample')"),
                 &error),
        QStringList { QStringLiteral("0") });

    QVERIFY(dvtest::writeBytes(mDir.filePath(QStringLiteral("own.csv")),
        QByteArray("county,indicator,year,value\n520102,villages_5g,2024,90\n")));
    const dvtest::Run own = dvdash({ QStringLiteral("indicators"), QStringLiteral("import"),
        mDir.filePath(QStringLiteral("own.csv")), QStringLiteral("--store"), store });
    QVERIFY2(own.exitCode == 0, qPrintable(own.err));
    // Every county's values stay readable: officials compare with their neighbours.
    auto indicators = IndicatorStore::create(store, &error);
    QVERIFY2(indicators, qPrintable(error));
    const auto values = indicators->values(QStringLiteral("villages_5g"), 2024, &error);
    QVERIFY2(values, qPrintable(error));
    QCOMPARE(values->value(kOwnCounty), 90.0);
}

void TestPostgresAccess::forgedQueriesThroughPsqlSeeNothingElse()
{
    QCOMPARE(psql(mOfficial, QStringLiteral("SELECT count(*) FROM sites WHERE county_code = '%1'")
                                 .arg(kOtherCounty)),
        QStringLiteral("0"));
    QCOMPARE(psql(mOfficial, QStringLiteral("SELECT DISTINCT county_code FROM devices")),
        kOwnCounty);
    QCOMPARE(psql(mOfficial, QStringLiteral("SELECT count(*) FROM readings")), QStringLiteral("10"));
    QCOMPARE(psql(mOfficial, QStringLiteral("SELECT DISTINCT county_code FROM alerts")), kOwnCounty);
    // Acknowledging another county's alert changes nothing.
    QVERIFY(!psql(mOfficial, QStringLiteral("UPDATE alerts SET acknowledged_by = 'x' WHERE "
                                            "county_code = '%1' RETURNING episode")
                                 .arg(kOtherCounty))
                 .contains(QLatin1Char('1')));
    QString error;
    QCOMPARE(TestPostgres::column(mDb,
                 QStringLiteral("SELECT count(*) FROM alerts WHERE acknowledged_by = 'x'"), &error),
        QStringList { QStringLiteral("0") });
    // Nor can it give itself the province.
    QVERIFY(psql(mOfficial, QStringLiteral("UPDATE dvdash_access SET scope = 'province'"))
                .contains(QStringLiteral("permission denied")));
}

void TestPostgresAccess::collectorReadsNothing()
{
    for (const QString &table : { QStringLiteral("readings"), QStringLiteral("devices"),
             QStringLiteral("sites"), QStringLiteral("alerts"),
             QStringLiteral("indicator_current") }) {
        const QString answer = psql(mCollector, QStringLiteral("SELECT count(*) FROM %1").arg(table));
        QVERIFY2(answer.contains(QStringLiteral("permission denied")), qPrintable(table + answer));
    }
    const dvtest::Run history = dvdash({ QStringLiteral("history"), QStringLiteral("--store"),
        TestPostgres::uriAs(mDb, mCollector), QStringLiteral("--device"),
        kOwnCounty + QStringLiteral("/NMFARM/tag-1"), QStringLiteral("--metric"),
        QStringLiteral("body_temperature"), QStringLiteral("--from"),
        QStringLiteral("2020-01-01T00:00:00Z") });
    QVERIFY2(history.exitCode != 0 && !history.out.contains(QStringLiteral("40.5")),
        qPrintable(history.out + history.err));
}

void TestPostgresAccess::badGrantsNamed()
{
    const dvtest::Run unknown = dvdash({ QStringLiteral("admin"), QStringLiteral("grant"),
        mOfficial, QStringLiteral("--county"), QStringLiteral("529999"), QStringLiteral("--store"),
        mDb });
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("529999")), qPrintable(unknown.err));
    const dvtest::Run both = dvdash({ QStringLiteral("admin"), QStringLiteral("grant"), mOfficial,
        QStringLiteral("--province"), QStringLiteral("--collector"), QStringLiteral("--store"),
        mDb });
    QCOMPARE(both.exitCode, 2);
    const dvtest::Run file = dvdash({ QStringLiteral("admin"), QStringLiteral("init-postgres"),
        QStringLiteral("--store"), QStringLiteral("sqlite:x.sqlite") });
    QCOMPARE(file.exitCode, 2);
    QVERIFY2(file.err.contains(QStringLiteral("postgresql://")), qPrintable(file.err));
}

QTEST_GUILESS_MAIN(TestPostgresAccess)
#include "tst_postgresaccess.moc"
