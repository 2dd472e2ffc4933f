// Turns registry sites into the map's "sites" layer, which the map, search and hit tester read.
#include "sitelayerbuilder.h"

#include "featuretable.h"
#include "geometrybuffer.h"
#include "layerstyle.h"
#include "vectorlayer.h"

#include <QSet>

#include <cmath>

namespace dv {

namespace {

const char *const kAttributes[] = { "area_mu", "variety", "sow_count", "doctors", "telemedicine" };

} // namespace

QStringList SiteLayerBuilder::fieldNames()
{
    QStringList names { QStringLiteral("site_id"), QStringLiteral("type"), QStringLiteral("name"),
        QStringLiteral("county_code"), QStringLiteral("county_name"), QStringLiteral("township") };
    for (const char *a : kAttributes)
        names << QString::fromLatin1(a);
    names << QStringLiteral("contact") << QStringLiteral("sample");
    return names;
}

std::vector<Site> SiteLayerBuilder::visibleSites(
    const std::vector<Site> &registered, const std::vector<Site> &samples, bool samplesShown)
{
    std::vector<Site> out;
    QSet<QString> taken;
    for (const Site &s : registered) {
        taken.insert(s.id);
        if (s.isActive() && s.hasLocation())
            out.push_back(s);
    }
    if (samplesShown) {
        for (const Site &s : samples) {
            if (!taken.contains(s.id) && s.hasLocation())
                out.push_back(s);
        }
    }
    return out;
}

std::shared_ptr<VectorLayer> SiteLayerBuilder::build(
    const std::vector<Site> &sites, const QHash<QString, QString> &countyNames)
{
    const QStringList fields = fieldNames();
    auto table = std::make_shared<FeatureTable>(fields);
    auto points = std::make_shared<GeometryBuffer>(GeometryKind::Point);
    points->reserve(sites.size(), sites.size());
    std::vector<QVariant> row(static_cast<std::size_t>(fields.size()));
    for (const Site &s : sites) {
        std::size_t i = 0;
        row[i++] = s.id;
        row[i++] = s.type;
        row[i++] = s.name;
        row[i++] = s.county;
        row[i++] = countyNames.value(s.county);
        row[i++] = s.township.isEmpty() ? QVariant() : QVariant(s.township);
        for (const char *a : kAttributes) {
            QVariant v = s.attributes.value(QString::fromLatin1(a));
            // Counts read back as doubles (120.0) show as the whole numbers they are.
            if (v.typeId() == QMetaType::Double && v.toDouble() == std::floor(v.toDouble()))
                v = QVariant(static_cast<qlonglong>(v.toDouble()));
            row[i++] = v;
        }
        row[i++] = s.contact.isEmpty() ? QVariant() : QVariant(s.contact);
        row[i++] = s.source == Site::Source::Sample ? QVariant(1) : QVariant();
        table->appendRow(row.data(), static_cast<int>(row.size()));
        const QPointF p(s.lon, s.lat);
        points->beginFeature();
        points->addPart(&p, 1);
    }
    auto layer = std::make_shared<VectorLayer>(tr("Sites"), table, points);
    layer->setId(QStringLiteral("sites"));
    layer->setRole(LayerRole::Sites);
    layer->setStyle(LayerStyle::sites());
    return layer;
}

} // namespace dv
