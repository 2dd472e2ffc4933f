// The dashboard window: map in the middle, layers on the left, the selection on the right.
#pragma once

#include "loadresult.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QSystemTrayIcon;

namespace dv {

class AlertWorkspace;
class DisplayCrs;
class FeatureInfoPanel;
class IndicatorWorkspace;
class LayerImporter;
class LayerPanel;
class LayerStack;
class MapCanvas;
class MapSearchBox;
class OverviewPanel;
class OverviewSource;
class SensorHub;
class SensorWorkspace;
class WallController;
class WallSettings;
class SiteWorkspace;

// Composes the workspaces (sensors, alerts, indicators) into the desk layout: docks, menus,
// the status bar. What the workspaces do is theirs; a wall screen composes them differently.
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
    SensorWorkspace *sensorWorkspace() const { return mSensorWorkspace; }
    // The office's sites: the map's sites layer from the registry once startSensors() ran.
    SiteWorkspace *siteWorkspace() const { return mSites; }
    QAction *sampleDataAction() const { return mSampleDataAction; }
    // nullptr before startSensors().
    SensorHub *sensors() const;
    // nullptr until the sensors started.
    AlertWorkspace *alerts() const { return mAlerts; }
    // nullptr until startIndicators() has opened the store.
    IndicatorWorkspace *indicators() const { return mIndicators; }
    // Whether a Map > projection switch is still being computed (the map shows the old one).
    bool isReprojecting() const;
    // File > Export map image without the dialog: the map as shown, at twice its pixels, as a
    // PNG written whole or not at all; rendered and written on a worker (mapImageWritten).
    void writeMapImage(const QString &path);
    // View > Wall screen: the wall on its screen (once the province is loaded); one at a time.
    void openWall(const WallSettings &settings);
    WallController *wall() const;
    // nullptr until startIndicators() has the store's spec.
    OverviewPanel *overviewPanel() const { return mOverviewPanel; }
    OverviewSource *overview() const { return mOverview; }

signals:
    void provinceLoaded();
    void sensorsStarted();
    // error is empty when the image was written.
    void mapImageWritten(const QString &path, const QString &error);

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
    void showDisplayCrs(const DisplayCrs &crs);
    void onProvinceLoaded();
    void onFeatureClicked(const QString &layerId, int feature);
    void zoomToLayer(const QString &layerId);
    void connectCountySummary();
    void onSensorsStarted();
    void createAlertViews();
    void createOverview();
    void restoreWindowState();
    void saveWindowState() const;

    static constexpr const char *kGeometryKey = "window/geometry";
    static constexpr const char *kStateKey = "window/state";

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
    QAction *mSampleDataAction = nullptr;
    QAction *mSitesAction = nullptr;
    SiteWorkspace *mSites;
    QFutureWatcher<LoadResult> mProvinceWatcher;
    QFutureWatcher<QString> mExportWatcher; // the error, empty when written
    QString mExportPath;
    QString mCrsMessage; // "Projecting…" while a switch runs
    SensorWorkspace *mSensorWorkspace;
    QDockWidget *mSiteDock;
    QDockWidget *mQualityDock = nullptr;
    QMenu *mViewMenu = nullptr;
    AlertWorkspace *mAlerts = nullptr;
    QDockWidget *mAlertDock = nullptr;
    QLabel *mAlertCount;
    QSystemTrayIcon *mTray = nullptr;
    QString mIndicatorSpec;
    IndicatorWorkspace *mIndicators = nullptr;
    QAction *mImportIndicatorsAction = nullptr;
    QAction *mExportIndicatorsAction = nullptr;
    QAction *mIndicatorRevisionsAction = nullptr;
    OverviewSource *mOverview = nullptr;
    OverviewPanel *mOverviewPanel = nullptr;
    QDockWidget *mOverviewDock = nullptr;
    QPointer<WallController> mWall;
};

} // namespace dv
