// Where readings live: one interface for the embedded SQLite store and a shared PostgreSQL one.
#include "sensorstore.h"

#include "sqlitesensorstore.h"

#include <QCoreApplication>

namespace dv {

std::unique_ptr<SensorStore> SensorStore::create(const QString &spec, QString *error)
{
    QString path = spec;
    if (spec.startsWith(QLatin1String("sqlite:")))
        path = spec.mid(7);
    else if (spec.contains(QLatin1String("://"))) {
        *error = QCoreApplication::translate(
            "dv::SensorStore", "%1: unsupported store; use sqlite:PATH")
                     .arg(spec);
        return nullptr;
    }
    if (path.isEmpty()) {
        *error
            = QCoreApplication::translate("dv::SensorStore", "the store needs a file: sqlite:PATH");
        return nullptr;
    }
    auto store = std::make_unique<SqliteSensorStore>(path);
    if (!store->open(error))
        return nullptr;
    return store;
}

} // namespace dv
