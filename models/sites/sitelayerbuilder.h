// Turns registry sites into the map's "sites" layer, which the map, search and hit tester read.
#pragma once

#include "site.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace dv {

class VectorLayer;

// The layer keeps the bundled layer's fields (site_id, type, name, county_code, county_name,
// township, the type attributes, sample) so the site panel, alert markers and search work on
// registered sites exactly as on the samples; "sample" is 1 on sample sites and null on the
// office's own, which is what puts the 示例数据 label on the former only.
class SiteLayerBuilder {
    Q_DECLARE_TR_FUNCTIONS(dv::SiteLayerBuilder)
public:
    static QStringList fieldNames();
    // The sites the map shows: the registered active sites with a location, then the samples
    // (when shown) whose id no registered site takes.
    static std::vector<Site> visibleSites(
        const std::vector<Site> &registered, const std::vector<Site> &samples, bool samplesShown);
    // A point layer with id "sites", role Sites and the sites style; countyNames: code -> name.
    // Any thread: it touches nothing shared.
    static std::shared_ptr<VectorLayer> build(
        const std::vector<Site> &sites, const QHash<QString, QString> &countyNames);
};

} // namespace dv
