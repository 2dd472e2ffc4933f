// Alerts and their rules in the dashboard's SQLite file, beside the sensor readings.
#pragma once

#include "alertstore.h"

#include "storespec.h"

#include <QCoreApplication>
#include <QString>

namespace dv {

// The same file as SqliteSensorStore with tables of its own and their own schema version, so
// the sensor schema and the alert schema migrate independently. One writer (the sensor
// writer's thread) records transitions; the window acknowledges through its own connection.
class SqliteAlertStore : public AlertStore {
    Q_DECLARE_TR_FUNCTIONS(dv::SqliteAlertStore)
public:
    static constexpr int kSchemaVersion = 3;

    // ReadOnly: the file is read as it is, never migrated or written (read commands).
    explicit SqliteAlertStore(const QString &path, StoreAccess access = StoreAccess::ReadWrite);
    ~SqliteAlertStore() override;
    SqliteAlertStore(const SqliteAlertStore &) = delete;
    SqliteAlertStore &operator=(const SqliteAlertStore &) = delete;

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
    QString failure(const QString &what, const QString &detail) const;

    QString mPath;
    StoreAccess mAccess;
    QString mConnection;
    int mSchemaVersion = 0;
};

} // namespace dv
