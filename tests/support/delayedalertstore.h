// An alert store behind a delay, as on a distant server: for the stall test and benchmark.
#pragma once

#include "alertstore.h"

namespace dv {

class DelayedAlertStore : public AlertStore {
public:
    DelayedAlertStore(std::unique_ptr<AlertStore> inner, int delayMs);

    bool open(QString *error) override;
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
    std::unique_ptr<AlertStore> mInner;
    int mDelayMs;
};

} // namespace dv
