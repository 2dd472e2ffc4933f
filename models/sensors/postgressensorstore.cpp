// The shared store: readings in monthly partitions on PostgreSQL, ingested with COPY, folded by the server.
#include "postgressensorstore.h"

#include "historygrid.h"
#include "postgresaccess.h"
#include "postgresschema.h"
#include "readingbatch.h"

#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace dv {

namespace {

// Partitions exist for these years only: a device clock gone wild is refused with its reading
// named instead of creating a partition for the year 1970 or 2286.
const qint64 kEarliest = 946684800000LL; // 2000-01-01T00:00:00Z
const qint64 kLatest = 4133980800000LL; // 2101-01-01T00:00:00Z

const QString kStaging = QStringLiteral("readings_staging");

// The schema's steps. The readings table has no foreign key to devices: checking it per row
// would halve the ingest rate, and write() already leaves out device numbers never given out.
QStringList versionOne()
{
    return {
        QStringLiteral("CREATE TABLE devices (id serial PRIMARY KEY, device_key text NOT NULL "
                       "UNIQUE, county_code text NOT NULL, accepted boolean NOT NULL DEFAULT "
                       "true, first_seen bigint)"),
        QStringLiteral("CREATE INDEX devices_by_county ON devices (county_code)"),
        QStringLiteral("CREATE TABLE readings (device_id integer NOT NULL, metric smallint NOT "
                       "NULL, t bigint NOT NULL, value double precision NOT NULL, arrival bigint "
                       "NOT NULL, sensor_fault boolean NOT NULL DEFAULT false, PRIMARY KEY "
                       "(device_id, metric, t)) PARTITION BY RANGE (t)"),
        QStringLiteral("CREATE TABLE readings_rollup (device_id integer NOT NULL, metric "
                       "smallint NOT NULL, cell bigint NOT NULL, n integer NOT NULL, total "
                       "double precision NOT NULL, low double precision NOT NULL, high double "
                       "precision NOT NULL, first_t bigint NOT NULL, first_value double "
                       "precision NOT NULL, last_t bigint NOT NULL, last_value double precision "
                       "NOT NULL, PRIMARY KEY (device_id, metric, cell))"),
        // newestTimestamp(): the newest cell, found through this index, holds the newest time.
        QStringLiteral("CREATE INDEX readings_rollup_by_cell ON readings_rollup (cell)"),
        // Creates the partition of the UTC month `at` falls in. SECURITY DEFINER: only the
        // tables' owner may attach partitions, and the collector that needs them is not it.
        QStringLiteral(R"SQL(
CREATE FUNCTION dvdash_readings_partition(at bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    month_start timestamp := date_trunc('month', to_timestamp(at / 1000.0) AT TIME ZONE 'UTC');
    part_name text := 'readings_' || to_char(month_start, 'YYYY_MM');
BEGIN
    IF month_start < timestamp '2000-01-01' OR month_start >= timestamp '2101-01-01' THEN
        RAISE EXCEPTION 'reading time % (%) is outside the years 2000 to 2100', at, month_start;
    END IF;
    IF to_regclass(part_name) IS NULL THEN
        -- Two collectors meeting a new month create it once.
        PERFORM pg_advisory_xact_lock(hashtext('dvdash_readings_partition'));
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF readings '
                       'FOR VALUES FROM (%s) TO (%s)', part_name,
                       (extract(epoch FROM month_start) * 1000)::bigint,
                       (extract(epoch FROM month_start + interval '1 month') * 1000)::bigint);
    END IF;
    RETURN part_name;
END $$)SQL"),
        // Keeps the rollup in step with every insert, whoever makes it (collector, psql): only
        // rows really inserted reach the transition table, so redeliveries count once.
        QStringLiteral(R"SQL(
CREATE FUNCTION dvdash_readings_rollup() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO readings_rollup AS r (device_id, metric, cell, n, total, low, high,
                                      first_t, first_value, last_t, last_value)
    SELECT device_id, metric, cell, count(*), sum(value), min(value), max(value),
           (min(array[t::float8, value]))[1]::bigint, (min(array[t::float8, value]))[2],
           (max(array[t::float8, value]))[1]::bigint, (max(array[t::float8, value]))[2]
      FROM (SELECT device_id, metric, t - t % 600000 AS cell, t, value FROM inserted) s
     GROUP BY device_id, metric, cell
    ON CONFLICT (device_id, metric, cell) DO UPDATE SET
        n = r.n + excluded.n,
        total = r.total + excluded.total,
        low = least(r.low, excluded.low),
        high = greatest(r.high, excluded.high),
        first_t = least(r.first_t, excluded.first_t),
        first_value = CASE WHEN excluded.first_t < r.first_t THEN excluded.first_value
                           ELSE r.first_value END,
        last_t = greatest(r.last_t, excluded.last_t),
        last_value = CASE WHEN excluded.last_t > r.last_t THEN excluded.last_value
                          ELSE r.last_value END;
    RETURN NULL;
END $$)SQL"),
        QStringLiteral("CREATE TRIGGER readings_rollup AFTER INSERT ON readings REFERENCING NEW "
                       "TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "
                       "dvdash_readings_rollup()"),
        // A device's number, registering it if new: the collector cannot read devices.
        QStringLiteral(R"SQL(
CREATE FUNCTION dvdash_device_id(key text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    device integer;
BEGIN
    SELECT id INTO device FROM devices WHERE device_key = key;
    IF device IS NULL THEN
        INSERT INTO devices (device_key, county_code, first_seen)
        VALUES (key, split_part(key, '/', 1), (extract(epoch FROM now()) * 1000)::bigint)
        ON CONFLICT (device_key) DO NOTHING RETURNING id INTO device;
        IF device IS NULL THEN
            SELECT id INTO device FROM devices WHERE device_key = key;
        END IF;
    END IF;
    RETURN device;
END $$)SQL"),
        // Which of these device numbers were given out: numbers only, never keys or counties.
        QStringLiteral("CREATE FUNCTION dvdash_known_devices(ids integer[]) RETURNS SETOF "
                       "integer LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, "
                       "pg_temp AS $$ SELECT id FROM devices WHERE id = ANY(ids) $$"),
        // Whether the signed-in role may see a device's readings: what the policies below
        // decide row by row (its county is visible, or the role bypasses RLS as the tables'
        // owner, a superuser or a BYPASSRLS role does), asked once.
        QStringLiteral(R"SQL(
CREATE FUNCTION dvdash_device_visible(device integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
SELECT EXISTS (SELECT 1 FROM devices d WHERE d.id = device
                  AND d.county_code IN (SELECT dvdash_visible_counties()))
    OR coalesce((SELECT r.rolsuper OR r.rolbypassrls FROM pg_roles r
                  WHERE r.rolname = session_user), false)
    OR pg_has_role(session_user, (SELECT c.relowner FROM pg_class c
                                   WHERE c.oid = 'readings'::regclass), 'USAGE')
$$)SQL"),
        // One series folded into buckets, exactly as SqliteSensorStore::history(): bucket
        // index least(buckets - 1, floor((t - from) / width)). Cells wholly inside one bucket come
        // from the rollup; cells cut by a bucket edge or by [from, to) are read reading by
        // reading. First/last: min/max of (t, value) pairs, t exact in a double below 2^53.
        // SECURITY DEFINER with dvdash_device_visible() checked once: row-level security would
        // check every row and, worse, keep the per-cell range out of the index (its bounds are
        // not leakproof expressions), 50 times slower for a county role than for the owner.
        // SET jit: the planner's row estimates for the lateral join are far too high and
        // compiling the query would cost more than running it.
        QStringLiteral(R"SQL(
CREATE FUNCTION dvdash_readings_history(device integer, series smallint, t_from bigint,
    t_to bigint, buckets integer, width double precision)
RETURNS TABLE (bucket integer, n bigint, low double precision, high double precision,
    total double precision, first_value double precision, last_value double precision)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off AS $$
WITH c AS MATERIALIZED (
    SELECT cell, n, total, low, high, first_t, first_value, last_t, last_value,
           least(buckets - 1, floor((cell - t_from)::float8 / width))::integer AS b,
           (cell >= t_from AND cell + 600000 <= t_to
            AND floor((cell - t_from)::float8 / width)
                = floor((cell + 599999 - t_from)::float8 / width)) AS whole
      FROM readings_rollup
     WHERE device_id = device AND metric = series AND cell > t_from - 600000 AND cell < t_to
       AND dvdash_device_visible(device)),
parts AS (
    SELECT b, n, total, low, high, array[first_t::float8, first_value] AS f,
           array[last_t::float8, last_value] AS l
      FROM c WHERE whole
    UNION ALL
    SELECT least(buckets - 1, floor((r.t - t_from)::float8 / width))::integer, 1, r.value,
           r.value, r.value, array[r.t::float8, r.value], array[r.t::float8, r.value]
      FROM c JOIN LATERAL (
           SELECT t, value FROM readings
            WHERE device_id = device AND metric = series
              AND t >= greatest(c.cell, t_from) AND t < least(c.cell + 600000, t_to)) r ON true
     WHERE NOT c.whole)
SELECT b, sum(n)::bigint, min(low), max(high), sum(total), (min(f))[2], (max(l))[2]
  FROM parts GROUP BY b ORDER BY b
$$)SQL"),
        // Narrow buckets (a few cells or less): every reading, no rollup; access as above.
        QStringLiteral(R"SQL(
CREATE FUNCTION dvdash_readings_history_raw(device integer, series smallint, t_from bigint,
    t_to bigint, buckets integer, width double precision)
RETURNS TABLE (bucket integer, n bigint, low double precision, high double precision,
    total double precision, first_value double precision, last_value double precision)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off AS $$
SELECT b, count(*), min(value), max(value), sum(value), (min(array[t::float8, value]))[2],
       (max(array[t::float8, value]))[2]
  FROM (SELECT least(buckets - 1, floor((t - t_from)::float8 / width))::integer AS b, t, value
          FROM readings
         WHERE device_id = device AND metric = series AND t >= t_from AND t < t_to
           AND dvdash_device_visible(device)) s
 GROUP BY b ORDER BY b
$$)SQL"),
        QStringLiteral("ALTER TABLE devices ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("ALTER TABLE readings ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("ALTER TABLE readings_rollup ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("CREATE POLICY devices_by_county ON devices FOR SELECT USING "
                       "(county_code IN (SELECT dvdash_visible_counties()))"),
        QStringLiteral("CREATE POLICY readings_by_county ON readings FOR SELECT USING "
                       "(device_id IN (SELECT id FROM devices))"),
        QStringLiteral("CREATE POLICY readings_collected ON readings FOR INSERT TO "
                       "dvdash_collector WITH CHECK (true)"),
        QStringLiteral("CREATE POLICY readings_rollup_by_county ON readings_rollup FOR SELECT "
                       "USING (device_id IN (SELECT id FROM devices))"),
        QStringLiteral("REVOKE ALL ON devices, readings, readings_rollup FROM PUBLIC"),
        QStringLiteral("GRANT SELECT ON devices, readings, readings_rollup TO dvdash_official"),
        QStringLiteral("GRANT INSERT ON readings TO dvdash_collector"),
        QStringLiteral("REVOKE ALL ON FUNCTION dvdash_readings_partition(bigint), "
                       "dvdash_device_id(text), dvdash_known_devices(integer[]) FROM PUBLIC"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION dvdash_readings_partition(bigint), "
                       "dvdash_device_id(text), dvdash_known_devices(integer[]) TO "
                       "dvdash_collector"),
        QStringLiteral("REVOKE ALL ON FUNCTION dvdash_device_visible(integer), "
                       "dvdash_readings_history(integer, smallint, bigint, bigint, integer, "
                       "double precision), dvdash_readings_history_raw(integer, smallint, bigint, "
                       "bigint, integer, double precision) FROM PUBLIC"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION dvdash_device_visible(integer), "
                       "dvdash_readings_history(integer, smallint, bigint, bigint, integer, "
                       "double precision), dvdash_readings_history_raw(integer, smallint, bigint, "
                       "bigint, integer, double precision) TO dvdash_official"),
    };
}

// 2: devices accepted into another site than their topic names (routeDevice), and finding a
// device by key for a collector, which reads no devices.
QStringList versionTwo()
{
    return {
        QStringLiteral("CREATE TABLE device_routes (heard_as text PRIMARY KEY, device_id integer "
                       "NOT NULL REFERENCES devices(id))"),
        QStringLiteral("ALTER TABLE device_routes ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("CREATE POLICY device_routes_by_county ON device_routes FOR SELECT USING "
                       "(device_id IN (SELECT id FROM devices))"),
        // As before, but a routed key gets the device it was routed to.
        QStringLiteral(R"SQL(
CREATE OR REPLACE FUNCTION dvdash_device_id(key text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    device integer;
BEGIN
    SELECT device_id INTO device FROM device_routes WHERE heard_as = key;
    IF device IS NULL THEN
        SELECT id INTO device FROM devices WHERE device_key = key;
    END IF;
    IF device IS NULL THEN
        INSERT INTO devices (device_key, county_code, first_seen)
        VALUES (key, split_part(key, '/', 1), (extract(epoch FROM now()) * 1000)::bigint)
        ON CONFLICT (device_key) DO NOTHING RETURNING id INTO device;
        IF device IS NULL THEN
            SELECT id INTO device FROM devices WHERE device_key = key;
        END IF;
    END IF;
    RETURN device;
END $$)SQL"),
        QStringLiteral(R"SQL(
CREATE FUNCTION dvdash_route_device(heard text, key text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    device integer := dvdash_device_id(key);
BEGIN
    INSERT INTO device_routes (heard_as, device_id) VALUES (heard, device)
    ON CONFLICT ON CONSTRAINT device_routes_pkey DO UPDATE SET device_id = excluded.device_id;
    RETURN device;
END $$)SQL"),
        // Matches by route, by full key or by last part, best first. A collector reads no
        // devices but must find those it hears from; anyone else only the ones it may see.
        QStringLiteral(R"SQL(
CREATE FUNCTION dvdash_find_device(key text)
RETURNS TABLE (id integer, device_key text, routed boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
SELECT m.id, m.device_key, m.routed FROM (
    SELECT d.id, d.device_key, true AS routed
      FROM device_routes r JOIN devices d ON d.id = r.device_id WHERE r.heard_as = key
    UNION ALL
    SELECT d.id, d.device_key, false FROM devices d
     WHERE d.device_key = key OR right(d.device_key, length(key) + 1) = '/' || key) m
 WHERE pg_has_role(session_user, 'dvdash_collector', 'MEMBER') OR dvdash_device_visible(m.id)
 ORDER BY m.routed DESC, m.device_key = key DESC
$$)SQL"),
        QStringLiteral("REVOKE ALL ON device_routes FROM PUBLIC"),
        QStringLiteral("GRANT SELECT ON device_routes TO dvdash_official"),
        QStringLiteral("REVOKE ALL ON FUNCTION dvdash_route_device(text, text), "
                       "dvdash_find_device(text) FROM PUBLIC"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION dvdash_route_device(text, text), "
                       "dvdash_find_device(text) TO dvdash_collector"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION dvdash_find_device(text) TO dvdash_official"),
    };
}

// 3: history() of a year within its target. Version one read every cell of the range twice
// (to fold the whole ones, to find the cut ones) through a materialized CTE that spilled to
// disk. Now the cells a bucket edge or [from, to) cuts come from the edges themselves (two
// candidates an edge, kept when the fold's own test calls them cut), the whole cells are read
// once, each cut cell's readings through the readings' key, and visibility is asked once up
// front. The buckets are the same: count, min, max, first and last identical, the sum equal but
// for its last bits (another order of floating additions). plpgsql for the check first; a plan
// for the actual range each call (a generic plan reads the readings with bitmap scans); no
// parallel workers for one series.
QStringList versionThree()
{
    return {
        QStringLiteral(R"SQL(
CREATE OR REPLACE FUNCTION dvdash_readings_history(device integer, series smallint,
    t_from bigint, t_to bigint, buckets integer, width double precision)
RETURNS TABLE (bucket integer, n bigint, low double precision, high double precision,
    total double precision, first_value double precision, last_value double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off
SET plan_cache_mode = force_custom_plan SET max_parallel_workers_per_gather = 0 AS $$
#variable_conflict use_column
BEGIN
    IF NOT dvdash_device_visible(device) THEN
        RETURN;
    END IF;
    RETURN QUERY
    WITH cut AS (
        -- Edge i lies within a millisecond of t_from + i * width: the cells two ms either
        -- side hold it. A cell is whole when its first and last millisecond fall in one
        -- bucket and inside [t_from, t_to); the others overlapping the range are cut.
        SELECT DISTINCT cell
          FROM (SELECT t_from - t_from % 600000 AS cell
                UNION ALL
                SELECT (t_to - 1) - (t_to - 1) % 600000
                UNION ALL
                SELECT e - e % 600000
                  FROM generate_series(1, buckets) i,
                       LATERAL (VALUES (floor(t_from + i * width)::bigint - 2),
                                       (floor(t_from + i * width)::bigint + 2)) v (e)) k
         WHERE cell > t_from - 600000 AND cell < t_to
           AND NOT (cell >= t_from AND cell + 600000 <= t_to
                    AND floor((cell - t_from)::float8 / width)
                        = floor((cell + 599999 - t_from)::float8 / width))),
    parts AS (
        SELECT least(buckets - 1, floor((cell - t_from)::float8 / width))::integer AS b, n,
               total, low, high, array[first_t::float8, first_value] AS f,
               array[last_t::float8, last_value] AS l
          FROM readings_rollup
         WHERE device_id = device AND metric = series AND cell >= t_from
           AND cell <= t_to - 600000
           AND floor((cell - t_from)::float8 / width)
               = floor((cell + 599999 - t_from)::float8 / width)
        UNION ALL
        SELECT least(buckets - 1, floor((r.t - t_from)::float8 / width))::integer, 1, r.value,
               r.value, r.value, array[r.t::float8, r.value], array[r.t::float8, r.value]
          FROM cut JOIN LATERAL (
               SELECT t, value FROM readings
                WHERE device_id = device AND metric = series AND t >= t_from AND t < t_to
                  AND t >= cut.cell AND t < cut.cell + 600000) r ON true)
    SELECT b, sum(n)::bigint, min(low), max(high), sum(total), (min(f))[2], (max(l))[2]
      FROM parts GROUP BY b ORDER BY b;
END $$)SQL"),
    };
}

// 4: a collector COPYs new readings straight into their month's partition (a page of rows at a
// time; the partitioned table takes them one by one), so each partition gets the rollup
// trigger the partitioned table has (statement triggers fire only on the table a statement
// names) and the collector's right to insert.
QStringList versionFour()
{
    return {
        // What every partition needs beyond the partitioned table's own: called by the owner.
        QStringLiteral(R"SQL(
CREATE FUNCTION dvdash_readings_partition_setup(part regclass) RETURNS void
LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER readings_rollup AFTER INSERT ON %s REFERENCING NEW TABLE '
                   'AS inserted FOR EACH STATEMENT EXECUTE FUNCTION dvdash_readings_rollup()',
                   part);
    EXECUTE format('GRANT INSERT ON %s TO dvdash_collector', part);
END $$)SQL"),
        QStringLiteral("REVOKE ALL ON FUNCTION dvdash_readings_partition_setup(regclass) FROM "
                       "PUBLIC"),
        QStringLiteral(R"SQL(
CREATE OR REPLACE FUNCTION dvdash_readings_partition(at bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    month_start timestamp := date_trunc('month', to_timestamp(at / 1000.0) AT TIME ZONE 'UTC');
    part_name text := 'readings_' || to_char(month_start, 'YYYY_MM');
BEGIN
    IF month_start < timestamp '2000-01-01' OR month_start >= timestamp '2101-01-01' THEN
        RAISE EXCEPTION 'reading time % (%) is outside the years 2000 to 2100', at, month_start;
    END IF;
    IF to_regclass(part_name) IS NULL THEN
        -- Two collectors meeting a new month create it once.
        PERFORM pg_advisory_xact_lock(hashtext('dvdash_readings_partition'));
        IF to_regclass(part_name) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF readings FOR VALUES FROM (%s) TO (%s)',
                           part_name,
                           (extract(epoch FROM month_start) * 1000)::bigint,
                           (extract(epoch FROM month_start + interval '1 month') * 1000)::bigint);
            PERFORM dvdash_readings_partition_setup(part_name::regclass);
        END IF;
    END IF;
    RETURN part_name;
END $$)SQL"),
        QStringLiteral("SELECT dvdash_readings_partition_setup(inhrelid::regclass) FROM "
                       "pg_inherits WHERE inhparent = 'readings'::regclass"),
    };
}

// 5: buckets of four cells or more (HistoryGrid::onCells) have their inner edges on whole cells,
// so a year folds its 52,560 cells and reads single readings only in the cells t_from and t_to
// cut: the 2,000 edge cells version three read reading by reading cost half its time. A cell's
// bucket is HistoryGrid::bucketOf in integers; the end cells' readings are placed by the same
// expression. work_mem so the fold hashes in memory whatever the planner estimates.
QStringList versionFive()
{
    return {
        QStringLiteral("DROP FUNCTION IF EXISTS dvdash_readings_history(integer, smallint, bigint, "
                       "bigint, integer, double precision)"),
        QStringLiteral(R"SQL(
CREATE OR REPLACE FUNCTION dvdash_readings_history(device integer, series smallint,
    t_from bigint, t_to bigint, buckets integer)
RETURNS TABLE (bucket integer, n bigint, low double precision, high double precision,
    total double precision, first_value double precision, last_value double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off
SET plan_cache_mode = force_custom_plan SET max_parallel_workers_per_gather = 0
SET work_mem = '64MB' AS $$
#variable_conflict use_column
DECLARE
    span bigint := t_to - t_from;
    -- The whole cells: [whole_from, whole_to); before and after them single readings.
    whole_from bigint := t_from + (600000 - t_from % 600000) % 600000;
    whole_to bigint := t_to - t_to % 600000;
BEGIN
    IF NOT dvdash_device_visible(device) THEN
        RETURN;
    END IF;
    RETURN QUERY
    WITH parts AS (
        SELECT cell, n, total, low, high, array[first_t::float8, first_value] AS f,
               array[last_t::float8, last_value] AS l
          FROM readings_rollup
         WHERE device_id = device AND metric = series AND cell >= whole_from
           AND cell < whole_to
        UNION ALL
        SELECT t - t % 600000, 1, value, value, value, array[t::float8, value],
               array[t::float8, value]
          FROM readings
         WHERE device_id = device AND metric = series AND t >= t_from AND t < t_to
           AND (t < whole_from OR t >= whole_to))
    SELECT least(buckets - 1, greatest(0, ((cell + 600000 - t_from) * buckets - 1) / span))::integer,
           sum(n)::bigint, min(low), max(high), sum(total), (min(f))[2], (max(l))[2]
      FROM parts GROUP BY 1 ORDER BY 1;
END $$)SQL"),
        QStringLiteral("REVOKE ALL ON FUNCTION dvdash_readings_history(integer, smallint, bigint, "
                       "bigint, integer) FROM PUBLIC"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION dvdash_readings_history(integer, smallint, "
                       "bigint, bigint, integer) TO dvdash_official"),
    };
}

// The rollup trigger of version six: as version one's, and readings of hours already folded
// (late ones: a spool forwarded after an outage) added to their hour too. The shared lock keeps
// dvdash_fold_hours() and a batch apart: a fold sees every batch committed before it, a batch
// after it finds its hours folded.
const char *const kRollupTriggerSix = R"SQL(
CREATE OR REPLACE FUNCTION dvdash_readings_rollup() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    folded_until bigint;
BEGIN
    PERFORM pg_advisory_xact_lock_shared(hashtext('dvdash_fold_hours'));
    INSERT INTO readings_rollup AS r (device_id, metric, cell, n, total, low, high,
                                      first_t, first_value, last_t, last_value)
    SELECT device_id, metric, cell, count(*), sum(value), min(value), max(value),
           (min(array[t::float8, value]))[1]::bigint, (min(array[t::float8, value]))[2],
           (max(array[t::float8, value]))[1]::bigint, (max(array[t::float8, value]))[2]
      FROM (SELECT device_id, metric, t - t % 600000 AS cell, t, value FROM inserted) s
     GROUP BY device_id, metric, cell
    ON CONFLICT (device_id, metric, cell) DO UPDATE SET
        n = r.n + excluded.n,
        total = r.total + excluded.total,
        low = least(r.low, excluded.low),
        high = greatest(r.high, excluded.high),
        first_t = least(r.first_t, excluded.first_t),
        first_value = CASE WHEN excluded.first_t < r.first_t THEN excluded.first_value
                           ELSE r.first_value END,
        last_t = greatest(r.last_t, excluded.last_t),
        last_value = CASE WHEN excluded.last_t > r.last_t THEN excluded.last_value
                          ELSE r.last_value END;
    SELECT until INTO folded_until FROM readings_hours_folded;
    IF folded_until IS NOT NULL AND EXISTS (SELECT 1 FROM inserted WHERE t < folded_until) THEN
        INSERT INTO readings_rollup_hour AS r (device_id, metric, hour, n, total, low, high,
                                               first_t, first_value, last_t, last_value)
        SELECT device_id, metric, hour, count(*), sum(value), min(value), max(value),
               (min(array[t::float8, value]))[1]::bigint, (min(array[t::float8, value]))[2],
               (max(array[t::float8, value]))[1]::bigint, (max(array[t::float8, value]))[2]
          FROM (SELECT device_id, metric, t - t % 3600000 AS hour, t, value FROM inserted
                 WHERE t < folded_until) s
         GROUP BY device_id, metric, hour
        ON CONFLICT (device_id, metric, hour) DO UPDATE SET
            n = r.n + excluded.n,
            total = r.total + excluded.total,
            low = least(r.low, excluded.low),
            high = greatest(r.high, excluded.high),
            first_t = least(r.first_t, excluded.first_t),
            first_value = CASE WHEN excluded.first_t < r.first_t THEN excluded.first_value
                               ELSE r.first_value END,
            last_t = greatest(r.last_t, excluded.last_t),
            last_value = CASE WHEN excluded.last_t > r.last_t THEN excluded.last_value
                              ELSE r.last_value END;
    END IF;
    RETURN NULL;
END $$)SQL";

// 6: an hourly rollup for buckets of four hours and more (a year as 2,000 points folds 8,760
// hours instead of 52,560 cells). Kept by folding closed hours' cells (compact(), which the
// writer calls every ten minutes, as it compacts SQLite's chunks), not by each batch: a second
// upsert per batch cost a quarter of the ingest. Hours before readings_hours_folded.until are
// folded; history() reads their hour rows and cells after them.
QStringList versionSix()
{
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS readings_rollup_hour (device_id integer NOT "
                       "NULL, metric smallint NOT NULL, hour bigint NOT NULL, n integer NOT NULL, "
                       "total double precision NOT NULL, low double precision NOT NULL, high "
                       "double precision NOT NULL, first_t bigint NOT NULL, first_value double "
                       "precision NOT NULL, last_t bigint NOT NULL, last_value double precision "
                       "NOT NULL, PRIMARY KEY (device_id, metric, hour))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS readings_hours_folded (one boolean PRIMARY KEY "
                       "DEFAULT true CHECK (one), until bigint)"),
        QStringLiteral("INSERT INTO readings_hours_folded (until) VALUES (NULL) ON CONFLICT DO "
                       "NOTHING"),
        QStringLiteral("ALTER TABLE readings_rollup_hour ENABLE ROW LEVEL SECURITY"),
        QStringLiteral("DROP POLICY IF EXISTS readings_rollup_hour_by_county ON "
                       "readings_rollup_hour"),
        QStringLiteral("CREATE POLICY readings_rollup_hour_by_county ON readings_rollup_hour FOR "
                       "SELECT USING (device_id IN (SELECT id FROM devices))"),
        QStringLiteral("REVOKE ALL ON readings_rollup_hour, readings_hours_folded FROM PUBLIC"),
        QStringLiteral("GRANT SELECT ON readings_rollup_hour, readings_hours_folded TO "
                       "dvdash_official"),
        QString::fromUtf8(kRollupTriggerSix),
        // Folds up to max_hours closed hours (before `before`) from the first not yet folded,
        // skipping empty time; returns the hour rows written. The exclusive lock waits for the
        // batches in flight and holds new ones back for the fold's few milliseconds to seconds.
        QStringLiteral(R"SQL(
CREATE OR REPLACE FUNCTION dvdash_fold_hours(before bigint, max_hours integer) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    start_at bigint;
    end_at bigint;
    next_cell bigint;
    written bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('dvdash_fold_hours'));
    SELECT until INTO start_at FROM readings_hours_folded;
    SELECT cell INTO next_cell FROM readings_rollup
     WHERE cell >= coalesce(start_at, 0) ORDER BY cell LIMIT 1;
    end_at := before - before % 3600000;
    IF next_cell IS NULL OR next_cell >= end_at THEN
        RETURN 0;
    END IF;
    start_at := next_cell - next_cell % 3600000;
    end_at := least(end_at, start_at + max_hours::bigint * 3600000);
    INSERT INTO readings_rollup_hour (device_id, metric, hour, n, total, low, high, first_t,
                                      first_value, last_t, last_value)
    SELECT device_id, metric, hour, sum(n), sum(total), min(low), max(high),
           (min(f))[1]::bigint, (min(f))[2], (max(l))[1]::bigint, (max(l))[2]
      FROM (SELECT device_id, metric, cell - cell % 3600000 AS hour, n, total, low, high,
                   array[first_t::float8, first_value] AS f,
                   array[last_t::float8, last_value] AS l
              FROM readings_rollup WHERE cell >= start_at AND cell < end_at) c
     GROUP BY device_id, metric, hour;
    GET DIAGNOSTICS written = ROW_COUNT;
    UPDATE readings_hours_folded SET until = end_at;
    RETURN written;
END $$)SQL"),
        QStringLiteral("REVOKE ALL ON FUNCTION dvdash_fold_hours(bigint, integer) FROM PUBLIC"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION dvdash_fold_hours(bigint, integer) TO "
                       "dvdash_collector"),
        QStringLiteral("DROP FUNCTION IF EXISTS dvdash_readings_history(integer, smallint, bigint, "
                       "bigint, integer)"),
        // Buckets on steps of `step` (HistoryGrid): hours folded from the hourly rollup, the
        // other whole cells from the 10-minute one, the end cells' readings one by one; every
        // part placed in its bucket by HistoryGrid::bucketOf in integers.
        QStringLiteral(R"SQL(
CREATE OR REPLACE FUNCTION dvdash_readings_history(device integer, series smallint,
    t_from bigint, t_to bigint, buckets integer, step bigint)
RETURNS TABLE (bucket integer, n bigint, low double precision, high double precision,
    total double precision, first_value double precision, last_value double precision)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off
SET plan_cache_mode = force_custom_plan SET max_parallel_workers_per_gather = 0
SET work_mem = '64MB' AS $$
#variable_conflict use_column
DECLARE
    span bigint := t_to - t_from;
    -- [t_from, cells_from) and [cells_to, t_to): single readings; between them whole cells,
    -- of which those in [hours_from, hours_to) come folded into hours.
    cells_from bigint := t_from + (600000 - t_from % 600000) % 600000;
    cells_to bigint := t_to - t_to % 600000;
    hours_from bigint := cells_from;
    hours_to bigint := cells_from;
BEGIN
    IF NOT dvdash_device_visible(device) THEN
        RETURN;
    END IF;
    IF step = 3600000 THEN
        hours_from := t_from + (3600000 - t_from % 3600000) % 3600000;
        SELECT greatest(hours_from, least(t_to - t_to % 3600000, coalesce(until, 0)))
          INTO hours_to FROM readings_hours_folded;
    END IF;
    RETURN QUERY
    WITH parts AS (
        SELECT hour AS at, n, total, low, high, array[first_t::float8, first_value] AS f,
               array[last_t::float8, last_value] AS l
          FROM readings_rollup_hour
         WHERE device_id = device AND metric = series AND hour >= hours_from
           AND hour < hours_to
        UNION ALL
        SELECT cell, n, total, low, high, array[first_t::float8, first_value],
               array[last_t::float8, last_value]
          FROM readings_rollup
         WHERE device_id = device AND metric = series AND cell >= cells_from
           AND cell < cells_to AND (cell < hours_from OR cell >= hours_to)
        UNION ALL
        SELECT t, 1, value, value, value, array[t::float8, value], array[t::float8, value]
          FROM readings
         WHERE device_id = device AND metric = series AND t >= t_from AND t < t_to
           AND (t < cells_from OR t >= cells_to))
    SELECT least(buckets - 1,
                 greatest(0, ((at - at % step + step - t_from) * buckets - 1) / span))::integer,
           sum(n)::bigint, min(low), max(high), sum(total), (min(f))[2], (max(l))[2]
      FROM parts GROUP BY 1 ORDER BY 1;
END $$)SQL"),
        QStringLiteral("REVOKE ALL ON FUNCTION dvdash_readings_history(integer, smallint, bigint, "
                       "bigint, integer, bigint) FROM PUBLIC"),
        QStringLiteral("GRANT EXECUTE ON FUNCTION dvdash_readings_history(integer, smallint, "
                       "bigint, bigint, integer, bigint) TO dvdash_official"),
    };
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODateWithMs);
}

} // namespace

PostgresSensorStore::PostgresSensorStore(const QString &spec)
    : mConnection(spec)
{
}

PostgresSensorStore::~PostgresSensorStore() = default;

qint64 PostgresSensorStore::monthStart(qint64 ms)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date();
    return QDateTime(QDate(day.year(), day.month(), 1), QTime(0, 0), QTimeZone::utc())
        .toMSecsSinceEpoch();
}

qint64 PostgresSensorStore::nextMonthStart(qint64 ms)
{
    const QDate day = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date();
    return QDateTime(QDate(day.year(), day.month(), 1).addMonths(1), QTime(0, 0), QTimeZone::utc())
        .toMSecsSinceEpoch();
}

bool PostgresSensorStore::open(QString *error)
{
    if (!mConnection.open(error))
        return false;
    if (!PostgresAccessSchema::migrate(mConnection, error))
        return false;
    return migrate(error);
}

bool PostgresSensorStore::migrate(QString *error)
{
    static const PostgresSchema schema(QStringLiteral("readings"), tr("sensor readings"),
        { versionOne(), versionTwo(), versionThree(), versionFour(), versionFive(),
            versionSix() });
    static_assert(kSchemaVersion == 6, "add the new version's step to the schema above");
    return schema.migrate(mConnection, &mSchemaVersion, error);
}

bool PostgresSensorStore::ensureOpen(QString *error)
{
    return mConnection.ensureOpen(error);
}

std::optional<quint32> PostgresSensorStore::deviceId(const QString &key, QString *error)
{
    if (auto it = mDevices.constFind(key); it != mDevices.constEnd())
        return *it;
    if (!ensureOpen(error))
        return std::nullopt;
    QString detail;
    const auto result
        = mConnection.exec(QStringLiteral("SELECT dvdash_device_id($1)"), { key }, &detail);
    if (!result) {
        *error = tr("cannot register device %1: %2").arg(key, detail);
        return std::nullopt;
    }
    const quint32 id = quint32(result->int64(0, 0));
    mDevices.insert(key, id);
    mKnownDevices.insert(id);
    return id;
}

std::optional<quint32> PostgresSensorStore::findDevice(const QString &key, QString *error)
{
    if (!ensureOpen(error))
        return std::nullopt;
    const auto result = mConnection.exec(
        QStringLiteral("SELECT id, device_key, routed FROM dvdash_find_device($1)"), { key }, error);
    if (!result)
        return std::nullopt;
    // Ordered by the server: a route, then the full key, then a unique last part.
    if (result->rows() > 0
        && (result->boolean(0, 2) || result->text(0, 1) == key))
        return quint32(result->int64(0, 0));
    if (result->rows() == 1)
        return quint32(result->int64(0, 0));
    *error = result->rows() == 0
        ? tr("%1: no device %2 in this store").arg(mConnection.displayName(), key)
        : tr("%1: %2 names %3 devices; give county/site/device")
              .arg(mConnection.displayName(), key)
              .arg(result->rows());
    return std::nullopt;
}

std::optional<quint32> PostgresSensorStore::routeDevice(
    const QString &heardAs, const QString &key, QString *error)
{
    if (!ensureOpen(error))
        return std::nullopt;
    QString detail;
    const auto result = mConnection.exec(
        QStringLiteral("SELECT dvdash_route_device($1, $2)"), { heardAs, key }, &detail);
    if (!result) {
        *error = tr("cannot store %1 as %2: %3").arg(heardAs, key, detail);
        return std::nullopt;
    }
    const quint32 id = quint32(result->int64(0, 0));
    mDevices.insert(key, id);
    mDevices.insert(heardAs, id);
    mKnownDevices.insert(id);
    return id;
}

std::optional<std::vector<DeviceEntry>> PostgresSensorStore::devices(
    const QString &prefix, QString *error)
{
    if (!ensureOpen(error))
        return std::nullopt;
    // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
    const auto result = mConnection.exec(
        QStringLiteral("SELECT id, device_key FROM devices WHERE left(device_key, $1) = $2 "
                       "ORDER BY device_key COLLATE \"C\""),
        { int(prefix.size()), prefix.isNull() ? QStringLiteral("") : prefix }, error);
    if (!result)
        return std::nullopt;
    std::vector<DeviceEntry> out;
    out.reserve(std::size_t(result->rows()));
    for (int row = 0; row < result->rows(); ++row)
        out.push_back({ quint32(result->int64(row, 0)), result->text(row, 1) });
    return out;
}

std::optional<qint64> PostgresSensorStore::newestTimestamp(QString *error)
{
    if (!ensureOpen(error))
        return std::nullopt;
    // The newest cell (by its index) holds the newest reading; both reads see only what RLS
    // lets this role see.
    const auto result = mConnection.exec(
        QStringLiteral("SELECT max(last_t) FROM readings_rollup WHERE cell = (SELECT cell FROM "
                       "readings_rollup ORDER BY cell DESC LIMIT 1)"),
        error);
    if (!result)
        return std::nullopt;
    return result->rows() == 0 || result->isNull(0, 0) ? 0 : result->int64(0, 0);
}

std::optional<int> PostgresSensorStore::dropUnknownDevices(
    std::vector<Reading> &readings, QString *error)
{
    QStringList unseen;
    for (const Reading &r : readings) {
        if (!mKnownDevices.count(r.device)) {
            const QString id = QString::number(r.device);
            if (unseen.isEmpty() || unseen.last() != id) // sorted by device: runs
                unseen << id;
        }
    }
    if (!unseen.isEmpty()) {
        const auto result = mConnection.exec(
            QStringLiteral("SELECT dvdash_known_devices($1::integer[])"),
            { QStringLiteral("{") + unseen.join(QLatin1Char(',')) + QStringLiteral("}") }, error);
        if (!result)
            return std::nullopt;
        for (int row = 0; row < result->rows(); ++row)
            mKnownDevices.insert(quint32(result->int64(row, 0)));
    }
    const auto last = std::remove_if(readings.begin(), readings.end(),
        [&](const Reading &r) { return !mKnownDevices.count(r.device); });
    const int dropped = int(readings.end() - last);
    readings.erase(last, readings.end());
    return dropped;
}

bool PostgresSensorStore::ensurePartitions(const std::vector<Reading> &readings, QString *error)
{
    QSet<qint64> months;
    qint64 lo = 0, hi = 0, newest = std::numeric_limits<qint64>::min();
    for (const Reading &r : readings) {
        newest = std::max(newest, r.timestamp);
        if (r.timestamp >= lo && r.timestamp < hi)
            continue;
        lo = monthStart(r.timestamp);
        hi = nextMonthStart(r.timestamp);
        months.insert(lo);
    }
    if (readings.empty())
        return true;
    // The month after the newest, so a collector crossing midnight on the last day of a month
    // does not meet a missing partition (and its short lock) in its first batch.
    if (nextMonthStart(newest) < kLatest)
        months.insert(nextMonthStart(newest));
    QList<qint64> missing;
    for (qint64 month : std::as_const(months)) {
        if (!mPartitions.contains(month))
            missing << month;
    }
    std::sort(missing.begin(), missing.end());
    // Each in its own short transaction before the batch's: attaching a partition locks the
    // whole table, and readers should wait for that only for a moment.
    for (qint64 month : std::as_const(missing)) {
        const auto made = mConnection.exec(
            QStringLiteral("SELECT dvdash_readings_partition($1)"), { month }, error);
        if (!made)
            return false;
        mPartitions.insert(month, made->text(0, 0));
    }
    return true;
}

PostgresSensorStore::BatchRows PostgresSensorStore::copyRows(
    const std::vector<Reading> &readings, bool trustNewest) const
{
    BatchRows rows;
    // Sorted by series: its newest stored time is looked up once a run, its month once a month.
    quint64 series = ~quint64(0);
    qint64 newest = std::numeric_limits<qint64>::max();
    qint64 lo = 0, hi = 0;
    PostgresCopyRows *month = nullptr;
    for (const Reading &r : readings) {
        const quint64 key = ReadingBatch::seriesKey(r.device, r.metric);
        if (trustNewest && key != series) {
            series = key;
            const auto it = mNewest.find(series);
            newest = it != mNewest.end() ? it->second : std::numeric_limits<qint64>::max();
        }
        PostgresCopyRows *target = &rows.maybeStored;
        if (trustNewest && r.timestamp > newest) {
            if (!month || r.timestamp < lo || r.timestamp >= hi) {
                lo = monthStart(r.timestamp);
                hi = nextMonthStart(r.timestamp);
                month = &rows.fresh.try_emplace(lo, int(readings.size()), 58).first->second;
            }
            target = month;
        }
        target->beginRow(6);
        target->addInt32(qint32(r.device));
        target->addInt16(r.metric);
        target->addInt64(r.timestamp);
        target->addFloat8(r.value);
        target->addInt64(r.arrival);
        target->addBool(r.sensorFault);
    }
    return rows;
}

std::optional<qint64> PostgresSensorStore::insertBatch(
    BatchRows rows, QString *failedState, QString *error)
{
    failedState->clear();
    // The SQLSTATE of a failing statement, taken before the rollback clears it.
    const auto failed = [&]() -> std::optional<qint64> {
        *failedState = mConnection.lastSqlState();
        return std::nullopt;
    };
    const QString copy = QStringLiteral("COPY %1 (device_id, metric, t, value, arrival, "
                                        "sensor_fault) FROM STDIN (FORMAT binary)");
    PostgresTransaction transaction(mConnection);
    if (!transaction.begin(error))
        return std::nullopt;
    qint64 stored = 0;
    // Readings newer than anything stored in their series go straight into their month's
    // partition: COPY into a plain table writes a page of rows at a time, where the partitioned
    // table (and INSERT ... SELECT) takes them one by one. The partition's own statement trigger
    // keeps the rollup. A reading another writer stored meanwhile fails the batch (23505).
    for (auto &[month, monthRows] : rows.fresh) {
        const auto partition = mPartitions.constFind(month);
        if (partition == mPartitions.constEnd()) {
            *error = mConnection.failure(tr("cannot write to the store"),
                tr("no partition for the month of %1").arg(isoTime(month)));
            return std::nullopt;
        }
        const auto copied = mConnection.copyIn(
            copy.arg(PostgresConnection::quotedIdentifier(*partition)), monthRows.finish(), error);
        if (!copied)
            return failed();
        stored += *copied;
    }
    // The others may be redeliveries: through the session's staging table and ON CONFLICT DO
    // NOTHING, which costs twice as much a row.
    if (rows.maybeStored.rows() > 0) {
        if (!mConnection.copyIn(copy.arg(kStaging), rows.maybeStored.finish(), error))
            return failed();
        const auto maybeStored = mConnection.exec(
            QStringLiteral("INSERT INTO readings (device_id, metric, t, value, arrival, "
                           "sensor_fault) SELECT device_id, metric, t, value, arrival, "
                           "sensor_fault FROM %1 ON CONFLICT DO NOTHING")
                .arg(kStaging),
            error);
        if (!maybeStored)
            return failed();
        stored += maybeStored->affected();
    }
    if (!transaction.commit(error))
        return failed();
    return stored;
}

std::optional<WriteStats> PostgresSensorStore::write(std::vector<Reading> readings, QString *error)
{
    WriteStats stats;
    stats.duplicates = ReadingBatch::sortAndDeduplicate(readings);
    if (readings.empty())
        return stats;
    for (const Reading &r : readings) {
        if (r.timestamp < kEarliest || r.timestamp >= kLatest) {
            *error = mConnection.failure(tr("cannot write to the store"),
                tr("the reading of device %1, metric %2 at %3 (%4 ms) is outside the years 2000 "
                   "to 2100; check the device's clock")
                    .arg(r.device)
                    .arg(r.metric)
                    .arg(isoTime(r.timestamp))
                    .arg(r.timestamp));
            return std::nullopt;
        }
    }
    if (!ensureOpen(error))
        return std::nullopt;
    const auto unknown = dropUnknownDevices(readings, error);
    if (!unknown)
        return std::nullopt;
    stats.unknownDevice = *unknown;
    if (readings.empty())
        return stats;
    if (!ensurePartitions(readings, error))
        return std::nullopt;

    QString state;
    auto inserted = insertBatch(copyRows(readings, true), &state, error);
    if (!inserted && state == QLatin1String("42P01")) {
        // First write of this session (or after a reconnect): the staging table is the
        // session's own, emptied at every commit; create it and try once more. Or a partition
        // this store knew of was dropped (a DBA's retention): ask for every month again.
        mPartitions.clear();
        if (!ensurePartitions(readings, error)
            || !mConnection.run(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS %1 (device_id "
                                               "integer, metric smallint, t bigint, value double "
                                               "precision, arrival bigint, sensor_fault boolean) "
                                               "ON COMMIT DELETE ROWS")
                                    .arg(kStaging),
                error))
            return std::nullopt;
        inserted = insertBatch(copyRows(readings, true), &state, error);
    }
    if (!inserted && state == QLatin1String("23505")) {
        // Another writer stored some of these since this store learned its series' newest
        // times: every reading through ON CONFLICT then.
        inserted = insertBatch(copyRows(readings, false), &state, error);
    }
    if (!inserted)
        return std::nullopt;
    // Committed: every reading of the batch is stored now, new or not. Sorted by series and
    // time, so a series' last reading is its newest.
    for (std::size_t i = 0; i < readings.size(); ++i) {
        const Reading &r = readings[i];
        if (i + 1 < readings.size() && readings[i + 1].device == r.device
            && readings[i + 1].metric == r.metric)
            continue;
        qint64 &newest = mNewest.try_emplace(ReadingBatch::seriesKey(r.device, r.metric),
                                    std::numeric_limits<qint64>::min())
                             .first->second;
        newest = std::max(newest, r.timestamp);
    }
    stats.stored = int(*inserted);
    stats.duplicates += int(readings.size()) - stats.stored;
    return stats;
}

std::optional<std::vector<Reading>> PostgresSensorStore::readings(
    quint32 device, int metric, qint64 from, qint64 to, QString *error)
{
    if (!ensureOpen(error))
        return std::nullopt;
    const auto result = mConnection.exec(
        QStringLiteral("SELECT metric, t, value, arrival, sensor_fault FROM readings WHERE "
                       "device_id = $1 AND metric = $2 AND t >= $3 AND t < $4 ORDER BY t"),
        { device, metric, from, to }, error);
    if (!result)
        return std::nullopt;
    std::vector<Reading> out;
    out.reserve(std::size_t(result->rows()));
    for (int row = 0; row < result->rows(); ++row) {
        Reading r;
        r.device = device;
        r.metric = quint8(result->int32(row, 0));
        r.timestamp = result->int64(row, 1);
        r.value = result->real(row, 2);
        r.arrival = result->int64(row, 3);
        r.sensorFault = result->boolean(row, 4);
        out.push_back(r);
    }
    return out;
}

std::optional<std::vector<HistoryBucket>> PostgresSensorStore::history(
    quint32 device, int metric, qint64 from, qint64 to, int buckets, QString *error)
{
    if (buckets <= 0 || to <= from) {
        *error = mConnection.failure(
            tr("invalid history request"), tr("the range or bucket count is empty"));
        return std::nullopt;
    }
    if (!ensureOpen(error))
        return std::nullopt;
    const HistoryGrid grid(from, to, buckets);
    // On steps the rollups give the buckets; narrower ones come from every reading.
    const auto result = grid.onCells()
        ? mConnection.exec(QStringLiteral("SELECT * FROM dvdash_readings_history($1::integer, "
                                          "$2::smallint, $3::bigint, $4::bigint, $5::integer, "
                                          "$6::bigint)"),
              { device, metric, from, to, buckets, grid.step() }, error)
        : mConnection.exec(QStringLiteral("SELECT * FROM dvdash_readings_history_raw($1::integer, "
                                          "$2::smallint, $3::bigint, $4::bigint, $5::integer, "
                                          "$6::double precision)"),
              { device, metric, from, to, buckets, double(to - from) / buckets }, error);
    if (!result)
        return std::nullopt;
    std::vector<HistoryBucket> out;
    out.reserve(std::size_t(result->rows()));
    for (int row = 0; row < result->rows(); ++row) {
        HistoryBucket b;
        b.start = grid.startOf(result->int32(row, 0));
        b.count = int(result->int64(row, 1));
        b.min = result->real(row, 2);
        b.max = result->real(row, 3);
        b.mean = result->real(row, 4) / b.count;
        b.first = result->real(row, 5);
        b.last = result->real(row, 6);
        out.push_back(b);
    }
    return out;
}

// Folds closed hours into the hourly rollup a day per statement (each its own transaction, so
// ingest waits at most one day's fold), for up to two seconds: a store migrated with a year of
// cells catches up over its first hours instead of stalling its writer.
std::optional<int> PostgresSensorStore::compact(qint64 olderThan, QString *error)
{
    if (!ensureOpen(error))
        return std::nullopt;
    QElapsedTimer spent;
    spent.start();
    int folded = 0;
    do {
        const auto result = mConnection.exec(
            QStringLiteral("SELECT dvdash_fold_hours($1::bigint, 24)"), { olderThan }, error);
        if (!result)
            return std::nullopt;
        const int hours = int(result->int64(0, 0));
        if (hours == 0)
            break;
        folded += hours;
    } while (spent.elapsed() < 2000);
    return folded;
}

} // namespace dv
