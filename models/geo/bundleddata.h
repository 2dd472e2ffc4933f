// The province's own data shipped with the program: counties, prefectures, sample sites.
#pragma once

#include "loadresult.h"

#include <QCoreApplication>
#include <QString>

namespace dv {

class BundledData {
    Q_DECLARE_TR_FUNCTIONS(dv::BundledData)
public:
    // share/dvdash/guizhou.gpkg beside the executable's folder (build tree and install alike),
    // or data/guizhou.gpkg next to the executable (Windows); DVDASH_DATA_DIR overrides both.
    static QString geopackagePath();
    // Layers with ids, roles and styles set: counties, prefectures, sites.
    static LoadResult loadProvince();
};

} // namespace dv
