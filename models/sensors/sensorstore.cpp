// Where readings live: one interface for the embedded SQLite store and a shared PostgreSQL one.
#include "sensorstore.h"

#include "sqlitesensorstore.h"
#include "storespec.h"

namespace dv {

std::unique_ptr<SensorStore> SensorStore::create(const QString &spec, QString *error)
{
    const QString path = StoreSpec::sqlitePath(spec, error);
    if (path.isEmpty())
        return nullptr;
    auto store = std::make_unique<SqliteSensorStore>(path);
    if (!store->open(error))
        return nullptr;
    return store;
}

} // namespace dv
