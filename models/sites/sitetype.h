// The kinds of site: the three the province monitors, "unknown", and an office's own.
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace dv {

// A site's type decides which alert rules apply (fever only on pig farms) and which attributes
// it carries. The id is what the store, the topics' rules and the CSV use.
struct SiteType {
    QString id; // tea_garden
    QString nameZh; // 茶园
    QString nameEn; // Tea garden
    QString icon; // the map symbol: "tea", "pig", "clinic", "pin"
    QStringList numericAttributes; // must be numbers when given
    QStringList textAttributes;
    bool builtIn = true;

    static QString unknownId() { return QStringLiteral("unknown"); }
    // tea_garden, pig_farm, clinic, unknown.
    static const std::vector<SiteType> &builtIns();
    // Icons an office may give its own types.
    static QStringList icons();
    // The type an id, Chinese or English name names (ignoring case, spaces and "_"), among
    // types; nullptr when none.
    static const SiteType *match(const std::vector<SiteType> &types, const QString &text);
    // "茶园 (tea_garden)" style text for messages and lists.
    QString displayName() const;
};

} // namespace dv
