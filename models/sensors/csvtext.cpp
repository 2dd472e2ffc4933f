// CSV for scripts and spreadsheets: quoted fields and China-time stamps, the same everywhere.
#include "csvtext.h"

#include "chinatime.h"

#include <QRegularExpression>

namespace dv {

namespace {

bool startsLikeFormula(QStringView text)
{
    if (text.isEmpty())
        return false;
    const QChar c = text.front();
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-')
        || c == QLatin1Char('@') || c == QLatin1Char('\t') || c == QLatin1Char('\r');
}

// A whole cell that is a plain decimal number ("-3.5", "+8", "1e-3") is data, not a formula.
bool isPlainNumber(const QString &text)
{
    static const QRegularExpression number(
        QStringLiteral("^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$"));
    return number.match(text).hasMatch();
}

} // namespace

bool CsvText::looksLikeFormula(const QString &text)
{
    return startsLikeFormula(text) && !isPlainNumber(text);
}

QString CsvText::neutralised(const QString &text)
{
    return looksLikeFormula(text) ? QLatin1Char('\'') + text : text;
}

QString CsvText::unneutralised(const QString &text)
{
    if (text.size() > 1 && text.front() == QLatin1Char('\'')
        && startsLikeFormula(QStringView(text).mid(1)) && !isPlainNumber(text.mid(1)))
        return text.mid(1);
    return text;
}

QString CsvText::field(const QString &text)
{
    const bool formula = looksLikeFormula(text);
    if (!formula && !text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = formula ? QLatin1Char('\'') + text : text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString CsvText::chinaTime(qint64 msUtc)
{
    return ChinaTime::isoText(msUtc);
}

} // namespace dv
