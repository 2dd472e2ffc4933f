// Writes sites to CSV (UTF-8 with BOM), XLSX or GeoPackage, in the columns an import reads back.
#pragma once

#include "site.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

namespace dv {

class SiteExporter {
    Q_DECLARE_TR_FUNCTIONS(dv::SiteExporter)
public:
    // id, type, name, county, township, lon, lat, the type attributes, contact, status, source,
    // devices, note (示例数据 on sample sites).
    static QStringList header();
    static QStringList row(const Site &site);
    // By the file's suffix: .csv, .xlsx or .gpkg; false and *error naming the file otherwise.
    static bool write(const std::vector<Site> &sites, const QString &path, QString *error);
};

} // namespace dv
