// Where county indicator values live, with every revision kept: one interface, SQLite first.
#include "indicatorstore.h"

#include "sqliteindicatorstore.h"

#include <QCoreApplication>

namespace dv {

std::unique_ptr<IndicatorStore> IndicatorStore::create(const QString &spec, QString *error)
{
    QString path = spec;
    if (spec.startsWith(QLatin1String("sqlite:")))
        path = spec.mid(7);
    else if (spec.contains(QLatin1String("://"))) {
        *error = QCoreApplication::translate(
            "dv::IndicatorStore", "%1: unsupported store; use sqlite:PATH")
                     .arg(spec);
        return nullptr;
    }
    if (path.isEmpty()) {
        *error = QCoreApplication::translate(
            "dv::IndicatorStore", "the store needs a file: sqlite:PATH");
        return nullptr;
    }
    auto store = std::make_unique<SqliteIndicatorStore>(path);
    if (!store->open(error))
        return nullptr;
    return store;
}

} // namespace dv
