// dvdash simulate: the sample sites' simulated devices publishing to a broker, for demos and load.
#include "simulatecommand.h"

#include "bundleddata.h"
#include "mqttpublisher.h"
#include "sampledataoption.h"
#include "sensorsimulator.h"
#include "stopsignal.h"
#include "vectorlayer.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>

namespace dv {

QString SimulateCommand::name() const
{
    return QStringLiteral("simulate");
}

QString SimulateCommand::summary() const
{
    return tr("Publish simulated data of the sample sites to an MQTT broker.");
}

void SimulateCommand::describe(QCommandLineParser &parser) const
{
    parser.addOption(QCommandLineOption(QStringLiteral("broker"),
        tr("MQTT broker, tcp://host:1883 or ssl://host:8883."), QStringLiteral("url")));
    parser.addOption(QCommandLineOption(QStringLiteral("rate"),
        tr("Messages per second at most (default 100)."), QStringLiteral("N")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("for"), tr("Stop after this many seconds."), QStringLiteral("seconds")));
    parser.addOption(SampleDataOption::option());
}

int SimulateCommand::execute(
    const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    SimulateOptions options;
    options.broker = parser.value(QStringLiteral("broker"));
    if (options.broker.isEmpty()) {
        err << tr("simulate needs --broker URL") << Qt::endl;
        return 2;
    }
    QString error;
    if (!SampleDataOption::parse(parser, &options.sample, &error)) {
        err << error << Qt::endl;
        return 2;
    }
    bool ok = true;
    if (parser.isSet(QStringLiteral("rate")))
        options.rate = parser.value(QStringLiteral("rate")).toInt(&ok);
    if (!ok || options.rate < 1) {
        err << tr("--rate must be a positive number of messages per second, not %1")
                   .arg(parser.value(QStringLiteral("rate")))
            << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("for"))) {
        options.forSeconds = parser.value(QStringLiteral("for")).toInt(&ok);
        if (!ok || options.forSeconds < 1) {
            err << tr("--for must be a positive number of seconds, not %1")
                       .arg(parser.value(QStringLiteral("for")))
                << Qt::endl;
            return 2;
        }
    }
    return run(options, out, err);
}

int SimulateCommand::run(const SimulateOptions &options, QTextStream &out, QTextStream &err)
{
    // The simulator feeds the sample sites only: with them hidden it has nothing to show.
    QString error;
    const auto visibility = SampleDataOption::visibility(options.sample, QString(), &error);
    if (!visibility) {
        err << error << Qt::endl;
        return 1;
    }
    if (!visibility->samplesShown()) {
        err << tr("%1; the simulator feeds only the sample sites, so nothing is published (use "
                  "--sample on to simulate them anyway)")
                   .arg(SampleDataOption::hiddenNotice())
            << Qt::endl;
        return 1;
    }
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
