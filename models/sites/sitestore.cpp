// Where the office's sites and their devices live, every import a revision: one interface.
#include "sitestore.h"

#include "storeregistry.h"

namespace dv {

QString SiteRevision::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Import:
        return QStringLiteral("import");
    case Kind::Edit:
        return QStringLiteral("edit");
    case Kind::Restore:
        return QStringLiteral("restore");
    }
    return {};
}

std::unique_ptr<SiteStore> SiteStore::create(const QString &spec, QString *error)
{
    return StoreRegistry::instance().openSiteStore(spec, error);
}

} // namespace dv
