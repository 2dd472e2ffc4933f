// The window's live data: one writer thread, one feed (broker or simulator), a reader for charts.
#pragma once

#include <QFuture>
#include <QObject>
#include <QString>

#include <memory>

namespace dv {

class AlertEngine;
class DataQualityLog;
class SqliteAlertStore;
class SensorFeed;
class SensorStore;
class SensorWriter;
class VectorLayer;

// What `dvdash listen` does headless, inside the window: the feed queues readings, the writer
// commits them every 100 ms, and the charts read through their own connection beside it.
class SensorHub : public QObject {
    Q_OBJECT
public:
    // How far back the first start seeds sample history.
    static constexpr qint64 kSeedDays = 90;

    // spec: "sqlite:PATH"; empty for the user's own store.
    explicit SensorHub(const QString &storeSpec, QObject *parent = nullptr);
    ~SensorHub() override;

    // Opens the store and starts the feed: the configured broker, else the simulator for the
    // sample sites. A broker that cannot be reached is retried in the background.
    bool start(const VectorLayer &sites, QString *error);
    // Stops the feed, then commits everything it delivered. Safe to call twice.
    void stop();
    // The alert rules were saved to the store: the engine applies them within a second.
    void reloadAlertRules();
    // Registers quarantined devices the user accepted; their held readings are stored.
    void acceptDevices(const QStringList &keys);

    QString storeSpec() const { return mSpec; }
    SensorFeed *feed() const { return mFeed.get(); }
    SensorWriter *writer() const { return mWriter.get(); }
    // A connection for the GUI thread's queries; nullptr when the store cannot be read.
    SensorStore *reader();
    // The alert tables, for the GUI thread; nullptr when they cannot be read.
    SqliteAlertStore *alertReader();
    DataQualityLog *quality() const { return mQuality; }
    bool isSeeding() const { return mSeeding; }
    int seedPercent() const { return mSeedPercent; }

signals:
    void seedProgress(int percent);
    void seedFinished();
    // Readings were committed: charts showing live data may look again.
    void committed();
    // Alerts were raised, became active or were resolved: lists and markers may look again.
    void alertsChanged();

private:
    void connectFeed();
    void connectBrokerInBackground();

    QString mSpec;
    std::unique_ptr<AlertEngine> mAlerts; // the writer's observer: declared first, dies last
    std::unique_ptr<SensorWriter> mWriter;
    std::unique_ptr<SensorFeed> mFeed;
    std::unique_ptr<SensorStore> mReader;
    std::unique_ptr<SqliteAlertStore> mAlertReader;
    DataQualityLog *mQuality;
    bool mSeeding = false;
    int mSeedPercent = 0;
    QFuture<QString> mConnecting;
    int mRetryMs = 1000;
    bool mStopped = false;
};

} // namespace dv
