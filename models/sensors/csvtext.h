// CSV for scripts and spreadsheets: quoted fields and China-time stamps, the same everywhere.
#pragma once

#include <QString>

namespace dv {

class CsvText {
public:
    // RFC 4180: a field holding a comma, quote or line break is quoted, quotes doubled.
    // A text a spreadsheet would run as a formula (see neutralised()) gets a leading ' and
    // quotes, as OWASP advises against CSV injection; numbers such as -3.5 stay numbers.
    static QString field(const QString &text);
    // The text, or '-prefixed when it begins with =, +, -, @, tab or carriage return and is not
    // a plain number. For writers that quote by themselves (GDAL's CSV driver).
    static QString neutralised(const QString &text);
    // True for what neutralised() prefixes.
    static bool looksLikeFormula(const QString &text);
    // A cell read back from a CSV: "'=x" as neutralised() wrote it becomes "=x" again.
    static QString unneutralised(const QString &text);
    // "2026-11-22T08:00:00+08:00": China time with its offset, whatever the machine's zone;
    // empty for 0 (no time).
    static QString chinaTime(qint64 msUtc);
};

} // namespace dv
