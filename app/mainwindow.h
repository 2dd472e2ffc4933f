// The dashboard window: map in the middle, layers on the left, the selection on the right.
#pragma once

#include "loadresult.h"

#include <QFutureWatcher>
#include <QMainWindow>

class QActionGroup;
class QLabel;

namespace dv {

class FeatureInfoPanel;
class LayerImporter;
class LayerPanel;
class LayerStack;
class MapCanvas;
class MapSearchBox;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Reads the bundled province data on a worker thread; the window shows meanwhile.
    void loadProvinceData();
    void addLayers(const QStringList &paths);

    MapCanvas *canvas() const { return mCanvas; }
    LayerStack *layers() const { return mLayers; }
    LayerImporter *importer() const { return mImporter; }
    MapSearchBox *searchBox() const { return mSearch; }
    FeatureInfoPanel *infoPanel() const { return mInfo; }

signals:
    void provinceLoaded();

protected:
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
    QFutureWatcher<LoadResult> mProvinceWatcher;
};

} // namespace dv
