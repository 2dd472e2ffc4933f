// dvdash simulate: the sample sites' simulated devices publishing to a broker, for demos and load.
#include "simulatecommand.h"

#include "bundleddata.h"
#include "mqttpublisher.h"
#include "sensorsimulator.h"
#include "stopsignal.h"
#include "vectorlayer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>

namespace dv {

int SimulateCommand::run(const SimulateOptions &options, QTextStream &out, QTextStream &err)
{
    const LoadResult province = BundledData::loadProvince();
    if (!province.ok()) {
        err << province.error << Qt::endl;
        return 1;
    }
    std::shared_ptr<VectorLayer> sites;
    for (const auto &l : province.layers)
        if (l->role() == LayerRole::Sites)
            sites = l;
    SensorSimulator simulator(SensorSimulator::devicesForSites(*sites), 20261122);
    MqttPublisher publisher(options.broker);
    QString error;
    if (!publisher.connect(&error)) {
        err << error << Qt::endl;
        return 1;
    }
    out << tr("Simulating %L1 devices of the sample sites, at most %L2 messages/s, to %3")
               .arg(simulator.devices().size())
               .arg(options.rate)
               .arg(options.broker)
        << Qt::endl;

    const StopSignal stop;
    QElapsedTimer running;
    running.start();
    qint64 published = 0;
    auto finished = [&] {
        return stop.requested()
            || (options.forSeconds > 0 && running.elapsed() >= options.forSeconds * 1000LL);
    };
    while (!finished()) {
        const qint64 round = running.elapsed();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const SensorSimulator::Message &m : simulator.tick(now)) {
            if (finished())
                break;
            if (!publisher.publish(
                    SensorSimulator::topic(m), SensorSimulator::payload(m, now), &error)) {
                err << error << Qt::endl;
                return 1;
            }
            ++published;
            // Hold the rate: never ahead of rate x elapsed time.
            while (published * 1000 > options.rate * running.elapsed() && !finished())
                QThread::msleep(1);
        }
        // Devices report once a minute.
        while (running.elapsed() - round < 60000 && !finished())
            QThread::msleep(20);
    }
    publisher.disconnect();
    out << tr("Published %L1 messages").arg(published) << Qt::endl;
    return 0;
}

} // namespace dv
