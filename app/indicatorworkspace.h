// The county indicators in the window: the indicator map panel, the tables dock, import, export.
#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QDockWidget;
class QMainWindow;
class QMenu;

namespace dv {

class ChoroplethControls;
class CountyDirectory;
class CountyProfile;
class IndicatorStore;
class IndicatorTableModel;
class IndicatorTableView;
class IndicatorTrendChart;
class LayerStack;
class MapCanvas;

// Owns the indicator store of the window's file and the views on it, so the main window only
// places them: the choropleth controls colour the canvas, the tables sit under the map.
class IndicatorWorkspace : public QObject {
    Q_OBJECT
public:
    IndicatorWorkspace(QMainWindow *window, MapCanvas *canvas, LayerStack *layers);
    ~IndicatorWorkspace() override;

    // Opens the store (writing the bundled sample on first use) and the bundled counties.
    bool open(const QString &storeSpec, QString *error);
    // The indicator map dock (left) and the tables dock (tabified with tabifyWith), with their
    // entries in the View menu.
    void createDocks(QDockWidget *tabifyWith, QMenu *viewMenu);

    IndicatorStore *store() const { return mStore.get(); }
    ChoroplethControls *controls() const { return mChoropleth; }
    IndicatorTableView *table() const { return mTable; }
    CountyProfile *profile() const { return mProfile; }

public slots:
    // Asks for a file, shows the importer's preview, imports only when every cell is right.
    void importFile();
    // Writes the year shown on the map as XLSX or CSV.
    void exportYear();
    // Lists the revisions (imports, the sample, restores); one can be restored as a new
    // revision, so a restore can itself be undone.
    void showRevisions();
    void reloadViews();

private:
    void createTables(QDockWidget *tabifyWith, QMenu *viewMenu);
    void refreshLists();

    QMainWindow *mWindow;
    MapCanvas *mCanvas;
    LayerStack *mLayers;
    std::unique_ptr<IndicatorStore> mStore;
    std::unique_ptr<CountyDirectory> mCounties;
    ChoroplethControls *mChoropleth = nullptr;
    IndicatorTableModel *mTableModel = nullptr;
    IndicatorTableView *mTable = nullptr;
    CountyProfile *mProfile = nullptr;
    IndicatorTrendChart *mTrendChart = nullptr;
};

} // namespace dv
