// An indicator store behind a delay, as on a distant server: for the stall test and benchmark.
#include "delayedindicatorstore.h"

#include "delayedstorebackend.h"

namespace dv {

DelayedIndicatorStore::DelayedIndicatorStore(std::unique_ptr<IndicatorStore> inner, int delayMs)
    : mInner(std::move(inner))
    , mDelayMs(delayMs)
{
}

bool DelayedIndicatorStore::open(QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "IndicatorStore::open");
    return mInner->open(error);
}

std::optional<std::vector<Indicator>> DelayedIndicatorStore::indicators(QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "IndicatorStore::indicators");
    return mInner->indicators(error);
}

bool DelayedIndicatorStore::addIndicator(const Indicator &indicator, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "IndicatorStore::addIndicator");
    return mInner->addIndicator(indicator, error);
}

std::optional<QList<int>> DelayedIndicatorStore::years(QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "IndicatorStore::years");
    return mInner->years(error);
}

std::optional<QHash<QString, double>> DelayedIndicatorStore::values(
    const QString &indicatorId, int year, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "IndicatorStore::values");
    return mInner->values(indicatorId, year, error);
}

std::optional<QMap<int, double>> DelayedIndicatorStore::series(
    const QString &countyCode, const QString &indicatorId, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "IndicatorStore::series");
    return mInner->series(countyCode, indicatorId, error);
}

std::optional<std::vector<IndicatorValue>> DelayedIndicatorStore::table(int year, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "IndicatorStore::table");
    return mInner->table(year, error);
}

std::optional<bool> DelayedIndicatorStore::hasSampleValues(int year, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "IndicatorStore::hasSampleValues");
    return mInner->hasSampleValues(year, error);
}

std::optional<qint64> DelayedIndicatorStore::importValues(
    const std::vector<IndicatorValue> &values, const QString &source, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "IndicatorStore::importValues");
    return mInner->importValues(values, source, error);
}

std::optional<std::vector<IndicatorRevision>> DelayedIndicatorStore::revisions(QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "IndicatorStore::revisions");
    return mInner->revisions(error);
}

std::optional<qint64> DelayedIndicatorStore::restoreRevision(qint64 id, QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "IndicatorStore::restoreRevision");
    return mInner->restoreRevision(id, error);
}

std::optional<bool> DelayedIndicatorStore::ensureSampleData(QString *error)
{
    DelayedStoreBackend::delay(mDelayMs, "IndicatorStore::ensureSampleData");
    return mInner->ensureSampleData(error);
}

} // namespace dv
