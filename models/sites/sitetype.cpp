// The kinds of site: the three the province monitors, "unknown", and an office's own.
#include "sitetype.h"

#include <QHash>
#include <QRegularExpression>

namespace dv {

namespace {

QString typeKey(const QString &text)
{
    static const QRegularExpression ignored(QStringLiteral("[\\s_\\-]"));
    return text.toLower().remove(ignored);
}

} // namespace

const std::vector<SiteType> &SiteType::builtIns()
{
    static const std::vector<SiteType> types {
        { QStringLiteral("tea_garden"), QStringLiteral("茶园"), QStringLiteral("Tea garden"),
            QStringLiteral("tea"), { QStringLiteral("area_mu") }, { QStringLiteral("variety") },
            true },
        { QStringLiteral("pig_farm"), QStringLiteral("生猪养殖场"), QStringLiteral("Pig farm"),
            QStringLiteral("pig"), { QStringLiteral("sow_count") }, {}, true },
        { QStringLiteral("clinic"), QStringLiteral("村卫生室"), QStringLiteral("Village clinic"),
            QStringLiteral("clinic"), { QStringLiteral("doctors"), QStringLiteral("telemedicine") },
            {}, true },
        { unknownId(), QStringLiteral("未登记类型"), QStringLiteral("Unknown type"),
            QStringLiteral("pin"), {}, {}, true },
    };
    return types;
}

QStringList SiteType::icons()
{
    return { QStringLiteral("tea"), QStringLiteral("pig"), QStringLiteral("clinic"),
        QStringLiteral("pin") };
}

const SiteType *SiteType::match(const std::vector<SiteType> &types, const QString &text)
{
    const QString k = typeKey(text);
    if (k.isEmpty())
        return nullptr;
    for (const SiteType &t : types) {
        if (typeKey(t.id) == k || typeKey(t.nameZh) == k || typeKey(t.nameEn) == k)
            return &t;
    }
    // Common short Chinese names in offices' spreadsheets.
    static const QHash<QString, QString> aliases {
        { QStringLiteral("茶叶基地"), QStringLiteral("tea_garden") },
        { QStringLiteral("茶场"), QStringLiteral("tea_garden") },
        { QStringLiteral("养殖场"), QStringLiteral("pig_farm") },
        { QStringLiteral("猪场"), QStringLiteral("pig_farm") },
        { QStringLiteral("生猪养殖"), QStringLiteral("pig_farm") },
        { QStringLiteral("卫生室"), QStringLiteral("clinic") },
        { QStringLiteral("诊所"), QStringLiteral("clinic") },
    };
    const QString alias = aliases.value(k);
    for (const SiteType &t : types) {
        if (!alias.isEmpty() && t.id == alias)
            return &t;
    }
    return nullptr;
}

QString SiteType::displayName() const
{
    return QStringLiteral("%1 (%2)").arg(nameZh, id);
}

} // namespace dv
