// What a site import would write, and every problem that stops it, before anything is written.
#pragma once

#include "site.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

namespace dv {

// One reason the file cannot be imported as it is. Rows and columns count as a spreadsheet
// shows them: the header is row 1, the first column is 1 (A).
struct SiteImportProblem {
    enum class Kind {
        Unreadable, // cannot be opened, damaged, too many rows
        Empty, // no data rows
        MissingColumn, // no id column, no location (lon/lat or geometry), no type
        MissingId,
        DuplicateId, // the same id twice in the file
        SampleId, // an id the bundled sample sites use
        UnknownType,
        MissingLocation,
        BadLocation, // longitude/latitude not numbers or out of range
        OutsideGuizhou,
        UnknownCounty, // the county cell names no county
        OutsideCounty, // the location lies in another county than the one named
        NonNumeric, // an attribute that must be a number
        TypeChange, // a registered site with devices would change type (unless confirmed)
        BadStatus,
    };
    Kind kind = Kind::Unreadable;
    int row = 0; // 0: not about one row
    int column = 0; // 0: not about one column
    QString columnName;
    QString cell;
    QString detail; // one translated sentence

    // "row 5, column C (类型): unknown site type: "鱼塘"" without the file name.
    QString describe() const;
    static QString kindName(Kind kind);
};

class SiteImportPreview {
    Q_DECLARE_TR_FUNCTIONS(dv::SiteImportPreview)
public:
    QString file;
    QString encoding;
    QString crs; // as read, or the one assumed
    int rowsRead = 0;
    int newSites = 0;
    int updatedSites = 0;
    std::vector<Site> sites; // what a commit writes
    std::vector<SiteImportProblem> problems;
    QStringList notices; // not errors: the CRS assumed, columns ignored

    bool canCommit() const { return problems.empty() && !sites.empty(); }
    // One line per problem, each starting with the file name.
    QStringList problemLines() const;
    // "12 sites: 10 new, 2 updated"; translated.
    QString summary() const;
};

} // namespace dv
