// The shared store on a PostgreSQL/PostGIS server: "postgresql://user@host:port/db?...".
#include "postgresstorebackend.h"

#include "postgresalertstore.h"
#include "postgresindicatorstore.h"
#include "postgressensorstore.h"
#include "postgressitestore.h"

namespace dv {

namespace {

template <typename Store, typename Interface>
std::unique_ptr<Interface> openOnServer(const QString &spec, QString *error)
{
    auto store = std::make_unique<Store>(spec);
    if (!store->open(error))
        return nullptr;
    return store;
}

} // namespace

std::unique_ptr<SensorStore> PostgresStoreBackend::openSensorStore(
    const QString &spec, QString *error) const
{
    return openOnServer<PostgresSensorStore, SensorStore>(spec, error);
}

std::unique_ptr<AlertStore> PostgresStoreBackend::openAlertStore(
    const QString &spec, QString *error) const
{
    return openOnServer<PostgresAlertStore, AlertStore>(spec, error);
}

std::unique_ptr<IndicatorStore> PostgresStoreBackend::openIndicatorStore(
    const QString &spec, QString *error) const
{
    return openOnServer<PostgresIndicatorStore, IndicatorStore>(spec, error);
}

std::unique_ptr<SiteStore> PostgresStoreBackend::openSiteStore(
    const QString &spec, QString *error) const
{
    return openOnServer<PostgresSiteStore, SiteStore>(spec, error);
}

} // namespace dv
