// The names rules are shown by: shipped rules in the user's language, the office's own as stored.
#pragma once

#include <QString>

namespace dv {

struct AlertRecord;
class AlertRule;

// A store keeps its rule book (and each alert the rule name it was raised under) in the
// language of the first start, so the rules dvdash ships with are named by their id instead:
// switching the language switches their names. A rule the office created, or a shipped rule it
// renamed, keeps the name it was given. Every view, report and export that names a rule asks
// here. Safe on any thread.
class RuleNames {
public:
    // Whether dvdash ships a rule with this id (RuleBook::defaults()).
    static bool isShipped(const QString &ruleId);
    // The shipped rule's name in language ("en", "zh_CN": a report's own language), or in the
    // language installed now when language is empty or not bundled; empty for an id not shipped.
    static QString shippedName(const QString &ruleId, const QString &language = QString());
    // Whether name is what the shipped rule ruleId is called in English or in a language
    // bundled with dvdash (the stored name of a rule nobody renamed).
    static bool isShippedName(const QString &ruleId, const QString &name);
    // The name to show for a rule stored as storedName, in language as for shippedName().
    static QString display(
        const QString &ruleId, const QString &storedName, const QString &language = QString());
    static QString display(const AlertRule &rule, const QString &language = QString());
    static QString display(const AlertRecord &alert, const QString &language = QString());
};

} // namespace dv
