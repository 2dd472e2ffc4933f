// The one thread that writes readings: producers queue them, it commits a batch every interval.
#include "sensorwriter.h"

#include "writerobserver.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSet>

#include <chrono>
#include <future>

Q_LOGGING_CATEGORY(lcWriter, "dv.sensors.writer", QtInfoMsg)

namespace dv {

SensorWriter::SensorWriter(StoreFactory factory, int commitIntervalMs, QObject *parent)
    : QObject(parent)
    , mFactory(std::move(factory))
    , mIntervalMs(commitIntervalMs)
{
}

SensorWriter::~SensorWriter()
{
    stop();
}

bool SensorWriter::start(QString *error)
{
    std::promise<QString> opened;
    std::future<QString> result = opened.get_future();
    mThread = std::thread(&SensorWriter::run, this, std::move(opened), false);
    const QString message = result.get();
    if (!message.isEmpty()) {
        mThread.join();
        *error = message;
        return false;
    }
    return true;
}

void SensorWriter::startInBackground()
{
    mThread = std::thread(&SensorWriter::run, this, std::promise<QString>(), true);
}

void SensorWriter::submit(std::vector<Reading> readings)
{
    {
        std::lock_guard<std::mutex> lock(mMutex);
        mQueued += static_cast<qint64>(readings.size());
        if (mQueue.empty())
            mQueue = std::move(readings);
        else
            mQueue.insert(mQueue.end(), readings.begin(), readings.end());
    }
}

void SensorWriter::submit(
    const QString &deviceKey, std::vector<ParsedReading> readings, qint64 arrival)
{
    std::lock_guard<std::mutex> lock(mMutex);
    mQueued += static_cast<qint64>(readings.size());
    mMessages.push_back({ deviceKey, std::move(readings), arrival });
}

void SensorWriter::acceptDevices(const QStringList &keys)
{
    {
        std::lock_guard<std::mutex> lock(mMutex);
        mToAccept += keys;
    }
    mWake.notify_all();
}

QMap<QString, qint64> SensorWriter::quarantined() const
{
    std::lock_guard<std::mutex> lock(mQuarantineMutex);
    return mQuarantined;
}

void SensorWriter::resolve(
    SensorStore &store, std::vector<Message> &messages, std::vector<Reading> &batch)
{
    QString error;
    QString unregistered;
    QSet<QString> unregisteredKeys;
    std::vector<Message> retry;
    for (Message &m : messages) {
        auto id = mDeviceIds.constFind(m.deviceKey);
        if (id == mDeviceIds.constEnd()) {
            if (unregisteredKeys.contains(m.deviceKey)) {
                retry.push_back(std::move(m)); // one try per device and commit: each may wait
                continue;
            }
            std::optional<quint32> found = store.findDevice(m.deviceKey, &error);
            if (!found && mAcceptNewDevices) {
                found = store.deviceId(m.deviceKey, &error);
                if (!found) {
                    unregisteredKeys.insert(m.deviceKey);
                    // The store cannot be written now (read-only, disk full, locked): the
                    // device is registered, and its readings stored, once it can, as queued
                    // readings of known devices are.
                    unregistered = error;
                    retry.push_back(std::move(m));
                    continue;
                }
            }
            if (!found) {
                hold(m);
                continue;
            }
            id = mDeviceIds.insert(m.deviceKey, *found);
            // Accepted meanwhile by another process (`dvdash devices accept`): what was held
            // goes in after this message, which the loop is already in.
            if (mHeld.contains(m.deviceKey))
                release(m.deviceKey, retry);
        }
        for (const ParsedReading &p : m.readings) {
            Reading r;
            r.device = *id;
            r.metric = static_cast<quint8>(p.metric);
            r.sensorFault = p.sensorFault;
            r.timestamp = p.timestamp;
            r.arrival = m.arrival;
            r.value = p.value;
            batch.push_back(r);
        }
    }
    messages = std::move(retry);
    if (!unregistered.isEmpty()) {
        qCWarning(lcWriter) << unregistered;
        emit writeFailed(unregistered);
    }
}

void SensorWriter::hold(Message &message)
{
    mQueued -= static_cast<qint64>(message.readings.size());
    std::vector<Message> &held = mHeld[message.deviceKey];
    std::size_t count = message.readings.size();
    for (const Message &h : held)
        count += h.readings.size();
    while (count > kMaxHeldPerDevice && !held.empty()) {
        count -= held.front().readings.size();
        held.erase(held.begin());
    }
    std::lock_guard<std::mutex> lock(mQuarantineMutex);
    if (!mQuarantined.contains(message.deviceKey))
        qCInfo(lcWriter) << "quarantined unknown device" << message.deviceKey;
    mQuarantined[message.deviceKey] += static_cast<qint64>(message.readings.size());
    held.push_back(std::move(message));
}

void SensorWriter::registerDevices(
    SensorStore &store, const QStringList &keys, std::vector<Message> &messages)
{
    QString error;
    for (const QString &key : keys) {
        if (mDeviceIds.contains(key))
            continue;
        // A key routed into a chosen site gets that site's device (SensorStore::routeDevice).
        const std::optional<quint32> id = store.deviceId(key, &error);
        if (!id) {
            qCWarning(lcWriter) << error;
            emit writeFailed(error);
            continue;
        }
        mDeviceIds.insert(key, *id);
        // The held readings go ahead of what arrives now, in the order they came.
        std::vector<Message> held;
        release(key, held);
        messages.insert(messages.begin(), std::make_move_iterator(held.begin()),
            std::make_move_iterator(held.end()));
    }
}

void SensorWriter::release(const QString &key, std::vector<Message> &messages)
{
    std::vector<Message> held = mHeld.take(key);
    for (Message &m : held) {
        mQueued += static_cast<qint64>(m.readings.size());
        messages.push_back(std::move(m));
    }
    std::lock_guard<std::mutex> lock(mQuarantineMutex);
    mQuarantined.remove(key);
}

void SensorWriter::stop()
{
    {
        std::lock_guard<std::mutex> lock(mMutex);
        mStopping = true;
    }
    mWake.notify_all();
    if (mThread.joinable())
        mThread.join();
}

void SensorWriter::run(std::promise<QString> opened, bool background)
{
    QString error;
    std::unique_ptr<SensorStore> store = mFactory(&error);
    if (!store) {
        if (error.isEmpty())
            error = QStringLiteral("the store cannot be opened");
        if (background)
            emit storeFailed(error);
        else
            opened.set_value(error);
        return;
    }
    if (!background)
        opened.set_value(QString());
    if (mOpened)
        mOpened(*store);
    if (mObserver)
        mObserver->storeOpened(*store);
    qint64 lastTick = 0;
    const auto interval = std::chrono::milliseconds(mIntervalMs);
    // Live data arrives a few readings per device per commit; merging it into day chunks once
    // it is an hour old keeps long history queries fast. Every ten minutes is plenty.
    auto nextCompaction = std::chrono::steady_clock::now() + std::chrono::minutes(10);
    std::vector<Reading> batch;
    std::vector<Message> messages;
    QStringList toAccept;
    for (;;) {
        bool stopping;
        {
            std::unique_lock<std::mutex> lock(mMutex);
            mWake.wait_for(lock, interval, [this] { return mStopping; });
            stopping = mStopping;
            // Readings that failed to commit go first, so order and nothing is lost.
            if (batch.empty())
                batch.swap(mQueue);
            else {
                batch.insert(batch.end(), mQueue.begin(), mQueue.end());
                mQueue.clear();
            }
            // Messages whose device could not be registered yet go first, as failed batches do.
            if (messages.empty())
                messages.swap(mMessages);
            else {
                messages.insert(messages.end(), std::make_move_iterator(mMessages.begin()),
                    std::make_move_iterator(mMessages.end()));
                mMessages.clear();
            }
            toAccept.swap(mToAccept);
        }
        if (!toAccept.isEmpty()) {
            registerDevices(*store, toAccept, messages);
            toAccept.clear();
        }
        resolve(*store, messages, batch);
        if (!batch.empty()) {
            const auto stats = store->write(batch, &error);
            if (stats) {
                if (mObserver)
                    mObserver->committed(*store, batch);
                mQueued -= static_cast<qint64>(batch.size());
                mStored += stats->stored;
                mDuplicates += stats->duplicates;
                emit committed(stats->stored, stats->duplicates);
                batch.clear();
            } else {
                qCWarning(lcWriter) << error;
                emit writeFailed(error);
                if (stopping) {
                    // Last chance on shutdown: wait out a lock held by another process.
                    std::this_thread::sleep_for(std::chrono::milliseconds(200));
                    if (const auto retry = store->write(batch, &error)) {
                        if (mObserver)
                            mObserver->committed(*store, batch);
                        mQueued -= static_cast<qint64>(batch.size());
                        mStored += retry->stored;
                        mDuplicates += retry->duplicates;
                        batch.clear();
                    }
                }
            }
        }
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - lastTick >= 1000) {
            lastTick = now;
            if (mObserver)
                mObserver->tick(now, false);
            if (batch.empty() && !store->catchUp(&error))
                qCWarning(lcWriter) << error;
        }
        if (!stopping && std::chrono::steady_clock::now() >= nextCompaction) {
            nextCompaction = std::chrono::steady_clock::now() + std::chrono::minutes(10);
            const qint64 anHourAgo = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
            if (!store->compact(anHourAgo, &error))
                qCWarning(lcWriter) << error;
        }
        if (stopping) {
            std::lock_guard<std::mutex> lock(mMutex);
            if (mQueue.empty() && mMessages.empty()) {
                if (!batch.empty())
                    qCCritical(lcWriter)
                        << batch.size() << "readings could not be stored:" << error;
                if (!messages.empty())
                    qCCritical(lcWriter) << messages.size()
                                         << "messages from devices that could not be registered "
                                            "were not stored";
                if (mObserver)
                    mObserver->tick(QDateTime::currentMSecsSinceEpoch(), true);
                break;
            }
        }
    }
}

} // namespace dv
