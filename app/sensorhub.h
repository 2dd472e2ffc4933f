// The window's live data: one writer thread, one feed (broker or simulator), the alert engine.
#pragma once

#include <QFuture>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace dv {

class AlertEngine;
class DataQualityLog;
class SensorFeed;
class SensorWriter;
class StoreWriterLock;
class VectorLayer;

// What `dvdash listen` does headless, inside the window: the feed queues readings, the writer
// commits them every 100 ms. The views read through a StoreReader of their own beside it.
class SensorHub : public QObject {
    Q_OBJECT
public:
    // How far back the first start seeds sample history.
    static constexpr qint64 kSeedDays = 90;

    // spec: "sqlite:PATH"; empty for the user's own store.
    explicit SensorHub(const QString &storeSpec, QObject *parent = nullptr);
    ~SensorHub() override;

    // Starts the feed: the configured broker, else the simulator for the sample sites. Returns
    // at once; the store is opened by the writer thread and the feed runs once it is (a store
    // that cannot be opened is reported by storeFailed). false and *error only if there is
    // nothing to feed (no sample sites). A broker that cannot be reached is retried in the
    // background. When another collector writes the store (`dvdash listen` on the station PC),
    // nothing is fed or written: the window reads the store as it fills, and readingOnly() says
    // who writes it. On a shared server (postgresql://) likewise: its collectors write it.
    bool start(const VectorLayer &sites, QString *error);
    // Stops the feed, then commits everything it delivered. Safe to call twice.
    void stop();
    // The alert rules were saved to the store: the engine applies them within a second.
    void reloadAlertRules();
    // Registers quarantined devices the user accepted; their held readings are stored.
    void acceptDevices(const QStringList &keys);
    // Settings › Sample data: the simulator feeds the sample sites only while they are shown;
    // shown again, it first fills the hours it missed (or the history it was seeding). A
    // broker's feed carries the office's own devices and is not affected. May be called
    // before start().
    void setSamplesShown(bool shown);
    // The simulator is the feed and waits, stopped, for the samples to be shown.
    bool isSimulatorPaused() const
    {
        return mSimulated && !mSamplesShown && !mStopped && !mStoreFailed;
    }

    QString storeSpec() const { return mSpec; }
    SensorFeed *feed() const { return mFeed.get(); }
    SensorWriter *writer() const { return mWriter.get(); }
    DataQualityLog *quality() const { return mQuality; }
    // Also while the store is asked how much history is missing; seedFinished() ends it.
    bool isSeeding() const { return mSeeding; }
    // Why the window only reads the store (names the process writing it); empty when it writes.
    QString readingOnlyReason() const { return mReadingOnly; }
    int seedPercent() const { return mSeedPercent; }

signals:
    void seedProgress(int percent);
    void seedFinished();
    // Readings were committed: charts showing live data may look again.
    void committed();
    // Alerts were raised, became active or were resolved: lists and markers may look again.
    void alertsChanged();
    // The store cannot be opened: no feed runs, live and historical data cannot be shown.
    void storeFailed(const QString &error);
    // Another process writes the store: this window reads without writing (queued after start).
    void readingOnly(const QString &reason);

private:
    void connectFeed();
    void startSimulator(std::optional<qint64> newest);
    void connectBrokerInBackground();
    void endSeeding();

    QString mSpec;
    std::unique_ptr<StoreWriterLock> mWriterLock; // held while this window writes the store
    QString mReadingOnly;
    std::unique_ptr<AlertEngine> mAlerts; // the writer's observer: declared first, dies last
    std::unique_ptr<SensorWriter> mWriter;
    std::unique_ptr<SensorFeed> mFeed;
    DataQualityLog *mQuality;
    bool mSeeding = false;
    int mSeedPercent = 0;
    QFuture<QString> mConnecting;
    int mRetryMs = 1000;
    bool mStopped = false;
    bool mSamplesShown = true;
    bool mStoreFailed = false; // nothing may feed it
    bool mSimulated = false; // the feed is the simulator
    bool mStoreAnswered = false; // the simulator knows where its history starts
    bool mSimulatorRunning = false; // began and not paused since
    std::optional<qint64> mResumeFrom; // where the simulator's history goes on from
};

} // namespace dv
