// CSV for scripts and spreadsheets: quoted fields and China-time stamps, the same everywhere.
#include "csvtext.h"

#include "chinatime.h"

namespace dv {

QString CsvText::field(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString CsvText::chinaTime(qint64 msUtc)
{
    return ChinaTime::isoText(msUtc);
}

} // namespace dv
