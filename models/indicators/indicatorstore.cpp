// Where county indicator values live, with every revision kept: one interface, SQLite first.
#include "indicatorstore.h"

#include "sqliteindicatorstore.h"
#include "storespec.h"

namespace dv {

QString IndicatorRevision::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Import:
        return QStringLiteral("import");
    case Kind::Sample:
        return QStringLiteral("sample");
    case Kind::Restore:
        return QStringLiteral("restore");
    }
    return {};
}

std::unique_ptr<IndicatorStore> IndicatorStore::create(const QString &spec, QString *error)
{
    const QString path = StoreSpec::sqlitePath(spec, error);
    if (path.isEmpty())
        return nullptr;
    auto store = std::make_unique<SqliteIndicatorStore>(path);
    if (!store->open(error))
        return nullptr;
    return store;
}

} // namespace dv
