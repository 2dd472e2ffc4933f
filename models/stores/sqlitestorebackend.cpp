// The embedded store: every part (readings, alerts, indicators, sites) in one SQLite file.
#include "sqlitestorebackend.h"

#include "sqlitealertstore.h"
#include "sqliteindicatorstore.h"
#include "sqlitesensorstore.h"
#include "sqlitesitestore.h"
#include "storespec.h"

namespace dv {

namespace {

// Each part's store class takes the file; opening (and migrating its tables) is the same.
template <typename Store, typename Interface>
std::unique_ptr<Interface> openOnFile(const QString &spec, QString *error)
{
    const QString path = StoreSpec::sqlitePath(spec, error);
    if (path.isEmpty())
        return nullptr;
    auto store = std::make_unique<Store>(path, StoreSpec::accessOf(spec));
    if (!store->open(error))
        return nullptr;
    return store;
}

} // namespace

std::unique_ptr<SensorStore> SqliteStoreBackend::openSensorStore(
    const QString &spec, QString *error) const
{
    return openOnFile<SqliteSensorStore, SensorStore>(spec, error);
}

std::unique_ptr<AlertStore> SqliteStoreBackend::openAlertStore(
    const QString &spec, QString *error) const
{
    return openOnFile<SqliteAlertStore, AlertStore>(spec, error);
}

std::unique_ptr<IndicatorStore> SqliteStoreBackend::openIndicatorStore(
    const QString &spec, QString *error) const
{
    return openOnFile<SqliteIndicatorStore, IndicatorStore>(spec, error);
}

std::unique_ptr<SiteStore> SqliteStoreBackend::openSiteStore(
    const QString &spec, QString *error) const
{
    return openOnFile<SqliteSiteStore, SiteStore>(spec, error);
}

} // namespace dv
