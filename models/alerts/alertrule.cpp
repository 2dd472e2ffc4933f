// One early-warning rule as users edit it: what to watch, when to raise, when to clear, where.
#include "alertrule.h"

#include "chinatime.h"
#include "devicekey.h"
#include "metriccatalogue.h"

#include <QDate>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace dv {

namespace {

bool isIdCharacter(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
        || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
        || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_')
        || c == QLatin1Char('-') || c == QLatin1Char('.');
}

} // namespace

bool AlertScope::isEmpty() const
{
    return countyCode.isEmpty() && siteType.isEmpty() && siteId.isEmpty() && deviceKey.isEmpty();
}

bool AlertScope::matches(const QString &key, const QString &type) const
{
    if (!siteType.isEmpty() && siteType != type)
        return false;
    if (!deviceKey.isEmpty() && deviceKey != key)
        return false;
    if (countyCode.isEmpty() && siteId.isEmpty())
        return true;
    const QStringList parts = key.split(QLatin1Char('/'));
    if (parts.size() != 3)
        return false;
    return (countyCode.isEmpty() || countyCode == parts[0])
        && (siteId.isEmpty() || siteId == parts[1]);
}

QVector<RuleIssue> AlertRule::validate() const
{
    QVector<RuleIssue> issues;
    auto add = [&issues](const char *field, const QString &message) {
        issues.append({ QLatin1String(field), message });
    };

    if (id.isEmpty())
        add("id", tr("must not be empty"));
    else if (!std::all_of(id.begin(), id.end(), isIdCharacter) || id.size() > 64)
        add("id", tr("may only hold up to 64 letters, digits, '_', '-' and '.'"));
    if (name.trimmed().isEmpty())
        add("name", tr("must not be empty"));

    const QString kindText = kindName(kind);
    if (metric.isEmpty()) {
        if (hasThresholds())
            add("metric", tr("is required for a \"%1\" rule").arg(kindText));
    } else if (!MetricCatalogue::byName(metric)) {
        add("metric", tr("\"%1\" is not a known metric").arg(metric));
    }

    if (hasThresholds()) {
        const QString dir = directionName(direction);
        if (!std::isfinite(trigger))
            add("trigger", tr("must be a finite number"));
        if (!std::isfinite(recovery))
            add("recovery", tr("must be a finite number"));
        // A change or a deviation "above" is a rise: a trigger of zero or less would fire on
        // every steady reading.
        if (kind != Threshold && std::isfinite(trigger)) {
            if (direction == Above && trigger <= 0)
                add("trigger", tr("must be positive for an \"above\" %1 rule").arg(kindText));
            if (direction == Below && trigger >= 0)
                add("trigger", tr("must be negative for a \"below\" %1 rule").arg(kindText));
        }
        // Recovery strictly on the far side of the trigger: the gap is the hysteresis that keeps
        // a reading wobbling around the trigger from raising an alert at every wobble.
        if (std::isfinite(trigger) && std::isfinite(recovery)) {
            if (direction == Above && recovery >= trigger)
                add("recovery", tr("must be below the trigger for an \"%1\" rule").arg(dir));
            if (direction == Below && recovery <= trigger)
                add("recovery", tr("must be above the trigger for a \"%1\" rule").arg(dir));
        }
    }
    if (minimumDurationMs < 0)
        add("minimum_duration", tr("must not be negative"));
    if (kind == RateOfChange && windowMs <= 0)
        add("window", tr("must be positive for a \"rate\" rule"));
    if (kind == Stale && !(staleFactor > 1 && std::isfinite(staleFactor)))
        add("stale_factor", tr("must be greater than 1 for a \"stale\" rule"));

    if (!scope.countyCode.isEmpty()
        && (scope.countyCode.size() != 6
            || !std::all_of(scope.countyCode.begin(), scope.countyCode.end(),
                [](QChar c) { return c.isDigit(); })))
        add("scope.county", tr("\"%1\" is not a six-digit county code").arg(scope.countyCode));
    if (!scope.siteType.isEmpty() && !isSiteType(scope.siteType))
        add("scope.site_type",
            tr("\"%1\" is not one of tea_garden, pig_farm, clinic").arg(scope.siteType));
    if (!scope.deviceKey.isEmpty()) {
        if (!DeviceKey::isValid(scope.deviceKey))
            add("scope.device",
                tr("\"%1\" is not a device key such as 520328/T0001/station-1")
                    .arg(scope.deviceKey));
    }

    const bool fromSet = activeFromMinute >= 0, toSet = activeToMinute >= 0;
    if (fromSet != toSet || activeFromMinute >= kMinutesPerDay || activeToMinute >= kMinutesPerDay
        || (fromSet && activeFromMinute == activeToMinute))
        add("active_hours", tr("must be two different times of day such as 08:00-18:00"));
    if (activeMonths & ~kAllMonths)
        add("active_months", tr("must be months 1 to 12"));
    return issues;
}

bool AlertRule::hasThresholds() const
{
    return kind == Threshold || kind == RateOfChange || kind == BaselineDeviation;
}

bool AlertRule::isActiveAt(qint64 ms) const
{
    // From the China-time day number: no time-zone look-up on the evaluator's hot path.
    if (hasActiveMonths()
        && !isActiveInMonth(QDate(1970, 1, 1).addDays(ChinaTime::dayNumber(ms)).month()))
        return false;
    if (!hasActiveHours())
        return true;
    const int minute = ChinaTime::minuteOfDay(ms);
    if (activeFromMinute < activeToMinute)
        return minute >= activeFromMinute && minute < activeToMinute;
    return minute >= activeFromMinute || minute < activeToMinute;
}

QString AlertRule::kindName(Kind kind)
{
    switch (kind) {
    case Threshold:
        return QStringLiteral("threshold");
    case RateOfChange:
        return QStringLiteral("rate");
    case BaselineDeviation:
        return QStringLiteral("baseline");
    case Stale:
        return QStringLiteral("stale");
    case SensorFault:
        return QStringLiteral("sensor_fault");
    }
    return {};
}

std::optional<AlertRule::Kind> AlertRule::kindFromName(const QString &name)
{
    for (Kind k : { Threshold, RateOfChange, BaselineDeviation, Stale, SensorFault }) {
        if (kindName(k) == name)
            return k;
    }
    return std::nullopt;
}

QString AlertRule::directionName(Direction direction)
{
    return direction == Above ? QStringLiteral("above") : QStringLiteral("below");
}

QString AlertRule::severityName(Severity severity)
{
    return severity == Critical ? QStringLiteral("critical") : QStringLiteral("warning");
}

bool AlertRule::isSiteType(const QString &type)
{
    return type == QLatin1String("tea_garden") || type == QLatin1String("pig_farm")
        || type == QLatin1String("clinic");
}

} // namespace dv
