// What an indicator import would write, and every problem that stops it, before anything is.
#pragma once

#include "indicatorstore.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace dv {

// One reason the file cannot be imported as it is. Rows and columns count as a spreadsheet
// shows them: the header is row 1, the first column is 1 (A).
struct ImportProblem {
    enum class Kind {
        Unreadable, // the file cannot be opened or read
        MissingColumn, // no county column, no value column, ...
        MissingYear, // a wide file without a year column and without --year
        UnknownColumn, // a header that is neither a known column nor an indicator
        UnknownCounty, // no county has this code, name or former name
        UnknownIndicator, // long layout: the indicator cell names no indicator
        BadYear, // not a year from 1900 to 2100
        NonNumeric, // a value cell that is not a number
        OutOfRange, // a % outside 0–100, a negative amount
        Conflict, // the same county, indicator and year twice with different values
        NoValues, // nothing to import
    };
    Kind kind = Kind::Unreadable;
    int row = 0; // 0: not about one row
    int column = 0; // 0: not about one column
    QString columnName; // the header as written
    QString cell; // the offending text
    QString detail; // one translated sentence

    // "row 5, column C (互联网普及率): not a number: "abc"" without the file name.
    QString describe() const;
    // "A", "B", ..., "Z", "AA", ...
    static QString columnLetter(int column);
    static QString kindName(Kind kind);
};

class ImportPreview {
    Q_DECLARE_TR_FUNCTIONS(dv::ImportPreview)
public:
    enum class Layout { Unknown, Wide, Long };

    QString file;
    Layout layout = Layout::Unknown;
    QString encoding; // "UTF-8", "UTF-8 with BOM", "GBK", or the spreadsheet format
    int rowsRead = 0; // data rows, header excluded, blank rows skipped
    int rowsMatched = 0; // rows whose county was recognised
    int aggregateRows = 0; // province and prefecture rows, skipped (counted in rowsRead)
    std::vector<IndicatorValue> values; // what a commit writes
    std::vector<ImportProblem> problems;
    QStringList indicators; // ids found, in column / first-seen order
    QList<int> years; // ascending
    QStringList counties; // codes found, sorted

    bool canCommit() const { return problems.empty() && !values.empty(); }
    // One line per problem, each starting with the file name.
    QStringList problemLines() const;
    // "88 rows, 88 counties matched, 1,232 values for 2019–2025"; translated.
    QString summary() const;
    static QString layoutName(Layout layout);
};

} // namespace dv
