// Where a chart's time axis puts its ticks and what they say: round China times, Monday weeks.
#include "timeticks.h"

#include "chinatime.h"
#include "intmath.h"
#include "timeunits.h"

#include <algorithm>
#include <iterator>

namespace dv {

qint64 TimeTicks::anchor()
{
    static const qint64 monday = ChinaTime::toUtcMs(QDate(2000, 1, 3));
    return monday;
}

qint64 TimeTicks::step(qint64 span, double plotWidth, double minSpacing)
{
    static const qint64 steps[] = { kSecondMs, 2 * kSecondMs, 5 * kSecondMs, 10 * kSecondMs,
        15 * kSecondMs, 30 * kSecondMs, kMinuteMs, 2 * kMinuteMs, 5 * kMinuteMs, 10 * kMinuteMs,
        15 * kMinuteMs, 30 * kMinuteMs, kHourMs, 2 * kHourMs, 3 * kHourMs, 6 * kHourMs,
        12 * kHourMs, kDayMs, 2 * kDayMs, 7 * kDayMs, 14 * kDayMs, 28 * kDayMs, 56 * kDayMs,
        112 * kDayMs, 364 * kDayMs };
    if (span <= 0)
        return steps[0];
    for (qint64 step : steps) {
        if (double(step) / double(span) * plotWidth >= minSpacing)
            return step;
    }
    return steps[std::size(steps) - 1];
}

qint64 TimeTicks::firstTick(qint64 from, qint64 step)
{
    const qint64 a = anchor();
    return a + (floorDiv(from - a - 1, step) + 1) * step;
}

QVector<qint64> TimeTicks::ticks(qint64 from, qint64 to, qint64 step, int maxCount)
{
    QVector<qint64> out;
    if (step <= 0 || to < from)
        return out;
    for (qint64 tick = firstTick(from, step); tick <= to && out.size() < maxCount; tick += step)
        out << tick;
    return out;
}

QString TimeTicks::label(qint64 tick, qint64 step)
{
    const QDateTime t = ChinaTime::dateTime(tick);
    if (step >= kDayMs || t.time() == QTime(0, 0))
        return t.toString(QStringLiteral("MM-dd"));
    if (step < kMinuteMs)
        return t.toString(QStringLiteral("HH:mm:ss"));
    return t.toString(QStringLiteral("HH:mm"));
}

QString TimeTicks::rangeTitle(qint64 from, qint64 to)
{
    const QString first = ChinaTime::dateTime(from).toString(QStringLiteral("yyyy-MM-dd"));
    const QString last
        = ChinaTime::dateTime(std::max(from, to - 1)).toString(QStringLiteral("yyyy-MM-dd"));
    const QString days = first == last ? first : tr("%1 to %2").arg(first, last);
    return tr("%1, China time (UTC+8)").arg(days);
}

} // namespace dv
