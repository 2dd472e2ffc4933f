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
class ChoroplethControls;
class CountyProfile;
class IndicatorTableModel;
class IndicatorTableView;
class IndicatorTrendChart;
class CountyDirectory;
class IndicatorStore;
class AlertTableModel;
class DataQualityPanel;
class FeatureInfoPanel;
class FeedStatusLabel;
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
    ChoroplethControls *choroplethControls() const { return mChoropleth; }
    IndicatorStore *indicatorStore() const { return mIndicators.get(); }
    IndicatorTableView *indicatorTable() const { return mIndicatorTableView; }
    CountyProfile *countyProfile() const { return mCountyProfile; }
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
    void createIndicatorViews();
    void refreshIndicatorLists();
    void createIndicatorTables();
    void importIndicators();
    void exportIndicators();

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
    std::unique_ptr<IndicatorStore> mIndicators;
    std::unique_ptr<CountyDirectory> mCounties;
    ChoroplethControls *mChoropleth = nullptr;
    IndicatorTableModel *mIndicatorTable = nullptr;
    IndicatorTableView *mIndicatorTableView = nullptr;
    CountyProfile *mCountyProfile = nullptr;
    IndicatorTrendChart *mTrendChart = nullptr;
    QDockWidget *mIndicatorTablesDock = nullptr;
    QDockWidget *mIndicatorDock = nullptr;
    QAction *mImportIndicatorsAction = nullptr;
    QAction *mExportIndicatorsAction = nullptr;
    QHash<QString, int> mSiteFeatures; // site id -> feature in the sites layer
    QHash<QString, int> mCountyFeatures; // county code -> feature in the counties layer
};

} // namespace dv
