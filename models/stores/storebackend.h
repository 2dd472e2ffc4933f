// One kind of store (the embedded SQLite file, a shared server): opens each store interface.
#pragma once

#include "sitestore.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace dv {

class AlertStore;
class IndicatorStore;
class SensorStore;

// A backend is named by the scheme of the specs it takes ("sqlite" for "sqlite:PATH"). Each
// call returns a store object of its own, already open, for one thread at a time; nullptr
// with *error naming the spec when it cannot be opened.
class StoreBackend {
public:
    virtual ~StoreBackend() = default;

    virtual QString scheme() const = 0;
    // What a spec for this backend looks like, for messages ("sqlite:PATH").
    virtual QString specForm() const = 0;

    virtual std::unique_ptr<SensorStore> openSensorStore(
        const QString &spec, QString *error) const = 0;
    virtual std::unique_ptr<AlertStore> openAlertStore(
        const QString &spec, QString *error) const = 0;
    virtual std::unique_ptr<IndicatorStore> openIndicatorStore(
        const QString &spec, QString *error) const = 0;
    // Not pure: a backend written before the site registry (or a test's) simply has none.
    virtual std::unique_ptr<SiteStore> openSiteStore(const QString &spec, QString *error) const
    {
        *error
            = QCoreApplication::translate("dv::StoreBackend", "%1: this store has no site registry")
                  .arg(spec);
        return nullptr;
    }
};

} // namespace dv
