// The stores one thread works with, opened from one spec on first use and closed with it.
#include "storeset.h"

#include "alertstore.h"
#include "indicatorstore.h"
#include "sensorstore.h"
#include "sitestore.h"

namespace dv {

StoreSet::StoreSet(QString spec)
    : mSpec(std::move(spec))
{
}

StoreSet::~StoreSet() = default;

SensorStore *StoreSet::sensors(QString *error)
{
    if (!mSensors)
        mSensors = SensorStore::create(mSpec, error);
    return mSensors.get();
}

AlertStore *StoreSet::alerts(QString *error)
{
    if (!mAlerts)
        mAlerts = AlertStore::create(mSpec, error);
    return mAlerts.get();
}

IndicatorStore *StoreSet::indicators(QString *error)
{
    if (!mIndicators)
        mIndicators = IndicatorStore::create(mSpec, error);
    return mIndicators.get();
}

SiteStore *StoreSet::sites(QString *error)
{
    if (!mSites)
        mSites = SiteStore::create(mSpec, error);
    return mSites.get();
}

} // namespace dv
