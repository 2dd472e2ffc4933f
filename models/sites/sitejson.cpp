// One version of a site as the site stores' history keeps it.
#include "sitejson.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace dv {

QByteArray SiteJson::write(const Site &s)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), s.id);
    o.insert(QStringLiteral("type"), s.type);
    o.insert(QStringLiteral("name"), s.name);
    o.insert(QStringLiteral("county"), s.county);
    o.insert(QStringLiteral("township"), s.township);
    if (s.hasLocation()) {
        o.insert(QStringLiteral("lon"), s.lon);
        o.insert(QStringLiteral("lat"), s.lat);
    }
    o.insert(QStringLiteral("attributes"), QJsonObject::fromVariantMap(s.attributes));
    o.insert(QStringLiteral("contact"), s.contact);
    o.insert(QStringLiteral("status"), Site::statusKey(s.status));
    o.insert(QStringLiteral("source"), Site::sourceKey(s.source));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Site SiteJson::read(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    Site s;
    s.id = o.value(QStringLiteral("id")).toString();
    s.type = o.value(QStringLiteral("type")).toString();
    s.name = o.value(QStringLiteral("name")).toString();
    s.county = o.value(QStringLiteral("county")).toString();
    s.township = o.value(QStringLiteral("township")).toString();
    if (o.contains(QStringLiteral("lon"))) {
        s.lon = o.value(QStringLiteral("lon")).toDouble();
        s.lat = o.value(QStringLiteral("lat")).toDouble();
    }
    s.attributes = o.value(QStringLiteral("attributes")).toObject().toVariantMap();
    s.contact = o.value(QStringLiteral("contact")).toString();
    s.status = Site::statusFromKey(o.value(QStringLiteral("status")).toString())
                   .value_or(Site::Status::Active);
    s.source = Site::sourceFromKey(o.value(QStringLiteral("source")).toString())
                   .value_or(Site::Source::Entered);
    return s;
}

} // namespace dv
