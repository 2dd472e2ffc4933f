// The wall screen's composition: the workspaces' data gathered into a rotating WallView.
#pragma once

#include "wallcontent.h"
#include "wallsettings.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <functional>
#include <memory>

class QTimer;

namespace dv {

class AlertWorkspace;
class LayerStack;
class MapCanvas;
class OverviewSource;
class ScreenProvider;
class WallRotation;
class WallView;
struct AlertRecord;

// The same workspaces as the desk in another layout: the overview (OverviewSource), the alert
// list (AlertWorkspace), the desk map's look; charts and the ranking read through the overview's
// StoreReader. A critical alert that was not open before interrupts the rotation until it is
// acknowledged (the alert list says so) or its time is up.
class WallController : public QObject {
    Q_OBJECT
public:
    // layers: the province, loaded; canvas: the desk's map, whose look (choropleth) the wall
    // takes (may be null). screens: not owned; null for the system's screens.
    WallController(const WallSettings &settings, const QString &storeSpec, LayerStack *layers,
        MapCanvas *canvas, ScreenProvider *screens = nullptr, QObject *parent = nullptr);
    ~WallController() override;

    // The alert list once the sensors run (null until then).
    void setAlerts(AlertWorkspace *alerts);
    // Shows the wall on its screen and starts the rotation.
    void show();

    WallView *view() const { return mView; }
    WallRotation *rotation() const { return mRotation; }
    OverviewSource *overview() const { return mOverview; }
    const WallSettings &settings() const { return mSettings; }
    void setClock(std::function<qint64()> clock);
    // The open alerts as if the alert list had been read (tests feed it directly).
    void showAlerts(const std::vector<AlertRecord> &alerts);

signals:
    // Esc on the wall: it closes and this object goes with it.
    void left();

private:
    void rebuild();
    // What view shows at page index (0-based) at the time now.
    WallContent compose(const QString &view, int index, qint64 now) const;
    // Has the view paint the upcoming turn ahead: soon after a turn (a presenter's next press)
    // and again a few seconds before the timer's turn, with that moment's clock.
    void prepareUpcoming();
    void schedulePrepare();
    void refreshCharts();
    void refreshRanking();
    void readInterruptChart(const AlertRecord &alert);
    QString placeName(const QString &deviceKey) const;

    WallSettings mSettings;
    LayerStack *mLayers;
    QPointer<MapCanvas> mCanvas;
    QPointer<AlertWorkspace> mAlerts;
    OverviewSource *mOverview;
    WallRotation *mRotation;
    WallView *mView;
    std::unique_ptr<ScreenProvider> mOwnScreens;
    ScreenProvider *mScreens;
    QTimer *mTick; // clock, countdown
    QTimer *mSlowTimer; // charts and ranking
    QTimer *mPrepareTimer;
    qint64 mChartsReadAt = 0; // when the charts were last asked for (mClock)
    std::function<qint64()> mClock;
    WallContent mContent;
    std::vector<AlertRecord> mOpen; // open alerts, newest first
    QSet<quint64> mSeenCritical; // critical episodes already open at an earlier read
    bool mAlertsRead = false;
    qint64 mInterruptStarted = 0;
    QHash<QString, QString> mCountyNames; // code -> name
    QHash<QString, QString> mSiteNames; // site id -> name
    QHash<QString, int> mSiteFeatures; // site id -> feature in the sites layer
    QString mClockText;
    const void *mLastChoropleth = nullptr; // the desk map's choropleth the wall shows
};

} // namespace dv
