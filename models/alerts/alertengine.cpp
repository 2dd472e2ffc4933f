// Early warnings in the writer thread: rules judged on every committed reading, alerts stored.
#include "alertengine.h"

#include "devicekey.h"
#include "metriccatalogue.h"
#include "sensorstore.h"
#include "vectorlayer.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAlerts, "dv.alerts", QtInfoMsg)

namespace dv {

namespace {
constexpr qint64 kStaleCheckMs = 60 * 1000;
// The saved state is about a kilobyte per device; a crash loses at most this much of it (an
// episode raised since may then be raised again after the restart).
constexpr qint64 kSaveStateMs = 60 * 1000;
} // namespace

AlertEngine::AlertEngine(QString storeSpec, SiteTypes siteTypes, Notify notify)
    : mSpec(std::move(storeSpec))
    , mSiteTypes(std::move(siteTypes))
    , mNotify(std::move(notify))
{
}

AlertEngine::~AlertEngine() = default;

AlertEngine::SiteTypes AlertEngine::siteTypesOf(const VectorLayer &sites)
{
    SiteTypes types;
    const FeatureTable &t = sites.table();
    for (int f = 0; f < sites.featureCount(); ++f)
        types.insert(t.text(f, QStringLiteral("site_id")), t.text(f, QStringLiteral("type")));
    return types;
}

void AlertEngine::storeOpened(SensorStore &store)
{
    mStore = AlertStore::create(mSpec, &mError);
    if (!mStore) {
        qCWarning(lcAlerts) << mError;
        return;
    }
    std::optional<RuleBook> rules = mStore->rules(&mError);
    if (!rules) {
        if (!mError.isEmpty()) {
            qCWarning(lcAlerts) << mError;
            mStore.reset();
            return;
        }
        // A new store starts with the shipped rules, saved so they can be seen and edited.
        rules = RuleBook::defaults();
        if (!mStore->saveRules(*rules, &mError))
            qCWarning(lcAlerts) << mError;
    }
    mSensorStore = &store;
    // Without a registry the engine still judges the sample sites; the reason is logged.
    QString siteError;
    mSites = SiteStore::create(mSpec, &siteError);
    if (!mSites)
        qCWarning(lcAlerts) << siteError;
    refreshSiteTypes();
    QByteArray state;
    if (const auto saved = mStore->evaluatorState(&mError))
        state = *saved;
    applyRules(*rules);
    if (!state.isEmpty() && !mEvaluator->restoreState(state, &mError))
        qCWarning(lcAlerts) << "alert state not restored:" << mError;
}

// A new evaluator for the rules, with every known device added.
void AlertEngine::applyRules(const RuleBook &rules)
{
    mEvaluator = std::make_unique<AlertEvaluator>(rules);
    // Silence while the dashboard itself was away is not the devices' fault.
    mEvaluator->setFeedStart(QDateTime::currentMSecsSinceEpoch());
    mHandles.clear();
    mOfficeDeviceKeys.clear();
    mNotedMetrics.clear();
    QString error;
    if (const auto devices = mSensorStore->devices(QString(), &error)) {
        for (const DeviceEntry &d : *devices)
            handleFor(*mSensorStore, d.id);
    }
}

int AlertEngine::handleFor(SensorStore &store, quint32 storeDevice)
{
    if (auto it = mHandles.constFind(storeDevice); it != mHandles.constEnd())
        return *it;
    // A device registered since: look its key up once.
    QString error;
    const auto devices = store.devices(QString(), &error);
    if (!devices)
        return -1;
    int found = -1;
    for (const DeviceEntry &d : *devices) {
        if (mHandles.contains(d.id))
            continue;
        const QString county = DeviceKey::county(d.key);
        const QString site = DeviceKey::site(d.key);
        // A device of a site that is not a sample joins the registry (under a site of unknown
        // type when the office has not registered it yet), once per engine run.
        if (mSites && !mSiteTypes.contains(site) && !mDeviceSiteType.contains(d.id)) {
            QString noteError;
            if (!mSites->noteDevice(
                    site, county, DeviceKey::device(d.key), QString(), &noteError))
                qCWarning(lcAlerts) << noteError;
        }
        const QString type = mRegistered.value(site, mSiteTypes.value(site));
        const int handle = mEvaluator->addDevice(d.key, type);
        mEvaluator->bindStoreDevice(d.id, handle);
        mHandles.insert(d.id, handle);
        mDeviceSiteType.insert(d.id, type);
        const bool sample = mSiteTypes.contains(site);
        if (handle >= 0) {
            if (std::size_t(handle) >= mOfficeDeviceKeys.size()) {
                mOfficeDeviceKeys.resize(std::size_t(handle) + 1);
                mNotedMetrics.resize(std::size_t(handle) + 1);
            }
            mOfficeDeviceKeys[std::size_t(handle)] = sample ? QString() : d.key;
        }
        if (!sample && !mRegistered.contains(site) && mUnregistered
            && !mReportedUnregistered.contains(d.id)) {
            mReportedUnregistered.insert(d.id);
            mUnregistered(d.key);
        }
        if (d.id == storeDevice)
            found = handle;
    }
    return found;
}

void AlertEngine::committed(SensorStore &store, const std::vector<Reading> &readings)
{
    if (!mEvaluator || !mStore)
        return;
    // One small query a batch: a farm registered a moment ago judges this batch already.
    refreshSiteTypes();
    for (const Reading &r : readings) {
        const int handle = handleFor(store, r.device);
        if (handle >= 0) {
            mEvaluator->evaluate(handle, r, mPending);
            if (mSites && !mNotedMetrics[std::size_t(handle)].test(r.metric))
                noteMetric(handle, r.metric);
        }
    }
    if (!mMetricNotes.empty()) {
        QString error;
        if (!mSites->noteMetrics(mMetricNotes, &error))
            qCWarning(lcAlerts) << error;
        mMetricNotes.clear();
    }
    recordAndNotify();
}

void AlertEngine::tick(qint64 now, bool stopping)
{
    if (!mEvaluator || !mStore)
        return;
    if (mReloadRules.exchange(false)) {
        if (const auto rules = mStore->rules(&mError)) {
            // Open episodes, baselines and stale clocks are keyed by rule id: they carry over.
            const QByteArray state = mEvaluator->saveState();
            applyRules(*rules);
            if (!mEvaluator->restoreState(state, &mError))
                qCWarning(lcAlerts) << "alert state not carried over:" << mError;
            qCInfo(lcAlerts) << "alert rules reloaded:" << rules->size();
        } else {
            qCWarning(lcAlerts) << mError;
        }
    }
    refreshSiteTypes();
    if (now - mLastStale >= kStaleCheckMs) {
        mLastStale = now;
        mEvaluator->checkStale(now, mPending);
        recordAndNotify();
    }
    if (stopping || now - mLastSave >= kSaveStateMs) {
        mLastSave = now;
        if (!mStore->saveEvaluatorState(mEvaluator->saveState(), &mError))
            qCWarning(lcAlerts) << mError;
    }
    // The connection belongs to the writer thread: close it there, not in the destructor.
    if (stopping) {
        mStore.reset();
        mSites.reset();
        mEvaluator.reset();
        mSensorStore = nullptr;
    }
}

void AlertEngine::refreshSiteTypes()
{
    if (!mSites)
        return;
    QString error;
    const auto generation = mSites->generation(&error);
    if (!generation || *generation == mSiteGeneration)
        return;
    const auto types = mSites->siteTypes(&error);
    if (!types) {
        qCWarning(lcAlerts) << error;
        return;
    }
    mSiteGeneration = *generation;
    mRegistered.clear();
    // Sites of unknown type scope no rule: they must not hide a sample site's type either.
    for (auto it = types->constBegin(); it != types->constEnd(); ++it) {
        if (*it != SiteType::unknownId())
            mRegistered.insert(it.key(), *it);
    }
    if (!mEvaluator || !mSensorStore)
        return;
    bool changed = false;
    if (const auto devices = mSensorStore->devices(QString(), &error)) {
        for (const DeviceEntry &d : *devices) {
            const auto it = mDeviceSiteType.constFind(d.id);
            if (it == mDeviceSiteType.constEnd())
                continue;
            const QString site = DeviceKey::site(d.key);
            changed = changed || *it != mRegistered.value(site, mSiteTypes.value(site));
        }
    }
    if (!changed)
        return;
    // As for edited rules: episodes, baselines and stale clocks carry over by device and rule.
    const QByteArray state = mEvaluator->saveState();
    const RuleBook rules = mEvaluator->rules();
    applyRules(rules);
    if (!mEvaluator->restoreState(state, &error))
        qCWarning(lcAlerts) << "alert state not carried over:" << error;
    qCInfo(lcAlerts) << "site types changed; devices re-scoped";
}

void AlertEngine::noteMetric(int handle, int metric)
{
    mNotedMetrics[std::size_t(handle)].set(std::size_t(metric));
    const QString &key = mOfficeDeviceKeys[std::size_t(handle)];
    const MetricInfo *info = MetricCatalogue::byId(metric);
    if (key.isEmpty() || !info)
        return;
    // Written with the batch's others in one transaction, after the batch.
    mMetricNotes.push_back({ DeviceKey::site(key), DeviceKey::device(key),
        QLatin1String(info->name) });
}

void AlertEngine::recordAndNotify()
{
    if (mPending.empty())
        return;
    if (!mStore->record(mPending, mEvaluator->rules(), &mError)) {
        // Kept for the next attempt: an alert must not be lost to a busy store.
        qCWarning(lcAlerts) << mError;
        return;
    }
    if (mNotify)
        mNotify(mPending);
    mPending.clear();
}

} // namespace dv
