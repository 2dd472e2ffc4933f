// A store backend for tests and benchmarks: "slow:MS:SPEC" opens SPEC's stores behind a delay.
#include "delayedstorebackend.h"

#include "alertstore.h"
#include "delayedalertstore.h"
#include "delayedindicatorstore.h"
#include "delayedsensorstore.h"
#include "indicatorstore.h"
#include "sensorstore.h"
#include "storeregistry.h"

#include <QCoreApplication>
#include <QThread>

#include <atomic>

namespace dv {

namespace {

std::atomic<int> sCalls { 0 };
QMutex sGuiMutex;
QStringList sGuiCalls; // guarded by sGuiMutex

template <typename Delayed, typename Interface>
std::unique_ptr<Interface> openDelayed(const QString &spec, QString *error,
    std::unique_ptr<Interface> (StoreRegistry::*open)(const QString &, QString *) const)
{
    int ms = 0;
    QString inner;
    if (!DelayedStoreBackend::parse(spec, &ms, &inner, error))
        return nullptr;
    DelayedStoreBackend::delay(ms, "StoreBackend::open");
    auto store = (StoreRegistry::instance().*open)(inner, error);
    if (!store)
        return nullptr;
    return std::make_unique<Delayed>(std::move(store), ms);
}

} // namespace

std::unique_ptr<SensorStore> DelayedStoreBackend::openSensorStore(
    const QString &spec, QString *error) const
{
    return openDelayed<DelayedSensorStore, SensorStore>(
        spec, error, &StoreRegistry::openSensorStore);
}

std::unique_ptr<AlertStore> DelayedStoreBackend::openAlertStore(
    const QString &spec, QString *error) const
{
    return openDelayed<DelayedAlertStore, AlertStore>(spec, error, &StoreRegistry::openAlertStore);
}

std::unique_ptr<IndicatorStore> DelayedStoreBackend::openIndicatorStore(
    const QString &spec, QString *error) const
{
    return openDelayed<DelayedIndicatorStore, IndicatorStore>(
        spec, error, &StoreRegistry::openIndicatorStore);
}

void DelayedStoreBackend::registerOnce()
{
    StoreRegistry &registry = StoreRegistry::instance();
    if (!registry.schemes().contains(QStringLiteral("slow")))
        registry.add(std::make_unique<DelayedStoreBackend>());
}

bool DelayedStoreBackend::parse(const QString &spec, int *delayMs, QString *inner, QString *error)
{
    // slow:MS:SPEC
    const int first = spec.indexOf(QLatin1Char(':'));
    const int second = first < 0 ? -1 : spec.indexOf(QLatin1Char(':'), first + 1);
    bool ok = false;
    const int ms = second < 0 ? -1 : spec.mid(first + 1, second - first - 1).toInt(&ok);
    if (!ok || ms < 0 || second + 1 >= spec.size()) {
        *error = QStringLiteral("%1: expected slow:MS:SPEC").arg(spec);
        return false;
    }
    *delayMs = ms;
    *inner = spec.mid(second + 1);
    return true;
}

void DelayedStoreBackend::delay(int ms, const char *call)
{
    ++sCalls;
    const QCoreApplication *app = QCoreApplication::instance();
    if (app && QThread::currentThread() == app->thread()) {
        QMutexLocker lock(&sGuiMutex);
        sGuiCalls << QString::fromLatin1(call);
    }
    if (ms > 0)
        QThread::msleep(ulong(ms));
}

int DelayedStoreBackend::callCount()
{
    return sCalls;
}

int DelayedStoreBackend::guiThreadCallCount()
{
    QMutexLocker lock(&sGuiMutex);
    return int(sGuiCalls.size());
}

QStringList DelayedStoreBackend::guiThreadCalls()
{
    QMutexLocker lock(&sGuiMutex);
    return sGuiCalls;
}

void DelayedStoreBackend::resetCounts()
{
    sCalls = 0;
    QMutexLocker lock(&sGuiMutex);
    sGuiCalls.clear();
}

} // namespace dv
