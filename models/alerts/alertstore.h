// Where alerts and their rules live: one interface for the embedded SQLite store and a shared one.
#pragma once

#include "alertevaluator.h"
#include "alertrecord.h"
#include "rulebook.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace dv {

struct AlertFilter {
    bool openOnly = false; // active or acknowledged
    QString countyCode; // empty: all counties
    QStringList deviceKeys; // empty: all devices
    bool includePending = false; // episodes still within their minimum duration
};

// One writer (the sensor writer's thread, through AlertEngine) records transitions; readers
// (the window's, commands) list and acknowledge through store objects of their own. Like the
// other stores, each object is used from one thread at a time.
class AlertStore {
public:
    virtual ~AlertStore() = default;

    virtual bool open(QString *error) = 0;

    // The rules in force; nullopt (no error) when none were ever saved.
    virtual std::optional<RuleBook> rules(QString *error) = 0;
    virtual bool saveRules(const RuleBook &rules, QString *error) = 0;

    // Records what the evaluator reported, in one transaction.
    virtual bool record(
        const std::vector<AlertTransition> &transitions, const RuleBook &rules, QString *error)
        = 0;
    virtual bool saveEvaluatorState(const QByteArray &state, QString *error) = 0;
    virtual std::optional<QByteArray> evaluatorState(QString *error) = 0;

    // Newest first.
    virtual std::optional<std::vector<AlertRecord>> alerts(
        const AlertFilter &filter, QString *error)
        = 0;
    // Who saw it, and what they did; false if the alert is not open.
    virtual bool acknowledge(
        quint64 episode, const QString &who, const QString &note, qint64 at, QString *error)
        = 0;

    // Closes open or pending alerts for a reason other than their readings ("site retired"),
    // in one transaction; returns how many it closed (alerts already closed are left alone).
    virtual std::optional<int> resolve(
        const std::vector<quint64> &episodes, const QString &reason, qint64 at, QString *error)
        = 0;

    // Opens the store a spec names ("sqlite:PATH" or a path; see StoreRegistry), or nullptr
    // with *error naming the spec.
    static std::unique_ptr<AlertStore> create(const QString &spec, QString *error);
};

} // namespace dv
