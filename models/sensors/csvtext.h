// CSV for scripts and spreadsheets: quoted fields and China-time stamps, the same everywhere.
#pragma once

#include <QString>

namespace dv {

class CsvText {
public:
    // RFC 4180: a field holding a comma, quote or line break is quoted, quotes doubled.
    static QString field(const QString &text);
    // "2026-11-22T08:00:00+08:00": China time with its offset, whatever the machine's zone;
    // empty for 0 (no time).
    static QString chinaTime(qint64 msUtc);
};

} // namespace dv
