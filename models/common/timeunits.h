// Milliseconds in a second, minute, hour and day: every time in the dashboard is ms since 1970 UTC.
#pragma once

#include <QtGlobal>

namespace dv {

inline constexpr qint64 kSecondMs = 1000;
inline constexpr qint64 kMinuteMs = 60 * kSecondMs;
inline constexpr qint64 kHourMs = 60 * kMinuteMs;
inline constexpr qint64 kDayMs = 24 * kHourMs;

} // namespace dv
