// Where alerts and their rules live: one interface for the embedded SQLite store and a shared one.
#include "alertstore.h"

#include "storeregistry.h"

namespace dv {

std::unique_ptr<AlertStore> AlertStore::create(const QString &spec, QString *error)
{
    return StoreRegistry::instance().openAlertStore(spec, error);
}

} // namespace dv
