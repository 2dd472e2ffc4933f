// The alert store through its interface on both backends (SQLite and PostgreSQL: the same
// cases), the store registry's choice of backend, the one migration routine every part of the
// SQLite file uses, and on PostgreSQL: who sees and acknowledges which alerts, and the
// notifications that tell other dashboards.
#include "alertstore.h"
#include "indicatorstore.h"
#include "postgresalertstore.h"
#include "postgresnotifier.h"
#include "sensorstore.h"
#include "sqlitealertstore.h"
#include "sqliteconnection.h"
#include "sqliteschema.h"
#include "storeregistry.h"
#include "storespec.h"
#include "testpostgres.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <gdal.h>

#include <memory>

using namespace dv;

class TestAlertStore : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
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
    // PostgreSQL only.
    void countyRoleSeesAndAcknowledgesOnlyItsCounty();
    void evaluatorWritesOfficialsDoNot();
    void collectorReadsNoAlerts();
    void otherDashboardHearsAcknowledgement();
    void notifierRecoversAfterLosingTheServer();
    void notifierReportsUnreachableServer();
    void readOnlyServerStoreNeverWrites();
    void recoversAfterTheServerDroppedIt();

private:
    // A new, empty store of the backend this run tests, in its own folder or database.
    std::unique_ptr<AlertStore> freshStore(QTemporaryDir &dir, QString *spec = nullptr);
    static bool isPostgres() { return TestPostgres::backend() == QLatin1String("postgresql"); }
    // A login role of the official group seeing one county, named after the test's database
    // (roles are cluster-wide); its URI.
    static QString officialOf(const QString &spec, const QString &suffix, const QString &county);
    // A login role in one of the group roles (dvdash_collector, dvdash_evaluator); its URI.
    static QString memberOf(const QString &spec, const QString &suffix, const QString &group);
    // Both: the role named after the database, made by sql as the superuser (%1 its name, %2
    // argument); its URI, or empty.
    static QString newRole(
        const QString &spec, const QString &suffix, const QString &sql, const QString &argument);
    static QString databaseName(const QString &spec) { return QUrl(spec).path().mid(1); }
    // Active alerts (Raised then Activated) on each key, episodes first, first + 1, ...
    static bool raise(AlertStore &store, quint64 first, const QStringList &keys);
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

std::unique_ptr<AlertStore> TestAlertStore::freshStore(QTemporaryDir &dir, QString *spec)
{
    QString error;
    const QString made = TestPostgres::freshStoreSpec(dir, &error);
    if (made.isEmpty()) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    if (spec)
        *spec = made;
    auto store = AlertStore::create(made, &error);
    if (!store)
        qWarning("%s", qPrintable(error));
    return store;
}

QString TestAlertStore::officialOf(
    const QString &spec, const QString &suffix, const QString &county)
{
    return newRole(spec, suffix,
        QStringLiteral("CREATE ROLE %1 LOGIN IN ROLE dvdash_official; INSERT INTO dvdash_access "
                       "(role_name, scope, code) VALUES ('%1', 'county', '%2')"),
        county);
}

QString TestAlertStore::memberOf(const QString &spec, const QString &suffix, const QString &group)
{
    return newRole(spec, suffix, QStringLiteral("CREATE ROLE %1 LOGIN IN ROLE %2"), group);
}

QString TestAlertStore::newRole(
    const QString &spec, const QString &suffix, const QString &sql, const QString &argument)
{
    const QString role = TestPostgres::roleName(spec, suffix);
    QString error;
    if (!TestPostgres::exec(spec, sql.arg(role, argument), &error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    return TestPostgres::uriAs(spec, role);
}

bool TestAlertStore::raise(AlertStore &store, quint64 first, const QStringList &keys)
{
    const qint64 t0 = 1764547200000;
    std::vector<AlertTransition> steps;
    for (int i = 0; i < keys.size(); ++i) {
        steps.push_back(
            transition(AlertTransition::Raised, first + quint64(i), keys[i], 0, t0 + i, 41));
        steps.push_back(transition(
            AlertTransition::Activated, first + quint64(i), keys[i], 0, t0 + i + 10, 41));
    }
    QString error;
    if (!store.record(steps, RuleBook::defaults(), &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return true;
}

// Opening a PostgreSQL store fills the county list from the bundled GeoPackage, through GDAL,
// as the application does after registering its drivers at start-up.
void TestAlertStore::initTestCase()
{
    GDALAllRegister();
}

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
    QTemporaryDir dir;
    QString error;
    auto store = freshStore(dir);
    QVERIFY(store);
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
    QTemporaryDir dir;
    QString error;
    auto store = freshStore(dir);
    QVERIFY(store);
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
    QTemporaryDir dir;
    QString error;
    auto store = freshStore(dir);
    QVERIFY(store);
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
    QTemporaryDir dir;
    QString error;
    auto store = freshStore(dir);
    QVERIFY(store);
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
    QTemporaryDir dir;
    QString error;
    auto store = freshStore(dir);
    QVERIFY(store);
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
    QTemporaryDir dir;
    QString error;
    QString s;
    {
        auto store = freshStore(dir, &s);
        QVERIFY(store);
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
    QString error;
    if (isPostgres()) {
        QTemporaryDir dir;
        QString spec;
        QVERIFY(freshStore(dir, &spec));
        QVERIFY2(TestPostgres::exec(spec,
                     QStringLiteral("UPDATE dvdash_schema SET version = 99 WHERE part = 'alerts'"),
                     &error),
            qPrintable(error));
        const QString tables = QStringLiteral(
            "SELECT string_agg(table_name || '.' || column_name, ',' ORDER BY table_name, "
            "column_name) FROM information_schema.columns WHERE table_schema = 'public'");
        const QStringList before = TestPostgres::column(spec, tables, &error);
        QVERIFY2(!before.isEmpty(), qPrintable(error));
        QVERIFY(!AlertStore::create(spec, &error));
        QVERIFY2(error.contains(QLatin1String("newer dvdash")), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("99")), qPrintable(error));
        QCOMPARE(TestPostgres::column(spec, tables, &error), before);
        QCOMPARE(
            TestPostgres::column(spec,
                QStringLiteral("SELECT version FROM dvdash_schema WHERE part = 'alerts'"), &error),
            QStringList { QStringLiteral("99") });
        return;
    }
    const QString path = mDir.filePath(QStringLiteral("newer.sqlite"));
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
    if (isPostgres())
        QSKIP("SqliteSchema, the SQLite file's migration routine: nothing of PostgreSQL's");
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
    if (isPostgres())
        QSKIP("SqliteSchema, the SQLite file's migration routine: nothing of PostgreSQL's");
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
    if (isPostgres())
        QSKIP("SqliteSchema, the SQLite file's migration routine: nothing of PostgreSQL's");
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

// A county official's role sees its county's alerts only, acknowledges and closes those, and
// cannot reach another county's: neither through the store nor with a forged statement.
void TestAlertStore::countyRoleSeesAndAcknowledgesOnlyItsCounty()
{
    if (!isPostgres())
        QSKIP("row-level security: PostgreSQL only");
    QTemporaryDir dir;
    QString spec;
    auto admin = freshStore(dir, &spec);
    QVERIFY(admin);
    QVERIFY(raise(*admin, 1,
        { QStringLiteral("520328/P0001/tag-1"), QStringLiteral("520102/C0003/terminal"),
            QStringLiteral("520328/T0002/air-1") }));
    const QString uri = officialOf(spec, QStringLiteral("county"), QStringLiteral("520328"));
    QVERIFY(!uri.isEmpty());
    QString error;
    auto official = AlertStore::create(uri, &error);
    QVERIFY2(official, qPrintable(error));

    auto seen = official->alerts(AlertFilter(), &error);
    QVERIFY2(seen, qPrintable(error));
    QCOMPARE(seen->size(), std::size_t(2));
    for (const AlertRecord &a : *seen)
        QCOMPARE(a.countyCode(), QStringLiteral("520328"));
    AlertFilter other;
    other.countyCode = QStringLiteral("520102");
    QVERIFY(official->alerts(other, &error)->empty());

    const qint64 at = 1764550000000;
    QVERIFY2(
        official->acknowledge(1, QStringLiteral("李科长"), QStringLiteral("已派人"), at, &error),
        qPrintable(error));
    error.clear();
    QVERIFY(!official->acknowledge(2, QStringLiteral("李科长"), QString(), at, &error));
    QVERIFY2(error.contains(QLatin1String("alert 2 is not open")), qPrintable(error));

    // Forged statements as that role: another county's alert is not there for it; its own
    // alerts' facts cannot be rewritten, reopened, moved, made or removed.
    const QString otherRow = QStringLiteral(
        "SELECT state || '|' || coalesce(acknowledged_by, '') || '|' || county_code FROM "
        "alerts WHERE episode = 2");
    const QStringList before = TestPostgres::column(spec, otherRow, &error);
    QCOMPARE(before, QStringList { QStringLiteral("active||520102") });
    QVERIFY2(TestPostgres::exec(uri,
                 QStringLiteral("UPDATE alerts SET state = 'acknowledged', acknowledged_by = "
                                "'forged', note = 'forged' WHERE episode = 2"),
                 &error),
        qPrintable(error)); // allowed, and touches nothing it cannot see
    QVERIFY(TestPostgres::column(
        uri, QStringLiteral("SELECT episode FROM alerts WHERE episode = 2"), &error)
                .isEmpty());
    QVERIFY(!TestPostgres::exec(
        uri, QStringLiteral("UPDATE alerts SET county_code = '520328' WHERE episode = 2"), &error));
    QVERIFY2(error.contains(QLatin1String("permission denied")), qPrintable(error));
    QVERIFY(!TestPostgres::exec(
        uri, QStringLiteral("UPDATE alerts SET rule_name = 'forged' WHERE episode = 1"), &error));
    QVERIFY2(error.contains(QLatin1String("permission denied")), qPrintable(error));
    QVERIFY(!TestPostgres::exec(uri,
        QStringLiteral("UPDATE alerts SET state = 'active', acknowledged_by = NULL WHERE "
                       "episode = 1"),
        &error));
    QVERIFY2(error.contains(QLatin1String("row-level security")), qPrintable(error));
    QVERIFY(!TestPostgres::exec(uri, QStringLiteral("DELETE FROM alerts"), &error));
    QVERIFY(!TestPostgres::exec(uri,
        QStringLiteral("INSERT INTO alerts (episode, rule_id, rule_name, critical, device_key, "
                       "county_code, metric, state, raised_at) VALUES (9, 'r', 'r', false, "
                       "'520328/P/d', '520328', 1, 'active', 0)"),
        &error));
    QCOMPARE(TestPostgres::column(spec, otherRow, &error), before);
    QCOMPARE(TestPostgres::column(spec, QStringLiteral("SELECT count(*) FROM alerts"), &error),
        QStringList { QStringLiteral("3") });

    // Retiring one of its sites closes its own alerts only.
    const auto closed = official->resolve({ 1, 2, 3 }, QStringLiteral("site retired"), at, &error);
    QVERIFY2(closed, qPrintable(error));
    QCOMPARE(*closed, 2);
    auto all = admin->alerts(AlertFilter(), &error);
    QVERIFY2(all, qPrintable(error));
    QCOMPARE(all->size(), std::size_t(3));
    for (const AlertRecord &a : *all) {
        QCOMPARE(a.state, a.episode == 2 ? AlertRecord::Active : AlertRecord::Resolved);
        if (a.episode == 1)
            QCOMPARE(a.acknowledgedBy, QStringLiteral("李科长"));
    }
}

// The alert engine beside a collector writes every county's alerts and its state and reads
// the rules; an official's dashboard can do none of that writing.
void TestAlertStore::evaluatorWritesOfficialsDoNot()
{
    if (!isPostgres())
        QSKIP("roles: PostgreSQL only");
    QTemporaryDir dir;
    QString spec;
    auto admin = freshStore(dir, &spec);
    QVERIFY(admin);
    QString error;
    QVERIFY2(admin->saveRules(RuleBook::defaults(), &error), qPrintable(error));

    const QString engineUri
        = memberOf(spec, QStringLiteral("engine"), QStringLiteral("dvdash_evaluator"));
    QVERIFY(!engineUri.isEmpty());
    auto engine = AlertStore::create(engineUri, &error);
    QVERIFY2(engine, qPrintable(error));
    const auto rules = engine->rules(&error);
    QVERIFY2(rules, qPrintable(error));
    QCOMPARE(rules->size(), RuleBook::defaults().size());
    QVERIFY(raise(*engine, 1,
        { QStringLiteral("520328/P0001/tag-1"), QStringLiteral("520102/C0003/terminal") }));
    QVERIFY2(
        engine->saveEvaluatorState(QByteArray("state\0with nul", 14), &error), qPrintable(error));
    QCOMPARE(*engine->evaluatorState(&error), QByteArray("state\0with nul", 14));
    QCOMPARE(engine->alerts(AlertFilter(), &error)->size(), std::size_t(2));
    error.clear();
    QVERIFY(!engine->saveRules(RuleBook::defaults(), &error)); // the data centre's
    QVERIFY2(error.contains(QLatin1String("permission denied")), qPrintable(error));

    const QString uri = officialOf(spec, QStringLiteral("county"), QStringLiteral("520328"));
    auto official = AlertStore::create(uri, &error);
    QVERIFY2(official, qPrintable(error));
    QVERIFY2(official->rules(&error), qPrintable(error)); // readable by every official
    error.clear();
    QVERIFY(!raise(*official, 10, { QStringLiteral("520328/P0001/tag-2") }));
    QVERIFY(!official->saveEvaluatorState(QByteArray("x"), &error));
    QVERIFY(!official->evaluatorState(&error));
    QVERIFY(!official->saveRules(RuleBook::defaults(), &error));
    QCOMPARE(admin->alerts(AlertFilter(), &error)->size(), std::size_t(2));
}

// A collector inserts readings and reads nothing: no alerts, no rules.
void TestAlertStore::collectorReadsNoAlerts()
{
    if (!isPostgres())
        QSKIP("roles: PostgreSQL only");
    QTemporaryDir dir;
    QString spec;
    auto admin = freshStore(dir, &spec);
    QVERIFY(admin);
    QVERIFY(raise(*admin, 1, { QStringLiteral("520328/P0001/tag-1") }));
    QString error;
    QVERIFY2(admin->saveRules(RuleBook::defaults(), &error), qPrintable(error));
    const QString uri
        = memberOf(spec, QStringLiteral("collector"), QStringLiteral("dvdash_collector"));
    QVERIFY(!uri.isEmpty());
    auto collector = AlertStore::create(uri, &error);
    QVERIFY2(collector, qPrintable(error));
    error.clear();
    QVERIFY(!collector->alerts(AlertFilter(), &error));
    QVERIFY2(error.contains(QLatin1String("permission denied")), qPrintable(error));
    error.clear();
    QVERIFY(!collector->rules(&error));
    QVERIFY2(error.contains(QLatin1String("permission denied")), qPrintable(error));
    for (const char *sql : { "SELECT count(*) FROM alerts", "SELECT count(*) FROM alert_rules",
             "SELECT count(*) FROM alert_evaluator_state" }) {
        error.clear();
        QVERIFY(TestPostgres::column(uri, QString::fromLatin1(sql), &error).isEmpty());
        QVERIFY2(error.contains(QLatin1String("permission denied")), qPrintable(error));
    }
}

// Two dashboards on one server: what one acknowledges, the other hears within two seconds,
// and both hear a new alert, each with the county it is in.
void TestAlertStore::otherDashboardHearsAcknowledgement()
{
    if (!isPostgres())
        QSKIP("LISTEN/NOTIFY: PostgreSQL only");
    QTemporaryDir dir;
    QString spec;
    auto first = freshStore(dir, &spec);
    QVERIFY(first);
    QVERIFY(raise(*first, 1, { QStringLiteral("520328/P0001/tag-1") }));
    const QString uri = officialOf(spec, QStringLiteral("county"), QStringLiteral("520328"));
    QString error;
    auto second = AlertStore::create(uri, &error);
    QVERIFY2(second, qPrintable(error));

    const QString channel = QString::fromLatin1(PostgresAlertStore::kNotifyChannel);
    PostgresNotifier firstHears(spec, { channel });
    PostgresNotifier secondHears(uri, { channel });
    QSignalSpy firstListening(&firstHears, &PostgresNotifier::listening);
    QSignalSpy secondListening(&secondHears, &PostgresNotifier::listening);
    firstHears.start();
    secondHears.start();
    QCOMPARE(firstListening.count(), 1);
    QCOMPARE(secondListening.count(), 1);
    QSignalSpy firstHeard(&firstHears, &PostgresNotifier::notified);
    QSignalSpy secondHeard(&secondHears, &PostgresNotifier::notified);

    QElapsedTimer clock;
    clock.start();
    QVERIFY2(second->acknowledge(1, QStringLiteral("李科长"), QString(), 1764550000000, &error),
        qPrintable(error));
    QVERIFY(firstHeard.count() > 0 || firstHeard.wait(2000));
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    qInfo("acknowledgement heard by the other dashboard after %lld ms", clock.elapsed());
    QCOMPARE(firstHeard.first().at(0).toString(), channel);
    QCOMPARE(firstHeard.first().at(1).toString(), QStringLiteral("520328"));
    QCOMPARE(first->alerts(AlertFilter(), &error)->front().state, AlertRecord::Acknowledged);

    // The acknowledging dashboard hears its own change too (it reloads like any other).
    QVERIFY(secondHeard.count() > 0 || secondHeard.wait(2000));

    // A new alert, raised by the engine writing through the first: both hear it.
    firstHeard.clear();
    secondHeard.clear();
    clock.restart();
    QVERIFY(raise(*first, 2, { QStringLiteral("520328/T0002/air-1") }));
    QVERIFY(secondHeard.count() > 0 || secondHeard.wait(2000));
    QVERIFY(firstHeard.count() > 0 || firstHeard.wait(2000));
    QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
    // One notification per county and transaction, however many rows changed.
    QCOMPARE(secondHeard.count(), 1);
    QCOMPARE(secondHeard.first().at(1).toString(), QStringLiteral("520328"));
    QVERIFY(secondHears.isListening());
}

// The server drops the listening connection (as a restart does): the notifier says so once,
// comes back by itself, and hears changes again.
void TestAlertStore::notifierRecoversAfterLosingTheServer()
{
    if (!isPostgres())
        QSKIP("LISTEN/NOTIFY: PostgreSQL only");
    QTemporaryDir dir;
    QString spec;
    auto store = freshStore(dir, &spec);
    QVERIFY(store);
    PostgresNotifier notifier(spec, { QString::fromLatin1(PostgresAlertStore::kNotifyChannel) });
    notifier.setMaxRetryDelay(200);
    QSignalSpy lost(&notifier, &PostgresNotifier::connectionLost);
    QSignalSpy restored(&notifier, &PostgresNotifier::connectionRestored);
    QSignalSpy heard(&notifier, &PostgresNotifier::notified);
    notifier.start();
    QVERIFY(notifier.isListening());
    QString error;
    // Only this database's listener: other tests run on the same cluster.
    QVERIFY2(TestPostgres::exec(spec,
                 QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                "datname = current_database() AND query LIKE 'LISTEN%'"),
                 &error),
        qPrintable(error));
    QVERIFY(lost.wait(5000));
    QVERIFY(!notifier.isListening());
    QVERIFY2(lost.first().at(0).toString().contains(databaseName(spec)),
        qPrintable(lost.first().at(0).toString()));
    QVERIFY(restored.count() > 0 || restored.wait(5000));
    QVERIFY(notifier.isListening());
    QCOMPARE(lost.count(), 1);
    QVERIFY(raise(*store, 1, { QStringLiteral("520102/C0003/terminal") }));
    QVERIFY(heard.count() > 0 || heard.wait(2000));
    QCOMPARE(heard.first().at(1).toString(), QStringLiteral("520102"));
}

// No server at the address: said at once, naming the store as the user wrote it.
void TestAlertStore::notifierReportsUnreachableServer()
{
    PostgresNotifier notifier(QStringLiteral("postgresql://nobody@127.0.0.1:1/nothing"),
        { QString::fromLatin1(PostgresAlertStore::kNotifyChannel) });
    notifier.setMaxRetryDelay(50);
    QSignalSpy lost(&notifier, &PostgresNotifier::connectionLost);
    QSignalSpy restored(&notifier, &PostgresNotifier::connectionRestored);
    notifier.start();
    QCOMPARE(lost.count(), 1);
    QVERIFY2(lost.first().at(0).toString().contains(QLatin1String("127.0.0.1:1/nothing")),
        qPrintable(lost.first().at(0).toString()));
    QVERIFY(!notifier.isListening());
    QCOMPARE(restored.count(), 0);
}

// A read-only spec (report jobs, read commands): alerts are read, nothing is written, and an
// empty database is not set up but named as such.
void TestAlertStore::readOnlyServerStoreNeverWrites()
{
    if (!isPostgres())
        QSKIP("the server's read-only sessions: PostgreSQL only");
    QString error;
    const QString empty = TestPostgres::freshDatabase(&error);
    QVERIFY2(!empty.isEmpty(), qPrintable(error));
    QVERIFY(!AlertStore::create(StoreSpec::readOnly(empty), &error));
    QVERIFY2(error.contains(QLatin1String("init-postgres")), qPrintable(error));
    QCOMPARE(
        TestPostgres::column(empty,
            QStringLiteral("SELECT count(*) FROM pg_tables WHERE tablename LIKE 'alert%'"), &error),
        QStringList { QStringLiteral("0") });

    QTemporaryDir dir;
    QString spec;
    auto writer = freshStore(dir, &spec);
    QVERIFY(writer);
    QVERIFY(raise(*writer, 1, { QStringLiteral("520328/P0001/tag-1") }));
    auto reader = AlertStore::create(StoreSpec::readOnly(spec), &error);
    QVERIFY2(reader, qPrintable(error));
    QCOMPARE(reader->alerts(AlertFilter(), &error)->size(), std::size_t(1));
    error.clear();
    QVERIFY(!reader->acknowledge(1, QStringLiteral("x"), QString(), 1, &error));
    QVERIFY2(error.contains(QLatin1String("read-only")), qPrintable(error));
    QVERIFY(!reader->saveEvaluatorState(QByteArray("x"), &error));
    QCOMPARE(writer->alerts(AlertFilter(), &error)->front().state, AlertRecord::Active);
}

// The server ends the store's session (a restart): the call that meets the dead connection
// says so, the next one reconnects by itself; nothing was half-written.
void TestAlertStore::recoversAfterTheServerDroppedIt()
{
    if (!isPostgres())
        QSKIP("a server's connection: PostgreSQL only");
    QTemporaryDir dir;
    QString spec;
    auto store = freshStore(dir, &spec);
    QVERIFY(store);
    QVERIFY(raise(*store, 1, { QStringLiteral("520328/P0001/tag-1") }));
    QString error;
    QVERIFY2(TestPostgres::exec(spec,
                 QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                "datname = current_database() AND application_name = 'dvdash'"),
                 &error),
        qPrintable(error));
    error.clear();
    if (!store->acknowledge(1, QStringLiteral("王主任"), QString(), 1764550000000, &error)) {
        QVERIFY2(error.contains(QLatin1String("lost")), qPrintable(error));
        error.clear();
        QVERIFY2(store->acknowledge(1, QStringLiteral("王主任"), QString(), 1764550000000, &error),
            qPrintable(error));
    }
    const auto read = store->alerts(AlertFilter(), &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->size(), std::size_t(1));
    QCOMPARE(read->front().state, AlertRecord::Acknowledged);
}

QTEST_GUILESS_MAIN(TestAlertStore)
#include "tst_alertstore.moc"
