// Finds the county a longitude/latitude lies in, from the bundled county boundaries.
#pragma once

#include "countydirectory.h"

#include <QCoreApplication>
#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <optional>
#include <vector>

namespace dv {

// An imported site must lie in the county it names; a site without a county gets the one its
// location is in. Boundaries are kept as rings in lon/lat with a bounding-box prefilter, so
// 10,000 look-ups take a fraction of a second.
class CountyLocator {
    Q_DECLARE_TR_FUNCTIONS(dv::CountyLocator)
public:
    // The counties layer of the bundled GeoPackage (BundledData::geopackagePath()).
    static std::optional<CountyLocator> loadBundled(QString *error);
    static std::optional<CountyLocator> load(const QString &geopackage, QString *error);

    // The code of the county containing (lon, lat) in CGCS2000; empty outside Guizhou.
    QString countyAt(double lon, double lat) const;
    // Code, current or former name -> county; nullptr when none.
    const County *match(const QString &text) const { return mDirectory.match(text); }
    const County *byCode(const QString &code) const { return mDirectory.byCode(code); }

private:
    struct Area {
        QString code;
        QRectF bounds;
        std::vector<QPolygonF> rings; // outer and inner rings of every part: even-odd inside
    };
    std::vector<Area> mAreas;
    CountyDirectory mDirectory;
};

} // namespace dv
