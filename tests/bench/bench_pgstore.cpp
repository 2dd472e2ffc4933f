// The sensor store on PostgreSQL beside SQLite, for issue 13's figures: ingest from 1,000
// interleaved devices, a year of one-minute readings folded into 2,000 buckets, and what row-level
// security costs a county official's history queries. Run by hand; never in ctest.
//
//   bench_pgstore [URI] [runs]
//
// URI (or DVDASH_BENCH_PG_URI): a role that may create databases and the PostGIS extension, e.g.
// postgresql://dvdash_admin@127.0.0.1:5432/postgres. The benchmark creates a database of its own
// there (dvbench_<pid>), a county role and a collector role named after it, and drops them all at
// the end. runs: ingest runs per backend (default 3; queries run 5 times as often).
#include "postgresaccess.h"
#include "postgresconnection.h"
#include "postgressensorstore.h"
#include "sqlitesensorstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <gdal.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <random>
#include <vector>

namespace {

QTextStream out(stdout);

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

const qint64 kT0 = 1763000000000; // 2025-11-13
const qint64 kMinute = 60000;
const QString kCounty = QStringLiteral("522601"); // Kaili, the device's county

int fail(const QString &error)
{
    fprintf(stderr, "bench_pgstore: %s\n", qPrintable(error));
    return 1;
}

QString uriFor(const dv::PostgresConnection::Target &target, const QString &user,
    const QString &database)
{
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(user, target.host)
        .arg(target.port)
        .arg(database);
}

// 1,000 devices, 6 metrics each, readings arriving interleaved (device after device at each
// tick), committed every 80,000 readings; readings/s of the whole run.
std::optional<double> ingest(dv::SensorStore &store, int run, int ticks, QString *error)
{
    std::vector<quint32> devices;
    for (int d = 0; d < 1000; ++d) {
        const auto id = store.deviceId(QStringLiteral("520328/S%1/dev%2").arg(d).arg(run), error);
        if (!id)
            return std::nullopt;
        devices.push_back(*id);
    }
    std::mt19937 rng(run);
    std::normal_distribution<double> noise(20, 3);
    std::vector<dv::Reading> batch;
    batch.reserve(80000);
    QElapsedTimer t;
    t.start();
    qint64 stored = 0;
    const auto flush = [&]() {
        const auto stats = store.write(std::move(batch), error);
        batch.clear();
        if (!stats)
            return false;
        stored += stats->stored;
        return true;
    };
    for (int tick = 0; tick < ticks; ++tick) {
        for (quint32 device : devices) {
            for (int m = 1; m <= 6; ++m) {
                dv::Reading r;
                r.device = device;
                r.metric = static_cast<quint8>(m);
                r.timestamp = kT0 + run * 86400000LL + tick * 1000;
                r.arrival = r.timestamp + 200;
                r.value = noise(rng);
                batch.push_back(r);
                if (batch.size() == 80000 && !flush())
                    return std::nullopt;
            }
        }
    }
    if (!batch.empty() && !flush())
        return std::nullopt;
    const double seconds = t.nsecsElapsed() / 1e9;
    out << QStringLiteral("  %L1 readings in %2 s = %L3 readings/s")
               .arg(stored)
               .arg(seconds, 0, 'f', 2)
               .arg(qRound64(stored / seconds))
        << Qt::endl;
    return stored / seconds;
}

// One year of one-minute readings of one series, written a day per commit.
std::optional<quint32> writeYear(dv::SensorStore &store, QString *error)
{
    const auto device = store.deviceId(kCounty + QStringLiteral("/P0001/tag-1"), error);
    if (!device)
        return std::nullopt;
    std::mt19937 rng(7);
    std::normal_distribution<double> body(38.5, 0.2);
    for (int day = 0; day < 365; ++day) {
        std::vector<dv::Reading> batch;
        for (int i = 0; i < 1440; ++i) {
            dv::Reading r;
            r.device = *device;
            r.metric = 8;
            r.timestamp = kT0 + (day * 1440 + i) * kMinute;
            r.arrival = r.timestamp;
            r.value = body(rng);
            batch.push_back(r);
        }
        if (!store.write(std::move(batch), error))
            return std::nullopt;
    }
    return device;
}

// Median ms of a history query, and the bucket count it returned.
double timeHistory(dv::SensorStore &store, quint32 device, qint64 span, int buckets, int runs,
    std::size_t *returned, QString *error)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const auto h = store.history(device, 8, kT0, kT0 + span, buckets, error);
        ms.push_back(t.nsecsElapsed() / 1e6);
        *returned = h ? h->size() : 0;
    }
    return median(ms);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    GDALAllRegister(); // the access schema fills the county list from the bundled GeoPackage
    QString adminUri = argc > 1 ? QString::fromLocal8Bit(argv[1])
                                : qEnvironmentVariable("DVDASH_BENCH_PG_URI");
    if (adminUri.isEmpty())
        return fail(QStringLiteral("give the server's URI as the first argument or in "
                                   "DVDASH_BENCH_PG_URI"));
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 3;
    QString error;
    const auto target = dv::PostgresConnection::parse(adminUri, &error);
    if (!target)
        return fail(error);
    dv::PostgresConnection admin(adminUri);
    if (!admin.open(&error))
        return fail(error);
    const QString database = QStringLiteral("dvbench_%1").arg(QCoreApplication::applicationPid());
    if (!admin.run(QStringLiteral("CREATE DATABASE %1").arg(database), &error))
        return fail(error);
    const QString uri = uriFor(*target, target->user, database);
    const QString countyRole = database + QStringLiteral("_county");
    const QString collectorRole = database + QStringLiteral("_collector");
    const auto body = [&]() -> int {
        const auto version = admin.exec(QStringLiteral("SHOW server_version"), &error);
        const auto fsync = admin.exec(QStringLiteral("SHOW fsync"), &error);
        const auto commit = admin.exec(QStringLiteral("SHOW synchronous_commit"), &error);
        out << QStringLiteral("PostgreSQL %1 at %2 (fsync %3, synchronous_commit %4), %5 ingest "
                              "runs per backend")
                   .arg(version ? version->text(0, 0) : QString(), admin.displayName(),
                       fsync ? fsync->text(0, 0) : QString(), commit ? commit->text(0, 0) : QString())
                   .arg(runs)
            << Qt::endl;

        QTemporaryDir dir;
        dv::SqliteSensorStore sqlite(dir.filePath(QStringLiteral("bench.sqlite")));
        dv::PostgresSensorStore postgres(uri);
        if (!sqlite.open(&error) || !postgres.open(&error))
            return fail(error);
        dv::PostgresConnection owner(uri);
        QString done;
        if (!owner.open(&error)
            || !dv::PostgresAccessSchema::grant(owner, countyRole,
                dv::PostgresAccessSchema::Scope::County, kCounty, &done, &error)
            || !dv::PostgresAccessSchema::grant(owner, collectorRole,
                dv::PostgresAccessSchema::Scope::Collector, QString(), &done, &error))
            return fail(error);
        dv::PostgresSensorStore collector(uriFor(*target, collectorRole, database));
        if (!collector.open(&error))
            return fail(error);

        const int ticks = 200; // 200 ticks x 1,000 devices x 6 metrics = 1.2 M readings a run
        struct Backend {
            QString name;
            dv::SensorStore *store;
        };
        const std::vector<Backend> backends = { { QStringLiteral("SQLite"), &sqlite },
            { QStringLiteral("PostgreSQL, table owner"), &postgres },
            { QStringLiteral("PostgreSQL, collector role"), &collector } };
        std::vector<double> ingestMedians;
        for (const Backend &backend : backends) {
            out << QStringLiteral("ingest through write(), %1:").arg(backend.name) << Qt::endl;
            std::vector<double> rates;
            for (int run = 0; run < runs; ++run) {
                // Devices and days of their own for each backend: the two PostgreSQL ones share
                // a database, and a repeated batch would be all duplicates.
                const int seed = int(ingestMedians.size()) * runs + run;
                const auto rate = ingest(*backend.store, seed, ticks, &error);
                if (!rate)
                    return fail(error);
                rates.push_back(*rate);
            }
            ingestMedians.push_back(median(rates));
        }

        QElapsedTimer load;
        load.start();
        const auto sqliteDevice = writeYear(sqlite, &error);
        const double sqliteLoad = load.nsecsElapsed() / 1e9;
        load.restart();
        const auto pgDevice = writeYear(postgres, &error);
        const double pgLoad = load.nsecsElapsed() / 1e9;
        if (!sqliteDevice || !pgDevice)
            return fail(error);
        // What the writer does every ten minutes: SQLite merges chunks (the year's are day
        // chunks already), PostgreSQL folds the closed hours into its hourly rollup.
        load.restart();
        for (;;) {
            const auto folded = postgres.compact(kT0 + 366 * 1440 * kMinute, &error);
            if (!folded)
                return fail(error);
            if (*folded == 0)
                break;
        }
        const double pgFold = load.nsecsElapsed() / 1e9;
        // As autovacuum would soon: the year's statistics for the planner. Then the ingest's
        // dirty pages written out, so the queries are timed on a server at rest, not beside a
        // checkpointer flushing 3.6 M readings (that doubled the year's time on 2 cores).
        if (!owner.run(QStringLiteral("VACUUM ANALYZE"), &error)
            || !admin.run(QStringLiteral("CHECKPOINT"), &error))
            return fail(error);
        dv::PostgresSensorStore county(uriFor(*target, countyRole, database));
        if (!county.open(&error))
            return fail(error);

        const int queries = runs * 5;
        const qint64 year = 525600 * kMinute, day = 1440 * kMinute;
        std::size_t n1 = 0, n2 = 0, n3 = 0, n4 = 0, n5 = 0, n6 = 0;
        // Warm every cache once, then alternate so load on the machine hits all alike.
        timeHistory(postgres, *pgDevice, year, 2000, 1, &n1, &error);
        timeHistory(county, *pgDevice, year, 2000, 1, &n1, &error);
        const double sqliteYear = timeHistory(sqlite, *sqliteDevice, year, 2000, queries, &n1, &error);
        std::vector<double> ownerYear, countyYear, ownerDay, countyDay;
        for (int i = 0; i < queries; ++i) {
            ownerYear.push_back(timeHistory(postgres, *pgDevice, year, 2000, 1, &n2, &error));
            countyYear.push_back(timeHistory(county, *pgDevice, year, 2000, 1, &n3, &error));
            ownerDay.push_back(timeHistory(postgres, *pgDevice, day, 1440, 1, &n4, &error));
            countyDay.push_back(timeHistory(county, *pgDevice, day, 1440, 1, &n5, &error));
        }
        const double sqliteDay = timeHistory(sqlite, *sqliteDevice, day, 1440, queries, &n6, &error);
        if (n2 != n1 || n3 != n1 || n4 != n6 || n5 != n6)
            return fail(QStringLiteral("the backends disagree: %1/%2/%3 and %4/%5/%6 buckets")
                            .arg(n1)
                            .arg(n2)
                            .arg(n3)
                            .arg(n6)
                            .arg(n4)
                            .arg(n5));

        out << Qt::endl << QStringLiteral("medians:") << Qt::endl;
        for (std::size_t i = 0; i < backends.size(); ++i)
            out << QStringLiteral("  ingest, 1,000 interleaved devices, commit every 80,000, %1: "
                                  "%L2 readings/s")
                       .arg(backends[i].name)
                       .arg(qRound64(ingestMedians[i]))
                << Qt::endl;
        out << QStringLiteral("  a year of one-minute readings written a day per commit: SQLite "
                              "%1 s, PostgreSQL %2 s")
                   .arg(sqliteLoad, 0, 'f', 1)
                   .arg(pgLoad, 0, 'f', 1)
            << Qt::endl;
        out << QStringLiteral("  folding every closed hour into the hourly rollup (compact(), the "
                              "year and the ingest runs' hours): %1 s")
                   .arg(pgFold, 0, 'f', 1)
            << Qt::endl;
        const auto line = [&](const QString &what, double ms) {
            out << QStringLiteral("  %1: %2 ms").arg(what).arg(ms, 0, 'f', 2) << Qt::endl;
        };
        line(QStringLiteral("history, 525,600 readings -> %1 buckets, SQLite").arg(n1), sqliteYear);
        line(QStringLiteral("history, 525,600 readings -> %1 buckets, PostgreSQL owner").arg(n2),
            median(ownerYear));
        line(QStringLiteral("history, 525,600 readings -> %1 buckets, PostgreSQL county role (RLS)")
                 .arg(n3),
            median(countyYear));
        line(QStringLiteral("history, one day -> %1 buckets, SQLite").arg(n6), sqliteDay);
        line(QStringLiteral("history, one day -> %1 buckets, PostgreSQL owner").arg(n4),
            median(ownerDay));
        line(QStringLiteral("history, one day -> %1 buckets, PostgreSQL county role (RLS)").arg(n5),
            median(countyDay));
        out << QStringLiteral("  RLS overhead (county role vs owner, medians): year %1 %, day %2 %")
                   .arg(100.0 * (median(countyYear) / median(ownerYear) - 1), 0, 'f', 1)
                   .arg(100.0 * (median(countyDay) / median(ownerDay) - 1), 0, 'f', 1)
            << Qt::endl;
        return 0;
    };
    int status = body();
    // The stores' connections are closed: the database and the roles can go, unless kept for a
    // look at the plans (DVDASH_BENCH_KEEP=1).
    if (qEnvironmentVariableIntValue("DVDASH_BENCH_KEEP") == 1) {
        out << QStringLiteral("kept database %1 and roles %2, %3").arg(database, countyRole, collectorRole)
            << Qt::endl;
        return status;
    }
    if (!admin.run(QStringLiteral("DROP DATABASE %1").arg(database), &error)
        || !admin.run(QStringLiteral("DROP ROLE IF EXISTS %1, %2").arg(countyRole, collectorRole),
            &error))
        status = fail(error);
    return status;
}
