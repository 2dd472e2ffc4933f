// The window's live data: one writer thread, one feed (broker or simulator), the alert engine.
#include "sensorhub.h"

#include "alertengine.h"
#include "appsettings.h"
#include "dataqualitylog.h"
#include "mqttfeed.h"
#include "sensorstore.h"
#include "sensorwriter.h"
#include "simulatorfeed.h"
#include "storespec.h"
#include "storewriterlock.h"

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

namespace {

// Where seeding starts is known only once the writer's store has answered, so the simulator
// runs from begin(); start() already reports it simulating, so the status line names it at
// once.
class DeferredSimulatorFeed : public SimulatorFeed {
public:
    using SimulatorFeed::SimulatorFeed;

    bool start(QString *error) override
    {
        if (devices().empty())
            return SimulatorFeed::start(error); // says why
        setState(State::Simulating);
        return true;
    }

    void begin(qint64 seedFrom)
    {
        setSeedFrom(seedFrom); // 0 after a pause without a gap: nothing seeded again
        QString error;
        if (!SimulatorFeed::start(&error))
            qCWarning(lcHub) << error;
    }
};

} // namespace

bool SensorHub::start(const VectorLayer &sites, QString *error)
{
    const QString spec = mSpec;
    // A shared server is written by the data centre's collectors (dvdash listen): a desk or a
    // wall on it only reads, and never seeds simulated history into the province's store.
    if (StoreSpec::isServer(spec)) {
        mReadingOnly = tr("Reading the shared store: its collectors write the readings");
        QMetaObject::invokeMethod(
            this, [this] { emit readingOnly(mReadingOnly); }, Qt::QueuedConnection);
        return true;
    }
    // One collector per store, or every reading is stored once by each (readings are packed
    // in chunks, so the store cannot refuse a second copy).
    auto lock = std::make_unique<StoreWriterLock>(spec);
    QString held;
    if (!lock->acquire(&held)) {
        mReadingOnly = tr("Reading only: %1").arg(held);
        qCInfo(lcHub) << held;
        QMetaObject::invokeMethod(
            this, [this] { emit readingOnly(mReadingOnly); }, Qt::QueuedConnection);
        return true;
    }
    mWriterLock = std::move(lock);
    mWriter = std::make_unique<SensorWriter>(
        [spec](QString *e) { return SensorStore::create(spec, e); });
    // Early warnings are judged in the writer thread; the window hears of changes queued.
    mAlerts = std::make_unique<AlertEngine>(
        spec, AlertEngine::siteTypesOf(sites), [this](const std::vector<AlertTransition> &) {
            QMetaObject::invokeMethod(this, &SensorHub::alertsChanged, Qt::QueuedConnection);
        });
    // A device of a site the office has not registered shows in the data-quality view.
    mAlerts->setUnregisteredSiteHandler([this](const QString &deviceKey) {
        QMetaObject::invokeMethod(
            this,
            [this, deviceKey] {
                mQuality->recordUnregisteredSite(deviceKey, QDateTime::currentMSecsSinceEpoch());
            },
            Qt::QueuedConnection);
    });
    mWriter->setObserver(mAlerts.get());
    connect(
        mWriter.get(), &SensorWriter::committed, this, &SensorHub::committed, Qt::QueuedConnection);
    connect(
        mWriter.get(), &SensorWriter::writeFailed, this,
        [this](const QString &message) {
            mQuality->recordStore(message, QDateTime::currentMSecsSinceEpoch());
        },
        Qt::QueuedConnection);
    connect(
        mWriter.get(), &SensorWriter::storeFailed, this,
        [this](const QString &message) {
            // Nothing runs without a store: the status line must not claim a live feed.
            mStoreFailed = true;
            if (mFeed)
                mFeed->stop();
            mSeeding = false;
            emit storeFailed(message);
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
        // Connected once the store is open: a store that cannot be opened leaves the broker's
        // messages unread rather than queued without end.
        mWriter->setOpenedCallback([this](SensorStore &) {
            QMetaObject::invokeMethod(
                this, &SensorHub::connectBrokerInBackground, Qt::QueuedConnection);
        });
        mWriter->startInBackground();
        return true;
    }

    auto simulator = std::make_unique<DeferredSimulatorFeed>(
        SensorSimulator::devicesForSites(sites), mWriter.get());
    connect(
        simulator.get(), &SimulatorFeed::seedProgress, this,
        [this](int percent) {
            if (!mSeeding)
                return; // queued before a pause stopped the seeding
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
    mSimulated = true;
    connectFeed();
    if (!mFeed->start(error))
        return false;
    if (!mSamplesShown)
        mFeed->stop(); // says so at once; the store's answer is kept for the resume
    // How much history to seed is the store's answer, asked in the writer thread before its
    // first commit (one quick query: the newest row of an index); until it comes the hub
    // counts as seeding.
    mSeeding = mSamplesShown;
    mWriter->setOpenedCallback([this](SensorStore &store) {
        QString e;
        const std::optional<qint64> newest = store.newestTimestamp(&e);
        if (!newest && !e.isEmpty())
            qCWarning(lcHub) << e;
        QMetaObject::invokeMethod(
            this, [this, newest] { startSimulator(newest); }, Qt::QueuedConnection);
    });
    mWriter->startInBackground();
    return true;
}

void SensorHub::startSimulator(std::optional<qint64> newest)
{
    if (mStopped)
        return;
    mStoreAnswered = true;
    mResumeFrom = newest;
    if (!mSamplesShown) {
        endSeeding(); // the samples are hidden: no readings for them until shown
        return;
    }
    mSimulatorRunning = true;
    // Seed what is missing of the last kSeedDays: everything on a first start, the hours the
    // window was closed (or the samples hidden) on a later one.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 seedFrom = now - kSeedDays * 24 * 3600 * 1000;
    if (newest && *newest > seedFrom)
        seedFrom = *newest;
    const bool seeding = now - seedFrom > SimulatorFeed::kSeedStepMs;
    mSeeding = seeding;
    mSeedPercent = 0;
    static_cast<DeferredSimulatorFeed *>(mFeed.get())->begin(seeding ? seedFrom : 0);
    if (!seeding)
        emit seedFinished();
}

void SensorHub::endSeeding()
{
    if (!mSeeding)
        return;
    mSeeding = false;
    emit seedFinished();
}

void SensorHub::setSamplesShown(bool shown)
{
    if (shown == mSamplesShown)
        return;
    mSamplesShown = shown;
    if (!mSimulated || mStopped || mStoreFailed)
        return;
    if (!shown) {
        mFeed->stop(); // returns once no more readings come
        // An interrupted seeding starts over from the same point (the store drops what it
        // already holds); a live simulator goes on from now.
        if (mSimulatorRunning && !mSeeding)
            mResumeFrom = QDateTime::currentMSecsSinceEpoch();
        mSimulatorRunning = false;
        endSeeding();
        qCInfo(lcHub) << "simulator paused: sample data hidden";
    } else if (mStoreAnswered) {
        qCInfo(lcHub) << "simulator resumed: sample data shown";
        startSimulator(mResumeFrom);
    } else {
        // Still waiting for the store: simulating again as far as anyone can tell, and the
        // store's answer begins it.
        QString error;
        mFeed->start(&error);
        mSeeding = true;
    }
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
    mWriterLock.reset(); // after the last commit: the next collector may start
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

} // namespace dv
