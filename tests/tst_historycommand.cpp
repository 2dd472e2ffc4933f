// dvdash history: the CSV that scripts and checks read from the store, and its refusals.
#include "testsupport.h"

#include "sqlitesensorstore.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QtTest>

using namespace dv;
using dvtest::Run;

namespace {
// 2026-11-22 08:00 China time.
const qint64 kT0 = QDateTime::fromString(QStringLiteral("2026-11-22T00:00:00Z"), Qt::ISODate)
                       .toMSecsSinceEpoch();
const qint64 kMinute = 60000;
} // namespace

class TestHistoryCommand : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyReadingInChinaTime();
    void buckets();
    void refusals_data();
    void refusals();

private:
    Run dvdash(const QStringList &args)
    {
        return dvtest::runDvdash(QStringLiteral(DVDASH_BINARY), args, mDir.path(), mRuntime.path());
    }
    QStringList base() const
    {
        return { QStringLiteral("history"), QStringLiteral("--store"),
            QStringLiteral("sqlite:") + mStore, QStringLiteral("--device"),
            QStringLiteral("tag-0042"), QStringLiteral("--metric"),
            QStringLiteral("body_temperature") };
    }

    QTemporaryDir mDir;
    QTemporaryDir mRuntime;
    QString mStore;
};

void TestHistoryCommand::initTestCase()
{
    QVERIFY(mDir.isValid() && mRuntime.isValid());
    mStore = mDir.filePath(QStringLiteral("store.sqlite"));
    SqliteSensorStore store(mStore);
    QString error;
    QVERIFY2(store.open(&error), qPrintable(error));
    const quint32 tag = *store.deviceId(QStringLiteral("522601/P0001/tag-0042"), &error);
    std::vector<Reading> readings;
    for (int i = 0; i < 120; ++i) {
        Reading r;
        r.device = tag;
        r.metric = 8;
        r.timestamp = kT0 + i * kMinute;
        r.arrival = r.timestamp + 900;
        r.value = 38.0 + (i % 10) / 10.0;
        r.sensorFault = i == 5;
        readings.push_back(r);
    }
    QVERIFY(store.write(readings, &error));
}

// Without --buckets every reading, in China time with its offset, faults marked.
void TestHistoryCommand::everyReadingInChinaTime()
{
    const Run r
        = dvdash(base() << QStringLiteral("--from") << QStringLiteral("2026-11-22T08:00:00+08:00")
                        << QStringLiteral("--to") << QStringLiteral("2026-11-22T08:10"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 11);
    QCOMPARE(lines[0], QStringLiteral("ts,value,sensor_fault"));
    QCOMPARE(lines[1], QStringLiteral("2026-11-22T08:00:00.000+08:00,38,0"));
    QCOMPARE(lines[6], QStringLiteral("2026-11-22T08:05:00.000+08:00,38.5,1"));
}

// With --buckets, min/max/mean per bucket over the whole two hours.
void TestHistoryCommand::buckets()
{
    const Run r
        = dvdash(base() << QStringLiteral("--from") << QStringLiteral("2026-11-22T00:00:00Z")
                        << QStringLiteral("--to") << QStringLiteral("2026-11-22T02:00:00Z")
                        << QStringLiteral("--buckets") << QStringLiteral("4"));
    QCOMPARE(r.exitCode, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines[0], QStringLiteral("ts,min,max,mean,count"));
    QCOMPARE(lines[1], QStringLiteral("2026-11-22T08:00:00.000+08:00,38,38.9,38.45,30"));
    QCOMPARE(
        lines[4].section(QLatin1Char(','), 0, 0), QStringLiteral("2026-11-22T09:30:00.000+08:00"));
}

void TestHistoryCommand::refusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("mentions");
    const QStringList range = { QStringLiteral("--from"), QStringLiteral("2026-11-22"),
        QStringLiteral("--to"), QStringLiteral("2026-11-23") };
    QTest::newRow("unknown device")
        << (QStringList { QStringLiteral("history"), QStringLiteral("--store"),
                QStringLiteral("STORE"), QStringLiteral("--device"), QStringLiteral("tag-9999"),
                QStringLiteral("--metric"), QStringLiteral("body_temperature") }
               + range)
        << 1 << "tag-9999";
    QTest::newRow("unknown metric")
        << (QStringList { QStringLiteral("history"), QStringLiteral("--store"),
                QStringLiteral("STORE"), QStringLiteral("--device"), QStringLiteral("tag-0042"),
                QStringLiteral("--metric"), QStringLiteral("fever") }
               + range)
        << 2 << "body_temperature";
    QTest::newRow("bad time") << QStringList { QStringLiteral("history"), QStringLiteral("--store"),
        QStringLiteral("STORE"), QStringLiteral("--device"), QStringLiteral("tag-0042"),
        QStringLiteral("--metric"), QStringLiteral("body_temperature"), QStringLiteral("--from"),
        QStringLiteral("yesterday"), QStringLiteral("--to"), QStringLiteral("2026-11-23") }
                              << 2 << "ISO 8601";
    QTest::newRow("missing store file")
        << (QStringList { QStringLiteral("history"), QStringLiteral("--store"),
                QStringLiteral("sqlite:nowhere.sqlite"), QStringLiteral("--device"),
                QStringLiteral("tag-0042"), QStringLiteral("--metric"),
                QStringLiteral("body_temperature") }
               + range)
        << 1 << "nowhere.sqlite";
    QTest::newRow("missing --to") << QStringList { QStringLiteral("history"),
        QStringLiteral("--device"), QStringLiteral("x"), QStringLiteral("--metric"),
        QStringLiteral("battery"), QStringLiteral("--from"), QStringLiteral("2026-11-22") }
                                  << 2 << "--to";
}

// One line on stderr saying what is wrong; a mistyped store path creates no file.
void TestHistoryCommand::refusals()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, mentions);
    args.replaceInStrings(QStringLiteral("STORE"), QStringLiteral("sqlite:") + mStore);
    const Run r = dvdash(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(mDir.filePath(QStringLiteral("nowhere.sqlite"))));
}

QTEST_GUILESS_MAIN(TestHistoryCommand)
#include "tst_historycommand.moc"
