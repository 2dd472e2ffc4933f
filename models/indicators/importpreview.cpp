// What an indicator import would write, and every problem that stops it, before anything is.
#include "importpreview.h"
#include "quotedtext.h"

#include <QDir>
#include <QLocale>

namespace dv {

QString ImportProblem::columnLetter(int column)
{
    QString letters;
    for (int c = column; c > 0; c = (c - 1) / 26)
        letters.prepend(QChar(u'A' + (c - 1) % 26));
    return letters;
}

QString ImportProblem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Unreadable:
        return ImportPreview::tr("unreadable file");
    case Kind::MissingColumn:
        return ImportPreview::tr("missing column");
    case Kind::MissingYear:
        return ImportPreview::tr("missing year");
    case Kind::UnknownColumn:
        return ImportPreview::tr("unknown column");
    case Kind::UnknownCounty:
        return ImportPreview::tr("unknown county");
    case Kind::UnknownIndicator:
        return ImportPreview::tr("unknown indicator");
    case Kind::BadYear:
        return ImportPreview::tr("invalid year");
    case Kind::NonNumeric:
        return ImportPreview::tr("not a number");
    case Kind::OutOfRange:
        return ImportPreview::tr("out of range");
    case Kind::Conflict:
        return ImportPreview::tr("conflicting values");
    case Kind::NoValues:
        return ImportPreview::tr("no values");
    }
    return {};
}

QString ImportProblem::describe() const
{
    QString where;
    if (row > 0 && column > 0)
        where = ImportPreview::tr("row %1, column %2 (%3)")
                    .arg(row)
                    .arg(columnLetter(column), QuotedText::excerpt(columnName));
    else if (row > 0)
        where = ImportPreview::tr("row %1").arg(row);
    else if (column > 0)
        where = ImportPreview::tr("column %1 (%2)")
                    .arg(columnLetter(column), QuotedText::excerpt(columnName));
    QString text = kindName(kind);
    if (!cell.isEmpty())
        text = ImportPreview::tr("%1 \"%2\"").arg(text, QuotedText::excerpt(cell));
    if (!detail.isEmpty())
        text = ImportPreview::tr("%1: %2").arg(text, detail);
    return where.isEmpty() ? text : ImportPreview::tr("%1: %2").arg(where, text);
}

QStringList ImportPreview::problemLines() const
{
    QStringList lines;
    const QString name = QDir::toNativeSeparators(file);
    for (const ImportProblem &p : problems)
        lines << tr("%1: %2").arg(name, p.describe());
    return lines;
}

QString ImportPreview::summary() const
{
    QString span;
    if (!years.isEmpty())
        span = years.first() == years.last()
            ? QString::number(years.first())
            : QStringLiteral("%1–%2").arg(years.first()).arg(years.last());
    const QString text
        = tr("%1 layout, %2: %n row(s) read, %3 matched, %4 value(s) of %5 indicator(s) for %6 "
             "county(ies), years %7",
            nullptr, rowsRead)
              .arg(layoutName(layout), encoding)
              .arg(rowsMatched)
              .arg(values.size())
              .arg(indicators.size())
              .arg(counties.size())
              .arg(span.isEmpty() ? tr("none") : span);
    if (aggregateRows == 0)
        return text;
    return tr("%1; %n province and prefecture row(s) skipped", nullptr, aggregateRows).arg(text);
}

QString ImportPreview::layoutName(Layout layout)
{
    switch (layout) {
    case Layout::Wide:
        return tr("wide");
    case Layout::Long:
        return tr("long");
    case Layout::Unknown:
        break;
    }
    return tr("unknown");
}

} // namespace dv
