// Issue 13's readers figure: 20 dashboards, each signed in as its county's role, poll their
// county every 2 s while a collector ingests 10,000 readings/s; the median query must stay
// ≤ 20 ms, and row-level security may cost ≤ 10 % (the same polls as the owner, same run).
//
//   bench_pgreaders ADMIN_URI [SECONDS]
// ADMIN_URI: a superuser on a server with PostGIS installed (tests/postgres/cluster.sh start DIR
// gives one in DIR/uri); a database of its own is made and dropped.
#include "alertstore.h"
#include "postgresaccess.h"
#include "postgresconnection.h"
#include "sensorstore.h"
#include "storeregistry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QTextStream>

#include <gdal.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

using namespace dv;

namespace {

constexpr int kCounties = 20;
constexpr int kDevicesPerCounty = 50;
constexpr int kChartsPerPoll = 10; // the charts a county desk shows at once
constexpr qint64 kMinute = 60000;

QString countyCode(int i)
{
    // Real Guizhou codes, so the area checks against the county list pass.
    static const char *const codes[kCounties] = { "520102", "520103", "520111", "520112",
        "520113", "520115", "520121", "520122", "520123", "520181", "520201", "520203",
        "520204", "520281", "520302", "520303", "520304", "520322", "520323", "520324" };
    return QString::fromLatin1(codes[i]);
}

QString withDatabase(const QString &uri, const QString &db)
{
    return uri.left(uri.lastIndexOf(QLatin1Char('/')) + 1) + db;
}

QString asRole(const QString &uri, const QString &role)
{
    QString out = uri;
    const int at = out.indexOf(QLatin1Char('@'));
    return QStringLiteral("postgresql://") + role + out.mid(at);
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

bool fail(const QString &what)
{
    std::fprintf(stderr, "bench_pgreaders: %s\n", qPrintable(what));
    return false;
}

// One dashboard: polls its county every 2 s (devices, the charts' last day, open alerts);
// every store call's time goes into samples.
void poll(const QString &uri, const QString &county, std::atomic<bool> &stop,
    std::vector<double> &samples, std::mutex &lock)
{
    QString error;
    auto sensors = StoreRegistry::instance().openSensorStore(uri, &error);
    auto alerts = sensors ? StoreRegistry::instance().openAlertStore(uri, &error) : nullptr;
    if (!alerts) {
        fail(error);
        return;
    }
    std::vector<double> mine;
    while (!stop.load()) {
        QElapsedTimer cycle;
        cycle.start();
        QElapsedTimer t;
        t.start();
        const auto devices = sensors->devices(county + QLatin1Char('/'), &error);
        mine.push_back(t.nsecsElapsed() / 1e6);
        if (!devices) {
            fail(error);
            return;
        }
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i = 0; i < kChartsPerPoll && i < int(devices->size()); ++i) {
            t.restart();
            if (!sensors->history((*devices)[std::size_t(i)].id, 1, now - 86400000, now, 200,
                    &error)) {
                fail(error);
                return;
            }
            mine.push_back(t.nsecsElapsed() / 1e6);
        }
        t.restart();
        AlertFilter filter;
        filter.openOnly = true;
        filter.countyCode = county;
        if (!alerts->alerts(filter, &error)) {
            fail(error);
            return;
        }
        mine.push_back(t.nsecsElapsed() / 1e6);
        const qint64 rest = 2000 - cycle.elapsed();
        for (qint64 slept = 0; slept < rest && !stop.load(); slept += 50)
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::lock_guard<std::mutex> guard(lock);
    samples.insert(samples.end(), mine.begin(), mine.end());
}

// 10,000 readings/s across every device, a batch every 100 ms, as a collector commits them.
void ingest(const QString &uri, const std::vector<quint32> &ids, std::atomic<bool> &stop,
    std::atomic<qint64> &written)
{
    QString error;
    auto store = StoreRegistry::instance().openSensorStore(uri, &error);
    if (!store) {
        fail(error);
        return;
    }
    qint64 t = QDateTime::currentMSecsSinceEpoch();
    std::size_t next = 0;
    // On a fixed schedule: a slow commit is caught up by the next, so the rate holds.
    auto due = std::chrono::steady_clock::now();
    while (!stop.load()) {
        due += std::chrono::milliseconds(100);
        std::vector<Reading> batch;
        batch.reserve(1000);
        for (int i = 0; i < 1000; ++i) {
            Reading r;
            r.device = ids[next++ % ids.size()];
            r.metric = 1;
            r.timestamp = t;
            r.arrival = t;
            r.value = 20 + (i % 50) / 10.0;
            batch.push_back(r);
            if (next % ids.size() == 0)
                t += 1000;
        }
        if (!store->write(std::move(batch), &error)) {
            fail(error);
            return;
        }
        written += 1000;
        std::this_thread::sleep_until(due);
    }
}

struct Round {
    double median = 0;
    double p95 = 0;
    std::size_t queries = 0;
    double ingestRate = 0;
};

Round runRound(const QString &db, const QStringList &readerUris, const std::vector<quint32> &ids,
    int seconds)
{
    std::atomic<bool> stop { false };
    std::atomic<qint64> written { 0 };
    std::vector<double> samples;
    std::mutex lock;
    std::thread collector(ingest, db, std::cref(ids), std::ref(stop), std::ref(written));
    std::vector<std::thread> readers;
    for (int i = 0; i < kCounties; ++i)
        readers.emplace_back(poll, readerUris.at(i), countyCode(i), std::ref(stop),
            std::ref(samples), std::ref(lock));
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    stop = true;
    collector.join();
    for (auto &r : readers)
        r.join();
    return { median(samples), percentile(samples, 0.95), samples.size(),
        double(written.load()) / seconds };
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    GDALAllRegister(); // the county list is read from the bundled GeoPackage
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_pgreaders ADMIN_URI [SECONDS]\n");
        return 2;
    }
    const QString admin = args.at(1);
    const int seconds = args.value(2, QStringLiteral("20")).toInt();
    const QString name = QStringLiteral("bench_readers_%1").arg(QCoreApplication::applicationPid());
    QString error;
    {
        PostgresConnection server(admin);
        if (!server.open(&error)
            || !server.run(QStringLiteral("CREATE DATABASE %1").arg(name), &error))
            return fail(error) ? 0 : 1;
    }
    const QString db = withDatabase(admin, name);
    QTextStream out(stdout);
    {
        PostgresConnection owner(db);
        if (!owner.open(&error)
            || !owner.run(QStringLiteral("CREATE EXTENSION IF NOT EXISTS postgis"), &error)
            || !PostgresAccessSchema::migrate(owner, &error))
            return fail(error) ? 0 : 1;
        for (int i = 0; i < kCounties; ++i) {
            QString done;
            if (!PostgresAccessSchema::grant(owner, QStringLiteral("%1_c%2").arg(name).arg(i),
                    PostgresAccessSchema::Scope::County, countyCode(i), &done, &error))
                return fail(error) ? 0 : 1;
        }
    }
    // A day of one-minute readings for every device, so each chart has history to fold. The
    // owner sets up every part the readers use, as dvdash admin init-postgres does.
    auto seed = StoreRegistry::instance().openSensorStore(db, &error);
    if (!seed || !StoreRegistry::instance().openAlertStore(db, &error))
        return fail(error) ? 0 : 1;
    std::vector<quint32> ids;
    for (int c = 0; c < kCounties; ++c) {
        for (int d = 0; d < kDevicesPerCounty; ++d) {
            const auto id = seed->deviceId(
                QStringLiteral("%1/S%2/dev%3").arg(countyCode(c)).arg(d / 10).arg(d), &error);
            if (!id)
                return fail(error) ? 0 : 1;
            ids.push_back(*id);
        }
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QElapsedTimer seeding;
    seeding.start();
    for (int minute = 0; minute < 1440; minute += 60) {
        std::vector<Reading> batch;
        for (quint32 id : ids) {
            for (int m = minute; m < minute + 60; ++m) {
                Reading r;
                r.device = id;
                r.metric = 1;
                r.timestamp = now - 86400000 + m * kMinute;
                r.arrival = r.timestamp;
                r.value = 15 + (m % 120) / 10.0;
                batch.push_back(r);
            }
        }
        if (!seed->write(std::move(batch), &error))
            return fail(error) ? 0 : 1;
    }
    out << "seeded " << ids.size() * 1440 << " readings in " << seeding.elapsed() << " ms\n";
    seed.reset();
    {
        PostgresConnection owner(db);
        if (owner.open(&error))
            owner.run(QStringLiteral("VACUUM ANALYZE"), &error);
    }

    QStringList asCounty, asOwner;
    for (int i = 0; i < kCounties; ++i) {
        asCounty << asRole(db, QStringLiteral("%1_c%2").arg(name).arg(i));
        asOwner << db;
    }
    // Alternating rounds, so both kinds of reader meet the same machine load.
    std::vector<double> rls, owner;
    for (int round = 0; round < 2; ++round) {
        const Round r = runRound(db, asCounty, ids, seconds);
        const Round o = runRound(db, asOwner, ids, seconds);
        out << QStringLiteral("round %1: county roles median %2 ms (p95 %3, %4 queries), owner "
                              "median %5 ms (p95 %6); ingest %7 / %8 readings/s\n")
                   .arg(round + 1)
                   .arg(r.median, 0, 'f', 2)
                   .arg(r.p95, 0, 'f', 2)
                   .arg(r.queries)
                   .arg(o.median, 0, 'f', 2)
                   .arg(o.p95, 0, 'f', 2)
                   .arg(r.ingestRate, 0, 'f', 0)
                   .arg(o.ingestRate, 0, 'f', 0);
        out.flush();
        rls.push_back(r.median);
        owner.push_back(o.median);
    }
    const double withRls = median(rls), without = median(owner);
    out << QStringLiteral("readers' median query: %1 ms with row-level security (target <= 20), "
                          "%2 ms as the owner: RLS costs %3 % (target <= 10)\n")
               .arg(withRls, 0, 'f', 2)
               .arg(without, 0, 'f', 2)
               .arg(without > 0 ? 100.0 * (withRls - without) / without : 0.0, 0, 'f', 1);
    {
        PostgresConnection server(admin);
        if (server.open(&error)) {
            server.run(QStringLiteral("DROP DATABASE %1 WITH (FORCE)").arg(name), &error);
            for (int i = 0; i < kCounties; ++i)
                server.run(QStringLiteral("DROP ROLE IF EXISTS %1_c%2").arg(name).arg(i), &error);
        }
    }
    return 0;
}
