// The shared indicator store: definitions, revisions and values on a PostgreSQL server.
#include "postgresindicatorstore.h"

#include "postgresaccess.h"
#include "postgresschema.h"

#include "indicatorcatalogue.h"
#include "indicatorimportcheck.h"
#include "sampleindicators.h"

#include <QStringList>

#include <cmath>
#include <limits>

namespace dv {

namespace {

const char *const kNoPrivilege = "42501"; // also what row-level security answers

// One writer at a time: revision ids follow commit order, so "the newest revision holding a
// cell" is the value indicator_current keeps, and two dashboards write the sample once.
const char *const kWriteLock = "SELECT pg_advisory_xact_lock(hashtext('dvdash indicators'))";

QVariant bound(double v)
{
    return std::isfinite(v) ? QVariant(v) : QVariant(QMetaType(QMetaType::Double));
}

// A whole column of rows travels as one array parameter (unnest on the server): one statement
// for thousands of values, and unlike COPY it is checked by row-level security.
QString quotedElement(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    out.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

QString arrayLiteral(const QStringList &elements)
{
    return QLatin1Char('{') + elements.join(QLatin1Char(',')) + QLatin1Char('}');
}

// The store's spelling of a revision's kind (IndicatorRevision::kindKey) read back.
IndicatorRevision::Kind kindFromKey(const QString &kind)
{
    return kind == QLatin1String("sample") ? IndicatorRevision::Kind::Sample
        : kind == QLatin1String("restore") ? IndicatorRevision::Kind::Restore
                                           : IndicatorRevision::Kind::Import;
}

std::vector<QStringList> schemaSteps()
{
    return {
        {
            QStringLiteral(
                "CREATE TABLE indicator_definitions (id text PRIMARY KEY, name_zh text NOT NULL, "
                "name_en text NOT NULL, unit text NOT NULL, decimals integer NOT NULL, "
                "higher_is_better boolean NOT NULL, dimension text NOT NULL, source text NOT "
                "NULL, minimum double precision, maximum double precision, in_index boolean NOT "
                "NULL, built_in boolean NOT NULL, position integer NOT NULL)"),
            QStringLiteral(
                "CREATE TABLE indicator_revisions (id bigint GENERATED ALWAYS AS IDENTITY "
                "PRIMARY KEY, created_ms bigint NOT NULL, kind text NOT NULL CHECK (kind IN "
                "('import', 'sample', 'restore')), source text NOT NULL, restored_from bigint, "
                "value_count integer NOT NULL, changed_count integer NOT NULL, made_by name NOT "
                "NULL DEFAULT session_user)"),
            QStringLiteral(
                "CREATE TABLE indicator_values (revision_id bigint NOT NULL REFERENCES "
                "indicator_revisions (id), county_code text NOT NULL, indicator_id text NOT NULL, "
                "year integer NOT NULL, value double precision, sample boolean NOT NULL, PRIMARY "
                "KEY (revision_id, county_code, indicator_id, year))"),
            QStringLiteral(
                "CREATE TABLE indicator_current (indicator_id text NOT NULL, year integer NOT "
                "NULL, county_code text NOT NULL, value double precision, sample boolean NOT "
                "NULL, revision_id bigint NOT NULL, PRIMARY KEY (indicator_id, year, "
                "county_code))"),
            QStringLiteral("CREATE INDEX indicator_current_by_county ON indicator_current "
                           "(county_code, indicator_id, year)"),
            // Defining indicators is the province's: they are the same for all 88 counties.
            // SECURITY DEFINER because dvdash_access is not readable by the officials.
            QStringLiteral(
                "CREATE FUNCTION indicator_may_define() RETURNS boolean LANGUAGE sql STABLE "
                "SECURITY DEFINER SET search_path = public, pg_temp AS $$ SELECT EXISTS (SELECT "
                "1 FROM dvdash_access a WHERE a.scope = 'province' AND pg_has_role(session_user, "
                "a.role_name, 'MEMBER')) $$"),
            QStringLiteral("REVOKE ALL ON FUNCTION indicator_may_define() FROM PUBLIC"),
            QStringLiteral("GRANT EXECUTE ON FUNCTION indicator_may_define() TO dvdash_official"),
            // Every official reads everything (neighbours, ranks); writes are per county.
            QStringLiteral("ALTER TABLE indicator_definitions ENABLE ROW LEVEL SECURITY"),
            QStringLiteral("CREATE POLICY indicator_definitions_read ON indicator_definitions "
                           "FOR SELECT TO dvdash_official USING (true)"),
            QStringLiteral("CREATE POLICY indicator_definitions_define ON indicator_definitions "
                           "FOR INSERT TO dvdash_official WITH CHECK (indicator_may_define())"),
            QStringLiteral("GRANT SELECT, INSERT ON indicator_definitions TO dvdash_official"),
            QStringLiteral("ALTER TABLE indicator_revisions ENABLE ROW LEVEL SECURITY"),
            QStringLiteral("CREATE POLICY indicator_revisions_read ON indicator_revisions FOR "
                           "SELECT TO dvdash_official USING (true)"),
            // Nobody signs a revision in another's name.
            QStringLiteral(
                "CREATE POLICY indicator_revisions_write ON indicator_revisions FOR INSERT TO "
                "dvdash_official WITH CHECK (made_by = session_user)"),
            QStringLiteral("GRANT SELECT, INSERT ON indicator_revisions TO dvdash_official"),
            QStringLiteral("ALTER TABLE indicator_values ENABLE ROW LEVEL SECURITY"),
            QStringLiteral("CREATE POLICY indicator_values_read ON indicator_values FOR SELECT "
                           "TO dvdash_official USING (true)"),
            QStringLiteral(
                "CREATE POLICY indicator_values_write ON indicator_values FOR INSERT TO "
                "dvdash_official WITH CHECK (county_code IN (SELECT dvdash_visible_counties()))"),
            QStringLiteral("GRANT SELECT, INSERT ON indicator_values TO dvdash_official"),
            QStringLiteral("ALTER TABLE indicator_current ENABLE ROW LEVEL SECURITY"),
            QStringLiteral("CREATE POLICY indicator_current_read ON indicator_current FOR SELECT "
                           "TO dvdash_official USING (true)"),
            QStringLiteral(
                "CREATE POLICY indicator_current_insert ON indicator_current FOR INSERT TO "
                "dvdash_official WITH CHECK (county_code IN (SELECT dvdash_visible_counties()))"),
            QStringLiteral(
                "CREATE POLICY indicator_current_update ON indicator_current FOR UPDATE TO "
                "dvdash_official USING (county_code IN (SELECT dvdash_visible_counties())) WITH "
                "CHECK (county_code IN (SELECT dvdash_visible_counties()))"),
            QStringLiteral("GRANT SELECT, INSERT, UPDATE ON indicator_current TO dvdash_official"),
        },
    };
}

} // namespace

PostgresIndicatorStore::PostgresIndicatorStore(const QString &spec)
    : mConnection(spec)
{
}

PostgresIndicatorStore::~PostgresIndicatorStore() = default;

QString PostgresIndicatorStore::failure(const QString &what, const QString &detail) const
{
    return mConnection.failure(what, detail);
}

bool PostgresIndicatorStore::open(QString *error)
{
    if (!mConnection.open(error) || !PostgresAccessSchema::migrate(mConnection, error)
        || !migrate(error))
        return false;
    // A read-only store keeps the built-ins it was given when it was last written.
    if (mConnection.readOnly() || seedBuiltIns(error))
        return true;
    // A collector's role, or one no official group was granted: say what to ask for.
    if (mConnection.lastSqlState() == QLatin1String(kNoPrivilege))
        *error = failure(tr("cannot read the county indicators"),
            tr("the role %1 has no access to them; the data centre grants it with dvdash admin "
               "grant (%2)")
                .arg(mConnection.role(), serverSaid(*error)));
    return false;
}

bool PostgresIndicatorStore::migrate(QString *error)
{
    static const PostgresSchema schema(
        QStringLiteral("indicators"), tr("county indicators"), schemaSteps());
    static_assert(kSchemaVersion == 1, "add the new version's step to the schema above");
    return schema.migrate(mConnection, &mSchemaVersion, error);
}

// Built-ins the server lacks (a new database, or one written before a newer dvdash added some).
// An office's edits to a built-in's row are kept: ON CONFLICT DO NOTHING. Only a role that may
// define indicators adds them; for any other the definitions stay as the province left them.
bool PostgresIndicatorStore::seedBuiltIns(QString *error)
{
    const std::vector<Indicator> &builtIns = IndicatorCatalogue::builtIns();
    QStringList ids;
    for (const Indicator &i : builtIns)
        ids << quotedElement(i.id);
    const auto missing = mConnection.exec(
        QStringLiteral("SELECT count(*) FROM unnest($1::text[]) AS b(id) WHERE NOT EXISTS "
                       "(SELECT 1 FROM indicator_definitions d WHERE d.id = b.id)"),
        { arrayLiteral(ids) }, error);
    if (!missing)
        return false;
    if (missing->int64(0, 0) == 0)
        return true;
    const auto may = mayDefine(error);
    if (!may)
        return false;
    if (!*may)
        return true;
    PostgresTransaction transaction(mConnection);
    if (!transaction.begin(error))
        return false;
    int position = 0;
    for (const Indicator &i : builtIns) {
        if (!mConnection.run(
                QStringLiteral(
                    "INSERT INTO indicator_definitions (id, name_zh, name_en, unit, decimals, "
                    "higher_is_better, dimension, source, minimum, maximum, in_index, built_in, "
                    "position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, true, $12) "
                    "ON CONFLICT (id) DO NOTHING"),
                error,
                { i.id, i.nameZh, i.nameEn, i.unit, i.decimals, i.higherIsBetter,
                    Indicator::dimensionKey(i.dimension), i.source, bound(i.minimum),
                    bound(i.maximum), i.inIndex, position++ }))
            return false;
    }
    return transaction.commit(error);
}

std::optional<bool> PostgresIndicatorStore::mayDefine(QString *error)
{
    // The owner (and a superuser) is not subject to row-level security; the province role is
    // allowed by the policy on indicator_definitions.
    const auto found = mConnection.exec(
        QStringLiteral("SELECT r.rolsuper OR r.rolbypassrls OR pg_has_role(current_user, "
                       "c.relowner, 'USAGE') OR indicator_may_define() FROM pg_roles r, pg_class "
                       "c WHERE r.rolname = current_user AND c.oid = "
                       "'indicator_definitions'::regclass"),
        error);
    if (!found)
        return std::nullopt;
    return found->rows() > 0 && found->boolean(0, 0);
}

std::optional<PostgresIndicatorStore::WriteScope> PostgresIndicatorStore::writeScope(QString *error)
{
    WriteScope scope;
    const auto bypass = mConnection.exec(
        QStringLiteral("SELECT r.rolsuper OR r.rolbypassrls OR pg_has_role(current_user, "
                       "c.relowner, 'USAGE') FROM pg_roles r, pg_class c WHERE r.rolname = "
                       "current_user AND c.oid = 'indicator_current'::regclass"),
        error);
    if (!bypass)
        return std::nullopt;
    scope.all = bypass->rows() > 0 && bypass->boolean(0, 0);
    if (scope.all)
        return scope;
    const auto visible = mConnection.exec(
        QStringLiteral("SELECT code FROM dvdash_visible_counties() AS code"), error);
    if (!visible)
        return std::nullopt;
    for (int r = 0; r < visible->rows(); ++r)
        scope.counties.insert(visible->text(r, 0));
    return scope;
}

bool PostgresIndicatorStore::refuseReadOnly(const QString &what, QString *error) const
{
    if (!mConnection.readOnly())
        return false;
    *error = failure(what, tr("the store is open read-only"));
    return true;
}

QString PostgresIndicatorStore::serverSaid(const QString &error) const
{
    const QString prefix = mConnection.displayName() + QStringLiteral(": ");
    return error.startsWith(prefix) ? error.mid(prefix.size()) : error;
}

QString PostgresIndicatorStore::writeRefusal(const QString &what, const QString &error) const
{
    if (mConnection.lastSqlState() != QLatin1String(kNoPrivilege))
        return error;
    return failure(what,
        tr("the role %1 may write only its own counties' values; %2")
            .arg(mConnection.role(), serverSaid(error)));
}

std::optional<std::vector<Indicator>> PostgresIndicatorStore::indicators(QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    const auto q = mConnection.exec(
        QStringLiteral("SELECT id, name_zh, name_en, unit, decimals, higher_is_better, "
                       "dimension, source, minimum, maximum, in_index, built_in FROM "
                       "indicator_definitions ORDER BY position, id"),
        error);
    if (!q)
        return std::nullopt;
    std::vector<Indicator> out;
    out.reserve(std::size_t(q->rows()));
    for (int r = 0; r < q->rows(); ++r) {
        Indicator i;
        i.id = q->text(r, 0);
        i.nameZh = q->text(r, 1);
        i.nameEn = q->text(r, 2);
        i.unit = q->text(r, 3);
        i.decimals = q->int32(r, 4);
        i.higherIsBetter = q->boolean(r, 5);
        i.dimension
            = Indicator::dimensionFromKey(q->text(r, 6)).value_or(IndicatorDimension::Economy);
        i.source = q->text(r, 7);
        i.minimum = q->isNull(r, 8) ? -std::numeric_limits<double>::infinity() : q->real(r, 8);
        i.maximum = q->isNull(r, 9) ? std::numeric_limits<double>::infinity() : q->real(r, 9);
        i.inIndex = q->boolean(r, 10);
        i.builtIn = q->boolean(r, 11);
        out.push_back(i);
    }
    return out;
}

bool PostgresIndicatorStore::addIndicator(const Indicator &indicator, QString *error)
{
    const QString invalid = indicator.validate();
    if (!invalid.isEmpty()) {
        *error = failure(tr("cannot add the indicator"), invalid);
        return false;
    }
    if (refuseReadOnly(tr("cannot add the indicator"), error) || !mConnection.ensureOpen(error))
        return false;
    const auto taken
        = mConnection.exec(QStringLiteral("SELECT 1 FROM indicator_definitions WHERE id = $1"),
            { indicator.id }, error);
    if (!taken)
        return false;
    if (taken->rows() > 0) {
        *error = failure(
            tr("cannot add the indicator"), tr("the id %1 is already taken").arg(indicator.id));
        return false;
    }
    const auto may = mayDefine(error);
    if (!may)
        return false;
    if (!*may) {
        *error = failure(tr("cannot add the indicator"),
            tr("the role %1 may not define indicators; they are the same for every county, so "
               "the province defines them")
                .arg(mConnection.role()));
        return false;
    }
    PostgresTransaction transaction(mConnection);
    if (!transaction.begin(error))
        return false;
    // ON CONFLICT: another dashboard may have taken the id since the check above.
    const auto added = mConnection.exec(
        QStringLiteral("INSERT INTO indicator_definitions (id, name_zh, name_en, unit, decimals, "
                       "higher_is_better, dimension, source, minimum, maximum, in_index, built_in, "
                       "position) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, false, "
                       "(SELECT coalesce(max(position), 0) + 1000 FROM indicator_definitions)) "
                       "ON CONFLICT (id) DO NOTHING"),
        { indicator.id, indicator.nameZh.trimmed(),
            indicator.nameEn.isNull() ? QStringLiteral("") : indicator.nameEn.trimmed(),
            indicator.unit.isNull() ? QStringLiteral("") : indicator.unit, indicator.decimals,
            indicator.higherIsBetter, Indicator::dimensionKey(indicator.dimension),
            indicator.source.isNull() ? QStringLiteral("") : indicator.source,
            bound(indicator.minimum), bound(indicator.maximum), indicator.inIndex },
        error);
    if (!added) {
        if (mConnection.lastSqlState() == QLatin1String(kNoPrivilege))
            *error = failure(tr("cannot add the indicator"),
                tr("the role %1 may not define indicators (%2)")
                    .arg(mConnection.role(), serverSaid(*error)));
        return false;
    }
    if (added->affected() == 0) {
        *error = failure(
            tr("cannot add the indicator"), tr("the id %1 is already taken").arg(indicator.id));
        return false;
    }
    return mConnection.run(QStringLiteral("SELECT pg_notify('dvdash_indicators', $1)"), error,
               { QStringLiteral("indicator:") + indicator.id })
        && transaction.commit(error);
}

std::optional<QList<int>> PostgresIndicatorStore::years(QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    const auto q = mConnection.exec(QStringLiteral("SELECT DISTINCT year FROM indicator_current "
                                                   "WHERE value IS NOT NULL ORDER BY year"),
        error);
    if (!q)
        return std::nullopt;
    QList<int> out;
    for (int r = 0; r < q->rows(); ++r)
        out << q->int32(r, 0);
    return out;
}

std::optional<QHash<QString, double>> PostgresIndicatorStore::values(
    const QString &indicatorId, int year, QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    const auto q = mConnection.exec(
        QStringLiteral("SELECT county_code, value FROM indicator_current WHERE indicator_id = $1 "
                       "AND year = $2 AND value IS NOT NULL"),
        { indicatorId, year }, error);
    if (!q)
        return std::nullopt;
    QHash<QString, double> out;
    for (int r = 0; r < q->rows(); ++r)
        out.insert(q->text(r, 0), q->real(r, 1));
    return out;
}

std::optional<QMap<int, double>> PostgresIndicatorStore::series(
    const QString &countyCode, const QString &indicatorId, QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    const auto q = mConnection.exec(
        QStringLiteral("SELECT year, value FROM indicator_current WHERE county_code = $1 AND "
                       "indicator_id = $2 AND value IS NOT NULL"),
        { countyCode, indicatorId }, error);
    if (!q)
        return std::nullopt;
    QMap<int, double> out;
    for (int r = 0; r < q->rows(); ++r)
        out.insert(q->int32(r, 0), q->real(r, 1));
    return out;
}

std::optional<std::vector<IndicatorValue>> PostgresIndicatorStore::table(int year, QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    // COLLATE "C": county codes and ids sort by their bytes, as in SQLite, whatever the
    // database's locale.
    const auto q = mConnection.exec(
        QStringLiteral("SELECT c.county_code, c.indicator_id, c.value FROM indicator_current c "
                       "LEFT JOIN indicator_definitions d ON d.id = c.indicator_id WHERE c.year = "
                       "$1 AND c.value IS NOT NULL ORDER BY c.county_code COLLATE \"C\", "
                       "d.position NULLS FIRST, d.id COLLATE \"C\" NULLS FIRST"),
        { year }, error);
    if (!q)
        return std::nullopt;
    std::vector<IndicatorValue> out;
    out.reserve(std::size_t(q->rows()));
    for (int r = 0; r < q->rows(); ++r)
        out.push_back({ q->text(r, 0), q->text(r, 1), year, q->real(r, 2) });
    return out;
}

std::optional<bool> PostgresIndicatorStore::hasSampleValues(int year, QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    const auto q = mConnection.exec(
        QStringLiteral("SELECT 1 FROM indicator_current WHERE year = $1 AND sample AND value IS "
                       "NOT NULL LIMIT 1"),
        { year }, error);
    if (!q)
        return std::nullopt;
    return q->rows() > 0;
}

bool PostgresIndicatorStore::beginWrite(PostgresTransaction &transaction, QString *error)
{
    return transaction.begin(error) && mConnection.run(QString::fromLatin1(kWriteLock), error);
}

std::optional<qint64> PostgresIndicatorStore::insertRevision(IndicatorRevision::Kind kind,
    const QString &source, qint64 restoredFrom, const std::vector<Cell> &cells, QString *error)
{
    QStringList counties, indicators, years, values, samples;
    for (const Cell &c : cells) {
        counties << quotedElement(c.county);
        indicators << quotedElement(c.indicator);
        years << QString::number(c.year);
        values << (c.value ? QString::number(*c.value, 'g', 17) : QStringLiteral("NULL"));
        samples << (c.sample ? QStringLiteral("t") : QStringLiteral("f"));
    }
    const QVariantList columns = { arrayLiteral(counties), arrayLiteral(indicators),
        arrayLiteral(years), arrayLiteral(values), arrayLiteral(samples) };
    const QString rows = QStringLiteral(
        "unnest($1::text[], $2::text[], $3::integer[], $4::double precision[], $5::boolean[]) "
        "AS n(county_code, indicator_id, year, value, sample)");

    // What is there now, to count the values this revision really changes.
    const auto changed = mConnection.exec(
        QStringLiteral("SELECT count(*) FROM %1 LEFT JOIN indicator_current c ON c.county_code = "
                       "n.county_code AND c.indicator_id = n.indicator_id AND c.year = n.year "
                       "WHERE c.value IS DISTINCT FROM n.value")
            .arg(rows),
        columns, error);
    if (!changed)
        return std::nullopt;
    // The server's clock: one clock for every dashboard writing to it.
    const auto revision = mConnection.exec(
        QStringLiteral("INSERT INTO indicator_revisions (created_ms, kind, source, restored_from, "
                       "value_count, changed_count) VALUES ((extract(epoch FROM "
                       "clock_timestamp()) * 1000)::bigint, $1, $2, $3, $4, $5) RETURNING id"),
        { IndicatorRevision::kindKey(kind), source.isNull() ? QStringLiteral("") : source,
            restoredFrom > 0 ? QVariant(restoredFrom) : QVariant(QMetaType(QMetaType::LongLong)),
            int(cells.size()), changed->int64(0, 0) },
        error);
    if (!revision)
        return std::nullopt;
    const qint64 id = revision->int64(0, 0);
    QVariantList withRevision = columns;
    withRevision << id;
    if (!mConnection.run(QStringLiteral("INSERT INTO indicator_values (revision_id, county_code, "
                                        "indicator_id, year, value, sample) SELECT $6, * FROM %1")
                             .arg(rows),
            error, withRevision)
        || !mConnection.run(
            QStringLiteral("INSERT INTO indicator_current (indicator_id, year, county_code, "
                           "value, sample, revision_id) SELECT indicator_id, year, county_code, "
                           "value, sample, $6 FROM %1 ON CONFLICT (indicator_id, year, "
                           "county_code) DO UPDATE SET value = excluded.value, sample = "
                           "excluded.sample, revision_id = excluded.revision_id")
                .arg(rows),
            error, withRevision)
        || !mConnection.run(QStringLiteral("SELECT pg_notify('dvdash_indicators', $1)"), error,
            { QStringLiteral("revision:%1").arg(id) }))
        return std::nullopt;
    return id;
}

std::optional<qint64> PostgresIndicatorStore::importValues(
    const std::vector<IndicatorValue> &values, const QString &source, QString *error)
{
    const auto known = indicators(error);
    if (!known)
        return std::nullopt;
    if (const QString refused = IndicatorImportCheck::refusal(values, *known); !refused.isEmpty()) {
        *error = failure(tr("nothing imported"), refused);
        return std::nullopt;
    }
    std::vector<Cell> cells;
    cells.reserve(values.size());
    for (const IndicatorValue &v : values)
        cells.push_back({ v.county, v.indicator, v.year, v.value, false });
    if (refuseReadOnly(tr("nothing imported"), error))
        return std::nullopt;
    // Checked here as well as by row-level security, so the refusal names the first row the
    // role may not write instead of only the table.
    const auto scope = writeScope(error);
    if (!scope)
        return std::nullopt;
    for (const Cell &c : cells) {
        if (!scope->allows(c.county)) {
            *error = failure(tr("nothing imported"),
                tr("the role %1 may not write county %2's values (row %2, %3, %4); it may "
                   "import only its own counties'")
                    .arg(mConnection.role(), c.county, c.indicator)
                    .arg(c.year));
            return std::nullopt;
        }
    }
    PostgresTransaction transaction(mConnection);
    if (!beginWrite(transaction, error))
        return std::nullopt;
    const auto revision = insertRevision(IndicatorRevision::Kind::Import, source, 0, cells, error);
    if (!revision) {
        *error = writeRefusal(tr("nothing imported"), *error);
        return std::nullopt;
    }
    if (!transaction.commit(error))
        return std::nullopt;
    return revision;
}

std::optional<std::vector<IndicatorRevision>> PostgresIndicatorStore::revisions(QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    const auto q = mConnection.exec(
        QStringLiteral("SELECT id, created_ms, kind, source, restored_from, value_count, "
                       "changed_count, made_by FROM indicator_revisions ORDER BY id DESC"),
        error);
    if (!q)
        return std::nullopt;
    std::vector<IndicatorRevision> out;
    out.reserve(std::size_t(q->rows()));
    for (int r = 0; r < q->rows(); ++r) {
        IndicatorRevision revision;
        revision.id = q->int64(r, 0);
        revision.created = QDateTime::fromMSecsSinceEpoch(q->int64(r, 1), Qt::UTC);
        revision.kind = kindFromKey(q->text(r, 2));
        revision.source = q->text(r, 3);
        revision.restoredFrom = q->int64(r, 4);
        revision.valueCount = q->int32(r, 5);
        revision.changedCount = q->int32(r, 6);
        revision.madeBy = q->text(r, 7);
        out.push_back(revision);
    }
    return out;
}

std::optional<qint64> PostgresIndicatorStore::restoreRevision(qint64 id, QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    const auto exists = mConnection.exec(
        QStringLiteral("SELECT 1 FROM indicator_revisions WHERE id = $1"), { id }, error);
    if (!exists)
        return std::nullopt;
    if (exists->rows() == 0) {
        *error = failure(tr("cannot restore"), tr("there is no revision %1").arg(id));
        return std::nullopt;
    }
    if (refuseReadOnly(tr("cannot restore"), error))
        return std::nullopt;
    const auto scope = writeScope(error);
    if (!scope)
        return std::nullopt;
    PostgresTransaction transaction(mConnection);
    if (!beginWrite(transaction, error))
        return std::nullopt;
    // The state right after revision id (for every cell its newest row up to id) against the
    // current one, read under the writers' lock so nothing changes in between. A cell that
    // differs gets its old value back; a cell that did not exist then is withdrawn (a NULL row),
    // never deleted.
    const auto differing = mConnection.exec(
        QStringLiteral(
            "WITH past AS (SELECT DISTINCT ON (county_code, indicator_id, year) county_code, "
            "indicator_id, year, value, sample FROM indicator_values WHERE revision_id <= $1 "
            "ORDER BY county_code, indicator_id, year, revision_id DESC) "
            "SELECT c.county_code, c.indicator_id, c.year, p.value, coalesce(p.sample, false), "
            "p.county_code IS NOT NULL FROM indicator_current c LEFT JOIN past p ON "
            "p.county_code = c.county_code AND p.indicator_id = c.indicator_id AND p.year = "
            "c.year WHERE (p.county_code IS NULL AND c.value IS NOT NULL) OR (p.county_code IS "
            "NOT NULL AND (p.value IS DISTINCT FROM c.value OR p.sample <> c.sample))"),
        { id }, error);
    if (!differing)
        return std::nullopt;
    // A county or prefecture role brings back only its own counties: the others' values are
    // theirs to restore.
    std::vector<Cell> cells;
    cells.reserve(std::size_t(differing->rows()));
    for (int r = 0; r < differing->rows(); ++r) {
        const QString county = differing->text(r, 0);
        if (!scope->allows(county))
            continue;
        const bool existed = differing->boolean(r, 5);
        cells.push_back({ county, differing->text(r, 1), differing->int32(r, 2),
            existed && !differing->isNull(r, 3) ? std::optional<double>(differing->real(r, 3))
                                                : std::nullopt,
            existed && differing->boolean(r, 4) });
    }
    const QString source = scope->all
        ? tr("state after revision %1").arg(id)
        : tr("state after revision %1, counties of %2").arg(id).arg(mConnection.role());
    const auto revision
        = insertRevision(IndicatorRevision::Kind::Restore, source, id, cells, error);
    if (!revision) {
        *error = writeRefusal(tr("cannot restore"), *error);
        return std::nullopt;
    }
    if (!transaction.commit(error))
        return std::nullopt;
    return revision;
}

std::optional<bool> PostgresIndicatorStore::hasRevisions(QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    const auto any
        = mConnection.exec(QStringLiteral("SELECT 1 FROM indicator_revisions LIMIT 1"), error);
    if (!any)
        return std::nullopt;
    return any->rows() > 0;
}

std::optional<bool> PostgresIndicatorStore::ensureSampleData(QString *error)
{
    const auto any = hasRevisions(error);
    if (!any)
        return std::nullopt;
    if (*any)
        return false;
    const auto sample = SampleIndicators::generateBundled(error);
    if (!sample)
        return std::nullopt;
    return ensureSampleData(*sample, error);
}

std::optional<bool> PostgresIndicatorStore::ensureSampleData(
    const std::vector<IndicatorValue> &sample, QString *error)
{
    const auto any = hasRevisions(error);
    if (!any)
        return std::nullopt;
    if (*any)
        return false;
    // The sample covers every county: only a role that may write them all (the province, the
    // owner) writes it, so a county official meeting an empty server sees no data rather than
    // a sample of its own county amid blanks. Read-only: never written.
    if (mConnection.readOnly())
        return false;
    const auto scope = writeScope(error);
    if (!scope)
        return std::nullopt;
    std::vector<Cell> cells;
    cells.reserve(sample.size());
    for (const IndicatorValue &v : sample) {
        if (!scope->allows(v.county))
            return false;
        cells.push_back({ v.county, v.indicator, v.year, v.value, true });
    }
    PostgresTransaction transaction(mConnection);
    if (!beginWrite(transaction, error))
        return std::nullopt;
    // Checked again under the writers' lock: two dashboards starting on a new server write it
    // once.
    const auto again
        = mConnection.exec(QStringLiteral("SELECT 1 FROM indicator_revisions LIMIT 1"), error);
    if (!again)
        return std::nullopt;
    if (again->rows() > 0)
        return false;
    const auto revision = insertRevision(
        IndicatorRevision::Kind::Sample, QStringLiteral("sample"), 0, cells, error);
    if (!revision || !transaction.commit(error))
        return std::nullopt;
    return true;
}

} // namespace dv
