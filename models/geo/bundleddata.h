// The province's own data shipped with the program: counties, prefectures, sample sites.
#pragma once

#include "loadresult.h"

#include <QCoreApplication>
#include <QString>

namespace dv {

class BundledData {
    Q_DECLARE_TR_FUNCTIONS(dv::BundledData)
public:
    // guizhou.gpkg in the program's data folder (DataPaths: share/dvdash beside the executable's
    // folder in the build tree and installed alike); a missing file names where it looked.
    static QString geopackagePath();
    // Layers with ids, roles and styles set: counties, prefectures, sites.
    static LoadResult loadProvince();
};

} // namespace dv
