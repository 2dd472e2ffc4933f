// The bundled sample sites (示例数据) as registry sites, so they are one source among others.
#pragma once

#include "site.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>

#include <optional>
#include <vector>

namespace dv {

class SampleSites {
    Q_DECLARE_TR_FUNCTIONS(dv::SampleSites)
public:
    // The sites layer of the bundled GeoPackage, each of source Sample.
    static std::optional<std::vector<Site>> loadBundled(QString *error);
    static std::optional<std::vector<Site>> load(const QString &geopackage, QString *error);
    static QSet<QString> ids(const std::vector<Site> &sites);
    // The label every view and export puts on sample sites.
    static QString label() { return QStringLiteral("示例数据"); }
};

} // namespace dv
