// Alerts and their rules on the shared PostgreSQL server, each county's alerts seen by its own.
#pragma once

#include "alertstore.h"

#include "postgresconnection.h"

#include <QCoreApplication>
#include <QString>

namespace dv {

// The same tables and behaviour as SqliteAlertStore, on a server many dashboards share. Row-level
// security gives each official the alerts of the counties dvdash_visible_counties() names, and
// lets them acknowledge those (and close them when they retire one of their sites) but change
// nothing else; the evaluator role (the alert engine beside a collector) writes every county's
// alerts. Every change to a row is announced on kNotifyChannel (payload: its county code) by a
// trigger in the writing transaction, so other dashboards reload their lists as soon as it is
// committed, whoever wrote it (this store, another dvdash, a DBA with psql).
class PostgresAlertStore : public AlertStore {
    Q_DECLARE_TR_FUNCTIONS(dv::PostgresAlertStore)
public:
    static constexpr int kSchemaVersion = 1;
    static const char *const kNotifyChannel; // "dvdash_alerts"

    // spec: the libpq URI, optionally read-only (StoreSpec::readOnly): never migrated or written.
    explicit PostgresAlertStore(const QString &spec);
    ~PostgresAlertStore() override;
    PostgresAlertStore(const PostgresAlertStore &) = delete;
    PostgresAlertStore &operator=(const PostgresAlertStore &) = delete;

    bool open(QString *error) override;
    int schemaVersion() const { return mSchemaVersion; }

    std::optional<RuleBook> rules(QString *error) override;
    bool saveRules(const RuleBook &rules, QString *error) override;
    bool record(const std::vector<AlertTransition> &transitions, const RuleBook &rules,
        QString *error) override;
    bool saveEvaluatorState(const QByteArray &state, QString *error) override;
    std::optional<QByteArray> evaluatorState(QString *error) override;
    std::optional<std::vector<AlertRecord>> alerts(
        const AlertFilter &filter, QString *error) override;
    bool acknowledge(quint64 episode, const QString &who, const QString &note, qint64 at,
        QString *error) override;
    std::optional<int> resolve(const std::vector<quint64> &episodes, const QString &reason,
        qint64 at, QString *error) override;

private:
    bool migrate(QString *error);

    PostgresConnection mConnection;
    int mSchemaVersion = 0;
};

} // namespace dv
