// The site registry on the shared PostgreSQL server: types, sites, revisions and devices.
#include "postgressitestore.h"

#include "postgresaccess.h"
#include "postgresschema.h"

#include "sitejson.h"
#include "sitestorecheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace dv {

const char *const PostgresSiteStore::kNotifyChannel = "dvdash_sites";

namespace {

const char *const kNoPrivilege = "42501";

// The columns a Site is read from, on the sites table as "s".
const char *kSiteColumns = "s.id, s.type, s.name, s.county_code, s.township, s.lon, s.lat, "
                           "s.attributes, s.contact, s.status, s.source";

QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// The sites as one JSON array parameter: one statement writes any number of them.
QString jsonArray(const std::vector<Site> &sites)
{
    QByteArray out("[");
    for (const Site &s : sites) {
        if (out.size() > 1)
            out += ',';
        out += SiteJson::write(s);
    }
    out += ']';
    return QString::fromUtf8(out);
}

Site siteFromRow(const PostgresResult &r, int row)
{
    Site s;
    s.id = r.text(row, 0);
    s.type = r.text(row, 1);
    s.name = r.text(row, 2);
    s.county = r.text(row, 3);
    s.township = r.text(row, 4);
    if (!r.isNull(row, 5) && !r.isNull(row, 6)) {
        s.lon = r.real(row, 5);
        s.lat = r.real(row, 6);
    }
    s.attributes = QJsonDocument::fromJson(r.bytes(row, 7)).object().toVariantMap();
    s.contact = r.text(row, 8);
    s.status = Site::statusFromKey(r.text(row, 9)).value_or(Site::Status::Active);
    s.source = Site::sourceFromKey(r.text(row, 10)).value_or(Site::Source::Entered);
    return s;
}

QDateTime utc(const PostgresResult &r, int row, int column)
{
    return r.isNull(row, column) ? QDateTime()
                                 : QDateTime::fromMSecsSinceEpoch(r.int64(row, column), Qt::UTC);
}

// Writes one revision's sites: every version into the history, the current state into sites.
// $1 the revision, $2 a JSON array of SiteJson objects.
const char *const kWriteSites = R"sql(
WITH input AS (SELECT e FROM jsonb_array_elements($2::jsonb) AS t(e)),
history AS (
  INSERT INTO site_history (revision_id, site_id, county_code, data)
  SELECT $1::bigint, e->>'id', coalesce(e->>'county', ''), e FROM input)
INSERT INTO sites (id, type, name, county_code, township, lon, lat, attributes, contact, status,
                   source, revision_id)
SELECT e->>'id', e->>'type', coalesce(e->>'name', ''), coalesce(e->>'county', ''),
       coalesce(e->>'township', ''), (e->>'lon')::double precision,
       (e->>'lat')::double precision, coalesce(e->'attributes', '{}'::jsonb),
       coalesce(e->>'contact', ''), e->>'status', e->>'source', $1::bigint
  FROM input
ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, name = EXCLUDED.name,
  county_code = EXCLUDED.county_code, township = EXCLUDED.township, lon = EXCLUDED.lon,
  lat = EXCLUDED.lat, attributes = EXCLUDED.attributes, contact = EXCLUDED.contact,
  status = EXCLUDED.status, source = EXCLUDED.source, revision_id = EXCLUDED.revision_id)sql";

// Whether the session may register devices of a county through the definer functions: the
// collector and the evaluator (they hear every county's devices), the owner, or an official of
// the county. current_user is the functions' owner here (SECURITY DEFINER).
const char *const kMayNote = R"sql(
CREATE FUNCTION site_may_note(county text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT pg_has_role(session_user, 'dvdash_collector', 'MEMBER')
      OR pg_has_role(session_user, 'dvdash_evaluator', 'MEMBER')
      OR pg_has_role(session_user, current_user, 'MEMBER')
      OR county IN (SELECT dvdash_visible_counties())
$$)sql";

// Site types are the province's vocabulary: only a province role adds them.
const char *const kMayAddTypes = R"sql(
CREATE FUNCTION site_may_add_types() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT FROM dvdash_access a
                  WHERE a.scope = 'province' AND pg_has_role(session_user, a.role_name, 'MEMBER'))
$$)sql";

// Every statement that changed types, sites or devices raises the generation and tells the
// listening dashboards which counties changed, in the writing transaction.
const char *const kChanged = R"sql(
CREATE FUNCTION site_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  counties text;
BEGIN
  IF NOT EXISTS (SELECT FROM site_changed_rows) THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'sites' THEN
    SELECT string_agg(DISTINCT c.county_code, ',' ORDER BY c.county_code) INTO counties
      FROM site_changed_rows c;
  ELSIF TG_TABLE_NAME = 'site_devices' THEN
    SELECT string_agg(DISTINCT s.county_code, ',' ORDER BY s.county_code) INTO counties
      FROM site_changed_rows c JOIN sites s ON s.id = c.site_id;
  END IF;
  UPDATE site_generation SET value = value + 1;
  PERFORM pg_notify('dvdash_sites', coalesce(counties, ''));
  RETURN NULL;
END $$)sql";

// A device heard on the feed: joins its site, or registers the site with unknown type (one
// revision) when it is not in the registry. The collector runs it without reading any site.
const char *const kNoteDevice = R"sql(
CREATE FUNCTION site_note_device(p_site text, p_county text, p_device text, p_metric text,
                                 p_now bigint, p_source text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  known text;
  site_county text;
  revision bigint;
BEGIN
  SELECT county_code INTO site_county FROM sites WHERE id = p_site;
  IF NOT site_may_note(coalesce(site_county, p_county)) THEN
    RAISE EXCEPTION 'site % is not in a county % may change', p_site, session_user
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT metrics INTO known FROM site_devices
   WHERE site_id = p_site AND device_id = p_device FOR UPDATE;
  IF FOUND THEN
    IF p_metric = '' OR p_metric = ANY (string_to_array(known, ',')) THEN
      RETURN false;
    END IF;
    UPDATE site_devices
       SET metrics = CASE WHEN known = '' THEN p_metric ELSE known || ',' || p_metric END
     WHERE site_id = p_site AND device_id = p_device;
    RETURN true;
  END IF;
  IF site_county IS NULL THEN
    INSERT INTO site_revisions (created_ms, kind, source, site_count, counties)
    VALUES (p_now, 'edit', p_source, 1, ARRAY[p_county]) RETURNING id INTO revision;
    INSERT INTO site_history (revision_id, site_id, county_code, data)
    VALUES (revision, p_site, p_county,
            jsonb_build_object('id', p_site, 'type', 'unknown', 'name', p_site,
              'county', p_county, 'township', '', 'attributes', '{}'::jsonb, 'contact', '',
              'status', 'active', 'source', 'entered'));
    INSERT INTO sites (id, type, name, county_code, township, attributes, contact, status,
                       source, revision_id)
    VALUES (p_site, 'unknown', p_site, p_county, '', '{}', '', 'active', 'entered', revision)
    ON CONFLICT (id) DO NOTHING;
  END IF;
  INSERT INTO site_devices (site_id, device_id, metrics, installed_ms)
  VALUES (p_site, p_device, p_metric, p_now) ON CONFLICT DO NOTHING;
  RETURN true;
END $$)sql";

// Metrics registered devices reported ([{"site", "device", "metric"}, ...]): pairs already
// known, of unregistered devices, or of counties the session may not change are skipped.
const char *const kNoteMetrics = R"sql(
CREATE FUNCTION site_note_metrics(p jsonb) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  r record;
  known text;
  site_county text;
  added integer := 0;
BEGIN
  FOR r IN SELECT e->>'site' AS site, e->>'device' AS device,
                  coalesce(e->>'metric', '') AS metric
             FROM jsonb_array_elements(p) AS t(e) LOOP
    SELECT d.metrics, s.county_code INTO known, site_county
      FROM site_devices d LEFT JOIN sites s ON s.id = d.site_id
     WHERE d.site_id = r.site AND d.device_id = r.device FOR UPDATE OF d;
    CONTINUE WHEN NOT FOUND;
    CONTINUE WHEN NOT site_may_note(coalesce(site_county, ''));
    CONTINUE WHEN r.metric = '' OR r.metric = ANY (string_to_array(known, ','));
    UPDATE site_devices
       SET metrics = CASE WHEN known = '' THEN r.metric ELSE known || ',' || r.metric END
     WHERE site_id = r.site AND device_id = r.device;
    added := added + 1;
  END LOOP;
  RETURN added;
END $$)sql";

QStringList changeTriggers(const QString &table, bool updates)
{
    QStringList out;
    const QString pattern = QStringLiteral(
        "CREATE TRIGGER %1_%2 AFTER %3 ON %1 REFERENCING NEW TABLE AS site_changed_rows FOR "
        "EACH STATEMENT EXECUTE FUNCTION site_changed()");
    out << pattern.arg(table, QStringLiteral("inserted"), QStringLiteral("INSERT"));
    if (updates)
        out << pattern.arg(table, QStringLiteral("updated"), QStringLiteral("UPDATE"));
    return out;
}

const QString kVisible = QStringLiteral("county_code IN (SELECT dvdash_visible_counties())");

} // namespace

PostgresSiteStore::PostgresSiteStore(const QString &spec)
    : mConnection(spec)
{
}

PostgresSiteStore::~PostgresSiteStore() = default;

bool PostgresSiteStore::open(QString *error)
{
    // The access part first: the policies below call dvdash_visible_counties().
    return mConnection.open(error) && PostgresAccessSchema::migrate(mConnection, error)
        && migrate(error);
}

bool PostgresSiteStore::migrate(QString *error)
{
    static const PostgresSchema schema(QStringLiteral("sites"), tr("sites"),
        {
            [] {
                QStringList step {
                    QStringLiteral(
                        "CREATE TABLE site_types (id text PRIMARY KEY, name_zh text NOT NULL, "
                        "name_en text NOT NULL, icon text NOT NULL, numeric_attributes text NOT "
                        "NULL, text_attributes text NOT NULL, added bigint GENERATED ALWAYS AS "
                        "IDENTITY)"),
                    // counties and created_by decide who sees a revision in the list.
                    QStringLiteral(
                        "CREATE TABLE site_revisions (id bigint GENERATED BY DEFAULT AS IDENTITY "
                        "PRIMARY KEY, created_ms bigint NOT NULL, kind text NOT NULL CHECK (kind "
                        "IN ('import', 'edit', 'restore')), source text NOT NULL, restored_from "
                        "bigint, site_count integer NOT NULL, counties text[] NOT NULL DEFAULT "
                        "'{}', created_by name NOT NULL DEFAULT session_user)"),
                    // No foreign key to site_revisions: rows are written only with their
                    // revision, in its transaction, and checking 10,000 of them costs a fifth
                    // of an import.
                    QStringLiteral(
                        "CREATE TABLE site_history (revision_id bigint NOT NULL, site_id text "
                        "NOT NULL, county_code text NOT NULL, data jsonb NOT NULL, PRIMARY KEY "
                        "(revision_id, site_id))"),
                    QStringLiteral("CREATE INDEX site_history_by_site ON site_history (site_id, "
                                   "revision_id)"),
                    QStringLiteral(
                        "CREATE TABLE sites (id text PRIMARY KEY, type text NOT NULL, name text "
                        "NOT NULL, county_code text NOT NULL, township text NOT NULL, lon double "
                        "precision, lat double precision, geom geometry(Point, 4326) GENERATED "
                        "ALWAYS AS (CASE WHEN lon IS NOT NULL AND lat IS NOT NULL THEN "
                        "ST_SetSRID(ST_MakePoint(lon, lat), 4326) END) STORED, attributes jsonb "
                        "NOT NULL, contact text NOT NULL, status text NOT NULL CHECK (status IN "
                        "('active', 'retired')), source text NOT NULL, revision_id bigint NOT "
                        "NULL)"),
                    QStringLiteral("CREATE INDEX sites_by_county ON sites (county_code, type)"),
                    QStringLiteral("CREATE INDEX sites_geom ON sites USING gist (geom)"),
                    QStringLiteral(
                        "CREATE TABLE site_devices (site_id text NOT NULL, device_id text NOT "
                        "NULL, metrics text NOT NULL, installed_ms bigint NOT NULL, retired_ms "
                        "bigint, PRIMARY KEY (site_id, device_id))"),
                    QStringLiteral("CREATE TABLE site_generation (value bigint NOT NULL)"),
                    QStringLiteral("INSERT INTO site_generation VALUES (0)"),
                    QString::fromLatin1(kMayNote),
                    QString::fromLatin1(kMayAddTypes),
                    QString::fromLatin1(kChanged),
                    QString::fromLatin1(kNoteDevice),
                    QString::fromLatin1(kNoteMetrics),
                    // Functions are executable by PUBLIC unless revoked.
                    QStringLiteral("REVOKE ALL ON FUNCTION site_may_note(text), "
                                   "site_may_add_types(), site_changed(), "
                                   "site_note_device(text, text, text, text, bigint, text), "
                                   "site_note_metrics(jsonb) FROM PUBLIC"),
                    QStringLiteral("GRANT EXECUTE ON FUNCTION site_note_device(text, text, text, "
                                   "text, bigint, text), site_note_metrics(jsonb) TO "
                                   "dvdash_official, dvdash_collector, dvdash_evaluator"),
                    QStringLiteral("GRANT EXECUTE ON FUNCTION site_may_add_types() TO "
                                   "dvdash_official"),
                    // Privileges: officials read and write (rows limited below); the collector
                    // only the counter; the evaluator reads sites for rule scoping.
                    QStringLiteral("GRANT SELECT, INSERT ON site_types TO dvdash_official"),
                    QStringLiteral("GRANT SELECT ON site_types TO dvdash_evaluator"),
                    QStringLiteral("GRANT SELECT, INSERT ON site_revisions, site_history TO "
                                   "dvdash_official"),
                    QStringLiteral("GRANT SELECT, INSERT, UPDATE ON sites TO dvdash_official"),
                    QStringLiteral("GRANT SELECT, UPDATE (retired_ms) ON site_devices TO "
                                   "dvdash_official"),
                    QStringLiteral("GRANT SELECT ON sites, site_devices TO dvdash_evaluator"),
                    QStringLiteral("GRANT SELECT ON site_generation TO dvdash_official, "
                                   "dvdash_collector, dvdash_evaluator"),
                    // Row-level security.
                    QStringLiteral("ALTER TABLE site_types ENABLE ROW LEVEL SECURITY"),
                    QStringLiteral("CREATE POLICY site_types_read ON site_types FOR SELECT TO "
                                   "dvdash_official, dvdash_evaluator USING (true)"),
                    QStringLiteral("CREATE POLICY site_types_add ON site_types FOR INSERT TO "
                                   "dvdash_official WITH CHECK (site_may_add_types())"),
                    QStringLiteral("ALTER TABLE site_revisions ENABLE ROW LEVEL SECURITY"),
                    QStringLiteral(
                        "CREATE POLICY site_revisions_read ON site_revisions FOR SELECT TO "
                        "dvdash_official USING (created_by = session_user OR counties && "
                        "ARRAY(SELECT dvdash_visible_counties()))"),
                    QStringLiteral(
                        "CREATE POLICY site_revisions_write ON site_revisions FOR INSERT TO "
                        "dvdash_official WITH CHECK (created_by = session_user AND counties <@ "
                        "ARRAY(SELECT dvdash_visible_counties()))"),
                    QStringLiteral("ALTER TABLE site_history ENABLE ROW LEVEL SECURITY"),
                    QStringLiteral("CREATE POLICY site_history_read ON site_history FOR SELECT "
                                   "TO dvdash_official USING (%1)")
                        .arg(kVisible),
                    QStringLiteral("CREATE POLICY site_history_write ON site_history FOR INSERT "
                                   "TO dvdash_official WITH CHECK (%1)")
                        .arg(kVisible),
                    QStringLiteral("ALTER TABLE sites ENABLE ROW LEVEL SECURITY"),
                    QStringLiteral("CREATE POLICY sites_read ON sites FOR SELECT TO "
                                   "dvdash_official USING (%1)")
                        .arg(kVisible),
                    QStringLiteral("CREATE POLICY sites_insert ON sites FOR INSERT TO "
                                   "dvdash_official WITH CHECK (%1)")
                        .arg(kVisible),
                    QStringLiteral("CREATE POLICY sites_update ON sites FOR UPDATE TO "
                                   "dvdash_official USING (%1) WITH CHECK (%1)")
                        .arg(kVisible),
                    QStringLiteral("CREATE POLICY sites_evaluator ON sites FOR SELECT TO "
                                   "dvdash_evaluator USING (true)"),
                    // A device is seen with its site: the subquery applies the sites policy.
                    QStringLiteral("ALTER TABLE site_devices ENABLE ROW LEVEL SECURITY"),
                    QStringLiteral("CREATE POLICY site_devices_read ON site_devices FOR SELECT TO "
                                   "dvdash_official USING (site_id IN (SELECT id FROM sites))"),
                    QStringLiteral("CREATE POLICY site_devices_retire ON site_devices FOR UPDATE "
                                   "TO dvdash_official USING (site_id IN (SELECT id FROM sites)) "
                                   "WITH CHECK (site_id IN (SELECT id FROM sites))"),
                    QStringLiteral("CREATE POLICY site_devices_evaluator ON site_devices FOR "
                                   "SELECT TO dvdash_evaluator USING (true)"),
                };
                step << changeTriggers(QStringLiteral("site_types"), false)
                     << changeTriggers(QStringLiteral("sites"), true)
                     << changeTriggers(QStringLiteral("site_devices"), true);
                return step;
            }(),
        });
    static_assert(kSchemaVersion == 1, "add the new version's step to the schema above");
    return schema.migrate(mConnection, &mSchemaVersion, error);
}

std::optional<std::vector<SiteType>> PostgresSiteStore::types(QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    const auto r = mConnection.exec(QStringLiteral("SELECT id, name_zh, name_en, icon, "
                                                   "numeric_attributes, text_attributes FROM "
                                                   "site_types ORDER BY added"),
        error);
    if (!r)
        return std::nullopt;
    std::vector<SiteType> out = SiteType::builtIns();
    for (int i = 0; i < r->rows(); ++i) {
        SiteType t;
        t.id = r->text(i, 0);
        t.nameZh = r->text(i, 1);
        t.nameEn = r->text(i, 2);
        t.icon = r->text(i, 3);
        t.numericAttributes = r->text(i, 4).split(QLatin1Char(','), Qt::SkipEmptyParts);
        t.textAttributes = r->text(i, 5).split(QLatin1Char(','), Qt::SkipEmptyParts);
        t.builtIn = false;
        out.push_back(t);
    }
    return out;
}

bool PostgresSiteStore::addType(const SiteType &type, QString *error)
{
    if (const QString malformed = SiteStoreCheck::typeForm(type); !malformed.isEmpty()) {
        *error = mConnection.failure(tr("cannot add the site type"), malformed);
        return false;
    }
    const auto known = types(error);
    if (!known)
        return false;
    if (const QString taken = SiteStoreCheck::typeTaken(type, *known); !taken.isEmpty()) {
        *error = mConnection.failure(tr("cannot add the site type"), taken);
        return false;
    }
    QString detail;
    if (mConnection.run(QStringLiteral("INSERT INTO site_types (id, name_zh, name_en, icon, "
                                       "numeric_attributes, text_attributes) VALUES ($1, $2, $3, "
                                       "$4, $5, $6)"),
            &detail,
            { type.id, type.nameZh.trimmed(), text(type.nameEn.trimmed()),
                SiteType::icons().contains(type.icon) ? type.icon : QStringLiteral("pin"),
                text(type.numericAttributes.join(QLatin1Char(','))),
                text(type.textAttributes.join(QLatin1Char(','))) }))
        return true;
    *error = mConnection.lastSqlState() == QLatin1String(kNoPrivilege)
        ? mConnection.failure(tr("cannot add the site type"),
            tr("only a province role adds site types; %1 may not").arg(mConnection.role()))
        : detail;
    return false;
}

std::optional<std::vector<Site>> PostgresSiteStore::readSites(
    const QString &where, const QVariantList &params, QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    // Code-point order, as SQLite sorts, whatever the database's collation.
    const auto r = mConnection.exec(
        QStringLiteral("SELECT %1 FROM sites s WHERE %2 ORDER BY s.id COLLATE \"C\"")
            .arg(QLatin1String(kSiteColumns), where),
        params, error);
    if (!r)
        return std::nullopt;
    std::vector<Site> out;
    out.reserve(std::size_t(r->rows()));
    QHash<QString, int> index;
    for (int i = 0; i < r->rows(); ++i) {
        out.push_back(siteFromRow(*r, i));
        index.insert(out.back().id, i);
    }
    const auto d = mConnection.exec(
        QStringLiteral("SELECT d.site_id, d.device_id, d.metrics, d.installed_ms, d.retired_ms "
                       "FROM site_devices d JOIN sites s ON s.id = d.site_id WHERE %1 ORDER BY "
                       "d.site_id COLLATE \"C\", d.device_id COLLATE \"C\"")
            .arg(where),
        params, error);
    if (!d)
        return std::nullopt;
    for (int i = 0; i < d->rows(); ++i) {
        const auto it = index.constFind(d->text(i, 0));
        if (it == index.constEnd())
            continue; // the site changed between the two statements
        out[std::size_t(*it)].devices.push_back(
            { d->text(i, 1), d->text(i, 2).split(QLatin1Char(','), Qt::SkipEmptyParts),
                utc(*d, i, 3), utc(*d, i, 4) });
    }
    return out;
}

std::optional<std::vector<Site>> PostgresSiteStore::sites(const SiteFilter &filter, QString *error)
{
    QStringList where { QStringLiteral("true") };
    QVariantList params;
    if (!filter.county.isEmpty()) {
        params << filter.county;
        where << QStringLiteral("s.county_code = $%1").arg(params.size());
    }
    if (!filter.type.isEmpty()) {
        params << filter.type;
        where << QStringLiteral("s.type = $%1").arg(params.size());
    }
    if (!filter.includeRetired)
        where << QStringLiteral("s.status = 'active'");
    return readSites(where.join(QStringLiteral(" AND ")), params, error);
}

std::optional<std::optional<Site>> PostgresSiteStore::site(const QString &id, QString *error)
{
    const auto found = readSites(QStringLiteral("s.id = $1"), { id }, error);
    if (!found)
        return std::nullopt;
    if (found->empty())
        return std::optional<Site>();
    return std::optional<Site>(found->front());
}

std::optional<QHash<QString, QString>> PostgresSiteStore::siteTypes(QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    const auto r = mConnection.exec(
        QStringLiteral("SELECT id, type FROM sites WHERE status = 'active'"), error);
    if (!r)
        return std::nullopt;
    QHash<QString, QString> out;
    out.reserve(r->rows());
    for (int i = 0; i < r->rows(); ++i)
        out.insert(r->text(i, 0), r->text(i, 1));
    return out;
}

std::optional<qint64> PostgresSiteStore::generation(QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    const auto r = mConnection.exec(QStringLiteral("SELECT value FROM site_generation"), error);
    if (!r)
        return std::nullopt;
    if (r->rows() < 1) {
        *error = mConnection.failure(tr("cannot read the store"), tr("no site generation row"));
        return std::nullopt;
    }
    return r->int64(0, 0);
}

std::optional<bool> PostgresSiteStore::hasRealSites(QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    const auto r = mConnection.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM sites WHERE "
                                                   "type <> $1 AND source <> 'sample')"),
        { SiteType::unknownId() }, error);
    if (!r)
        return std::nullopt;
    return r->boolean(0, 0);
}

bool PostgresSiteStore::checkCounties(const std::vector<Site> &sites, QString *error)
{
    const auto active
        = mConnection.exec(QStringLiteral("SELECT row_security_active('sites')"), error);
    if (!active)
        return false;
    if (!active->boolean(0, 0))
        return true; // the owner: row-level security does not apply
    const auto visible
        = mConnection.exec(QStringLiteral("SELECT dvdash_visible_counties()"), error);
    if (!visible)
        return false;
    QSet<QString> counties;
    for (int i = 0; i < visible->rows(); ++i)
        counties.insert(visible->text(i, 0));
    for (const Site &s : sites) {
        if (!counties.contains(s.county)) {
            *error = mConnection.failure(tr("nothing saved"),
                tr("site %1 (county %2) is not in a county %3 may change")
                    .arg(s.id, s.county, mConnection.role()));
            return false;
        }
    }
    return true;
}

QString PostgresSiteStore::refusedSite(
    qint64 revision, const std::vector<Site> &sites, const QString &failed)
{
    // Called with the transaction's savepoint "site_rows" set before the batch: each site is
    // tried alone to name the one the server refuses. The caller rolls everything back.
    QString ignored;
    if (!mConnection.run(QStringLiteral("ROLLBACK TO SAVEPOINT site_rows"), &ignored))
        return failed;
    for (const Site &s : sites) {
        QString detail;
        if (!mConnection.run(QStringLiteral("SAVEPOINT one_site"), &detail))
            return failed;
        if (mConnection.run(
                QString::fromLatin1(kWriteSites), &detail, { revision, jsonArray({ s }) })) {
            continue;
        }
        if (mConnection.lostConnection())
            return detail;
        // The county was checked before: the row it would overwrite is another county's.
        if (mConnection.lastSqlState() == QLatin1String(kNoPrivilege))
            return mConnection.failure(tr("nothing saved"),
                tr("site %1 is registered in a county %2 may not change")
                    .arg(s.id, mConnection.role()));
        return mConnection.failure(tr("nothing saved"), tr("site %1: %2").arg(s.id, detail));
    }
    return failed;
}

std::optional<qint64> PostgresSiteStore::writeRevision(SiteRevision::Kind kind,
    const QString &source, qint64 restoredFrom, const std::vector<Site> &sites, QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    PostgresTransaction transaction(mConnection);
    if (!transaction.begin(error))
        return std::nullopt;
    QSet<QString> countySet;
    for (const Site &s : sites)
        countySet.insert(text(s.county));
    QStringList counties(countySet.cbegin(), countySet.cend());
    counties.sort();
    const auto inserted = mConnection.exec(
        QStringLiteral("INSERT INTO site_revisions (created_ms, kind, source, restored_from, "
                       "site_count, counties) VALUES ($1, $2, $3, $4, $5, ARRAY(SELECT "
                       "jsonb_array_elements_text($6::jsonb))) RETURNING id"),
        { QDateTime::currentMSecsSinceEpoch(), SiteRevision::kindKey(kind), text(source),
            restoredFrom > 0 ? QVariant(restoredFrom) : QVariant(QMetaType(QMetaType::LongLong)),
            int(sites.size()),
            QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(counties))
                                  .toJson(QJsonDocument::Compact)) },
        error);
    if (!inserted)
        return std::nullopt;
    const qint64 revision = inserted->int64(0, 0);
    if (!sites.empty()) {
        if (!mConnection.run(QStringLiteral("SAVEPOINT site_rows"), error))
            return std::nullopt;
        QString failed;
        if (!mConnection.run(
                QString::fromLatin1(kWriteSites), &failed, { revision, jsonArray(sites) })) {
            *error = mConnection.lostConnection() ? failed : refusedSite(revision, sites, failed);
            return std::nullopt;
        }
    }
    if (!transaction.commit(error))
        return std::nullopt;
    return revision;
}

std::optional<qint64> PostgresSiteStore::saveSites(
    const std::vector<Site> &sites, SiteRevision::Kind kind, const QString &source, QString *error)
{
    const auto known = types(error);
    if (!known)
        return std::nullopt;
    if (const QString refused = SiteStoreCheck::sites(sites, *known); !refused.isEmpty()) {
        *error = mConnection.failure(tr("nothing saved"), refused);
        return std::nullopt;
    }
    if (!checkCounties(sites, error))
        return std::nullopt;
    return writeRevision(kind, source, 0, sites, error);
}

std::optional<std::vector<SiteRevision>> PostgresSiteStore::revisions(QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    const auto r = mConnection.exec(QStringLiteral("SELECT id, created_ms, kind, source, "
                                                   "restored_from, site_count FROM "
                                                   "site_revisions ORDER BY id DESC"),
        error);
    if (!r)
        return std::nullopt;
    std::vector<SiteRevision> out;
    out.reserve(std::size_t(r->rows()));
    for (int i = 0; i < r->rows(); ++i) {
        SiteRevision v;
        v.id = r->int64(i, 0);
        v.created = utc(*r, i, 1);
        const QString kind = r->text(i, 2);
        v.kind = kind == QLatin1String("edit") ? SiteRevision::Kind::Edit
            : kind == QLatin1String("restore") ? SiteRevision::Kind::Restore
                                               : SiteRevision::Kind::Import;
        v.source = r->text(i, 3);
        v.restoredFrom = r->int64(i, 4);
        v.siteCount = r->int32(i, 5);
        out.push_back(v);
    }
    return out;
}

std::optional<qint64> PostgresSiteStore::restoreRevision(qint64 id, QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    const auto exists = mConnection.exec(
        QStringLiteral("SELECT 1 FROM site_revisions WHERE id = $1"), { id }, error);
    if (!exists)
        return std::nullopt;
    if (exists->rows() == 0) {
        *error = mConnection.failure(tr("cannot restore"), tr("there is no revision %1").arg(id));
        return std::nullopt;
    }
    // Each site's newest version up to id.
    const auto history = mConnection.exec(
        QStringLiteral("SELECT DISTINCT ON (site_id) site_id, data FROM site_history WHERE "
                       "revision_id <= $1 ORDER BY site_id, revision_id DESC"),
        { id }, error);
    if (!history)
        return std::nullopt;
    QHash<QString, QByteArray> past;
    past.reserve(history->rows());
    for (int i = 0; i < history->rows(); ++i)
        past.insert(history->text(i, 0), history->bytes(i, 1));
    SiteFilter all;
    all.includeRetired = true;
    const auto now = sites(all, error);
    if (!now)
        return std::nullopt;
    std::vector<Site> changed;
    for (const Site &s : *now) {
        Site plain = s;
        plain.devices.clear();
        const auto it = past.constFind(s.id);
        if (it == past.constEnd()) {
            // Added since: retired, so its devices' readings keep a site to belong to.
            if (plain.isActive()) {
                plain.status = Site::Status::Retired;
                changed.push_back(plain);
            }
            continue;
        }
        // jsonb keeps its own key order and spacing: compare both as this program writes them.
        const Site then = SiteJson::read(*it);
        if (SiteJson::write(then) != SiteJson::write(plain))
            changed.push_back(then);
    }
    return writeRevision(
        SiteRevision::Kind::Restore, tr("state after revision %1").arg(id), id, changed, error);
}

std::optional<bool> PostgresSiteStore::noteDevice(const QString &siteId, const QString &countyCode,
    const QString &deviceId, const QString &metric, QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    const auto r
        = mConnection.exec(QStringLiteral("SELECT site_note_device($1, $2, $3, $4, $5, $6)"),
            { siteId, text(countyCode), deviceId, text(metric), QDateTime::currentMSecsSinceEpoch(),
                tr("device %1/%2 accepted").arg(siteId, deviceId) },
            error);
    if (!r)
        return std::nullopt;
    return r->boolean(0, 0);
}

bool PostgresSiteStore::retireDevice(const QString &siteId, const QString &deviceId, QString *error)
{
    if (!mConnection.ensureOpen(error))
        return false;
    const auto r = mConnection.exec(
        QStringLiteral("UPDATE site_devices SET retired_ms = $1 WHERE site_id = $2 AND "
                       "device_id = $3 AND retired_ms IS NULL"),
        { QDateTime::currentMSecsSinceEpoch(), siteId, deviceId }, error);
    if (!r)
        return false;
    if (r->affected() < 1) {
        *error = mConnection.failure(tr("cannot retire the device"),
            tr("no device %1 in service at site %2").arg(deviceId, siteId));
        return false;
    }
    return true;
}

std::optional<int> PostgresSiteStore::noteMetrics(
    const std::vector<DeviceMetric> &metrics, QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    if (metrics.empty())
        return 0;
    QJsonArray pairs;
    for (const DeviceMetric &m : metrics) {
        pairs.append(QJsonObject { { QStringLiteral("site"), m.siteId },
            { QStringLiteral("device"), m.deviceId },
            { QStringLiteral("metric"), text(m.metric) } });
    }
    const auto r = mConnection.exec(QStringLiteral("SELECT site_note_metrics($1::jsonb)"),
        { QString::fromUtf8(QJsonDocument(pairs).toJson(QJsonDocument::Compact)) }, error);
    if (!r)
        return std::nullopt;
    return r->int32(0, 0);
}

} // namespace dv
