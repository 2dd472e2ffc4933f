// Alerts and their rules in the dashboard's SQLite file, beside the sensor readings.
#pragma once

#include "alertevaluator.h"
#include "alertrecord.h"
#include "rulebook.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace dv {

struct AlertFilter {
    bool openOnly = false; // active or acknowledged
    QString countyCode; // empty: all counties
    QStringList deviceKeys; // empty: all devices
    bool includePending = false; // episodes still within their minimum duration
};

// The same file as SqliteSensorStore with tables of its own and their own schema version, so
// the sensor schema and the alert schema migrate independently. One writer (the sensor
// writer's thread) records transitions; the window acknowledges through its own connection.
class SqliteAlertStore {
    Q_DECLARE_TR_FUNCTIONS(dv::SqliteAlertStore)
public:
    static constexpr int kSchemaVersion = 1;

    // "sqlite:PATH" or a path.
    explicit SqliteAlertStore(const QString &spec);
    ~SqliteAlertStore();
    SqliteAlertStore(const SqliteAlertStore &) = delete;
    SqliteAlertStore &operator=(const SqliteAlertStore &) = delete;

    bool open(QString *error);

    // The rules in force; nullopt (no error) when none were ever saved.
    std::optional<RuleBook> rules(QString *error);
    bool saveRules(const RuleBook &rules, QString *error);

    // Records what the evaluator reported, in one transaction.
    bool record(
        const std::vector<AlertTransition> &transitions, const RuleBook &rules, QString *error);
    bool saveEvaluatorState(const QByteArray &state, QString *error);
    std::optional<QByteArray> evaluatorState(QString *error);

    // Newest first.
    std::optional<std::vector<AlertRecord>> alerts(const AlertFilter &filter, QString *error);
    // Who saw it, and what they did; false if the alert is not open.
    bool acknowledge(
        quint64 episode, const QString &who, const QString &note, qint64 at, QString *error);

private:
    bool migrate(QString *error);
    QString failure(const QString &what, const QString &detail) const;

    QString mPath;
    QString mSpecError; // why the spec names no usable file
    QString mConnection;
};

} // namespace dv
