// The set of early-warning rules: the shipped defaults, validation, and the JSON rule file.
#pragma once

#include "alertrule.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace dv {

// Rule file format (UTF-8 JSON):
//   {"format": "dvdash-alert-rules", "version": 2, "rules": [
//     {"id": "tea_frost_warning", "name": "Frost risk for spring buds", "kind": "threshold",
//      "metric": "air_temperature", "direction": "below", "severity": "warning",
//      "trigger": 4, "recovery": 5, "minimum_duration": "10m",
//      "scope": {"county": "520328", "site_type": "tea_garden", "site": "T0001",
//                "device": "520328/T0001/station-1"},
//      "active_hours": "08:00-18:00", "active_months": [2, 3, 4], "source": "..."}]}
// Durations are a whole number with a unit: "90s", "30m", "2h", "3d". "window" (rate rules) and
// "stale_factor" (stale rules) as their kinds need them. Unknown fields are errors, so a typing
// mistake is reported instead of silently falling back to a default. Version 1 (before active
// months) is still read: its shipped rules take their shipped months.
class RuleBook {
    Q_DECLARE_TR_FUNCTIONS(dv::RuleBook)
public:
    RuleBook() = default;
    explicit RuleBook(QVector<AlertRule> rules);

    const QVector<AlertRule> &rules() const { return mRules; }
    int size() const { return mRules.size(); }
    const AlertRule &at(int i) const { return mRules.at(i); }
    int indexOf(const QString &id) const;

    // Every problem as "rules[2].recovery: must be below the trigger for an "above" rule",
    // including duplicate ids and names; empty when the book can be used.
    QStringList validate() const;

    // Reads a rule file. On failure returns nothing and sets *error to every problem found, one
    // per line, each naming the field ("rules[2].recovery: ...") or the line and column of a
    // JSON syntax error.
    static std::optional<RuleBook> fromJson(const QByteArray &json, QString *error);
    QByteArray toJson() const;

    // The rules dvdash ships with, each with a note of where its numbers come from.
    static RuleBook defaults();

    static QString durationText(qint64 ms); // "2h", "30m", "90s"
    static std::optional<qint64> parseDuration(const QString &text);
    static QString activeHoursText(const AlertRule &rule); // "08:00-18:00", empty when always

private:
    QVector<AlertRule> mRules;
};

} // namespace dv
