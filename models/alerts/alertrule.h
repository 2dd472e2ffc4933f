// One early-warning rule as users edit it: what to watch, when to raise, when to clear, where.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVector>

#include <optional>

namespace dv {

// Where a rule applies. Every non-empty field must match; an empty scope matches every device.
struct AlertScope {
    QString countyCode; // "520328"
    QString siteType; // "tea_garden", "pig_farm" or "clinic"
    QString siteId; // "T0001"
    QString deviceKey; // "520328/T0001/station-1", as in the MQTT topic

    bool isEmpty() const;
    // deviceKey is "county/site/device"; siteType is the site's type from the sites layer.
    bool matches(const QString &deviceKey, const QString &siteType) const;
};

// A problem with one field of a rule; field is the JSON name ("recovery", "scope.site_type").
struct RuleIssue {
    QString field;
    QString message;
};

// A rule compares a judged quantity with a trigger and a recovery threshold. The quantity is the
// reading itself (Threshold), its change against the lowest (highest, for "below") level within
// the window (RateOfChange), or its difference from the device's own median at this hour of the
// day over the last seven days (BaselineDeviation). trigger and recovery are in the metric's
// unit. Stale and SensorFault rules have no thresholds.
class AlertRule {
    Q_DECLARE_TR_FUNCTIONS(dv::AlertRule)
public:
    enum Kind { Threshold, RateOfChange, BaselineDeviation, Stale, SensorFault };
    enum Direction { Above, Below };
    enum Severity { Warning, Critical };

    static constexpr int kMinutesPerDay = 24 * 60;

    QString id; // stable key for saved state and files: letters, digits, '_', '-', '.'
    QString name; // shown to users
    Kind kind = Threshold;
    Direction direction = Above;
    Severity severity = Warning;
    QString metric; // MetricInfo::name; may be empty for Stale and SensorFault ("any metric")
    double trigger = 0;
    double recovery = 0;
    qint64 minimumDurationMs = 0; // the condition must last this long before it is an alert
    qint64 windowMs = 0; // RateOfChange only
    double staleFactor = 0; // Stale only: silent for this many usual intervals
    AlertScope scope;
    // Minutes after midnight China time; new episodes start only within [from, to), which may
    // wrap past midnight. Both -1 when the rule is always active.
    int activeFromMinute = -1;
    int activeToMinute = -1;
    // Months of the year (China time) in which new episodes start: bit m-1 for month m, 0 for
    // all year. Spring-bud frost matters in the bud season, not on a December night.
    quint16 activeMonths = 0;
    QString source; // where the numbers come from, shown with the rule

    // Every problem with the rule, empty when it is usable.
    QVector<RuleIssue> validate() const;

    bool hasThresholds() const;
    bool hasActiveHours() const { return activeFromMinute >= 0; }
    bool hasActiveMonths() const { return activeMonths != 0; }
    bool isActiveInMonth(int month) const
    {
        return !hasActiveMonths()
            || (month >= 1 && month <= 12 && (activeMonths >> (month - 1)) & 1);
    }
    static constexpr quint16 kAllMonths = 0x0FFF;
    // ms is a time in ms UTC; China has one time zone and no daylight saving time.
    bool isActiveAt(qint64 ms) const;
    bool isTriggered(double quantity) const
    {
        return direction == Above ? quantity >= trigger : quantity <= trigger;
    }
    bool isRecovered(double quantity) const
    {
        return direction == Above ? quantity < recovery : quantity > recovery;
    }

    static QString kindName(Kind kind); // "threshold", "rate", "baseline", "stale", "sensor_fault"
    static std::optional<Kind> kindFromName(const QString &name);
    static QString directionName(Direction direction); // "above", "below"
    static QString severityName(Severity severity); // "warning", "critical"
    static bool isSiteType(const QString &type);
};

} // namespace dv
