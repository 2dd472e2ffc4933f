// The one thread that writes readings: producers queue them, it commits a batch every interval.
#pragma once

#include "payloadparser.h"
#include "sensorstore.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace dv {

class WriterObserver;

// MQTT callbacks, the simulator and file replay all call submit() from their own threads;
// batching into one transaction per interval is what makes the store fast, and the interval
// bounds what a hard kill can lose. stop() commits everything queued before it returns.
class SensorWriter : public QObject {
    Q_OBJECT
public:
    // The store is created inside the writer thread: Qt Sql connections belong to their thread.
    using StoreFactory = std::function<std::unique_ptr<SensorStore>(QString *error)>;

    explicit SensorWriter(
        StoreFactory factory, int commitIntervalMs = 100, QObject *parent = nullptr);
    ~SensorWriter() override;

    // Called once in the writer thread as soon as the store is open, before the observer and
    // any commit: one quick question to the store from whoever starts the writer.
    using OpenedCallback = std::function<void(SensorStore &store)>;

    // Starts the thread and waits until it has opened the store; false and *error if it
    // cannot. For callers that have nothing to do without a store (`dvdash listen`).
    bool start(QString *error);
    // Starts the thread and returns at once: a window must not wait on a slow store. A store
    // that cannot be opened is reported by storeFailed(). Readings submitted meanwhile are
    // written once it is open.
    void startInBackground();
    // Before either start: see OpenedCallback.
    void setOpenedCallback(OpenedCallback callback) { mOpened = std::move(callback); }
    // Thread-safe; returns at once.
    void submit(std::vector<Reading> readings);
    // One device's readings by its key (county/site/device), as a feed receives them; the key
    // is resolved in the writer thread. Unknown devices are quarantined unless accepted; an
    // accepted one the store cannot register yet (read-only, full) stays queued and is retried.
    void submit(const QString &deviceKey, std::vector<ParsedReading> readings, qint64 arrival);
    // Before start(): told of every commit in the writer thread (the alert engine). Not owned.
    void setObserver(WriterObserver *observer) { mObserver = observer; }
    // Before start(): register unknown devices (commissioning) instead of quarantining them.
    void setAcceptNewDevices(bool on) { mAcceptNewDevices = on; }
    // Devices heard from but not registered, with the readings held back from each.
    QMap<QString, qint64> quarantined() const;
    // Registers devices (a quarantined one the user accepted, the simulator's own) and stores
    // the readings held back from them; a key routed to another site's device
    // (SensorStore::routeDevice) is stored as that device. Thread-safe; done in the writer thread before the
    // next commit.
    void acceptDevices(const QStringList &keys);
    // Readings queued and not yet committed: producers that can outrun the store (seeding
    // history) wait while this is high.
    qint64 queuedReadings() const { return mQueued.load(); }
    // Commits what is queued, then ends the thread. Safe to call twice.
    void stop();

    qint64 storedCount() const { return mStored.load(); }
    qint64 duplicateCount() const { return mDuplicates.load(); }
    int commitIntervalMs() const { return mIntervalMs; }

signals:
    // Emitted from the writer thread after each commit; connect with a queued connection.
    void committed(int stored, int duplicates);
    // A commit failed (store locked, disk full...): the batch stays queued and is retried.
    void writeFailed(const QString &message);
    // startInBackground() only, from the writer thread: the store cannot be opened and the
    // thread has ended; nothing submitted is written.
    void storeFailed(const QString &error);

private:
    struct Message {
        QString deviceKey;
        std::vector<ParsedReading> readings;
        qint64 arrival;
    };

    void run(std::promise<QString> opened, bool background);
    void resolve(SensorStore &store, std::vector<Message> &messages, std::vector<Reading> &batch);
    void registerDevices(
        SensorStore &store, const QStringList &keys, std::vector<Message> &messages);
    void release(const QString &key, std::vector<Message> &messages);
    void hold(Message &message);

    // Enough for a day of a device reporting every minute, so accepting it the next morning
    // loses nothing; beyond that the oldest held readings are dropped.
    static constexpr std::size_t kMaxHeldPerDevice = 20000;

    StoreFactory mFactory;
    OpenedCallback mOpened;
    int mIntervalMs;
    std::thread mThread;
    std::mutex mMutex;
    std::condition_variable mWake;
    std::vector<Reading> mQueue;
    std::vector<Message> mMessages;
    QStringList mToAccept;
    std::atomic<qint64> mQueued { 0 };
    bool mAcceptNewDevices = false;
    WriterObserver *mObserver = nullptr;
    QHash<QString, quint32> mDeviceIds; // writer thread only
    mutable std::mutex mQuarantineMutex;
    QMap<QString, qint64> mQuarantined;
    QHash<QString, std::vector<Message>> mHeld; // writer thread only
    bool mStopping = false;
    std::atomic<qint64> mStored { 0 };
    std::atomic<qint64> mDuplicates { 0 };
};

} // namespace dv
