// The window's live data: one writer thread, one feed (broker or simulator), a reader for charts.
#include "sensorhub.h"

#include "alertengine.h"
#include "appsettings.h"
#include "dataqualitylog.h"
#include "mqttfeed.h"
#include "sensorstore.h"
#include "sensorwriter.h"
#include "simulatorfeed.h"
#include "sqlitealertstore.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

Q_LOGGING_CATEGORY(lcHub, "dv.sensors.hub", QtInfoMsg)

namespace dv {

SensorHub::SensorHub(const QString &storeSpec, QObject *parent)
    : QObject(parent)
    , mSpec(storeSpec.isEmpty() ? AppSettings::defaultStoreSpec() : storeSpec)
    , mQuality(new DataQualityLog(this))
{
}

SensorHub::~SensorHub()
{
    stop();
}

bool SensorHub::start(const VectorLayer &sites, QString *error)
{
    const QString spec = mSpec;
    mWriter = std::make_unique<SensorWriter>(
        [spec](QString *e) { return SensorStore::create(spec, e); });
    // Early warnings are judged in the writer thread; the window hears of changes queued.
    mAlerts = std::make_unique<AlertEngine>(
        spec, AlertEngine::siteTypesOf(sites), [this](const std::vector<AlertTransition> &) {
            QMetaObject::invokeMethod(this, &SensorHub::alertsChanged, Qt::QueuedConnection);
        });
    mWriter->setObserver(mAlerts.get());
    if (!mWriter->start(error)) {
        mWriter.reset();
        return false;
    }
    connect(
        mWriter.get(), &SensorWriter::committed, this, &SensorHub::committed, Qt::QueuedConnection);
    connect(
        mWriter.get(), &SensorWriter::writeFailed, this,
        [this](const QString &message) {
            mQuality->recordStore(message, QDateTime::currentMSecsSinceEpoch());
        },
        Qt::QueuedConnection);

    const QString broker = AppSettings::brokerUrl();
    if (!broker.isEmpty()) {
        MqttSettings settings;
        settings.brokerUrl = broker;
        settings.username = AppSettings::brokerUsername();
        settings.password = AppSettings::brokerPassword();
        mFeed = std::make_unique<MqttFeed>(settings, mWriter.get());
        connectFeed();
        connectBrokerInBackground();
        return true;
    }

    auto simulator
        = std::make_unique<SimulatorFeed>(SensorSimulator::devicesForSites(sites), mWriter.get());
    // Seed what is missing of the last kSeedDays: everything on a first start, the hours the
    // window was closed on a later one.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 seedFrom = now - kSeedDays * 24 * 3600 * 1000;
    if (SensorStore *store = reader()) {
        QString e;
        if (const auto newest = store->newestTimestamp(&e); newest && *newest > seedFrom)
            seedFrom = *newest;
    }
    if (now - seedFrom > SimulatorFeed::kSeedStepMs) {
        simulator->setSeedFrom(seedFrom);
        mSeeding = true;
    }
    connect(
        simulator.get(), &SimulatorFeed::seedProgress, this,
        [this](int percent) {
            mSeedPercent = percent;
            emit seedProgress(percent);
        },
        Qt::QueuedConnection);
    connect(
        simulator.get(), &SimulatorFeed::seedFinished, this,
        [this] {
            mSeeding = false;
            emit seedFinished();
        },
        Qt::QueuedConnection);
    mFeed = std::move(simulator);
    connectFeed();
    return mFeed->start(error);
}

void SensorHub::connectFeed()
{
    connect(
        mFeed.get(), &SensorFeed::payloadProblem, this,
        [this](const QString &topic, const PayloadIssue &issue) {
            mQuality->record(topic, issue, QDateTime::currentMSecsSinceEpoch());
        },
        Qt::QueuedConnection);
}

// Paho retries a connection that was up once; the first connection is ours to retry, off the
// GUI thread so an unreachable broker never freezes the window.
void SensorHub::connectBrokerInBackground()
{
    if (mStopped || !mFeed)
        return;
    SensorFeed *feed = mFeed.get();
    auto watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (error.isEmpty() || mStopped)
            return;
        mQuality->recordBroker(error, QDateTime::currentMSecsSinceEpoch());
        qCWarning(lcHub) << error << "- retrying in" << mRetryMs << "ms";
        QTimer::singleShot(mRetryMs, this, &SensorHub::connectBrokerInBackground);
        mRetryMs = std::min(mRetryMs * 2, 30000);
    });
    mConnecting = QtConcurrent::run([feed] {
        QString error;
        return feed->start(&error) ? QString() : error;
    });
    watcher->setFuture(mConnecting);
}

void SensorHub::stop()
{
    if (mStopped)
        return;
    mStopped = true;
    // The feed first, so the writer's last commit holds everything delivered.
    mConnecting.waitForFinished();
    if (mFeed)
        mFeed->stop();
    if (mWriter)
        mWriter->stop();
}

void SensorHub::reloadAlertRules()
{
    if (mAlerts)
        mAlerts->reloadRules();
}

void SensorHub::acceptDevices(const QStringList &keys)
{
    if (mWriter)
        mWriter->acceptDevices(keys);
}

SqliteAlertStore *SensorHub::alertReader()
{
    if (mAlertReader)
        return mAlertReader.get();
    auto store = std::make_unique<SqliteAlertStore>(mSpec);
    QString error;
    if (!store->open(&error)) {
        qCWarning(lcHub) << error;
        return nullptr;
    }
    mAlertReader = std::move(store);
    return mAlertReader.get();
}

SensorStore *SensorHub::reader()
{
    if (mReader)
        return mReader.get();
    QString error;
    std::unique_ptr<SensorStore> store = SensorStore::create(mSpec, &error);
    if (!store) {
        qCWarning(lcHub) << error;
        return nullptr;
    }
    mReader = std::move(store);
    return mReader.get();
}

} // namespace dv
