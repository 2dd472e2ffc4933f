// China time (UTC+8 all year, no daylight saving): the one way the dashboard shows and buckets
// times.
#include "chinatime.h"

#include "intmath.h"

namespace dv {

const QTimeZone &ChinaTime::zone()
{
    static const QTimeZone china = [] {
        QTimeZone named("Asia/Shanghai");
        return named.isValid() ? named : QTimeZone(static_cast<int>(kOffsetMs / kSecondMs));
    }();
    return china;
}

QDateTime ChinaTime::dateTime(qint64 msUtc)
{
    return QDateTime::fromMSecsSinceEpoch(msUtc, zone());
}

qint64 ChinaTime::toUtcMs(const QDate &date, const QTime &time)
{
    return QDateTime(date, time, zone()).toMSecsSinceEpoch();
}

QString ChinaTime::isoText(qint64 msUtc)
{
    return msUtc == 0 ? QString() : dateTime(msUtc).toString(Qt::ISODate);
}

qint64 ChinaTime::dayNumber(qint64 msUtc)
{
    return floorDiv(msUtc + kOffsetMs, kDayMs);
}

int ChinaTime::minuteOfDay(qint64 msUtc)
{
    return static_cast<int>(floorMod(msUtc + kOffsetMs, kDayMs) / kMinuteMs);
}

qint64 ChinaTime::startOfDay(qint64 msUtc)
{
    return dayNumber(msUtc) * kDayMs - kOffsetMs;
}

} // namespace dv
