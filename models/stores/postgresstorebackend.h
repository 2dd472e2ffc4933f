// The shared store on a PostgreSQL/PostGIS server: "postgresql://user@host:port/db?...".
#pragma once

#include "storebackend.h"

namespace dv {

// Each store object holds a libpq connection of its own (one thread each, as with SQLite);
// opening one migrates the access rules and its own part when the role may, or says what the
// data centre must run when it may not.
class PostgresStoreBackend : public StoreBackend {
public:
    QString scheme() const override { return QStringLiteral("postgresql"); }
    QString specForm() const override
    {
        return QStringLiteral("postgresql://USER@HOST:PORT/DATABASE");
    }

    std::unique_ptr<SensorStore> openSensorStore(const QString &spec, QString *error) const override;
    std::unique_ptr<AlertStore> openAlertStore(const QString &spec, QString *error) const override;
    std::unique_ptr<IndicatorStore> openIndicatorStore(
        const QString &spec, QString *error) const override;
    std::unique_ptr<SiteStore> openSiteStore(const QString &spec, QString *error) const override;
};

} // namespace dv
