// Where a chart's time axis puts its ticks and what they say: round China times, Monday weeks.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QVector>

namespace dv {

// Ticks fall on multiples of a round step (1 s to 52 weeks) counted from a Monday midnight,
// China time, so they read as round times (08:00, 08:15), whole days, and weeks starting on
// Mondays, whatever the machine's zone. Shared by the window's chart and ChartPainter so both
// axes say the same thing for the same range.
class TimeTicks {
    Q_DECLARE_TR_FUNCTIONS(dv::TimeTicks)
public:
    // A Monday midnight China time (2000-01-03), ms UTC: every step counts from here.
    static qint64 anchor();
    // The smallest round step whose ticks lie at least minSpacing apart when span ms take
    // plotWidth (same unit as minSpacing); the longest step when none does.
    static qint64 step(qint64 span, double plotWidth, double minSpacing);
    // The first tick at or after from.
    static qint64 firstTick(qint64 from, qint64 step);
    // Ticks of step in [from, to], oldest first; at most maxCount.
    static QVector<qint64> ticks(qint64 from, qint64 to, qint64 step, int maxCount = 64);
    // "08:15" ("08:15:30" below a minute's step); the date "11-23" at a China midnight and for
    // steps of a day or more.
    static QString label(qint64 tick, qint64 step);
    // The widest label text: what label spacing is measured with.
    static QString widestLabel() { return QStringLiteral("00:00:00"); }
    // The axis title: "2026-11-22, China time (UTC+8)", or "2026-11-22 to 2026-11-24, China
    // time (UTC+8)"; a range ending at midnight ends on the day before.
    static QString rangeTitle(qint64 from, qint64 to);
};

} // namespace dv
