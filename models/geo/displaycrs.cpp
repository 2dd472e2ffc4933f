// The coordinate reference systems the map can be displayed in.
#include "displaycrs.h"

namespace dv {

namespace {
const char *const kGuizhouAlbers = "dvdash:guizhou-albers";
}

DisplayCrs::DisplayCrs(QString id, QString definition, bool geographic)
    : mId(std::move(id))
    , mDefinition(std::move(definition))
    , mGeographic(geographic)
{
}

QString DisplayCrs::displayName() const
{
    if (mId == QLatin1String(kGuizhouAlbers))
        return tr("Guizhou Albers equal-area conic (CGCS2000)");
    if (mId == QLatin1String("EPSG:4490"))
        return tr("CGCS2000 geographic lon/lat (EPSG:4490)");
    if (mId == QLatin1String("EPSG:3857"))
        return tr("Web Mercator (EPSG:3857)");
    if (mId == QLatin1String("EPSG:4544"))
        return tr("CGCS2000 3-degree Gauss-Krüger, CM 105°E (EPSG:4544)");
    if (mId == QLatin1String("EPSG:4545"))
        return tr("CGCS2000 3-degree Gauss-Krüger, CM 108°E (EPSG:4545)");
    if (mId == QLatin1String("EPSG:4507"))
        return tr("CGCS2000 6-degree Gauss-Krüger, CM 105°E (EPSG:4507)");
    return mId;
}

DisplayCrs DisplayCrs::defaultCrs()
{
    // Equal-area, so choropleths compare counties fairly; standard parallels bracket the
    // province (24.6°N–29.2°N) and the central meridian runs through Guiyang.
    return DisplayCrs(QString::fromLatin1(kGuizhouAlbers),
        QStringLiteral("+proj=aea +lat_0=0 +lon_0=106.7 +lat_1=25 +lat_2=29 "
                       "+x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs +type=crs"),
        false);
}

QVector<DisplayCrs> DisplayCrs::catalogue()
{
    return {
        defaultCrs(),
        DisplayCrs(QStringLiteral("EPSG:4490"), QStringLiteral("EPSG:4490"), true),
        DisplayCrs(QStringLiteral("EPSG:3857"), QStringLiteral("EPSG:3857"), false),
        DisplayCrs(QStringLiteral("EPSG:4544"), QStringLiteral("EPSG:4544"), false),
        DisplayCrs(QStringLiteral("EPSG:4545"), QStringLiteral("EPSG:4545"), false),
        DisplayCrs(QStringLiteral("EPSG:4507"), QStringLiteral("EPSG:4507"), false),
    };
}

DisplayCrs DisplayCrs::byId(const QString &id)
{
    for (const DisplayCrs &crs : catalogue()) {
        if (crs.id() == id)
            return crs;
    }
    return {};
}

} // namespace dv
