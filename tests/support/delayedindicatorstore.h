// An indicator store behind a delay, as on a distant server: for the stall test and benchmark.
#pragma once

#include "indicatorstore.h"

namespace dv {

class DelayedIndicatorStore : public IndicatorStore {
public:
    DelayedIndicatorStore(std::unique_ptr<IndicatorStore> inner, int delayMs);

    bool open(QString *error) override;
    std::optional<std::vector<Indicator>> indicators(QString *error) override;
    bool addIndicator(const Indicator &indicator, QString *error) override;
    std::optional<QList<int>> years(QString *error) override;
    std::optional<QHash<QString, double>> values(
        const QString &indicatorId, int year, QString *error) override;
    std::optional<QMap<int, double>> series(
        const QString &countyCode, const QString &indicatorId, QString *error) override;
    std::optional<std::vector<IndicatorValue>> table(int year, QString *error) override;
    std::optional<bool> hasSampleValues(int year, QString *error) override;
    std::optional<qint64> importValues(
        const std::vector<IndicatorValue> &values, const QString &source, QString *error) override;
    std::optional<std::vector<IndicatorRevision>> revisions(QString *error) override;
    std::optional<qint64> restoreRevision(qint64 id, QString *error) override;
    std::optional<bool> ensureSampleData(QString *error) override;

private:
    std::unique_ptr<IndicatorStore> mInner;
    int mDelayMs;
};

} // namespace dv
