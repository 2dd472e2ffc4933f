// Reads a file of sites (CSV, XLSX, ODS, GeoPackage, Shapefile, GeoJSON, KML) into a preview.
#pragma once

#include "countylocator.h"
#include "site.h"
#include "siteimportpreview.h"
#include "sitetype.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <memory>
#include <optional>
#include <vector>

namespace dv {

class SiteStore;

// Columns match by English or Chinese names (id/编号, type/类型, name/名称, county/区县,
// township/乡镇, lon/经度, lat/纬度, contact/联系人, status/状态 and the type attributes
// area_mu/面积, variety/品种, sow_count/母猪存栏, doctors/医生数, telemedicine/远程医疗终端);
// types by id, Chinese or English name (茶园, 生猪养殖场, 村卫生室). A spatial file gives the
// location by its geometry in any CRS PROJ knows; lon/lat without a CRS are taken as CGCS2000
// (EPSG:4490) with a notice. Every row is checked; a single problem stops the whole file.
class SiteImporter {
    Q_DECLARE_TR_FUNCTIONS(dv::SiteImporter)
public:
    // Larger files are refused before their rows are read.
    static constexpr int kMaxRows = 200000;

    struct Options {
        // A registered site with devices may change type only when the user confirms it (its
        // readings' alert rules change with it).
        bool confirmTypeChange = false;
    };

    // existing: the registry's current sites (re-import updates by id); sampleIds: the bundled
    // sample sites' ids, which imported sites may not take.
    SiteImporter(std::shared_ptr<const CountyLocator> counties, std::vector<SiteType> types,
        const std::vector<Site> &existing, QSet<QString> sampleIds);

    SiteImportPreview preview(const QString &path, const Options &options) const;
    SiteImportPreview preview(const QString &path) const { return preview(path, Options()); }
    // Writes a preview without problems as one revision and returns its id; refuses (writing
    // nothing) a preview with problems.
    static std::optional<qint64> commit(
        const SiteImportPreview &preview, SiteStore &store, QString *error);

private:
    std::shared_ptr<const CountyLocator> mCounties;
    std::vector<SiteType> mTypes;
    QHash<QString, Site> mExisting;
    QSet<QString> mSampleIds;
};

} // namespace dv
