// Alerts and their rules in the dashboard's SQLite file, beside the sensor readings.
#include "sqlitealertstore.h"

#include "devicekey.h"
#include "sqliteconnection.h"
#include "sqliteschema.h"

#include "alertrecord.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace dv {

QString AlertRecord::stateName(State state)
{
    switch (state) {
    case Pending:
        return QStringLiteral("pending");
    case Active:
        return QStringLiteral("active");
    case Acknowledged:
        return QStringLiteral("acknowledged");
    case Resolved:
        return QStringLiteral("resolved");
    case Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

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

} // namespace

SqliteAlertStore::SqliteAlertStore(const QString &path, StoreAccess access)
    : mPath(path)
    , mAccess(access)
    , mConnection(SqliteConnection::uniqueName(QStringLiteral("dvdash-alerts-")))
{
}

SqliteAlertStore::~SqliteAlertStore()
{
    SqliteConnection::close(mConnection);
}

QString SqliteAlertStore::failure(const QString &what, const QString &detail) const
{
    return SqliteConnection::failure(mPath, what, detail);
}

bool SqliteAlertStore::open(QString *error)
{
    if (!SqliteConnection::open(mConnection, mPath, error, mAccess))
        return false;
    return migrate(error);
}

bool SqliteAlertStore::migrate(QString *error)
{
    static const SqliteSchema schema(QStringLiteral("alert_schema_version"), tr("alerts"),
        {
            {
                QStringLiteral("CREATE TABLE alert_rules (id INTEGER PRIMARY KEY CHECK (id = 1), "
                               "json BLOB NOT NULL, saved_at INTEGER NOT NULL)"),
                QStringLiteral("CREATE TABLE alert_evaluator_state (id INTEGER PRIMARY KEY "
                               "CHECK (id = 1), state BLOB NOT NULL)"),
                QStringLiteral(
                    "CREATE TABLE alerts (episode INTEGER PRIMARY KEY, rule_id TEXT NOT NULL, "
                    "rule_name TEXT NOT NULL, critical INTEGER NOT NULL, device_key TEXT NOT "
                    "NULL, county_code TEXT NOT NULL, metric INTEGER NOT NULL, state TEXT NOT "
                    "NULL, raised_at INTEGER NOT NULL, activated_at INTEGER, resolved_at "
                    "INTEGER, value REAL, acknowledged_by TEXT, acknowledged_at INTEGER, note "
                    "TEXT)"),
                QStringLiteral("CREATE INDEX alerts_by_state ON alerts (state, county_code)"),
            },
            // 2: the reading that raised an alert and the episode's peak beside the value at
            // activation; alerts stored before keep NULL and show their one value.
            {
                QStringLiteral("ALTER TABLE alerts ADD COLUMN trigger_value REAL"),
                QStringLiteral("ALTER TABLE alerts ADD COLUMN peak REAL"),
            },
            // 3: why an alert was closed other than by its readings ("site retired").
            {
                QStringLiteral("ALTER TABLE alerts ADD COLUMN resolved_reason TEXT"),
            },
        });
    static_assert(kSchemaVersion == 3, "add the new version's step to the schema above");
    return schema.migrate(mConnection, mPath, &mSchemaVersion, error);
}

std::optional<RuleBook> SqliteAlertStore::rules(QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    if (!q.exec(QStringLiteral("SELECT json FROM alert_rules WHERE id = 1"))) {
        *error = failure(tr("cannot read the alert rules"), q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    const QByteArray json = q.value(0).toByteArray();
    q.finish();
    QString problem;
    auto book = RuleBook::fromJson(json, &problem);
    if (!book)
        *error = failure(tr("the stored alert rules cannot be read"), problem);
    return book;
}

bool SqliteAlertStore::saveRules(const RuleBook &rules, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO alert_rules (id, json, saved_at) "
                             "VALUES (1, ?, strftime('%s', 'now') * 1000)"));
    q.addBindValue(rules.toJson());
    if (!q.exec()) {
        *error = failure(tr("cannot save the alert rules"), q.lastError().text());
        return false;
    }
    return true;
}

bool SqliteAlertStore::record(
    const std::vector<AlertTransition> &transitions, const RuleBook &rules, QString *error)
{
    if (transitions.empty())
        return true;
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    if (const QSqlError begun = SqliteConnection::beginWrite(db); begun.isValid()) {
        *error = failure(tr("cannot record alerts"), begun.text());
        return false;
    }
    QSqlQuery raise(db), update(db);
    raise.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO alerts (episode, rule_id, rule_name, critical, device_key, "
        "county_code, metric, state, raised_at, value, trigger_value, peak) VALUES (?, ?, ?, "
        "?, ?, ?, ?, 'pending', ?, ?, ?, ?)"));
    for (const AlertTransition &t : transitions) {
        const AlertRule *rule = t.rule >= 0 && t.rule < rules.size() ? &rules.at(t.rule) : nullptr;
        // Every transition first makes sure the episode has its row: a restored episode's
        // Activated may come without the Raised of a previous run.
        raise.addBindValue(t.episode);
        raise.addBindValue(t.ruleId);
        raise.addBindValue(rule ? rule->name : t.ruleId);
        raise.addBindValue(rule && rule->severity == AlertRule::Critical ? 1 : 0);
        raise.addBindValue(t.deviceKey);
        raise.addBindValue(DeviceKey::county(t.deviceKey));
        raise.addBindValue(t.metric);
        raise.addBindValue(t.episodeStart);
        raise.addBindValue(t.value);
        raise.addBindValue(t.triggerValue);
        raise.addBindValue(t.peak);
        bool ok = raise.exec();
        // The peak only ever goes further: a restored episode starts its peak afresh.
        const bool above = !rule || rule->direction == AlertRule::Above;
        const QString furthest = above ? QStringLiteral("max(coalesce(peak, ?), ?)")
                                       : QStringLiteral("min(coalesce(peak, ?), ?)");
        switch (t.kind) {
        case AlertTransition::Raised:
            break;
        case AlertTransition::Activated:
            update.prepare(QStringLiteral("UPDATE alerts SET state = 'active', activated_at = ?, "
                                          "value = ?, peak = %1 WHERE episode = ? AND state "
                                          "= 'pending'")
                               .arg(furthest));
            update.addBindValue(t.time);
            update.addBindValue(t.value);
            update.addBindValue(t.peak);
            update.addBindValue(t.peak);
            update.addBindValue(t.episode);
            ok = ok && update.exec();
            break;
        case AlertTransition::PeakRose:
            update.prepare(
                QStringLiteral("UPDATE alerts SET peak = %1 WHERE episode = ?").arg(furthest));
            update.addBindValue(t.peak);
            update.addBindValue(t.peak);
            update.addBindValue(t.episode);
            ok = ok && update.exec();
            break;
        case AlertTransition::Cancelled:
            update.prepare(QStringLiteral(
                "UPDATE alerts SET state = 'cancelled', resolved_at = ? WHERE episode = ? AND "
                "resolved_reason IS NULL"));
            update.addBindValue(t.time);
            update.addBindValue(t.episode);
            ok = ok && update.exec();
            break;
        case AlertTransition::Resolved:
            update.prepare(QStringLiteral("UPDATE alerts SET state = 'resolved', resolved_at = "
                                          "?, peak = %1 WHERE episode = ? AND "
                                          "resolved_reason IS NULL")
                               .arg(furthest));
            update.addBindValue(t.time);
            update.addBindValue(t.peak);
            update.addBindValue(t.peak);
            update.addBindValue(t.episode);
            ok = ok && update.exec();
            break;
        }
        if (!ok) {
            const QString detail = raise.lastError().isValid() ? raise.lastError().text()
                                                               : update.lastError().text();
            db.rollback();
            *error = failure(tr("cannot record alerts"), detail);
            return false;
        }
    }
    if (!db.commit()) {
        *error = failure(tr("cannot record alerts"), db.lastError().text());
        return false;
    }
    return true;
}

bool SqliteAlertStore::saveEvaluatorState(const QByteArray &state, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO alert_evaluator_state (id, state) VALUES (1, ?)"));
    q.addBindValue(state);
    if (!q.exec()) {
        *error = failure(tr("cannot save the alert state"), q.lastError().text());
        return false;
    }
    return true;
}

std::optional<QByteArray> SqliteAlertStore::evaluatorState(QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    if (!q.exec(QStringLiteral("SELECT state FROM alert_evaluator_state WHERE id = 1"))) {
        *error = failure(tr("cannot read the alert state"), q.lastError().text());
        return std::nullopt;
    }
    const QByteArray state = q.next() ? q.value(0).toByteArray() : QByteArray();
    q.finish();
    return state;
}

std::optional<std::vector<AlertRecord>> SqliteAlertStore::alerts(
    const AlertFilter &filter, QString *error)
{
    QString sql = QStringLiteral(
        "SELECT episode, rule_id, rule_name, critical, device_key, metric, state, raised_at, "
        "activated_at, resolved_at, value, acknowledged_by, acknowledged_at, note, "
        "trigger_value, peak, resolved_reason FROM alerts WHERE state <> 'cancelled'");
    if (filter.openOnly)
        sql += QStringLiteral(" AND state IN ('active', 'acknowledged')");
    else if (!filter.includePending)
        sql += QStringLiteral(" AND state <> 'pending'");
    if (!filter.countyCode.isEmpty())
        sql += QStringLiteral(" AND county_code = ?");
    if (!filter.deviceKeys.isEmpty()) {
        QStringList marks;
        for (int i = 0; i < filter.deviceKeys.size(); ++i)
            marks << QStringLiteral("?");
        sql += QStringLiteral(" AND device_key IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    sql += QStringLiteral(" ORDER BY raised_at DESC, episode DESC");
    QSqlQuery q(QSqlDatabase::database(mConnection));
    q.setForwardOnly(true);
    q.prepare(sql);
    if (!filter.countyCode.isEmpty())
        q.addBindValue(filter.countyCode);
    for (const QString &key : filter.deviceKeys)
        q.addBindValue(key);
    if (!q.exec()) {
        *error = failure(tr("cannot read the alerts"), q.lastError().text());
        return std::nullopt;
    }
    std::vector<AlertRecord> out;
    while (q.next()) {
        AlertRecord a;
        a.episode = q.value(0).toULongLong();
        a.ruleId = q.value(1).toString();
        a.ruleName = q.value(2).toString();
        a.critical = q.value(3).toInt() != 0;
        a.deviceKey = q.value(4).toString();
        a.metric = q.value(5).toInt();
        a.state = stateFromName(q.value(6).toString());
        a.raisedAt = q.value(7).toLongLong();
        a.activatedAt = q.value(8).toLongLong();
        a.resolvedAt = q.value(9).toLongLong();
        a.value = q.value(10).toDouble();
        a.acknowledgedBy = q.value(11).toString();
        a.acknowledgedAt = q.value(12).toLongLong();
        a.note = q.value(13).toString();
        // Alerts stored before schema 2 know only their one value.
        a.triggerValue = q.value(14).isNull() ? a.value : q.value(14).toDouble();
        a.peak = q.value(15).isNull() ? a.value : q.value(15).toDouble();
        a.resolvedReason = q.value(16).toString();
        out.push_back(a);
    }
    return out;
}

bool SqliteAlertStore::acknowledge(
    quint64 episode, const QString &who, const QString &note, qint64 at, QString *error)
{
    QSqlQuery q(QSqlDatabase::database(mConnection));
    q.prepare(QStringLiteral(
        "UPDATE alerts SET state = 'acknowledged', acknowledged_by = ?, acknowledged_at = ?, "
        "note = ? WHERE episode = ? AND state IN ('active', 'acknowledged')"));
    q.addBindValue(who);
    q.addBindValue(at);
    q.addBindValue(note);
    q.addBindValue(episode);
    if (!q.exec()) {
        *error = failure(tr("cannot acknowledge the alert"), q.lastError().text());
        return false;
    }
    if (q.numRowsAffected() == 0) {
        *error
            = tr("alert %1 is not open: it was resolved, or there is no such alert").arg(episode);
        return false;
    }
    return true;
}

std::optional<int> SqliteAlertStore::resolve(
    const std::vector<quint64> &episodes, const QString &reason, qint64 at, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(mConnection);
    if (const QSqlError begun = SqliteConnection::beginWrite(db); begun.isValid()) {
        *error = failure(tr("cannot resolve alerts"), begun.text());
        return std::nullopt;
    }
    // The evaluator may still end the episode later; resolved_reason keeps its record closed
    // as it was closed here (record() leaves such rows alone). A pending episode never became
    // an alert: it is cancelled.
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE alerts SET state = CASE state WHEN 'pending' THEN "
                             "'cancelled' ELSE 'resolved' END, resolved_at = ?, resolved_reason "
                             "= ? WHERE episode = ? AND state IN ('pending', 'active', "
                             "'acknowledged')"));
    int resolved = 0;
    for (quint64 episode : episodes) {
        q.addBindValue(at);
        q.addBindValue(reason);
        q.addBindValue(episode);
        if (!q.exec()) {
            const QString detail = q.lastError().text();
            db.rollback();
            *error = failure(tr("cannot resolve alerts"), detail);
            return std::nullopt;
        }
        resolved += q.numRowsAffected();
    }
    if (!db.commit()) {
        *error = failure(tr("cannot resolve alerts"), db.lastError().text());
        return std::nullopt;
    }
    return resolved;
}

} // namespace dv
