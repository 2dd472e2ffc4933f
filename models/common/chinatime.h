// China time (UTC+8 all year, no daylight saving): the one way the dashboard shows and buckets
// times.
#pragma once

#include "timeunits.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace dv {

// Devices and stores keep ms UTC; everything a user reads, and every "day" or "hour of day" a
// rule or chart means, is China time. China has kept UTC+8 without daylight saving since 1991,
// so the fixed offset and the Asia/Shanghai zone agree for every time the dashboard holds; the
// arithmetic helpers use the offset (no time-zone database look-up in hot paths).
class ChinaTime {
public:
    static constexpr qint64 kOffsetMs = 8 * kHourMs;

    // Asia/Shanghai, or a fixed UTC+8 where the system has no time-zone database (Windows
    // without ICU data).
    static const QTimeZone &zone();
    static QDateTime dateTime(qint64 msUtc);
    // A China-time wall clock (date and time as a user reads them) as ms UTC.
    static qint64 toUtcMs(const QDate &date, const QTime &time = QTime(0, 0));
    // "2026-12-01T08:00:00+08:00"; empty for 0 (no time).
    static QString isoText(qint64 msUtc);
    // Days since 1970-01-01 China time, and the minute of that day (0..1439).
    static qint64 dayNumber(qint64 msUtc);
    static int minuteOfDay(qint64 msUtc);
    // The China-time midnight at or before msUtc, as ms UTC.
    static qint64 startOfDay(qint64 msUtc);
};

} // namespace dv
