// The office's sites in the window: the map's sites layer from the registry, edits with undo.
#pragma once

#include "featuresearch.h"
#include "site.h"
#include "sitetype.h"
#include "sitevisibility.h"

#include <QHash>
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

class QUndoStack;
class QWidget;

namespace dv {

class CountyDirectory;
class CountyLocator;
class LayerStack;
class MapCanvas;
class SiteEditDialog;
class SiteManagerDialog;
class StoreReader;
class VectorLayer;

// Reads the site registry (and the bundled sample sites, source Sample) through a StoreReader
// and keeps the map's "sites" layer -- and so search and the hit tester -- built from it: the
// office's active sites, plus the samples while Settings › Sample data shows them. It looks
// again when the registry's generation grows (an import on the command line, a device joining)
// and after its own writes. Every change is an Edit revision written on the reader's worker;
// additions and moves go on an undo stack. It takes no window: dialogs get the parent they are
// shown over.
class SiteWorkspace : public QObject {
    Q_OBJECT
public:
    explicit SiteWorkspace(LayerStack *layers, QObject *parent = nullptr);
    ~SiteWorkspace() override;

    // Opens the registry of the store storeSpec names ("" the user's own) and keeps the layer
    // built from it from now on. Only the first call counts.
    void start(const QString &storeSpec);
    bool isStarted() const { return mReader != nullptr; }
    // A first answer from the registry arrived.
    bool isLoaded() const { return mLoaded; }
    StoreReader *reader() const { return mReader; }
    QUndoStack *undoStack() const { return mUndo; }
    // Site moves and additions on the map; the canvas emits, this saves.
    void setCanvas(MapCanvas *canvas);

    // Settings › Sample data; the default follows whether the registry holds real sites.
    bool samplesShown() const { return mSamplesShown; }
    void setSamplesShown(bool on);
    // The rule the window's other views (alerts, counts) follow: the samples' ids once the
    // registry was read, and whether they are shown.
    SiteVisibility visibility() const;

    // The registry's sites, retired ones too (without the samples).
    const std::vector<Site> &registeredSites() const { return mRegistered; }
    const std::vector<SiteType> &types() const { return mTypes; }
    const QHash<QString, QString> &countyNames() const { return mCountyNames; }
    std::optional<Site> registeredSite(const QString &id) const;
    // The county code at a lon/lat; empty outside Guizhou or before the first answer.
    QString countyAt(const QPointF &lonLat) const;

    // Writes the site as an Edit revision; what describes it in the revision list.
    void saveSite(const Site &site, const QString &what);
    // Adds a site, undoably (Edit › Undo retires it again): what Add site here saves.
    void addSite(const Site &site);
    // Retires the site (its open alerts resolve as "site retired").
    void retireSite(const QString &id);
    // Moves a registered site, undoably (Edit › Undo puts it back); false with failed() when
    // the site is unknown or the place is outside Guizhou.
    bool moveSite(const QString &id, const QPointF &fromLonLat, const QPointF &toLonLat);
    // Writes a site's location (and the county it lies in) as an Edit revision; undo and redo
    // of a move use it.
    bool writeLocation(const QString &id, const QPointF &lonLat);
    // Records the quarantined devices ("520328/OLDNAME/TAG7") as devices of the registered
    // site, stores their readings as the site's from now on (SensorStore::routeDevice) and lets
    // their held readings in (devicesAccepted).
    void acceptDevicesIntoSite(const QStringList &deviceKeys, const QString &siteId);
    // Reads the registry again (the newest request wins).
    void reload();

    // Sites… : made once, raised when open again.
    SiteManagerDialog *showManager(QWidget *parent);
    SiteManagerDialog *manager() const;
    // Add site here: the dialog with county and location filled in, opened (not run); the site
    // is saved when it is accepted.
    SiteEditDialog *addSiteAt(const QPointF &lonLat, QWidget *parent);
    // Accept into site…: asks for one of the active registered sites.
    void chooseSiteForDevices(const QStringList &deviceKeys, QWidget *parent);

signals:
    // The layer on the map was rebuilt from a registry answer or the sample setting.
    void sitesChanged();
    // Settings › Sample data changed (by the user, or its default once the registry was read):
    // views that show or hide the samples' alerts, indicators and exports follow it.
    void samplesShownChanged(bool shown);
    void saved(const QString &message);
    void failed(const QString &error);
    // The held readings of these devices may now be stored (SensorHub::acceptDevices).
    void devicesAccepted(const QStringList &deviceKeys);

private:
    struct Answer;
    void onAnswer(const Answer &answer);
    void install(std::shared_ptr<VectorLayer> layer,
        std::shared_ptr<const FeatureSearch::LayerIndex> index, bool hasRegistered);
    void checkGeneration();
    void submitSave(const std::vector<Site> &sites, const QString &what, const QString &message);

    LayerStack *mLayers;
    QPointer<MapCanvas> mCanvas;
    StoreReader *mReader = nullptr;
    QUndoStack *mUndo;
    QTimer mPoll;
    bool mLoaded = false;
    bool mSamplesShown = true;
    bool mSamplesChosen = false; // the setting was read once the registry said what it holds
    qint64 mGeneration = -1;
    std::vector<Site> mRegistered;
    std::vector<SiteType> mTypes;
    QHash<QString, QString> mCountyNames;
    std::shared_ptr<const std::vector<Site>> mSamples;
    std::shared_ptr<const CountyLocator> mLocator;
    std::shared_ptr<VectorLayer> mInstalled; // the layer this workspace put on the map
    // A layer waiting for the province (the sites go on top of the counties).
    std::shared_ptr<VectorLayer> mPending;
    std::shared_ptr<const FeatureSearch::LayerIndex> mPendingIndex;
    bool mPendingHasRegistered = false;
    QPointer<SiteManagerDialog> mManager;
};

} // namespace dv
