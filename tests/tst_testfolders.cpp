// The test suite's own hygiene: every test process has settings and data folders of its own,
// empty when it starts, and neither it nor the dvdash it runs can reach a user's real store.
#include "testsupport.h"

#include <QDir>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestTestFolders : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void pathsAreOurOwn_data();
    void pathsAreOurOwn();
    void settingsAreOurOwn();
    void commandsUseOurStore();
    void killedTestsFoldersGo();

private:
    QString mHome;
    QTemporaryDir mRuntime;
};

void TestTestFolders::initTestCase()
{
    mHome = QDir(QFile::decodeName(qgetenv("DVDASH_TEST_HOME"))).canonicalPath();
    QVERIFY2(!mHome.isEmpty() && QFileInfo(mHome).isDir(), "the test has no folder of its own");
    QVERIFY2(mHome.startsWith(QDir(QDir::tempPath()).canonicalPath()), qPrintable(mHome));
    // Nothing left over from another test or an earlier run.
    QVERIFY(QDir(mHome + QStringLiteral("/config"))
                .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                .isEmpty());
    QVERIFY(QDir(mHome + QStringLiteral("/data"))
                .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                .isEmpty());
}

void TestTestFolders::pathsAreOurOwn_data()
{
    QTest::addColumn<int>("location");
    QTest::newRow("app local data") << int(QStandardPaths::AppLocalDataLocation);
    QTest::newRow("app data") << int(QStandardPaths::AppDataLocation);
    QTest::newRow("generic data") << int(QStandardPaths::GenericDataLocation);
    QTest::newRow("app config") << int(QStandardPaths::AppConfigLocation);
    QTest::newRow("generic config") << int(QStandardPaths::GenericConfigLocation);
    QTest::newRow("cache") << int(QStandardPaths::CacheLocation);
    QTest::newRow("runtime") << int(QStandardPaths::RuntimeLocation);
}

void TestTestFolders::pathsAreOurOwn()
{
    QFETCH(int, location);
    const QString path
        = QStandardPaths::writableLocation(QStandardPaths::StandardLocation(location));
    QVERIFY2(QDir::cleanPath(path).startsWith(mHome)
            || path.startsWith(QFile::decodeName(qgetenv("DVDASH_TEST_HOME"))),
        qPrintable(path));
}

void TestTestFolders::settingsAreOurOwn()
{
    QSettings settings;
    settings.setValue(QStringLiteral("probe"), 1);
    settings.sync();
    const QString file = QFileInfo(settings.fileName()).absoluteFilePath();
    QVERIFY2(file.startsWith(QFile::decodeName(qgetenv("DVDASH_TEST_HOME")))
            || QFileInfo(file).canonicalFilePath().startsWith(mHome),
        qPrintable(file));
}

// dvdash started by a test, without --store, looks for its store in the test's folder (and
// finds none), never in the user's data folder.
void TestTestFolders::commandsUseOurStore()
{
    QVERIFY(mRuntime.isValid());
    const dvtest::Run r = dvtest::runDvdash(QStringLiteral(DVDASH_BINARY),
        { QStringLiteral("alerts"), QStringLiteral("--lang"), QStringLiteral("en") }, mHome,
        mRuntime.path());
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("no such store")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QFile::decodeName(qgetenv("DVDASH_TEST_HOME"))), qPrintable(r.err));
}

// A test killed by its timeout never removes its folder; the next test process does, and
// leaves the folders of tests still running alone.
void TestTestFolders::killedTestsFoldersGo()
{
    if (!QFileInfo::exists(QStringLiteral("/proc/self")))
        QSKIP("needs /proc to tell which processes live");
    const QDir temp(QDir::tempPath());
    // A process id no process has now (near the top of Linux's range).
    qint64 gone = 0;
    for (qint64 pid = 4194300; gone == 0 && pid > 4194000; --pid) {
        if (!QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)))
            gone = pid;
    }
    QVERIFY(gone > 0);
    const QString dead = temp.filePath(QStringLiteral("dvdash-test-%1-killed").arg(gone));
    const QString alive = temp.filePath(
        QStringLiteral("dvdash-test-%1-running").arg(QCoreApplication::applicationPid()));
    QVERIFY(QDir().mkpath(dead + QStringLiteral("/config")));
    QVERIFY(QDir().mkpath(alive));
    QProcess next;
    next.start(QCoreApplication::applicationFilePath(), { QStringLiteral("-functions") });
    QVERIFY(next.waitForFinished(30000));
    QVERIFY2(!QFileInfo::exists(dead), qPrintable(dead));
    QVERIFY2(QFileInfo::exists(alive), qPrintable(alive));
    QDir(alive).removeRecursively();
}

QTEST_GUILESS_MAIN(TestTestFolders)
#include "tst_testfolders.moc"
