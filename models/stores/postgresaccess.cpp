// Who sees which counties on the shared server: group roles, areas, and the function policies use.
#include "postgresaccess.h"

#include "bundleddata.h"
#include "postgresconnection.h"
#include "postgresschema.h"

#include <QDir>

#include <gdal.h>
#include <ogr_api.h>

namespace dv {

namespace {

// Group roles are cluster-wide and may exist already (another database on the same server).
const char *const kGroupRoles = R"sql(
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dvdash_official') THEN
    CREATE ROLE dvdash_official NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dvdash_collector') THEN
    CREATE ROLE dvdash_collector NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dvdash_evaluator') THEN
    CREATE ROLE dvdash_evaluator NOLOGIN;
  END IF;
END $$)sql";

// The counties that policies compare county_code against: the province's own list, so a
// province role sees every county and a prefecture role its counties. A county role's own code
// is always visible, also on a server whose county list was not loaded.
const char *const kVisibleCounties = R"sql(
CREATE FUNCTION dvdash_visible_counties() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.code FROM dvdash_counties c JOIN dvdash_access a
    ON pg_has_role(session_user, a.role_name, 'MEMBER')
   AND (a.scope = 'province'
        OR (a.scope = 'county' AND c.code = a.code)
        OR (a.scope = 'prefecture' AND c.prefecture = a.code))
  UNION
  SELECT a.code FROM dvdash_access a
   WHERE a.scope = 'county' AND pg_has_role(session_user, a.role_name, 'MEMBER')
$$)sql";

const PostgresSchema &accessSchema()
{
    static const PostgresSchema schema(QStringLiteral("access"),
        PostgresAccessSchema::tr("access rules"),
        {
            // 1: roles, the county list with its boundaries, areas, the visibility function.
            {
                QString::fromLatin1(kGroupRoles),
                QStringLiteral("CREATE EXTENSION IF NOT EXISTS postgis"),
                QStringLiteral(
                    "CREATE TABLE dvdash_counties (code text PRIMARY KEY CHECK (code ~ "
                    "'^[0-9]{6}$'), prefecture text NOT NULL, name_zh text NOT NULL, "
                    "geom geometry(MultiPolygon, 4326))"),
                QStringLiteral("CREATE INDEX dvdash_counties_geom ON dvdash_counties USING "
                               "gist (geom)"),
                QStringLiteral(
                    "CREATE TABLE dvdash_access (role_name name PRIMARY KEY, scope text NOT "
                    "NULL CHECK (scope IN ('county', 'prefecture', 'province')), code text NOT "
                    "NULL DEFAULT '', granted_at timestamptz NOT NULL DEFAULT now(), CHECK "
                    "(scope = 'province' OR code ~ '^[0-9]{6}$'))"),
                QStringLiteral("REVOKE ALL ON dvdash_access FROM PUBLIC"),
                QStringLiteral("GRANT SELECT ON dvdash_counties TO dvdash_official"),
                QString::fromLatin1(kVisibleCounties),
                QStringLiteral("REVOKE ALL ON FUNCTION dvdash_visible_counties() FROM PUBLIC"),
                QStringLiteral("GRANT EXECUTE ON FUNCTION dvdash_visible_counties() TO "
                               "dvdash_official, dvdash_collector, dvdash_evaluator"),
            },
        });
    return schema;
}

// The 88 counties of the bundled GeoPackage (CGCS2000, which differs from WGS 84 by well under a
// metre: stored as EPSG:4326 so PostGIS functions and clients agree).
bool loadCounties(PostgresConnection &connection, QString *error)
{
    const QString path = BundledData::geopackagePath();
    // A command that never drew a map (dvdash admin) has not registered GDAL's drivers yet.
    if (GDALGetDriverCount() == 0)
        GDALAllRegister();
    GDALDatasetH dataset = GDALOpenEx(path.toUtf8().constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
        nullptr, nullptr, nullptr);
    if (!dataset) {
        *error = PostgresAccessSchema::tr("%1: cannot read the county list")
                     .arg(QDir::toNativeSeparators(path));
        return false;
    }
    bool ok = true;
    OGRLayerH layer = GDALDatasetGetLayerByName(dataset, "counties");
    if (!layer) {
        *error = PostgresAccessSchema::tr("%1: no counties layer")
                     .arg(QDir::toNativeSeparators(path));
        ok = false;
    }
    OGR_L_ResetReading(layer);
    while (ok) {
        OGRFeatureH feature = OGR_L_GetNextFeature(layer);
        if (!feature)
            break;
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
        const auto text = [&](const char *name) {
            const int i = OGR_FD_GetFieldIndex(defn, name);
            return i < 0 ? QString() : QString::fromUtf8(OGR_F_GetFieldAsString(feature, i));
        };
        QByteArray wkb;
        if (OGRGeometryH g = OGR_F_GetGeometryRef(feature)) {
            OGRGeometryH multi = OGR_G_ForceToMultiPolygon(OGR_G_Clone(g));
            wkb.resize(OGR_G_WkbSize(multi));
            OGR_G_ExportToWkb(multi, wkbNDR, reinterpret_cast<unsigned char *>(wkb.data()));
            OGR_G_DestroyGeometry(multi);
        }
        const QString prefecture = text("prefecture_code").left(4) + QStringLiteral("00");
        ok = connection.run(
            QStringLiteral("INSERT INTO dvdash_counties (code, prefecture, name_zh, geom) VALUES "
                           "($1, $2, $3, ST_SetSRID(ST_GeomFromWKB($4), 4326)) ON CONFLICT "
                           "(code) DO NOTHING"),
            error, { text("code"), prefecture, text("name"), wkb });
        OGR_F_Destroy(feature);
    }
    GDALClose(dataset);
    return ok;
}

} // namespace

QString PostgresAccessSchema::scopeKey(Scope scope)
{
    switch (scope) {
    case Scope::County:
        return QStringLiteral("county");
    case Scope::Prefecture:
        return QStringLiteral("prefecture");
    case Scope::Province:
        return QStringLiteral("province");
    case Scope::Collector:
        return QStringLiteral("collector");
    case Scope::Evaluator:
        return QStringLiteral("evaluator");
    }
    return QString();
}

bool PostgresAccessSchema::migrate(PostgresConnection &connection, QString *error)
{
    int version = 0;
    if (!accessSchema().migrate(connection, &version, error))
        return false;
    if (connection.readOnly())
        return true;
    // The county list is filled once, by the first program that may write it.
    const auto count = connection.exec(
        QStringLiteral("SELECT count(*) FROM dvdash_counties"), error);
    if (!count) {
        if (connection.lastSqlState() == QLatin1String("42501")) {
            error->clear(); // a role that cannot read the list never fills it
            return true;
        }
        return false;
    }
    if (count->int64(0, 0) > 0)
        return true;
    PostgresTransaction transaction(connection);
    if (!transaction.begin(error)
        || !connection.run(QStringLiteral("LOCK TABLE dvdash_counties IN EXCLUSIVE MODE"), error))
        return false;
    const auto again = connection.exec(QStringLiteral("SELECT count(*) FROM dvdash_counties"), error);
    if (!again)
        return false;
    if (again->int64(0, 0) == 0 && !loadCounties(connection, error))
        return false;
    return transaction.commit(error);
}

bool PostgresAccessSchema::grant(PostgresConnection &connection, const QString &role, Scope scope,
    const QString &code, QString *done, QString *error)
{
    if (role.isEmpty() || role.startsWith(QLatin1String("dvdash_"))) {
        *error = tr("%1: not a role to give an area to (dvdash_* are the group roles)").arg(role);
        return false;
    }
    QString area = code.trimmed();
    if (scope == Scope::Prefecture && area.size() == 4)
        area += QStringLiteral("00");
    if ((scope == Scope::County || scope == Scope::Prefecture)
        && (area.size() != 6 || !std::all_of(area.cbegin(), area.cend(),
                                    [](QChar c) { return c.isDigit(); }))) {
        *error = tr("%1: a county or prefecture code has six digits (520102, 520100)").arg(code);
        return false;
    }
    if (scope == Scope::Prefecture && !area.endsWith(QLatin1String("00"))) {
        *error = tr("%1: a prefecture's code ends in 00 (520100 for Guiyang)").arg(code);
        return false;
    }
    if (scope == Scope::County) {
        const auto known = connection.exec(
            QStringLiteral("SELECT count(*) FROM dvdash_counties"), error);
        const auto found = known ? connection.exec(
                               QStringLiteral("SELECT 1 FROM dvdash_counties WHERE code = $1"),
                               { area }, error)
                                 : std::nullopt;
        if (!found)
            return false;
        if (known->int64(0, 0) > 0 && found->rows() == 0) {
            *error = tr("%1: no such county in the province's list").arg(area);
            return false;
        }
    }
    PostgresTransaction transaction(connection);
    if (!transaction.begin(error))
        return false;
    QStringList steps;
    // Roles are identifiers: format('%I') quotes them the server's way; the name itself
    // travels as a parameter (a transaction-local setting), never spliced into the SQL.
    const auto runFormatted = [&](const QString &pattern) {
        return connection.run(QStringLiteral("SELECT set_config('dvdash.role', $1, true)"), error,
                   { role })
            && connection.run(QStringLiteral("DO $$ BEGIN EXECUTE format('%1', "
                                             "current_setting('dvdash.role')); END $$")
                                  .arg(pattern),
                error);
    };
    const auto exists = connection.exec(
        QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = $1"), { role }, error);
    if (!exists)
        return false;
    if (exists->rows() == 0) {
        if (!runFormatted(QStringLiteral("CREATE ROLE %I LOGIN")))
            return false;
        steps << tr("created login role %1 (set its password with ALTER ROLE ... PASSWORD)")
                     .arg(role);
    }
    const QString group = scope == Scope::Collector ? QStringLiteral("dvdash_collector")
        : scope == Scope::Evaluator                 ? QStringLiteral("dvdash_evaluator")
                                                    : QStringLiteral("dvdash_official");
    if (!runFormatted(QStringLiteral("GRANT %1 TO %I").arg(group)))
        return false;
    steps << tr("granted %1 to %2").arg(group, role);
    if (scope == Scope::Collector || scope == Scope::Evaluator) {
        if (!connection.run(
                QStringLiteral("DELETE FROM dvdash_access WHERE role_name = $1"), error, { role })
            || !runFormatted(QStringLiteral("REVOKE dvdash_official FROM %I")))
            return false;
    } else {
        if (!connection.run(QStringLiteral(
                                "INSERT INTO dvdash_access (role_name, scope, code) VALUES ($1, "
                                "$2, $3) ON CONFLICT (role_name) DO UPDATE SET scope = $2, code "
                                "= $3, granted_at = now()"),
                error, { role, scopeKey(scope), scope == Scope::Province ? QString() : area }))
            return false;
        steps << (scope == Scope::Province
                ? tr("%1 sees the whole province").arg(role)
                : tr("%1 sees %2 %3").arg(role,
                    scope == Scope::County ? tr("county") : tr("prefecture"), area));
    }
    if (!transaction.commit(error))
        return false;
    *done = steps.join(QLatin1Char('\n'));
    return true;
}

} // namespace dv
