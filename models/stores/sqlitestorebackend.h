// The embedded store: every part (readings, alerts, indicators, sites) in one SQLite file.
#pragma once

#include "storebackend.h"

namespace dv {

class SqliteStoreBackend : public StoreBackend {
public:
    QString scheme() const override { return QStringLiteral("sqlite"); }
    QString specForm() const override { return QStringLiteral("sqlite:PATH"); }

    std::unique_ptr<SensorStore> openSensorStore(
        const QString &spec, QString *error) const override;
    std::unique_ptr<AlertStore> openAlertStore(const QString &spec, QString *error) const override;
    std::unique_ptr<IndicatorStore> openIndicatorStore(
        const QString &spec, QString *error) const override;
    std::unique_ptr<SiteStore> openSiteStore(const QString &spec, QString *error) const override;
};

} // namespace dv
