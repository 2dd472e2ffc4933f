// Sensor store benchmarks for the README: sustained ingest from 1,000 interleaved devices, and
// one year of one-minute readings folded into 2,000 buckets. Run by hand; never in ctest.
#include "sqlitesensorstore.h"

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
const qint64 kMinute = 60000;

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(3, atoi(argv[1])) : 5;
    QString error;

    // 1,000 devices, 6 metrics each, readings arriving interleaved (device after device at each
    // tick) and committed every 80,000 readings: 100 ms of traffic at 800,000 readings/s.
    std::vector<double> rates;
    for (int run = 0; run < runs; ++run) {
        QTemporaryDir dir;
        dv::SqliteSensorStore store(dir.filePath(QStringLiteral("ingest.sqlite")));
        if (!store.open(&error)) {
            fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::vector<quint32> devices;
        for (int d = 0; d < 1000; ++d)
            devices.push_back(*store.deviceId(QStringLiteral("520328/S%1/dev").arg(d), &error));
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
                    if (batch.size() == 80000) {
                        // Passed as the writer passes its batch (a copy; the batch keeps its
                        // memory): moving it out left the next batch to grow from nothing, and
                        // the bench measured its own reallocations.
                        const auto stats = store.write(batch, &error);
                        if (!stats) {
                            fprintf(stderr, "%s\n", qPrintable(error));
                            return 1;
                        }
                        stored += stats->stored;
                        batch.clear();
                    }
                }
            }
        }
        const double seconds = t.nsecsElapsed() / 1e9;
        rates.push_back(stored / seconds);
        out << QStringLiteral("ingest run %1: %L2 readings in %3 s = %L4 readings/s")
                   .arg(run + 1)
                   .arg(stored)
                   .arg(seconds, 0, 'f', 2)
                   .arg(qRound64(stored / seconds))
            << Qt::endl;
    }
    out << QStringLiteral(
        "ingest, 1,000 interleaved devices, commit every 80,000: median %L1 readings/s")
               .arg(qRound64(median(rates)))
        << Qt::endl;

    // One year of one-minute readings of one series, written a day per commit.
    QTemporaryDir dir;
    dv::SqliteSensorStore store(dir.filePath(QStringLiteral("year.sqlite")));
    store.open(&error);
    const quint32 device = *store.deviceId(QStringLiteral("522601/P0001/tag-1"), &error);
    std::mt19937 rng(7);
    std::normal_distribution<double> body(38.5, 0.2);
    for (int day = 0; day < 365; ++day) {
        std::vector<dv::Reading> batch;
        for (int i = 0; i < 1440; ++i) {
            dv::Reading r;
            r.device = device;
            r.metric = 8;
            r.timestamp = kT0 + (day * 1440 + i) * kMinute;
            r.arrival = r.timestamp;
            r.value = body(rng);
            batch.push_back(r);
        }
        store.write(std::move(batch), &error);
    }
    std::vector<double> ms;
    std::size_t buckets = 0;
    for (int i = 0; i < runs * 3; ++i) {
        QElapsedTimer t;
        t.start();
        const auto h = store.history(device, 8, kT0, kT0 + 525600 * kMinute, 2000, &error);
        ms.push_back(t.nsecsElapsed() / 1e6);
        buckets = h ? h->size() : 0;
    }
    out << QStringLiteral(
        "history, 525,600 one-minute readings -> %1 buckets: median %2 ms (%3 runs)")
               .arg(buckets)
               .arg(median(ms), 0, 'f', 2)
               .arg(ms.size())
        << Qt::endl;

    // Live traffic: 30 days of one-minute readings, each in its own commit (one chunk each),
    // queried before and after compaction merges them into day chunks.
    {
        QTemporaryDir liveDir;
        dv::SqliteSensorStore live(liveDir.filePath(QStringLiteral("live.sqlite")));
        live.open(&error);
        const quint32 tag = *live.deviceId(QStringLiteral("522601/P0001/tag-2"), &error);
        const int minutes = 30 * 1440;
        for (int i = 0; i < minutes; ++i) {
            dv::Reading r;
            r.device = tag;
            r.metric = 8;
            r.timestamp = kT0 + i * kMinute;
            r.arrival = r.timestamp;
            r.value = body(rng);
            live.write({ r }, &error);
        }
        auto timeQuery = [&](const char *label) {
            std::vector<double> t;
            for (int i = 0; i < runs * 3; ++i) {
                QElapsedTimer timer;
                timer.start();
                live.history(tag, 8, kT0, kT0 + minutes * kMinute, 2000, &error);
                t.push_back(timer.nsecsElapsed() / 1e6);
            }
            out << QStringLiteral("history, 30 days written a reading per commit, %1: median %2 ms")
                       .arg(QLatin1String(label))
                       .arg(median(t), 0, 'f', 2)
                << Qt::endl;
        };
        timeQuery("43,200 chunks");
        QElapsedTimer compaction;
        compaction.start();
        const auto removed = live.compact(kT0 + minutes * kMinute, &error);
        out << QStringLiteral("compaction merged %L1 chunks in %2 ms")
                   .arg(removed ? *removed : -1)
                   .arg(compaction.nsecsElapsed() / 1e6, 0, 'f', 1)
            << Qt::endl;
        timeQuery("after compaction");
    }
    return 0;
}
