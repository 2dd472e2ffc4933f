// The alert store through its interface, the store registry's choice of backend, and the one
// migration routine every part of the SQLite file uses.
#include "alertstore.h"
#include "indicatorstore.h"
#include "sensorstore.h"
#include "sqlitealertstore.h"
#include "sqliteconnection.h"
#include "sqliteschema.h"
#include "storeregistry.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace dv;

class TestAlertStore : public QObject {
    Q_OBJECT
private slots:
    void schemeOfSpec_data();
    void schemeOfSpec();
    void unknownSchemeNamedForEveryStore();
    void rulesRoundTrip();
    void lifeOfAnAlert();
    void triggerAndPeakKept();
    void filters();
    void acknowledgeOnlyOpen();
    void evaluatorStateRoundTrip();
    void newerAlertSchemaRefusedUntouched();
    void migrationStepsOneAtATime();
    void failedStepLeavesPreviousVersion();
    void twoConnectionsMigrateOnce();

private:
    QString spec(const QString &name) const
    {
        return QStringLiteral("sqlite:") + mDir.filePath(name);
    }
    static AlertTransition transition(AlertTransition::Kind kind, quint64 episode,
        const QString &key, int rule, qint64 time, double value)
    {
        AlertTransition t;
        t.kind = kind;
        t.episode = episode;
        t.deviceKey = key;
        t.rule = rule;
        t.ruleId = RuleBook::defaults().at(rule).id;
        t.metric = 1;
        t.episodeStart = time;
        t.time = time;
        t.value = value;
        return t;
    }

    QTemporaryDir mDir;
};

void TestAlertStore::schemeOfSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("scheme");
    QTest::newRow("sqlite") << "sqlite:/data/store.sqlite"
                            << "sqlite";
    QTest::newRow("bare path") << "/data/store.sqlite"
                               << "sqlite";
    QTest::newRow("relative path") << "store.sqlite"
                                   << "sqlite";
    QTest::newRow("windows drive") << "C:\\Users\\a\\store.sqlite"
                                   << "sqlite";
    QTest::newRow("windows drive, slashes") << "D:/stores/store.sqlite"
                                            << "sqlite";
    QTest::newRow("postgresql") << "postgresql://dv@db.example:5432/dvdash?sslmode=verify-full"
                                << "postgresql";
    QTest::newRow("upper case") << "SQLITE:/x"
                                << "sqlite";
}

void TestAlertStore::schemeOfSpec()
{
    QFETCH(QString, spec);
    QFETCH(QString, scheme);
    QCOMPARE(StoreRegistry::schemeOf(spec), scheme);
}

// A spec for a backend this build lacks is refused by name, for every kind of store, before
// anything is created on disk.
void TestAlertStore::unknownSchemeNamedForEveryStore()
{
    const QString spec = QStringLiteral("mysql://dv@localhost/dvdash");
    QString e1, e2, e3;
    QVERIFY(!AlertStore::create(spec, &e1));
    QVERIFY(!SensorStore::create(spec, &e2));
    QVERIFY(!IndicatorStore::create(spec, &e3));
    for (const QString &e : { e1, e2, e3 }) {
        QVERIFY2(e.contains(spec), qPrintable(e));
        QVERIFY2(e.contains(QLatin1String("\"mysql\"")), qPrintable(e));
        QVERIFY2(e.contains(QLatin1String("sqlite:PATH")), qPrintable(e));
    }
    QVERIFY(StoreRegistry::instance().schemes().contains(QLatin1String("sqlite")));
    QVERIFY(!StoreRegistry::instance().schemes().contains(QLatin1String("mysql")));
}

void TestAlertStore::rulesRoundTrip()
{
    QString error;
    auto store = AlertStore::create(spec(QStringLiteral("rules.sqlite")), &error);
    QVERIFY2(store, qPrintable(error));
    QVERIFY(!store->rules(&error));
    QVERIFY2(error.isEmpty(), qPrintable(error)); // none saved is not an error
    RuleBook book = RuleBook::defaults();
    QVERIFY2(store->saveRules(book, &error), qPrintable(error));
    auto again = store->rules(&error);
    QVERIFY2(again, qPrintable(error));
    QCOMPARE(again->size(), book.size());
    QCOMPARE(again->toJson(), book.toJson());
}

// Raised -> Activated -> Resolved: one row whose state follows, times and values kept.
void TestAlertStore::lifeOfAnAlert()
{
    QString error;
    auto store = AlertStore::create(spec(QStringLiteral("life.sqlite")), &error);
    QVERIFY2(store, qPrintable(error));
    const RuleBook rules = RuleBook::defaults();
    const QString key = QStringLiteral("520328/P0001/tag-0007");
    const qint64 t0 = 1764547200000; // 2025-12-01 00:00 UTC
    QVERIFY2(
        store->record({ transition(AlertTransition::Raised, 7, key, 0, t0, 40.6) }, rules, &error),
        qPrintable(error));
    AlertFilter pending;
    pending.includePending = true;
    auto all = store->alerts(pending, &error);
    QVERIFY(all);
    QCOMPARE(all->size(), std::size_t(1));
    QCOMPARE(all->front().state, AlertRecord::Pending);
    QVERIFY(store->alerts(AlertFilter(), &error)->empty()); // pending is not yet an alert

    QVERIFY(store->record(
        { transition(AlertTransition::Activated, 7, key, 0, t0 + 600000, 40.8) }, rules, &error));
    AlertFilter open;
    open.openOnly = true;
    auto active = store->alerts(open, &error);
    QCOMPARE(active->size(), std::size_t(1));
    const AlertRecord &a = active->front();
    QCOMPARE(a.episode, quint64(7));
    QCOMPARE(a.state, AlertRecord::Active);
    QCOMPARE(a.deviceKey, key);
    QCOMPARE(a.countyCode(), QStringLiteral("520328"));
    QCOMPARE(a.ruleId, rules.at(0).id);
    QCOMPARE(a.ruleName, rules.at(0).name);
    QCOMPARE(a.critical, rules.at(0).severity == AlertRule::Critical);
    QCOMPARE(a.raisedAt, t0);
    QCOMPARE(a.activatedAt, t0 + 600000);

    QVERIFY(store->record(
        { transition(AlertTransition::Resolved, 7, key, 0, t0 + 3600000, 39.0) }, rules, &error));
    QVERIFY(store->alerts(open, &error)->empty());
    auto resolved = store->alerts(AlertFilter(), &error);
    QCOMPARE(resolved->size(), std::size_t(1));
    QCOMPARE(resolved->front().state, AlertRecord::Resolved);
    QCOMPARE(resolved->front().resolvedAt, t0 + 3600000);
}

// The reading that raised the alert stays; the peak only goes further, also when a restored
// episode (whose evaluator forgot the peak) reports a lesser one.
void TestAlertStore::triggerAndPeakKept()
{
    QString error;
    auto store = AlertStore::create(spec(QStringLiteral("peak.sqlite")), &error);
    QVERIFY2(store, qPrintable(error));
    const RuleBook rules = RuleBook::defaults();
    const int ceiling = rules.indexOf(QStringLiteral("sow_fever_ceiling"));
    QVERIFY(ceiling >= 0);
    QCOMPARE(rules.at(ceiling).direction, AlertRule::Above);
    const QString key = QStringLiteral("520330/P0033/tag-0005");
    const qint64 t0 = 1764547200000;
    auto step = [&](AlertTransition::Kind kind, qint64 dt, double value, double peak) {
        AlertTransition t = transition(kind, 5, key, ceiling, t0 + dt, value);
        t.episodeStart = t0;
        t.triggerValue = 40.02;
        t.peak = peak;
        return t;
    };
    QVERIFY2(store->record({ step(AlertTransition::Raised, 0, 40.02, 40.02),
                               step(AlertTransition::Activated, 600000, 39.77, 40.3),
                               step(AlertTransition::PeakRose, 900000, 40.6, 40.6),
                               step(AlertTransition::PeakRose, 1200000, 40.1, 40.1) },
                 rules, &error),
        qPrintable(error));
    auto open = store->alerts(AlertFilter(), &error);
    QVERIFY2(open, qPrintable(error));
    QCOMPARE(open->size(), std::size_t(1));
    QCOMPARE(open->front().value, 39.77);
    QCOMPARE(open->front().triggerValue, 40.02);
    QCOMPARE(open->front().peak, 40.6);
    QVERIFY(store->record({ step(AlertTransition::Resolved, 3600000, 39.4, 40.2) }, rules, &error));
    auto resolved = store->alerts(AlertFilter(), &error);
    QCOMPARE(resolved->front().state, AlertRecord::Resolved);
    QCOMPARE(resolved->front().peak, 40.6);
}

void TestAlertStore::filters()
{
    QString error;
    auto store = AlertStore::create(spec(QStringLiteral("filters.sqlite")), &error);
    QVERIFY2(store, qPrintable(error));
    const RuleBook rules = RuleBook::defaults();
    const qint64 t0 = 1764547200000;
    std::vector<AlertTransition> steps;
    const QStringList keys = { QStringLiteral("520328/P0001/tag-1"),
        QStringLiteral("520328/T0002/air-1"), QStringLiteral("520102/C0003/terminal") };
    for (int i = 0; i < keys.size(); ++i) {
        steps.push_back(transition(AlertTransition::Raised, quint64(i + 1), keys[i], 0, t0 + i, 1));
        steps.push_back(
            transition(AlertTransition::Activated, quint64(i + 1), keys[i], 0, t0 + i + 10, 1));
    }
    QVERIFY2(store->record(steps, rules, &error), qPrintable(error));

    AlertFilter county;
    county.countyCode = QStringLiteral("520328");
    QCOMPARE(store->alerts(county, &error)->size(), std::size_t(2));
    AlertFilter device;
    device.deviceKeys = { keys[2] };
    auto one = store->alerts(device, &error);
    QCOMPARE(one->size(), std::size_t(1));
    QCOMPARE(one->front().deviceKey, keys[2]);
    // Newest first.
    auto all = store->alerts(AlertFilter(), &error);
    QCOMPARE(all->size(), std::size_t(3));
    QCOMPARE(all->front().episode, quint64(3));
    QCOMPARE(all->back().episode, quint64(1));
}

void TestAlertStore::acknowledgeOnlyOpen()
{
    QString error;
    auto store = AlertStore::create(spec(QStringLiteral("ack.sqlite")), &error);
    QVERIFY2(store, qPrintable(error));
    const RuleBook rules = RuleBook::defaults();
    const QString key = QStringLiteral("520328/P0001/tag-0007");
    const qint64 t0 = 1764547200000;
    QVERIFY(store->record({ transition(AlertTransition::Raised, 1, key, 0, t0, 41),
                              transition(AlertTransition::Activated, 1, key, 0, t0 + 1, 41) },
        rules, &error));
    QVERIFY2(store->acknowledge(
                 1, QStringLiteral("王主任"), QStringLiteral("兽医已到场"), t0 + 5000, &error),
        qPrintable(error));
    auto acked = store->alerts(AlertFilter(), &error);
    QCOMPARE(acked->front().state, AlertRecord::Acknowledged);
    QCOMPARE(acked->front().acknowledgedBy, QStringLiteral("王主任"));
    QCOMPARE(acked->front().note, QStringLiteral("兽医已到场"));
    QCOMPARE(acked->front().acknowledgedAt, t0 + 5000);
    QVERIFY(acked->front().isOpen()); // acknowledged is still open until it clears

    QVERIFY(store->record(
        { transition(AlertTransition::Resolved, 1, key, 0, t0 + 9000, 39) }, rules, &error));
    error.clear();
    QVERIFY(!store->acknowledge(1, QStringLiteral("王主任"), QString(), t0 + 10000, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!store->acknowledge(99, QStringLiteral("王主任"), QString(), t0, &error));
}

void TestAlertStore::evaluatorStateRoundTrip()
{
    QString error;
    const QString s = spec(QStringLiteral("state.sqlite"));
    {
        auto store = AlertStore::create(s, &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(*store->evaluatorState(&error), QByteArray()); // none yet
        QVERIFY(store->saveEvaluatorState(QByteArray("first"), &error));
        QVERIFY(store->saveEvaluatorState(QByteArray("second"), &error));
    }
    auto reopened = AlertStore::create(s, &error);
    QVERIFY2(reopened, qPrintable(error));
    QCOMPARE(*reopened->evaluatorState(&error), QByteArray("second"));
}

// Alert tables written by a newer dvdash: refused with a message saying so, the file
// byte for byte as it was.
void TestAlertStore::newerAlertSchemaRefusedUntouched()
{
    const QString path = mDir.filePath(QStringLiteral("newer.sqlite"));
    QString error;
    {
        SqliteAlertStore store(path);
        QVERIFY2(store.open(&error), qPrintable(error));
        QCOMPARE(store.schemaVersion(), SqliteAlertStore::kSchemaVersion);
    }
    {
        const QString c = SqliteConnection::uniqueName(QStringLiteral("test-"));
        QVERIFY(SqliteConnection::open(c, path, &error));
        QVERIFY(QSqlQuery(QSqlDatabase::database(c))
                    .exec(QStringLiteral("INSERT INTO alert_schema_version VALUES (99)")));
        QSqlQuery(QSqlDatabase::database(c))
            .exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        SqliteConnection::close(c);
    }
    auto digest = [&path] {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    };
    const QByteArray before = digest();
    error.clear();
    QVERIFY(!AlertStore::create(QStringLiteral("sqlite:") + path, &error));
    QVERIFY2(error.contains(QLatin1String("newer dvdash")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("99")), qPrintable(error));
    QCOMPARE(digest(), before);
}

void TestAlertStore::migrationStepsOneAtATime()
{
    const QString path = mDir.filePath(QStringLiteral("schema.sqlite"));
    const QString c = SqliteConnection::uniqueName(QStringLiteral("test-"));
    QString error;
    QVERIFY(SqliteConnection::open(c, path, &error));
    int version = -1;
    const SqliteSchema v1(QStringLiteral("part_version"), QStringLiteral("test part"),
        { { QStringLiteral("CREATE TABLE a (x INTEGER)") } });
    QVERIFY2(v1.migrate(c, path, &version, &error), qPrintable(error));
    QCOMPARE(version, 1);
    const SqliteSchema v2(QStringLiteral("part_version"), QStringLiteral("test part"),
        { { QStringLiteral("CREATE TABLE a (x INTEGER)") },
            { QStringLiteral("ALTER TABLE a ADD COLUMN y INTEGER"),
                QStringLiteral("CREATE TABLE b (z TEXT)") } });
    QVERIFY2(v2.migrate(c, path, &version, &error), qPrintable(error)); // only step 2 runs
    QCOMPARE(version, 2);
    QVERIFY(QSqlQuery(QSqlDatabase::database(c)).exec(QStringLiteral("SELECT y FROM a")));
    QVERIFY2(v2.migrate(c, path, &version, &error), qPrintable(error)); // nothing to do
    QCOMPARE(version, 2);
    // An older program meets the newer part.
    QVERIFY(!v1.migrate(c, path, &version, &error));
    QCOMPARE(version, 2);
    QVERIFY2(error.contains(QLatin1String("test part")), qPrintable(error));
    SqliteConnection::close(c);
}

void TestAlertStore::failedStepLeavesPreviousVersion()
{
    const QString path = mDir.filePath(QStringLiteral("broken.sqlite"));
    const QString c = SqliteConnection::uniqueName(QStringLiteral("test-"));
    QString error;
    QVERIFY(SqliteConnection::open(c, path, &error));
    int version = -1;
    const SqliteSchema v1(QStringLiteral("part_version"), QStringLiteral("test part"),
        { { QStringLiteral("CREATE TABLE a (x INTEGER)") } });
    QVERIFY2(v1.migrate(c, path, &version, &error), qPrintable(error));
    const SqliteSchema broken(QStringLiteral("part_version"), QStringLiteral("test part"),
        { { QStringLiteral("CREATE TABLE a (x INTEGER)") },
            { QStringLiteral("CREATE TABLE b (z TEXT)"), QStringLiteral("THIS IS NOT SQL") },
            { QStringLiteral("CREATE TABLE c (w TEXT)") } });
    QVERIFY(!broken.migrate(c, path, &version, &error));
    QCOMPARE(version, 1);
    QVERIFY2(
        error.contains(path) || error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    // Step 2's first statement was rolled back with it, and step 3 never ran.
    QVERIFY(!QSqlQuery(QSqlDatabase::database(c)).exec(QStringLiteral("SELECT z FROM b")));
    QVERIFY(!QSqlQuery(QSqlDatabase::database(c)).exec(QStringLiteral("SELECT w FROM c")));
    QVERIFY(v1.migrate(c, path, &version, &error)); // the file is usable as it was
    QCOMPARE(version, 1);
    SqliteConnection::close(c);
}

// Two connections meeting a new file at once (the writer's alert engine and the window's
// reader, each on its own thread): both succeed, and each version is recorded once.
void TestAlertStore::twoConnectionsMigrateOnce()
{
    const SqliteSchema schema(QStringLiteral("part_version"), QStringLiteral("test part"),
        { { QStringLiteral("CREATE TABLE a (x INTEGER)") },
            { QStringLiteral("CREATE TABLE b (z TEXT)") } });
    for (int round = 0; round < 20; ++round) {
        const QString path = mDir.filePath(QStringLiteral("race-%1.sqlite").arg(round));
        QString errors[2];
        int versions[2] = { -1, -1 };
        auto migrateOn = [&](int i) {
            const QString c = SqliteConnection::uniqueName(QStringLiteral("race-"));
            if (SqliteConnection::open(c, path, &errors[i]))
                schema.migrate(c, path, &versions[i], &errors[i]);
            SqliteConnection::close(c);
        };
        std::unique_ptr<QThread> first(QThread::create(migrateOn, 0));
        std::unique_ptr<QThread> second(QThread::create(migrateOn, 1));
        first->start();
        second->start();
        QVERIFY(first->wait(30000) && second->wait(30000));
        QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0]));
        QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1]));
        QCOMPARE(versions[0], 2);
        QCOMPARE(versions[1], 2);
        const QString c = SqliteConnection::uniqueName(QStringLiteral("check-"));
        QString error;
        QVERIFY(SqliteConnection::open(c, path, &error));
        {
            QSqlQuery count(QSqlDatabase::database(c));
            QVERIFY(
                count.exec(QStringLiteral("SELECT count(*) FROM part_version")) && count.next());
            QCOMPARE(count.value(0).toInt(), 2);
        }
        SqliteConnection::close(c);
    }
}

QTEST_GUILESS_MAIN(TestAlertStore)
#include "tst_alertstore.moc"
