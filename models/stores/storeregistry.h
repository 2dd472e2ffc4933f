// Picks the store backend by the spec's scheme: "sqlite:PATH" (or a path), "postgresql://...".
#pragma once

#include "storebackend.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace dv {

// Every store a command, the window or a report opens goes through here, so a new backend is
// one registration, not an edit in every factory. The SQLite and PostgreSQL backends are always
// registered.
class StoreRegistry {
    Q_DECLARE_TR_FUNCTIONS(dv::StoreRegistry)
public:
    static StoreRegistry &instance();

    // Thread-safe only before other threads open stores (register at start-up).
    void add(std::unique_ptr<StoreBackend> backend);
    QStringList schemes() const;

    // The scheme a spec names: "sqlite" for "sqlite:PATH" and for a bare path (a Windows drive
    // letter such as C:\ is a path, not a scheme), "postgresql" for "postgresql://...".
    static QString schemeOf(const QString &spec);
    // The backend for spec, or nullptr with *error naming the scheme and the known ones.
    const StoreBackend *backendFor(const QString &spec, QString *error) const;

    std::unique_ptr<SensorStore> openSensorStore(const QString &spec, QString *error) const;
    std::unique_ptr<AlertStore> openAlertStore(const QString &spec, QString *error) const;
    std::unique_ptr<IndicatorStore> openIndicatorStore(const QString &spec, QString *error) const;
    std::unique_ptr<SiteStore> openSiteStore(const QString &spec, QString *error) const;

private:
    StoreRegistry();

    std::vector<std::unique_ptr<StoreBackend>> mBackends;
};

} // namespace dv
