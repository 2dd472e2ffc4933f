// Where readings live: one interface for the embedded SQLite store and a shared PostgreSQL one.
#include "sensorstore.h"

#include "storeregistry.h"

namespace dv {

std::unique_ptr<SensorStore> SensorStore::create(const QString &spec, QString *error)
{
    return StoreRegistry::instance().openSensorStore(spec, error);
}

} // namespace dv
