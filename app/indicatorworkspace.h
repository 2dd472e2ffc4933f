// The county indicators in the window: the indicator map panel, the tables dock, import, export.
#pragma once

#include <QDockWidget>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>

class QTabWidget;
class QWidget;

namespace dv {

class ChoroplethControls;
class CountyDirectory;
class CountyProfile;
class IndicatorTableModel;
class IndicatorTableView;
class IndicatorTrendChart;
class LayerStack;
class MapCanvas;
class StoreReader;

// Owns the reader of the indicator store and the views on it; it takes no window: the desk
// window docks what createDocks() made, a wall screen may place the same widgets its own way.
// Every store query, the first start's sample data included, runs on the reader's worker: the
// window shows the map meanwhile and the views fill when the answers come.
class IndicatorWorkspace : public QObject {
    Q_OBJECT
public:
    IndicatorWorkspace(MapCanvas *canvas, LayerStack *layers, QObject *parent = nullptr);
    ~IndicatorWorkspace() override;

    // Reads the bundled counties and starts the reader on the store; writing the bundled sample
    // on first use runs in the background (a store that cannot be opened is reported then,
    // through statusMessage). False only when the bundled counties cannot be read.
    bool open(const QString &storeSpec, QString *error);
    // The indicator map dock and the tables dock (table, county profile, trend chart), parented
    // to parent, for the window to place; their objectName()s are kept for saved layouts.
    void createDocks(QWidget *parent);
    QDockWidget *mapDock() const { return mMapDock; }
    QDockWidget *tablesDock() const { return mTablesDock; }

    StoreReader *reader() const { return mReader; }
    // Whether the sample data check (and anything it wrote) is done.
    bool isReady() const { return mReady; }
    ChoroplethControls *controls() const { return mChoropleth; }
    IndicatorTableView *table() const { return mTable; }
    CountyProfile *profile() const { return mProfile; }
    // The bundled counties the views rank (valid after open()).
    const CountyDirectory &counties() const { return *mCounties; }
    IndicatorTrendChart *trendChart() const { return mTrendChart; }

public slots:
    // Asks for a file, shows the importer's preview, imports only when every cell is right.
    void importFile();
    // Writes the indicator table as it shows (its year, aggregate rows, the index) as XLSX or
    // CSV, asking for the file.
    void exportYear();
    // The same to a file chosen already; exported() says when it is written.
    void exportTo(const QString &path);
    // Lists the revisions (imports, the sample, restores); one can be restored as a new
    // revision, so a restore can itself be undone.
    void showRevisions();
    void reloadViews();
    // The county's profile tab, raised in the tables dock (a county summary's link).
    void showCountyProfile(const QString &countyCode);

signals:
    // For the window's status bar: timeoutMs 0 keeps it until the next message.
    void statusMessage(const QString &text, int timeoutMs);
    // An export is written (ok) or failed (its message was shown).
    void exported(const QString &path, bool ok);

private:
    void createTables(QWidget *parent);
    void refreshLists();
    // The map's values of one indicator and year: at hand, or asked for (nullopt meanwhile).
    std::optional<QHash<QString, double>> mapValues(const QString &indicatorId, int year);
    QWidget *dialogParent() const;

    MapCanvas *mCanvas;
    LayerStack *mLayers;
    StoreReader *mReader = nullptr;
    std::unique_ptr<CountyDirectory> mCounties;
    bool mReady = false;
    QHash<QString, QHash<QString, double>> mMapValues; // "indicator/year" -> by county
    QString mMapAsked; // the indicator whose years were last asked for
    QPointer<QDockWidget> mMapDock;
    QPointer<QDockWidget> mTablesDock;
    ChoroplethControls *mChoropleth = nullptr;
    IndicatorTableModel *mTableModel = nullptr;
    IndicatorTableView *mTable = nullptr;
    CountyProfile *mProfile = nullptr;
    IndicatorTrendChart *mTrendChart = nullptr;
    QTabWidget *mTabs = nullptr;
};

} // namespace dv
