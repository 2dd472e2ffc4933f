// Early warnings in the writer thread: rules judged on every committed reading, alerts stored.
#pragma once

#include "alertevaluator.h"
#include "rulebook.h"
#include "alertstore.h"
#include "sitestore.h"
#include "writerobserver.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <atomic>
#include <bitset>

#include <functional>
#include <memory>

namespace dv {

class VectorLayer;

// Judges readings against the rules and records each alert's life in the alert tables of the
// same store. Runs as the writer's observer, so the alert path costs ingest a few comparisons
// per reading and a transaction only when an alert changes. The evaluator's state is saved
// every minute and on stop, so an episode open before a restart is the same alert after it.
class AlertEngine : public WriterObserver {
public:
    // site id -> "tea_garden" / "pig_farm" / "clinic", from the sites layer.
    using SiteTypes = QHash<QString, QString>;
    // Told, in the writer thread, of transitions just recorded; keep it cheap (post a signal).
    using Notify = std::function<void(const std::vector<AlertTransition> &)>;
    // Told, in the writer thread, of a device reporting for a site that is neither a sample
    // site nor registered with a type ("520328/MYFARM/TAG7"), once per device and run.
    using UnregisteredSite = std::function<void(const QString &deviceKey)>;

    // siteTypes: the bundled sample sites' types; the store's site registry adds the office's
    // own sites (and wins for an id in both), read again whenever it changes.
    AlertEngine(QString storeSpec, SiteTypes siteTypes, Notify notify = {});
    // The type of every site in a sites layer (site_id and type fields).
    static SiteTypes siteTypesOf(const VectorLayer &sites);
    ~AlertEngine() override;

    // Problems opening the alert tables or reading the rules; the engine then stays idle and
    // ingest goes on.
    QString lastError() const { return mError; }
    // Thread-safe: the rules were edited in the store; the writer thread reads them at its next
    // tick (within a second) and carries open episodes over to the new rules by rule id.
    void reloadRules() { mReloadRules = true; }
    // True from reloadRules() until the writer thread has read the rules again.
    bool rulesReloadPending() const { return mReloadRules; }
    // Set before the writer starts.
    void setUnregisteredSiteHandler(UnregisteredSite handler)
    {
        mUnregistered = std::move(handler);
    }

    void storeOpened(SensorStore &store) override;
    void committed(SensorStore &store, const std::vector<Reading> &readings) override;
    void tick(qint64 now, bool stopping) override;

private:
    int handleFor(SensorStore &store, quint32 storeDevice);
    // Reads the registry's site types when it changed; a device whose site type changed (a farm
    // registered) gets the rules of its new type at once, its open episodes carried over.
    void refreshSiteTypes();
    SiteTypes effectiveSiteTypes() const;
    void applyRules(const RuleBook &rules);
    void recordAndNotify();
    // The registry learns which metrics an office device reports, once per device and metric
    // (queued for the batch's one transaction).
    void noteMetric(int handle, int metric);

    QString mSpec;
    SiteTypes mSiteTypes; // the sample sites'
    SiteTypes mRegistered; // the registry's active sites
    std::unique_ptr<SiteStore> mSites;
    qint64 mSiteGeneration = -1;
    QHash<quint32, QString> mDeviceSiteType; // store device number -> the type it was added with
    Notify mNotify;
    std::unique_ptr<AlertStore> mStore;
    std::unique_ptr<AlertEvaluator> mEvaluator;
    QHash<quint32, int> mHandles; // store device number -> evaluator handle
    UnregisteredSite mUnregistered;
    QSet<quint32> mReportedUnregistered;
    // By evaluator handle: the device's key when it belongs to an office's site (empty for a
    // sample site's), and the metrics already noted in the registry. A bit test per reading.
    std::vector<QString> mOfficeDeviceKeys;
    std::vector<std::bitset<256>> mNotedMetrics;
    std::vector<SiteStore::DeviceMetric> mMetricNotes; // this batch's, written after it
    std::vector<AlertTransition> mPending;
    SensorStore *mSensorStore = nullptr; // the writer's, valid in the writer thread
    std::atomic<bool> mReloadRules { false };
    qint64 mLastStale = 0;
    qint64 mLastSave = 0;
    QString mError;
};

} // namespace dv
