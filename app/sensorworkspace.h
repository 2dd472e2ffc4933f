// The live sensors in any layout: the feed and store, a site's charts, data quality, status.
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QString>

namespace dv {

class DataQualityPanel;
class FeedStatusLabel;
class LayerStack;
class SensorHub;
class SitePanel;
class StoreReader;
class VectorLayer;

// Owns the SensorHub (feed, writer, alert engine) and the views on it: the site panel with its
// charts, the data-quality panel and the status line. The site panel reads sensors and alerts
// through a StoreReader (shared with the alert list: one worker thread, a channel each). It takes
// no window: the desk window docks the panels, a wall screen may place them differently.
class SensorWorkspace : public QObject {
    Q_OBJECT
public:
    explicit SensorWorkspace(LayerStack *layers, QObject *parent = nullptr);
    ~SensorWorkspace() override;

    // Starts the hub as soon as the province's sites are in the layers (now, or when they
    // arrive): the configured broker, else the simulator seeding sample history. storeSpec:
    // "sqlite:PATH", empty for the user's own store. Only the first call counts.
    void start(const QString &storeSpec);
    // Stops the feed and commits what it delivered. Safe to call twice.
    void stop();

    bool isStarted() const { return mStarted; }
    // nullptr before start().
    SensorHub *hub() const { return mHub; }
    // The store reads of the views (site charts, alerts); nullptr until started.
    StoreReader *reader() const { return mReader; }
    // Made with the workspace and without a parent: the layout places them (and then owns
    // them). The quality panel exists once started.
    SitePanel *sitePanel() const;
    FeedStatusLabel *feedStatus() const;
    DataQualityPanel *qualityPanel() const;

    // Settings › Sample data: the simulator feeds the sample sites only while they are shown,
    // and the status line says when it waits. May be called before start().
    void setSamplesShown(bool shown);

    // Shows the site's sensors; false (and nothing shown) before the hub started.
    bool showSite(const VectorLayer &sites, int feature);

signals:
    // The hub started (also when its store failed: the views then say why).
    void started();
    // The store cannot be opened: live and historical data cannot be shown. Comes after
    // started() when the store fails (it is opened in the background).
    void storeFailed(const QString &error);

private:
    void startHub();
    void showPaused();

    LayerStack *mLayers;
    SensorHub *mHub = nullptr;
    StoreReader *mReader = nullptr;
    QPointer<SitePanel> mSitePanel;
    QPointer<FeedStatusLabel> mFeedStatus;
    QPointer<DataQualityPanel> mQualityPanel;
    QMetaObject::Connection mWaitForSites;
    bool mStarted = false;
    bool mSamplesShown = true;
};

} // namespace dv
