// Where the program's own data is: beside the executable, never at build paths or in variables.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace dv {

// One layout on every platform, the same in the build tree and once installed:
//   bin/dvdash(.exe)
//   share/dvdash/guizhou.gpkg, share/dvdash/proj/proj.db, share/dvdash/gdal/, licenses
// DVDASH_DATA_DIR names another share/dvdash for developers; users never need it.
class DataPaths {
    Q_DECLARE_TR_FUNCTIONS(dv::DataPaths)
public:
    // The folders searched for the program's data, in order.
    static QStringList dataDirectories();
    // The first folder holding relativePath (e.g. "proj/proj.db"), or empty.
    static QString find(const QString &relativePath);
    // "<what> is missing: looked in A, B": the one message for a data file that is not there.
    static QString missingMessage(const QString &relativePath);

    // Points PROJ (our own contexts and GDAL's) at the shipped proj.db and GDAL at its data
    // folder. Call once, after the application object exists and before any GDAL or PROJ use.
    // Empty when all is well, else the message naming what is missing and where it looked.
    // A proj.db only the system has (a developer's tree without the copy) is used with a log line.
    static QString configureGeoLibraries();
    // The proj.db PROJ opens now (after configureGeoLibraries), for Help > About and support.
    static QString projDatabase();

    // A folder on another computer (\\server\share, a mapped network drive; NFS or SMB on
    // Linux): SQLite's write-ahead log needs shared memory on a local disk, so a store there
    // would corrupt or fail. Empty for a local path, else the message to show.
    static QString networkPathProblem(const QString &path);
};

} // namespace dv
