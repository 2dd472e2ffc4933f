// Writes sites to CSV (UTF-8 with BOM), XLSX or GeoPackage, in the columns an import reads back.
#include "siteexporter.h"

#include "csvtext.h"
#include "quietgdalerrors.h"
#include "samplesites.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <mutex>

namespace dv {

namespace {

const char *kAttributes[] = { "area_mu", "variety", "sow_count", "doctors", "telemedicine" };

} // namespace

QStringList SiteExporter::header()
{
    QStringList h { QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("name"),
        QStringLiteral("county"), QStringLiteral("township"), QStringLiteral("lon"),
        QStringLiteral("lat") };
    for (const char *a : kAttributes)
        h << QString::fromLatin1(a);
    h << QStringLiteral("contact") << QStringLiteral("status") << QStringLiteral("source")
      << QStringLiteral("devices") << QStringLiteral("note");
    return h;
}

QStringList SiteExporter::row(const Site &s)
{
    QStringList r { s.id, s.type, s.name, s.county, s.township,
        s.hasLocation() ? QString::number(s.lon, 'f', 6) : QString(),
        s.hasLocation() ? QString::number(s.lat, 'f', 6) : QString() };
    for (const char *a : kAttributes)
        r << s.attributes.value(QString::fromLatin1(a)).toString();
    QStringList devices;
    for (const SiteDevice &d : s.devices)
        devices << (d.isRetired() ? d.id + QStringLiteral(" (retired)") : d.id);
    r << s.contact << Site::statusKey(s.status) << Site::sourceKey(s.source)
      << devices.join(QLatin1Char(' '))
      << (s.source == Site::Source::Sample ? SampleSites::label() : QString());
    return r;
}

bool SiteExporter::write(const std::vector<Site> &sites, const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QString file = QDir::toNativeSeparators(path);
    if (suffix == QLatin1String("csv")) {
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly)) {
            *error = tr("%1: cannot write (%2)").arg(file, f.errorString());
            return false;
        }
        QString text = QStringLiteral("\xFEFF"); // a BOM, so spreadsheet programs read UTF-8
        QStringList fields;
        for (const QString &h : header())
            fields << CsvText::field(h);
        text += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
        for (const Site &s : sites) {
            fields.clear();
            for (const QString &c : row(s))
                fields << CsvText::field(c);
            text += fields.join(QLatin1Char(',')) + QLatin1Char('\n');
        }
        f.write(text.toUtf8());
        if (!f.commit()) {
            *error = tr("%1: cannot write (%2)").arg(file, f.errorString());
            return false;
        }
        return true;
    }
    const char *driverName = suffix == QLatin1String("xlsx") ? "XLSX"
        : suffix == QLatin1String("gpkg")                    ? "GPKG"
                                                             : nullptr;
    if (!driverName) {
        *error = tr("%1: give a .csv, .xlsx or .gpkg file").arg(file);
        return false;
    }
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
    QuietGdalErrors quiet;
    GDALDriver *driver = GetGDALDriverManager()->GetDriverByName(driverName);
    if (QFileInfo::exists(path))
        QFile::remove(path);
    QuietGdalErrors::Dataset ds(driver
            ? driver->Create(path.toUtf8().constData(), 0, 0, 0, GDT_Unknown, nullptr)
            : nullptr);
    if (!ds) {
        *error = tr("%1: cannot write (%2)").arg(file, QuietGdalErrors::last());
        return false;
    }
    OGRSpatialReference cgcs;
    cgcs.importFromEPSG(4490);
    cgcs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const bool spatial = suffix == QLatin1String("gpkg");
    OGRLayer *layer = ds->CreateLayer(
        "sites", spatial ? &cgcs : nullptr, spatial ? wkbPoint : wkbNone, nullptr);
    if (!layer) {
        *error = tr("%1: cannot write (%2)").arg(file, QuietGdalErrors::last());
        return false;
    }
    const QStringList names = header();
    for (const QString &h : names) {
        OGRFieldDefn field(h.toUtf8().constData(), OFTString);
        layer->CreateField(&field);
    }
    bool ok = layer->StartTransaction() == OGRERR_NONE || !spatial;
    for (const Site &s : sites) {
        OGRFeature feature(layer->GetLayerDefn());
        const QStringList cells = row(s);
        for (int i = 0; i < cells.size(); ++i)
            feature.SetField(i, cells.at(i).toUtf8().constData());
        if (spatial && s.hasLocation())
            feature.SetGeometry(std::make_unique<OGRPoint>(s.lon, s.lat).get());
        ok = ok && layer->CreateFeature(&feature) == OGRERR_NONE;
    }
    if (spatial)
        ok = ok && layer->CommitTransaction() == OGRERR_NONE;
    ds.reset();
    if (!ok) {
        *error = tr("%1: cannot write (%2)").arg(file, QuietGdalErrors::last());
        return false;
    }
    return true;
}

} // namespace dv
