// The province's 88 counties by code, current and former name, read from the bundled data.
#include "countydirectory.h"

#include "bundleddata.h"
#include "quietgdalerrors.h"

#include <QDir>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace dv {

namespace {

QString normalized(const QString &text)
{
    QString s = text.trimmed();
    s.remove(QLatin1Char(' '));
    s.remove(QChar(0x3000)); // ideographic space
    // Spreadsheets store codes as numbers: "520102.0".
    if (s.endsWith(QLatin1String(".0")) && s.size() == 8)
        s.chop(2);
    return s;
}

QString text(OGRFeature &f, const char *field)
{
    const int i = f.GetFieldIndex(field);
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? QString::fromUtf8(f.GetFieldAsString(i))
                                               : QString();
}

} // namespace

CountyDirectory::CountyDirectory(std::vector<County> counties, QHash<QString, CountySites> sites)
    : mCounties(std::move(counties))
    , mSites(std::move(sites))
{
    std::sort(mCounties.begin(), mCounties.end(),
        [](const County &a, const County &b) { return a.code < b.code; });
    // Former names first, so a current name always wins over someone's former one.
    for (int pass = 0; pass < 2; ++pass) {
        for (int i = 0; i < int(mCounties.size()); ++i) {
            const County &c = mCounties[i];
            if (pass == 0 && !c.formerName.isEmpty())
                mByKey.insert(normalized(c.formerName), i);
            if (pass == 1) {
                mByKey.insert(normalized(c.name), i);
                mByKey.insert(c.code, i);
            }
        }
    }
}

std::optional<CountyDirectory> CountyDirectory::loadBundled(QString *error)
{
    return load(BundledData::geopackagePath(), error);
}

std::optional<CountyDirectory> CountyDirectory::load(const QString &geopackage, QString *error)
{
    static std::once_flag registered;
    std::call_once(registered, [] { GDALAllRegister(); });
    const char *const drivers[] = { "GPKG", nullptr };
    QuietGdalErrors::Dataset ds(GDALDataset::Open(geopackage.toUtf8().constData(),
        GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    OGRLayer *counties = ds ? ds->GetLayerByName("counties") : nullptr;
    if (!counties) {
        *error = tr("%1: the bundled counties layer cannot be read")
                     .arg(QDir::toNativeSeparators(geopackage));
        return std::nullopt;
    }
    std::vector<County> list;
    const char *ignored[] = { "OGR_GEOMETRY", nullptr };
    counties->SetIgnoredFields(ignored);
    for (auto &f : *counties) {
        list.push_back({ text(*f, "code"), text(*f, "name"), text(*f, "former_name"),
            text(*f, "prefecture_code"), text(*f, "prefecture_name") });
    }
    QHash<QString, CountySites> sites;
    if (OGRLayer *layer = ds->GetLayerByName("sites")) {
        for (auto &f : *layer) {
            CountySites &s = sites[text(*f, "county_code")];
            const QString type = text(*f, "type");
            if (type == QLatin1String("tea_garden")) {
                ++s.teaGardens;
                const int i = f->GetFieldIndex("area_mu");
                s.teaGardenMu += i >= 0 ? f->GetFieldAsDouble(i) : 0.0;
            } else if (type == QLatin1String("pig_farm")) {
                ++s.pigFarms;
            } else if (type == QLatin1String("clinic")) {
                ++s.clinics;
            }
        }
    }
    return CountyDirectory(std::move(list), std::move(sites));
}

const County *CountyDirectory::byCode(const QString &code) const
{
    const auto it = mByKey.constFind(code);
    if (it == mByKey.constEnd() || mCounties[*it].code != code)
        return nullptr;
    return &mCounties[*it];
}

const County *CountyDirectory::match(const QString &text) const
{
    const auto it = mByKey.constFind(normalized(text));
    return it == mByKey.constEnd() ? nullptr : &mCounties[*it];
}

} // namespace dv
