// An alert store behind a delay, as on a distant server: for the stall test and benchmark.
#include "delayedalertstore.h"

#include "delayedstorebackend.h"

namespace dv {

DelayedAlertStore::DelayedAlertStore(std::unique_ptr<AlertStore> inner, int delayMs)
    : mInner(std::move(inner))
    , mDelayMs(delayMs)
{
}

bool DelayedAlertStore::open(QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "AlertStore::open");
    return mInner->open(error);
}

std::optional<RuleBook> DelayedAlertStore::rules(QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "AlertStore::rules");
    return mInner->rules(error);
}

bool DelayedAlertStore::saveRules(const RuleBook &rules, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "AlertStore::saveRules");
    return mInner->saveRules(rules, error);
}

bool DelayedAlertStore::record(
    const std::vector<AlertTransition> &transitions, const RuleBook &rules, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "AlertStore::record");
    return mInner->record(transitions, rules, error);
}

bool DelayedAlertStore::saveEvaluatorState(const QByteArray &state, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "AlertStore::saveEvaluatorState");
    return mInner->saveEvaluatorState(state, error);
}

std::optional<QByteArray> DelayedAlertStore::evaluatorState(QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "AlertStore::evaluatorState");
    return mInner->evaluatorState(error);
}

std::optional<std::vector<AlertRecord>> DelayedAlertStore::alerts(
    const AlertFilter &filter, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "AlertStore::alerts");
    return mInner->alerts(filter, error);
}

bool DelayedAlertStore::acknowledge(
    quint64 episode, const QString &who, const QString &note, qint64 at, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "AlertStore::acknowledge");
    return mInner->acknowledge(episode, who, note, at, error);
}

std::optional<int> DelayedAlertStore::resolve(
    const std::vector<quint64> &episodes, const QString &reason, qint64 at, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "AlertStore::resolve");
    return mInner->resolve(episodes, reason, at, error);
}

} // namespace dv
