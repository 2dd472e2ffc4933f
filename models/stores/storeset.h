// The stores one thread works with, opened from one spec on first use and closed with it.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace dv {

class AlertStore;
class IndicatorStore;
class SensorStore;
class SiteStore;

// Store objects (and their connections) belong to the thread that opened them: a StoreSet is
// created, used and destroyed in one thread -- a StoreReader's worker, or a command's main.
class StoreSet {
    Q_DECLARE_TR_FUNCTIONS(dv::StoreSet)
public:
    explicit StoreSet(QString spec);
    ~StoreSet();
    StoreSet(const StoreSet &) = delete;
    StoreSet &operator=(const StoreSet &) = delete;

    QString spec() const { return mSpec; }
    // Each opens its store on first use; nullptr and *error when it cannot be opened (the next
    // call tries again, so a store that comes back is found).
    SensorStore *sensors(QString *error);
    AlertStore *alerts(QString *error);
    IndicatorStore *indicators(QString *error);
    SiteStore *sites(QString *error);

private:
    QString mSpec;
    std::unique_ptr<SensorStore> mSensors;
    std::unique_ptr<AlertStore> mAlerts;
    std::unique_ptr<IndicatorStore> mIndicators;
    std::unique_ptr<SiteStore> mSites;
};

} // namespace dv
