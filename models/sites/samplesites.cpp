// The bundled sample sites (示例数据) as registry sites, so they are one source among others.
#include "samplesites.h"

#include "bundleddata.h"
#include "quietgdalerrors.h"

#include <QDir>

#include <ogrsf_frmts.h>

#include <mutex>

namespace dv {

std::optional<std::vector<Site>> SampleSites::loadBundled(QString *error)
{
    return load(BundledData::geopackagePath(), error);
}

std::optional<std::vector<Site>> SampleSites::load(const QString &geopackage, QString *error)
{
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
    QuietGdalErrors quiet;
    QuietGdalErrors::Dataset ds(GDALDataset::Open(geopackage.toUtf8().constData(),
        GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    OGRLayer *layer = ds ? ds->GetLayerByName("sites") : nullptr;
    if (!layer) {
        *error = tr("%1: the sample sites cannot be read (%2)")
                     .arg(QDir::toNativeSeparators(geopackage), QuietGdalErrors::last());
        return std::nullopt;
    }
    std::vector<Site> out;
    OGRFeatureDefn *defn = layer->GetLayerDefn();
    for (auto &f : *layer) {
        Site s;
        s.id = QString::fromUtf8(f->GetFieldAsString("site_id"));
        s.type = QString::fromUtf8(f->GetFieldAsString("type"));
        s.name = QString::fromUtf8(f->GetFieldAsString("name"));
        s.county = QString::fromUtf8(f->GetFieldAsString("county_code"));
        s.township = QString::fromUtf8(f->GetFieldAsString("township"));
        s.source = Site::Source::Sample;
        for (const char *attribute :
            { "area_mu", "variety", "sow_count", "doctors", "telemedicine" }) {
            const int i = defn->GetFieldIndex(attribute);
            if (i < 0 || !f->IsFieldSetAndNotNull(i))
                continue;
            const OGRFieldType t = defn->GetFieldDefn(i)->GetType();
            s.attributes.insert(QString::fromLatin1(attribute),
                t == OFTString ? QVariant(QString::fromUtf8(f->GetFieldAsString(i)))
                               : QVariant(f->GetFieldAsDouble(i)));
        }
        if (const OGRGeometry *g = f->GetGeometryRef(); g && !g->IsEmpty()) {
            OGRPoint p;
            if (wkbFlatten(g->getGeometryType()) == wkbPoint)
                p = *g->toPoint();
            else
                g->Centroid(&p);
            // The GeoPackage stores CGCS2000 with x = longitude.
            s.lon = p.getX();
            s.lat = p.getY();
        }
        out.push_back(s);
    }
    return out;
}

QSet<QString> SampleSites::ids(const std::vector<Site> &sites)
{
    QSet<QString> out;
    for (const Site &s : sites)
        out.insert(s.id);
    return out;
}

} // namespace dv
