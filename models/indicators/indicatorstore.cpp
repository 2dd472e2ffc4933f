// Where county indicator values live, with every revision kept: one interface, SQLite first.
#include "indicatorstore.h"

#include "storeregistry.h"
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

std::optional<bool> IndicatorStore::ensureSampleDataIfOwn(
    IndicatorStore &store, const QString &spec, QString *error)
{
    if (StoreSpec::isServer(spec))
        return false;
    return store.ensureSampleData(error);
}

std::unique_ptr<IndicatorStore> IndicatorStore::create(const QString &spec, QString *error)
{
    return StoreRegistry::instance().openIndicatorStore(spec, error);
}

} // namespace dv
