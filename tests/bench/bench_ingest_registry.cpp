// Ingest with the site registry in the path: bench_store's stream (1,000 interleaved devices,
// 6 metrics, a commit per 80,000 readings) stored alone, then stored and handed to the alert
// engine as the sensor writer does (site types from the registry, devices joining their sites,
// their metrics noted). Run by hand; never in ctest.
#include "alertengine.h"
#include "sqlitesensorstore.h"
#include "sqlitesitestore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
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

// Time spent in the engine: all of it, and its first batch (where every device's metrics are
// noted in the registry, once).
struct EngineTime {
    double startSeconds = 0; // storeOpened: rules, every device looked up in the registry
    double seconds = 0;
    double firstBatchSeconds = 0;
};

// Readings per second through store.write (and the engine when given one).
std::optional<double> ingest(int run, bool withRegistry, EngineTime *engineTime, QString *error)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ingest.sqlite"));
    dv::SqliteSensorStore store(path);
    if (!store.open(error))
        return std::nullopt;
    std::vector<quint32> devices;
    for (int d = 0; d < 1000; ++d)
        devices.push_back(*store.deviceId(QStringLiteral("520328/S%1/dev").arg(d), error));
    std::unique_ptr<dv::AlertEngine> engine;
    if (withRegistry) {
        // Half the sites registered pig farms, half unregistered (they join as unknown type).
        dv::SqliteSiteStore sites(path);
        if (!sites.open(error))
            return std::nullopt;
        std::vector<dv::Site> farms;
        for (int d = 0; d < 500; ++d) {
            dv::Site s;
            s.id = QStringLiteral("S%1").arg(d);
            s.type = QStringLiteral("pig_farm");
            s.county = QStringLiteral("520328");
            farms.push_back(s);
        }
        if (!sites.saveSites(farms, dv::SiteRevision::Kind::Import, QStringLiteral("bench"), error))
            return std::nullopt;
        engine = std::make_unique<dv::AlertEngine>(
            QStringLiteral("sqlite:") + path, dv::AlertEngine::SiteTypes());
        QElapsedTimer start;
        start.start();
        engine->storeOpened(store);
        engineTime->startSeconds = start.nsecsElapsed() / 1e9;
        if (!engine->lastError().isEmpty()) {
            *error = engine->lastError();
            return std::nullopt;
        }
    }
    std::mt19937 rng(run);
    std::normal_distribution<double> noise(20, 3);
    const int ticks = 800; // 800 ticks x 1000 devices x 6 metrics = 4.8 M readings
    std::vector<dv::Reading> batch;
    batch.reserve(80000);
    QElapsedTimer t;
    t.start();
    qint64 stored = 0;
    for (int tick = 0; tick < ticks; ++tick) {
        for (quint32 device : devices) {
            for (int m = 1; m <= 6; ++m) {
                dv::Reading r;
                r.device = device;
                r.metric = static_cast<quint8>(m);
                r.timestamp = kT0 + tick * 1000;
                r.arrival = r.timestamp + 200;
                r.value = noise(rng);
                batch.push_back(r);
                if (batch.size() < 80000)
                    continue;
                // As the writer: the store takes the batch, the observer sees what it stored.
                std::vector<dv::Reading> committed = batch;
                const auto stats = store.write(std::move(batch), error);
                if (!stats)
                    return std::nullopt;
                if (engine) {
                    QElapsedTimer e;
                    e.start();
                    engine->committed(store, committed);
                    const double s = e.nsecsElapsed() / 1e9;
                    if (engineTime->seconds == 0)
                        engineTime->firstBatchSeconds = s;
                    engineTime->seconds += s;
                }
                stored += stats->stored;
                batch.clear();
            }
        }
    }
    const double seconds = t.nsecsElapsed() / 1e9;
    if (engine)
        engine->tick(QDateTime::currentMSecsSinceEpoch(), true);
    return stored / seconds;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(3, atoi(argv[1])) : 3;
    QString error;
    std::vector<double> plain, registry;
    for (int run = 0; run < runs; ++run) {
        // Alternated, so a busy moment of the machine falls on both alike.
        EngineTime none, engineTime;
        const auto a = ingest(run, false, &none, &error);
        const auto b = a ? ingest(run, true, &engineTime, &error) : std::nullopt;
        if (!b) {
            fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        plain.push_back(*a);
        registry.push_back(*b);
        out << QStringLiteral("run %1: store only %L2 readings/s, with alert engine and registry "
                              "%L3 readings/s (engine %4 s, of which %5 s in the first batch; "
                              "its start %6 s)")
                   .arg(run + 1)
                   .arg(qRound64(*a))
                   .arg(qRound64(*b))
                   .arg(engineTime.seconds, 0, 'f', 3)
                   .arg(engineTime.firstBatchSeconds, 0, 'f', 3)
                   .arg(engineTime.startSeconds, 0, 'f', 3)
            << Qt::endl;
    }
    out << QStringLiteral("ingest, 1,000 interleaved devices (500 registered sites, 500 not), "
                          "commit every 80,000: median %L1 readings/s store only, %L2 readings/s "
                          "with the alert engine and site registry (%3 runs)")
               .arg(qRound64(median(plain)))
               .arg(qRound64(median(registry)))
               .arg(runs)
        << Qt::endl;
    return 0;
}
