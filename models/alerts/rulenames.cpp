// The names rules are shown by: shipped rules in the user's language, the office's own as stored.
#include "rulenames.h"

#include "alertrecord.h"
#include "alertrule.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QTranslator>

#include <algorithm>

namespace dv {

namespace {

// The translation context the shipped names have always had (RuleBook's), so the existing
// translations apply.
constexpr const char *kContext = "dv::RuleBook";

struct ShippedRule {
    const char *id;
    const char *name; // English source, translated at display time
};

const ShippedRule kShipped[] = {
    { "sow_fever_baseline", QT_TRANSLATE_NOOP("dv::RuleBook", "Sow fever (above her own normal)") },
    { "sow_fever_ceiling", QT_TRANSLATE_NOOP("dv::RuleBook", "Sow fever (absolute ceiling)") },
    { "sow_barn_heat", QT_TRANSLATE_NOOP("dv::RuleBook", "Heat stress in the sow barn") },
    { "tea_frost_warning", QT_TRANSLATE_NOOP("dv::RuleBook", "Frost risk for spring buds") },
    { "tea_frost_critical", QT_TRANSLATE_NOOP("dv::RuleBook", "Frost on spring buds") },
    { "tea_drought", QT_TRANSLATE_NOOP("dv::RuleBook", "Dry soil in the tea garden") },
    { "tea_waterlogging", QT_TRANSLATE_NOOP("dv::RuleBook", "Waterlogged soil in the tea garden") },
    { "tea_heat", QT_TRANSLATE_NOOP("dv::RuleBook", "Heat stress in the tea garden") },
    { "tea_soil_acid", QT_TRANSLATE_NOOP("dv::RuleBook", "Soil too acid for tea") },
    { "tea_soil_alkaline", QT_TRANSLATE_NOOP("dv::RuleBook", "Soil not acid enough for tea") },
    { "clinic_terminal_offline", QT_TRANSLATE_NOOP("dv::RuleBook", "Clinic terminal offline") },
    { "battery_low", QT_TRANSLATE_NOOP("dv::RuleBook", "Battery low") },
    { "sensor_fault", QT_TRANSLATE_NOOP("dv::RuleBook", "Sensor fault") },
    { "device_silent", QT_TRANSLATE_NOOP("dv::RuleBook", "No data from device") },
};

const char *sourceOf(const QString &ruleId)
{
    for (const ShippedRule &r : kShipped) {
        if (ruleId == QLatin1String(r.id))
            return r.name;
    }
    return nullptr;
}

// Language ("en", "zh_CN") -> rule id -> the shipped rule's name in it: English from the
// sources, the others from the catalogues bundled in the resources (none in a program without
// them). Read once.
const QHash<QString, QHash<QString, QString>> &namesByLanguage()
{
    static const QHash<QString, QHash<QString, QString>> names = [] {
        QHash<QString, QHash<QString, QString>> out;
        for (const ShippedRule &r : kShipped)
            out[QStringLiteral("en")].insert(QLatin1String(r.id), QString::fromUtf8(r.name));
        const QDir bundled(QStringLiteral(":/i18n"));
        const QStringList catalogues
            = bundled.entryList({ QStringLiteral("dvdash_*.qm") }, QDir::Files);
        for (const QString &file : catalogues) {
            QTranslator catalogue;
            if (!catalogue.load(bundled.filePath(file)))
                continue;
            const QString language = file.mid(7).chopped(3); // dvdash_zh_CN.qm -> zh_CN
            for (const ShippedRule &r : kShipped) {
                const QString translated = catalogue.translate(kContext, r.name);
                if (!translated.isEmpty())
                    out[language].insert(QLatin1String(r.id), translated);
            }
        }
        return out;
    }();
    return names;
}

} // namespace

bool RuleNames::isShipped(const QString &ruleId)
{
    return sourceOf(ruleId) != nullptr;
}

QString RuleNames::shippedName(const QString &ruleId, const QString &language)
{
    const char *source = sourceOf(ruleId);
    if (!source)
        return {};
    if (!language.isEmpty()) {
        const QString named = namesByLanguage().value(language).value(ruleId);
        if (!named.isEmpty())
            return named;
    }
    return QCoreApplication::translate(kContext, source);
}

bool RuleNames::isShippedName(const QString &ruleId, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (!isShipped(ruleId) || trimmed.isEmpty())
        return false;
    if (trimmed == shippedName(ruleId))
        return true;
    const auto &languages = namesByLanguage();
    return std::any_of(languages.cbegin(), languages.cend(),
        [&](const QHash<QString, QString> &names) { return names.value(ruleId) == trimmed; });
}

QString RuleNames::display(
    const QString &ruleId, const QString &storedName, const QString &language)
{
    if (isShipped(ruleId) && (storedName.trimmed().isEmpty() || isShippedName(ruleId, storedName)))
        return shippedName(ruleId, language);
    return storedName.trimmed().isEmpty() ? ruleId : storedName;
}

QString RuleNames::display(const AlertRule &rule, const QString &language)
{
    return display(rule.id, rule.name, language);
}

QString RuleNames::display(const AlertRecord &alert, const QString &language)
{
    return display(alert.ruleId, alert.ruleName, language);
}

} // namespace dv
