// The dashboard window: map in the middle, layers on the left, the selection on the right.
#pragma once

#include "loadresult.h"

#include <QFutureWatcher>
#include <QHash>
#include <QMainWindow>
#include <QSet>

#include <memory>

class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QSystemTrayIcon;
class QTimer;

namespace dv {

class AlertPanel;
class AlertTableModel;
class DataQualityPanel;
class FeatureInfoPanel;
class FeedStatusLabel;
class IndicatorWorkspace;
class LayerImporter;
class LayerPanel;
class LayerStack;
class MapCanvas;
class MapSearchBox;
class SensorHub;
class SitePanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Reads the bundled province data on a worker thread; the window shows meanwhile.
    void loadProvinceData();
    void addLayers(const QStringList &paths);
    // Starts the live feed (the configured broker, else the simulator) into the store once
    // the sample sites are loaded. storeSpec: "sqlite:PATH", empty for the user's own store.
    void startSensors(const QString &storeSpec);
    // Opens the county indicators in the store (the bundled sample on first use) and shows
    // the indicator map panel. storeSpec as for startSensors.
    void startIndicators(const QString &storeSpec);

    MapCanvas *canvas() const { return mCanvas; }
    LayerStack *layers() const { return mLayers; }
    LayerImporter *importer() const { return mImporter; }
    MapSearchBox *searchBox() const { return mSearch; }
    FeatureInfoPanel *infoPanel() const { return mInfo; }
    SitePanel *sitePanel() const { return mSitePanel; }
    SensorHub *sensors() const { return mSensors; }
    DataQualityPanel *qualityPanel() const { return mQualityPanel; }
    FeedStatusLabel *feedStatus() const { return mFeedStatus; }
    AlertPanel *alertPanel() const { return mAlertPanel; }
    // nullptr until startIndicators() has opened the store.
    IndicatorWorkspace *indicators() const { return mIndicators; }
    AlertTableModel *alertModel() const { return mAlertModel; }
    // Reads the alerts again (also done shortly after the engine reports changes).
    void reloadAlerts();

signals:
    void provinceLoaded();
    void sensorsStarted();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void addLayerDialog();
    void exportMapImage();
    void openSettings();
    void showAbout();
    void setDisplayCrs(const QString &id);
    void onProvinceLoaded();
    void onFeatureClicked(const QString &layerId, int feature);
    void zoomToLayer(const QString &layerId);
    void startSensorHub();
    void createAlertViews();
    void notifyNewCriticalAlerts(const QSet<quint64> &wasOpen);
    void updateAlertMarkers();
    void editAlertRules();

    LayerStack *mLayers;
    MapCanvas *mCanvas;
    LayerPanel *mLayerPanel;
    FeatureInfoPanel *mInfo;
    MapSearchBox *mSearch;
    LayerImporter *mImporter;
    QLabel *mCoordinates;
    QLabel *mScale;
    QLabel *mCrsLabel;
    QActionGroup *mCrsGroup = nullptr;
    QAction *mLabelsAction = nullptr;
    QAction *mRulesAction = nullptr;
    QFutureWatcher<LoadResult> mProvinceWatcher;
    SensorHub *mSensors = nullptr;
    SitePanel *mSitePanel;
    QDockWidget *mSiteDock;
    DataQualityPanel *mQualityPanel = nullptr;
    QDockWidget *mQualityDock = nullptr;
    FeedStatusLabel *mFeedStatus;
    QMenu *mViewMenu = nullptr;
    AlertTableModel *mAlertModel = nullptr;
    AlertPanel *mAlertPanel = nullptr;
    QDockWidget *mAlertDock = nullptr;
    QLabel *mAlertCount;
    QTimer *mAlertReload = nullptr;
    bool mShowResolvedAlerts = false;
    QSystemTrayIcon *mTray = nullptr;
    QString mIndicatorSpec;
    IndicatorWorkspace *mIndicators = nullptr;
    QAction *mImportIndicatorsAction = nullptr;
    QAction *mExportIndicatorsAction = nullptr;
    QAction *mIndicatorRevisionsAction = nullptr;
    QHash<QString, int> mSiteFeatures; // site id -> feature in the sites layer
    QHash<QString, int> mCountyFeatures; // county code -> feature in the counties layer
};

} // namespace dv
