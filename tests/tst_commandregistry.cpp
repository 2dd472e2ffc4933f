// dvdash's commands as a user meets them: help lists them, a mistyped one never opens the window.
#include "testsupport.h"

#include "command.h"
#include "commandregistry.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace dv;
using dvtest::Run;

class TestCommandRegistry : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void helpListsEveryCommand_data();
    void helpListsEveryCommand();
    void commandHelp_data();
    void commandHelp();
    void unknownCommand_data();
    void unknownCommand();
    void usageErrors_data();
    void usageErrors();
    void fileArgumentOpensWindow();
    void quietWithoutRuntimeDirectory();

private:
    // A user's environment, with data and temporary folders of the test's own so that a window
    // opened by mistake seeds no real store.
    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), mDir.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), mRuntime.path());
        env.insert(QStringLiteral("TMPDIR"), mDir.filePath(QStringLiteral("tmp")));
        return env;
    }
    // A command returns at once; a window opened by mistake would keep running (offscreen) until
    // killed, and fails the test by the timeout.
    Run dvdash(const QStringList &args, const QProcessEnvironment &env, int timeoutMs = 30000) const
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(mDir.path());
        p.start(QStringLiteral(DVDASH_BINARY), args);
        Run r;
        if (!p.waitForStarted()) {
            r.err = p.errorString();
            return r;
        }
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            r.err = QStringLiteral("still running after %1 ms").arg(timeoutMs);
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    Run dvdash(const QStringList &args) const { return dvdash(args, environment()); }

    QTemporaryDir mDir;
    QTemporaryDir mRuntime;
    CommandRegistry mRegistry;
};

void TestCommandRegistry::initTestCase()
{
    QVERIFY(mDir.isValid() && mRuntime.isValid());
    QVERIFY(QDir(mDir.path()).mkpath(QStringLiteral("data")));
    QVERIFY(QDir(mDir.path()).mkpath(QStringLiteral("tmp")));
    QVERIFY(mRegistry.commands().size() >= 8);
}

void TestCommandRegistry::helpListsEveryCommand_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("help") << QStringList { QStringLiteral("--lang"), QStringLiteral("en"),
        QStringLiteral("help") };
    QTest::newRow("--help") << QStringList { QStringLiteral("--help"), QStringLiteral("--lang"),
        QStringLiteral("en") };
    QTest::newRow("-h") << QStringList { QStringLiteral("-h"), QStringLiteral("--lang=en") };
}

// Every registered command with its one line, and what the window takes, on stdout.
void TestCommandRegistry::helpListsEveryCommand()
{
    QFETCH(QStringList, args);
    const Run r = dvdash(args);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    for (const Command *command : mRegistry.commands()) {
        const QString line = QStringLiteral("  ") + command->name() + QLatin1Char(' ');
        QVERIFY2(r.out.contains(line), qPrintable(command->name() + QLatin1Char('\n') + r.out));
        QVERIFY2(r.out.contains(command->summary()), qPrintable(command->summary()));
    }
    for (const char *option : { "--store", "--no-sensors", "--lang", "--version" })
        QVERIFY2(r.out.contains(QLatin1String(option)), option);
    QVERIFY(!r.out.contains(QLatin1String("exit-after-first-frame")));
    // Qt's usage line names the program by its path; the user types dvdash.
    QVERIFY2(!r.out.contains(QStringLiteral(DVDASH_BINARY)), qPrintable(r.out));
}

void TestCommandRegistry::commandHelp_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("render-map") << QStringLiteral("render-map")
                                << QStringList { QStringLiteral("--out"), QStringLiteral("--size"),
                                       QStringLiteral("--layer"), QStringLiteral("--indicator") };
    QTest::newRow("history") << QStringLiteral("history")
                             << QStringList { QStringLiteral("--device"), QStringLiteral("--from"),
                                    QStringLiteral("--buckets") };
    QTest::newRow("indicators") << QStringLiteral("indicators")
                                << QStringList { QStringLiteral("import|export"),
                                       QStringLiteral("--dry-run"), QStringLiteral("--name-zh") };
    QTest::newRow("listen") << QStringLiteral("listen")
                            << QStringList { QStringLiteral("--broker"),
                                   QStringLiteral("--accept-new-devices") };
}

// dvdash help COMMAND and dvdash COMMAND --help print the same: that command's usage and options.
void TestCommandRegistry::commandHelp()
{
    QFETCH(QString, command);
    QFETCH(QStringList, mentions);
    const Run viaHelp = dvdash(
        { QStringLiteral("help"), command, QStringLiteral("--lang"), QStringLiteral("en") });
    const Run viaOption = dvdash(
        { command, QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("en") });
    for (const Run &r : { viaHelp, viaOption }) {
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("Usage: dvdash ") + command + QLatin1Char(' ')),
            qPrintable(r.out));
        for (const QString &mention : mentions)
            QVERIFY2(r.out.contains(mention), qPrintable(mention + QLatin1Char('\n') + r.out));
    }
    QCOMPARE(viaHelp.out, viaOption.out);
    QVERIFY(!QFileInfo::exists(mDir.filePath(QStringLiteral("data/dvdash"))));
}

void TestCommandRegistry::unknownCommand_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("name");
    QTest::newRow("first") << QStringList { QStringLiteral("sights"), QStringLiteral("import"),
        QStringLiteral("x.csv") }
                           << QStringLiteral("sights");
    QTest::newRow("after an option") << QStringList { QStringLiteral("--no-sensors"),
        QStringLiteral("sights") } << QStringLiteral("sights");
    QTest::newRow("after --lang") << QStringList { QStringLiteral("--lang"), QStringLiteral("en"),
        QStringLiteral("rendermap"), QStringLiteral("--out"), QStringLiteral("x.png") }
                                  << QStringLiteral("rendermap");
    QTest::newRow("help with it") << QStringList { QStringLiteral("help"),
        QStringLiteral("sights") } << QStringLiteral("sights");
}

// A mistyped command says so and lists the commands, exit 2; it never opens the window, which
// on a fresh store would start seeding history.
void TestCommandRegistry::unknownCommand()
{
    QFETCH(QStringList, args);
    QFETCH(QString, name);
    const Run r = dvdash(args << QStringLiteral("--lang") << QStringLiteral("en"));
    QVERIFY2(r.exitCode == 2, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.startsWith(QStringLiteral("dvdash: unknown command \"%1\"\n").arg(name)),
        qPrintable(r.err));
    for (const Command *command : mRegistry.commands())
        QVERIFY2(r.err.contains(QStringLiteral("  ") + command->name() + QLatin1Char(' ')),
            qPrintable(r.err));
    QVERIFY(QDir(mDir.filePath(QStringLiteral("data"))).isEmpty());
}

void TestCommandRegistry::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("command option") << QStringList { QStringLiteral("render-map"),
        QStringLiteral("--colour"), QStringLiteral("red"), QStringLiteral("--out"),
        QStringLiteral("x.png") } << QStringLiteral("colour");
    QTest::newRow("missing value") << QStringList { QStringLiteral("render-map"),
        QStringLiteral("--out") } << QStringLiteral("--out");
    QTest::newRow("window option")
        << QStringList { QStringLiteral("--colour") } << QStringLiteral("colour");
    QTest::newRow("help option") << QStringList { QStringLiteral("help"), QStringLiteral("--all") }
                                 << QStringLiteral("all");
    QTest::newRow("stray argument") << QStringList { QStringLiteral("alerts"),
        QStringLiteral("520102") } << QStringLiteral("520102");
    QTest::newRow("bad language") << QStringList { QStringLiteral("help"), QStringLiteral("--lang"),
        QStringLiteral("fr") } << QStringLiteral("--lang");
}

// A usage error is one line naming the option or argument, and exit 2; nothing runs.
void TestCommandRegistry::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const Run r = dvdash(args);
    QVERIFY2(r.exitCode == 2, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
    QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
    QVERIFY(!QFileInfo::exists(mDir.filePath(QStringLiteral("x.png"))));
}

// A file to open is not a command: the window opens with it (the benchmark's first-frame exit
// ends it once the file is on the map).
void TestCommandRegistry::fileArgumentOpensWindow()
{
    QVERIFY(dvtest::writeBytes(mDir.filePath(QStringLiteral("map.geojson")),
        R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"a"},)"
        R"("geometry":{"type":"Point","coordinates":[106.7,26.6]}}]})"));
    const Run r
        = dvdash({ QStringLiteral("--no-sensors"), QStringLiteral("--exit-after-first-frame"),
                     QStringLiteral("map.geojson") },
            environment(), 50000);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("first-frame-ms")), qPrintable(r.out));
}

// Headless commands have nothing to say on stderr when they succeed, even where no session set
// XDG_RUNTIME_DIR (root, CI, a service) and no screen or platform is configured.
void TestCommandRegistry::quietWithoutRuntimeDirectory()
{
    QProcessEnvironment env = environment();
    for (const char *name : { "XDG_RUNTIME_DIR", "QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY" })
        env.remove(QLatin1String(name));
    const Run help = dvdash({ QStringLiteral("help") }, env);
    QVERIFY2(help.exitCode == 0, qPrintable(help.err));
    QVERIFY2(help.err.isEmpty(), qPrintable(help.err));

    const QString out = mDir.filePath(QStringLiteral("quiet.png"));
    const Run map = dvdash({ QStringLiteral("render-map"), QStringLiteral("--out"), out,
                               QStringLiteral("--size"), QStringLiteral("200x150") },
        env);
    QVERIFY2(map.exitCode == 0, qPrintable(map.err));
    QVERIFY2(map.err.isEmpty(), qPrintable(map.err));
    QVERIFY(QFileInfo::exists(out));
#ifdef Q_OS_LINUX
    // The folder given to Qt instead is private to the user, as the XDG specification asks.
    const QFileInfoList made = QDir(mDir.filePath(QStringLiteral("tmp")))
                                   .entryInfoList({ QStringLiteral("dvdash-runtime-*") },
                                       QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    QCOMPARE(made.size(), 1);
    QCOMPARE(made.constFirst().permissions()
            & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
                | QFile::WriteOther | QFile::ExeOther),
        QFile::Permissions());
#endif
}

QTEST_GUILESS_MAIN(TestCommandRegistry)
#include "tst_commandregistry.moc"
