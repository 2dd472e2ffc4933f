// dvdash listen: a headless collector for a station PC, MQTT broker to store.
#include "listencommand.h"

#include "alertengine.h"
#include "appsettings.h"
#include "bundleddata.h"
#include "mqttfeed.h"
#include "sensorwriter.h"
#include "spoolingsensorstore.h"
#include "stopsignal.h"
#include "storespec.h"
#include "storewriterlock.h"
#include "vectorlayer.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

namespace dv {

namespace {

AlertEngine::SiteTypes siteTypes()
{
    const LoadResult province = BundledData::loadProvince();
    for (const auto &layer : province.layers) {
        if (layer->role() == LayerRole::Sites)
            return AlertEngine::siteTypesOf(*layer);
    }
    return {};
}

} // namespace

QString ListenCommand::name() const
{
    return QStringLiteral("listen");
}

QString ListenCommand::summary() const
{
    return tr("Collect sensor data from an MQTT broker into the store.");
}

void ListenCommand::describe(QCommandLineParser &parser) const
{
    parser.addOption(QCommandLineOption(QStringLiteral("broker"),
        tr("MQTT broker, tcp://host:1883 or ssl://host:8883."), QStringLiteral("url")));
    parser.addOption(storeOption());
    parser.addOption(QCommandLineOption(QStringLiteral("spool"),
        tr("With a shared server: where readings wait while it is away (default: a file in "
           "your data folder)."),
        QStringLiteral("file")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("for"), tr("Stop after this many seconds."), QStringLiteral("seconds")));
    parser.addOption(QCommandLineOption(QStringLiteral("accept-new-devices"),
        tr("Register devices not yet known (commissioning) instead of quarantining them.")));
    parser.addOption(QCommandLineOption(QStringLiteral("client-id"),
        tr("MQTT client id; the broker keeps this client's session."), QStringLiteral("id")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("username"), tr("MQTT user name."), QStringLiteral("name")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("password"), tr("MQTT password."), QStringLiteral("password")));
}

int ListenCommand::execute(
    const QCommandLineParser &parser, QTextStream &out, QTextStream &err) const
{
    ListenOptions options;
    options.broker = parser.value(QStringLiteral("broker"));
    if (options.broker.isEmpty()) {
        err << tr("listen needs --broker URL") << Qt::endl;
        return 2;
    }
    options.store = parser.value(QStringLiteral("store"));
    options.spool = parser.value(QStringLiteral("spool"));
    options.acceptNewDevices = parser.isSet(QStringLiteral("accept-new-devices"));
    if (parser.isSet(QStringLiteral("client-id")))
        options.clientId = parser.value(QStringLiteral("client-id"));
    options.username = parser.value(QStringLiteral("username"));
    options.password = parser.value(QStringLiteral("password"));
    if (parser.isSet(QStringLiteral("for"))) {
        bool ok = false;
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

int ListenCommand::run(const ListenOptions &options, QTextStream &out, QTextStream &err)
{
    const QString spec = options.store.isEmpty() ? AppSettings::defaultStoreSpec() : options.store;
    QString error;
    // Two collectors on one store would store every reading twice: the second is refused,
    // told which process writes it.
    StoreWriterLock writerLock(spec);
    if (!writerLock.acquire(&error)) {
        err << error << Qt::endl;
        return 1;
    }
    // A shared server may go away (restart, network): its readings then wait in a local spool.
    const QString spoolPath = options.spool.isEmpty()
        ? SpoolingSensorStore::defaultSpoolPath(spec)
        : options.spool;
    SensorWriter writer([spec, spoolPath](QString *error) -> std::unique_ptr<SensorStore> {
        std::unique_ptr<SensorStore> store = SensorStore::create(spec, error);
        if (!store || !StoreSpec::isServer(spec))
            return store;
        auto spooling = std::make_unique<SpoolingSensorStore>(std::move(store), spoolPath);
        if (!spooling->open(error))
            return nullptr;
        return spooling;
    });
    writer.setAcceptNewDevices(options.acceptNewDevices);
    // Early warnings are judged as readings are committed; rules need each site's type.
    AlertEngine alerts(spec, siteTypes());
    writer.setObserver(&alerts);
    if (!writer.start(&error)) {
        err << error << Qt::endl;
        return 1;
    }
    MqttFeed feed(
        { options.broker, options.clientId, options.username, options.password }, &writer);
    QObject::connect(
        &feed, &MqttFeed::payloadProblem, &feed,
        [&err](const QString &topic, const PayloadIssue &issue) {
            err << tr("%1: %2: %3").arg(topic, issue.field, issue.message) << Qt::endl;
        },
        Qt::QueuedConnection);
    if (!feed.start(&error)) {
        writer.stop();
        err << error << Qt::endl;
        return 1;
    }
    out << tr("Listening on %1 for %2, writing to %3")
               .arg(options.broker, QLatin1String(MqttFeed::kTopicFilter),
                   StoreSpec::displayName(spec))
        << Qt::endl;

    const StopSignal stop;
    QEventLoop loop;
    QElapsedTimer running;
    running.start();
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (stop.requested()
            || (options.forSeconds > 0 && running.elapsed() >= options.forSeconds * 1000LL))
            loop.quit();
    });
    poll.start(50);
    loop.exec();

    // Stop receiving first, then commit everything already received.
    feed.stop();
    writer.stop();
    QCoreApplication::processEvents(); // deliver the last queued problem reports
    out << tr("Received %L1 messages with %L2 readings; stored %L3, duplicates %L4, problems %L5")
               .arg(feed.messagesReceived())
               .arg(feed.readingsReceived())
               .arg(writer.storedCount())
               .arg(writer.duplicateCount())
               .arg(feed.problems())
        << Qt::endl;
    const auto quarantined = writer.quarantined();
    for (auto it = quarantined.begin(); it != quarantined.end(); ++it)
        out << tr(
            "Quarantined device %1: %L2 readings held back (accept it with --accept-new-devices)")
                   .arg(it.key())
                   .arg(it.value())
            << Qt::endl;
    return 0;
}

} // namespace dv
