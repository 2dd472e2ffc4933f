// What a site store refuses before writing anything, on either backend.
#pragma once

#include "site.h"
#include "sitetype.h"

#include <QCoreApplication>

namespace dv {

// SqliteSiteStore and PostgresSiteStore refuse the same type or sites with the same words: the
// checks live here once. Each answers why the write is refused, or an empty string.
class SiteStoreCheck {
    Q_DECLARE_TR_FUNCTIONS(dv::SiteStoreCheck)
public:
    // A new type's own form: an id of lower-case letters, digits and _, and a Chinese name.
    // Apart from typeTaken() so a store reads its types only for a well-formed one.
    static QString typeForm(const SiteType &type);
    // A new type whose id or Chinese name one of known already has.
    static QString typeTaken(const SiteType &type, const std::vector<SiteType> &known);
    // Sites to save: an empty id or one with "/" (it is a topic part), a site given twice, a
    // type not among known. Names the first site at fault.
    static QString sites(const std::vector<Site> &sites, const std::vector<SiteType> &known);
};

} // namespace dv
