// The early warnings in any layout: the alert list, its counts, the map's markers, the notice.
#pragma once

#include "alertmarkers.h"
#include "alertrecord.h"
#include "sitevisibility.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QSystemTrayIcon;
class QThread;
class QTimer;
class QWidget;

namespace dv {

class AlertPanel;
class AlertTableModel;
class LayerStack;
class MapCanvas;
class RuleBook;
class SensorHub;
class StoreReader;
class VectorLayer;

// Owns the alert list (model and panel) and what follows from it: the status text, the markers
// on the map, the notice of a new critical alert. Reads and writes go through a StoreReader, so
// the GUI thread never waits on the store. It takes no window: the desk window docks the panel,
// a wall screen may show only the markers and the count. On a shared store (PostgreSQL) it also
// listens to the server, so what other dashboards and collectors change shows within a second.
class AlertWorkspace : public QObject {
    Q_OBJECT
public:
    // reader: not owned, outlives the workspace. layers: the province's counties and sites
    // (loaded before), which give the names officials read and the features the markers use.
    AlertWorkspace(StoreReader *reader, LayerStack *layers, QObject *parent = nullptr);
    ~AlertWorkspace() override;

    // The engine's changes reload the list (twice a second at most); saved rules reach it.
    void setSensorHub(SensorHub *hub);
    // Every reload puts the markers on this canvas; nullptr for none.
    void setCanvas(MapCanvas *canvas);
    // New critical alerts are shown here (besides a beep); nullptr for none. Not owned.
    void setTrayIcon(QSystemTrayIcon *tray);

    // Which sites' alerts show (Settings › Sample data): alerts at hidden sample sites leave the
    // list, the count, the markers and the notices, and come back when the samples are shown
    // again, without reading the store. Shows everything until set.
    void setSiteVisibility(const SiteVisibility &visibility);
    const SiteVisibility &siteVisibility() const { return mVisibility; }

    // The alerts on show: those of hidden sample sites are not in it.
    AlertTableModel *model() const { return mModel; }
    // Made with the workspace and without a parent: the layout places it (and then owns it).
    AlertPanel *panel() const;
    const AlertMarkers &markers() const { return mMarkers; }
    // "No active alerts", or a link naming the count, red when one of them is critical.
    QString countText() const { return mCountText; }
    // Whether the list was read at least once.
    bool hasLoaded() const { return mLoaded; }
    // Whether changes made elsewhere reach the list as they happen: listening to a shared
    // store's server. Always false on a SQLite store (its one writer is this window's hub).
    bool isLive() const { return mLive; }

public slots:
    // Reads the list again (open alerts, or all with "show resolved"); the newest read wins.
    void reload();
    // Records who saw the alert and why, then reads the list again.
    void acknowledge(quint64 episode, const QString &who, const QString &note);
    // Reads the rules, shows the editor over dialogParent, saves what was accepted.
    void editRules(QWidget *dialogParent);

signals:
    void countTextChanged(const QString &text);
    // After each read of the list (model, count and markers are up to date).
    void reloaded();
    // An alert was double-clicked: its site (feature in the sites layer, -1 if not on the map).
    void siteActivated(const QString &siteId, int feature);
    // Critical alerts that were not open at the previous read ("rule · device" each).
    void criticalAlertsRaised(const QStringList &alerts);
    void statusMessage(const QString &text, int timeoutMs);
    // A shared store's server was reached (true) or went away (false): see isLive().
    void liveChanged(bool live);

private:
    void showAlerts(std::vector<AlertRecord> alerts);
    // Puts the alerts of shown sites in the list, the count and the markers.
    void showVisible();
    // Site names and features from the sites layer on the map, when it was rebuilt (the
    // registry's answer, Settings › Sample data).
    void nameSites();
    void notifyNewCritical(const QStringList &fresh);
    void saveRules(const RuleBook &rules, QWidget *dialogParent);
    // On a shared store: a listener on a thread of its own (connecting may take seconds).
    void listenToServer();
    void setLive(bool live);

    StoreReader *mReader;
    LayerStack *mLayers;
    AlertTableModel *mModel;
    QPointer<AlertPanel> mPanel;
    QPointer<MapCanvas> mCanvas;
    QPointer<QSystemTrayIcon> mTray;
    SensorHub *mHub = nullptr;
    QTimer *mReloadTimer;
    QThread *mListener = nullptr;
    QHash<QString, int> mSiteFeatures; // site id -> feature in the sites layer
    QHash<QString, QString> mCountyNames;
    QHash<QString, QString> mSiteNames;
    std::weak_ptr<VectorLayer> mNamedSites; // the layer mSiteFeatures numbers
    AlertMarkers mMarkers;
    SiteVisibility mVisibility;
    std::vector<AlertRecord> mRead; // the last read, hidden sites' alerts too
    QSet<quint64> mWasOpen; // open at the last read, hidden or not: none of them is news
    QString mCountText;
    bool mShowResolved = false;
    bool mLoaded = false;
    bool mLive = false;
};

} // namespace dv
