// A store backend for tests and benchmarks: "slow:MS:SPEC" opens SPEC's stores behind a delay.
#pragma once

#include "storebackend.h"

#include <QMutex>
#include <QString>
#include <QStringList>

namespace dv {

// Every call of a store it opens sleeps MS milliseconds first, as a round trip to a distant
// server would, and is counted; a call made on the application's (GUI) thread is recorded by
// name, so a test can assert that the window never queried the store itself -- a check that
// does not depend on how busy the machine running it is.
class DelayedStoreBackend : public StoreBackend {
public:
    QString scheme() const override { return QStringLiteral("slow"); }
    QString specForm() const override { return QStringLiteral("slow:MS:SPEC"); }

    std::unique_ptr<SensorStore> openSensorStore(
        const QString &spec, QString *error) const override;
    std::unique_ptr<AlertStore> openAlertStore(const QString &spec, QString *error) const override;
    std::unique_ptr<IndicatorStore> openIndicatorStore(
        const QString &spec, QString *error) const override;

    // Adds the backend to StoreRegistry once (call before any thread opens a store).
    static void registerOnce();
    // "slow:300:sqlite:/tmp/s.sqlite" -> 300 and "sqlite:/tmp/s.sqlite"; false when malformed.
    static bool parse(const QString &spec, int *delayMs, QString *inner, QString *error);

    // Called by the delayed stores before each call: counts it, notes a GUI-thread call, sleeps.
    static void delay(int ms, const char *call);
    static int callCount();
    // Calls made on the application's thread, and their names ("SensorStore::history", ...).
    static int guiThreadCallCount();
    static QStringList guiThreadCalls();
    static void resetCounts();
};

} // namespace dv
