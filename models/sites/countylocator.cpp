// Finds the county a longitude/latitude lies in, from the bundled county boundaries.
#include "countylocator.h"

#include "bundleddata.h"
#include "quietgdalerrors.h"

#include <QDir>

#include <ogr_geometry.h>
#include <ogrsf_frmts.h>

#include <mutex>

namespace dv {

namespace {

void addRings(const OGRPolygon &polygon, std::vector<QPolygonF> &rings)
{
    for (const OGRLinearRing *ring : polygon) {
        QPolygonF p;
        p.reserve(ring->getNumPoints());
        for (const OGRPoint &pt : *ring)
            p << QPointF(pt.getX(), pt.getY());
        rings.push_back(p);
    }
}

} // namespace

std::optional<CountyLocator> CountyLocator::loadBundled(QString *error)
{
    return load(BundledData::geopackagePath(), error);
}

std::optional<CountyLocator> CountyLocator::load(const QString &geopackage, QString *error)
{
    auto directory = CountyDirectory::load(geopackage, error);
    if (!directory)
        return std::nullopt;
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
    QuietGdalErrors quiet;
    QuietGdalErrors::Dataset ds(GDALDataset::Open(geopackage.toUtf8().constData(),
        GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    OGRLayer *layer = ds ? ds->GetLayerByName("counties") : nullptr;
    if (!layer) {
        *error = tr("%1: the county boundaries cannot be read (%2)")
                     .arg(QDir::toNativeSeparators(geopackage), QuietGdalErrors::last());
        return std::nullopt;
    }
    CountyLocator locator;
    locator.mDirectory = std::move(*directory);
    for (auto &f : *layer) {
        const OGRGeometry *g = f->GetGeometryRef();
        if (!g)
            continue;
        Area area;
        area.code = QString::fromUtf8(f->GetFieldAsString("code"));
        const OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
        if (type == wkbPolygon) {
            addRings(*g->toPolygon(), area.rings);
        } else if (type == wkbMultiPolygon) {
            for (const OGRPolygon *part : *g->toMultiPolygon())
                addRings(*part, area.rings);
        }
        for (const QPolygonF &ring : area.rings)
            area.bounds = area.bounds.isNull() ? ring.boundingRect()
                                               : area.bounds.united(ring.boundingRect());
        locator.mAreas.push_back(std::move(area));
    }
    if (locator.mAreas.empty()) {
        *error = tr("%1: the bundled data holds no county boundaries")
                     .arg(QDir::toNativeSeparators(geopackage));
        return std::nullopt;
    }
    return locator;
}

QString CountyLocator::countyAt(double lon, double lat) const
{
    const QPointF p(lon, lat);
    for (const Area &a : mAreas) {
        if (p.x() < a.bounds.left() || p.x() > a.bounds.right() || p.y() < a.bounds.top()
            || p.y() > a.bounds.bottom())
            continue;
        bool inside = false;
        for (const QPolygonF &ring : a.rings)
            inside ^= ring.containsPoint(p, Qt::OddEvenFill);
        if (inside)
            return a.code;
    }
    return {};
}

} // namespace dv
