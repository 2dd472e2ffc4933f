// What a site store refuses before writing anything, on either backend.
#include "sitestorecheck.h"

#include <QRegularExpression>
#include <QSet>

namespace dv {

QString SiteStoreCheck::typeForm(const SiteType &type)
{
    static const QRegularExpression idForm(QStringLiteral("^[a-z][a-z0-9_]{1,31}$"));
    if (!idForm.match(type.id).hasMatch() || type.nameZh.trimmed().isEmpty())
        return tr("give an id of lower-case letters, digits and _ and a Chinese name");
    return {};
}

QString SiteStoreCheck::typeTaken(const SiteType &type, const std::vector<SiteType> &known)
{
    if (SiteType::match(known, type.id) || SiteType::match(known, type.nameZh))
        return tr("the type %1 already exists").arg(type.id);
    return {};
}

QString SiteStoreCheck::sites(const std::vector<Site> &sites, const std::vector<SiteType> &known)
{
    QSet<QString> seen;
    for (const Site &s : sites) {
        if (s.id.trimmed().isEmpty() || s.id.contains(QLatin1Char('/')))
            return tr("invalid site id \"%1\"").arg(s.id);
        if (seen.contains(s.id))
            return tr("site %1 is given twice").arg(s.id);
        if (!SiteType::match(known, s.type))
            return tr("unknown site type %1").arg(s.type);
        seen.insert(s.id);
    }
    return {};
}

} // namespace dv
