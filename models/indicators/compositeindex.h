// The county digital-village index (0–100): min–max scaled indicators, weighted by dimension.
#pragma once

#include "indicator.h"
#include "indicatorstore.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace dv {

// Computed in the open, never stored: a value class built from one year's current values, so
// it is recomputed whenever the data change (after an import or a restore).
//
// For each indicator i in the index (Indicator::inIndex) with values that year, and county c:
//   n_i(c) = (x_i(c) − min_i) / (max_i − min_i)        when higher is better,
//   n_i(c) = (max_i − x_i(c)) / (max_i − min_i)        when lower is better,
// min_i and max_i over the counties with a value that year; n_i = 1 for every county when all
// values are equal. The four dimensions (infrastructure, economy, governance, life) weigh the
// same, 1/D for the D dimensions that have indicators that year, and the indicators within a
// dimension weigh the same: w_i = 1 / (D · k_d). A county's index is
//   100 · Σ_d (1/D) · mean of n_i(c) over d's indicators the county has
//         / Σ_d (1/D) over the dimensions where the county has any,
// so a missing value is neither a zero nor a guess; isComplete() tells which counties lack one.
class CompositeIndex {
    Q_DECLARE_TR_FUNCTIONS(dv::CompositeIndex)
public:
    struct Weight {
        QString indicator; // Indicator::id
        IndicatorDimension dimension = IndicatorDimension::Economy;
        double weight = 0; // w_i; the weights sum to 1
        double minimum = 0; // min_i and max_i this year
        double maximum = 0;
        bool reversed = false; // lower is better
        int counties = 0; // counties with a value
    };

    static CompositeIndex compute(const std::vector<Indicator> &indicators,
        const std::vector<IndicatorValue> &values, int year);
    static std::optional<CompositeIndex> forYear(IndicatorStore &store, int year, QString *error);

    int year() const { return mYear; }
    // Indicators in the index this year, dimension by dimension.
    const std::vector<Weight> &weights() const { return mWeights; }
    // Index by county code; counties without any index value are absent.
    const QHash<QString, double> &scores() const { return mScores; }
    // NaN when the county has no index value.
    double score(const QString &county) const;
    bool isComplete(const QString &county) const { return !mIncomplete.contains(county); }
    // One paragraph for the UI explaining the formula, in the user's language.
    static QString explanation();

private:
    int mYear = 0;
    std::vector<Weight> mWeights;
    QHash<QString, double> mScores;
    QHash<QString, bool> mIncomplete;
};

} // namespace dv
