// Alerts and their rules on the shared PostgreSQL server, each county's alerts seen by its own.
#include "postgresalertstore.h"

#include "devicekey.h"
#include "postgresaccess.h"
#include "postgresschema.h"

#include "alertrecord.h"

namespace dv {

const char *const PostgresAlertStore::kNotifyChannel = "dvdash_alerts";

namespace {

AlertRecord::State stateFromName(const QString &name)
{
    for (AlertRecord::State s : { AlertRecord::Pending, AlertRecord::Active,
             AlertRecord::Acknowledged, AlertRecord::Resolved, AlertRecord::Cancelled }) {
        if (AlertRecord::stateName(s) == name)
            return s;
    }
    return AlertRecord::Pending;
}

// The connection's messages already name the store and what the server said.
QString failed(const QString &what, const QString &detail)
{
    return what + QStringLiteral(": ") + detail;
}

// Who may do what, in the database itself (issue 13):
// - officials read the alerts of their counties, acknowledge them, and close them with a reason
//   (retiring one of their sites); the UPDATE policy admits only those two outcomes, the column
//   privileges only those columns;
// - the evaluator (the alert engine beside a collector) writes every county's alerts and its own
//   state, and reads the rules;
// - the collector role gets nothing here. Rules are changed by the owner (the data centre).
const char *const kVisible = "county_code IN (SELECT dvdash_visible_counties())";

} // namespace

PostgresAlertStore::PostgresAlertStore(const QString &spec)
    : mConnection(spec)
{
}

PostgresAlertStore::~PostgresAlertStore() = default;

bool PostgresAlertStore::open(QString *error)
{
    if (!mConnection.open(error))
        return false;
    // The access part first: the policies below call its function.
    return PostgresAccessSchema::migrate(mConnection, error) && migrate(error);
}

bool PostgresAlertStore::migrate(QString *error)
{
    static const PostgresSchema schema(QStringLiteral("alerts"), tr("alerts"),
        {
            // 1: SqliteAlertStore's schema 3 in one step, with access rules and notifications.
            {
                QStringLiteral("CREATE TABLE alert_rules (id integer PRIMARY KEY CHECK (id = 1), "
                               "json text NOT NULL, saved_at bigint NOT NULL)"),
                QStringLiteral("CREATE TABLE alert_evaluator_state (id integer PRIMARY KEY "
                               "CHECK (id = 1), state bytea NOT NULL)"),
                QStringLiteral(
                    "CREATE TABLE alerts (episode bigint PRIMARY KEY, rule_id text NOT NULL, "
                    "rule_name text NOT NULL, critical boolean NOT NULL, device_key text NOT "
                    "NULL, county_code text NOT NULL, metric integer NOT NULL, state text NOT "
                    "NULL CHECK (state IN ('pending', 'active', 'acknowledged', 'resolved', "
                    "'cancelled')), raised_at bigint NOT NULL, activated_at bigint, resolved_at "
                    "bigint, value double precision, trigger_value double precision, peak double "
                    "precision, acknowledged_by text, acknowledged_at bigint, note text, "
                    "resolved_reason text)"),
                QStringLiteral("CREATE INDEX alerts_by_state ON alerts (state, county_code)"),
                QStringLiteral(
                    "CREATE INDEX alerts_by_county ON alerts (county_code, raised_at DESC)"),
                // Every change tells the listening dashboards which county changed; delivered
                // on commit, once per county and transaction.
                QStringLiteral("CREATE FUNCTION alerts_notify() RETURNS trigger LANGUAGE plpgsql "
                               "AS $$ BEGIN PERFORM pg_notify('%1', CASE WHEN TG_OP = 'DELETE' "
                               "THEN OLD.county_code ELSE NEW.county_code END); RETURN NULL; "
                               "END $$")
                    .arg(QLatin1String(kNotifyChannel)),
                QStringLiteral("CREATE TRIGGER alerts_notify AFTER INSERT OR UPDATE OR DELETE ON "
                               "alerts FOR EACH ROW EXECUTE FUNCTION alerts_notify()"),
                QStringLiteral("GRANT SELECT ON alert_rules TO dvdash_official, dvdash_evaluator"),
                QStringLiteral(
                    "GRANT SELECT, INSERT, UPDATE ON alert_evaluator_state TO dvdash_evaluator"),
                QStringLiteral("GRANT SELECT, INSERT, UPDATE ON alerts TO dvdash_evaluator"),
                QStringLiteral("GRANT SELECT ON alerts TO dvdash_official"),
                QStringLiteral("GRANT UPDATE (state, acknowledged_by, acknowledged_at, note, "
                               "resolved_at, resolved_reason) ON alerts TO dvdash_official"),
                QStringLiteral("ALTER TABLE alerts ENABLE ROW LEVEL SECURITY"),
                QStringLiteral("CREATE POLICY alerts_official_read ON alerts FOR SELECT TO "
                               "dvdash_official USING (%1)")
                    .arg(QLatin1String(kVisible)),
                QStringLiteral(
                    "CREATE POLICY alerts_official_close ON alerts FOR UPDATE TO dvdash_official "
                    "USING (%1 AND state IN ('pending', 'active', 'acknowledged')) WITH CHECK "
                    "(%1 AND (state = 'acknowledged' OR (state IN ('resolved', 'cancelled') AND "
                    "resolved_reason IS NOT NULL)))")
                    .arg(QLatin1String(kVisible)),
                QStringLiteral("CREATE POLICY alerts_evaluator ON alerts FOR ALL TO "
                               "dvdash_evaluator USING (true) WITH CHECK (true)"),
            },
        });
    static_assert(kSchemaVersion == 1, "add the new version's step to the schema above");
    return schema.migrate(mConnection, &mSchemaVersion, error);
}

std::optional<RuleBook> PostgresAlertStore::rules(QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    QString detail;
    const auto row
        = mConnection.exec(QStringLiteral("SELECT json FROM alert_rules WHERE id = 1"), &detail);
    if (!row) {
        *error = failed(tr("cannot read the alert rules"), detail);
        return std::nullopt;
    }
    if (row->rows() == 0)
        return std::nullopt;
    QString problem;
    auto book = RuleBook::fromJson(row->text(0, 0).toUtf8(), &problem);
    if (!book)
        *error = mConnection.failure(tr("the stored alert rules cannot be read"), problem);
    return book;
}

bool PostgresAlertStore::saveRules(const RuleBook &rules, QString *error)
{
    if (!mConnection.ensureOpen(error))
        return false;
    QString detail;
    if (!mConnection.run(QStringLiteral("INSERT INTO alert_rules (id, json, saved_at) VALUES (1, "
                                        "$1, (extract(epoch FROM clock_timestamp()) * 1000)::"
                                        "bigint) ON CONFLICT (id) DO UPDATE SET json = "
                                        "EXCLUDED.json, saved_at = EXCLUDED.saved_at"),
            &detail, { QString::fromUtf8(rules.toJson()) })) {
        *error = failed(tr("cannot save the alert rules"), detail);
        return false;
    }
    return true;
}

bool PostgresAlertStore::record(
    const std::vector<AlertTransition> &transitions, const RuleBook &rules, QString *error)
{
    if (transitions.empty())
        return true;
    if (!mConnection.ensureOpen(error))
        return false;
    QString detail;
    PostgresTransaction transaction(mConnection);
    if (!transaction.begin(&detail)) {
        *error = failed(tr("cannot record alerts"), detail);
        return false;
    }
    const QString raise = QStringLiteral(
        "INSERT INTO alerts (episode, rule_id, rule_name, critical, device_key, county_code, "
        "metric, state, raised_at, value, trigger_value, peak) VALUES ($1, $2, $3, $4, $5, $6, "
        "$7, 'pending', $8, $9, $10, $11) ON CONFLICT (episode) DO NOTHING");
    for (const AlertTransition &t : transitions) {
        const AlertRule *rule = t.rule >= 0 && t.rule < rules.size() ? &rules.at(t.rule) : nullptr;
        // Every transition first makes sure the episode has its row: a restored episode's
        // Activated may come without the Raised of a previous run.
        bool ok = mConnection.run(raise, &detail,
            { t.episode, t.ruleId, rule ? rule->name : t.ruleId,
                rule && rule->severity == AlertRule::Critical, t.deviceKey,
                DeviceKey::county(t.deviceKey), t.metric, t.episodeStart, t.value,
                t.triggerValue, t.peak });
        // The peak only ever goes further: a restored episode starts its peak afresh.
        const bool above = !rule || rule->direction == AlertRule::Above;
        const QString furthest = above ? QStringLiteral("greatest(coalesce(peak, $%1), $%1)")
                                       : QStringLiteral("least(coalesce(peak, $%1), $%1)");
        switch (t.kind) {
        case AlertTransition::Raised:
            break;
        case AlertTransition::Activated:
            ok = ok
                && mConnection.run(QStringLiteral("UPDATE alerts SET state = 'active', "
                                                  "activated_at = $1, value = $2, peak = %1 "
                                                  "WHERE episode = $4 AND state = 'pending'")
                                       .arg(furthest.arg(3)),
                    &detail, { t.time, t.value, t.peak, t.episode });
            break;
        case AlertTransition::PeakRose:
            ok = ok
                && mConnection.run(QStringLiteral("UPDATE alerts SET peak = %1 WHERE episode = $2")
                                       .arg(furthest.arg(1)),
                    &detail, { t.peak, t.episode });
            break;
        case AlertTransition::Cancelled:
            ok = ok
                && mConnection.run(QStringLiteral("UPDATE alerts SET state = 'cancelled', "
                                                  "resolved_at = $1 WHERE episode = $2 AND "
                                                  "resolved_reason IS NULL"),
                    &detail, { t.time, t.episode });
            break;
        case AlertTransition::Resolved:
            ok = ok
                && mConnection.run(QStringLiteral("UPDATE alerts SET state = 'resolved', "
                                                  "resolved_at = $1, peak = %1 WHERE episode = "
                                                  "$3 AND resolved_reason IS NULL")
                                       .arg(furthest.arg(2)),
                    &detail, { t.time, t.peak, t.episode });
            break;
        }
        if (!ok) {
            *error = failed(tr("cannot record alerts"), detail);
            return false;
        }
    }
    if (!transaction.commit(&detail)) {
        *error = failed(tr("cannot record alerts"), detail);
        return false;
    }
    return true;
}

bool PostgresAlertStore::saveEvaluatorState(const QByteArray &state, QString *error)
{
    if (!mConnection.ensureOpen(error))
        return false;
    QString detail;
    if (!mConnection.run(QStringLiteral("INSERT INTO alert_evaluator_state (id, state) VALUES "
                                        "(1, $1) ON CONFLICT (id) DO UPDATE SET state = "
                                        "EXCLUDED.state"),
            &detail, { state })) {
        *error = failed(tr("cannot save the alert state"), detail);
        return false;
    }
    return true;
}

std::optional<QByteArray> PostgresAlertStore::evaluatorState(QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    QString detail;
    const auto row = mConnection.exec(
        QStringLiteral("SELECT state FROM alert_evaluator_state WHERE id = 1"), &detail);
    if (!row) {
        *error = failed(tr("cannot read the alert state"), detail);
        return std::nullopt;
    }
    return row->rows() > 0 ? row->bytes(0, 0) : QByteArray();
}

std::optional<std::vector<AlertRecord>> PostgresAlertStore::alerts(
    const AlertFilter &filter, QString *error)
{
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    QString sql = QStringLiteral(
        "SELECT episode, rule_id, rule_name, critical, device_key, metric, state, raised_at, "
        "activated_at, resolved_at, value, acknowledged_by, acknowledged_at, note, "
        "trigger_value, peak, resolved_reason FROM alerts WHERE state <> 'cancelled'");
    QVariantList params;
    if (filter.openOnly)
        sql += QStringLiteral(" AND state IN ('active', 'acknowledged')");
    else if (!filter.includePending)
        sql += QStringLiteral(" AND state <> 'pending'");
    if (!filter.countyCode.isEmpty()) {
        params << filter.countyCode;
        sql += QStringLiteral(" AND county_code = $%1").arg(params.size());
    }
    if (!filter.deviceKeys.isEmpty()) {
        QStringList marks;
        for (const QString &key : filter.deviceKeys) {
            params << key;
            marks << QStringLiteral("$%1").arg(params.size());
        }
        sql += QStringLiteral(" AND device_key IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    sql += QStringLiteral(" ORDER BY raised_at DESC, episode DESC");
    QString detail;
    const auto rows = mConnection.exec(sql, params, &detail);
    if (!rows) {
        *error = failed(tr("cannot read the alerts"), detail);
        return std::nullopt;
    }
    std::vector<AlertRecord> out;
    out.reserve(std::size_t(rows->rows()));
    for (int r = 0; r < rows->rows(); ++r) {
        AlertRecord a;
        a.episode = quint64(rows->int64(r, 0));
        a.ruleId = rows->text(r, 1);
        a.ruleName = rows->text(r, 2);
        a.critical = rows->boolean(r, 3);
        a.deviceKey = rows->text(r, 4);
        a.metric = rows->int32(r, 5);
        a.state = stateFromName(rows->text(r, 6));
        a.raisedAt = rows->int64(r, 7);
        a.activatedAt = rows->int64(r, 8);
        a.resolvedAt = rows->int64(r, 9);
        a.value = rows->real(r, 10);
        a.acknowledgedBy = rows->text(r, 11);
        a.acknowledgedAt = rows->int64(r, 12);
        a.note = rows->text(r, 13);
        a.triggerValue = rows->isNull(r, 14) ? a.value : rows->real(r, 14);
        a.peak = rows->isNull(r, 15) ? a.value : rows->real(r, 15);
        a.resolvedReason = rows->text(r, 16);
        out.push_back(a);
    }
    return out;
}

bool PostgresAlertStore::acknowledge(
    quint64 episode, const QString &who, const QString &note, qint64 at, QString *error)
{
    if (!mConnection.ensureOpen(error))
        return false;
    // Row-level security hides another county's alert: for an official it is no such alert.
    QString detail;
    const auto done = mConnection.exec(
        QStringLiteral("UPDATE alerts SET state = 'acknowledged', acknowledged_by = $1, "
                       "acknowledged_at = $2, note = $3 WHERE episode = $4 AND state IN "
                       "('active', 'acknowledged')"),
        { who, at, note, episode }, &detail);
    if (!done) {
        *error = failed(tr("cannot acknowledge the alert"), detail);
        return false;
    }
    if (done->affected() == 0) {
        *error
            = tr("alert %1 is not open: it was resolved, or there is no such alert").arg(episode);
        return false;
    }
    return true;
}

std::optional<int> PostgresAlertStore::resolve(
    const std::vector<quint64> &episodes, const QString &reason, qint64 at, QString *error)
{
    if (episodes.empty())
        return 0;
    if (!mConnection.ensureOpen(error))
        return std::nullopt;
    // The evaluator may still end the episode later; resolved_reason keeps its record closed
    // as it was closed here (record() leaves such rows alone). A pending episode never became
    // an alert: it is cancelled. One statement: all of them or none.
    QStringList ids;
    for (quint64 episode : episodes)
        ids << QString::number(episode);
    QString detail;
    const auto done = mConnection.exec(
        QStringLiteral("UPDATE alerts SET state = CASE state WHEN 'pending' THEN 'cancelled' "
                       "ELSE 'resolved' END, resolved_at = $1, resolved_reason = $2 WHERE "
                       "episode = ANY ($3::bigint[]) AND state IN ('pending', 'active', "
                       "'acknowledged')"),
        { at, reason, QStringLiteral("{%1}").arg(ids.join(QLatin1Char(','))) }, &detail);
    if (!done) {
        *error = failed(tr("cannot resolve alerts"), detail);
        return std::nullopt;
    }
    return int(done->affected());
}

} // namespace dv
