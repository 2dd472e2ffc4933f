// The county digital-village index (0–100): min–max scaled indicators, weighted by dimension.
#include "compositeindex.h"

#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace dv {

CompositeIndex CompositeIndex::compute(
    const std::vector<Indicator> &indicators, const std::vector<IndicatorValue> &values, int year)
{
    CompositeIndex result;
    result.mYear = year;
    // indicator id -> county -> value, for the index's indicators and this year only.
    QHash<QString, QHash<QString, double>> byIndicator;
    for (const IndicatorValue &v : values) {
        if (v.year == year && std::isfinite(v.value))
            byIndicator[v.indicator].insert(v.county, v.value);
    }
    constexpr int kDimensions = 4;
    std::vector<const Indicator *> perDimension[kDimensions];
    for (const Indicator &i : indicators) {
        if (i.inIndex && !byIndicator.value(i.id).isEmpty())
            perDimension[int(i.dimension)].push_back(&i);
    }
    int dimensions = 0;
    for (const auto &d : perDimension)
        dimensions += d.empty() ? 0 : 1;
    if (dimensions == 0)
        return result;

    // county -> per dimension: sum of normalised values and how many.
    QHash<QString, std::array<std::pair<double, int>, kDimensions>> sums;
    QSet<QString> allCounties;
    for (const IndicatorValue &v : values) {
        if (v.year == year)
            allCounties.insert(v.county);
    }
    for (int d = 0; d < kDimensions; ++d) {
        for (const Indicator *i : perDimension[d]) {
            const QHash<QString, double> &xs = byIndicator[i->id];
            double lo = std::numeric_limits<double>::infinity(), hi = -lo;
            for (double x : xs) {
                lo = std::min(lo, x);
                hi = std::max(hi, x);
            }
            Weight w;
            w.indicator = i->id;
            w.dimension = i->dimension;
            w.weight = 1.0 / (dimensions * double(perDimension[d].size()));
            w.minimum = lo;
            w.maximum = hi;
            w.reversed = !i->higherIsBetter;
            w.counties = int(xs.size());
            result.mWeights.push_back(w);
            for (auto it = xs.constBegin(); it != xs.constEnd(); ++it) {
                double n = hi > lo ? (it.value() - lo) / (hi - lo) : 1.0;
                if (w.reversed && hi > lo)
                    n = 1.0 - n;
                auto &slot = sums[it.key()][std::size_t(d)];
                slot.first += n;
                ++slot.second;
            }
        }
    }
    for (auto it = sums.constBegin(); it != sums.constEnd(); ++it) {
        double total = 0, weight = 0;
        bool complete = true;
        for (int d = 0; d < kDimensions; ++d) {
            const auto &[sum, count] = it.value()[std::size_t(d)];
            if (perDimension[d].empty())
                continue;
            if (count < int(perDimension[d].size()))
                complete = false;
            if (count == 0)
                continue;
            total += sum / count / dimensions;
            weight += 1.0 / dimensions;
        }
        result.mScores.insert(it.key(), 100.0 * total / weight);
        if (!complete)
            result.mIncomplete.insert(it.key(), true);
    }
    for (const QString &county : allCounties) {
        if (!result.mScores.contains(county))
            result.mIncomplete.insert(county, true);
    }
    return result;
}

std::optional<CompositeIndex> CompositeIndex::forYear(
    IndicatorStore &store, int year, QString *error)
{
    const auto indicators = store.indicators(error);
    if (!indicators)
        return std::nullopt;
    const auto values = store.table(year, error);
    if (!values)
        return std::nullopt;
    return compute(*indicators, *values, year);
}

double CompositeIndex::score(const QString &county) const
{
    return mScores.value(county, std::numeric_limits<double>::quiet_NaN());
}

QString CompositeIndex::explanation()
{
    return tr("Each indicator in the index is scaled to 0–1 across the counties for the year: "
              "the lowest county 0, the highest 1 (reversed where lower is better). The four "
              "dimensions (digital infrastructure, economy, governance and life) weigh the same, "
              "and so do the indicators within a dimension. A county's index is 100 times its "
              "weighted mean; a missing value is left out rather than counted as zero.");
}

} // namespace dv
